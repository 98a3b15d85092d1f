"""The one SQLite database: opening it safely, migrating it, and writing through one door.

Hangar keeps library, downloads, conversations, benchmark results and license decisions
in one file (WAL mode). Opening it checks that it is a healthy SQLite file we may write,
and turns every way that can fail into a HangarError that names the file and never
touches it. A file we cannot read is only ever *moved aside* on the user's request.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from ..common.errors import DatabaseCorrupt, DatabaseError, DatabaseLocked, DatabaseTooNew
from ..common.i18n import QT_TR_NOOP
from .migrations import MIGRATIONS, Migration, check_sequence, latest_version

log = logging.getLogger(__name__)

SQLITE_MAGIC = b"SQLite format 3\x00"


class Database:
    """A connection to Hangar's database with a single, serialised writer.

    Reads and writes go through one connection guarded by a lock; the GUI calls it
    from worker threads, never from the event loop for long work.
    """

    def __init__(
        self,
        path: Path,
        *,
        migrations: tuple[Migration, ...] = MIGRATIONS,
        busy_timeout_s: float = 3.0,
    ) -> None:
        check_sequence(migrations)
        self.path = Path(path)
        self._migrations = migrations
        self._lock = threading.RLock()
        self._conn = _connect(self.path, busy_timeout_s)
        try:
            self._prepare()
        except BaseException:
            self._conn.close()
            raise

    # -- opening ----------------------------------------------------------------------
    def _prepare(self) -> None:
        with _translated_errors(self.path):
            mode = self._journal_mode_wal()
            if str(mode).lower() != "wal":
                log.warning("database %s stays in journal mode %s", self.path, mode)
            self._conn.execute("PRAGMA foreign_keys=ON")
            self._conn.execute("PRAGMA synchronous=NORMAL")
            problems = [row[0] for row in self._conn.execute("PRAGMA quick_check").fetchall()]
            if problems != ["ok"]:
                raise DatabaseCorrupt(
                    QT_TR_NOOP("The database {path} is damaged: {problems}", path=self.path, problems="; ".join(problems[:3])),
                    hint=_CORRUPT_HINT,
                )
            # Prove we can take the write lock now, not at the first save hours later.
            self._conn.execute("BEGIN IMMEDIATE")
            self._conn.execute("ROLLBACK")
            self._migrate()

    def _journal_mode_wal(self, patience_s: float = 10.0) -> str:
        """Switch to WAL, waiting for the lock it needs. SQLite answers this pragma "database is
        locked" at once, without its busy handler, while another process opening the same new
        database (the window and hangar-cli started together) holds the lock for a moment."""
        deadline = time.monotonic() + patience_s
        while True:
            try:
                return str(self._conn.execute("PRAGMA journal_mode=WAL").fetchone()[0])
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc).lower() or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def _migrate(self) -> None:
        current = self.user_version
        target = latest_version(self._migrations)
        if current > target:
            raise DatabaseTooNew(
                QT_TR_NOOP("The database {path} was written by a newer version of Hangar (schema {current}; this version knows up to {target}).",
                           path=self.path, current=current, target=target),
                hint=QT_TR_NOOP("Update Hangar, or point HANGAR_HOME at another folder. The file was not changed."),
            )  # fmt: skip
        if current == target:
            return
        if current > 0:
            self.backup(self.path.with_name(f"{self.path.name}.bak-v{current}"))
        for migration in self._migrations[current:]:
            with self.write() as conn:
                # Read again under the write lock: another process opening the same new database
                # (the window and hangar-cli at once) may have applied this step meanwhile.
                if int(conn.execute("PRAGMA user_version").fetchone()[0]) >= migration.version:
                    continue
                log.info("migrating %s to schema %d (%s)", self.path, migration.version, migration.description)
                for statement in migration.statements:
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {int(migration.version)}")

    # -- use ----------------------------------------------------------------------------
    @property
    def user_version(self) -> int:
        with self._lock:
            return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One transaction at a time, committed on success and rolled back on error."""
        with self._lock, _translated_errors(self.path):
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            else:
                self._conn.execute("COMMIT")

    def query(self, sql: str, params: tuple | dict = ()) -> list[sqlite3.Row]:
        with self._lock, _translated_errors(self.path):
            return self._conn.execute(sql, params).fetchall()

    def query_one(self, sql: str, params: tuple | dict = ()) -> sqlite3.Row | None:
        rows = self.query(sql, params)
        return rows[0] if rows else None

    def execute(self, sql: str, params: tuple | dict = ()) -> int:
        """Run one writing statement in its own transaction; returns lastrowid."""
        with self.write() as conn:
            return conn.execute(sql, params).lastrowid or 0

    def backup(self, target: Path) -> Path:
        with self._lock:
            dest = sqlite3.connect(str(target))
            try:
                self._conn.backup(dest)
            finally:
                dest.close()
        log.info("backed up %s to %s", self.path, target)
        return target

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> "Database":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


