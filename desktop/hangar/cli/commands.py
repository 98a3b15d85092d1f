"""The registry of hangar-cli subcommands; later features add their module here."""

from . import info_cmd, settings_cmd, synth_cmd

COMMANDS = (info_cmd, settings_cmd, synth_cmd)
