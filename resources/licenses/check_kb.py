#!/usr/bin/env python3
"""Consistency check for the license knowledge base in this folder.

Run:  python3 resources/licenses/check_kb.py
Exit status 0 when everything is consistent, 1 when a problem was found
(each problem is printed on its own line). Standard library only.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

KEYS = [
    "schema", "id", "name", "spdx", "version", "source_url", "source_date",
    "hub_ids", "hub_names", "aliases", "link_patterns", "families",
    "commercial_use", "research_only", "user_cap", "user_cap_note",
    "territory_exclusions", "territory_note",
    "attribution", "attribution_zh_CN", "acceptable_use_policy",
    "outputs_training", "outputs_training_note",
    "redistribution", "redistribution_zh_CN", "open_license", "summary",
    "fingerprints", "text_file", "text_source", "verified",
    "unverified_fields", "notes",
]
REQUIRED_IDS = [
    "apache-2.0", "mit", "cc-by-4.0", "cc-by-nc-4.0", "openrail-m", "llama2",
    "llama3", "llama3.1", "llama3.2", "llama3.3", "llama4", "gemma",
    "tongyi-qianwen", "qwen", "qwen-research", "deepseek",
    "tencent-hunyuan-community", "openpangu-1.0", "mistral-mrl",
    "mistral-mnpl", "falcon", "glm-4", "unknown",
]
OUTPUTS = {"allowed", "restricted", "banned", "unknown"}
STR_LISTS = [
    "hub_ids", "hub_names", "aliases", "link_patterns", "families",
    "territory_exclusions", "attribution", "attribution_zh_CN",
    "redistribution", "redistribution_zh_CN", "fingerprints",
    "unverified_fields",
]
STRINGS = [
    "id", "name", "spdx", "version", "source_url", "source_date",
    "user_cap_note", "territory_note", "outputs_training_note", "notes",
]
DATE_RE = re.compile(r"^(\d{4})(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
SPDX_RE = re.compile(r"^(NOASSERTION|LicenseRef-[A-Za-z0-9.\-]+|[A-Za-z0-9][A-Za-z0-9.+\-]*)$")
TERRITORY_RE = re.compile(r"^(EU|[A-Z]{2})$")


def norm(text: str) -> str:
    """Lowercase and collapse every whitespace run to one space."""
    return re.sub(r"\s+", " ", text.lower()).strip()


def main() -> int:
    problems: list[str] = []

    def bad(where: str, msg: str) -> None:
        problems.append(f"{where}: {msg}")

    entries: dict[str, dict] = {}
    for path in sorted(HERE.glob("*.json")):
        where = path.name
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
            data = json.loads(text)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            bad(where, f"does not parse: {exc}")
            continue
        if not isinstance(data, dict):
            bad(where, "top level is not an object")
            continue
        canonical = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
        if text != canonical:
            bad(where, "not formatted as json.dumps(indent=2, ensure_ascii=False) plus a final newline")
        missing = [k for k in KEYS if k not in data]
        extra = [k for k in data if k not in KEYS]
        if missing:
            bad(where, f"missing keys {missing}")
        if extra:
            bad(where, f"unknown keys {extra}")
        if missing:
            continue
        if data["id"] != path.stem:
            bad(where, f"id {data['id']!r} does not match the file name")
        entries[path.stem] = data

    for rid in REQUIRED_IDS:
        if rid not in entries:
            problems.append(f"{rid}.json: required entry is missing")

    # Per-entry checks.
    for rid, e in entries.items():
        where = f"{rid}.json"
        if e["schema"] != 1:
            bad(where, "schema must be 1")
        for key in STRINGS:
            if not isinstance(e[key], str):
                bad(where, f"{key} must be a string")
        for key in STR_LISTS:
            value = e[key]
            if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
                bad(where, f"{key} must be a list of strings")
            elif len(set(value)) != len(value):
                bad(where, f"{key} has duplicates")
        if not e["name"].strip():
            bad(where, "name is empty")
        if not isinstance(e["spdx"], str) or not SPDX_RE.match(e["spdx"]):
            bad(where, f"spdx {e['spdx']!r} is not an SPDX id, LicenseRef-... or NOASSERTION")
        if isinstance(e["source_date"], str) and e["source_date"] and not DATE_RE.match(e["source_date"]):
            bad(where, f"source_date {e['source_date']!r} is not ISO (YYYY, YYYY-MM or YYYY-MM-DD)")
        if e["commercial_use"] not in (True, False, None):
            bad(where, "commercial_use must be true, false or null")
        for key in ("research_only", "open_license", "verified"):
            if not isinstance(e[key], bool):
                bad(where, f"{key} must be a boolean")
        if e["user_cap"] is not None and (not isinstance(e["user_cap"], int) or isinstance(e["user_cap"], bool) or e["user_cap"] <= 0):
            bad(where, "user_cap must be a positive integer or null")
        if e["user_cap"] is not None and not e["user_cap_note"]:
            bad(where, "user_cap is set but user_cap_note is empty")
        if e["research_only"] is True and e["commercial_use"] is True:
            bad(where, "research_only with commercial_use true")
        if e["open_license"] is True and e["commercial_use"] is not True:
            bad(where, "open_license true but commercial_use is not true")
        if isinstance(e["territory_exclusions"], list):
            for code in e["territory_exclusions"]:
                if not TERRITORY_RE.match(code):
                    bad(where, f"territory code {code!r} is not ISO 3166-1 alpha-2 or EU")
            if e["territory_exclusions"] and not e["territory_note"]:
                bad(where, "territory_exclusions set but territory_note is empty")
        for en, zh in (("attribution", "attribution_zh_CN"), ("redistribution", "redistribution_zh_CN")):
            if isinstance(e[en], list) and isinstance(e[zh], list) and len(e[en]) != len(e[zh]):
                bad(where, f"{en} and {zh} differ in length")
        aup = e["acceptable_use_policy"]
        if (not isinstance(aup, dict) or set(aup) != {"applies", "url", "note"}
                or not isinstance(aup.get("applies"), bool)
                or not isinstance(aup.get("url"), str) or not isinstance(aup.get("note"), str)):
            bad(where, "acceptable_use_policy must be {applies: bool, url: str, note: str}")
        if e["outputs_training"] not in OUTPUTS:
            bad(where, f"outputs_training must be one of {sorted(OUTPUTS)}")
        summary = e["summary"]
        if (not isinstance(summary, dict) or set(summary) != {"en", "zh_CN"}
                or not all(isinstance(v, str) and v.strip() for v in summary.values())):
            bad(where, "summary must be {en, zh_CN}, both non-empty")
        if isinstance(e["unverified_fields"], list):
            for f in e["unverified_fields"]:
                if f not in KEYS:
                    bad(where, f"unverified_fields names unknown field {f!r}")
            if e["verified"] is False and not e["unverified_fields"]:
                bad(where, "verified is false but unverified_fields is empty")
        for key in ("hub_ids", "hub_names", "aliases", "link_patterns", "families", "fingerprints"):
            if isinstance(e[key], list):
                for s in e[key]:
                    if s != s.lower() or s != s.strip() or not s:
                        bad(where, f"{key} value {s!r} must be non-empty, lowercase and trimmed")
        if isinstance(e["fingerprints"], list):
            for fp in e["fingerprints"]:
                if fp != norm(fp):
                    bad(where, f"fingerprint {fp!r} is not whitespace-collapsed")
        tf = e["text_file"]
        if tf is not None:
            if not isinstance(tf, str) or not (HERE / tf).is_file():
                bad(where, f"text_file {tf!r} does not exist")
            if not e["text_source"]:
                bad(where, "text_file set but text_source is empty")
        elif e["text_source"] is not None:
            bad(where, "text_source must be null when text_file is null")

    # unknown.json is our own definition.
    u = entries.get("unknown")
    if u:
        if u["spdx"] != "NOASSERTION":
            problems.append("unknown.json: spdx must be NOASSERTION")
        if u["commercial_use"] is not None or u["research_only"] is not False:
            problems.append("unknown.json: commercial_use must be null and research_only false")
        if u["outputs_training"] != "unknown" or u["fingerprints"] or u["verified"] is not True:
            problems.append("unknown.json: outputs_training 'unknown', no fingerprints, verified true")

    # Cross-entry uniqueness of hub ids, hub names and aliases.
    owner: dict[str, str] = {}
    for rid, e in entries.items():
        for key in ("hub_ids", "hub_names", "aliases"):
            if not isinstance(e[key], list):
                continue
            for s in e[key]:
                prev = owner.get(s)
                if prev is not None and prev != rid:
                    problems.append(f"{rid}.json: {key} value {s!r} is also used by {prev}.json")
                owner.setdefault(s, rid)

    # link_patterns: one license's pattern must not match another license's pattern.
    pats = [(rid, p) for rid, e in entries.items() if isinstance(e["link_patterns"], list) for p in e["link_patterns"]]
    for rid_a, a in pats:
        for rid_b, b in pats:
            if rid_a != rid_b and a in b:
                problems.append(f"{rid_a}.json: link pattern {a!r} also matches {rid_b}.json pattern {b!r}")

    # Fingerprints: unique, present in the own text, absent from every other stored text.
    texts: dict[str, str] = {}
    for rid, e in entries.items():
        tf = e["text_file"]
        if isinstance(tf, str) and (HERE / tf).is_file():
            try:
                texts[rid] = norm((HERE / tf).read_text(encoding="utf-8"))
            except UnicodeDecodeError:
                problems.append(f"{rid}.json: {tf} is not UTF-8")
    referenced = {e["text_file"] for e in entries.values() if isinstance(e["text_file"], str)}
    for path in sorted((HERE / "texts").glob("*")):
        rel = f"texts/{path.name}"
        if rel not in referenced:
            problems.append(f"{rel}: not referenced by any entry")
    fp_owner: dict[str, str] = {}
    for rid, e in entries.items():
        if not isinstance(e["fingerprints"], list):
            continue
        for fp in e["fingerprints"]:
            if fp in fp_owner and fp_owner[fp] != rid:
                problems.append(f"{rid}.json: fingerprint {fp!r} also listed by {fp_owner[fp]}.json")
            fp_owner.setdefault(fp, rid)
            if rid in texts and fp not in texts[rid]:
                problems.append(f"{rid}.json: fingerprint {fp!r} does not occur in {e['text_file']}")
            for other, body in texts.items():
                if other != rid and fp in body:
                    problems.append(f"{rid}.json: fingerprint {fp!r} also occurs in the text of {other}.json")

    for line in problems:
        print(line)
    print(f"{len(entries)} entries, {len(texts)} texts, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
