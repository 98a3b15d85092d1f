"""The registry of hangar-cli subcommands; later features add their entries here.

An entry is anything with NAME, HELP, add_arguments(parser) and run(args, app).
"""

from . import bench_serve_cmd, hardware_cmd, info_cmd, run_cmd, serve_cmd, settings_cmd, synth_cmd
from .audit_cmd import Audit
from .bench_cmd import Bench
from .chat_cmd import Chat
from .download_cmd import Download
from .endpoints_cmd import Endpoints
from .eval_cmd import Eval
from .fleet_cmd import Fleet
from .hub_cmds import Files, Search
from .keys_cmd import Keys
from .library_cmds import Import, Models, Remove
from .license_cmds import Bom, License
from .ppl_cmd import Ppl
from .token_cmd import Token
from .transfer_cmds import Export, ImportBundle
from .updates_cmd import Pin, Unpin, Updates

COMMANDS = (info_cmd, hardware_cmd, Search, Files, Download, Models, Import, Remove, run_cmd, Chat, Bench, settings_cmd, synth_cmd, Token, License, Bom, serve_cmd, Keys, Audit, Fleet, Endpoints, bench_serve_cmd, Updates, Pin, Unpin, Export, ImportBundle, Ppl, Eval)
