"""Writing the organisation's license policy: six questions, once."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ....core.common.errors import HangarError
from ....core.licenses.policy import Policy
from ...error_dialog import error_text


class PolicyDialog(QDialog):
    def __init__(self, policy: Policy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("License policy"))
        self.policy: Policy | None = None
        self._given = policy  # what the six questions do not ask (allow_remote_endpoints) is kept as it was
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name = QLineEdit(policy.name)
        self.name.setAccessibleName(self.tr("Policy name"))
        self.commercial = QCheckBox(self.tr("We use models commercially"))
        self.commercial.setChecked(policy.commercial_use_required)
        self.territories = QLineEdit(", ".join(policy.territories))
        self.territories.setAccessibleName(self.tr("Territories"))
        self.territories.setPlaceholderText(self.tr("Where you operate: ISO country codes or EU, e.g. EU, GB, US"))
        self.limit = QCheckBox(self.tr("Our largest product may reach"))
        self.users = QSpinBox()
        self.users.setAccessibleName(self.tr("Monthly active users"))
        self.users.setRange(0, 2_000_000_000)
        self.users.setSingleStep(100_000)
        self.users.setSuffix(self.tr(" monthly active users"))
        self.users.setGroupSeparatorShown(True)
        self.limit.setChecked(policy.max_monthly_users is not None)
        self.users.setValue(policy.max_monthly_users or 0)
        self.users.setEnabled(self.limit.isChecked())
        self.limit.toggled.connect(self.users.setEnabled)
        self.attribution = QCheckBox(self.tr("We can show attribution (\"Built with …\") and follow naming rules"))
        self.attribution.setChecked(policy.attribution_acceptable)
        self.research = QCheckBox(self.tr("Research-only licenses are acceptable"))
        self.research.setChecked(policy.research_only_acceptable)
        self.training = QCheckBox(self.tr("We train other models on the outputs"))
        self.training.setChecked(policy.outputs_for_training_needed)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.commercial)
        form.addRow(self.tr("Territories"), self.territories)
        form.addRow(self.limit, self.users)
        form.addRow(self.attribution)
        form.addRow(self.research)
        form.addRow(self.training)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        policy = Policy(
            name=self.name.text().strip(), commercial_use_required=self.commercial.isChecked(),
            territories=[t for t in self.territories.text().replace(";", ",").split(",") if t.strip()],
            max_monthly_users=self.users.value() if self.limit.isChecked() else None,
            attribution_acceptable=self.attribution.isChecked(), research_only_acceptable=self.research.isChecked(),
            outputs_for_training_needed=self.training.isChecked(), allow_remote_endpoints=self._given.allow_remote_endpoints,
        )  # fmt: skip
        try:
            self.policy = policy.validate()
        except HangarError as exc:
            self.error.setText(" ".join(error_text(exc)).strip())  # the dialog stays open with what was typed
            return
        super().accept()
