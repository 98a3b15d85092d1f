"""The bundle's ``hangar-engine`` executable: the inference worker, ``python -m hangar.engine``.

A frozen bundle has no Python to run ``-m`` with, so ``hangar.core.runner.client.engine_command``
starts this executable instead. It is analysed on its own, so it never loads Qt.
"""

import sys

from hangar.engine.worker import main

sys.exit(main())
