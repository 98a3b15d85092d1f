"""hangar.run/1: documents from other machines are checked where they enter, each refusal naming
the field and the file; fields a later writer adds are kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hangar.core.fleet.schema import SCHEMA, RunFileError, bench_document, load_run, parse_run, validate

from .documents import ascend_doc, bench_doc, h100_doc


def _refusal(doc, source=None) -> RunFileError:
    with pytest.raises(RunFileError) as caught:
        validate(doc, source)
    return caught.value


def test_both_kinds_validate_and_unknown_fields_are_kept() -> None:
    for doc in (ascend_doc(), h100_doc(), bench_doc()):
        assert validate(doc) is doc
    doc = h100_doc() | {"added_by_a_later_writer": {"x": 1}}
    assert validate(doc)["added_by_a_later_writer"] == {"x": 1}


def test_another_schema_version_says_which() -> None:
    error = _refusal(h100_doc() | {"schema": "hangar.run/2"}, "h100.json")
    assert "h100.json" in error.message and "made by a newer Hangar: hangar.run/2; this one reads hangar.run/1" in error.message
    assert error.field == "schema"
    assert "not a Hangar run" in _refusal(h100_doc() | {"schema": "vllm.bench/1"}).message
    assert "hangar.run/0" in _refusal(h100_doc() | {"schema": "hangar.run/0"}).message


def test_a_record_from_before_the_envelope_is_recognised() -> None:
    old = {k: v for k, v in bench_doc().items() if k not in ("schema", "kind", "created_at", "hangar_version", "machine")}
    error = _refusal(old, "old.json")
    assert "schema is missing" in error.message and "older than hangar.run/1" in error.message


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        (lambda d: d["levels"][1].__setitem__("duration", -3.5), "levels[1].duration", "is -3.5: it cannot be negative"),
        (lambda d: d["levels"][0].__setitem__("output_throughput", -1), "levels[0].output_throughput", "cannot be negative"),
        (lambda d: d["levels"][2].pop("p99_ttft_ms"), "levels[2].p99_ttft_ms", "is missing"),
        (lambda d: d["machine"].pop("label"), "machine.label", "is missing"),
        (lambda d: d["machine"].__setitem__("label", "  "), "machine.label", "text that is not empty"),
        (lambda d: d.pop("created_at"), "created_at", "is missing"),
        (lambda d: d.__setitem__("created_at", "yesterday"), "created_at", "ISO-8601"),
        (lambda d: d.__setitem__("kind", "bench-batch"), "kind", "one of bench, bench-serve"),
        (lambda d: d["levels"][0].__setitem__("status", "done"), "levels[0].status", "one of ok, failed, cancelled"),
        (lambda d: d["levels"][0]["samples"][3]["itl_ms"].append(-2), "levels[0].samples[3].itl_ms[4]", "at least 0"),
        (lambda d: d["workload"].__setitem__("requests", 0), "workload.requests", "more than 0"),
        (lambda d: d["levels"].clear(), "levels", "at least one entry"),
        (lambda d: d["target"].__setitem__("kind", "cloud"), "target.kind", "one of hangar, endpoint"),
        (lambda d: d["levels"][0].__setitem__("completed", 2.5), "levels[0].completed", "a whole number"),
        (lambda d: d["levels"][0].__setitem__("duration", "12s"), "levels[0].duration", "a number, not \"12s\""),
    ],
)
def test_each_bad_field_is_named(change, field: str, words: str) -> None:
    doc = h100_doc()
    change(doc)
    error = _refusal(doc, Path("runs/h100.json"))
    assert error.field == field and field in error.message and words in error.message, error.message
    assert str(Path("runs/h100.json")) in error.message


def test_a_failed_level_may_lack_its_numbers_but_an_ok_one_may_not() -> None:
    doc = h100_doc()
    doc["levels"].append({"max_concurrency": 32, "status": "failed", "error": "503 for every request", "samples": []})
    validate(doc)
    doc["levels"][-1]["status"] = "ok"
    assert _refusal(doc).field == "levels[3].duration"


def test_bench_fields_are_checked_too() -> None:
    doc = bench_doc()
    doc["results"][1]["avg_ts"] = -25.0
    assert _refusal(doc).field == "results[1].avg_ts"
    doc = bench_doc()
    doc["results"] = []
    assert "at least one entry" in _refusal(doc).message


def test_truncated_json_says_where(tmp_path: Path) -> None:
    text = json.dumps(ascend_doc(), indent=2)
    cut = tmp_path / "ascend.json"
    cut.write_text(text[: len(text) // 2], encoding="utf-8")
    with pytest.raises(RunFileError) as caught:
        load_run(cut)
    message = caught.value.message
    assert str(cut) in message and "cut off" in message and "line " in message and "column" in message
    with pytest.raises(RunFileError, match="it is not valid JSON"):
        parse_run('{"schema": "hangar.run/1",, }', "x.json")
    with pytest.raises(RunFileError, match="it is empty"):
        parse_run("  ", "x.json")
    with pytest.raises(RunFileError, match="NaN"):
        parse_run(json.dumps(h100_doc()).replace('"duration": ', '"duration": NaN, "was": ', 1), "x.json")


def test_files_that_are_not_run_files(tmp_path: Path) -> None:
    with pytest.raises(RunFileError, match="there is no such file"):
        load_run(tmp_path / "missing.json")
    with pytest.raises(RunFileError, match="a folder"):
        load_run(tmp_path)
    (tmp_path / "bin.json").write_bytes(b"\xff\xfe\x00junk")
    with pytest.raises(RunFileError, match="not UTF-8"):
        load_run(tmp_path / "bin.json")
    good = tmp_path / "good.json"
    good.write_text(json.dumps(h100_doc()), encoding="utf-8")
    assert load_run(good)["machine"]["label"] == "h100"


def test_a_bench_record_becomes_a_document_with_every_field_kept() -> None:
    record = {k: v for k, v in bench_doc().items() if k not in ("schema", "kind", "created_at", "hangar_version", "machine")}
    record["system"] |= {"memory_total_bytes": 2**34, "gpus": [{"name": "RTX 4090", "memory_total_bytes": 24 * 2**30, "driver": "550"}]}
    doc = bench_document(record, label="workstation")
    assert doc["schema"] == SCHEMA and doc["kind"] == "bench" and doc["machine"]["label"] == "workstation"
    assert doc["machine"]["gpus"] == [{"name": "RTX 4090", "memory_bytes": 24 * 2**30}] and doc["machine"]["ram_bytes"] == 2**34
    assert {k: doc[k] for k in record} == record
    validate(json.loads(json.dumps(doc)))
