"""License audit of local models and Hub repositories: clues gathered, verdicts given.

For a local file the clues are its GGUF metadata, a LICENSE file beside it (Hugging
Face cache snapshots and imported folders often have one) and the Hub card's license
recorded when Hangar downloaded it. For a Hub repository they are its card and, when
reachable, its base models' cards. The organisation's policy lives in the data folder
as ``license-policy.json`` (the same file format people import and export).
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path

from ..common.errors import HangarError
from ..config.context import AppContext
from ..gguf.header import read_header
from ..library.models import LocalModel
from .detect import Detection, detect
from .openness import Openness, assess
from .policy import Policy, Verdict, evaluate

log = logging.getLogger(__name__)
LICENSE_FILES = ("LICENSE", "LICENSE.txt", "LICENSE.md", "LICENCE", "license", "LICENSE-MODEL")
MAX_LICENSE_BYTES = 512 * 1024


@dataclass
class Audit:
    subject: str  # a model name, a repo id or a file
    repo: str | None
    detection: Detection
    verdict: Verdict
    openness: Openness
    model: LocalModel | None = None

    def to_dict(self) -> dict:
        return {"subject": self.subject, "repo": self.repo, **self.detection.to_dict(), "policy": self.verdict.to_dict(),
                "openness": self.openness.to_dict()}  # fmt: skip


def policy_path(ctx: AppContext) -> Path:
    return ctx.paths.data / "license-policy.json"


def current_policy(ctx: AppContext) -> Policy:
    """The saved policy; the default (commercial use, no territory) until one is saved."""
    path = policy_path(ctx)
    return Policy.load(path) if path.is_file() else Policy()


def save_policy(ctx: AppContext, policy: Policy) -> None:
    policy.validate()
    path = policy_path(ctx)
    tmp = path.with_suffix(".tmp")
    policy.save(tmp)
    tmp.replace(path)


def license_text_near(path: Path) -> str | None:
    for name in LICENSE_FILES:
        candidate = path.parent / name
        if candidate.is_file():
            try:
                with open(candidate, "rb") as handle:
                    return handle.read(MAX_LICENSE_BYTES).decode("utf-8", "replace")
            except OSError:
                return None
    return None


def gguf_clues(path: Path) -> dict:
    try:
        header = read_header(path)
    except (HangarError, OSError) as exc:
        log.info("no GGUF metadata for the license audit of %s: %s", path, exc)
        return {}
    return {k: v for k, v in header.metadata.items() if k.startswith("general.")}


def card_of(ctx: AppContext, model: LocalModel) -> dict | None:
    """What the Hub card said when Hangar downloaded this file: license and base models."""
    row = ctx.database.query_one("SELECT license, base_model FROM downloads WHERE dest_path = ?", (model.path,))
    if row is None:
        return None
    card = {"license": row["license"]} if row["license"] else {}
    try:
        bases = json.loads(row["base_model"]) if row["base_model"] else []
    except ValueError:
        bases = []
    if isinstance(bases, list) and bases:
        card["base_model"] = bases
    return card or None


def audit_file(path: Path, policy: Policy, *, card: dict | None = None, subject: str | None = None, model: LocalModel | None = None) -> Audit:
    meta = gguf_clues(path)
    names = [n for n in ((model.repo if model else None), meta.get("general.name"), path.stem) if isinstance(n, str) and n]
    detection = detect(card=card, gguf=meta, license_text=license_text_near(path), name=" ".join(names))
    # A card from the downloads table holds what was read from the repository's README at download time:
    # the repository had a model card, although its text is not kept.
    return Audit(subject or path.name, model.repo if model else None, detection, evaluate(policy, detection),
                 assess(detection.license, card, architecture_known=bool(meta.get("general.architecture")), has_card=bool(card and model and model.repo)),
                 model)  # fmt: skip


def audit_local(ctx: AppContext, models: list[LocalModel], policy: Policy | None = None) -> list[Audit]:
    """The library's models (from the application layer) against the policy."""
    policy = policy or current_policy(ctx)
    audits = []
    for model in models:
        audits.append(audit_file(Path(model.path), policy, card=card_of(ctx, model), subject=model.name, model=model))
    return audits


def audit_repo(details, policy: Policy, base_cards: dict[str, dict] | None = None) -> Audit:
    """A Hub repository being viewed (hub.catalog.RepoDetails), before anything is downloaded."""
    card = dict(details.card_data or {})
    card.setdefault("license", details.license)
    detection = detect(card=card, gguf=_hub_gguf(details.gguf), base_cards=base_cards, name=details.id)
    return Audit(details.id, details.id, detection, evaluate(policy, detection), assess(detection.license, card, details.card_text))


def base_cards_for(catalog, details) -> dict[str, dict]:
    """The base models' cards, read from the Hub when it answers (best effort)."""
    cards = {}
    for base in details.base_model[:3]:
        try:
            cards[base] = catalog.repo(base, with_card=False).card_data
        except HangarError as exc:
            log.info("base model %s not readable for the license audit: %s", base, exc)
    return cards


def _hub_gguf(gguf: dict) -> dict:
    """The Hub's own GGUF summary has no general.license; keep what is there under GGUF names."""
    return {f"general.{k}": v for k, v in (gguf or {}).items() if k in ("license", "architecture")}
