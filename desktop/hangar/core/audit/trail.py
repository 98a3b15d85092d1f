"""The audit trail: an append-only log, one JSON line per event, each holding the SHA-256 of
the line before it (a hash chain), so a changed, removed or reordered line shows.

Written by hand: no library keeps a tamper-evident append-only JSONL file across processes
(the window, ``hangar-cli`` and the server may all write at once). Every append happens under
an OS lock on the log itself (``flock``, ``msvcrt.locking``, released by the OS however the
process ends) and is on disk (``fsync``) before ``record`` returns: the action it records is
reported done only after that.

A crash can cut the last line. The next append ends it with a newline and writes a
``chain_break`` event that chains to the cut line's bytes, so ``verify`` can tell a crash
(a marked break) from an edit. ``audit.head`` beside the log holds the last line's number
and hash: a removed or changed last line shows too.

This makes tampering evident, not impossible: whoever can write the folder can forge a
whole new chain. It is the record a person reads and checks, not a signature.
"""

from __future__ import annotations

import datetime as dt
import getpass
import hashlib
import json
import os
import socket
import threading
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, Iterator

from ..common.i18n import QT_TR_NOOP, Text

GENESIS = "0" * 64
_TAIL_BLOCK = 64 * 1024


class AuditEvent(StrEnum):
    DOWNLOAD = "download"
    IMPORT = "import"
    DELETE = "delete"
    MODEL_LOAD = "model_load"
    SERVER_SESSION = "server_session"
    LICENSE_VERDICT = "license_verdict"
    LICENSE_OVERRIDE = "license_override"
    POLICY_CHANGE = "policy_change"
    UPDATE = "update"
    EXPORT = "export"
    CHAIN_BREAK = "chain_break"


@dataclass(frozen=True)
class Problem:
    line: int  # 1-based line of the log
    kind: str  # changed, removed, reordered, damaged, cut, head
    message: Text
    tampering: bool = True  # False: a crash the log marked itself

    def to_dict(self) -> dict:
        return {"line": self.line, "kind": self.kind, "message": str(self.message), "tampering": self.tampering}


def line_hash(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def _os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (a container, a service account without one)
        return "unknown"


def _encode(entry: dict) -> bytes:
    return json.dumps(entry, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


if os.name == "nt":  # pragma: no cover - Windows only

    import msvcrt

    def _lock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_LOCK, 1 << 30)

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1 << 30)

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