_CORRUPT_HINT = QT_TR_NOOP(
    "Hangar has not changed or deleted it. Restore it from a backup, or move it aside "
    "and let Hangar start a fresh one (your model files are not inside it)."
)
_LOCKED_HINT = QT_TR_NOOP(
    "Another program is writing to it, often a second Hangar window or a hangar-cli "
    "command still running. Close it and try again."
)


def _connect(path: Path, busy_timeout_s: float) -> sqlite3.Connection:
    if path.exists() and path.is_file() and path.stat().st_size > 0:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_MAGIC))
        if header != SQLITE_MAGIC:
            raise DatabaseCorrupt(QT_TR_NOOP("The file {path} is not a SQLite database.", path=path), hint=_CORRUPT_HINT)
    if path.exists() and not path.is_file():
        raise DatabaseError(QT_TR_NOOP("{path} is not a file.", path=path), hint=QT_TR_NOOP("Remove or rename it, then start Hangar again."))
    path.parent.mkdir(parents=True, exist_ok=True)
    with _translated_errors(path):
        conn = sqlite3.connect(
            str(path), timeout=busy_timeout_s, isolation_level=None, check_same_thread=False
        )
    conn.row_factory = sqlite3.Row
    return conn


# SQLite's primary result codes (an error's extended code keeps its primary one in the low byte).
_CORRUPT = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}
_BUSY = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}


@contextmanager
def _translated_errors(path: Path) -> Iterator[None]:
    """Turn sqlite3's terse errors into messages a user can act on.

    A file is reported as damaged only when SQLite says so (SQLITE_CORRUPT, SQLITE_NOTADB):
    a constraint that refused a row, a lock held by another process or a mistake in a
    statement is not damage, and calling it that sends people to move a healthy
    database aside. (Every sqlite3.DatabaseError used to read "is damaged", including
    "UNIQUE constraint failed" from two downloads planned at once.)"""
    try:
        yield
    except sqlite3.Error as exc:
        raise _translated(exc, path) from exc


def _translated(exc: sqlite3.Error, path: Path) -> DatabaseError:
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(exc).lower()
    if primary in _CORRUPT or (primary is None and ("malformed" in text or "not a database" in text)):
        return DatabaseCorrupt(QT_TR_NOOP("The database {path} is damaged: {problem}.", path=path, problem=str(exc)), hint=_CORRUPT_HINT)
    if primary in _BUSY or (primary is None and ("locked" in text or "busy" in text)):
        return DatabaseLocked(QT_TR_NOOP("The database {path} is locked.", path=path), hint=_LOCKED_HINT)
    if primary == sqlite3.SQLITE_READONLY or "readonly" in text or "read-only" in text:
        return DatabaseError(
            QT_TR_NOOP("The database {path} is read-only.", path=path),
            hint=QT_TR_NOOP("Give your user write permission on that folder, or set HANGAR_HOME to a writable one."),
        )
    if primary in (sqlite3.SQLITE_FULL, sqlite3.SQLITE_IOERR) or "disk is full" in text or "disk i/o" in text:
        return DatabaseError(QT_TR_NOOP("Cannot write the database {path}: {problem}.", path=path, problem=str(exc)),
                             hint=QT_TR_NOOP("Free some disk space and try again."))  # fmt: skip
    if isinstance(exc, sqlite3.IntegrityError) or primary == sqlite3.SQLITE_CONSTRAINT:
        return DatabaseError(
            QT_TR_NOOP("The database {path} refused a change: {problem}.", path=path, problem=str(exc)),
            hint=QT_TR_NOOP("The database is not damaged; the change clashed with what it already holds. Try again, and report it if it happens again."),
        )
    return DatabaseError(QT_TR_NOOP("Database error in {path}: {problem}", path=path, problem=str(exc)))


def move_aside(path: Path) -> Path:
    """Rename a damaged database (and its WAL files) so a fresh one can start.

    Nothing is deleted: the user or support can still recover data from the moved file.
    """
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.rename(target.with_name(target.name + suffix))
    path.rename(target)
    log.warning("moved damaged database %s to %s", path, target)
    return target
