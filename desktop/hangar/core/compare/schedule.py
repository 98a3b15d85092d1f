"""Together or one after another: the models of a comparison stream at the same time when
the machine can hold them all, otherwise each is loaded, answers and is closed in turn.

The same memory figures as a single load (core/runner/plan.py's needed bytes for the file and
context, against every device's free memory) summed over the local models; a remote model
needs nothing here. Together only when the sum stays under the margin a single load calls
"fits" (fit.TIGHT_MARGIN): two models that each fit tightly would swap together.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..common.i18n import QT_TR_NOOP, Text
from ..common.units import format_gib
from ..runner.fit import TIGHT_MARGIN


@dataclass(frozen=True)
class Schedule:
    together: bool
    n_models: int
    needed_bytes: int  # the local models together
    available_bytes: int

    def words(self) -> Text:
        if self.together:
            return QT_TR_NOOP("Together: the {n} models stream at the same time.", n=self.n_models)
        return QT_TR_NOOP("One after another: the machine cannot hold {n} models at once (needs {needed}, has {has}).", n=self.n_models,
                          needed=format_gib(self.needed_bytes), has=format_gib(self.available_bytes))  # fmt: skip


def decide(needs: list[int], available_bytes: int) -> Schedule:
    """``needs``: each model's bytes on this machine (0 for a remote one)."""
    needed = sum(needs)
    local = sum(1 for n in needs if n > 0)
    together = local <= 1 or needed <= available_bytes * TIGHT_MARGIN
    return Schedule(together, len(needs), needed, available_bytes)


def needed_bytes(path, devices, n_ctx: int) -> int:  # noqa: ANN001 - a GGUF file, plan Devices
    """What loading ``path`` with ``n_ctx`` takes on these devices (0 when the header is unreadable:
    the load itself then says why, in its column)."""
    from ..common.errors import HangarError
    from ..gguf.header import read_header
    from ..runner.plan import plan_for_header

    try:
        return plan_for_header(read_header(path), devices, n_ctx=n_ctx).needed_bytes
    except (HangarError, OSError, ValueError):
        return 0
