"""Start-up with a damaged or locked database: a clear message, and the file survives."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from hangar.core.common.errors import DatabaseCorrupt, DatabaseError, DatabaseLocked
from hangar.core.config.context import AppContext
from hangar.core.db.store import Database
from hangar.ui.error_dialog import ExceptionHook
from hangar.ui.main_window import MainWindow
from hangar.ui.startup import MOVE_ASIDE, QUIT, RETRY, StartupErrorDialog, open_main_window


def _corrupt_db(home: Path) -> Path:
    home.mkdir(parents=True, exist_ok=True)
    path = home / "hangar.db"
    path.write_bytes(b"\x00garbage, not a database\x00" * 64)
    return path


def test_corrupt_database_shows_a_clear_message_and_quitting_keeps_the_file(qtbot, hangar_home: Path) -> None:
    path = _corrupt_db(hangar_home)
    before = path.read_bytes()
    seen: list[DatabaseError] = []

    def ask(error: DatabaseError) -> str:
        dialog = StartupErrorDialog(error)
        qtbot.addWidget(dialog)
        seen.append(error)
        assert str(path) in dialog.text()
        assert "not changed or deleted" in dialog.informativeText()
        assert dialog.choices() == [MOVE_ASIDE, QUIT]
        return QUIT

    ctx = AppContext.open()
    assert open_main_window(ctx, ask=ask) is None
    assert len(seen) == 1 and isinstance(seen[0], DatabaseCorrupt)
    assert path.read_bytes() == before


def test_moving_a_corrupt_database_aside_starts_fresh_and_keeps_the_old_file(qtbot, hangar_home: Path) -> None:
    path = _corrupt_db(hangar_home)
    before = path.read_bytes()
    ctx = AppContext.open()
    window = open_main_window(ctx, ask=lambda error: MOVE_ASIDE)
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    moved = list(hangar_home.glob("hangar.db.damaged-*"))
    assert len(moved) == 1 and moved[0].read_bytes() == before
    assert ctx.database.user_version >= 1
    ctx.close()


def test_locked_database_offers_try_again(qtbot, hangar_home: Path) -> None:
    hangar_home.mkdir(parents=True)
    path = hangar_home / "hangar.db"
    Database(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    answers: list[type] = []

    def ask(error: DatabaseError) -> str:
        answers.append(type(error))
        dialog = StartupErrorDialog(error)
        qtbot.addWidget(dialog)
        assert "locked" in dialog.text()
        assert dialog.choices() == [RETRY, QUIT]
        holder.execute("ROLLBACK")  # the other program finishes; "Try again" now works
        return RETRY

    ctx = AppContext.open()
    ctx._database = None
    import hangar.core.config.context as context_module

    original = context_module.Database
    context_module.Database = lambda p: original(p, busy_timeout_s=0.2)  # type: ignore[assignment]
    try:
        window = open_main_window(ctx, ask=ask)
    finally:
        context_module.Database = original  # type: ignore[assignment]
        holder.close()
    assert answers == [DatabaseLocked]
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    ctx.close()


def test_dialog_buttons_record_the_choice(qtbot) -> None:
    dialog = StartupErrorDialog(DatabaseCorrupt("The database x is damaged", hint="h"))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.button(MOVE_ASIDE).click()
    assert dialog.choice == MOVE_ASIDE


def test_unhandled_exception_in_a_slot_becomes_an_error_dialog(qtbot, hangar_home: Path) -> None:
    hook = ExceptionHook(hangar_home / "logs" / "hangar.log")
    try:
        raise ValueError("the disk said no")
    except ValueError as exc:
        hook(type(exc), exc, exc.__traceback__)
    assert len(hook.dialogs) == 1
    box = hook.dialogs[0]
    qtbot.addWidget(box)
    assert box.icon() == QMessageBox.Icon.Critical
    assert "ValueError: the disk said no" in box.text()
    assert "hangar.log" in box.informativeText()
