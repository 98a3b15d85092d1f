"""The Library's air-gapped transfer: "Export for another machine…" writes the selected model as a
bundle (core/app/transfer.py), "Import a bundle…" checks one and adds its model.

The work runs in the thread pool; its progress reaches a progress dialog as a queued signal (at
most once per thousandth), and Cancel stops it at the next block, leaving nothing behind. The
outcome is said in a message that names the bundle, its hashes and its signature.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from ....core.common.i18n import QT_TR_NOOP
from ....core.common.units import format_bytes
from ....core.transfer.files import TransferCancelled
from ...error_dialog import show_error
from ...i18n import localise
from ...tasks import BackgroundTasks

_STEPS = 1000


class TransferActions(QObject):
    progressed = Signal(object, int)  # (what is happening, thousandths done): emitted on the worker thread

    def __init__(self, pane: QWidget) -> None:
        super().__init__(pane)
        self.pane = pane
        self.tasks = BackgroundTasks(self)
        self.progress: QProgressDialog | None = None
        self.result_box: QMessageBox | None = None
        self.running = False
        self._cancel = threading.Event()
        self._last = -1
        self.progressed.connect(self._on_progress)

    @property
    def _app(self):
        return self.pane.services.app

    # -- export ---------------------------------------------------------------------------------
    def export_selected(self) -> None:
        records = self.pane.selected()
        if not records:
            self.pane.status.setText(self.tr("Select the model to export first."))
            return
        folder = QFileDialog.getExistingDirectory(self.pane, self.tr("Export for another machine: choose a folder (a USB disk, a share)"), str(Path.home()))
        if folder:
            self.export_to(records[0]["id"], Path(folder))

    def export_to(self, model_id: int, folder: Path) -> None:
        if self.running:
            return
        transfer, report = self._app.transfer, self._report
        record = self._app.library.by_id(model_id)
        name = record.name if record else str(model_id)
        self._start(self.tr("Export for another machine"), self.tr("Exporting {0}…").format(name))
        self.tasks.run(lambda: transfer.export(model_id, folder, report), self._on_exported, lambda exc: self._on_failed(self.tr("Export for another machine"), exc))

    def _on_exported(self, outcome) -> None:
        self._finish()
        manifest = outcome.result.manifest
        lines = [self.tr("Exported {0} to {1}: {2} files, {3}, each with its SHA-256 in manifest.json.").format(
            outcome.model.name, outcome.bundle, len(manifest.files), format_bytes(manifest.total_bytes))]  # fmt: skip
        lines.append(self.tr("License policy when exported: {0}.").format(self._verdict(manifest.policy.get("verdict"))))
        lines += [localise(w) for w in outcome.warnings]
        if outcome.result.signer:
            lines.append(self.tr("Signed by {0}.").format(outcome.result.signer))
        lines.append(self.tr("On the other machine: Library, Import a bundle…, or hangar-cli import-bundle with this folder."))
        self._say(self.tr("Export for another machine"), "\n".join(lines))

    # -- import ---------------------------------------------------------------------------------
    def import_bundle(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.pane, self.tr("Import a bundle: choose its folder (the one holding manifest.json)"), str(Path.home()))
        if not folder:
            return
        try:
            summary = self._app.transfer.summary(Path(folder))  # the listing and the manifest only: quick
        except Exception as exc:  # a refused bundle: said at once, nothing was read further
            show_error(self.pane, self.tr("Import a bundle"), exc, self.pane.ctx.paths.log_file)
            return
        trust = self.ask_trust(summary) if summary.signed else {}
        if trust is not None:
            self.import_from(Path(folder), **trust)

    def ask_trust(self, summary) -> dict | None:
        """For a signed bundle: verify it with a key or certificate chain the person picks, import it
        on its hashes alone, or not at all (None)."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Import a bundle"),
                          self.tr("{0} is signed by {1}.").format(summary.model_name, summary.claimed_signer), parent=self.pane)  # fmt: skip
        box.setObjectName("bundleSignatureQuestion")
        verify = None
        if summary.signature_kind in ("key", "certificate"):
            box.setInformativeText(self.tr("Verify the signature with the signer's public key or the certificate chain you trust? A signature that does not verify stops the import."))
            verify = box.addButton(self.tr("Verify with a key or certificate…"), QMessageBox.ButtonRole.ActionRole)
        else:
            box.setInformativeText(self.tr("This kind of signature (keyless Sigstore) cannot be verified offline; the files are still checked against their SHA-256."))
        plain = box.addButton(self.tr("Import without verifying"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked is plain:
            return {}
        if verify is None or clicked is not verify:
            return None
        path, _ = QFileDialog.getOpenFileName(self.pane, self.tr("The signer's public key or certificate chain (PEM)"), str(Path.home()),
                                              self.tr("PEM files (*.pem *.pub *.crt *.cer);;All files (*)"))  # fmt: skip
        if not path:
            return None
        return {"public_key": Path(path)} if summary.signature_kind == "key" else {"certificate_chain": (Path(path),)}

    def import_from(self, folder: Path, **trust) -> None:
        if self.running:
            return
        transfer, report = self._app.transfer, self._report
        self._start(self.tr("Import a bundle"), self.tr("Checking every file of {0} against its SHA-256…").format(folder.name))
        self.tasks.run(lambda: transfer.import_bundle(folder, report, **trust), self._on_imported, lambda exc: self._on_failed(self.tr("Import a bundle"), exc))

    def _on_imported(self, outcome) -> None:
        self._finish()
        model, signature = outcome.model, outcome.signature
        lines = [self.tr("Imported {0}: all {1} files matched their SHA-256.").format(model.name, len(outcome.manifest.files)),
                 self.tr("From {0} at revision {1}, exported with Hangar {2} on {3}.").format(
                     model.repo or self.tr("no Hub repository"), model.revision or "-", outcome.manifest.hangar_version, outcome.manifest.created_at),
                 (localise(signature.message) + " " + localise(signature.hint)).strip(),
                 self.tr("License policy: {0} when exported, {1} here.").format(self._verdict(outcome.verdict_at_export), self._verdict(outcome.verdict_here))]  # fmt: skip
        self._say(self.tr("Import a bundle"), "\n".join(lines))

    # -- progress and outcome -------------------------------------------------------------------
    def _report(self, label, done: int, total: int) -> None:  # noqa: ANN001  on the worker thread
        if self._cancel.is_set():
            raise TransferCancelled(QT_TR_NOOP("Stopped; nothing was left behind."))
        step = _STEPS * done // max(total, 1)
        if step != self._last:
            self._last = step
            self.progressed.emit(label, step)

    def _start(self, title: str, text: str) -> None:
        self.running, self._last = True, -1
        self._cancel.clear()
        self.pane.status.setText(text)
        dialog = QProgressDialog(text, self.tr("Cancel"), 0, _STEPS, self.pane)
        dialog.setWindowTitle(title)
        dialog.setObjectName("transferProgress")
        dialog.setAccessibleName(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self._cancel.set)
        dialog.setValue(0)
        self.progress = dialog

    def _on_progress(self, label, step: int) -> None:  # noqa: ANN001
        if self.progress is not None and self.running:
            self.progress.setLabelText(localise(label))
            self.progress.setValue(step)

    def _finish(self) -> None:
        self.running = False
        if self.progress is not None:
            self.progress.canceled.disconnect(self._cancel.set)
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _on_failed(self, title: str, exc: BaseException) -> None:
        self._finish()
        if isinstance(exc, TransferCancelled):
            self.pane.status.setText(localise(exc.message))
            return
        self.pane.status.setText(localise(getattr(exc, "message", str(exc))))
        show_error(self.pane, title, exc, self.pane.ctx.paths.log_file)

    def _say(self, title: str, text: str) -> None:
        self.pane.status.setText(text)
        box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, self.pane)
        box.setObjectName("transferResult")
        box.show()
        self.result_box = box

    def _verdict(self, value: str | None) -> str:
        names = {"allowed": self.tr("allowed"), "review": self.tr("needs review"), "blocked": self.tr("blocked")}
        return names.get(value or "", value or "?")
