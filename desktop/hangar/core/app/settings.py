"""Changing a setting, the same way from every face: one parse, one validation, one save.

The Settings pane and ``hangar-cli settings set`` used to validate differently (the pane
not at all, so a models folder that could not be created was saved). A change that
cannot be saved leaves the previous value in place.
"""

from __future__ import annotations

import logging
from dataclasses import asdict
from pathlib import Path
from typing import Any

from ..common.errors import HangarError, InvalidInput
from ..common.i18n import QT_TR_NOOP
from ..config.context import AppContext
from ..config.settings import coerce, setting_names
from .changes import Announcer, Change

log = logging.getLogger(__name__)


NETWORK = {"hub_endpoint": "endpoint", "http_proxy": "proxy", "ca_bundle": "ca_bundle"}  # setting -> core/hub/network.py field


class SettingsService:
    def __init__(self, ctx: AppContext, changes: Announcer) -> None:
        self._ctx = ctx
        self._changes = changes

    @property
    def current(self):
        """The live Settings object (read it; change it only through ``set``)."""
        return self._ctx.settings

    @property
    def models_dir(self) -> Path:
        return self._ctx.models_dir

    def values(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self._ctx.settings).items() if k in setting_names()}

    def get(self, name: str) -> Any:
        if name not in setting_names():
            raise InvalidInput(QT_TR_NOOP("unknown setting '{name}'; known: {known}", name=name, known=", ".join(setting_names())))
        return getattr(self._ctx.settings, name)

    def set(self, name: str, value: Any, *, origin: str = "") -> Any:
        """Parse (text from a person is coerced to the setting's type), validate, save, announce.

        Returns the stored value; raises InvalidInput (nothing changed) when it is refused.
        """
        return self.update({name: value}, origin=origin)[name]

    def update(self, values: dict[str, Any], *, origin: str = "") -> dict[str, Any]:
        """Several settings at once: all are saved, or none (one validation, one write)."""
        settings = self._ctx.settings
        old = {name: self.get(name) for name in values}
        new = {name: self._parse(name, value, old[name]) for name, value in values.items()}
        changed = [name for name in new if new[name] != old[name]]
        if not changed:
            return old
        for name in changed:
            setattr(settings, name, new[name])
        try:
            settings.validate()
            self._save()
        except HangarError:
            for name in changed:
                setattr(settings, name, old[name])
            raise
        if any(name in NETWORK for name in changed):
            self.apply_network()
        for name in changed:
            log.info("setting %s changed", name)
            self._changes.announce(Change.SETTINGS, name, origin)
        return {name: getattr(settings, name) for name in values}

    def _parse(self, name: str, value: Any, old: Any) -> Any:
        if isinstance(value, str) and not isinstance(old, str):
            value = coerce(name, value)
        elif isinstance(old, float) and type(value) is int:
            value = float(value)
        elif type(value) is not type(old):
            raise InvalidInput(QT_TR_NOOP("{name} cannot be set to {value}", name=name, value=repr(value)))
        if name == "models_dir":
            value = self._usable_folder(str(value))
        if name in NETWORK:
            from ..hub.network import Network, check

            checked = check(Network(**{NETWORK[name]: str(value)}))
            value = getattr(checked, NETWORK[name])
        return value

    def apply_network(self) -> None:
        """Every Hub call and download from now on uses the network settings (core/hub/network.py).
        A value that became unusable (a CA bundle deleted since) is reported, not fatal."""
        from ..hub.network import Network, configure

        settings = self._ctx.settings
        try:
            configure(Network(settings.hub_endpoint, settings.http_proxy, settings.ca_bundle))
        except HangarError as exc:
            log.warning("network settings not used: %s", exc.message)
            if exc.message not in settings.problems:
                settings.problems.append(exc.message)

    def save_quietly(self, **values: Any) -> None:
        """Window state (size, last pane, first run done): saved, not announced."""
        for name, value in values.items():
            setattr(self._ctx.settings, name, value)
        self._save()

    @property
    def problems(self) -> list[str]:
        """What was wrong with the settings file (read at start-up, or moved aside by a save)."""
        return list(self._ctx.settings.problems)

    def _save(self) -> None:
        """Save, or a HangarError with a plain message: a full disk is DiskFull (from
        core/config/settings.py), any other failure says why; never a traceback."""
        try:
            self._ctx.save_settings()
        except OSError as exc:
            raise InvalidInput(QT_TR_NOOP("The settings could not be saved: {reason}", reason=exc.strerror or type(exc).__name__)) from None

    @staticmethod
    def _usable_folder(text: str) -> str:
        text = text.strip()
        if not text:
            return ""
        try:
            Path(text).expanduser().mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InvalidInput(QT_TR_NOOP("Cannot use {path}: {reason}", path=text, reason=exc.strerror or type(exc).__name__)) from None
        return text
