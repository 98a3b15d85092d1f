"""Sampling and context parameters of a conversation, and the presets people save.

A conversation stores its parameters as a plain dict (``conversations.params_json``) so
that old conversations keep working when a parameter is added: missing keys take the
defaults below, unknown keys are ignored, and values are checked before they reach the
worker so a bad preset file says what is wrong instead of failing mid-reply.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..common.errors import InvalidInput
from ..common.i18n import QT_TR_NOOP
from ..runner import protocol as P


@dataclass(frozen=True)
class Param:
    name: str
    kind: type
    default: Any
    low: float | None = None
    high: float | None = None


PARAMS: tuple[Param, ...] = (
    Param("temperature", float, 0.7, 0.0, 5.0),
    Param("top_p", float, 0.95, 0.0, 1.0),
    Param("top_k", int, 40, 0, 1000),
    Param("min_p", float, 0.05, 0.0, 1.0),
    Param("repeat_penalty", float, 1.1, 0.5, 3.0),
    Param("max_tokens", int, 1024, 1, 131072),
    Param("seed", int, -1, -1, 2**31 - 1),  # -1: a new random seed for every reply
    Param("n_ctx", int, 4096, 256, 1048576),
)
DEFAULTS: dict[str, Any] = {p.name: p.default for p in PARAMS}

# Named presets every installation starts with; people add their own beside them.
BUILTIN_PRESETS: dict[str, dict[str, Any]] = {
    "Balanced": dict(DEFAULTS),
    "Precise (deterministic)": {**DEFAULTS, "temperature": 0.0, "top_k": 1, "seed": 42},
    "Creative": {**DEFAULTS, "temperature": 1.0, "top_p": 0.98, "min_p": 0.02, "repeat_penalty": 1.05},
}


def normalise(params: dict[str, Any] | None) -> dict[str, Any]:
    """Every parameter present, of the right type and inside its range; raises InvalidInput."""
    out = dict(DEFAULTS)
    for param in PARAMS:
        if not params or param.name not in params or params[param.name] is None:
            continue
        raw = params[param.name]
        if isinstance(raw, bool) or not isinstance(raw, (int, float, str)):
            raise InvalidInput(QT_TR_NOOP("{name} must be a number, not {value}", name=param.name, value=repr(raw)))
        try:
            value = param.kind(float(raw)) if param.kind is int else float(raw)
        except (TypeError, ValueError):
            raise InvalidInput(QT_TR_NOOP("{name} must be a number, not {value}", name=param.name, value=repr(raw))) from None
        if value != value or (param.low is not None and value < param.low) or (param.high is not None and value > param.high):
            raise InvalidInput(QT_TR_NOOP("{name} must be between {low} and {high}, not {value}", name=param.name, low=param.low, high=param.high, value=repr(raw)))
        out[param.name] = value
    return out


def generate_options(params: dict[str, Any] | None) -> P.GenerateOptions:
    values = normalise(params)
    return P.GenerateOptions(
        max_tokens=values["max_tokens"], temperature=values["temperature"], top_p=values["top_p"], top_k=values["top_k"],
        min_p=values["min_p"], repeat_penalty=values["repeat_penalty"], seed=None if values["seed"] < 0 else values["seed"],
    )  # fmt: skip
