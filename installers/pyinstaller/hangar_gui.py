"""The bundle's ``hangar`` executable: the window (``hangar.ui.app:main``)."""

import sys

from hangar.ui.app import main

sys.exit(main())
