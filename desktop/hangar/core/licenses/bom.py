"""An AI bill of materials for the local models, in CycloneDX 1.6 JSON.

Built with cyclonedx-python-lib (components, hashes, licenses, purls, pedigree) and
checked against the official 1.6 JSON schema before it is written. The library has no
model card yet (``Component.model_card`` is a TODO there), so the ``modelCard`` of each
model (its parameters and, when a benchmark ran on it, the measured speeds under
``quantitativeAnalysis``) is added to the serialised JSON by hand, then validated with
the rest.
"""

from __future__ import annotations

import json

from ... import __version__
from ..common.errors import HangarError
from ..common.i18n import QT_TR_NOOP
from ..config.context import AppContext
from .audit import Audit


class BomInvalid(HangarError):
    pass


def _license(audit: Audit):
    from cyclonedx.model.license import DisjunctiveLicense

    info = audit.detection.license
    if info.id == "unknown":
        return []
    if info.is_spdx:
        return [DisjunctiveLicense(id=info.spdx)]
    from cyclonedx.model import XsUri

    return [DisjunctiveLicense(name=f"{info.name} ({info.spdx})", url=XsUri(info.source_url) if info.source_url else None)]


def _purl(repo: str | None, revision: str | None):
    from packageurl import PackageURL

    if not repo or "/" not in repo:
        return None
    owner, name = repo.split("/", 1)
    return PackageURL(type="huggingface", namespace=owner, name=name, version=revision or None)


def _model_card(audit: Audit, bench: dict | None) -> dict:
    model = audit.model
    card: dict = {"modelParameters": {"task": "text-generation", "architectureFamily": model.architecture or "unknown",
                                      "modelArchitecture": f"{model.architecture or 'unknown'} {model.quant or ''}".strip()}}  # fmt: skip
    if bench:
        metrics = []
        for key, label in (("pp_ts", "prompt processing (tokens/s)"), ("tg_ts", "text generation (tokens/s)")):
            if bench.get(key):
                metrics.append({"type": label, "value": f"{bench[key]:.2f}", "slice": f"{bench.get('runtime', '')} {bench.get('device') or ''}".strip()})
        if metrics:
            card["quantitativeAnalysis"] = {"performanceMetrics": metrics}
    card["considerations"] = {"ethicalConsiderations": [{"name": r} for r in audit.verdict.reasons[:5]]}
    return card


def latest_benchmarks(ctx: AppContext) -> dict[str, dict]:
    rows = ctx.database.query("SELECT model_path, pp_ts, tg_ts, runtime, device FROM bench_runs ORDER BY id")
    return {r["model_path"]: dict(r) for r in rows}


def build_bom(ctx: AppContext, audits: list[Audit]) -> dict:
    from cyclonedx.model import HashAlgorithm, HashType, Property
    from cyclonedx.model.bom import Bom
    from cyclonedx.model.component import Component, ComponentType, Pedigree
    from cyclonedx.model.contact import OrganizationalEntity
    from cyclonedx.output.json import JsonV1Dot6

    bench = latest_benchmarks(ctx)
    bom = Bom()
    root = Component(name="Hangar local model inventory", type=ComponentType.APPLICATION, version=__version__, bom_ref="hangar-inventory")
    bom.metadata.component = root
    cards: dict[str, dict] = {}
    for audit in audits:
        model = audit.model
        if model is None:
            continue
        ancestors = []
        for e in audit.detection.evidence:
            if e.source.startswith("base model") and "/" in e.field:
                ancestors.append(Component(name=e.field, type=ComponentType.MACHINE_LEARNING_MODEL, purl=_purl(e.field, None)))
        component = Component(
            name=model.name, type=ComponentType.MACHINE_LEARNING_MODEL, version=model.revision or None,
            bom_ref=f"model-{model.id}", purl=_purl(model.repo, model.revision),
            supplier=OrganizationalEntity(name=model.repo.split("/")[0]) if model.repo and "/" in model.repo else None,
            hashes=[HashType(alg=HashAlgorithm.SHA_256, content=model.sha256)] if model.sha256 else [],
            licenses=_license(audit), pedigree=Pedigree(ancestors=ancestors) if ancestors else None,
            properties=[Property(name="hangar:file", value=model.path), Property(name="hangar:quant", value=model.quant or "?"),
                        Property(name="hangar:license-verdict", value=audit.verdict.verdict),
                        Property(name="hangar:license-confidence", value=audit.detection.confidence)],
        )  # fmt: skip
        bom.components.add(component)
        bom.register_dependency(root, [component])
        cards[f"model-{model.id}"] = _model_card(audit, bench.get(model.path))
    data = json.loads(JsonV1Dot6(bom).output_as_string())
    for component in data.get("components", []):
        if component.get("bom-ref") in cards:
            component["modelCard"] = cards[component["bom-ref"]]
    validate(data)
    return data


def validate(data: dict) -> None:
    """Raise BomInvalid unless the document is valid CycloneDX 1.6 JSON (the official schema)."""
    from cyclonedx.schema import SchemaVersion
    from cyclonedx.validation.json import JsonStrictValidator

    error = JsonStrictValidator(SchemaVersion.V1_6).validate_str(json.dumps(data))
    if error is not None:
        raise BomInvalid(QT_TR_NOOP("The bill of materials does not validate against CycloneDX 1.6: {error}", error=str(error)))
