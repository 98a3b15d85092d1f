"""Benchmark records keep their messages translatable across a restart (the history)."""

from __future__ import annotations

from hangar.core.bench.runs import runs, store_run
from hangar.core.common.i18n import QT_TR_NOOP, Text
from hangar.core.config.context import AppContext


def test_the_device_label_and_the_energy_reason_come_back_with_their_templates() -> None:
    db = AppContext.open().database
    reason = QT_TR_NOOP("no RAPL energy counters ({folder} has no intel-rapl zones: a VM or a CPU without RAPL)", folder="/sys/class/powercap")
    record = {
        "results": [{"test": "tg8", "n_prompt": 0, "n_gen": 8, "avg_ts": 10.0}], "model": {"path": "/m.gguf"}, "synthetic": True,
        "system": {"runtime": "cpu"}, "device": QT_TR_NOOP("CPU memory"), "energy_reason": reason,
    }  # fmt: skip
    store_run(db, record)
    store_run(db, {**record, "device": "NVIDIA T4 (CUDA0)", "energy_reason": None})
    gpu, cpu = runs(db)
    assert isinstance(cpu["device"], Text) and cpu["device"] == "CPU memory" and cpu["device"].template == "CPU memory"
    assert isinstance(cpu["energy_reason"], Text) and cpu["energy_reason"] == reason and cpu["energy_reason"].fields == {"folder": "/sys/class/powercap"}
    assert gpu["device"] == "NVIDIA T4 (CUDA0)" and not isinstance(gpu["device"], Text) and gpu["energy_reason"] is None
    assert db.query("SELECT device FROM bench_runs ORDER BY id")[0]["device"] == "CPU memory", "the column stays plain text"
