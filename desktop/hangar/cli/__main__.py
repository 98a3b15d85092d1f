"""``python -m hangar.cli`` runs hangar-cli."""

import sys

from . import main

sys.exit(main())
