"""The fleet store: checked documents only, duplicates recognised by their SHA-256, delete; the
migration appended as step 7."""

from __future__ import annotations

import json

import pytest

from hangar.core.common.errors import InvalidInput
from hangar.core.config.context import AppContext
from hangar.core.fleet.cost import FleetCostInputs
from hangar.core.fleet.schema import RunFileError
from hangar.core.fleet.store import DuplicateRun, costs, delete, document_sha256, runs, save_costs, save_run

from .documents import ascend_doc, bench_doc, h100_doc


@pytest.fixture
def db():
    ctx = AppContext.open()
    yield ctx.database
    ctx.close()


def test_save_list_and_delete(db) -> None:
    first = save_run(db, ascend_doc(), imported_from="/tmp/ascend.json")
    second = save_run(db, h100_doc(), imported_from="/tmp/h100.json")
    local = save_run(db, bench_doc())
    found = runs(db)
    assert [r.machine_label for r in found] == ["ascend-910b", "h100", "this-laptop"]
    assert [r.id for r in found] == [first, second, local]
    assert found[2].local and not found[0].local and found[0].imported_from == "/tmp/ascend.json"
    assert found[0].document == ascend_doc() and found[0].sha256 == document_sha256(ascend_doc())
    assert found[1].summary()["model"] == "Qwen2.5-7B-Instruct" and found[2].summary()["model"] == "qwen2.5-7b-instruct-q4_k_m.gguf"
    assert [r.kind for r in runs(db, "bench")] == ["bench"]
    assert delete(db, second) and not delete(db, second)
    assert [r.id for r in runs(db)] == [first, local]


def test_a_duplicate_is_recognised_even_respaced(db) -> None:
    run_id = save_run(db, h100_doc(), imported_from="a/h100.json")
    respaced = json.loads(json.dumps(h100_doc(), indent=4, sort_keys=True))
    with pytest.raises(DuplicateRun) as caught:
        save_run(db, respaced, imported_from="b/h100-copy.json")
    assert caught.value.run_id == run_id and "b/h100-copy.json is already imported, as run #" in caught.value.message
    assert len(runs(db)) == 1


def test_an_invalid_document_is_never_stored(db) -> None:
    doc = h100_doc()
    doc["levels"][0]["duration"] = -1
    with pytest.raises(RunFileError, match=r"x\.json cannot be imported: levels\[0\]\.duration is -1"):
        save_run(db, doc, imported_from="x.json")
    assert runs(db) == []


def test_cost_inputs_per_machine_are_checked_before_they_are_stored(db) -> None:
    save_costs(db, "h100", FleetCostInputs(price_per_hour=2.5, electricity_per_kwh=0.2, power_watts=700, pue=1.3, utilisation=0.5))
    with pytest.raises(InvalidInput, match="lifetime"):
        save_costs(db, "ascend-910b", FleetCostInputs(purchase_price=200_000, lifetime_hours=0))
    assert set(costs(db)) == {"h100"} and costs(db)["h100"].utilisation == 0.5


def test_the_migration_is_appended() -> None:
    from hangar.core.db.migrations import MIGRATIONS

    assert MIGRATIONS[6].version == 7 and "fleet_runs" in MIGRATIONS[6].statements[0]
