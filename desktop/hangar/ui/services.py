"""The application layer as the window sees it: the one ``Hangar`` and its change reports
turned into Qt signals, so every pane that shows the library, the policy, the settings or
the downloads follows a change made anywhere (another pane, the queue thread).

Reports arrive on whichever thread made the change; a signal emitted there reaches the
panes' slots queued on the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ..core.app import Change, ChangeReport, Hangar


class UiServices(QObject):
    download_changed = Signal(object)  # core.downloads.manager.Download
    library_changed = Signal()
    policy_changed = Signal()
    settings_changed = Signal(str)  # the setting's name
    conversations_changed = Signal()
    server_changed = Signal(object)  # core.app.serving.ServerReport: a model's state, or a finished request
    endpoints_changed = Signal(str)  # a remote endpoint's name: added, changed, removed, or its models read
    audit_changed = Signal()  # an event was recorded in the audit trail

    def __init__(self, app: Hangar, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.ctx = app.ctx  # paths and the current settings, to read
        self._unsubscribe = app.changes.subscribe(self._on_change)
        self._started = False
        self._server = None  # ui/panes/server/control.py: ServerControl, built on first use

    @property
    def library(self):
        return self.app.library

    @property
    def downloads(self):
        return self.app.downloads

    @property
    def server(self):
        """The window's server (start, stop, its address), shared by the Server pane and the start-up."""
        if self._server is None:
            from .panes.server.control import ServerControl

            self._server = ServerControl(self.app, self)
        return self._server

    def start(self) -> None:
        """Start the download queue (the window does; a pane built alone in a test need not)."""
        if not self._started:
            self._started = True
            self.app.downloads.start()

    def _on_change(self, report: ChangeReport) -> None:
        if report.change is Change.LIBRARY:
            self.library_changed.emit()
        elif report.change is Change.DOWNLOADS:
            self.download_changed.emit(report.detail)
        elif report.change is Change.POLICY:
            self.policy_changed.emit()
        elif report.change is Change.SETTINGS:
            self.settings_changed.emit(str(report.detail))
        elif report.change is Change.CONVERSATIONS:
            self.conversations_changed.emit()
        elif report.change is Change.SERVER:  # announced on the server's threads
            self.server_changed.emit(report.detail)
        elif report.change is Change.ENDPOINTS:
            self.endpoints_changed.emit(str(report.detail or ""))
        elif report.change is Change.AUDIT:
            self.audit_changed.emit()

    def close(self) -> None:
        if self._server is not None:  # the port is free and the served models unloaded before the window goes
            self._server.shutdown()
        self._unsubscribe()
        if self._started:
            self._started = False
            self.app.downloads.stop()
