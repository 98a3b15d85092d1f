"""The download queue: progress, speed and time left per file, with pause, resume and cancel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QHeaderView, QMessageBox, QPushButton, QTableView, QVBoxLayout, QWidget

from ....core.common.units import MIB
from ....core.downloads.rows import DownloadState
from ...i18n import localise
from ...models.record_table import Column, RecordTableModel
from ...widgets.progress_delegate import ProgressDelegate

VISIBLE_STATES = (DownloadState.QUEUED, DownloadState.DOWNLOADING, DownloadState.PAUSED, DownloadState.FAILED, DownloadState.QUARANTINED)
ASK_BEFORE_DISCARDING = 5 * MIB  # a partial file larger than this is not thrown away without asking


def _progress(r: dict) -> str:
    size = r["size_bytes"] or 1
    return f"{r['downloaded_bytes'] / MIB:,.1f} / {size / MIB:,.1f} MiB ({100 * r['downloaded_bytes'] / size:.0f}%)"


def _eta(r: dict) -> str:
    if r["state"] != DownloadState.DOWNLOADING or not r.get("eta_s"):
        return ""
    seconds = int(r["eta_s"])
    return f"{seconds // 3600}h {seconds % 3600 // 60:02d}m" if seconds >= 3600 else f"{seconds // 60}m {seconds % 60:02d}s"


def _state(r: dict, names: dict[str, str]) -> str:
    """The state, and why: the error of a failed download, or what a running one waits for."""
    detail = r.get("error") or (r.get("note") if r["state"] == DownloadState.DOWNLOADING else None)
    return names.get(r["state"], r["state"]) + (f": {localise(detail)}" if detail else "")


class DownloadsView(QGroupBox):
    def __init__(self, services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Downloads"))
        self.services = services
        state_names = {
            DownloadState.QUEUED: self.tr("queued"), DownloadState.DOWNLOADING: self.tr("downloading"), DownloadState.PAUSED: self.tr("paused"),
            DownloadState.FAILED: self.tr("failed"), DownloadState.QUARANTINED: self.tr("failed verification"),
            DownloadState.DONE: self.tr("✓ downloaded and verified"),
        }  # fmt: skip
        self.finished: dict[int, dict] = {}  # finished while this window was open: kept in view until dismissed
        self.model = RecordTableModel(
            [
                Column(self.tr("File"), lambda r: Path(r["filename"]).name, lambda r: f"{r['repo']}/{r['filename']}"),
                Column(self.tr("Progress"), _progress, fraction=lambda r: r["downloaded_bytes"] / (r["size_bytes"] or 1)),
                Column(self.tr("Speed"), lambda r: f"{r['speed_bps'] / MIB:.1f} MiB/s" if r["state"] == DownloadState.DOWNLOADING and r.get("speed_bps") else "", align_right=True),
                Column(self.tr("Time left"), _eta, align_right=True),
                Column(self.tr("State"), lambda r: _state(r, state_names), lambda r: localise(r.get("error") or r.get("note"))),
            ]
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(1, ProgressDelegate(self.table))
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(True)
        self.table.setMaximumHeight(170)
        buttons = QHBoxLayout()
        self.pause_button = QPushButton(self.tr("Pause"))
        self.resume_button = QPushButton(self.tr("Resume"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.pause_button.clicked.connect(lambda: self._act(services.downloads.pause))
        self.resume_button.clicked.connect(lambda: self._act(services.downloads.resume))
        self.cancel_button.clicked.connect(self.cancel)
        self.chat_button = QPushButton(self.tr("Open in Chat"))
        self.chat_button.clicked.connect(self.open_in_chat)
        self.dismiss_button = QPushButton(self.tr("Dismiss"))
        self.dismiss_button.setToolTip(self.tr("Take finished downloads off this list (the models stay in the library)."))
        self.dismiss_button.clicked.connect(self.dismiss)
        buttons.addStretch(1)
        for button in (self.chat_button, self.dismiss_button, self.pause_button, self.resume_button, self.cancel_button):
            buttons.addWidget(button)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        services.download_changed.connect(self._on_changed)
        self.reload()

    def reload(self) -> None:
        rows = [d.to_dict() for d in self.services.downloads.list() if d.state in VISIBLE_STATES or d.id in self.finished]
        self.model.set_records(rows)
        self.setVisible(bool(rows))
        self._update_buttons()

    def _on_changed(self, download) -> None:
        data = download.to_dict()
        if download.state == DownloadState.DONE:
            self.finished[download.id] = data  # "it vanished with no notice": it stays, with Open in Chat, until dismissed
        shown = download.state in VISIBLE_STATES or download.id in self.finished
        for row, record in enumerate(self.model.records):
            if record["id"] == download.id:
                if shown:
                    self.model.update_record(row, data)
                    self._update_buttons()
                else:
                    self.reload()
                return
        if shown:
            self.model.append_records([data])
            self.setVisible(True)
            self._update_buttons()

    def _selected_records(self) -> list[dict]:
        return [self.model.record(index.row()) for index in self.table.selectionModel().selectedRows()]

    def _update_buttons(self) -> None:
        selected = self._selected_records()
        done = [r for r in selected if r["state"] == DownloadState.DONE]
        self.chat_button.setVisible(bool(self.finished))
        self.dismiss_button.setVisible(bool(self.finished))
        self.chat_button.setEnabled(len(done) == 1)
        self.dismiss_button.setEnabled(bool(self.finished))

    def dismiss(self) -> None:
        """Finished rows off the list: the selected ones, or all of them when none is selected."""
        chosen = [r["id"] for r in self._selected_records() if r["id"] in self.finished] or list(self.finished)
        for download_id in chosen:
            self.finished.pop(download_id, None)
        self.reload()

    def open_in_chat(self) -> None:
        done = [r for r in self._selected_records() if r["state"] == DownloadState.DONE]
        window = self.window()
        if done and hasattr(window, "open_in_chat"):
            window.open_in_chat(done[0]["dest_path"])

    def cancel(self, _checked: bool = False, *, ask=None) -> None:
        """Cancel the selected downloads; a partial file of more than a few MB is discarded only if the person says so."""
        records = [r for r in self._selected_records() if r["state"] != DownloadState.DONE]
        big = sum(r["downloaded_bytes"] for r in records if r["downloaded_bytes"] > ASK_BEFORE_DISCARDING)
        if big:
            ask = ask or (lambda text: QMessageBox.question(self, self.tr("Cancel the download"), text) == QMessageBox.StandardButton.Yes)
            if not ask(self.tr("Cancel and delete the {0:,.0f} MiB downloaded so far? Pause keeps them to resume later.").format(big / MIB)):
                return
        for record in records:
            self.services.downloads.cancel(record["id"])
        self.reload()

    def selected_ids(self) -> list[int]:
        return [self.model.record(index.row())["id"] for index in self.table.selectionModel().selectedRows()]

    def _act(self, action) -> None:
        for download_id in self.selected_ids():
            action(download_id)
        self.reload()
