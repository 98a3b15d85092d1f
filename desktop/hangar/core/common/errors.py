"""Errors a user can meet, each with a message written for them.

Every failure that reaches the window or the terminal is a HangarError: its text is
shown as is, so it says what happened and what to do, never a bare traceback.
"""

from __future__ import annotations

from .secrets import redact


class HangarError(Exception):
    """A failure with a message fit to show a user.

    ``code`` is a stable identifier for scripts (the CLI's --json error output) and
    tests; ``hint`` says what the user can do about it.
    """

    code = "error"

    def __init__(self, message: str, *, hint: str = "") -> None:
        self.message = message
        self.hint = hint
        super().__init__(self.message)

    # A message is often built from what a server said, which may echo a token: both are
    # masked when set (secrets.redact), so no copy of the error (str, to_dict, args) holds one.
    @property
    def message(self) -> str:
        return self._message

    @message.setter
    def message(self, value: str) -> None:
        self._message = redact(value)

    @property
    def hint(self) -> str:
        return self._hint

    @hint.setter
    def hint(self, value: str) -> None:
        self._hint = redact(value)

    def __str__(self) -> str:
        return f"{self.message}\n{self.hint}" if self.hint else self.message

    def to_dict(self) -> dict:
        return {"code": self.code, "message": redact(self.message), "hint": redact(self.hint)}


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
