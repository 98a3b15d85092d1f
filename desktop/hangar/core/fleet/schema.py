"""One versioned document for a run, "hangar.run/1", whatever machine made it (docs/run-schema.md).

Two kinds share the envelope (schema, kind, created_at, hangar_version, machine):
``bench`` is the single-stream llama-bench-style record that ``hangar-cli bench --json``
prints, its fields at the top level beside the envelope's, so whatever read that output
before still reads it; ``bench-serve`` is a serving sweep (``hangar-cli bench-serve
--json``), one entry in ``levels`` per concurrency. A document is checked where it enters
(``parse_run``, ``load_run``, ``validate``); every failure names the field and, for a
file, the file. Fields this version does not know are kept, never refused: a later
``hangar.run/1`` writer may add some. A new meaning for an old field is ``hangar.run/2``.
"""

from __future__ import annotations

import json
import platform
import re
import socket
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ... import __version__
from ..common.errors import InvalidInput
from ..common.i18n import QT_TR_NOOP, Text
from ..common.small_files import read_small_file
from .checks import FieldProblem, Fields

SCHEMA = "hangar.run/1"
VERSION = 1
KINDS = ("bench", "bench-serve")
LEVEL_STATUSES = ("ok", "failed", "cancelled")
TARGET_KINDS = ("hangar", "endpoint")
MAX_FILE_BYTES = 64 * 1024 * 1024  # a sweep keeps every sample; 64 MiB holds hundreds of thousands
LATENCIES = ("ttft_ms", "tpot_ms", "itl_ms", "e2el_ms")
STATS = ("mean", "median", "std", "p90", "p99")
_SCHEMA_NAME = re.compile(r"^hangar\.run/(\d+)$")


class RunFileError(InvalidInput):
    """A run document (or the file holding it) that Hangar cannot use; ``reason`` has no file name."""

    code = "run_file"

    def __init__(self, message: Text, reason: Text, field: str | None = None) -> None:
        super().__init__(message, hint=QT_TR_NOOP("Nothing was imported from it. docs/run-schema.md describes the format."))
        self.reason, self.field = reason, field


def now_utc() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


# -- making documents --------------------------------------------------------------------------
def envelope(kind: str, body: dict, machine: dict, created_at: str | None = None) -> dict:
    """``body`` with the envelope's fields first (the envelope wins over a field of the same name)."""
    head = {"schema": SCHEMA, "kind": kind, "created_at": created_at or now_utc(), "hangar_version": __version__, "machine": machine}
    return head | {k: v for k, v in body.items() if k not in head}


def machine_from_system(system: dict, label: str | None = None) -> dict:
    """The machine block from a benchmark record's ``system`` facts (core/bench/runs.py: system_facts)."""
    host = socket.gethostname()
    return {
        "label": label or host,
        "hostname": host,
        "os": system.get("os") or platform.platform(),
        "cpu": system.get("cpu"),
        "ram_bytes": system.get("memory_total_bytes"),
        "gpus": [{"name": g.get("name"), "memory_bytes": g.get("memory_total_bytes")} for g in system.get("gpus") or []],
        "npus": [{"name": n.get("name"), "memory_bytes": n.get("memory_total_bytes")} for n in system.get("npus") or []],
    }


def local_machine(label: str | None = None, report=None) -> dict:  # noqa: ANN001 - core.hardware.report.HardwareReport
    """This machine's block, detected now (for runs that carry no system facts of their own)."""
    if report is None:
        from ..hardware.report import detect_hardware

        report = detect_hardware(Path.home())
    system = {"cpu": report.cpu.get("model"), "memory_total_bytes": report.memory.get("total_bytes"), "gpus": report.gpus, "npus": report.npus}
    return machine_from_system(system, label)


def bench_document(record: dict, label: str | None = None, created_at: str | None = None) -> dict:
    """A ``hangar-cli bench`` record as a kind "bench" document; every field of the record is kept."""
    return envelope("bench", record, machine_from_system(record.get("system") or {}, label), created_at or record.get("created_at"))


