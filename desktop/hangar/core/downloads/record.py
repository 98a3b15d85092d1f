"""How far each parallel segment got, kept beside the ``.part`` file so a restart resumes
every segment (segments land at their offsets, so the file alone cannot say which bytes
are real).

Two records, for two ways of stopping:

- ``.segments.json`` ([start, end, done] per segment) is replaced atomically about once
  a second, after an fsync of the partial file: after a power cut it never claims bytes
  that are not on disk (a hole of zeros would fail the hash and cost the whole download).
- ``.segments.live`` holds the same counts, rewritten in place every ``LIVE_EVERY`` bytes
  (one small write: a rename costs ~0.5 ms here, a write ~1 us) with this boot's id. A
  process that is killed while the machine stays up leaves every byte ``write`` accepted
  in the page cache, so the live record is exact and a kill loses under 1 MiB. After a
  reboot, or where there is no boot id (Windows, macOS), only the synced record counts.
"""

from __future__ import annotations

import json
import logging
import os
from functools import lru_cache
from pathlib import Path

log = logging.getLogger(__name__)
ALIGN = 1024 * 1024
LIVE_EVERY = 256 * 1024


def state_path(part: Path) -> Path:
    return part.with_name(part.name + ".segments.json")


def live_path(part: Path) -> Path:
    return part.with_name(part.name + ".segments.live")


def partial_files(part: Path) -> list[Path]:
    """Every file a download leaves beside its destination before it is complete."""
    return [part, state_path(part), state_path(part).with_suffix(".tmp"), live_path(part)]


def plan_segments(size: int, prefix: int, connections: int, min_bytes: int) -> list[list[int]]:
    """[start, end, done] for the bytes after ``prefix``, split into up to ``connections``."""
    remaining = size - prefix
    count = max(1, min(connections, remaining // max(min_bytes, 1)))
    step = -(-remaining // count)
    step = -(-step // ALIGN) * ALIGN
    return [[start, min(size, start + step), 0] for start in range(prefix, size, step)]


@lru_cache(maxsize=1)
def boot_id() -> str | None:
    """Changes when the machine restarts (Linux); None where we cannot tell."""
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text().strip() or None
    except OSError:
        return None


class SegmentRecord:
    """Writes both records for one segmented download."""

    def __init__(self, part: Path, size: int, segments: list[list[int]]) -> None:
        self.part, self.size = part, size
        self._boot = boot_id()
        self._live_bytes = 96 + 48 * len(segments)  # fixed: every rewrite covers the last one exactly
        self._live = open(live_path(part), "wb", buffering=0) if self._boot else None  # noqa: SIM115 - closed by close()
        self.save_live(segments)
        self.save_synced(segments)

    def save_synced(self, segments: list[list[int]], sync_fd: int | None = None) -> None:
        """``segments`` is a copy taken before this call: with ``sync_fd`` the bytes it claims
        are forced to disk first."""
        if sync_fd is not None:
            os.fsync(sync_fd)
        tmp = state_path(self.part).with_suffix(".tmp")
        tmp.write_text(json.dumps({"size": self.size, "segments": segments}))
        os.replace(tmp, state_path(self.part))

    def save_live(self, segments: list[list[int]]) -> None:
        """Only counts whose bytes ``write`` has accepted (call it after the write)."""
        if self._live is None:
            return
        text = json.dumps({"boot": self._boot, "size": self.size, "segments": segments}).encode()
        try:
            self._live.seek(0)
            self._live.write(text.ljust(self._live_bytes))
        except OSError as exc:  # a full disk shows up as the segments' own error
            log.debug("cannot record the live segments of %s: %s", self.part.name, exc)

    def close(self) -> None:
        if self._live is not None:
            self._live.close()

    def discard(self) -> None:
        self.close()
        for path in partial_files(self.part)[1:]:
            path.unlink(missing_ok=True)


def resume_state(part: Path, size: int) -> list[list[int]] | None:
    """The segments a previous run recorded, if they belong to this file: the live counts
    when this boot wrote them, else the synced ones."""
    path = state_path(part)
    if not path.exists() or not part.exists():
        return None
    try:
        data = json.loads(path.read_text())
        segments = _segments(data)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if data.get("size") != size or not segments or any(not (0 <= a < b and 0 <= c <= b - a) for a, b, c in segments):
        return None
    ordered = sorted(segments)
    if ordered[-1][1] != size or any(x[1] != y[0] for x, y in zip(ordered, ordered[1:])):
        return None  # gaps or overlaps: not a record this version wrote
    return _live_counts(part, size, segments) or segments


def _segments(data: dict) -> list[list[int]]:
    return [[int(a), int(b), int(c)] for a, b, c in data["segments"]]


def _live_counts(part: Path, size: int, synced: list[list[int]]) -> list[list[int]] | None:
    """The live counts, when this boot wrote them for the same segments (each count the
    larger of the two records: both only ever claim bytes that were written)."""
    if boot_id() is None:
        return None
    try:
        data = json.loads(live_path(part).read_bytes())
        live = _segments(data)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if data.get("boot") != boot_id() or data.get("size") != size or len(live) != len(synced):
        return None
    if any((a, b) != (x, y) or not 0 <= c <= b - a for (a, b, c), (x, y, _) in zip(live, synced)):
        return None  # another plan: not this download's
    return [[a, b, max(c, z)] for (a, b, c), (_, _, z) in zip(live, synced)]  # both only claim written bytes
