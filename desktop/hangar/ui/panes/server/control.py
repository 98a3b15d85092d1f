"""The window's server: start and stop ``server/runner.py``'s ServerRunner off the GUI thread.

One per window (``UiServices.server``), shared by the Server pane and the start-up (the
"Start the server with Hangar" setting). ``start`` and ``stop`` run in the thread pool and
report back as queued signals; ``shutdown`` is the window's close, synchronous, so the
port is free and the served models are unloaded before the process ends.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, Signal

from ....core.app import Hangar
from ....core.app.api_keys import Authenticator, keys_for, serve_warning_for_address
from ....core.app.pool_terms import ServeOptions
from ...tasks import BackgroundTasks

log = logging.getLogger(__name__)

STOPPED, STARTING, RUNNING, STOPPING = "stopped", "starting", "running", "stopping"
LOOPBACK = "127.0.0.1"


def is_loopback(host: str) -> bool:
    return host in ("127.0.0.1", "localhost", "::1") or host.startswith("127.")


class ServerControl(QObject):
    state_changed = Signal(str)  # STOPPED, STARTING, RUNNING or STOPPING
    failed = Signal(object)  # why a start (or a stop) did not work

    def __init__(self, app: Hangar, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.tasks = BackgroundTasks(self)
        self.state = STOPPED
        self.runner = None  # server.runner.ServerRunner while it runs
        self.last_error: BaseException | None = None
        self._lock = threading.Lock()  # one start or stop at a time; shutdown waits for it

    # -- what the pane shows -------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self.state == RUNNING and self.runner is not None

    @property
    def url(self) -> str | None:
        return self.runner.url if self.running else None

    def keys_required(self) -> bool:
        """Whether a request needs a key (any stored key, as the server checks it)."""
        if self.runner is not None:
            return self.runner.auth.required
        return Authenticator(keys_for(self.app)).required

    def address_problem(self, host: str) -> str | None:
        """The runner's reason for refusing ``host`` (no API key for an address others can reach), or None."""
        return serve_warning_for_address(host.strip(), Authenticator(keys_for(self.app)))

    # -- start and stop ------------------------------------------------------------------------
    def _set(self, state: str) -> None:
        self.state = state
        self.state_changed.emit(state)

    def start_from_settings(self) -> None:
        s = self.app.settings.current
        self.start(s.serve_host, s.serve_port, s.serve_parallel, s.serve_ctx)

    def start(self, host: str, port: int, n_parallel: int, n_ctx: int) -> None:
        from ....server.runner import ServerRunner, ServerSettings

        if self.state != STOPPED:
            return
        settings = ServerSettings(host=host.strip(), port=port, serve=ServeOptions(n_parallel=n_parallel, n_ctx=n_ctx))
        self.last_error = None
        self._set(STARTING)

        def work():
            with self._lock:
                runner = ServerRunner(self.app, settings)
                runner.start()  # returns once the socket is bound, or raises why not
                self.runner = runner
                return runner

        self.tasks.run(work, self._on_started, self._on_failed)

    def _on_started(self, runner) -> None:
        if self.runner is runner and runner.running:
            self._set(RUNNING)
        else:  # shut down meanwhile
            self._set(STOPPED)

    def _on_failed(self, exc: BaseException) -> None:
        self.last_error = exc
        self.runner = None if self.runner is None or not self.runner.running else self.runner
        self._set(RUNNING if self.runner is not None else STOPPED)
        self.failed.emit(exc)

    def stop(self) -> None:
        runner = self.runner
        if runner is None or self.state != RUNNING:
            return
        self._set(STOPPING)

        def work():
            with self._lock:
                runner.stop()  # uvicorn ends, its thread is joined, the pool unloads the models
                if self.runner is runner:
                    self.runner = None

        self.tasks.run(work, lambda _result: self._set(STOPPED), self._on_failed)

    def shutdown(self) -> None:
        """Stop now and wait (the window is closing)."""
        with self._lock:
            runner, self.runner = self.runner, None
            if runner is not None:
                try:
                    runner.stop()
                except Exception:  # noqa: BLE001 - closing the window must go on
                    log.exception("the server did not stop cleanly")
        self.state = STOPPED