def canonical(doc: dict) -> str:
    """The one text of a document its SHA-256 is taken of: the same run read from a file
    written with other spacing or key order is the same run."""
    return json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


# -- reading documents -------------------------------------------------------------------------
def load_run(path: Path | str) -> dict:
    """The checked document in a file; RunFileError naming the file otherwise."""
    path = Path(path)
    try:
        data = read_small_file(path, MAX_FILE_BYTES)
    except FileNotFoundError:
        reason = QT_TR_NOOP("there is no such file")
        raise RunFileError(QT_TR_NOOP("{file} cannot be imported: {reason}", file=path, reason=reason), reason) from None
    except OSError as exc:
        reason = QT_TR_NOOP("it cannot be read ({error})", error=exc.strerror or exc)
        raise RunFileError(QT_TR_NOOP("{file} cannot be imported: {reason}", file=path, reason=reason), reason) from None
    except InvalidInput as exc:  # small_files.UnsuitableFile: a folder, a FIFO, too large
        reason = getattr(exc, "reason", exc.message)
        raise RunFileError(QT_TR_NOOP("{file} cannot be imported: {reason}", file=path, reason=reason), reason) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        reason = QT_TR_NOOP("it is not UTF-8 text (byte {offset})", offset=exc.start)
        raise RunFileError(QT_TR_NOOP("{file} cannot be imported: {reason}", file=path, reason=reason), reason) from None
    return parse_run(text, path)


def parse_run(text: str, source: Path | str | None = None) -> dict:
    try:
        doc = json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise _failure(_json_reason(text, exc), source) from None
    except ValueError as exc:  # NaN or Infinity, which JSON does not have
        raise _failure(QT_TR_NOOP("it is not valid JSON: {error}", error=exc), source) from None
    return validate(doc, source)


def validate(doc: Any, source: Path | str | None = None) -> dict:
    """``doc`` itself when it is a hangar.run/1 document; RunFileError (its field named) otherwise."""
    try:
        _check(doc)
    except FieldProblem as exc:
        raise _failure(exc.reason, source, exc.field) from None
    return doc


def _failure(reason: Text, source: Path | str | None, field: str | None = None) -> RunFileError:
    if source is None:
        return RunFileError(QT_TR_NOOP("This run cannot be used: {reason}", reason=reason), reason, field)
    return RunFileError(QT_TR_NOOP("{file} cannot be imported: {reason}", file=source, reason=reason), reason, field)


def _no_constant(name: str):
    raise ValueError(f"{name} is not a number JSON allows")


def _json_reason(text: str, exc: json.JSONDecodeError) -> Text:
    if not text.strip():
        return QT_TR_NOOP("it is empty")
    end = len(text.rstrip())
    if exc.pos >= end or exc.msg.startswith("Unterminated string"):
        return QT_TR_NOOP(
            "it is cut off: the JSON ends at line {line}, column {column} (character {position}) in the middle of a value; "
            "the file was probably not copied whole", line=exc.lineno, column=exc.colno, position=exc.pos,
        )  # fmt: skip
    return QT_TR_NOOP("it is not valid JSON: {error} at line {line}, column {column}", error=exc.msg, line=exc.lineno, column=exc.colno)


def _check(doc: Any) -> None:
    top = Fields(doc, "")
    schema = top.data.get("schema")
    if schema is None:
        if "results" in top.data and "system" in top.data:
            reason = QT_TR_NOOP("the field schema is missing: this looks like hangar-cli bench --json from a Hangar older than {supported}; "
                                "run the benchmark again with this version", supported=SCHEMA)  # fmt: skip
        else:
            reason = QT_TR_NOOP("the field schema is missing: this is not a {supported} document", supported=SCHEMA)
        raise FieldProblem(reason, "schema")
    found = _SCHEMA_NAME.match(schema) if isinstance(schema, str) else None
    if found is None:
        raise FieldProblem(QT_TR_NOOP("its schema is {found}, not a Hangar run ({supported})", found=json.dumps(schema)[:60], supported=SCHEMA), "schema")
    if int(found.group(1)) > VERSION:
        raise FieldProblem(QT_TR_NOOP("it was made by a newer Hangar: {found}; this one reads {supported}", found=schema, supported=SCHEMA), "schema")
    if int(found.group(1)) != VERSION:
        raise FieldProblem(QT_TR_NOOP("its schema {found} is not one this Hangar reads ({supported})", found=schema, supported=SCHEMA), "schema")
    kind = top.choice("kind", KINDS)
    top.time("created_at")
    top.text("hangar_version")
    _check_machine(top.child("machine"))
    (_check_bench if kind == "bench" else _check_serve)(top)


