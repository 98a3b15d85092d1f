"""A comparison as Markdown (to read or paste into a review) or JSON (to process).

Blind and not yet voted: the export hides the names (Model A, B ...), the references and the
shuffle, so a session shared for others to judge stays blind. Once voted, everything shows.
"""

from __future__ import annotations

import json

from ..common.i18n import QT_TR_NOOP
from .session import TIE, ColumnState, CompareSession

_PARAMS = ("temperature", "top_p", "top_k", "min_p", "repeat_penalty", "max_tokens", "seed")


def to_json(session: CompareSession) -> str:
    return json.dumps({"format": "hangar-compare", "version": 1, **session.to_dict()}, ensure_ascii=False, indent=2)


def _stats(column) -> str:  # noqa: ANN001 - session.Column
    parts = [QT_TR_NOOP("{n} tokens", n=column.n_generated)]
    if column.gen_tps is not None:
        parts.append(QT_TR_NOOP("{tps:.1f} tokens/s", tps=column.gen_tps))
    if column.ttft_ms is not None:
        parts.append(QT_TR_NOOP("first token {ms:.0f} ms", ms=column.ttft_ms))
    return ", ".join(parts)


def to_markdown(session: CompareSession) -> str:
    data = session.to_dict()
    lines = ["# " + QT_TR_NOOP("Comparison"), ""]
    if session.created_at:
        lines.append(f"- {QT_TR_NOOP('Date')}: {session.created_at}")
    lines.append(f"- {QT_TR_NOOP('Blind')}: {QT_TR_NOOP('yes') if session.blind else QT_TR_NOOP('no')}")
    if session.schedule_words:
        lines.append(f"- {QT_TR_NOOP('Run')}: {session.schedule_words}")
    lines.append(f"- {QT_TR_NOOP('Sampling')}: " + ", ".join(f"{k} {session.params[k]}" for k in _PARAMS if k in session.params))
    if session.voted:
        winner = QT_TR_NOOP("a tie") if session.winner == TIE else session.title(session.winner_index())
        lines.append(f"- {QT_TR_NOOP('Better answer')}: {winner}")
        if session.note:
            lines.append(f"- {QT_TR_NOOP('Note')}: {session.note}")
    elif session.blind:
        lines.append(f"- {QT_TR_NOOP('The names are hidden until the vote.')}")
    if session.system_prompt.strip():
        lines += ["", "## " + QT_TR_NOOP("System prompt"), "", session.system_prompt.strip()]
    lines += ["", "## " + QT_TR_NOOP("Prompt"), "", session.prompt.strip()]
    for i, (column, shown) in enumerate(zip(session.columns, data["columns"])):
        heading = shown["name"] if session.revealed else str(session.label(i))
        if session.revealed and session.blind:
            heading = f"{session.label(i)}: {heading}"
        if session.winner_index() == i:
            heading += " ✓"
        lines += ["", f"## {heading}", "", f"*{_stats(column)}*"]
        if column.state == ColumnState.FAILED:
            lines += ["", "> " + QT_TR_NOOP("Failed: {reason}", reason=column.error or "")]
        elif column.state == ColumnState.STOPPED:
            lines += ["", "> " + QT_TR_NOOP("Stopped before the end.")]
        lines += ["", column.text.strip() or "—"]
    return "\n".join(lines) + "\n"
