"""Where Hangar keeps its files.

Platform conventions come from platformdirs. ``HANGAR_HOME`` puts everything (data,
config, cache, logs) under one folder: tests use it, and so can a user who wants a
portable install on a removable disk.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "Hangar"
APP_AUTHOR = "Hangar"


@dataclass(frozen=True)
class AppPaths:
    data: Path
    config: Path
    cache: Path
    logs: Path

    @property
    def database(self) -> Path:
        return self.data / "hangar.db"

    @property
    def settings_file(self) -> Path:
        return self.config / "settings.json"

    @property
    def log_file(self) -> Path:
        return self.logs / "hangar.log"

    @property
    def audit_file(self) -> Path:
        return self.data / "audit.jsonl"

    @property
    def runtimes_dir(self) -> Path:
        """llama.cpp builds for CUDA and CANN, one folder each (installers/backends/)."""
        return self.data / "runtimes"

    @property
    def default_models_dir(self) -> Path:
        return self.data / "models"

    def ensure(self) -> "AppPaths":
        for folder in (self.data, self.config, self.cache, self.logs):
            folder.mkdir(parents=True, exist_ok=True)
        return self


def app_paths(environ: dict[str, str] | None = None) -> AppPaths:
    """The folders for this user, honouring ``HANGAR_HOME``."""
    env = os.environ if environ is None else environ
    home = env.get("HANGAR_HOME", "").strip()
    if home:
        root = Path(home).expanduser().resolve()
        return AppPaths(data=root, config=root / "config", cache=root / "cache", logs=root / "logs")
    dirs = platformdirs.PlatformDirs(APP_NAME, APP_AUTHOR)
    return AppPaths(
        data=Path(dirs.user_data_dir),
        config=Path(dirs.user_config_dir),
        cache=Path(dirs.user_cache_dir),
        logs=Path(dirs.user_log_dir),
    )
