"""What each scorer needs from an item, checked as the suite is read (suite.py calls ``CHECKS[scorer]``).

A regex is compiled with the ``regex`` package and tried on probe strings under a short time
limit, so a pattern that backtracks catastrophically is refused with its line before a model
loads, not found an hour into a run (the scorer's own time limit still bounds every match). A
JSON Schema is checked with jsonschema's ``check_schema`` against its draft's meta-schema
(``$schema``, or 2020-12), and its validator built once.
"""

from __future__ import annotations

import json
import math
import string
from typing import Any, Callable

from ..common.i18n import QT_TR_NOOP
from .suite import PROBE_TIMEOUT_S, Item, _fail, _text

_FLAGS = {"i": "IGNORECASE", "m": "MULTILINE", "s": "DOTALL", "x": "VERBOSE"}
_PROBE_LENGTH = 3_000


def _answers(line: int, value: dict) -> list[str]:
    expected = value.get("expected")
    answers = [expected] if isinstance(expected, str) else expected
    if not (isinstance(answers, list) and answers and all(isinstance(a, str) and a.strip() for a in answers)):
        raise _fail(line, QT_TR_NOOP("expected must be a text, or a list of accepted texts, none of them empty"))
    return answers


def _case(line: int, value: dict, item: Item) -> None:
    flag = value.get("case_sensitive", False)
    if not isinstance(flag, bool):
        raise _fail(line, QT_TR_NOOP("{name} must be true or false", name="case_sensitive"))
    item.case_sensitive = flag


def _text_answer(line: int, value: dict, item: Item) -> None:
    item.expected = _answers(line, value)
    _case(line, value, item)


def probes(pattern: str) -> list[str]:
    """Strings that make a catastrophic pattern show itself: long runs of each character it names, with and without a misfit at the end."""
    chars = [c for c in dict.fromkeys(pattern) if c.isprintable() and c not in "\\()[]{}|*+?^$"][:24]
    chars += [c for c in ("a", "1", " ", "x", "-") if c not in chars]
    return [c * _PROBE_LENGTH + end for c in chars for end in ("", "!", "\x00")]


def _regex(line: int, value: dict, item: Item) -> None:
    import regex

    pattern = _text(line, value, "expected")
    flags = value.get("flags", "")
    if not isinstance(flags, str) or set(flags) - set(_FLAGS):
        raise _fail(line, QT_TR_NOOP("flags must be letters from {letters}, not {value}", letters="".join(_FLAGS), value=json.dumps(flags)))
    bits = 0
    for letter in flags:
        bits |= getattr(regex, _FLAGS[letter])
    try:
        compiled = regex.compile(pattern, bits)
    except (regex.error, ValueError, OverflowError) as exc:  # noqa: B014 - regex.error is its own class
        raise _fail(line, QT_TR_NOOP("the regex /{pattern}/ does not compile: {error}", pattern=pattern[:60], error=str(exc))) from None
    for probe in probes(pattern):
        try:
            compiled.search(probe, timeout=PROBE_TIMEOUT_S)
        except TimeoutError:
            raise _fail(line, QT_TR_NOOP("the regex /{pattern}/ backtracks catastrophically: it ran past {seconds:g} s on a {length:,}-character string; "
                                         "rewrite it without nested repetition such as (x+)+", pattern=pattern[:60], seconds=PROBE_TIMEOUT_S,
                                         length=len(probe))) from None  # fmt: skip
    item.expected, item.flags, item.compiled = pattern, flags, compiled


def _letters(line: int, value: dict) -> str:
    choices = value.get("choices")
    if choices is not None:
        if not (isinstance(choices, list) and 2 <= len(choices) <= 26 and all(isinstance(c, str) for c in choices)):
            raise _fail(line, QT_TR_NOOP("choices must be a list of 2 to 26 texts"))
        default = string.ascii_uppercase[: len(choices)]
    else:
        default = "ABCD"
    letters = value.get("letters", default)
    if not (isinstance(letters, str) and 2 <= len(letters) <= 26 and letters.isascii() and letters.isupper() and letters.isalpha()
            and len(set(letters)) == len(letters)):  # fmt: skip
        raise _fail(line, QT_TR_NOOP("letters must be 2 to 26 different capital letters, such as \"ABCD\", not {value}", value=json.dumps(letters)))
    return letters


