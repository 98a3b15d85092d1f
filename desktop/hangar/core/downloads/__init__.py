"""Resumable, verified downloads and the persistent queue that runs them.

Layers, each importing only those below it: transport (HTTP ranges, retries, progress),
sink and record (the partial file, its hash, the segment records), segmented (parallel
parts), fetcher (one file), lock (one download per destination, across processes),
manager (the queue in SQLite; rows holds its row and states).
"""

from .rows import Download, DownloadResult, DownloadState
from .transport import Paused, Progress, ProgressState

__all__ = ["Download", "DownloadResult", "DownloadState", "Paused", "Progress", "ProgressState"]
