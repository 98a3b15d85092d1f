"""hangar-cli bench --json prints a hangar.run/1 document (every field it printed before, plus the
envelope) that hangar-cli fleet imports on another machine; fleet list/compare/cost/report/export."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from hangar.cli import main
from hangar.core.fleet.schema import validate

from ..conftest import run_cli
from .documents import ascend_doc, h100_doc

RECORD_FIELDS = {"results", "ttft_ms", "peak_rss_bytes", "energy_j_per_token", "energy_reason", "system", "model", "synthetic", "device",
                 "run_id", "model_type", "n_threads", "n_gpu_layers", "n_batch", "n_ubatch", "flash_attn", "type_k", "type_v"}  # fmt: skip


def _cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def _write(tmp_path: Path) -> list[str]:
    paths = []
    for name, doc in (("ascend.json", ascend_doc()), ("h100.json", h100_doc())):
        (tmp_path / name).write_text(json.dumps(doc, indent=1), encoding="utf-8")
        paths.append(str(tmp_path / name))
    return paths


@pytest.mark.slow
def test_bench_json_is_a_run_document_that_fleet_imports(tiny_gguf: Path, tmp_path: Path) -> None:
    result = run_cli("bench", str(tiny_gguf), "-p", "16", "-n", "4", "-r", "2", "--machine-label", "bench-box", "--json")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["schema"] == "hangar.run/1" and doc["kind"] == "bench" and doc["machine"]["label"] == "bench-box"
    assert RECORD_FIELDS <= set(doc), "every field bench --json printed before is still there"
    assert [r["test"] for r in doc["results"]] == ["pp16", "tg4"] and doc["system"]["runtime"] == "cpu"
    validate(doc)
    (tmp_path / "bench.json").write_text(result.stdout, encoding="utf-8")
    imported = run_cli("fleet", "import", str(tmp_path / "bench.json"), "--json")
    assert imported.returncode == 0, imported.stderr
    assert json.loads(imported.stdout)["imported"][0]["run_id"] == 1
    listed = json.loads(run_cli("fleet", "list", "--json").stdout)["runs"]
    assert listed[0]["machine_label"] == "bench-box" and listed[0]["kind"] == "bench"


def test_import_list_compare_cost_report_export(capsys, tmp_path: Path) -> None:
    cut = tmp_path / "cut.json"
    cut.write_text(json.dumps(h100_doc())[:500], encoding="utf-8")
    code, out, err = _cli(capsys, "fleet", "import", *_write(tmp_path), str(cut))
    assert code == 1, "a refused file fails the command; the good ones are imported all the same"
    assert "imported" in out and f"{cut} cannot be imported: it is cut off" in err
    code, out, _err = _cli(capsys, "fleet", "import", str(tmp_path / "h100.json"))
    assert code == 0 and "already imported, as run #2" in out

    code, out, _err = _cli(capsys, "fleet", "list", "--json")
    assert [r["machine_label"] for r in json.loads(out)["runs"]] == ["ascend-910b", "h100"]
    code, out, _err = _cli(capsys, "fleet", "compare", "--concurrency", "4")
    assert code == 0 and "concurrency 4" in out and "concurrency 16" not in out and "ascend-910b" in out
    code, out, _err = _cli(capsys, "fleet", "--json", "compare")
    assert len(json.loads(out)["rows"]) == 6

    code, _out, err = _cli(capsys, "fleet", "cost", "--machine", "h100", "--purchase-price", "30000", "--lifetime-hours", "0")
    assert code == 1 and "lifetime is 0.0 hours" in err
    code, _out, err = _cli(capsys, "fleet", "cost", "--machine", "h100", "--price-per-hour", "2", "--utilisation", "0")
    assert code == 1 and "utilisation is 0.0" in err
    code, _out, err = _cli(capsys, "fleet", "cost", "--machine", "h100", "--price-per-hour", "2", "--pue", "0.8")
    assert code == 1 and "PUE is 0.8" in err
    code, _out, err = _cli(capsys, "fleet", "cost", "--machine", "h100", "--price-per-hour", "-2")
    assert code == 1 and "price cannot be negative" in err
    code, _out, err = _cli(capsys, "fleet", "cost", "--price-per-hour", "2")
    assert code == 1 and "--machine" in err
    code, out, _err = _cli(capsys, "fleet", "cost", "--json")
    assert json.loads(out)["inputs"] == {}, "nothing was stored by the refused commands"

    code, out, _err = _cli(capsys, "fleet", "cost", "--machine", "h100", "--price-per-hour", "2.5", "--utilisation", "0.5", "--json")
    figures = {f["machine"]: f for f in json.loads(out)["costs"]}
    assert figures["h100"]["total"] == pytest.approx(2.5 / 0.5 * (1e6 / 200) / 3600) and figures["h100"]["basis"] == "concurrency 4"
    assert figures["ascend-910b"]["total"] is None and "no cost inputs" in figures["ascend-910b"]["reason"]
    code, out, _err = _cli(capsys, "fleet", "cost", "--machine", "h100", "--pick-concurrency", "16", "--json")
    assert {f["machine"]: f for f in json.loads(out)["costs"]}["h100"]["concurrency"] == 16, "the picked level is stored with the inputs"

    report = tmp_path / "report.html"
    code, out, _err = _cli(capsys, "fleet", "report", "--out", str(report))
    assert code == 0 and report.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    code, out, _err = _cli(capsys, "fleet", "export", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 6 and sum(r["costed"] == "True" for r in rows) == 1
    code, out, _err = _cli(capsys, "fleet", "export", "--format", "json", "--out", str(tmp_path / "f.json"))
    assert json.loads((tmp_path / "f.json").read_text(encoding="utf-8"))["run_schema"] == "hangar.run/1"

    code, out, _err = _cli(capsys, "fleet", "delete", "1")
    assert code == 0
    code, _out, err = _cli(capsys, "fleet", "delete", "1")
    assert code == 1 and "There is no fleet run #1" in err
    code, _out, err = _cli(capsys, "fleet", "add-local")
    assert code == 1 and "no benchmark run yet" in err
