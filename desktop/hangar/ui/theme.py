"""Light, dark, or whatever the desktop uses; applied at start-up and live from Settings.

Qt 6.8+ can ask the platform for a colour scheme (``QStyleHints.setColorScheme``), and
Windows, macOS and GNOME/KDE honour it. Plain X11 and many Linux sessions do not: the
request is silently ignored there, so Hangar then sets Fusion's palette itself.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

_SCHEMES = {"light": "Light", "dark": "Dark"}


def dark_palette() -> QPalette:
    """A dark palette with enough contrast for text, links and disabled controls."""
    window, base, text = QColor(45, 45, 48), QColor(30, 30, 32), QColor(232, 232, 232)
    palette = QPalette(window)
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    for name, colour in (
        (role.Window, window), (role.WindowText, text), (role.Base, base), (role.AlternateBase, QColor(52, 52, 56)),
        (role.ToolTipBase, QColor(60, 60, 64)), (role.ToolTipText, text), (role.Text, text), (role.Button, QColor(58, 58, 62)),
        (role.ButtonText, text), (role.BrightText, QColor(255, 90, 90)), (role.Link, QColor(110, 170, 255)),
        (role.Highlight, QColor(42, 110, 200)), (role.HighlightedText, QColor(255, 255, 255)),
        (role.PlaceholderText, QColor(150, 150, 150)), (role.Light, QColor(80, 80, 84)), (role.Midlight, QColor(66, 66, 70)),
        (role.Mid, QColor(40, 40, 42)), (role.Dark, QColor(25, 25, 27)), (role.Shadow, QColor(0, 0, 0)),
    ):  # fmt: skip
        palette.setColor(name, colour)
    disabled = QColor(128, 128, 128)
    for name in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(group.Disabled, name, disabled)
    return palette


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def apply_theme(theme: str) -> None:
    """``theme`` is the Settings value: ``system``, ``light`` or ``dark``."""
    app = QApplication.instance()
    if app is None:
        return
    hints = QGuiApplication.styleHints()
    wanted = getattr(Qt.ColorScheme, _SCHEMES.get(theme, "Unknown")) if hasattr(Qt, "ColorScheme") else None
    app.setPalette(QPalette())  # back to the platform's palette before asking again
    if wanted is not None and hasattr(hints, "setColorScheme"):
        hints.setColorScheme(wanted)
    if theme not in _SCHEMES:
        return
    honoured = wanted is not None and hints.colorScheme() == wanted and is_dark() == (theme == "dark")
    if not honoured:
        app.setPalette(dark_palette() if theme == "dark" else app.style().standardPalette())
