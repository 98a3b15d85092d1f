"""The database: created, migrated, and never harmed when it cannot be opened."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from hangar.core.common.errors import DatabaseCorrupt, DatabaseError, DatabaseLocked, DatabaseTooNew
from hangar.core.db.migrations import MIGRATIONS, Migration, latest_version
from hangar.core.db.store import Database, move_aside


def test_new_database_is_at_latest_schema_in_wal_mode(tmp_path: Path) -> None:
    with Database(tmp_path / "h.db") as db:
        assert db.user_version == latest_version() >= 1
        assert db.query_one("PRAGMA journal_mode")[0] == "wal"
        db.execute("INSERT INTO models (path, name, size_bytes) VALUES (?, ?, ?)", ("/m/a.gguf", "a", 10))
    with Database(tmp_path / "h.db") as db:
        assert [tuple(r) for r in db.query("SELECT path, name, size_bytes FROM models")] == [("/m/a.gguf", "a", 10)]


def test_migration_keeps_data_and_backs_up_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "h.db"
    with Database(path, migrations=MIGRATIONS[:1]) as db:
        db.execute("INSERT INTO models (path, name, size_bytes) VALUES ('/m/a.gguf', 'a', 10)")
    step2 = Migration(2, "add a column", ("ALTER TABLE models ADD COLUMN family TEXT",))
    with Database(path, migrations=MIGRATIONS[:1] + (step2,)) as db:
        assert db.user_version == 2
        row = db.query_one("SELECT name, family FROM models")
        assert (row["name"], row["family"]) == ("a", None)
    backup = tmp_path / "h.db.bak-v1"
    assert backup.exists()
    with sqlite3.connect(backup) as old:
        assert old.execute("PRAGMA user_version").fetchone()[0] == 1


def test_failed_migration_rolls_back_and_keeps_the_old_schema(tmp_path: Path) -> None:
    path = tmp_path / "h.db"
    with Database(path, migrations=MIGRATIONS[:1]) as db:
        db.execute("INSERT INTO models (path, name, size_bytes) VALUES ('/m/a.gguf', 'a', 10)")
    broken = Migration(2, "broken", ("ALTER TABLE models ADD COLUMN family TEXT", "THIS IS NOT SQL"))
    with pytest.raises(Exception):
        Database(path, migrations=MIGRATIONS[:1] + (broken,))
    with Database(path, migrations=MIGRATIONS[:1]) as db:
        assert db.user_version == 1
        columns = [r["name"] for r in db.query("PRAGMA table_info(models)")]
        assert "family" not in columns
        assert db.query_one("SELECT COUNT(*) FROM models")[0] == 1


def test_database_from_a_newer_hangar_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "h.db"
    step2 = Migration(2, "future", ("CREATE TABLE future (x)",))
    Database(path, migrations=MIGRATIONS[:1] + (step2,)).close()
    before = path.read_bytes()
    with pytest.raises(DatabaseTooNew, match="newer version of Hangar"):
        Database(path, migrations=MIGRATIONS[:1])
    assert path.read_bytes() == before


def test_migrations_must_be_numbered_without_gaps(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="expected"):
        Database(tmp_path / "h.db", migrations=(Migration(2, "gap", ()),))


def test_garbage_file_is_reported_as_corrupt_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "h.db"
    path.write_bytes(b"this is not a database at all" * 100)
    before = path.read_bytes()
    with pytest.raises(DatabaseCorrupt) as info:
        Database(path)
    assert str(path) in info.value.message
    assert "not changed or deleted" in info.value.hint
    assert path.read_bytes() == before


def test_damaged_pages_are_reported_as_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "h.db"
    with Database(path) as db:
        with db.write() as conn:
            conn.executemany(
                "INSERT INTO models (path, name, size_bytes) VALUES (?, ?, ?)",
                [(f"/m/{i}.gguf", "x" * 200, i) for i in range(400)],
            )
        db.query("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    page = 4096
    data[2 * page : 6 * page] = b"\xff" * (4 * page)  # smash b-tree pages, keep the header
    path.write_bytes(bytes(data))
    before = path.read_bytes()
    with pytest.raises(DatabaseCorrupt):
        Database(path)
    assert path.read_bytes() == before


def test_locked_database_is_reported_as_locked(tmp_path: Path) -> None:
    path = tmp_path / "h.db"
    Database(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseLocked, match="locked") as info:
            Database(path, busy_timeout_s=0.2)
        assert "another program" in info.value.hint.lower()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    Database(path).close()  # usable again once the other writer is gone


def test_move_aside_renames_instead_of_deleting(tmp_path: Path) -> None:
    path = tmp_path / "h.db"
    path.write_bytes(b"garbage")
    moved = move_aside(path)
    assert not path.exists()
    assert moved.read_bytes() == b"garbage"
    assert moved.name.startswith("h.db.damaged-")


def test_writes_from_many_threads_are_serialised(tmp_path: Path) -> None:
    with Database(tmp_path / "h.db") as db:
        def writer(start: int) -> None:
            for i in range(start, start + 50):
                db.execute("INSERT INTO models (path, name, size_bytes) VALUES (?, 'm', ?)", (f"/m/{i}", i))

        threads = [threading.Thread(target=writer, args=(n * 1000,)) for n in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert db.query_one("SELECT COUNT(*) FROM models")[0] == 200


def test_a_failed_write_rolls_back(tmp_path: Path) -> None:
    with Database(tmp_path / "h.db") as db:
        with pytest.raises(ZeroDivisionError):
            with db.write() as conn:
                conn.execute("INSERT INTO models (path, name, size_bytes) VALUES ('/m/a', 'a', 1)")
                1 / 0
        assert db.query_one("SELECT COUNT(*) FROM models")[0] == 0


def test_a_unique_violation_is_not_reported_as_damage(tmp_path: Path) -> None:
    """"UNIQUE constraint failed" was once shown as "The database ... is damaged"."""
    with Database(tmp_path / "h.db") as db:
        db.execute("INSERT INTO models (path, name, size_bytes) VALUES ('/m/a', 'a', 1)")
        with pytest.raises(DatabaseError) as info:
            db.execute("INSERT INTO models (path, name, size_bytes) VALUES ('/m/a', 'b', 2)")
        assert not isinstance(info.value, DatabaseCorrupt)
        assert "damaged" not in info.value.message and "UNIQUE" in info.value.message
        assert "not damaged" in info.value.hint
        assert db.query_one("SELECT name FROM models")["name"] == "a", "the refused change was rolled back"
        db.execute("INSERT INTO models (path, name, size_bytes) VALUES ('/m/b', 'b', 2)")  # and it still works


def test_a_database_locked_by_another_writer_mid_use_is_locked_not_damaged(tmp_path: Path) -> None:
    path = tmp_path / "h.db"
    with Database(path, busy_timeout_s=0.2) as db:
        holder = sqlite3.connect(path, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        try:
            with pytest.raises(DatabaseLocked, match="locked") as info:
                db.execute("INSERT INTO models (path, name, size_bytes) VALUES ('/m/a', 'a', 1)")
            assert not isinstance(info.value, DatabaseCorrupt) and "damaged" not in info.value.message
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        db.execute("INSERT INTO models (path, name, size_bytes) VALUES ('/m/a', 'a', 1)")


def test_a_mistake_in_a_statement_is_not_reported_as_damage(tmp_path: Path) -> None:
    with Database(tmp_path / "h.db") as db:
        with pytest.raises(DatabaseError) as info:
            db.query("SELECT * FROM models WHERE path = ?", ("a", "b"))  # too many bindings: our bug, not the file's
        assert not isinstance(info.value, DatabaseCorrupt) and "damaged" not in info.value.message


def test_a_file_sqlite_calls_damaged_is_still_reported_as_damaged(tmp_path: Path) -> None:
    """The classification follows SQLite's own result code (SQLITE_NOTADB here), met by a query."""
    from hangar.core.db.store import _translated_errors

    path = tmp_path / "h.db"
    path.write_bytes(b"\x00" * 8192)
    raw = sqlite3.connect(path)
    try:
        with pytest.raises(DatabaseCorrupt, match="damaged") as info:
            with _translated_errors(path):
                raw.execute("SELECT * FROM sqlite_master").fetchall()
        assert "not changed or deleted" in info.value.hint
    finally:
        raw.close()


def test_processes_opening_one_new_database_at_once_all_succeed(tmp_path: Path) -> None:
    """The window and hangar-cli (or two CLIs) may create the database together: each
    migration step is applied once, whoever gets there first."""
    import subprocess
    import sys

    code = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from hangar.core.db.store import Database\n"
        "start = float(sys.argv[2])\n"
        "time.sleep(max(0.0, start - time.time()))\n"
        "db = Database(Path(sys.argv[1]))\n"
        "print(db.user_version)\n"
    )
    for round_ in range(4):
        path = tmp_path / f"new-{round_}.db"
        start = __import__("time").time() + 1.2  # every child waits for the same instant
        children = [subprocess.Popen([sys.executable, "-c", code, str(path), str(start)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                    for _ in range(4)]  # fmt: skip
        results = [child.communicate(timeout=60) for child in children]
        assert all(child.returncode == 0 for child in children), [err for _out, err in results]
        assert {out.strip() for out, _err in results} == {str(Database(path).user_version)}
