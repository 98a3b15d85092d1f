"""Everything a front end needs to start: folders, settings, logging and the database.

The GUI and the CLI both begin with ``AppContext.open()``; the database is opened on
first use so that commands which do not need it (``--help``, ``synth``) still work when
it is damaged or locked.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from ... import __version__
from ..db.store import Database
from .logs import setup_logging
from .paths import AppPaths, app_paths
from .settings import Settings, load_settings, save_settings

log = logging.getLogger(__name__)


@dataclass
class AppContext:
    paths: AppPaths
    settings: Settings
    _database: Database | None = field(default=None, repr=False)
    _audit: object = field(default=None, repr=False)

    @classmethod
    def open(cls, environ: dict[str, str] | None = None) -> "AppContext":
        paths = app_paths(environ).ensure()
        setup_logging(paths.log_file)
        log.info("Hangar %s starting; data in %s", __version__, paths.data)
        return cls(paths=paths, settings=load_settings(paths.settings_file))

    @property
    def database(self) -> Database:
        if self._database is None:
            self._database = Database(self.paths.database)
        return self._database

    @property
    def audit(self):
        """The audit trail in the data folder (core/audit/trail.py): every face records to the same one."""
        if self._audit is None:
            from ..audit.trail import AuditLog

            self._audit = AuditLog(self.paths.audit_file)
        return self._audit

    @property
    def models_dir(self) -> Path:
        return self.settings.models_path(self.paths.default_models_dir)

    def save_settings(self) -> None:
        save_settings(self.settings, self.paths.settings_file)

    def close(self) -> None:
        if self._database is not None:
            self._database.close()
            self._database = None
