"""The Licenses pane: every local model (and any Hub repo) against the organisation's policy.

The list shows each model's license, verdict and openness; the card beside it says what
the license allows, the duties, the reasons and the evidence, with the full text one
click away. The policy is edited here and shared as a file; the audit report (HTML)
and the AI bill of materials (CycloneDX 1.6) are exported from here.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ....core.common.errors import HangarError
from ....core.licenses.enums import label_of
from ....core.licenses.openness import LABELS
from ....core.licenses.policy import Policy, evaluate
from ...error_dialog import error_text, show_error
from ...i18n import localise
from ...models.record_table import Column, RecordTableModel
from ...services import UiServices
from ...tasks import BackgroundTasks
from ...widgets.license_card import LicenseCard
from ...widgets.tables import read_only_table
from .policy_dialog import PolicyDialog

VERDICT_MARK = {"allowed": "✓", "review": "?", "blocked": "✗"}


class LicensesPane(QWidget):
    def __init__(self, services: UiServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.ctx, self.app = services, services.ctx, services.app
        ctx = self.ctx
        self.tasks = BackgroundTasks(self)
        self.audits: list = []
        self.policy, self.policy_problem = self.app.policy.current_or_default()
        services.library_changed.connect(self._on_library_changed)
        layout = QVBoxLayout(self)

        policy_row = QHBoxLayout()
        self.policy_label = QLabel()
        self.policy_label.setWordWrap(True)
        self.policy_label.setTextFormat(Qt.TextFormat.PlainText)
        edit = self.edit_button = QPushButton(self.tr("Edit policy…"))
        edit.clicked.connect(self.edit_policy)
        load = self.import_button = QPushButton(self.tr("Import…"))
        load.setAccessibleName(self.tr("Import policy"))
        load.clicked.connect(self.import_policy)
        share = QPushButton(self.tr("Export…"))
        share.setAccessibleName(self.tr("Export policy"))
        share.clicked.connect(self.export_policy)
        policy_row.addWidget(self.policy_label, 1)
        for button in (edit, load, share):
            policy_row.addWidget(button)
        layout.addLayout(policy_row)

        check_row = QHBoxLayout()
        self.repo = QLineEdit()
        self.repo.setPlaceholderText(self.tr("Check a Hub repository before downloading, e.g. Qwen/Qwen3-8B-GGUF"))
        self.repo.setAccessibleName(self.tr("Hub repository"))
        self.repo.returnPressed.connect(self.check_repo)
        check = QPushButton(self.tr("Check"))
        check.clicked.connect(self.check_repo)
        report = QPushButton(self.tr("Audit report…"))
        report.clicked.connect(self.export_report)
        bom = QPushButton(self.tr("AI bill of materials…"))
        bom.clicked.connect(self.export_bom)
        check_row.addWidget(self.repo, 1)
        for button in (check, report, bom):
            check_row.addWidget(button)
        layout.addLayout(check_row)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.status)

        split = QSplitter(Qt.Orientation.Horizontal)
        self.model = RecordTableModel([
            Column(self.tr("Model"), lambda a: a.subject + (self.tr(" (Hub)") if a.model is None else "")),
            Column(self.tr("Verdict"), lambda a: f"{VERDICT_MARK[a.verdict.verdict]} {self._verdict_word(a.verdict.verdict)}", lambda a: "\n".join(localise(r) for r in a.verdict.reasons)),
            Column(self.tr("License"), lambda a: localise(a.detection.license.name)),
            Column(self.tr("Confidence"), lambda a: localise(label_of(a.detection.confidence))),
            Column(self.tr("Openness"), lambda a: localise(label_of(a.openness.model_class))),
        ])  # fmt: skip
        self.table = read_only_table(self.model)
        self.table.setAccessibleName(self.tr("Models and their licenses"))
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        split.addWidget(self.table)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(6, 0, 0, 0)
        self.card = LicenseCard(ctx.settings.language)
        self.card.hide()
        self.card_scroll = QScrollArea()  # a long card (openPangu's evidence) scrolls instead of being cut mid-line
        self.card_scroll.setWidgetResizable(True)
        self.card_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.card_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.card_scroll.setWidget(self.card)
        detail_layout.addWidget(self.card_scroll, 2)
        self.openness_model = RecordTableModel([Column(self.tr("Component"), lambda r: r[0]), Column(self.tr("Status"), lambda r: r[1])])
        self.openness = read_only_table(self.openness_model)
        self.openness.setAccessibleName(self.tr("Openness by component"))
        self.openness_title = QLabel()
        self.openness_title.setWordWrap(True)
        detail_layout.addWidget(self.openness_title)
        detail_layout.addWidget(self.openness, 1)
        split.addWidget(detail)
        split.setSizes([520, 480])
        layout.addWidget(split, 1)
        self._show_policy()
        self.reload()

    def _verdict_word(self, verdict: str) -> str:
        return {"allowed": self.tr("allowed"), "review": self.tr("review"), "blocked": self.tr("blocked")}[verdict]

    # -- the list ---------------------------------------------------------------------------
    def reload(self) -> None:
        licenses, policy = self.app.licenses, self.policy
        self.status.setText(self.tr("Reading the licenses of the local models…"))
        self.tasks.run(lambda: licenses.audit_library(policy), self._on_audits, self._on_failed)

    def _on_audits(self, audits: list) -> None:
        hub = [a for a in self.audits if a.model is None]
        self.audits = audits + hub
        self.model.set_records(self.audits)
        counts = {v: sum(1 for a in self.audits if a.verdict.verdict == v) for v in ("allowed", "review", "blocked")}
        if not self.audits:
            self.status.setText(self.tr("No local models yet. Check a Hub repository above, or download or import a model."))
        else:
            self.status.setText(self.tr("{0} allowed · {1} to review · {2} blocked, by the policy “{3}”. Not legal advice.").format(
                counts["allowed"], counts["review"], counts["blocked"], self._policy_name()))  # fmt: skip
        if self.audits and not self.table.selectionModel().selectedRows():
            self.table.selectRow(0)
        else:
            self._show_selected()

    def _on_failed(self, exc: BaseException) -> None:
        text, hint = error_text(exc, self.ctx.paths.log_file)
        self.status.setText(f"{text} {hint}".strip())

    def _show_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.card.hide()
            return
        audit = self.model.record(rows[0].row())
        self.card.show_audit(audit)
        self.card.show()
        self.openness_title.setText(self.tr("Openness (Model Openness Framework): {0}.").format(localise(label_of(audit.openness.model_class)))
                                    + (" " + self.tr("Missing for the next class: {0}.").format(", ".join(localise(m) for m in audit.openness.missing)) if audit.openness.missing else ""))  # fmt: skip
        self.openness_model.set_records([(localise(LABELS[c]), localise(label_of(s))) for c, s in audit.openness.components.items()])

    def select_subject(self, subject: str) -> None:
        for row, audit in enumerate(self.audits):
            if audit.subject == subject:
                self.table.selectRow(row)
                return

    # -- a Hub repository ----------------------------------------------------------------------
    def check_repo(self) -> None:
        repo_id = self.repo.text().strip()
        if not repo_id:
            return
        policy, licenses = self.policy, self.app.licenses

        def work():
            return licenses.audit_repo(repo_id, policy)

        self.status.setText(self.tr("Reading {0} on the Hub…").format(repo_id))
        self.tasks.run(work, self._on_repo_audit, self._on_failed)

    def _on_repo_audit(self, audit) -> None:
        self.audits = [a for a in self.audits if a.subject != audit.subject] + [audit]
        self.model.set_records(self.audits)
        self.select_subject(audit.subject)
        self.status.setText(self.tr("{0}: {1}.").format(audit.subject, self._verdict_word(audit.verdict.verdict)))

    # -- the policy ----------------------------------------------------------------------------
    def _policy_name(self) -> str:
        return self.tr("Our policy") if self.policy.name == Policy().name else self.policy.name

    def _show_policy(self) -> None:
        p = self.policy
        users = f"{p.max_monthly_users:,}" if p.max_monthly_users is not None else self.tr("not set")
        text = self.tr("Policy “{0}”: commercial use {1}; operates in {2}; largest user base {3}; attribution {4}; research-only {5}; trains on outputs {6}.").format(
            self._policy_name(), self.tr("required") if p.commercial_use_required else self.tr("not needed"), ", ".join(p.territories) or self.tr("(no territory set)"),
            users, self.tr("acceptable") if p.attribution_acceptable else self.tr("not acceptable"),
            self.tr("acceptable") if p.research_only_acceptable else self.tr("not acceptable"), self.tr("yes") if p.outputs_for_training_needed else self.tr("no"),
        )  # fmt: skip
        if self.policy_problem:
            text += " " + self.tr("(The saved policy could not be read, so the default is used: {0})").format(localise(self.policy_problem))
        locked, problem = self._lock()
        if problem:
            text = self.tr("Locked: the policy your administrator installed cannot be used, so downloads are refused: {0}").format(localise(problem)) + " " + text
        elif locked is not None:
            text = self.tr("Locked: managed by your administrator ({0}); it cannot be changed here.").format(locked) + " " + text
        for button in (self.edit_button, self.import_button):
            button.setEnabled(locked is None and not problem)
            button.setToolTip(self.tr("Your administrator manages the license policy.") if not button.isEnabled() else "")
        self.policy_label.setText(text)

    def _lock(self) -> tuple[object, str]:
        """(the managed policy's path or None, why an installed one cannot be used or "")."""
        try:
            return self.app.policy.locked_by(), ""
        except HangarError as exc:
            return None, exc.message

    def set_policy(self, policy: Policy) -> None:
        self.app.policy.replace(policy)  # announced: Discover's card and its download question follow
        self.policy, self.policy_problem = policy, ""
        self._show_policy()
        # A checked Hub repository stays in the list, judged again by the new policy from what was read
        # (its license does not change with the policy: no Hub call is needed).
        self.audits = [a if a.model is not None else dataclasses.replace(a, verdict=evaluate(policy, a.detection)) for a in self.audits]
        self.model.set_records(self.audits)
        self.reload()

    def edit_policy(self) -> None:
        dialog = PolicyDialog(self.policy, self)
        if dialog.exec() and dialog.policy is not None:
            self.set_policy(dialog.policy)

    def import_policy(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import a license policy"), str(Path.home()), self.tr("Policy (*.json)"))
        if path:
            try:
                self.set_policy(Policy.load(Path(path)))
            except HangarError as exc:
                show_error(self, self.tr("Import a license policy"), exc)

    def export_policy(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the license policy"), str(Path.home() / "license-policy.json"), self.tr("Policy (*.json)"))
        if path:
            self._write(Path(path), self.policy.to_json())

    # -- exports ---------------------------------------------------------------------------------
    def export_report(self) -> None:
        from ....core.licenses.report import audit_html

        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the audit report"), str(Path.home() / "hangar-license-audit.html"), self.tr("HTML (*.html)"))
        if path:
            self._write(Path(path), audit_html([a for a in self.audits if a.model is not None], self.policy))

    def export_bom(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the AI bill of materials"), str(Path.home() / "hangar-aibom.cdx.json"), self.tr("CycloneDX JSON (*.json)"))
        if not path:
            return
        try:
            bom = self.app.licenses.bom(audits=[a for a in self.audits if a.model is not None])
        except HangarError as exc:
            show_error(self, self.tr("AI bill of materials"), exc)
            return
        self._write(Path(path), json.dumps(bom, indent=2))

    def _write(self, path: Path, text: str) -> None:
        try:
            path.write_text(text, encoding="utf-8")
        except OSError as exc:
            self.status.setText(self.tr("Could not write {0}: {1}").format(path, exc.strerror or exc))
            return
        self.status.setText(self.tr("Saved {0}.").format(path))

    def _on_library_changed(self) -> None:
        if self.audits and self.isVisible():
            self.reload()  # otherwise the next show reloads

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self.audits:
            self.reload()  # the library may have changed since
