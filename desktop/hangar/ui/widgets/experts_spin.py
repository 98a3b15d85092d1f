""""Experts on CPU (layers)": how many layers keep their expert tensors in RAM (llama.cpp's --n-cpu-moe).

Auto by default: the placement plan (core/runner/plan.py) then picks the fewest layers that
let the rest fit the GPU. A number overrides it; the plan refuses one larger than the
model's layers with a message, and a model without experts ignores 0. One widget for Chat's
model bar and the Benchmark controls.
"""

from __future__ import annotations

from PySide6.QtWidgets import QSpinBox, QWidget

from ...core.runner import protocol as P

AUTO = -1


class ExpertsOnCpu(QSpinBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(AUTO, P.MAX_GPU_LAYERS)
        self.setValue(AUTO)
        self.setSpecialValueText(self.tr("auto"))
        self.setAccessibleName(self.tr("Experts on CPU (layers)"))
        self.setToolTip(self.tr("Mixture-of-experts models: keep the expert weights of this many layers, from the first, in system RAM "
                                "so the rest fits the GPU. Auto lets Hangar choose the fewest that fit."))  # fmt: skip

    def n_cpu_moe(self) -> int | None:
        """The override, or None for auto."""
        return None if self.value() == AUTO else self.value()
