"""Logging to a rotating file, with secrets scrubbed before anything is written.

Support asks users for this file, so it must never hold a Hugging Face token or an
Authorization header, whichever library wrote the line.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path

from ..common.secrets import redact_str

_SECRET_PATTERNS = (
    re.compile(r"hf_[A-Za-z0-9]{8,}"),
    re.compile(r"(?i)(authorization:?\s*(?:bearer\s+)?)[^\s'\"]+"),
    re.compile(r"(?i)(token[\"']?\s*[:=]\s*[\"']?)[^\s'\",}]+"),
)
_HANDLER_NAME = "hangar-file"


def redact(text: str) -> str:
    """The shared masking (the tokens this process holds, hf_ tokens, Authorization values),
    then the log's own, wider patterns: a log line has no message template to keep."""
    text = redact_str(text)
    text = _SECRET_PATTERNS[0].sub("hf_***", text)
    for pattern in _SECRET_PATTERNS[1:]:
        text = pattern.sub(lambda m: m.group(1) + "***", text)
    return text


class RedactingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


class _LogFile(logging.handlers.RotatingFileHandler):
    """A log that cannot be written (a full disk) says so in one line on stderr, once: never
    logging's own traceback, which prints the record's arguments unredacted."""

    _said = False

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        if not _LogFile._said:
            _LogFile._said = True
            import sys

            from ..common.i18n import QT_TR_NOOP

            exc = sys.exc_info()[1]
            reason = getattr(exc, "strerror", None) or type(exc).__name__
            print(QT_TR_NOOP("warning: the log {file} cannot be written ({reason})", file=self.baseFilename, reason=reason), file=sys.stderr)


def setup_logging(log_file: Path, *, level: int = logging.INFO, max_bytes: int = 2_000_000, backups: int = 5) -> Path:
    """Attach the rotating file handler to the root logger: one per process, for one file."""
    root = logging.getLogger()
    for handler in root.handlers[:]:
        if handler.get_name() == _HANDLER_NAME:
            if Path(getattr(handler, "baseFilename", "")) == log_file.resolve():
                return log_file
            root.removeHandler(handler)  # the data folder changed (HANGAR_HOME): follow it
            handler.close()
    log_file.parent.mkdir(parents=True, exist_ok=True)
    handler = _LogFile(log_file, maxBytes=max_bytes, backupCount=backups, encoding="utf-8")
    handler.set_name(_HANDLER_NAME)
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(process)d %(name)s: %(message)s"))
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    return log_file
