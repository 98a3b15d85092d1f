"""The download queue: progress, speed and time left per file, with pause, resume and cancel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QHeaderView, QPushButton, QTableView, QVBoxLayout, QWidget

from ....core.common.units import MIB
from ....core.downloads.rows import DownloadState
from ...i18n import localise
from ...models.record_table import Column, RecordTableModel
from ...widgets.progress_delegate import ProgressDelegate

VISIBLE_STATES = (DownloadState.QUEUED, DownloadState.DOWNLOADING, DownloadState.PAUSED, DownloadState.FAILED, DownloadState.QUARANTINED)


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
        }  # fmt: skip
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
        self.cancel_button.clicked.connect(lambda: self._act(services.downloads.cancel))
        buttons.addStretch(1)
        for button in (self.pause_button, self.resume_button, self.cancel_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        services.download_changed.connect(self._on_changed)
        self.reload()

    def reload(self) -> None:
        rows = [d.to_dict() for d in self.services.downloads.list() if d.state in VISIBLE_STATES]
        self.model.set_records(rows)
        self.setVisible(bool(rows))

    def _on_changed(self, download) -> None:
        data = download.to_dict()
        for row, record in enumerate(self.model.records):
            if record["id"] == download.id:
                if download.state in VISIBLE_STATES:
                    self.model.update_record(row, data)
                else:
                    self.reload()
                return
        if download.state in VISIBLE_STATES:
            self.model.append_records([data])
            self.setVisible(True)

    def selected_ids(self) -> list[int]:
        return [self.model.record(index.row())["id"] for index in self.table.selectionModel().selectedRows()]

    def _act(self, action) -> None:
        for download_id in self.selected_ids():
            action(download_id)
        self.reload()
