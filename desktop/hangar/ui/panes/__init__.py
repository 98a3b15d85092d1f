"""The panes of the main window, in sidebar order.

Each pane is a subpackage; ``PANES`` names them with a stable key (saved as the last
pane) and a factory taking the window's UiServices.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QStyle, QWidget


@dataclass(frozen=True)
class PaneSpec:
    key: str
    title: str
    icon: QStyle.StandardPixmap
    factory: Callable[..., QWidget]  # (services) -> the pane


def pane_specs() -> list[PaneSpec]:
    # Imported here so that each pane's module loads only when the window is built.
    from .audit.pane import AuditPane
    from .benchmark.pane import BenchmarkPane
    from .chat.pane import ChatPane
    from .compare.pane import ComparePane
    from .discover.pane import DiscoverPane
    from .hardware.pane import HardwarePane
    from .library.pane import LibraryPane
    from .licenses.pane import LicensesPane
    from .server.pane import ServerPane
    from .settings.pane import SettingsPane

    sp = QStyle.StandardPixmap
    return [
        PaneSpec("discover", QCoreApplication.translate("Panes", "Discover"), sp.SP_FileDialogContentsView, DiscoverPane),
        PaneSpec("library", QCoreApplication.translate("Panes", "Library"), sp.SP_DirIcon, LibraryPane),
        PaneSpec("chat", QCoreApplication.translate("Panes", "Chat"), sp.SP_MessageBoxInformation, ChatPane),
        PaneSpec("compare", QCoreApplication.translate("Panes", "Compare"), sp.SP_FileDialogListView, ComparePane),
        PaneSpec("benchmark", QCoreApplication.translate("Panes", "Benchmark"), sp.SP_MediaSeekForward, BenchmarkPane),
        PaneSpec("server", QCoreApplication.translate("Panes", "Server"), sp.SP_DriveNetIcon, ServerPane),
        PaneSpec("licenses", QCoreApplication.translate("Panes", "Licenses"), sp.SP_FileDialogDetailedView, LicensesPane),
        PaneSpec("audit", QCoreApplication.translate("Panes", "Audit"), sp.SP_FileDialogInfoView, AuditPane),
        PaneSpec("hardware", QCoreApplication.translate("Panes", "Hardware"), sp.SP_ComputerIcon, HardwarePane),
        PaneSpec("settings", QCoreApplication.translate("Panes", "Settings"), sp.SP_FileDialogListView, SettingsPane),
    ]
