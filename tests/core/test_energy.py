"""Energy counters: RAPL read with wrap-around, and a reason when there is none."""

from __future__ import annotations

from pathlib import Path

from hangar.core.energy import open_meter


def test_no_counters_means_a_reason(tmp_path: Path) -> None:
    meter, reason = open_meter("cpu", rapl_root=tmp_path)
    assert meter is None and "no RAPL energy counters" in reason
    meter, reason = open_meter("npu")
    assert meter is None and "npu-smi" in reason


def test_rapl_counter_wraps_around(tmp_path: Path) -> None:
    zone = tmp_path / "intel-rapl:0"
    zone.mkdir()
    (zone / "name").write_text("package-0\n")
    (zone / "max_energy_range_uj").write_text("1000000\n")  # wraps every joule
    (zone / "energy_uj").write_text("900000\n")
    meter, reason = open_meter("cpu", rapl_root=tmp_path)
    assert reason == "" and meter.source == "rapl:package-0"
    start = meter.read_joules()
    (zone / "energy_uj").write_text("200000\n")  # passed the wrap: 0.1 J + 0.2 J
    assert meter.read_joules() - start == 0.3
