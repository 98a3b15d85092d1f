"""The license policy applied to a remote model, by its name.

An endpoint serves a model whose files Hangar never sees: no GGUF metadata, no LICENSE file,
no card. What is left is the name it is served under, often the Hub repository
("Qwen/Qwen2.5-7B-Instruct" on vLLM) or a family tag ("qwen2.5:3b" on Ollama). That name goes
through the same rule the audit uses for a base model known only by name
(detect.BASE_MODEL_LICENSES); a name that matches no family is "review", with a reason that
says why, never "allowed".
"""

from __future__ import annotations

from ..common.i18n import QT_TR_NOOP
from ..licenses.audit import Audit
from ..licenses.detect import detect
from ..licenses.enums import PolicyVerdict
from ..licenses.kb import UNKNOWN
from ..licenses.openness import assess
from ..licenses.policy import Policy, Verdict, evaluate


def audit_remote(model: str, endpoint: str, policy: Policy) -> Audit:
    """The policy's verdict on ``model`` served by ``endpoint``."""
    name = model.strip()
    as_repo = name.replace(":", "-")  # Ollama's family:size tags read as the family's repositories do
    detection = detect(card={"base_model": [as_repo]})
    if detection.license.id == UNKNOWN:
        verdict = Verdict(PolicyVerdict.REVIEW, [QT_TR_NOOP(
            "The license of the remote model {model} (on {endpoint}) could not be checked: Hangar cannot read its files, and its name matches "
            "no model family Hangar knows. A person must review it before use.", model=name, endpoint=endpoint)])  # fmt: skip
    else:
        verdict = evaluate(policy, detection)
        verdict.reasons.append(QT_TR_NOOP("Judged by the name {model} alone: the endpoint {endpoint} serves it, and Hangar cannot read its files.",
                                          model=name, endpoint=endpoint))  # fmt: skip
    return Audit(f"{name} ({endpoint})", name if "/" in name else None, detection, verdict, assess(detection.license, None, architecture_known=False))
