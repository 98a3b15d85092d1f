"""``python -m hangar`` starts the window, like the ``hangar`` command."""

import sys

from .ui.app import main

sys.exit(main())
