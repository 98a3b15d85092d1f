"""User settings with typed defaults, kept in a small JSON file next to the database.

A JSON file rather than a database table so that a damaged database never takes the
user's preferences (or the window) with it. Values of the wrong type are replaced by
their default and reported, never allowed to crash start-up.

A file that cannot be read (not JSON, not UTF-8, nested too deeply, too large, not a
regular file) is never overwritten: the first save moves it aside, to the name the
problem message gave at start-up, and then writes the new file. A UTF-8 BOM (Notepad
writes one) or UTF-16 is read, not refused.
"""

from __future__ import annotations

import errno
import json
import logging
import math
import os
import tempfile
import time
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from ..common.errors import DiskFull, InvalidInput
from ..common.i18n import QT_TR_NOOP
from ..common.small_files import UnsuitableFile, read_small_file

log = logging.getLogger(__name__)

LANGUAGES = ("system", "en", "zh_CN")
THEMES = ("system", "light", "dark")
MAX_SETTINGS_BYTES = 1024 * 1024  # the file is under 1 KB; a window geometry is a few hundred bytes
_NOT_SETTINGS = ("problems", "set_aside")
_DISK_FULL = (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))
_COSTS = ("cost_per_hour", "cost_purchase_price", "cost_lifetime_hours", "cost_electricity_per_kwh", "cost_power_watts")


@dataclass
class Settings:
    models_dir: str = ""  # empty: the default folder under the data folder
    threads: int = 0  # 0: one per physical core, as llama-bench does
    gpu_fallback_to_cpu: bool = True
    language: str = "system"
    theme: str = "system"
    last_pane: str = "discover"
    window_geometry: str = ""  # Qt's saveGeometry(), base64
    cost_per_hour: float = 0.0  # benchmark cost inputs (see core/bench/cost.py)
    cost_purchase_price: float = 0.0
    cost_lifetime_hours: float = 0.0
    cost_electricity_per_kwh: float = 0.0
    cost_power_watts: float = 0.0
    cost_currency: str = "USD"
    first_run_done: bool = False  # the welcome dialog was shown once and closed
    serve_on_start: bool = False  # the Server pane's "Start the server with Hangar"
    serve_host: str = "127.0.0.1"  # the Server pane's last address (any other than loopback needs an API key)
    serve_port: int = 8181
    serve_parallel: int = 1  # requests decoded together per model
    serve_ctx: int = 4096  # context size of a served model's worker
    hub_endpoint: str = ""  # an internal Hub mirror (empty: HF_ENDPOINT, then huggingface.co); core/hub/network.py
    http_proxy: str = ""  # the proxy every Hub call and download goes through (empty: the environment's)
    ca_bundle: str = ""  # a PEM file of the organisation's certificates (empty: the system's)
    update_check_daily: bool = False  # the window checks the library's models for updates at start-up, once a day at most
    problems: list[str] = field(default_factory=list, compare=False, repr=False)  # QT_TR_NOOP messages
    set_aside: str = field(default="", compare=False, repr=False)  # an unreadable file moves here before the first save

    def validate(self) -> None:
        if self.threads < 0 or self.threads > 1024:
            raise InvalidInput(QT_TR_NOOP("threads must be between 0 (automatic) and 1024, not {threads}", threads=self.threads))
        if self.language not in LANGUAGES:
            raise InvalidInput(QT_TR_NOOP("language must be one of {choices}, not {value}", choices=", ".join(LANGUAGES), value=_shown(self.language)))
        if self.theme not in THEMES:
            raise InvalidInput(QT_TR_NOOP("theme must be one of {choices}, not {value}", choices=", ".join(THEMES), value=_shown(self.theme)))
        if not 0 <= self.serve_port <= 65535:
            raise InvalidInput(QT_TR_NOOP("{name} must be a whole number from {low:,} to {high:,}, not {value}", name="serve_port", low=0, high=65535, value=self.serve_port))
        if not 1 <= self.serve_parallel <= 64:
            raise InvalidInput(QT_TR_NOOP("{name} must be a whole number from {low:,} to {high:,}, not {value}", name="serve_parallel", low=1, high=64, value=self.serve_parallel))
        for name in _COSTS:
            value = getattr(self, name)
            if not math.isfinite(value) or value < 0:
                raise InvalidInput(QT_TR_NOOP("{name} must be a number of at least 0, not {value}", name=name, value=repr(value)))

    def cost_inputs(self):
        from ..bench.cost import CostInputs

        return CostInputs(
            self.cost_per_hour, self.cost_purchase_price, self.cost_lifetime_hours,
            self.cost_electricity_per_kwh, self.cost_power_watts, self.cost_currency,
        )  # fmt: skip

    def models_path(self, default: Path) -> Path:
        return Path(self.models_dir).expanduser() if self.models_dir else default


def setting_names() -> list[str]:
    return [f.name for f in fields(Settings) if f.name not in _NOT_SETTINGS]


def _field_type(name: str) -> type:
    return type(getattr(Settings(), name))


