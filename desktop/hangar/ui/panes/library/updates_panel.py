"""The Library's updates: Check for updates, the daily check, a badge per model, the details.

The checks run in the background (``app.updates.check``); their results are kept in the
database, so a badge shows what the last check found after a restart too. With "Check
daily" on, the check runs when the Library opens if the last one is more than a day old,
and a notice appears only when something changed.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QMainWindow, QPushButton, QTableView, QWidget

from ....core.lifecycle.status import UpdateCheck, UpdateStatus
from ...error_dialog import error_text
from ...i18n import localise
from ...models.record_table import Column, RecordTableModel
from ...tasks import BackgroundTasks
from .update_details import UpdateDetailsDialog


class UpdatesPanel(QWidget):
    checks_changed = Signal()  # new check results: the badges follow

    def __init__(self, services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.app = services, services.app
        self.tasks = BackgroundTasks(self)
        self.checks: dict[int, UpdateCheck] = self.app.updates.last_checks()
        self.table: QTableView | None = None
        self.model: RecordTableModel | None = None
        self.dialog: UpdateDetailsDialog | None = None
        self._column: Column | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.check_button = QPushButton(self.tr("Check for updates"))
        self.check_button.setToolTip(self.tr("Compare every model with its Hub repository: new revision, changed file, license or gated state. Nothing is downloaded."))
        self.check_button.clicked.connect(self.check_now)
        self.daily = QCheckBox(self.tr("Check daily"))
        self.daily.setToolTip(self.tr("Check for updates when the Library opens, once a day at most"))
        self.daily.setChecked(bool(self.app.settings.current.update_check_daily))
        self.daily.toggled.connect(self._on_daily_toggled)
        self.details_button = QPushButton(self.tr("Update details…"))
        self.details_button.setEnabled(False)
        self.details_button.clicked.connect(self.show_details)
        self.notice = QLabel()
        self.notice.setObjectName("updatesNotice")
        self.notice.setWordWrap(True)
        layout.addWidget(self.check_button)
        layout.addWidget(self.daily)
        layout.addWidget(self.details_button)
        layout.addWidget(self.notice, 1)
        QTimer.singleShot(0, self.check_if_due)

    def column(self) -> Column:
        """The Library table's Updates column (a badge per model, what changed as its tooltip)."""
        self._column = Column(self.tr("Updates"), self.badge, self.tooltip)
        return self._column

    def attach(self, table: QTableView, model: RecordTableModel) -> None:
        """Follow the Library's table: its selection picks the model, a double-click on the badge opens the details."""
        self.table, self.model = table, model
        table.selectionModel().selectionChanged.connect(lambda *_: self.details_button.setEnabled(self._selected() is not None))
        table.doubleClicked.connect(lambda index: self.show_details() if model.columns[index.column()] is self._column else None)
        self.checks_changed.connect(self._refresh_badges)
        self.services.library_changed.connect(self._on_dialog_changed)  # a check or an update made elsewhere (the CLI)

    # -- the badge -------------------------------------------------------------------------------
    def badge(self, record: dict) -> str:
        """The Updates column: up to date / update available / license changed! / pinned …"""
        if record.get("pinned"):
            return self.tr("pinned")
        check = self._current(record)
        if check is None:
            return ""
        words = {
            UpdateStatus.UP_TO_DATE: self.tr("up to date"),
            UpdateStatus.METADATA_ONLY: self.tr("new revision (same file)"),
            UpdateStatus.NEW_FILE: self.tr("update available"),
            UpdateStatus.FILE_GONE: self.tr("file gone or renamed"),
            UpdateStatus.LICENSE_CHANGED: self.tr("⚠ license changed!"),
            UpdateStatus.GATED_CHANGED: self.tr("⚠ gated state changed"),
            UpdateStatus.NO_ACCESS: self.tr("no access"),
            UpdateStatus.REPO_GONE: self.tr("gone from the Hub"),
            UpdateStatus.PINNED: self.tr("pinned"),
            UpdateStatus.NOT_FROM_HUB: "",
            UpdateStatus.UNREACHABLE: self.tr("not checked (Hub unreachable)"),
            UpdateStatus.ERROR: self.tr("check failed"),
        }
        return words.get(check.status, "")

    def tooltip(self, record: dict) -> str:
        check = self._current(record)
        if check is None:
            return self.tr("Not checked yet") if not record.get("pinned") else self.tr("Pinned to its revision")
        lines = [localise(line) for line in check.changes()] or ([localise(check.message)] if check.message else [])
        return "\n".join(lines) or self.tr("Checked {0}: nothing changed").format(check.checked_at.replace("T", " ").rstrip("Z"))

    def _current(self, record: dict) -> UpdateCheck | None:
        """The last check of this model, if it is still about the copy here (not one from before an update)."""
        check = self.checks.get(record.get("id"))
        if check is None or (check.local_revision and record.get("revision") and check.local_revision != record["revision"]):
            return None
        return check

    def _refresh_badges(self) -> None:
        if self.model is not None and self.model.rowCount():
            self.model.dataChanged.emit(self.model.index(0, 0), self.model.index(self.model.rowCount() - 1, self.model.columnCount() - 1))

    # -- checking --------------------------------------------------------------------------------
    def check_now(self) -> None:
        self._check(quiet=False)

    def check_if_due(self) -> None:
        """The daily check: when chosen and the last check is a day old; says something only if something changed."""
        try:
            due = self.app.updates.daily_check_due()
        except Exception:  # a database problem is shown by the Library itself; the daily check just does not run
            return
        if due:
            self._check(quiet=True)

    def _check(self, quiet: bool) -> None:
        updates = self.app.updates
        self.check_button.setEnabled(False)
        if not quiet:
            self.notice.setText(self.tr("Checking the models against the Hub…"))

        def failed(exc: BaseException) -> None:
            self.check_button.setEnabled(True)
            if not quiet:
                self.notice.setText(" ".join(error_text(exc, self.services.ctx.paths.log_file)).strip())

        self.tasks.run(updates.check, lambda checks: self._on_checked(checks, quiet), failed)

    def _on_checked(self, checks: list[UpdateCheck], quiet: bool) -> None:
        self.check_button.setEnabled(True)
        self.checks = {**self.checks, **{c.model_id: c for c in checks if c.status is not UpdateStatus.UNREACHABLE}}
        self.checks_changed.emit()
        text = self.summary(checks)
        if quiet and not any(c.changed for c in checks):
            return
        self.notice.setText(text)
        self.notice.setStyleSheet("QLabel#updatesNotice { color: #b3261e; font-weight: bold; }" if any(c.license_changed for c in checks) else "")
        window = self.window()
        if quiet and isinstance(window, QMainWindow):
            window.statusBar().showMessage(text)

    def summary(self, checks: list[UpdateCheck]) -> str:
        licenses = sum(1 for c in checks if c.license_changed)
        available = sum(1 for c in checks if c.update_available)
        offline = next((c for c in checks if c.status is UpdateStatus.UNREACHABLE), None)
        parts = []
        if licenses:
            parts.append(self.tr("⚠ The license of {0} model(s) changed: read it before updating.").format(licenses))
        if available:
            parts.append(self.tr("{0} update(s) available.").format(available))
        gone = sum(1 for c in checks if c.status in (UpdateStatus.REPO_GONE, UpdateStatus.NO_ACCESS, UpdateStatus.FILE_GONE, UpdateStatus.GATED_CHANGED))
        if gone:
            parts.append(self.tr("{0} model(s) need attention (see the Updates column).").format(gone))
        if offline is not None:
            parts.append(self.tr("The Hub could not be reached; nothing was changed: {0}").format(localise(offline.message)))
        return " ".join(parts) or self.tr("Every model is up to date.")

    # -- the details -----------------------------------------------------------------------------
    def _selected(self) -> dict | None:
        if self.table is None or self.model is None:
            return None
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def show_details(self) -> UpdateDetailsDialog | None:
        record = self._selected()
        if record is None:
            return None
        self.dialog = UpdateDetailsDialog(self.services, record["id"], self._current(record), self.badge(record) or self.tr("not checked yet"), self)
        self.dialog.changed.connect(self._on_dialog_changed)
        self.dialog.show()
        return self.dialog

    def _on_dialog_changed(self) -> None:
        self.checks = self.app.updates.last_checks()
        self.checks_changed.emit()

    def _on_daily_toggled(self, on: bool) -> None:
        try:
            self.app.settings.set("update_check_daily", on, origin="window")
        except Exception as exc:  # not saved: the box shows the setting as it is
            self.notice.setText(" ".join(error_text(exc, self.services.ctx.paths.log_file)).strip())
            self.daily.blockSignals(True)
            self.daily.setChecked(bool(self.app.settings.current.update_check_daily))
            self.daily.blockSignals(False)
