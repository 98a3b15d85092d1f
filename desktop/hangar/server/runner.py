"""Running the server: uvicorn on a thread of its own, so the window (or the CLI) stays free.

``ServerRunner.start()`` returns once the socket is bound (the port is known then, also for
port 0) or raises why it could not bind. An address other than loopback is refused unless
at least one API key exists. uvicorn's access log is off: the pool keeps its own request
log, which never holds a key or, unless asked, a prompt.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..core.app.api_keys import Authenticator, keys_for, serve_warning_for_address
from ..core.app.pool_terms import ServeOptions
from ..core.app.serving import ModelPool
from ..core.audit.trail import AuditEvent
from ..core.common.errors import HangarError, InvalidInput
from ..core.common.i18n import QT_TR_NOOP
from .app import ServerConfig, build_app

if TYPE_CHECKING:
    from ..core.app import Hangar

log = logging.getLogger("hangar.server")
DEFAULT_HOST, DEFAULT_PORT = "127.0.0.1", 8181


class ServerError(HangarError):
    code = "server"


@dataclass
class ServerSettings:
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    serve: ServeOptions = field(default_factory=ServeOptions)
    api_key_secrets: list[str] = field(default_factory=list)  # from --api-key-file, in memory only
    cors_origins: list[str] = field(default_factory=list)
    config: ServerConfig = field(default_factory=ServerConfig)


class ServerRunner:
    def __init__(self, app: "Hangar", settings: ServerSettings | None = None) -> None:
        self.app = app
        self.settings = settings or ServerSettings()
        self.pool: ModelPool = app.serving
        self.auth = Authenticator(keys_for(app), self.settings.api_key_secrets)
        self._server = None
        self._started_at: float | None = None  # while serving: the audit trail gets the session's totals at stop()
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None
        self.port: int | None = None

    @property
    def url(self) -> str:
        host = self.settings.host
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{self.port or self.settings.port}"

    def start(self, timeout_s: float = 30.0) -> "ServerRunner":
        import uvicorn

        settings = self.settings
        problem = serve_warning_for_address(settings.host, self.auth)
        if problem:
            raise InvalidInput(problem)
        if isinstance(settings.port, bool) or not isinstance(settings.port, int) or not 0 <= settings.port <= 65535:
            raise InvalidInput(QT_TR_NOOP("{name} must be a whole number from {low:,} to {high:,}, not {value}", name="port", low=0, high=65535, value=settings.port))
        self.pool.reopen()  # a pool closed by an earlier stop() (the window's Stop, then Start)
        self.pool.configure(settings.serve)
        self.pool.start_keep_alive()
        config = settings.config
        if settings.cors_origins:
            config.cors_origins = list(settings.cors_origins)
        asgi = build_app(self.app, self.pool, self.auth, config)
        uv_config = uvicorn.Config(asgi, host=settings.host, port=settings.port, log_config=None, access_log=False, lifespan="off",
                                   timeout_graceful_shutdown=3, limit_concurrency=None, backlog=2048, server_header=False)  # fmt: skip
        self._server = server = uvicorn.Server(uv_config)

        def serve() -> None:
            try:
                asyncio.run(server.serve())
            except BaseException as exc:  # noqa: BLE001 - a bind failure: start() reports it
                self._error = exc
            if not server.started and self._error is None:
                self._error = ServerError(QT_TR_NOOP("The server could not listen on {host}:{port}.", host=settings.host, port=settings.port))

        self._thread = threading.Thread(target=serve, name="serve-uvicorn", daemon=True)
        self._thread.start()
        waited = 0.0
        while not server.started and self._thread.is_alive() and waited < timeout_s:
            self._thread.join(0.05)
            waited += 0.05
        if not server.started:
            self.stop()
            error = self._error
            if isinstance(error, SystemExit):  # uvicorn exits when it cannot bind
                raise ServerError(QT_TR_NOOP("The server could not listen on {host}:{port} (is the port in use?).", host=settings.host, port=settings.port))
            if isinstance(error, HangarError):
                raise error
            raise ServerError(QT_TR_NOOP("The server did not start: {error}", error=error or "time-out"))
        sockets = [s for srv in getattr(server, "servers", []) for s in srv.sockets]
        self.port = sockets[0].getsockname()[1] if sockets else settings.port
        log.info("serving on %s", self.url)
        self._started_at = time.time()
        self.app.audit.record(AuditEvent.SERVER_SESSION, phase="start", address=self.url, parallel=settings.serve.n_parallel, n_ctx=settings.serve.n_ctx)
        return self

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def wait(self, timeout_s: float | None = None) -> None:
        if self._thread is not None:
            self._thread.join(timeout_s)

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=10)
        self.pool.close()
        if self._started_at is not None:  # counts and token totals, never a prompt
            totals, started, self._started_at = dict(self.pool.totals), self._started_at, None
            self.app.audit.record(AuditEvent.SERVER_SESSION, phase="stop", address=self.url, duration_s=round(time.time() - started, 1),
                                  requests=totals.get("requests", 0), prompt_tokens=totals.get("prompt_tokens", 0),
                                  completion_tokens=totals.get("completion_tokens", 0), failed=totals.get("failed", 0),
                                  cancelled=totals.get("cancelled", 0))  # fmt: skip

    def __enter__(self) -> "ServerRunner":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