def coerce(name: str, raw: str) -> Any:
    """Parse a value typed by a person (CLI ``settings set``) into the setting's type."""
    if name not in setting_names():
        raise InvalidInput(QT_TR_NOOP("unknown setting {name}; known: {known}", name=repr(name), known=", ".join(setting_names())))
    kind = _field_type(name)
    if kind is bool:
        lowered = raw.strip().lower()
        if lowered in ("1", "true", "yes", "on"):
            return True
        if lowered in ("0", "false", "no", "off"):
            return False
        raise InvalidInput(QT_TR_NOOP("{name} takes true or false, not {value}", name=name, value=repr(raw)))
    if kind is int:
        try:
            return int(raw)
        except ValueError:
            raise InvalidInput(QT_TR_NOOP("{name} takes a whole number, not {value}", name=name, value=repr(raw))) from None
    if kind is float:
        try:
            value = float(raw)
        except ValueError:
            raise InvalidInput(QT_TR_NOOP("{name} takes a number, not {value}", name=name, value=repr(raw))) from None
        if value < 0 or value != value:
            raise InvalidInput(QT_TR_NOOP("{name} cannot be negative", name=name))
        return value
    return raw


def load_settings(path: Path) -> Settings:
    settings = Settings()
    try:
        data = _read(path)
    except FileNotFoundError:
        return settings
    except (OSError, ValueError, RecursionError, UnsuitableFile) as exc:
        aside = aside_name(path)
        settings.set_aside = str(aside)
        settings.problems.append(QT_TR_NOOP(
            "{path} could not be read ({problem}); defaults are used and the file is kept: before settings are next saved, it is moved to {aside}.",
            path=path, problem=_problem(exc), aside=aside,
        ))  # fmt: skip
        log.warning(settings.problems[-1])
        return settings
    for name in setting_names():
        if name not in data:
            continue
        value, kind = data[name], _field_type(name)
        if kind is float and type(value) is int:
            value = float(value) if abs(value) < 2**1000 else math.inf  # float() of a larger int overflows
        if type(value) is not kind:  # bool is an int subclass: compare exact types
            settings.problems.append(QT_TR_NOOP("setting {name} has an invalid value {value}; using the default", name=name, value=_shown(value)))
            continue
        setattr(settings, name, value)
    try:
        settings.validate()
    except InvalidInput as exc:
        settings.problems.append(QT_TR_NOOP("{problem}; using defaults for the invalid values", problem=exc.message))
        _reset_invalid(settings)
    for problem in settings.problems:
        log.warning(problem)
    return settings


def _read(path: Path) -> dict:
    """The file's object. json.loads on bytes reads a UTF-8 BOM and UTF-16/32 as well."""
    data = json.loads(read_small_file(path, MAX_SETTINGS_BYTES))
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    return data


def _shown(value: Any) -> str:
    text = repr(value) if not isinstance(value, (dict, list)) else type(value).__name__
    return text if len(text) <= 80 else text[:77] + "..."


def _problem(exc: BaseException) -> str:
    if isinstance(exc, RecursionError):
        return QT_TR_NOOP("it is nested too deeply to be a settings file")
    if isinstance(exc, UnsuitableFile):
        return exc.reason
    if isinstance(exc, OSError):
        return exc.strerror or type(exc).__name__
    return str(exc)


def aside_name(path: Path) -> Path:
    """Where an unreadable settings file is kept: settings.json.unreadable-<time>, never an existing name."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.name}.unreadable-{stamp}")
    counter = 1
    while os.path.lexists(candidate):
        candidate = path.with_name(f"{path.name}.unreadable-{stamp}-{counter}")
        counter += 1
    return candidate


def _reset_invalid(settings: Settings) -> None:
    default = Settings()
    if not 0 <= settings.threads <= 1024:
        settings.threads = default.threads
    if settings.language not in LANGUAGES:
        settings.language = default.language
    if settings.theme not in THEMES:
        settings.theme = default.theme
    if not 0 <= settings.serve_port <= 65535:
        settings.serve_port = default.serve_port
    if not 1 <= settings.serve_parallel <= 64:
        settings.serve_parallel = default.serve_parallel
    for name in _COSTS:
        value = getattr(settings, name)
        if not math.isfinite(value) or value < 0:
            setattr(settings, name, getattr(default, name))


def save_settings(settings: Settings, path: Path) -> Path | None:
    """Write atomically: a crash mid-write leaves the previous file, never half of one.

    A file that could not be read at start-up is moved to ``settings.set_aside`` first
    (returned; None when nothing was moved). A full disk is DiskFull, with the file as it was.
    """
    settings.validate()
    data = {k: v for k, v in asdict(settings).items() if k in setting_names()}
    path.parent.mkdir(parents=True, exist_ok=True)
    moved = _move_aside(settings, path)
    tmp = ""
    try:
        fd, tmp = tempfile.mkstemp(prefix=".settings-", suffix=".json", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, indent=2, sort_keys=True)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        if tmp:
            Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError) and exc.errno in _DISK_FULL:
            raise DiskFull(
                QT_TR_NOOP("The disk holding {folder} is full.", folder=path.parent),
                hint=QT_TR_NOOP("Free some space, then change the setting again."),
            ) from None
        raise
    if moved is not None:
        settings.problems.append(QT_TR_NOOP("{path} could not be read and was moved to {aside}; a new settings file was written.", path=path, aside=moved))
        log.warning(settings.problems[-1])
    return moved


def _move_aside(settings: Settings, path: Path) -> Path | None:
    if not settings.set_aside:
        return None
    aside = Path(settings.set_aside)
    if os.path.lexists(path):
        if os.path.lexists(aside):
            aside = aside_name(path)
        os.rename(path, aside)  # an OSError here stops the save: the file is never overwritten
        settings.set_aside = ""
        return aside
    settings.set_aside = ""  # it was removed meanwhile: nothing to keep
    return None
