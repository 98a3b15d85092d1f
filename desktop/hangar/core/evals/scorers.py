"""Scoring one reply: each scorer is a small pure function returning ``(passed, detail)``.

The rules are written down here and in docs/eval-suites.md, because a score means something only
when everyone knows what counted as right:

- ``normalise`` (exact and contains): Unicode NFKC (full-width letters and digits become ASCII),
  white space at the ends removed and every run inside it one space, wrapping quotes, back-ticks
  and Markdown emphasis removed (``"Paris"``, ```Paris```, ``**Paris**``, ``「巴黎」``), one trailing
  sentence mark removed (``.`` ``。`` ``!``), and case folded unless the item says
  ``case_sensitive``.
- ``exact``: the normalised reply equals one of the normalised expected answers.
- ``contains``: one of the normalised expected answers is inside the normalised reply.
- ``regex``: the pattern is searched (not anchored) in the reply as it is, under the item's
  flags, with a time limit (the ``regex`` package's ``timeout``; Python's ``re`` cannot be
  interrupted, and a pattern such as ``(x+x+)+y`` would hold the run for hours).
- ``choice``: the answer letter is the first of these that applies: (1) the reply is the letter
  alone, or starts with it followed by ``.`` ``)`` ``:`` ``、`` or ``,`` (``B``, ``B. Paris``,
  ``(B) Paris``, ``**B**``); (2) an answer phrase names it: ``answer is B``, ``Answer: B``,
  ``答案是 B``, ``答案：B``, ``选 B``; (3) the first allowed capital letter standing alone (no
  ASCII letter or digit next to it), where a capital ``A`` followed by a space and a lower-case
  word is the English article, not an answer. Only the item's letters count (A-D by default).
- ``json_schema``: the first JSON object in the reply (a ``{`` where a whole JSON value starts;
  an array only when the schema's type is ``array``), code fences and prose around it ignored,
  validated against the schema; with ``expected``, each of its keys must also match (text
  normalised as above, numbers within the tolerance).
- ``number``: the last number in the reply (``1,250.50`` is 1250.5: a comma followed by three
  digits groups thousands; ``−3`` and full-width digits are read; a sign counts only where it
  does not join two numbers, so ``3-5`` ends in 5) is within the tolerance of the expected one:
  an absolute ``tolerance``, or ``"2%"`` of the expected value.
"""

from __future__ import annotations

import json
import math
import unicodedata
from typing import Any

from ..common.i18n import QT_TR_NOOP

REGEX_TIMEOUT_S = 1.0  # one pattern over one reply
_WRAPPERS = (("**", "**"), ("__", "__"), ("*", "*"), ("`", "`"), ('"', '"'), ("'", "'"), ("\u201c", "\u201d"), ("\u2018", "\u2019"),
             ("\u300c", "\u300d"), ("\u300e", "\u300f"))  # fmt: skip
_TRAILING = ".\u3002!"  # NFKC has made "！" and "．" ASCII already
_NUMBER = None  # compiled on first use (regex, as below)
Outcome = tuple[bool, str]


def _regex():
    import regex

    return regex


def normalise(text: str, case_sensitive: bool = False) -> str:
    """The comparison form of a reply or an expected answer (the rules above)."""
    text = " ".join(unicodedata.normalize("NFKC", text).split())
    changed = True
    while changed and text:
        changed = False
        for left, right in _WRAPPERS:
            if len(text) >= len(left) + len(right) and text.startswith(left) and text.endswith(right):
                text, changed = text[len(left) : len(text) - len(right)].strip(), True
        if text and text[-1] in _TRAILING:
            text, changed = text[:-1].rstrip(), True
    return text if case_sensitive else text.casefold()


