"""The left column of the Benchmark pane: what to run, how, and what the hardware costs."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QSpinBox, QVBoxLayout, QWidget

from ....core.app import Hangar
from ....core.common.errors import HangarError
from ....core.runner import protocol as P
from ...error_dialog import show_error
from ...widgets.elided_combo import ElidedComboBox
from ...widgets.experts_spin import ExpertsOnCpu

SYNTHETIC = [("1b", "Q4_K_M"), ("1b", "Q8_0"), ("1b", "F16"), ("8b", "Q4_K_M"), ("8b", "Q8_0"), ("moe", "Q4_K_M"), ("small", "F16")]


class BenchControls(QWidget):
    costs_changed = Signal()  # a cost input was saved: the pane prices the shown run again

    def __init__(self, app: Hangar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app, self.ctx = app, app.ctx
        ctx = self.ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        what = QGroupBox(self.tr("What to run"))
        form = QFormLayout(what)
        self.model = ElidedComboBox()  # long names cut in the middle with "…", whole in the tooltip and the open list
        self.model.setAccessibleName(self.tr("Model to benchmark"))
        model_label = QLabel(self.tr("Model"))
        model_label.setBuddy(self.model)
        form.addRow(model_label)
        form.addRow(self.model)  # the column's whole width: a model's name is the longest text in this column
        self.runtime = QComboBox()
        self.runtime.setAccessibleName(self.tr("Runtime"))
        form.addRow(self.tr("Runtime"), self.runtime)
        layout.addWidget(what)

        how = QGroupBox(self.tr("Settings (llama-bench defaults)"))
        form = QFormLayout(how)
        self.n_prompt = self._spin(0, 65536, 512)
        self.n_gen = self._spin(0, 65536, 128)
        self.reps = self._spin(1, 100, 5)
        self.threads = self._spin(0, 1024, ctx.settings.threads)
        self.threads.setSpecialValueText(self.tr("one per physical core"))
        self.ngl = self._spin(-1, 1000, P.GPU_LAYERS_ALL)
        self.ngl.setSpecialValueText(self.tr("all"))
        self.experts = ExpertsOnCpu()  # llama-bench's -ncmoe; auto: the placement plan's
        self.localscore = QCheckBox(self.tr("LocalScore suite instead"))
        self.localscore.setToolTip(self.tr("Nine prompt+generation shapes with time to first token and LocalScore's score, instead of pp/tg"))
        form.addRow(self.localscore)
        for label, widget in ((self.tr("Prompt tokens"), self.n_prompt), (self.tr("Generated tokens"), self.n_gen), (self.tr("Repetitions"), self.reps), (self.tr("Threads"), self.threads), (self.tr("GPU layers"), self.ngl), (self.tr("Experts on CPU (layers)"), self.experts)):
            form.addRow(label, widget)
        layout.addWidget(how)

        cost = QGroupBox(self.tr("Cost"))
        form = QFormLayout(cost)
        s = ctx.settings
        self.price_per_hour = self._money(s.cost_per_hour)
        self.purchase = self._money(s.cost_purchase_price, 10_000_000)
        self.lifetime = self._money(s.cost_lifetime_hours, 1_000_000, decimals=0)
        self.kwh = self._money(s.cost_electricity_per_kwh, decimals=3)
        self.watts = self._money(s.cost_power_watts, 100_000, decimals=0)
        self.currency = QLineEdit(s.cost_currency)
        self.currency.setMaxLength(8)
        self.currency.editingFinished.connect(self.save_costs)
        for label, widget in (
            (self.tr("Price per hour"), self.price_per_hour), (self.tr("or purchase price"), self.purchase), (self.tr("over lifetime (hours)"), self.lifetime),
            (self.tr("Electricity per kWh"), self.kwh), (self.tr("Power draw (W), if not measured"), self.watts), (self.tr("Currency"), self.currency),
        ):  # fmt: skip
            form.addRow(label, widget)
        layout.addWidget(cost)
        layout.addStretch(1)

    def _spin(self, low: int, high: int, value: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(low, high)
        spin.setValue(value)
        return spin

    def _money(self, value: float, maximum: float = 100_000, decimals: int = 2) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setRange(0, maximum)
        spin.setDecimals(decimals)
        spin.setValue(value)
        spin.valueChanged.connect(self.save_costs)  # arrows and typing alike; the write is a small JSON file
        return spin

    def choose_fitting_default(self, available_bytes: int) -> None:
        """The synthetic 1B (about 1 GB at Q4_K_M) unless memory is short: then the small shape."""
        key = "synthetic:1b:Q4_K_M" if available_bytes > 3 * 1024**3 else "synthetic:small:F16"
        self.model.setCurrentIndex(max(0, self.model.findData(key)))

    def set_models(self, library_models: list) -> None:
        self.model.clear()
        shapes = {"moe": self.tr("mixture-of-experts"), "small": self.tr("small")}
        for shape, quant in SYNTHETIC:
            self.model.addItem(self.tr("Synthetic {0} shape, {1} (no download)").format(shapes.get(shape, shape.upper()), quant), f"synthetic:{shape}:{quant}")
        for model in library_models:
            self.model.addItem(f"{model.name} ({model.quant or '?'})", f"library:{model.id}:")

    def set_runtimes(self, runtimes: list, best: str) -> None:
        self.runtime.clear()
        for runtime in runtimes:
            if runtime.available:
                self.runtime.addItem(runtime.label, runtime.name)
        self.runtime.setCurrentIndex(max(0, self.runtime.findData(best)))

    def spec(self) -> P.BenchOptions:
        kind, ref, quant = (self.model.currentData() or "synthetic:1b:Q4_K_M").split(":")
        return P.BenchOptions(
            model=ref if kind == "library" else "", synthetic=ref if kind == "synthetic" else None, quant=quant or "Q4_K_M",
            n_prompt=self.n_prompt.value(), n_gen=self.n_gen.value(), reps=self.reps.value(), n_threads=self.threads.value(),
            runtime=self.runtime.currentData() or "cpu", n_gpu_layers=self.ngl.value(), n_cpu_moe=self.experts.n_cpu_moe(),
            suite="localscore" if self.localscore.isChecked() else "llama-bench",
        )  # fmt: skip

    def save_costs(self) -> None:
        """Through the application layer: one validation, one save, and the change announced.
        A save that fails says why and leaves the saved values as they were."""
        try:
            self._save_costs()
        except HangarError as exc:
            show_error(self, self.tr("Cost"), exc)
            return
        self.costs_changed.emit()

    def _save_costs(self) -> None:
        self.app.settings.update({
            "cost_per_hour": self.price_per_hour.value(), "cost_purchase_price": self.purchase.value(), "cost_lifetime_hours": self.lifetime.value(),
            "cost_electricity_per_kwh": self.kwh.value(), "cost_power_watts": self.watts.value(), "cost_currency": self.currency.text().strip() or "USD",
        })  # fmt: skip
