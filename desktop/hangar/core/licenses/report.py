"""The audit report: one self-contained HTML page a legal reviewer can open or print to PDF.

Every value that came from a model or a card is escaped: a license name with markup in
it prints as text.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from ... import __version__
from .audit import Audit
from .kb import UNKNOWN
from .policy import Policy

_STYLE = """
body { font-family: system-ui, sans-serif; margin: 2em; color: #222; }
table { border-collapse: collapse; width: 100%; margin-bottom: 1.5em; }
th, td { border: 1px solid #ccc; padding: 6px 8px; text-align: left; vertical-align: top; font-size: 13px; }
th { background: #f2f2f2; }
.allowed { color: #1b5e20; font-weight: bold; } .review { color: #8a6d00; font-weight: bold; } .blocked { color: #b3261e; font-weight: bold; }
.small { color: #666; font-size: 12px; } .sha { font-family: monospace; word-break: break-all; }
"""


def _list(items) -> str:
    items = [i for i in items if i]
    return "<ul>" + "".join(f"<li>{escape(str(i))}</li>" for i in items) + "</ul>" if items else "–"


def _once(reasons: list) -> list:
    """Each reason once: a low-confidence verdict quotes the detection's warning, which is listed
    too; a reason contained in a longer one is dropped."""
    texts = [str(r) for r in reasons]
    return [r for i, (r, t) in enumerate(zip(reasons, texts)) if t not in texts[:i] and not any(t != other and t in other for other in texts)]


UNDETERMINED_REASON = "The license could not be determined; a person must review it before use."  # policy.evaluate's reason for "unknown"


def _reasons(audit: Audit) -> list:
    """The verdict's reasons and the detection's warnings, each said once: for an unknown license
    the detection's warning says what was seen, so the verdict's shorter sentence is left out."""
    reasons = list(audit.verdict.reasons)
    if audit.detection.warnings and audit.detection.license.id == UNKNOWN:
        reasons = [r for r in reasons if getattr(r, "template", str(r)) != UNDETERMINED_REASON]
    return _once(reasons + list(audit.detection.warnings))


def audit_html(audits: list[Audit], policy: Policy) -> str:
    when = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    counts = {v: sum(1 for a in audits if a.verdict.verdict == v) for v in ("allowed", "review", "blocked")}
    rows = []
    for a in audits:
        info = a.detection.license
        rows.append(
            "<tr>"
            f"<td>{escape(a.subject)}<div class='small'>{escape(a.repo or '')}</div>"
            f"<div class='small sha'>{escape(a.model.sha256 or '') if a.model else ''}</div></td>"
            f"<td>{escape(info.name)}<div class='small'>{escape(info.spdx)} · confidence {escape(a.detection.confidence)}"
            f"{'' if info.verified else ' · facts not verified against the text'}</div></td>"
            f"<td class='{escape(a.verdict.verdict)}'>{escape(a.verdict.verdict)}</td>"
            f"<td>{_list(_reasons(a))}</td>"
            f"<td>{_list(info.attribution)}</td>"
            f"<td>{_list(f'{e.source} · {e.field}: {e.value}' for e in a.detection.evidence)}</td>"
            f"<td>{escape(a.openness.model_class)}</td>"
            "</tr>"
        )
    territories = ", ".join(policy.territories) or "none given"
    users = f"{policy.max_monthly_users:,}" if policy.max_monthly_users is not None else "no limit given"
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Hangar license audit</title><style>{_STYLE}</style></head><body>
<h1>License audit of local models</h1>
<p class="small">Made by Hangar {escape(__version__)} on {when}. Not legal advice: each verdict follows the policy below and the
facts in Hangar's license knowledge base; read the full license text before relying on it.</p>
<h2>Policy: {escape(policy.name)}</h2>
<ul><li>Commercial use required: {"yes" if policy.commercial_use_required else "no"}</li>
<li>Territories where we operate: {escape(territories)}</li><li>Largest user base: {escape(users)}</li>
<li>Attribution and naming duties acceptable: {"yes" if policy.attribution_acceptable else "no"}</li>
<li>Research-only licenses acceptable: {"yes" if policy.research_only_acceptable else "no"}</li>
<li>Outputs used to train other models: {"yes" if policy.outputs_for_training_needed else "no"}</li></ul>
<p>{len(audits)} models: {counts["allowed"]} allowed, {counts["review"]} to review, {counts["blocked"]} blocked.</p>
<table><tr><th>Model</th><th>License</th><th>Verdict</th><th>Reasons</th><th>Duties</th><th>Evidence</th><th>Openness (MOF)</th></tr>
{''.join(rows)}
</table></body></html>
"""
