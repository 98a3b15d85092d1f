"""Errors a user can meet, each with a message written for them.

Every failure that reaches the window or the terminal is a HangarError: its text is
shown as is, so it says what happened and what to do, never a bare traceback.
"""

from __future__ import annotations


class HangarError(Exception):
    """A failure with a message fit to show a user.

    ``code`` is a stable identifier for scripts (the CLI's --json error output) and
    tests; ``hint`` says what the user can do about it.
    """

    code = "error"

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}\n{self.hint}" if self.hint else self.message

    def to_dict(self) -> dict:
        return {"code": self.code, "message": self.message, "hint": self.hint}


class DatabaseError(HangarError):
    code = "database"


class DatabaseCorrupt(DatabaseError):
    code = "database_corrupt"


class DatabaseLocked(DatabaseError):
    code = "database_locked"


class DatabaseTooNew(DatabaseError):
    code = "database_too_new"


class InvalidInput(HangarError):
    """Something the user gave us (a path, a value, a file) that we cannot use."""

    code = "invalid_input"


class ModelTooLarge(InvalidInput):
    """The memory estimate says the model does not fit; a person may still try (--force, or "Load anyway")."""

    code = "model_too_large"


class NetworkError(HangarError):
    code = "network"


class HubError(HangarError):
    code = "hub"


class GatedRepo(HubError):
    code = "gated"


class NotFoundOnHub(HubError):
    code = "not_found"


class DiskFull(HangarError):
    code = "disk_full"


class IntegrityError(HangarError):
    """A download whose bytes do not match the Hub's SHA-256."""

    code = "hash_mismatch"
