"""The registry of hangar-cli subcommands; later features add their module here."""

from . import hardware_cmd, info_cmd, run_cmd, settings_cmd, synth_cmd

COMMANDS = (info_cmd, hardware_cmd, run_cmd, settings_cmd, synth_cmd)
