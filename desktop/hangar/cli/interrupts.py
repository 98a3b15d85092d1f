"""SIGTERM and SIGHUP end a command the way Ctrl-C does.

Python's default for SIGTERM ends the process on the spot: no finally block runs, so a
worker (and the reply it was writing) was left behind, running at full CPU under PID 1.
Here both signals raise ``Terminated`` (a KeyboardInterrupt) in the main thread, so the
commands' finally blocks end their workers, a reply being written is saved as
interrupted, and the exit status is 128 + the signal, as a shell reports it.
"""

from __future__ import annotations

import signal
import threading
from typing import Any, Callable


class Terminated(KeyboardInterrupt):
    """SIGTERM or SIGHUP, raised where the main thread happens to be."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def interrupted(exc: KeyboardInterrupt) -> tuple[str, int]:
    """What to say about Ctrl-C or a Terminated, and the exit status (128 + the signal)."""
    signum = exc.signum if isinstance(exc, Terminated) else int(signal.SIGINT)
    message = "interrupted" if signum == signal.SIGINT else f"terminated by {signal.Signals(signum).name}"
    return message, 128 + signum


def signals_as_interrupts() -> Callable[[], None]:
    """Turn SIGTERM and SIGHUP into Terminated for one command; returns what puts the old
    handlers back. After the first, more of them are ignored: the clean-up (a few seconds at
    most) must not be cut short; SIGKILL still ends everything, and the worker with us."""
    if threading.current_thread() is not threading.main_thread():
        return lambda: None
    previous: dict[int, Any] = {}

    def handler(signum: int, _frame: object) -> None:
        for number in previous:
            signal.signal(number, signal.SIG_IGN)
        raise Terminated(signum)

    for number in (getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)):
        previous[number] = signal.signal(number, handler)

    def restore() -> None:
        for number, old in previous.items():
            signal.signal(number, old)

    return restore
