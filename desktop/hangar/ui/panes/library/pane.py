"""The Library pane: models on this machine, downloads in progress, import and delete."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ....core.common.units import GIB, format_bytes
from ...error_dialog import error_text, show_error
from ...i18n import localise
from ...models.record_table import Column, RecordTableModel
from ...services import UiServices
from ...tasks import BackgroundTasks
from ...widgets.empty_state import EmptyState
from ...widgets.quality import QualityTable
from ...widgets.quality import column as quality_column
from .downloads_view import DownloadsView
from .transfer_actions import TransferActions
from .updates_panel import UpdatesPanel


def _params(value: int | None) -> str:
    """8.2 B, 596 M, 4.7 M, 310 K: never "0 M" for a small (synthetic) model."""
    if not value:
        return "?"
    if value >= 1e9:
        return f"{value / 1e9:.1f} B"
    if value >= 1e7:
        return f"{value / 1e6:.0f} M"
    if value >= 1e6:
        return f"{value / 1e6:.1f} M"
    return f"{value / 1e3:.0f} K" if value >= 1e3 else str(value)


class LibraryPane(QWidget):
    def __init__(self, services: UiServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.ctx = services, services.ctx
        ctx = self.ctx
        self.tasks = BackgroundTasks(self)
        self.transfer = TransferActions(self)  # bundles for air-gapped machines
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        for text, slot in (
            (self.tr("Import file…"), self.import_file),
            (self.tr("Import folder…"), self.import_folder),
            (self.tr("Import a bundle…"), self.transfer.import_bundle),
            (self.tr("Find models from other apps"), self.scan_other_apps),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            bar.addWidget(button)
        bar.addStretch(1)
        self.reveal_button = QPushButton(self.tr("Show in folder"))
        self.reveal_button.clicked.connect(self.reveal)
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.export_button = QPushButton(self.tr("Export for another machine…"))
        self.export_button.clicked.connect(self.transfer.export_selected)
        bar.addWidget(self.reveal_button)
        bar.addWidget(self.export_button)
        bar.addWidget(self.delete_button)
        layout.addLayout(bar)
        self.updates = UpdatesPanel(services, self)  # Check for updates, the daily check, the Updates column and its details
        layout.addWidget(self.updates)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        self.downloads = DownloadsView(services)
        layout.addWidget(self.downloads)
        services.library_changed.connect(self.reload)  # a change made here, in the queue or anywhere else

        self.model = RecordTableModel(
            [
                Column(self.tr("Name"), lambda r: r["name"] + ("  " + self.tr("(synthetic weights)") if r["synthetic"] else ""), lambda r: r["path"]),
                Column(self.tr("Family"), lambda r: r["family"] or "?"),
                Column(self.tr("Architecture"), lambda r: r["architecture"] or "?"),
                Column(self.tr("Parameters"), lambda r: _params(r["parameters"]), align_right=True),
                Column(self.tr("Quant"), lambda r: r["quant"] or "?"),
                quality_column(lambda: self._quality),  # measured perplexity / KL divergence (hangar-cli ppl), by file SHA-256
                Column(self.tr("Size"), lambda r: format_bytes(r["size_bytes"]), self._fit_tip, align_right=True),
                Column(self.tr("Context"), lambda r: f"{r['context_length']:,}" if r["context_length"] else "?", align_right=True),
                Column(self.tr("License"), lambda r: r["license"] or "?"),
                self.updates.column(),
                Column(self.tr("Source"), lambda r: r["repo"] or r["source"], lambda r: f"{r['source']}: {r['repo'] or r['path']} @ {r['revision'] or '-'}"),
                Column(self.tr("SHA-256"), lambda r: (r["sha256"] or "")[:12], lambda r: r["sha256"] or ""),
                Column(self.tr("Last used"), lambda r: (r["last_used_at"] or "").replace("T", " ").rstrip("Z")),
            ]
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Models on this machine"))
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Long values (a repository id, a hash) are cut in the middle at a set width instead of
        # widening their column and squeezing Name; the whole value is in the tooltip.
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.setWordWrap(False)
        # Name is the column people read: it keeps 260 px (more by dragging) and the table scrolls sideways
        # rather than squeezing it to a few letters when the window is narrow.
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(0, 260)
        self.table.horizontalHeader().setStretchLastSection(True)
        for title, width in ((self.tr("Source"), 170), (self.tr("SHA-256"), 110), (self.tr("License"), 130)):
            column = next((i for i, c in enumerate(self.model.columns) if c.title == title), None)
            if column is not None:
                self.table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                self.table.setColumnWidth(column, width)
        self.updates.attach(self.table, self.model)
        self.empty = EmptyState(
            self.tr("No models yet"),
            self.tr("Download one from Discover, import GGUF files you already have, or let Hangar find models in the Hugging Face cache and Ollama. Models are kept in {0}.").format(ctx.models_dir),
        )
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.table)
        layout.addWidget(self.stack, 1)
        self._quality: dict[str, dict] = {}
        self.quality_table = QualityTable(services.app.quality.history)  # every measured run, hidden until there is one
        layout.addWidget(self.quality_table)
        self.reload()

    def library(self):
        return self.services.app.library

    def reload(self) -> None:
        models = self.library().list()
        self._quality = self.services.app.quality.by_sha256()
        self.quality_table.reload()
        self.model.set_records([m.to_dict() for m in models])
        self.stack.setCurrentWidget(self.table if models else self.empty)

    def _fit_tip(self, record: dict) -> str:
        """Where the model would go on this machine: the placement plan's words at a 4,096-token context."""
        words = self.services.app.models.fit_words(record["path"])
        return self.tr("At a 4,096-token context it {0}.").format(localise(words)) if words else ""

    def selected(self) -> list[dict]:
        return [self.model.record(i.row()) for i in self.table.selectionModel().selectedRows()]

    # -- actions --------------------------------------------------------------------------------
    def import_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import a GGUF model"), str(Path.home()), self.tr("GGUF models (*.gguf)"))
        if path:
            self.import_path(Path(path))

    def import_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Import every GGUF model in a folder"), str(Path.home()))
        if path:
            self.import_path(Path(path))

    def import_path(self, path: Path) -> None:
        library = self.library()
        self.status.setText(self.tr("Reading {0} (hashing large files takes a moment)…").format(path))
        self._run(lambda: library.import_path(path), self._on_imported)

    def _on_imported(self, result) -> None:
        added, refused = result.added, result.refused
        lines = [self.tr("Added {0} model(s).").format(len(added))]
        lines += [self.tr("Refused {0}: {1}").format(Path(p).name, localise(reason)) for p, reason in refused]
        self.status.setText("\n".join(lines))

    def scan_other_apps(self) -> None:
        library = self.library()
        self.status.setText(self.tr("Looking in the Hugging Face cache and Ollama's store…"))
        self._run(library.scan_other_apps, self._on_scanned)

    def _on_scanned(self, result) -> None:
        lines = [self.tr("Found {0} in the Hugging Face cache and {1} from Ollama; they stay where they are.").format(len(result.hf_cache), len(result.ollama))]
        lines += [self.tr("Refused {0}: {1}").format(Path(p).name, localise(reason)) for p, reason in result.refused]  # the scan went on past them
        self.status.setText("\n".join(lines))

    def reveal(self) -> None:
        for record in self.selected()[:1]:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(record["path"]).parent)))

    def delete_selected(self) -> None:
        records = self.selected()
        if not records:
            return
        record = records[0]
        model = self.library().by_id(record["id"])
        if model is None:  # removed meanwhile (the CLI, another window)
            self.reload()
            return
        owned = self.library().owns_file(model)  # only files Hangar downloaded are deleted from disk
        question = (
            self.tr("Delete {0} and its file ({1:.2f} GiB)? This frees the disk space and cannot be undone.")
            if owned
            else self.tr("Remove {0} from the library? Its file ({1:.2f} GiB) belongs to another app or folder and stays on disk.")
        ).format(record["name"], record["size_bytes"] / GIB)
        answer = QMessageBox.question(self, self.tr("Delete model"), question)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            _model, freed = self.library().remove(record["id"], delete_file=owned)
        except Exception as exc:  # shown to the user; the library is unchanged
            show_error(self, self.tr("Delete model"), exc, self.ctx.paths.log_file)
            return
        self.status.setText(self.tr("Removed {0}; freed {1:.2f} GiB.").format(record["name"], freed / GIB))

    def _run(self, work, done) -> None:
        def failed(exc: BaseException) -> None:
            text, hint = error_text(exc, self.ctx.paths.log_file)
            self.status.setText(f"{text} {hint}".strip())

        self.tasks.run(work, done, failed)
