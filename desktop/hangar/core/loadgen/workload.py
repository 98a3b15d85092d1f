"""The prompts: random words of an exact token count, or a prompt file of the user's own.

Random prompts (``vllm bench serve``'s ``random`` dataset has the same aim) must be as long as
the *endpoint's* tokenizer counts, which this machine may not have. So a short prompt of common
English words is sent with ``max_tokens`` 1 and its ``usage.prompt_tokens`` read back (short,
so that it fits any context, whatever the tokenizer makes of a word); words are added or removed
by the tokens per word seen so far (a word swapped for a longer or shorter one near the end) until the
count is exact, or within 1 at the closest word boundary, or the tries run out, and the
calibration says which. Every request then gets its own shuffle of the same words (their own
order, so no two prompts share a cacheable prefix; the same words, so the same count), and each
level gets prompts no earlier level sent. The count each request really had is in its sample.

A prompt file is text (one prompt a line) or JSONL (one object a line with ``"prompt"`` or, for
the chat endpoint, ``"messages"``); its SHA-256 goes into the run document.
"""

from __future__ import annotations

import hashlib
import json
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Awaitable, Callable

from ..common.errors import InvalidInput
from ..common.i18n import QT_TR_NOOP, Text
from ..common.small_files import read_small_file
from .client import Request

ENDPOINTS = ("completions", "chat")
MAX_PROMPT_FILE = 256 * 1024 * 1024
MAX_CALIBRATION_TRIES = 8
FIRST_PROBE_WORDS = 16
FINE_STEP = 3  # at most this many tokens off: swap the last word for a longer or shorter one

VOCABULARY = tuple("""
time year people way day man thing woman life child world school state family student group country problem hand part place
case week company system program question work government number night point home water room mother area money story fact
month lot right study book eye job word business issue side kind head house service friend father power hour game line end
member law car city community name president team minute idea kid body information back parent face others level office door
health person art war history party result change morning reason research girl guy moment air teacher force education foot boy
age policy process music market sense nation plan college interest death experience effect class control care field development
role effort rate heart drug show leader light voice wife police mind price report decision son view relationship town road arm
difference value building action model season society tax director position player record paper space ground form event official
matter center couple site project activity star table need court oil situation cost industry figure street image phone data
picture practice piece land product doctor wall patient worker news test movie north love support technology step baby computer
type attention film tree source organization hair window evidence population truth song energy weather garden river mountain
bridge island ocean forest valley desert village harbor castle market engine signal planet winter summer spring autumn silver
""".split())


@dataclass
class WorkloadSpec:
    prompt_tokens: int = 512
    output_tokens: int = 128
    requests: int = 64
    seed: int = 0
    endpoint: str = "completions"
    prompt_file: Path | None = None

    def problem(self) -> Text | None:
        for name, value, low, high in (("prompt-tokens", self.prompt_tokens, 1, 1_000_000), ("output-tokens", self.output_tokens, 1, 1_000_000),
                                       ("requests", self.requests, 1, 1_000_000)):  # fmt: skip
            if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
                return QT_TR_NOOP("{name} must be a whole number from {low:,} to {high:,}, not {value}", name=name, low=low, high=high, value=value)
        if self.endpoint not in ENDPOINTS:
            return QT_TR_NOOP("{name} must be one of {choices}, not {value}", name="endpoint", choices=", ".join(ENDPOINTS), value=self.endpoint)
        return None

    @property
    def dataset(self) -> str:
        return "file" if self.prompt_file is not None else "random"


@dataclass
class PromptFile:
    entries: list[str | list[dict]]  # a prompt, or a chat's messages
    sha256: str


def read_prompt_file(path: Path, endpoint: str) -> PromptFile:
    """Text lines or JSONL; InvalidInput naming the line for anything else."""
    try:
        raw = read_small_file(path, MAX_PROMPT_FILE)
    except (OSError, InvalidInput) as exc:
        raise InvalidInput(QT_TR_NOOP("The prompt file {path} cannot be read: {error}", path=str(path), error=getattr(exc, "message", None) or exc)) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidInput(QT_TR_NOOP("The prompt file {path} is not UTF-8 text (byte {offset}).", path=str(path), offset=exc.start)) from None
    lines = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
    jsonl = path.suffix.lower() in (".jsonl", ".ndjson") or (bool(lines) and lines[0][1].lstrip().startswith("{"))
    entries: list[str | list[dict]] = []
    for n, line in lines:
        if not jsonl:
            entries.append(line)
            continue
        entries.append(_jsonl_entry(path, n, line, endpoint))
    if not entries:
        raise InvalidInput(QT_TR_NOOP("The prompt file {path} holds no prompt.", path=str(path)))
    return PromptFile(entries, hashlib.sha256(raw).hexdigest())


def _jsonl_entry(path: Path, n: int, line: str, endpoint: str) -> str | list[dict]:
    try:
        item = json.loads(line)
    except ValueError as exc:
        raise InvalidInput(QT_TR_NOOP("Line {line} of the prompt file {path} is not JSON: {error}", line=n, path=str(path), error=str(exc))) from None
    if isinstance(item, dict) and isinstance(item.get("prompt"), str) and item["prompt"]:
        return item["prompt"]
    messages = item.get("messages") if isinstance(item, dict) else None
    if isinstance(messages, list) and messages and all(isinstance(m, dict) and isinstance(m.get("role"), str) and isinstance(m.get("content"), str) for m in messages):
        if endpoint != "chat":
            raise InvalidInput(QT_TR_NOOP("Line {line} of the prompt file {path} holds chat messages: run it with --endpoint chat.", line=n, path=str(path)))
        return [{"role": m["role"], "content": m["content"]} for m in messages]
    raise InvalidInput(QT_TR_NOOP('Line {line} of the prompt file {path} needs a "prompt" text or a "messages" list of {{"role", "content"}} objects.', line=n, path=str(path)))


