"""User settings with typed defaults, kept in a small JSON file next to the database.

A JSON file rather than a database table so that a damaged database never takes the
user's preferences (or the window) with it. Values of the wrong type are replaced by
their default and reported, never allowed to crash start-up.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from ..common.errors import InvalidInput
from ..common.i18n import QT_TR_NOOP

log = logging.getLogger(__name__)

LANGUAGES = ("system", "en", "zh_CN")
THEMES = ("system", "light", "dark")


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
    problems: list[str] = field(default_factory=list, compare=False, repr=False)  # QT_TR_NOOP messages

    def validate(self) -> None:
        if self.threads < 0 or self.threads > 1024:
            raise InvalidInput(QT_TR_NOOP("threads must be between 0 (automatic) and 1024, not {threads}", threads=self.threads))
        if self.language not in LANGUAGES:
            raise InvalidInput(QT_TR_NOOP("language must be one of {choices}, not {value}", choices=", ".join(LANGUAGES), value=repr(self.language)))
        if self.theme not in THEMES:
            raise InvalidInput(QT_TR_NOOP("theme must be one of {choices}, not {value}", choices=", ".join(THEMES), value=repr(self.theme)))

    def cost_inputs(self):
        from ..bench.cost import CostInputs

        return CostInputs(
            self.cost_per_hour, self.cost_purchase_price, self.cost_lifetime_hours,
            self.cost_electricity_per_kwh, self.cost_power_watts, self.cost_currency,
        )  # fmt: skip

    def models_path(self, default: Path) -> Path:
        return Path(self.models_dir).expanduser() if self.models_dir else default


def setting_names() -> list[str]:
    return [f.name for f in fields(Settings) if f.name != "problems"]


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
    if not path.exists():
        return settings
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
    except (OSError, ValueError) as exc:
        settings.problems.append(QT_TR_NOOP("{path} could not be read ({problem}); defaults are used and the file is kept.", path=path, problem=str(exc)))
        log.warning(settings.problems[-1])
        return settings
    for name in setting_names():
        if name not in data:
            continue
        value, kind = data[name], _field_type(name)
        if kind is float and type(value) is int:
            value = float(value)
        if type(value) is not kind:  # bool is an int subclass: compare exact types
            settings.problems.append(QT_TR_NOOP("setting {name} has an invalid value {value}; using the default", name=name, value=repr(value)))
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


def _reset_invalid(settings: Settings) -> None:
    default = Settings()
    if not 0 <= settings.threads <= 1024:
        settings.threads = default.threads
    if settings.language not in LANGUAGES:
        settings.language = default.language
    if settings.theme not in THEMES:
        settings.theme = default.theme


def save_settings(settings: Settings, path: Path) -> None:
    """Write atomically: a crash mid-write leaves the previous file, never half of one."""
    settings.validate()
    data = {k: v for k, v in asdict(settings).items() if k != "problems"}
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".settings-", suffix=".json", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, indent=2, sort_keys=True)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
