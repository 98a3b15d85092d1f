"""The bundle's ``hangar-cli`` executable (``hangar.cli:main``)."""

import sys

from hangar.cli import main

sys.exit(main())
