"""Which language the window speaks, and loading the translations for it.

Hangar's own strings come from ``resources/translations/hangar_<lang>.qm`` (made by
``resources/translations/update.sh``); Qt's standard dialogs and buttons from Qt's own
``qtbase_<lang>.qm`` where the Qt installation has it. English is the source language,
so it needs no file. Translations are installed once, before the first widget is built:
widgets translate their text when they are constructed.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ..core.common.i18n import Text, Translated
from ..core.config.resources import resource

log = logging.getLogger(__name__)

SHIPPED = ("en", "zh_CN")  # languages with a complete translation
_INSTALLED: list[QTranslator] = []  # kept alive here: Qt does not own installed translators
_current = "en"


def current_language() -> str:
    """The language the window speaks now: "en" until a translation is installed."""
    return _current


def resolve_language(setting: str, system: QLocale | None = None) -> str:
    """The shipped language for a Settings value: ``system`` follows the desktop's
    locale, any Chinese locale gets Simplified Chinese, everything else English."""
    if setting == "system":
        locale = system if system is not None else QLocale.system()
        return "zh_CN" if locale.language() == QLocale.Language.Chinese else "en"
    return "zh_CN" if setting.startswith("zh") else "en"


def translation_file(language: str) -> Path:
    return resource("translations", f"hangar_{language}.qm")


def install_translations(language: str) -> list[str]:
    """Install the translators for ``language``; returns the files that were loaded."""
    remove_translations()
    app = QCoreApplication.instance()
    if app is None or language == "en":
        return []
    loaded = []
    candidates = [
        (str(translation_file(language)), True),
        (str(Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)) / f"qtbase_{language}.qm"), False),
    ]
    for path, ours in candidates:
        translator = QTranslator()
        if translator.load(path):
            app.installTranslator(translator)
            _INSTALLED.append(translator)
            loaded.append(path)
        elif ours:
            log.warning("no translation file %s; the window stays in English", path)
    if loaded:
        global _current
        _current = language
        QLocale.setDefault(QLocale(language))
    log.info("language %s: loaded %s", language, ", ".join(loaded) or "nothing")
    return loaded


def remove_translations() -> None:
    global _current
    _current = "en"
    app = QCoreApplication.instance()
    while _INSTALLED:
        translator = _INSTALLED.pop()
        if app is not None:
            app.removeTranslator(translator)
    QLocale.setDefault(QLocale.system())


def localise(text: object) -> str:
    """A message from core/ in the window's language (see hangar.core.common.i18n).

    Plain strings pass through unchanged; a translation that does not fit its fields
    (a translator's typo) falls back to the English text rather than failing.
    """
    if isinstance(text, Translated):
        return text.translations.get(_current) or str(text)
    if not isinstance(text, Text):
        return "" if text is None else str(text)
    template = QCoreApplication.translate("", text.template)
    fields = {name: localise(value) if isinstance(value, (Text, Translated)) else value for name, value in text.fields.items()}
    try:
        return template.format(**fields)
    except (KeyError, IndexError, ValueError):
        log.warning("the translation of %r does not fit its fields", text.template)
        return str(text)
