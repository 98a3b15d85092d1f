"""A license at a glance: the verdict for our policy, what it allows, the duties, the evidence.

Shown in Discover before a download and in the Licenses pane. Everything that came from
a card or a file is set as plain text. The full text opens from Hangar's own copy when
it has one, otherwise from the license's source address.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFrame, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from ...core.licenses.enums import PolicyVerdict, label_of
from ...core.licenses.kb import UNKNOWN, LicenseInfo, fact_label
from ...core.licenses.report import UNDETERMINED_REASON
from ..i18n import current_language, localise

VERDICT_COLOURS = {PolicyVerdict.ALLOWED: "#1b5e20", PolicyVerdict.REVIEW: "#8a6d00", PolicyVerdict.BLOCKED: "#b3261e"}


def prefers_chinese(language: str) -> bool:
    """The knowledge base's Chinese texts for a window in Chinese, or for a setting that asks for it."""
    if current_language() == "zh_CN":
        return True
    return language.startswith("zh") or (language == "system" and QLocale.system().name().startswith("zh"))


def license_title(info: LicenseInfo) -> str:
    """``Apache License 2.0  (Apache-2.0)``; the unknown license by its translated name alone."""
    return localise(info.name) if info.id == UNKNOWN else f"{info.name}  ({info.spdx})"


class LicenseCard(QFrame):
    def __init__(self, language: str = "system", *, compact: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chinese = prefers_chinese(language)
        self.audit = None
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.verdict = QLabel()
        self.verdict.setAccessibleName(self.tr("Policy verdict"))
        self.name = QLabel()
        self.name.setTextFormat(Qt.TextFormat.PlainText)
        self.name.setWordWrap(True)
        font = self.name.font()
        font.setBold(True)
        self.name.setFont(font)
        self.text_button = QPushButton(self.tr("Full text…"))
        self.text_button.clicked.connect(self.show_full_text)
        self.details_button = QPushButton(self.tr("Details"))
        self.details_button.setCheckable(True)
        self.details_button.setChecked(not compact)
        self.details_button.setVisible(compact)
        top.addWidget(self.verdict)
        top.addWidget(self.name, 1)
        top.addWidget(self.details_button)
        top.addWidget(self.text_button)
        layout.addLayout(top)
        self.summary, self.reasons, self.body = QLabel(), QLabel(), QLabel()
        for label in (self.summary, self.reasons, self.body):
            label.setTextFormat(Qt.TextFormat.PlainText)  # from cards and files: never markup
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(label)
        self.body.setVisible(not compact)
        self.details_button.toggled.connect(self.body.setVisible)
        self.note = QLabel(self.tr("Not legal advice: a summary checked against your policy. Read the full text before relying on it."))
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(self.note)

    def show_audit(self, audit) -> None:
        self.audit = audit
        info, verdict = audit.detection.license, audit.verdict
        words = {PolicyVerdict.ALLOWED: self.tr("Allowed"), PolicyVerdict.REVIEW: self.tr("Review"), PolicyVerdict.BLOCKED: self.tr("Blocked")}
        self.verdict.setText(words[verdict.verdict])
        self.verdict.setStyleSheet(f"color: white; background-color: {VERDICT_COLOURS[verdict.verdict]}; padding: 3px 8px; border-radius: 3px; font-weight: bold;")
        self.name.setText(license_title(info))
        self.summary.setText(info.summary_in("zh_CN" if self.chinese else "en"))
        reasons = list(verdict.reasons)
        if audit.detection.warnings and info.id == UNKNOWN:  # the warning below says it, with what was seen: once is enough
            reasons = [r for r in reasons if getattr(r, "template", str(r)) != UNDETERMINED_REASON] or reasons
        why = self.tr("Why: {0}").format(" ".join(localise(r) for r in reasons))
        self.reasons.setText("\n".join([why] + ["⚠ " + localise(w) for w in audit.detection.warnings]))
        lines = []
        duties = info.attribution_zh_CN if self.chinese and info.attribution_zh_CN else info.attribution
        if duties:
            lines.append(self.tr("Duties:") + "".join("\n • " + d for d in duties))
        facts = []
        if info.user_cap:
            facts.append(self.tr("user cap {0:,} monthly active users").format(info.user_cap))
        if info.territory_exclusions:
            facts.append(self.tr("not for use in {0}").format(", ".join(info.territory_exclusions)))
        facts.append(self.tr("training other models on outputs: {0}").format(localise(label_of(info.outputs_training))))
        if info.acceptable_use_policy.get("applies"):
            facts.append(self.tr("acceptable-use policy applies"))
        lines.append(self.tr("Terms: {0}").format(" · ".join(facts)))
        if info.territory_note:
            lines.append(info.territory_note)
        evidence = "; ".join(localise(e.line()) for e in audit.detection.evidence) or self.tr("none")
        lines.append(self.tr("Confidence: {0}. Evidence: {1}").format(localise(label_of(audit.detection.confidence)), evidence))
        if not info.verified:
            unchecked = ", ".join(localise(fact_label(f)) for f in info.unverified_fields) or self.tr("all fields")
            lines.append(self.tr("Hangar's facts about this license were not checked against its text: {0}.").format(unchecked))
        self.body.setText("\n".join(line for line in lines if line is not None))
        self.text_button.setEnabled(bool(info.text_file or info.source_url))

    def show_full_text(self) -> None:
        if self.audit is None:
            return
        info = self.audit.detection.license
        text = info.text()
        if text is None:
            QDesktopServices.openUrl(QUrl(info.source_url))  # our knowledge base's address, not one from a card
            return
        dialog = QDialog(self)
        dialog.setWindowTitle(info.name)
        dialog.resize(760, 620)
        layout = QVBoxLayout(dialog)
        source = QLabel(self.tr("Source: {0} ({1})").format(info.source_url, info.source_date or self.tr("undated")))
        source.setTextFormat(Qt.TextFormat.PlainText)
        source.setWordWrap(True)
        layout.addWidget(source)
        view = QPlainTextEdit(text)
        view.setReadOnly(True)
        view.setAccessibleName(self.tr("License text"))
        layout.addWidget(view, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout.addWidget(buttons)
        dialog.open()
        self.text_dialog = dialog