def _check_machine(machine: Fields) -> None:
    machine.text("label", non_empty=True)
    for key in ("hostname", "os", "cpu"):
        machine.text(key, optional=True)
    machine.number("ram_bytes", optional=True, whole=True)
    for key in ("gpus", "npus"):
        for device in machine.children(key, optional=True):
            device.text("name", optional=True)
            device.number("memory_bytes", optional=True, whole=True)


def _check_bench(top: Fields) -> None:
    model = top.child("model")
    if model.text("name", optional=True) is None and model.text("path", optional=True) is None:
        raise FieldProblem(QT_TR_NOOP("{field} is missing", field="model.name"), "model.name")
    top.child("system").text("runtime")
    for key in ("ttft_ms", "peak_rss_bytes", "energy_j_per_token", "n_threads"):
        top.number(key, optional=True)
    top.flag("synthetic", optional=True)
    for test in top.children("results", non_empty=True):
        test.text("test", non_empty=True)
        for key in ("n_prompt", "n_gen"):
            test.number(key, whole=True)
        for key in ("avg_ts", "stddev_ts"):
            test.number(key)
        test.numbers("samples_ts")
        test.numbers("samples_ns", optional=True)
        for key in ("avg_ns", "stddev_ns", "energy_j", "j_per_token", "tokens_per_j", "prompt_ts", "gen_ts", "ttft_ms"):
            test.number(key, optional=True)


def _check_serve(top: Fields) -> None:
    target = top.child("target")
    target.choice("kind", TARGET_KINDS)
    target.text("base_url")
    target.text("model", non_empty=True)
    target.text("engine", optional=True)
    work = top.child("workload")
    work.number("prompt_tokens", optional=True, whole=True, positive=True)  # null: a prompt file of the user's own, lengths vary
    for key in ("output_tokens", "requests"):
        work.number(key, whole=True, positive=True)
    work.number("rate", optional=True, positive=True)  # null: every request at once (closed loop)
    work.number("burstiness", optional=True, positive=True)
    for key in ("dataset", "dataset_sha256", "endpoint"):
        work.text(key, optional=True)
    work.integer("seed", optional=True)
    slo = work.child("slo", optional=True)
    if slo is not None:
        for key in ("ttft_ms", "tpot_ms", "e2el_ms"):
            slo.number(key, optional=True, positive=True)
    for level in top.children("levels", non_empty=True):
        _check_level(level)


def _check_level(level: Fields) -> None:
    level.number("max_concurrency", whole=True, positive=True)
    ok = level.choice("status", LEVEL_STATUSES) == "ok"
    level.text("error", optional=True)
    level.flag("tokens_estimated", optional=True)
    # A failed or cancelled level keeps what it measured, but may lack any of it.
    for key in ("duration", "completed", "failed", "total_input_tokens", "total_output_tokens", "request_throughput", "output_throughput", "total_token_throughput"):
        level.number(key, optional=not ok, whole=key in ("completed", "failed", "total_input_tokens", "total_output_tokens"))
    for key in ("request_goodput", "energy_j", "avg_power_w", "j_per_output_token"):
        level.number(key, optional=True)
    for metric in LATENCIES:
        for stat in STATS:
            level.number(f"{stat}_{metric}", optional=not ok, nullable=True)
    for sample in level.children("samples", optional=True):
        sample.flag("ok")
        sample.text("error", optional=True)
        for key in ("prompt_tokens", "output_tokens"):
            sample.number(key, optional=True, whole=True)
        for key in ("ttft_ms", "e2el_ms", "start_s"):
            sample.number(key, optional=True)
        sample.numbers("itl_ms", optional=True)
