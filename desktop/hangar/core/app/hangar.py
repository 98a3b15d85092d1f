"""The application: every service built once over one AppContext, for every face.

The window (ui/services.py wraps it), ``hangar-cli`` (cli/framework.py builds it) and
the coming server only call these services and render what they return; none of them
constructs a Library, a DownloadManager, an EngineClient or a store itself (the
architecture tests check it). Every change the services make is announced once on
``changes``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..config.context import AppContext
from .audit import AuditService
from .bench import BenchService
from .changes import Announcer
from .chats import ChatService
from .downloads import DownloadService
from .endpoints import EndpointService
from .evals import EvalService
from .fleet import FleetService
from .governance import Governance
from .hosting import ModelHost
from .hub import HubService
from .library import LibraryService
from .licenses import LicenseService
from .policy import PolicyService
from .quality import QualityService
from .serve_bench import BenchServeService
from .settings import SettingsService
from .transfer import TransferService
from .updates import UpdateService

if TYPE_CHECKING:
    from .compare import CompareController
    from .conversation import ChatController


@dataclass
class Hangar:
    ctx: AppContext
    changes: Announcer = field(default_factory=Announcer)

    def __post_init__(self) -> None:
        ctx, changes = self.ctx, self.changes
        self.audit = AuditService(ctx.audit, changes)  # first: the services record to it
        self.settings = SettingsService(ctx, changes)
        self.settings.apply_network()  # the Hub mirror, proxy and CA bundle, before any Hub call
        self.library = LibraryService(ctx, changes, self.audit)
        self.policy = PolicyService(ctx, changes, self.audit)
        self.endpoints = EndpointService(ctx, changes, self.policy, self.audit)
        self.hub = HubService(lambda: ctx.models_dir)
        self.licenses = LicenseService(ctx, self.library, self.policy, self.hub)
        self.models = ModelHost(ctx, self.library)
        self.bench = BenchService(ctx, self.library, self.models)
        self.evals = EvalService(ctx, self.models)  # evaluation suites over chosen models (core/evals), stored and compared
        self.quality = QualityService(ctx, self.library, self.models)  # perplexity and KL divergence of quants (llama-perplexity's method)
        self.fleet = FleetService(ctx, self.bench)  # runs from this and other machines, compared and costed
        self.serve_bench = BenchServeService(ctx, app=self)  # serving benchmarks (core/loadgen) of Hangar's server or any endpoint, stored in the fleet
        self._downloads: DownloadService | None = None
        self._serving = None
        self.chats = ChatService(ctx, changes)
        self.transfer = TransferService(self)  # air-gapped bundles: export, and import with every hash checked
        self.governance = Governance(self)  # the managed policy's gates: download, load, serve, export
        self.updates = UpdateService(self)  # update checks against the Hub, pins, and updates (core/lifecycle)
        self.models.gate, self.models.audit = self.governance.check_use, self.audit

    @classmethod
    def open(cls, environ: dict[str, str] | None = None) -> "Hangar":
        return cls(AppContext.open(environ))

    @property
    def downloads(self) -> DownloadService:
        """Built on first use: commands that never download do not plan a queue."""
        if self._downloads is None:
            self._downloads = DownloadService(self.ctx.database, self.changes, lambda: self.ctx.models_dir, audit=self.audit,
                                              gate=self.governance.check_download)
        return self._downloads

    @property
    def serving(self):
        """The server's model pool (core/app/serving.py), built on first use: only ``serve`` needs it."""
        if self._serving is None:
            from .serving import ModelPool

            self._serving = ModelPool(self)
        return self._serving

    def held_by_server(self, ref: str | int):
        """The server's loaded copy of model ``ref``, lent (``LoadedModel.close()`` gives it back), or
        None when no server in this process holds it: Chat then loads its own."""
        if self._serving is None:
            return None
        path, _model = self.models.resolve(ref)
        return self._serving.borrow(path)

    @property
    def api_keys(self):
        """The server's API keys (stored hashed in the data folder)."""
        from .api_keys import keys_for

        return keys_for(self)

    def chat_controller(self) -> "ChatController":
        """A new chat view's state (one per view; they share the store and the change reports)."""
        from .conversation import ChatController

        return ChatController(self)

    def compare_controller(self) -> "CompareController":
        """A new Compare view's state: 2 to 4 models on one prompt, side by side (core/app/compare.py)."""
        from .compare import CompareController

        return CompareController(self)

    @property
    def paths(self):
        return self.ctx.paths

    def close(self) -> None:
        if self._serving is not None:
            self._serving.close()
        if self._downloads is not None:
            self._downloads.stop()
        self.ctx.close()
