"""One Hub repository before download: card, license, its quants with fit verdicts, download.

The model card is Markdown from a stranger: it is rendered with Qt's Markdown reader with
raw HTML switched off, so a <script> or <img onerror> in a card is shown as text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ....core.common.units import GIB, format_bytes
from ...format import UNTRUSTED_MARKDOWN
from ...i18n import localise
from ...models.record_table import Column, RecordTableModel
from ...widgets.license_card import LicenseCard
from ...widgets.quality import column as quality_column


def markdown_as_text(browser: QTextBrowser, markdown: str) -> None:
    browser.document().setMarkdown(markdown, UNTRUSTED_MARKDOWN)


class RepoView(QWidget):
    download_requested = Signal(str, str)  # repo, filename
    token_requested = Signal()

    def __init__(self, language: str = "system", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.details = None
        self.license_audit = None
        self.recommended = None
        self.quality_lookup = dict  # the pane's: measured runs by file SHA-256 (app.quality.by_sha256)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta = QLabel()
        self.meta.setWordWrap(True)
        self.meta.setTextFormat(Qt.TextFormat.PlainText)
        self.gate_row = QWidget()
        gate = QHBoxLayout(self.gate_row)
        gate.setContentsMargins(0, 0, 0, 0)
        self.gate_label = QLabel(self.tr("This repository is gated: accept its terms on the Hub, then add your Hugging Face token."))
        self.gate_label.setWordWrap(True)
        token_button = QPushButton(self.tr("Enter token…"))
        token_button.clicked.connect(self.token_requested.emit)
        gate.addWidget(self.gate_label, 1)
        gate.addWidget(token_button)
        self.recommendation = QLabel()
        self.recommendation.setWordWrap(True)
        self.recommendation.setObjectName("recommendation")
        self.license_card = LicenseCard(language, compact=True)
        self.license_card.hide()
        for widget in (self.title, self.meta, self.license_card, self.gate_row, self.recommendation):
            layout.addWidget(widget)

        split = QSplitter(Qt.Orientation.Vertical)
        files_box = QWidget()
        files_layout = QVBoxLayout(files_box)
        files_layout.setContentsMargins(0, 0, 0, 0)
        self.files_model = RecordTableModel([])
        self.files_table = QTableView()
        self.files_table.setAccessibleName(self.tr("Quantisations and their fit"))
        self.files_table.setModel(self.files_model)
        self.files_table.verticalHeader().hide()
        self.files_table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.files_table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.files_table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.files_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.files_table.horizontalHeader().setStretchLastSection(True)
        self.files_table.doubleClicked.connect(lambda _index: self._on_download())
        files_layout.addWidget(self.files_table)
        row = QHBoxLayout()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.download_button = QPushButton(self.tr("Download"))
        self.download_button.setEnabled(False)
        self.download_button.clicked.connect(self._on_download)
        row.addWidget(self.status, 1)
        row.addWidget(self.download_button)
        files_layout.addLayout(row)
        self.files_table.selectionModel().selectionChanged.connect(lambda *_: self.download_button.setEnabled(self.selected() is not None))
        self.card = QTextBrowser()
        self.card.setAccessibleName(self.tr("Model card"))
        self.card.setOpenExternalLinks(False)
        self.card.setOpenLinks(False)
        split.addWidget(files_box)
        split.addWidget(self.card)
        split.setSizes([300, 300])
        layout.addWidget(split, 1)
        self.gate_row.hide()

    def show_details(self, details, recommended, reason: str, fit_note: str) -> None:
        self.details, self.recommended = details, recommended
        self.license_card.details_button.setChecked(False)  # each repository opens with its quants in view, not the last one's details
        self.show_license(None)
        self.title.setText(details.id)
        license_text = details.license_name or details.license or self.tr("unknown")
        base = ", ".join(details.base_model) or self.tr("not stated")
        self.meta.setText(self.tr("License: {0}   ·   Base model: {1}   ·   Revision {2}").format(license_text, base, details.sha[:12]))
        self.gate_row.setVisible(bool(details.gated))
        text = self.tr("Recommended for this machine: {0}").format(localise(reason)) if recommended else localise(reason)
        if fit_note:
            text += "\n" + self.tr("Fit from file sizes only: {0}").format(localise(fit_note))
        if details.refused:
            text += "\n" + self.tr("Ignored unsafe file names: {0}").format(", ".join(details.refused))
        self.recommendation.setText(text)
        devices = list(details.files[0].fit) if details.files else []
        columns = [
            Column(self.tr("Quant"), lambda r: ("★ " if r["recommended"] else "") + (r["quant"] or "?")),
            Column(self.tr("Size"), lambda r: format_bytes(r["size_bytes"]), align_right=True),
            Column(self.tr("Parts"), lambda r: r["shards"], align_right=True),
        ]
        for device in devices:
            columns.append(
                Column(localise(device), lambda r, d=device: self.verdict_text(r["fit"][d]["verdict"], r["fit"][d].get("mode")) + (" ⚠" if "warning" in r["fit"][d] else ""),
                       lambda r, d=device: localise(r["fit"][d]["explain"]) + ("\n" + localise(r["fit"][d]["warning"]) if "warning" in r["fit"][d] else ""))
            )  # fmt: skip
        columns.append(Column(self.tr("On this machine"), lambda r: self.state_text(r["filename"]), lambda r: self.state_tip(r["filename"])))
        measured = self.quality_lookup()
        if any(c.to_dict().get("sha256") in measured for c in details.files):  # a quant whose file was measured here
            columns.append(quality_column(lambda: measured))
        columns.append(Column(self.tr("File"), lambda r: r["filename"]))
        self.files_model.columns = columns
        self.files_model.set_records([dict(c.to_dict(), recommended=c is recommended) for c in details.files])
        if recommended is not None:
            self.files_table.selectRow(details.files.index(recommended))
        if details.card_text:
            markdown_as_text(self.card, details.card_text)
        elif details.gated:
            markdown_as_text(self.card, self.tr("*This repository is gated: its model card and files open once you accept its terms on the Hub "
                                                "(huggingface.co/{0}) and add your Hugging Face token here (Enter token…).*").format(details.id))  # fmt: skip
        else:
            markdown_as_text(self.card, self.tr("*This repository has no model card.*"))
        self.status.setText("")

    # -- where each file stands on this machine ----------------------------------------------------
    def set_file_states(self, states: dict) -> None:
        """core/app/downloads.py FileState per file name (or its base name); redraws that column."""
        self.file_states = states
        if self.files_model.rowCount():
            self.files_model.dataChanged.emit(self.files_model.index(0, 0), self.files_model.index(self.files_model.rowCount() - 1, len(self.files_model.columns) - 1))

    def _state_of(self, filename: str):
        states = getattr(self, "file_states", {})
        return states.get(filename) or states.get(filename.rsplit("/", 1)[-1])

    def state_text(self, filename: str) -> str:
        state = self._state_of(filename)
        if state is None:
            return "—"
        percent = f" {state.fraction * 100:.0f}%" if state.fraction is not None and state.state != "downloaded" else ""
        return {
            "downloaded": self.tr("✓ downloaded"), "queued": self.tr("queued"), "downloading": self.tr("downloading{0}").format(percent),
            "paused": self.tr("paused{0}").format(percent), "failed": self.tr("✗ failed"), "quarantined": self.tr("✗ hash mismatch"),
            "cancelled": self.tr("cancelled"),
        }.get(state.state, state.state)  # fmt: skip

    def state_tip(self, filename: str) -> str:
        state = self._state_of(filename)
        return localise(state.error) if state is not None and state.error else ""

    def verdict_text(self, verdict: str, mode: str | None = None) -> str:
        """The cell's word; the placement plan's mode says when part of the model goes to RAM (its words are the tooltip)."""
        text = {"fits": self.tr("✓ fits"), "tight": self.tr("~ tight"), "does_not_fit": self.tr("✗ too big")}.get(verdict, "?")
        if verdict != "does_not_fit" and mode in ("moe", "partial"):
            text += " " + (self.tr("(experts in RAM)") if mode == "moe" else self.tr("(part in RAM)"))
        return text

    def show_license(self, audit) -> None:
        """The license card, before any download; None when it could not be worked out."""
        self.license_audit = audit
        if audit is None:
            self.license_card.hide()
            return
        self.license_card.show_audit(audit)
        self.license_card.show()

    def selected(self) -> dict | None:
        rows = self.files_table.selectionModel().selectedRows()
        return self.files_model.record(rows[0].row()) if rows else None

    def _on_download(self) -> None:
        choice = self.selected()
        if not choice or not self.details:
            return
        if self.license_audit is not None and self.license_audit.verdict.verdict == "blocked":
            reasons = "\n".join("• " + localise(r) for r in self.license_audit.verdict.reasons)
            answer = QMessageBox.warning(
                self, self.tr("Blocked by your license policy"),
                self.tr("{0} is blocked by your organisation's license policy:\n\n{1}\n\nDownload it anyway?").format(self.details.id, reasons),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
            )  # fmt: skip
            if answer != QMessageBox.StandardButton.Yes:
                self.status.setText(self.tr("Not downloaded: the license policy blocks this model."))
                return
        self.download_requested.emit(self.details.id, choice["filename"])