# -- random prompts ---------------------------------------------------------------------------
Measure = Callable[[Request], Awaitable[int | None]]  # the endpoint's prompt_tokens for a request (None: it sends no usage)


@dataclass
class Calibration:
    words: list[str]
    tokens: int | None  # what the endpoint counted (None: it sends no usage)
    note: Text  # what to tell the user
    exact: bool


def _request(spec: WorkloadSpec, words: list[str], max_tokens: int, expected: int | None = None) -> Request:
    text = " ".join(words)
    if spec.endpoint == "chat":
        return Request("chat", max_tokens, messages=[{"role": "user", "content": text}], expected_prompt_tokens=expected)
    return Request("completions", max_tokens, prompt=text, expected_prompt_tokens=expected)


def _resized(words: list[str], rng: random.Random, diff: int, per_word: float) -> list[str]:
    """``words`` grown or shrunk by about ``diff`` tokens."""
    words = list(words)
    if abs(diff) <= FINE_STEP and words:
        wanted = len(words[-1]) + diff
        fitting = [w for w in VOCABULARY if len(w) == wanted]
        if fitting:
            words[-1] = rng.choice(fitting)
            return words
    step = round(diff / per_word) if per_word > 0 else diff
    step = step or (1 if diff > 0 else -1)
    if step > 0:
        return words + [rng.choice(VOCABULARY) for _ in range(step)]
    return words[: max(1, len(words) + step)]


def _tokens_per_word(counts: list[tuple[int, int]]) -> float:
    """The slope between the last two tries of different lengths (a chat template's fixed tokens cancel out), else tokens / words."""
    (n1, t1) = counts[-1]
    for n0, t0 in reversed(counts[:-1]):
        if n0 != n1 and (t1 - t0) / (n1 - n0) > 0:
            return (t1 - t0) / (n1 - n0)
    return t1 / max(1, n1)


async def calibrate(spec: WorkloadSpec, measure: Measure, on_status: Callable[[str], None] = lambda text: None) -> Calibration:
    """Words whose prompt the endpoint counts as ``spec.prompt_tokens`` (or as close as word boundaries allow)."""
    rng = random.Random(spec.seed)
    target = spec.prompt_tokens
    words = [rng.choice(VOCABULARY) for _ in range(min(target, FIRST_PROBE_WORDS))]  # short: it must fit any context
    tried: set[tuple[str, ...]] = set()
    counts: list[tuple[int, int]] = []  # (words, tokens) of each try
    best: tuple[int, list[str], int] | None = None  # (distance, words, tokens)
    for _attempt in range(MAX_CALIBRATION_TRIES):
        if tuple(words) in tried:
            break  # back to a prompt already counted: the steps go round in a circle
        tried.add(tuple(words))
        counted = await measure(_request(spec, words, 1))
        if counted is None:
            return Calibration(words, None, QT_TR_NOOP("The endpoint sends no token counts (usage), so the prompts are {words} words, about {tokens} tokens; "
                                                       "every token count is estimated.", words=len(words), tokens=target), exact=False)  # fmt: skip
        distance = abs(counted - target)
        if best is None or distance < best[0] or (distance == best[0] and counted < target < best[2]):
            best = (distance, list(words), counted)
        on_status(f"calibrating prompts: {len(words)} words are {counted} tokens (want {target})")
        if distance == 0:
            break
        counts.append((len(words), counted))
        words = _resized(words, rng, target - counted, _tokens_per_word(counts))
    assert best is not None
    distance, words, counted = best
    if distance == 0:
        note = QT_TR_NOOP("Prompts are exactly {tokens} tokens by the endpoint's own count.", tokens=counted)
    elif distance == 1:
        note = QT_TR_NOOP("Prompts are {tokens} tokens by the endpoint's own count ({asked} asked; the closest a word boundary allows).", tokens=counted, asked=target)
    else:
        note = QT_TR_NOOP("Prompts are {tokens} tokens by the endpoint's own count ({asked} asked): calibration stopped after {tries} tries.", tokens=counted,
                          asked=target, tries=MAX_CALIBRATION_TRIES)  # fmt: skip
    return Calibration(words, counted, note, exact=distance == 0)


def random_requests(spec: WorkloadSpec, calibration: Calibration, level_index: int) -> list[Request]:
    """This level's requests: each its own shuffle of the calibrated words, none sent by another level."""
    first, rest = calibration.words[0], calibration.words[1:]
    requests = []
    for i in range(spec.requests):
        rng = random.Random(f"{spec.seed}:{level_index}:{i}")
        order = list(rest)
        rng.shuffle(order)
        requests.append(_request(spec, [first, *order], spec.output_tokens, calibration.tokens or spec.prompt_tokens))
    return requests


def file_requests(spec: WorkloadSpec, prompts: PromptFile, level_index: int) -> list[Request]:
    """This level's requests from the file: its entries in a seeded order, cycled as needed."""
    order = list(range(len(prompts.entries)))
    random.Random(f"{spec.seed}:file").shuffle(order)
    requests = []
    for i in range(spec.requests):
        entry = prompts.entries[order[(level_index * spec.requests + i) % len(order)]]
        if isinstance(entry, list):
            requests.append(Request("chat", spec.output_tokens, messages=entry))
        elif spec.endpoint == "chat":
            requests.append(Request("chat", spec.output_tokens, messages=[{"role": "user", "content": entry}]))
        else:
            requests.append(Request("completions", spec.output_tokens, prompt=entry))
    return requests
