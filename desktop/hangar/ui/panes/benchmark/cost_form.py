"""The Fleet tab's cost inputs, one machine at a time, saved through the application layer.

Values the core refuses (a lifetime of 0 hours beside a purchase price, a PUE under 1, a
utilisation of 0) can be typed: Save then shows the core's reason beside the button and
stores nothing, the same reason the CLI prints.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from ....core.common.errors import HangarError
from ....core.fleet.cost import FleetCostInputs
from ...i18n import localise


class CostForm(QGroupBox):
    saved = Signal(str)  # the machine whose inputs were stored

    def __init__(self, fleet, parent: QWidget | None = None) -> None:  # noqa: ANN001 - core.app.fleet.FleetService
        super().__init__(self.tr("Cost inputs per machine"), parent)
        self.fleet = fleet
        self._levels: dict[str, list[int]] = {}
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.machine = QComboBox()
        self.machine.setAccessibleName(self.tr("Machine whose cost inputs are shown"))
        self.machine.currentIndexChanged.connect(self._on_machine)
        form.addRow(self.tr("Machine"), self.machine)
        self.price_per_hour = self._number(0, 100_000, 2)
        self.purchase = self._number(0, 100_000_000, 0)
        self.lifetime = self._number(0, 1_000_000, 0)
        self.kwh = self._number(0, 100, 3)
        self.watts = self._number(0, 1_000_000, 0)
        self.pue = self._number(0, 10, 2)
        self.utilisation = self._number(0, 100, 0)
        self.utilisation.setSuffix(" %")
        self.currency = QLineEdit("USD")
        self.currency.setMaxLength(8)
        self.concurrency = QComboBox()
        self.concurrency.setAccessibleName(self.tr("Concurrency to cost"))
        self.concurrency.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for label, widget in (
            (self.tr("Price per hour"), self.price_per_hour), (self.tr("or purchase price"), self.purchase), (self.tr("over lifetime (hours)"), self.lifetime),
            (self.tr("Electricity per kWh"), self.kwh), (self.tr("Power draw (W), if not measured"), self.watts), (self.tr("PUE (at least 1)"), self.pue),
            (self.tr("Utilisation"), self.utilisation), (self.tr("Currency"), self.currency), (self.tr("Cost at"), self.concurrency),
        ):  # fmt: skip
            form.addRow(label, widget)
        row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save cost inputs"))
        self.save_button.clicked.connect(self.save)
        self.status = QLabel()
        self.status.setWordWrap(True)
        row.addWidget(self.save_button)
        row.addWidget(self.status, 1)
        form.addRow(row)
        self.setEnabled(False)

    def _number(self, low: float, high: float, decimals: int) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setRange(low, high)
        spin.setDecimals(decimals)
        return spin

    def set_machines(self, levels: dict[str, list[int]]) -> None:
        """``levels``: each machine's concurrency levels (none for a single stream)."""
        chosen = self.machine.currentText()
        self._levels = levels
        self.machine.blockSignals(True)
        self.machine.clear()
        self.machine.addItems(sorted(levels))
        self.machine.setCurrentIndex(max(0, self.machine.findText(chosen)))
        self.machine.blockSignals(False)
        self.setEnabled(bool(levels))
        self._on_machine()

    def _on_machine(self, *_args) -> None:
        label = self.machine.currentText()
        inputs = self.fleet.costs().get(label, FleetCostInputs(pue=1.0, utilisation=1.0))
        self.price_per_hour.setValue(inputs.price_per_hour)
        self.purchase.setValue(inputs.purchase_price)
        self.lifetime.setValue(inputs.lifetime_hours)
        self.kwh.setValue(inputs.electricity_per_kwh)
        self.watts.setValue(inputs.power_watts)
        self.pue.setValue(inputs.pue)
        self.utilisation.setValue(inputs.utilisation * 100)
        self.currency.setText(inputs.currency)
        self.concurrency.clear()
        self.concurrency.addItem(self.tr("best that meets the SLO"), None)
        for level in self._levels.get(label, []):
            self.concurrency.addItem(self.tr("concurrency {0}").format(level), level)
        self.concurrency.setCurrentIndex(max(0, self.concurrency.findData(inputs.concurrency)))
        self.status.clear()

    def inputs(self) -> FleetCostInputs:
        return FleetCostInputs(
            price_per_hour=self.price_per_hour.value(), purchase_price=self.purchase.value(), lifetime_hours=self.lifetime.value(),
            electricity_per_kwh=self.kwh.value(), power_watts=self.watts.value(), pue=self.pue.value(), utilisation=self.utilisation.value() / 100,
            currency=self.currency.text().strip(), concurrency=self.concurrency.currentData(),
        )  # fmt: skip

    def save(self) -> bool:
        label = self.machine.currentText()
        try:
            self.fleet.save_costs(label, self.inputs())
        except HangarError as exc:
            self.status.setText(self.tr("Not saved: {0}").format(localise(exc.message)))
            return False
        self.status.setText(self.tr("Saved for {0}.").format(label))
        self.saved.emit(label)
        return True
