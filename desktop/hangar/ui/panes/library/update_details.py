"""What changed for one model since it was downloaded, old beside new, with Update and Pin.

A changed license is shown first, in its own box, and an update that brings it asks once
more before anything is downloaded. The update runs in the background; its progress is the
download's row in the Library's downloads list.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ....core.app.governance import OverrideReasonNeeded
from ....core.common.units import format_bytes
from ....core.lifecycle.status import UpdateCheck
from ...error_dialog import error_text
from ...i18n import localise
from ...tasks import BackgroundTasks


class UpdateDetailsDialog(QDialog):
    changed = Signal()  # the model was updated, pinned or unpinned

    def __init__(self, services, model_id: int, check: UpdateCheck | None, status_word: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.app = services, services.app
        self.model_id, self.check = model_id, check
        self.tasks = BackgroundTasks(self)
        model = self.app.library.by_id(model_id)
        self.setObjectName("updateDetailsDialog")
        self.setWindowTitle(self.tr("Updates for {0}").format(model.name if model else model_id))
        self.resize(760, 460)
        layout = QVBoxLayout(self)

        self.headline = QLabel(status_word)
        self.headline.setObjectName("updateHeadline")
        font = self.headline.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.headline.setFont(font)
        layout.addWidget(self.headline)

        self.license_box = QLabel()
        self.license_box.setObjectName("licenseChangeBox")
        self.license_box.setWordWrap(True)
        self.license_box.setTextFormat(Qt.TextFormat.PlainText)
        self.license_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.license_box.setStyleSheet("QLabel#licenseChangeBox { background: #fdecea; color: #7f1d1d; border: 1px solid #d93025; padding: 8px; }")
        layout.addWidget(self.license_box)

        self.facts = QTableWidget(0, 3)
        self.facts.setAccessibleName(self.tr("What changed, this copy beside the Hub's revision"))
        self.facts.setHorizontalHeaderLabels([self.tr("What"), self.tr("This copy"), self.tr("On the Hub now")])
        self.facts.verticalHeader().hide()
        self.facts.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.facts.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.facts)

        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.notes)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.update_button = QPushButton(self.tr("Update"))
        self.pin_button = QPushButton()
        buttons.addButton(self.update_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.pin_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.update_button.clicked.connect(self.update_model)
        self.pin_button.clicked.connect(self.toggle_pin)
        layout.addWidget(buttons)
        self._show()

    # -- what is shown ---------------------------------------------------------------------------
    def _show(self) -> None:
        check, model = self.check, self.app.library.by_id(self.model_id)
        pinned = bool(model and model.pinned)
        self.pin_button.setText(self.tr("Unpin") if pinned else self.tr("Pin to this revision"))
        self.pin_button.setEnabled(model is not None)
        self.update_button.setEnabled(bool(check and check.update_available and not pinned))
        if check is None:
            self.license_box.hide()
            self.facts.hide()
            self.notes.setText(self.tr("Not checked yet: use Check for updates."))
            return
        if check.license_changed:
            lines = [localise(check.changes()[0])]
            lines += [localise(reason) for reason in check.verdict_reasons_after[:3]]
            self.license_box.setText("\n".join(lines))
            self.license_box.show()
        else:
            self.license_box.hide()
        rows = [
            (self.tr("Revision"), _short(check.local_revision), _short(check.hub_revision)),
            (self.tr("File"), check.filename or "?", check.renamed_to or (check.filename if check.new_size is not None else self.tr("(not in this revision)"))),
            (self.tr("Size"), format_bytes(check.old_size), format_bytes(check.new_size)),
            (self.tr("SHA-256"), _sha(check.old_sha256), _sha(check.new_sha256)),
            (self.tr("License"), check.license_before or self.tr("(none stated)"), check.license_after or self.tr("(none stated)")),
            (self.tr("License (identified)"), check.license_name_before or "?", check.license_name_after or "?"),
            (self.tr("Policy verdict"), self._verdict(check.verdict_before), self._verdict(check.verdict_after)),
            (self.tr("Gated"), self._gated(check.gated_before), self._gated(check.gated_after)),
        ]
        if not check.status.checked:
            rows = rows[:1]
        self.facts.setRowCount(len(rows))
        full = {self.tr("SHA-256"): (check.old_sha256 or "?", check.new_sha256 or "?")}
        unknown = {self.tr("Gated"): check.gated_before is None}  # no earlier check: not a change
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(full[values[0]][column - 1] if values[0] in full and column else value)
                if column and row and values[1] != values[2] and not unknown.get(values[0]):
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.facts.setItem(row, column, item)
        self.facts.resizeRowsToContents()
        height = self.facts.horizontalHeader().height() + sum(self.facts.rowHeight(r) for r in range(len(rows))) + 2 * self.facts.frameWidth()
        self.facts.setFixedHeight(height)
        said = [localise(line) for line in check.changes()[1 if check.license_changed else 0 :]]
        said += [localise(note) for note in check.notes]
        if check.hint:
            said.append(localise(check.hint))
        if pinned:
            said.append(self.tr("Pinned: this model stays at its revision and is not checked for newer ones."))
        self.notes.setText("\n".join(said))

    def _verdict(self, verdict: str | None) -> str:
        words = {"allowed": self.tr("allowed"), "review": self.tr("review"), "blocked": self.tr("blocked")}
        return words.get(verdict or "", verdict or "?")

    def _gated(self, gated: str | None) -> str:
        words = {"no": self.tr("not gated"), "auto": self.tr("gated (access on request)"), "manual": self.tr("gated (authors approve each request)")}
        return words.get(gated or "", self.tr("not checked before") if gated is None else gated)

    # -- actions ---------------------------------------------------------------------------------
    def toggle_pin(self) -> None:
        model = self.app.library.by_id(self.model_id)
        if model is None:
            return
        try:
            (self.app.updates.unpin if model.pinned else self.app.updates.pin)(self.model_id)
        except Exception as exc:  # shown here; nothing changed
            self.status.setText(" ".join(error_text(exc, self.services.ctx.paths.log_file)).strip())
            return
        self.changed.emit()
        self._show()

    def update_model(self, _checked: bool = False, reason: str | None = None) -> None:
        check = self.check
        if check is None:
            return
        accept = False
        if check.license_changed:
            answer = QMessageBox.warning(
                self, self.tr("The license changed"),
                self.tr("{0}\n\nUpdate anyway? The new revision comes under the new license.").format(localise(check.changes()[0])),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
            )  # fmt: skip
            if answer != QMessageBox.StandardButton.Yes:
                return
            accept = True
        updates, model_id = self.app.updates, self.model_id
        self.update_button.setEnabled(False)
        self.status.setText(self.tr("Downloading the new revision; the copy here stays until it is verified…"))

        def failed(exc: BaseException) -> None:
            if isinstance(exc, OverrideReasonNeeded):
                given, ok = QInputDialog.getMultiLineText(self, self.tr("A reason is needed"), localise(exc.message))
                if ok and given.strip():
                    self.update_model(reason=given.strip())
                    return
            self.status.setText(" ".join(error_text(exc, self.services.ctx.paths.log_file)).strip())
            self.update_button.setEnabled(True)

        self.tasks.run(lambda: updates.update(model_id, accept_license_change=accept, reason=reason), self._on_updated, failed)

    def _on_updated(self, outcome) -> None:
        self.check = self.app.updates.last_checks().get(self.model_id, self.check)
        self.headline.setText(self.tr("up to date"))
        self._show()
        self.status.setText(self.tr("Updated to revision {0} (SHA-256 {1}).").format(_short(outcome.new_revision), _short(outcome.new_sha256)))
        self.changed.emit()


def _short(value: str | None) -> str:
    return value[:12] if value else "?"


def _sha(value: str | None) -> str:
    """A SHA-256 that fits a column (its start and end; the whole value is the cell's tooltip)."""
    return f"{value[:16]}…{value[-8:]}" if value else "?"


