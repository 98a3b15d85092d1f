"""The Hardware pane: real detection in the background, devices and runtimes shown."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit

from hangar.core.app import Hangar
from hangar.core.config.context import AppContext
from hangar.core.hardware import HardwareReport
from hangar.core.runner.runtimes import Runtime
from hangar.ui.models.record_table import Column, RecordTableModel
from hangar.ui.panes.hardware.pane import HardwarePane
from hangar.ui.services import UiServices

GIB = 1024**3


def test_detects_this_machine_without_blocking(qtbot) -> None:
    pane = HardwarePane(UiServices(Hangar.open()))
    qtbot.addWidget(pane)
    pane.show()
    assert "Detecting" in pane.status_label.text() and pane.busy.isVisible(), "a sign of progress from the first moment"
    qtbot.waitUntil(lambda: bool(pane.cpu_label.text()), timeout=60_000)
    if pane.report is None:  # the devices are shown while the runtimes are still probed
        assert "Probing the llama.cpp runtimes" in pane.status_label.text() and pane.busy.isVisible()
    qtbot.waitUntil(lambda: pane.report is not None, timeout=60_000)
    assert not pane.busy.isVisible() and pane.status_label.text() == ""
    assert pane.report.cpu["model"] in pane.cpu_label.text()
    assert pane.runtime_model.rowCount() == 3
    assert pane.runtime_model.index(0, 1).data() == "available"
    cuda_command = pane.findChild(QLineEdit, "install_cuda")
    assert cuda_command is not None and "build-cuda.sh" in cuda_command.text()


def test_shows_gpus_npus_and_why_a_runtime_is_missing(qtbot) -> None:
    pane = HardwarePane(UiServices(Hangar.open()))
    qtbot.addWidget(pane)
    report = HardwareReport(
        cpu={"model": "Kunpeng 920", "architecture": "aarch64", "cores_physical": 48, "cores_logical": 48, "features": ["neon", "asimd"]},
        memory={"total_bytes": 512 * GIB, "available_bytes": 400 * GIB},
        gpus=[{"index": 0, "name": "NVIDIA L40S", "memory_total_bytes": 48 * GIB, "memory_free_bytes": 40 * GIB, "driver": "570.1", "compute_capability": "8.9"}],
        npus=[{"index": 0, "name": "Ascend 910B3", "memory_total_bytes": 64 * GIB, "memory_free_bytes": 60 * GIB, "health": "OK", "power_w": 93.6, "cann_version": "8.0.RC2"}],
        ascend={"cann_version": "8.0.RC2"},
        disk={"path": "/models", "free_bytes": 900 * GIB, "total_bytes": 2000 * GIB},
    )
    runtimes = [
        Runtime("cpu", True, version="0.3.36", devices=[{"name": "CPU", "description": "Kunpeng", "type": "cpu"}]),
        Runtime("cuda", True, version="0.3.36", devices=[{"name": "CUDA0", "description": "NVIDIA L40S", "type": "gpu"}]),
        Runtime("cann", False, "built for llama-cpp-python 0.3.20, but Hangar uses 0.3.36: rebuild it", install_command="bash build-cann.sh /x"),
    ]
    pane.show_report(report, runtimes)
    assert "Kunpeng 920: 48 physical cores" in pane.cpu_label.text()
    assert pane.gpu_model.index(0, 0).data() == "0: NVIDIA L40S"
    assert pane.gpu_model.index(0, 1).data() == "40.0 GiB free of 48.0 GiB"
    assert pane.npu_model.index(0, 3).data() == "94 W"
    assert pane.runtime_model.index(2, 4).data().startswith("built for llama-cpp-python 0.3.20")
    assert pane.findChild(QLineEdit, "install_cann").text() == "bash build-cann.sh /x"
    assert pane.findChild(QLineEdit, "install_cuda") is None


def test_record_table_model_is_a_well_behaved_qt_model(qtmodeltester) -> None:
    model = RecordTableModel([Column("Name", lambda r: r["name"]), Column("Size", lambda r: r.get("size"))])
    model.set_records([{"name": "a", "size": 1}, {"name": "b"}])
    qtmodeltester.check(model)
    assert model.index(1, 1).data() == ""