def _shown(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def exact(reply: str, expected: list[str], case_sensitive: bool = False) -> Outcome:
    got = normalise(reply, case_sensitive)
    for answer in expected:
        if got == normalise(answer, case_sensitive):
            return True, QT_TR_NOOP("equals '{answer}'", answer=_shown(answer))
    return False, QT_TR_NOOP("'{got}' is not '{expected}'", got=_shown(got), expected=_shown(expected[0]))


def contains(reply: str, expected: list[str], case_sensitive: bool = False) -> Outcome:
    got = normalise(reply, case_sensitive)
    for answer in expected:
        if normalise(answer, case_sensitive) in got:
            return True, QT_TR_NOOP("contains '{answer}'", answer=_shown(answer))
    return False, QT_TR_NOOP("does not contain '{expected}'", expected=_shown(expected[0]))


def regex_search(reply: str, pattern: Any, timeout_s: float = REGEX_TIMEOUT_S) -> Outcome:
    """``pattern``: a compiled ``regex`` pattern (suite.py compiles it once, with the item's flags)."""
    try:
        found = pattern.search(reply, timeout=timeout_s)
    except TimeoutError:
        return False, QT_TR_NOOP("the pattern ran past {seconds:g} s on this reply (it backtracks catastrophically): simplify it", seconds=timeout_s)
    if found is None:
        return False, QT_TR_NOOP("no match for /{pattern}/", pattern=_shown(pattern.pattern, 40))
    return True, QT_TR_NOOP("matched '{text}'", text=_shown(found.group(0)))


def choice_letter(reply: str, letters: str = "ABCD") -> str | None:
    """The answer letter in a reply by the three rules above, or None."""
    re = _regex()
    allowed = "".join(sorted(set(letters)))
    text = unicodedata.normalize("NFKC", reply)
    head = normalise(text, case_sensitive=True).lstrip("*_#([ ").rstrip()
    first = re.match(rf"([{allowed}])(?:$|[.):,、\]*]|\s*$)", head)
    if first:
        return first.group(1)
    phrase = re.search(rf"(?i:answer(?:\s+is)?|答案(?:是|为|應為|应为)?|选择?|選擇?)\s*[:：]?\s*[*(\[（]*\s*([{allowed}])(?![A-Za-z0-9])", text)
    if phrase:
        return phrase.group(1)
    for found in re.finditer(rf"(?<![A-Za-z0-9])([{allowed}])(?![A-Za-z0-9])", text):
        if found.group(1) == "A" and re.match(r" [a-z]", text[found.end() : found.end() + 2]):
            continue  # "A good question": the article
        return found.group(1)
    return None


def choice(reply: str, expected: str, letters: str = "ABCD") -> Outcome:
    got = choice_letter(reply, letters)
    if got is None:
        return False, QT_TR_NOOP("no answer letter ({letters}) found", letters=", ".join(letters))
    if got == expected:
        return True, QT_TR_NOOP("answered {letter}", letter=got)
    return False, QT_TR_NOOP("answered {letter}, expected {expected}", letter=got, expected=expected)


def first_json(reply: str, array: bool = False) -> Any:
    """The first JSON object (or array, when ``array``) in the reply; raises ValueError if there is none."""
    decoder = json.JSONDecoder()
    starts = "{[" if array else "{"
    for i, char in enumerate(reply):
        if char in starts:
            try:
                value, _end = decoder.raw_decode(reply, i)
            except ValueError:
                continue
            if isinstance(value, (dict, list)):
                return value
    raise ValueError("no JSON value")


def _same(got: Any, want: Any, tolerance: float, relative: bool) -> bool:
    if isinstance(want, bool) or isinstance(got, bool):
        return got is want
    if isinstance(want, (int, float)) and isinstance(got, (int, float)):
        return _within(float(got), float(want), tolerance, relative)
    if isinstance(want, str) and isinstance(got, str):
        return normalise(got) == normalise(want)
    if isinstance(want, list) and isinstance(got, list):
        return len(got) == len(want) and all(_same(g, w, tolerance, relative) for g, w in zip(got, want))
    if isinstance(want, dict) and isinstance(got, dict):
        return all(k in got and _same(got[k], v, tolerance, relative) for k, v in want.items())
    return got == want


def json_schema(reply: str, validator: Any, expected: dict | None = None, tolerance: float = 0.0, relative: bool = False) -> Outcome:
    """``validator``: a jsonschema validator for the item's schema (suite.py checked the schema itself)."""
    array = validator.schema.get("type") == "array" if isinstance(validator.schema, dict) else False
    try:
        value = first_json(reply, array)
    except ValueError:
        return False, QT_TR_NOOP("no JSON object in the reply")
    errors = sorted(validator.iter_errors(value), key=lambda e: list(e.absolute_path))
    if errors:
        where = "/".join(str(p) for p in errors[0].absolute_path) or "(top)"
        return False, QT_TR_NOOP("does not match the schema at {where}: {error}", where=where, error=_shown(errors[0].message, 120))
    for key, want in (expected or {}).items():
        got = value.get(key) if isinstance(value, dict) else None
        if not _same(got, want, tolerance, relative):
            return False, QT_TR_NOOP("{key} is {got}, expected {expected}", key=key, got=_shown(json.dumps(got, ensure_ascii=False)),
                                     expected=_shown(json.dumps(want, ensure_ascii=False)))  # fmt: skip
    return True, QT_TR_NOOP("valid JSON") if not expected else QT_TR_NOOP("valid JSON with the expected values")


def last_number(reply: str) -> float | None:
    """The last number in the reply (the rules above), or None."""
    global _NUMBER
    if _NUMBER is None:
        _NUMBER = _regex().compile(r"([-+])?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[eE][-+]?\d+)?)(?!\d)")
    text = unicodedata.normalize("NFKC", reply).replace("\u2212", "-")
    found = None
    for match in _NUMBER.finditer(text):
        sign = match.group(1) or ""
        if sign and match.start() > 0 and text[match.start() - 1].isalnum():
            sign = ""  # 3-5: a range (or a date), not minus five
        found = sign + match.group(2).replace(",", "")
    if found is None:
        return None
    try:
        value = float(found)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _within(got: float, want: float, tolerance: float, relative: bool) -> bool:
    allowed = abs(want) * tolerance / 100 if relative else tolerance
    return abs(got - want) <= allowed + 1e-9 * max(1.0, abs(want))


def number(reply: str, expected: float, tolerance: float = 0.0, relative: bool = False) -> Outcome:
    got = last_number(reply)
    if got is None:
        return False, QT_TR_NOOP("no number in the reply")
    within = QT_TR_NOOP("{tolerance:g}%", tolerance=tolerance) if relative else QT_TR_NOOP("{tolerance:g}", tolerance=tolerance)
    if _within(got, expected, tolerance, relative):
        return True, QT_TR_NOOP("{got:g} is within {within} of {expected:g}", got=got, within=within, expected=expected)
    return False, QT_TR_NOOP("{got:g} is not within {within} of {expected:g}", got=got, within=within, expected=expected)
