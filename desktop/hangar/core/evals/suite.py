"""Reading an evaluation suite, format "hangar-eval/1" (docs/eval-suites.md): one JSON object a line.

An optional first line is the header (``{"format": "hangar-eval/1", "name": ..., "description":
...}``, and ``max_tokens`` for every item that sets none); every other line is an item: ``id``,
``prompt`` or ``messages``, ``scorer`` and what that scorer needs (``expected``, ``choices``,
``schema``, ``tolerance``, ``letters``, ``flags``, ``case_sensitive``), an optional
``max_tokens``, and ``tags`` or a ``note`` that Hangar keeps but does not read. Blank lines are
skipped.

The whole file is checked before any model loads, and the first problem is refused with its line
number (``SuiteError``): a line that is not JSON (with the column), a field that is not known, a
missing or repeated id, an unknown scorer, a regex that does not compile or that backtracks
catastrophically on a probe string, a JSON Schema that is not valid (jsonschema's own check of
the schema), an expected answer of the wrong kind. A regex is compiled here once with the
``regex`` package, whose matching takes a time limit (scorers.py); a schema's validator is built
here once.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..common.errors import InvalidInput
from ..common.i18n import QT_TR_NOOP, Text

FORMAT = "hangar-eval/1"
SCORERS = ("exact", "contains", "regex", "choice", "json_schema", "number", "loglik")
MAX_SUITE_BYTES = 16 << 20
MAX_ITEMS = 10_000
MAX_TOKENS_LIMIT = 32_768
PROBE_TIMEOUT_S = 0.25  # a pattern slower than this on a probe string is refused before the run
_COMMON = {"id", "scorer", "prompt", "messages", "max_tokens", "tags", "note"}
_FIELDS = {
    "exact": {"expected", "case_sensitive"},
    "contains": {"expected", "case_sensitive"},
    "regex": {"expected", "flags"},
    "choice": {"expected", "letters", "choices"},
    "json_schema": {"schema", "expected", "tolerance"},
    "number": {"expected", "tolerance"},
    "loglik": {"choices", "expected"},
}
_HEADER_FIELDS = {"format", "name", "description", "max_tokens", "language", "note"}
_ROLES = ("system", "user", "assistant")


class SuiteError(InvalidInput):
    """A suite file that cannot be run; ``line`` is the 1-based line of the problem (0: the whole file)."""

    code = "invalid_suite"

    def __init__(self, message: str, *, line: int = 0, hint: str = "") -> None:
        super().__init__(message, hint=hint or QT_TR_NOOP("The format is described in docs/eval-suites.md; nothing was run."))
        self.line = line


@dataclass
class Item:
    id: str
    line: int
    scorer: str
    prompt: str | None = None
    messages: list[dict] | None = None
    expected: Any = None  # exact/contains: a list of accepted answers; regex: the pattern; choice: the letter; number: a float; loglik: an index
    choices: list[str] | None = None
    schema: dict | None = None
    tolerance: float = 0.0
    relative: bool = False  # the tolerance is a percentage of the expected value
    letters: str = "ABCD"
    flags: str = ""
    case_sensitive: bool = False
    max_tokens: int | None = None
    tags: list[str] = field(default_factory=list)
    compiled: Any = field(default=None, repr=False, compare=False)  # the regex pattern or the schema's validator

    def chat(self) -> list[dict]:
        """The messages the model is given: a prompt is one user message; a choice item's choices
        follow its prompt, a line each ("A. Paris")."""
        if self.messages is not None:
            return self.messages
        text = self.prompt or ""
        if self.scorer == "choice" and self.choices:
            text += "\n\n" + "\n".join(f"{letter}. {choice}" for letter, choice in zip(self.letters, self.choices))
        return [{"role": "user", "content": text}]

    def to_dict(self) -> dict:
        out = {"id": self.id, "line": self.line, "scorer": self.scorer}
        for name in ("prompt", "messages", "expected", "choices", "schema", "max_tokens"):
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        return out


@dataclass
class Suite:
    name: str
    description: str
    path: Path
    sha256: str
    items: list[Item]
    max_tokens: int | None = None
    language: str = ""

    def to_dict(self) -> dict:
        return {"name": self.name, "description": self.description, "path": str(self.path), "sha256": self.sha256, "format": FORMAT,
                "n_items": len(self.items), "language": self.language}  # fmt: skip

    def scorers(self) -> list[str]:
        return sorted({item.scorer for item in self.items}, key=SCORERS.index)


def _fail(line: int, message: Text) -> SuiteError:
    return SuiteError(QT_TR_NOOP("line {line}: {problem}", line=line, problem=message), line=line)


def load_suite(path: str | Path) -> Suite:
    """Read and check a suite file; SuiteError (with the line) for the first problem found."""
    from ..common.small_files import UnsuitableFile, read_small_file

    path = Path(path).expanduser()
    if not path.exists():
        raise SuiteError(QT_TR_NOOP("{path} does not exist or is not a file.", path=str(path)))
    try:
        data = read_small_file(path, MAX_SUITE_BYTES)
    except UnsuitableFile as exc:
        raise SuiteError(QT_TR_NOOP("{file} cannot be a suite: {reason}", file=path.name, reason=exc.reason)) from exc
    except OSError as exc:
        raise SuiteError(QT_TR_NOOP("Cannot read {file}: {error}", file=str(path), error=exc.strerror or exc)) from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise SuiteError(QT_TR_NOOP("line {line}: the file is not UTF-8 text (byte {offset:,} cannot be read)", line=line, offset=exc.start), line=line) from exc
    return parse_suite(text, path, hashlib.sha256(data).hexdigest())


def parse_suite(text: str, path: Path, sha256: str = "") -> Suite:
    header: dict = {}
    items: list[Item] = []
    seen: dict[str, int] = {}
    first = True
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            value = json.loads(raw)
        except ValueError as exc:
            column = getattr(exc, "colno", None)
            reason = getattr(exc, "msg", str(exc))
            raise _fail(number, QT_TR_NOOP("not JSON ({reason} at column {column}); each line must be one JSON object", reason=reason, column=column)) from None
        if not isinstance(value, dict):
            raise _fail(number, QT_TR_NOOP("a line must be a JSON object, not {kind}", kind=type(value).__name__))
        if "format" in value and "id" not in value:
            if not first:
                raise _fail(number, QT_TR_NOOP("the header (the line with \"format\") must be the first line"))
            header = _header(number, value)
        else:
            item = _item(number, value, header.get("max_tokens"))
            if item.id in seen:
                raise _fail(number, QT_TR_NOOP("the id '{id}' is used already on line {other}", id=item.id, other=seen[item.id]))
            seen[item.id] = number
            items.append(item)
            if len(items) > MAX_ITEMS:
                raise _fail(number, QT_TR_NOOP("a suite holds at most {limit:,} items", limit=MAX_ITEMS))
        first = False
    if not items:
        raise SuiteError(QT_TR_NOOP("{file} holds no items: each line after the optional header is one JSON object with an id, a prompt and a scorer.",
                                    file=path.name))  # fmt: skip
    return Suite(name=header.get("name") or path.stem, description=header.get("description", ""), path=path, sha256=sha256, items=items,
                 max_tokens=header.get("max_tokens"), language=header.get("language", ""))  # fmt: skip


def _header(line: int, value: dict) -> dict:
    unknown = sorted(set(value) - _HEADER_FIELDS)
    if unknown:
        raise _fail(line, QT_TR_NOOP("unknown header field '{name}' (the header knows {known})", name=unknown[0], known=", ".join(sorted(_HEADER_FIELDS))))
    if value.get("format") != FORMAT:
        raise _fail(line, QT_TR_NOOP("the format is {value}; this Hangar reads {format}", value=json.dumps(value.get("format")), format=FORMAT))
    for name in ("name", "description", "language"):
        if name in value and not isinstance(value[name], str):
            raise _fail(line, QT_TR_NOOP("{name} must be text", name=name))
    if "max_tokens" in value:
        _max_tokens(line, value["max_tokens"])
    return value


def _max_tokens(line: int, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_TOKENS_LIMIT:
        raise _fail(line, QT_TR_NOOP("max_tokens must be a whole number from 1 to {high:,}, not {value}", high=MAX_TOKENS_LIMIT, value=json.dumps(value)))
    return value


def _text(line: int, value: dict, name: str) -> str:
    found = value.get(name)
    if not isinstance(found, str) or not found.strip():
        raise _fail(line, QT_TR_NOOP("{name} must be text that is not empty", name=name))
    return found


def _item(line: int, value: dict, default_max_tokens: int | None) -> Item:
    if "id" not in value:
        raise _fail(line, QT_TR_NOOP("the item has no id"))
    item_id = value["id"]
    if isinstance(item_id, int) and not isinstance(item_id, bool):
        item_id = str(item_id)
    if not isinstance(item_id, str) or not item_id.strip() or len(item_id) > 200:
        raise _fail(line, QT_TR_NOOP("id must be text of 1 to 200 characters"))
    scorer = value.get("scorer")
    if scorer not in SCORERS:
        raise _fail(line, QT_TR_NOOP("unknown scorer {value}; the scorers are {known}", value=json.dumps(scorer, ensure_ascii=False), known=", ".join(SCORERS)))
    unknown = sorted(set(value) - _COMMON - _FIELDS[scorer])
    if unknown:
        raise _fail(line, QT_TR_NOOP("unknown field '{name}' for the {scorer} scorer (it reads {known})", name=unknown[0], scorer=scorer,
                                     known=", ".join(sorted(_FIELDS[scorer] | _COMMON))))  # fmt: skip
    item = Item(id=item_id, line=line, scorer=scorer)
    _prompt(line, value, item)
    if "max_tokens" in value:
        item.max_tokens = _max_tokens(line, value["max_tokens"])
    else:
        item.max_tokens = default_max_tokens
    tags = value.get("tags", [])
    if not (isinstance(tags, list) and all(isinstance(t, str) for t in tags)):
        raise _fail(line, QT_TR_NOOP("tags must be a list of texts"))
    item.tags = tags
    from . import suite_checks

    suite_checks.CHECKS[scorer](line, value, item)
    return item


def _prompt(line: int, value: dict, item: Item) -> None:
    has_prompt, has_messages = "prompt" in value, "messages" in value
    if has_prompt == has_messages:
        raise _fail(line, QT_TR_NOOP("an item needs either a prompt or messages, not both and not neither"))
    if has_prompt:
        item.prompt = _text(line, value, "prompt")
        return
    if item.scorer == "loglik":
        raise _fail(line, QT_TR_NOOP("a loglik item scores its choices after a plain prompt (the context), not after messages"))
    messages = value["messages"]
    if not isinstance(messages, list) or not messages:
        raise _fail(line, QT_TR_NOOP("messages must be a list of {{\"role\", \"content\"}} objects"))
    for message in messages:
        if not (isinstance(message, dict) and set(message) == {"role", "content"} and message["role"] in _ROLES and isinstance(message["content"], str)):
            raise _fail(line, QT_TR_NOOP("each message must be {{\"role\": one of {roles}, \"content\": text}}, not {value}", roles=", ".join(_ROLES),
                                         value=json.dumps(message, ensure_ascii=False)[:60]))  # fmt: skip
    if messages[-1]["role"] != "user":
        raise _fail(line, QT_TR_NOOP("the last message must be the user's: the model answers it"))
    item.messages = messages
