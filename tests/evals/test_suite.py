"""Reading a suite: the format as docs/eval-suites.md writes it, and every bad input refused with its line."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from hangar.core.evals.suite import FORMAT, SuiteError, load_suite

HEADER = {"format": FORMAT, "name": "mine", "description": "for a test", "max_tokens": 32}
GOOD = {"id": "q1", "prompt": "Capital of France?", "scorer": "exact", "expected": "Paris"}


def _write(tmp_path: Path, *lines) -> Path:
    path = tmp_path / "suite.jsonl"
    path.write_text("\n".join(line if isinstance(line, str) else json.dumps(line, ensure_ascii=False) for line in lines) + "\n", encoding="utf-8")
    return path


def _refused(tmp_path: Path, *lines) -> SuiteError:
    with pytest.raises(SuiteError) as caught:
        load_suite(_write(tmp_path, *lines))
    return caught.value


def test_a_suite_with_a_header_and_every_scorer(tmp_path: Path) -> None:
    path = _write(tmp_path, HEADER, GOOD, "",
                  {"id": 2, "messages": [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Pick"}], "scorer": "choice",
                   "expected": "C", "letters": "ABCDE"},
                  {"id": "q3", "prompt": "Which?", "scorer": "choice", "expected": "B", "choices": ["red", "blue"], "max_tokens": 4},
                  {"id": "q4", "prompt": "Date", "scorer": "regex", "expected": "^\\d{4}$", "flags": "i"},
                  {"id": "q5", "prompt": "JSON", "scorer": "json_schema", "schema": {"type": "object"}, "expected": {"a": 1}, "tolerance": 0.5},
                  {"id": "q6", "prompt": "Sum", "scorer": "number", "expected": 100, "tolerance": "2%"},
                  {"id": "q7", "prompt": "The sky is", "scorer": "loglik", "choices": ["blue", "green"], "expected": "green"},
                  {"id": "q8", "prompt": "Name", "scorer": "contains", "expected": ["whale", "seal"], "tags": ["animals"]})  # fmt: skip
    suite = load_suite(path)
    assert (suite.name, suite.description, suite.max_tokens, len(suite.items)) == ("mine", "for a test", 32, 8)
    assert [i.line for i in suite.items] == [2, 4, 5, 6, 7, 8, 9, 10], "a blank line is skipped and counted"
    by_id = {i.id: i for i in suite.items}
    assert by_id["2"].letters == "ABCDE" and by_id["2"].chat()[0]["role"] == "system"
    assert by_id["q3"].letters == "AB" and by_id["q3"].chat()[0]["content"] == "Which?\n\nA. red\nB. blue" and by_id["q3"].max_tokens == 4
    assert by_id["q1"].max_tokens == 32, "the header's max_tokens for items without one"
    assert (by_id["q6"].tolerance, by_id["q6"].relative) == (2.0, True)
    assert by_id["q7"].expected == 1, "a loglik answer given as its text is its index"
    assert len(suite.sha256) == 64 and suite.scorers() == ["exact", "contains", "regex", "choice", "json_schema", "number", "loglik"]


def test_a_line_that_is_not_json_names_its_line_and_column(tmp_path: Path) -> None:
    error = _refused(tmp_path, HEADER, GOOD, '{"id": "q2", "prompt": "x", "scorer": "exact", "expected": "a",}')
    assert error.line == 3
    assert error.message.startswith("line 3: not JSON (Expecting property name enclosed in double quotes at column 64)")
    assert "docs/eval-suites.md" in error.hint


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('["a list"]', "line 2: a line must be a JSON object, not list"),
        ({"prompt": "x", "scorer": "exact", "expected": "a"}, "line 2: the item has no id"),
        ({"id": "q", "prompt": "x", "scorer": "fuzzy", "expected": "a"},
         'line 2: unknown scorer "fuzzy"; the scorers are exact, contains, regex, choice, json_schema, number, loglik'),
        ({"id": "q", "prompt": "x", "expected": "a"}, "line 2: unknown scorer null; the scorers are"),
        ({"id": "q", "prompt": "x", "scorer": "exact", "expect": "a"}, "line 2: unknown field 'expect' for the exact scorer"),
        ({"id": "q", "scorer": "exact", "expected": "a"}, "line 2: an item needs either a prompt or messages"),
        ({"id": "q", "prompt": "x", "messages": [], "scorer": "exact", "expected": "a"}, "line 2: an item needs either a prompt or messages"),
        ({"id": "q", "messages": [{"role": "robot", "content": "x"}], "scorer": "exact", "expected": "a"}, "line 2: each message must be"),
        ({"id": "q", "messages": [{"role": "user", "content": "x"}, {"role": "assistant", "content": "y"}], "scorer": "exact", "expected": "a"},
         "line 2: the last message must be the user's"),
        ({"id": "q", "prompt": "x", "scorer": "exact"}, "line 2: expected must be a text, or a list of accepted texts"),
        ({"id": "q", "prompt": "x", "scorer": "choice", "expected": "E"}, "line 2: expected must be one of the letters ABCD, not \"E\""),
        ({"id": "q", "prompt": "x", "scorer": "choice", "expected": "A", "letters": "abc"}, "line 2: letters must be 2 to 26 different capital letters"),
        ({"id": "q", "prompt": "x", "scorer": "number", "expected": "ten"}, 'line 2: expected must be a number, not "ten"'),
        ({"id": "q", "prompt": "x", "scorer": "number", "expected": 1, "tolerance": -1}, "line 2: tolerance must be a number of 0 or more"),
        ({"id": "q", "prompt": "x", "scorer": "number", "expected": 1, "tolerance": "much"}, "line 2: tolerance must be a number of 0 or more"),
        ({"id": "q", "prompt": "x", "scorer": "loglik", "choices": ["only one"], "expected": 0}, "line 2: choices must be a list of 2 to 64 texts"),
        ({"id": "q", "prompt": "x", "scorer": "loglik", "choices": ["a", "b"], "expected": 2}, "line 2: expected must be the right choice's index (0 to 1)"),
        ({"id": "q", "messages": [{"role": "user", "content": "x"}], "scorer": "loglik", "choices": ["a", "b"], "expected": 0},
         "line 2: a loglik item scores its choices after a plain prompt"),
        ({"id": "q", "prompt": "x", "scorer": "exact", "expected": "a", "max_tokens": 0}, "line 2: max_tokens must be a whole number from 1 to 32,768"),
        ({"id": "q", "prompt": "x", "scorer": "json_schema"}, "line 2: a json_schema item needs a schema"),
        ({"id": "q", "prompt": "x", "scorer": "regex", "expected": "a", "flags": "g"}, "line 2: flags must be letters from imsx"),
    ],
)  # fmt: skip
def test_each_bad_item_is_refused_with_its_line(tmp_path: Path, line, message: str) -> None:
    error = _refused(tmp_path, HEADER, line, GOOD)
    assert error.line == 2 and error.message.startswith(message), error.message


def test_an_unknown_scorer_on_a_later_line(tmp_path: Path) -> None:
    error = _refused(tmp_path, GOOD, {**GOOD, "id": "q2"}, {**GOOD, "id": "q3", "scorer": "bleu"})
    assert error.line == 3 and 'unknown scorer "bleu"' in error.message


def test_a_regex_that_does_not_compile(tmp_path: Path) -> None:
    error = _refused(tmp_path, HEADER, GOOD, {"id": "r", "prompt": "x", "scorer": "regex", "expected": "(unclosed[a-"})
    assert error.line == 3 and error.message.startswith("line 3: the regex /(unclosed[a-/ does not compile: ")


@pytest.mark.parametrize("pattern", [r"(x+x+)+y", r"(\w+\s?)*$", r"(a|aa)+$", r"^(([a-z])+.)+[A-Z]([a-z])+$"])
def test_a_catastrophic_regex_is_refused_in_bounded_time(tmp_path: Path, pattern: str) -> None:
    started = time.monotonic()
    error = _refused(tmp_path, HEADER, GOOD, {"id": "r", "prompt": "x", "scorer": "regex", "expected": pattern})
    assert time.monotonic() - started < 5
    assert error.line == 3 and "backtracks catastrophically" in error.message and "(x+)+" in error.message


@pytest.mark.parametrize(
    ("schema", "where"),
    [({"type": "objekt"}, "type"), ({"type": "object", "properties": {"a": {"minLength": -1}}}, "properties/a/minLength"),
     ({"type": "object", "required": "a"}, "required"), ([1, 2], None)],
)  # fmt: skip
def test_an_invalid_schema_is_refused_by_jsonschema_s_own_check(tmp_path: Path, schema, where: str | None) -> None:
    error = _refused(tmp_path, HEADER, GOOD, {"id": "j", "prompt": "x", "scorer": "json_schema", "schema": schema})
    assert error.line == 3
    if where is None:
        assert "schema must be a JSON Schema (an object)" in error.message
    else:
        assert error.message.startswith(f"line 3: the schema is not valid at {where}: "), error.message


def test_the_header_and_the_file_itself(tmp_path: Path) -> None:
    assert _refused(tmp_path, GOOD, HEADER).message.startswith("line 2: the header (the line with \"format\") must be the first line")
    assert _refused(tmp_path, {**HEADER, "format": "hangar-eval/2"}, GOOD).message == 'line 1: the format is "hangar-eval/2"; this Hangar reads hangar-eval/1'
    assert _refused(tmp_path, {**HEADER, "author": "me"}, GOOD).message.startswith("line 1: unknown header field 'author'")
    assert _refused(tmp_path, GOOD, {**GOOD, "expected": "Lyon"}).message == "line 2: the id 'q1' is used already on line 1"
    assert "holds no items" in _refused(tmp_path, HEADER).message
    binary = tmp_path / "binary.jsonl"
    binary.write_bytes(json.dumps(GOOD).encode() + b"\n\xff\xfe{}\n")
    with pytest.raises(SuiteError, match=r"line 2: the file is not UTF-8 text"):
        load_suite(binary)
    with pytest.raises(SuiteError, match="does not exist"):
        load_suite(tmp_path / "missing.jsonl")
    with pytest.raises(SuiteError, match="cannot be a suite: it is a folder"):
        load_suite(tmp_path)
