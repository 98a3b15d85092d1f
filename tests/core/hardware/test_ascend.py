"""Ascend detection from npu-smi output (910B and 310P layouts) and toolkit files."""

from __future__ import annotations

from pathlib import Path

from hangar.core.common.i18n import Text
from hangar.core.common.units import MIB
from hangar.core.hardware.ascend import detect_ascend, parse_npu_smi

NPU_SMI_910B = """\
+------------------------------------------------------------------------------------------------+
| npu-smi 23.0.rc2                 Version: 23.0.rc2                                             |
+---------------------------+---------------+----------------------------------------------------+
| NPU   Name                | Health        | Power(W)    Temp(C)           Hugepages-Usage(page)|
| Chip                      | Bus-Id        | AICore(%)   Memory-Usage(MB)  HBM-Usage(MB)        |
+===========================+===============+====================================================+
| 0     910B3               | OK            | 93.6        40                0    / 0             |
| 0                         | 0000:C1:00.0  | 0           0    / 0          3162 / 65536         |
+===========================+===============+====================================================+
| 1     910B3               | OK            | 91.1        39                0    / 0             |
| 0                         | 0000:01:00.0  | 0           0    / 0          5000 / 65536         |
+===========================+===============+====================================================+
+---------------------------+---------------+----------------------------------------------------+
| NPU     Chip              | Process id    | Process name             | Process memory(MB)      |
+===========================+===============+====================================================+
| No running processes found in NPU 0                                                            |
+===========================+===============+====================================================+
"""

NPU_SMI_310P = """\
+--------------------------------------------------------------------------------------------------------+
| npu-smi 23.0.0                                   Version: 23.0.0                                       |
+-------------------------------+-----------------+------------------------------------------------------+
| NPU     Name                  | Health          | Power(W)     Temp(C)           Hugepages-Usage(page) |
| Chip    Device                | Bus-Id          | AICore(%)    Memory-Usage(MB)                        |
+===============================+=================+======================================================+
| 8       310P3                 | OK              | NA           45                0     / 0             |
| 0       0                     | 0000:82:00.0    | 0            1702 / 21527                            |
+===============================+=================+======================================================+
"""


def test_910b_table() -> None:
    npus = parse_npu_smi(NPU_SMI_910B)
    assert [n["name"] for n in npus] == ["Ascend 910B3", "Ascend 910B3"]
    assert npus[0]["memory_total_bytes"] == 65536 * MIB
    assert npus[1]["memory_free_bytes"] == (65536 - 5000) * MIB
    assert npus[0]["power_w"] == 93.6 and npus[0]["health"] == "OK"
    assert npus[0]["bus_id"] == "0000:C1:00.0"


def test_310p_table_without_power_reading() -> None:
    npus = parse_npu_smi(NPU_SMI_310P)
    assert len(npus) == 1 and npus[0]["index"] == 8 and npus[0]["name"] == "Ascend 310P3"
    assert npus[0]["power_w"] is None
    assert npus[0]["memory_total_bytes"] == 21527 * MIB


def test_toolkit_and_driver_versions_from_files(tmp_path: Path) -> None:
    toolkit = tmp_path / "toolkit"
    toolkit.mkdir()
    (toolkit / "version.cfg").write_text("# version\ntoolkit_installed_version=[8.0.RC2:8.0.RC2]\n")
    driver = tmp_path / "usr/local/Ascend/driver"
    driver.mkdir(parents=True)
    (driver / "version.info").write_text("Version=23.0.rc2\nascendhal_version=7.35.19\n")
    (tmp_path / "dev").mkdir()
    (tmp_path / "dev" / "davinci0").touch()
    (tmp_path / "dev" / "davinci_manager").touch()
    npus, info, reason = detect_ascend(
        run=lambda cmd: NPU_SMI_910B, which=lambda name: "/usr/local/bin/npu-smi",
        environ={"ASCEND_TOOLKIT_HOME": str(toolkit)}, root=tmp_path,
    )  # fmt: skip
    assert reason == "" and len(npus) == 2
    assert info["cann_version"] == "8.0.RC2" and info["driver_version"] == "23.0.rc2"
    assert info["device_nodes"] == [str(tmp_path / "dev" / "davinci0")]
    assert npus[0]["cann_version"] == "8.0.RC2"


def test_no_npu_smi_gives_a_reason(tmp_path: Path) -> None:
    npus, info, reason = detect_ascend(which=lambda name: None, environ={}, root=tmp_path)
    assert npus == [] and "npu-smi not on PATH" in reason and info["cann_version"] is None
    assert isinstance(reason, Text) and "/dev/davinci" in reason.template, "a literal template the window translates"
    (tmp_path / "dev").mkdir()
    (tmp_path / "dev" / "davinci0").touch()
    _, _, with_nodes = detect_ascend(which=lambda name: None, environ={}, root=tmp_path)
    assert with_nodes.template == "npu-smi not on PATH", "the driver's device nodes exist: only the tool is missing"
