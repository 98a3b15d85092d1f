"""The download queue's rows: what a row holds, the states it moves through, and what
running one returns.

The states are an Enum so a typo is an error rather than a row no view ever shows; they
are str-valued, so the SQLite column, ``--json`` output and comparisons with the plain
strings ("done") keep working unchanged.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

from ..common.i18n import from_stored

if TYPE_CHECKING:
    from ..library.models import LocalModel
    from .fetcher import FetchResult


class DownloadState(str, Enum):
    QUEUED = "queued"
    DOWNLOADING = "downloading"
    PAUSED = "paused"
    FAILED = "failed"
    QUARANTINED = "quarantined"  # the bytes did not match the Hub's SHA-256; moved aside
    CANCELLED = "cancelled"
    DONE = "done"

    __str__ = str.__str__
    __format__ = str.__format__


ACTIVE = frozenset({DownloadState.QUEUED, DownloadState.DOWNLOADING, DownloadState.PAUSED, DownloadState.FAILED})


@dataclass
class Download:
    id: int
    repo: str
    revision: str
    filename: str
    dest_path: str
    size_bytes: int
    sha256: str | None
    downloaded_bytes: int
    state: DownloadState
    error: str | None
    group_key: str | None
    created_at: str
    updated_at: str
    license: str | None = None
    base_model: str | None = None  # the card's base models, a JSON list
    speed_bps: float = 0.0
    eta_s: float | None = None
    note: str | None = None  # while running: "checking the partial file", "… trying again in 2.0 s"

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> "Download":
        download = cls(**dict(row))
        download.state = DownloadState(download.state)
        download.error = from_stored(download.error)
        return download

    def to_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass
class DownloadResult:
    """What ``DownloadManager.run_one`` did: the file it fetched, and the library entry it
    registered when that file completed its model (every part of a split model is in);
    ``model`` is None while other parts are still to come. ``fetched`` is None when
    another download (another Hangar process) finished the file while this one waited."""

    download: Download
    fetched: "FetchResult | None"
    model: "LocalModel | None"