class AuditLog:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.head_path = self.path.with_name(self.path.name + ".head")
        self._thread_lock = threading.Lock()  # flock excludes processes; this, threads sharing one descriptor

    # -- writing --------------------------------------------------------------------------------
    def record(self, event: AuditEvent | str, **data: Any) -> dict:
        """Append one event and return it once it is on disk. ``data`` must hold no secret and no
        prompt text (callers pass names, counts, hashes)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._thread_lock:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_APPEND | getattr(os, "O_BINARY", 0), 0o600)
            try:
                _lock(fd)
                try:
                    seq, prev, cut = self._tail(fd)
                    if cut is not None:  # a crash cut the last line: end it, mark the break, chain on from its bytes
                        os.write(fd, b"\n")
                        seq += 2  # the cut line held the next number
                        brk = self._entry(seq, line_hash(cut), AuditEvent.CHAIN_BREAK, {"cut_bytes": len(cut)})
                        raw = _encode(brk)
                        os.write(fd, raw + b"\n")
                        prev = line_hash(raw)
                    entry = self._entry(seq + 1, prev, event, data)
                    raw = _encode(entry)
                    os.write(fd, raw + b"\n")
                    os.fsync(fd)
                    self._write_head(entry["seq"], line_hash(raw))
                    return entry
                finally:
                    _unlock(fd)
            finally:
                os.close(fd)

    @staticmethod
    def _entry(seq: int, prev: str, event: AuditEvent | str, data: dict) -> dict:
        at = dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")
        return {"seq": seq, "at": at, "user": _os_user(), "host": socket.gethostname(), "event": str(event), "data": data, "prev": prev}

    def _tail(self, fd: int) -> tuple[int, str, bytes | None]:
        """(the last complete line's seq, its hash, the cut last line's bytes or None)."""
        size = os.fstat(fd).st_size
        if size == 0:
            return 0, GENESIS, None
        block = b""
        pos = size
        while pos > 0:  # read backwards until the block holds the last full line
            step = min(_TAIL_BLOCK, pos)
            pos -= step
            block = os.pread(fd, step, pos) + block if hasattr(os, "pread") else self._read_at(fd, pos, step) + block
            body = block[:-1] if block.endswith(b"\n") else block
            if body.count(b"\n") >= 2 or pos == 0:  # the last line and the one before it are whole
                break
        ends = block.endswith(b"\n")
        lines = block.split(b"\n")
        if ends:
            lines.pop()
        cut = None if ends else lines.pop()
        if cut is not None and not lines and pos > 0:
            raise RuntimeError("audit log tail not found")  # pragma: no cover - a single line over 64 KiB
        last = lines[-1] if lines else None
        if last is None:
            return 0, GENESIS, cut
        try:
            seq = int(json.loads(last)["seq"])
        except (ValueError, KeyError, TypeError):  # a damaged line: go on counting from the line count
            seq = self._count_lines(fd)
        return seq, line_hash(last), cut

    @staticmethod
    def _read_at(fd: int, pos: int, size: int) -> bytes:  # pragma: no cover - Windows (no pread)
        os.lseek(fd, pos, os.SEEK_SET)
        return os.read(fd, size)

    def _count_lines(self, fd: int) -> int:
        with open(self.path, "rb") as f:
            return sum(1 for _ in f)

    def _write_head(self, seq: int, digest: str) -> None:
        tmp = self.head_path.with_name(self.head_path.name + ".tmp")
        tmp.write_text(json.dumps({"seq": seq, "sha256": digest}), encoding="utf-8")
        os.replace(tmp, self.head_path)

    # -- reading --------------------------------------------------------------------------------
    def raw_lines(self) -> list[bytes]:
        if not self.path.exists():
            return []
        data = self.path.read_bytes()
        lines = data.split(b"\n")
        if data.endswith(b"\n"):
            lines.pop()
        return lines

    def entries(self) -> Iterator[dict]:
        """Every readable entry, oldest first (unreadable lines are skipped: ``verify`` names them)."""
        for raw in self.raw_lines():
            try:
                entry = json.loads(raw)
            except ValueError:
                continue
            if isinstance(entry, dict):
                yield entry

    def verify(self) -> list[Problem]:
        """Every break in the chain, with its line; [] when the log is whole."""
        lines = self.raw_lines()
        data_ends = not lines or (self.path.read_bytes().endswith(b"\n"))
        hashes = [line_hash(raw) for raw in lines]
        where = {h: i for i, h in enumerate(hashes)}
        problems: list[Problem] = []
        prev_hash, prev_seq = GENESIS, 0
        for i, raw in enumerate(lines):
            number = i + 1
            try:
                entry = json.loads(raw)
                seq, recorded = int(entry["seq"]), str(entry["prev"])
            except (ValueError, KeyError, TypeError):
                last = i == len(lines) - 1
                following = _parse(lines[i + 1]) if not last else None
                if last and not data_ends:
                    problems.append(Problem(number, "cut", QT_TR_NOOP("Line {line} was cut short, as a crash while writing leaves it; the next event will mark the break.", line=number), tampering=False))
                elif following is not None and following.get("event") == AuditEvent.CHAIN_BREAK and following.get("prev") == hashes[i]:
                    problems.append(Problem(number, "cut", QT_TR_NOOP("Line {line} was cut short by a crash; line {next} marks the break and the chain goes on from it.", line=number, next=number + 1), tampering=False))
                else:
                    problems.append(Problem(number, "damaged", QT_TR_NOOP("Line {line} is not a readable audit entry: it was changed or damaged.", line=number)))
                prev_hash, prev_seq = hashes[i], prev_seq + 1
                continue
            if recorded != prev_hash:
                problems.append(self._broken_link(number, seq, prev_seq, recorded, where, i))
            elif seq != prev_seq + 1:
                problems.append(Problem(number, "changed", QT_TR_NOOP("Line {line} has number {seq} where {expected} belongs: it was changed.", line=number, seq=seq, expected=prev_seq + 1)))
            prev_hash, prev_seq = hashes[i], seq
        problems.extend(self._check_head(lines, hashes, prev_seq))
        return problems

    @staticmethod
    def _broken_link(number: int, seq: int, prev_seq: int, recorded: str, where: dict, i: int) -> Problem:
        if seq > prev_seq + 1 and recorded not in where:
            missing = seq - prev_seq - 1
            return Problem(number, "removed", QT_TR_NOOP("{count} line(s) before line {line} were removed (numbers {first} to {last} are missing).",
                                                         count=missing, line=number, first=prev_seq + 1, last=seq - 1))  # fmt: skip
        if recorded in where and where[recorded] != i - 1:
            return Problem(number, "reordered", QT_TR_NOOP("Line {line} was moved: it followed line {other} when it was written.", line=number, other=where[recorded] + 1))
        return Problem(number - 1, "changed", QT_TR_NOOP("Line {line} was changed after it was written (line {next} recorded another hash for it).", line=max(number - 1, 1), next=number))

    def _check_head(self, lines: list[bytes], hashes: list[str], last_seq: int) -> list[Problem]:
        try:
            head = json.loads(self.head_path.read_text(encoding="utf-8"))
            seq, digest = int(head["seq"]), str(head["sha256"])
        except FileNotFoundError:
            if not lines:
                return []
            return [Problem(len(lines), "head", QT_TR_NOOP("The log's head record ({name}) is missing, so a change to the last lines cannot be ruled out.", name=self.head_path.name))]
        except (ValueError, KeyError, TypeError, OSError):
            return [Problem(len(lines), "head", QT_TR_NOOP("The log's head record ({name}) is damaged.", name=self.head_path.name))]
        if hashes and digest == hashes[-1]:
            return []
        if len(hashes) >= 2 and digest == hashes[-2] and seq == last_seq - 1:
            return []  # the last line was written and the crash came before its head note: nothing is missing
        if seq > last_seq:
            return [Problem(len(lines), "removed", QT_TR_NOOP("The last {count} line(s) were removed: the log ends at number {seq}, its head records {head}.",
                                                              count=seq - last_seq, seq=last_seq, head=seq))]  # fmt: skip
        return [Problem(len(lines), "changed", QT_TR_NOOP("The last line was changed after it was written (it does not match the log's head record).", line=len(lines)))]


def _parse(raw: bytes) -> dict | None:
    try:
        value = json.loads(raw)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None