def _choice(line: int, value: dict, item: Item) -> None:
    item.letters = _letters(line, value)
    expected = value.get("expected")
    if not (isinstance(expected, str) and len(expected) == 1 and expected in item.letters):
        raise _fail(line, QT_TR_NOOP("expected must be one of the letters {letters}, not {value}", letters=item.letters,
                                     value=json.dumps(expected, ensure_ascii=False)))  # fmt: skip
    item.expected, item.choices = expected, value.get("choices")


def _tolerance(line: int, value: dict, item: Item) -> None:
    tolerance = value.get("tolerance", 0)
    relative = isinstance(tolerance, str) and tolerance.strip().endswith("%")
    try:
        amount = float(tolerance.strip()[:-1]) if relative else tolerance
    except ValueError:
        amount = None
    if isinstance(amount, bool) or not isinstance(amount, (int, float)) or not math.isfinite(amount) or amount < 0:
        raise _fail(line, QT_TR_NOOP("tolerance must be a number of 0 or more, or a percentage such as \"2%\", not {value}", value=json.dumps(tolerance)))
    item.tolerance, item.relative = float(amount), relative


def _number(line: int, value: dict, item: Item) -> None:
    expected = value.get("expected")
    if isinstance(expected, bool) or not isinstance(expected, (int, float)) or not math.isfinite(expected):
        raise _fail(line, QT_TR_NOOP("expected must be a number, not {value}", value=json.dumps(expected, ensure_ascii=False)[:40]))
    item.expected = float(expected)
    _tolerance(line, value, item)


def validator_for(line: int, schema: Any) -> Any:
    """A jsonschema validator for ``schema``, checked against its draft's meta-schema first."""
    from jsonschema import Draft202012Validator, exceptions, validators

    if not isinstance(schema, (dict, bool)):
        raise _fail(line, QT_TR_NOOP("schema must be a JSON Schema (an object), not {value}", value=json.dumps(schema, ensure_ascii=False)[:40]))
    cls = validators.validator_for(schema, default=Draft202012Validator)
    try:
        cls.check_schema(schema)
    except exceptions.SchemaError as exc:
        where = "/".join(str(p) for p in exc.absolute_path) or "(top)"
        raise _fail(line, QT_TR_NOOP("the schema is not valid at {where}: {error}", where=where, error=exc.message[:160])) from None
    return cls(schema)


def _json_schema(line: int, value: dict, item: Item) -> None:
    if "schema" not in value:
        raise _fail(line, QT_TR_NOOP("a json_schema item needs a schema"))
    item.compiled = validator_for(line, value["schema"])
    item.schema = value["schema"]
    expected = value.get("expected")
    if expected is not None and not isinstance(expected, dict):
        raise _fail(line, QT_TR_NOOP("expected must be an object of the values the reply must hold"))
    item.expected = expected
    _tolerance(line, value, item)


def _loglik(line: int, value: dict, item: Item) -> None:
    choices = value.get("choices")
    if not (isinstance(choices, list) and 2 <= len(choices) <= 64 and all(isinstance(c, str) and c.strip() for c in choices)):
        raise _fail(line, QT_TR_NOOP("choices must be a list of 2 to 64 texts, none of them empty"))
    expected = value.get("expected")
    if isinstance(expected, str) and expected in choices:
        expected = choices.index(expected)
    if isinstance(expected, bool) or not isinstance(expected, int) or not 0 <= expected < len(choices):
        raise _fail(line, QT_TR_NOOP("expected must be the right choice's index (0 to {high}) or its text, not {value}", high=len(choices) - 1,
                                     value=json.dumps(expected, ensure_ascii=False)[:40]))  # fmt: skip
    item.choices, item.expected = choices, expected


CHECKS: dict[str, Callable[[int, dict, Item], None]] = {
    "exact": _text_answer, "contains": _text_answer, "regex": _regex, "choice": _choice, "json_schema": _json_schema, "number": _number,
    "loglik": _loglik,
}  # fmt: skip
