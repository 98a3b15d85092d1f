"""The organisation's license policy, written once and shared as a file, and its verdicts.

Each model gets allowed, review or blocked, with every reason spelled out. Review is
the answer whenever a fact is missing or was not checked against the license text:
a compliance tool that guesses "allowed" is worse than none.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from ..common.errors import InvalidInput
from ..common.i18n import QT_TR_NOOP, joined
from ..common.small_files import UnsuitableFile, read_small_file
from .detect import Detection
from .enums import Confidence, OutputsTraining, PolicyVerdict
from .kb import UNKNOWN, LicenseInfo, fact_label

EU_MEMBERS = frozenset(
    "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split()
)  # the 27 member states (ISO 3166-1 alpha-2); licenses write "EU" for all of them
VERDICTS = tuple(PolicyVerdict)
POLICY_FORMAT = "hangar-license-policy"
MAX_POLICY_BYTES = 1024 * 1024  # six answers and a name: a policy is under 1 KB (`--policy /dev/zero` is refused)


@dataclass
class Policy:
    name: str = "Our policy"
    commercial_use_required: bool = True
    territories: list[str] = field(default_factory=list)  # where the organisation operates: ISO codes or "EU"
    max_monthly_users: int | None = None  # the largest user base a product may reach
    attribution_acceptable: bool = True  # may we show "Built with …" and name derivatives as the license asks?
    research_only_acceptable: bool = False
    outputs_for_training_needed: bool = False  # do we train other models on this model's outputs?
    # May prompts go to remote endpoints (core/endpoints)? An organisation whose data must stay on
    # its machines says no; a managed policy (the governance work) can force it.
    allow_remote_endpoints: bool = True

    def validate(self) -> "Policy":
        if not isinstance(self.name, str) or not self.name.strip():
            raise InvalidInput(QT_TR_NOOP("A policy needs a name."))
        if not isinstance(self.territories, list) or not all(isinstance(t, str) for t in self.territories):
            raise InvalidInput(QT_TR_NOOP("territories must be a list of ISO 3166 country codes (or EU), e.g. [\"DE\", \"FR\"]"))
        self.territories = sorted({t.strip().upper() for t in self.territories if t.strip()})
        bad = [t for t in self.territories if not (t == "EU" or (len(t) == 2 and t.isalpha()))]
        if bad:
            raise InvalidInput(QT_TR_NOOP("not ISO 3166 country codes: {codes}", codes=", ".join(bad)))
        if self.max_monthly_users is not None and (isinstance(self.max_monthly_users, bool) or not isinstance(self.max_monthly_users, int) or self.max_monthly_users < 0):
            raise InvalidInput(QT_TR_NOOP("max_monthly_users must be a whole number of users, or null for no limit"))
        for name in ("commercial_use_required", "attribution_acceptable", "research_only_acceptable", "outputs_for_training_needed", "allow_remote_endpoints"):
            if not isinstance(getattr(self, name), bool):
                raise InvalidInput(QT_TR_NOOP("{name} must be true or false", name=name))
        return self

    def to_json(self) -> str:
        return json.dumps({"format": POLICY_FORMAT, "version": 1, **asdict(self)}, indent=2, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> "Policy":
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise InvalidInput(QT_TR_NOOP("This is not a policy file (not JSON: {problem}).", problem=str(exc))) from None
        except RecursionError:
            raise InvalidInput(QT_TR_NOOP("This is not a policy file (not JSON: {problem}).", problem=QT_TR_NOOP("it is nested too deeply"))) from None
        if not isinstance(data, dict) or data.get("format") != POLICY_FORMAT:
            raise InvalidInput(QT_TR_NOOP("This is not a Hangar license policy (expected \"format\": \"{format}\").", format=POLICY_FORMAT))
        known = {f.name for f in fields(cls)}
        try:
            return cls(**{k: v for k, v in data.items() if k in known}).validate()
        except TypeError as exc:
            raise InvalidInput(QT_TR_NOOP("The policy file is malformed: {problem}", problem=str(exc))) from None

    def save(self, path: Path) -> None:
        path.write_text(self.to_json(), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> "Policy":
        """A regular file of at most MAX_POLICY_BYTES (a FIFO or a device is refused unopened),
        UTF-8 with or without a BOM."""
        try:
            text = read_small_file(Path(path), MAX_POLICY_BYTES).decode("utf-8-sig")
        except UnsuitableFile as exc:
            raise InvalidInput(QT_TR_NOOP("Cannot read the policy file {path}: {problem}", path=path, problem=exc.reason)) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise InvalidInput(QT_TR_NOOP("Cannot read the policy file {path}: {problem}", path=path, problem=str(exc))) from None
        return cls.from_json(text)


@dataclass
class Verdict:
    verdict: PolicyVerdict
    reasons: list[str]  # QT_TR_NOOP messages: English here, translated in the window

    def to_dict(self) -> dict:
        return {"verdict": self.verdict, "reasons": list(self.reasons)}


def excluded_territories(policy: Policy, info: LicenseInfo) -> list[str]:
    exclusions = set(info.territory_exclusions)
    hits = []
    for territory in policy.territories:
        if territory in exclusions or (territory in EU_MEMBERS and "EU" in exclusions) or (territory == "EU" and exclusions & (EU_MEMBERS | {"EU"})):
            hits.append(territory)
    return hits


def evaluate(policy: Policy, detection: Detection) -> Verdict:
    info = detection.license
    name = info.name
    blocked: list[str] = []
    review: list[str] = []
    if info.id == UNKNOWN:
        return Verdict(PolicyVerdict.REVIEW, [QT_TR_NOOP("The license could not be determined; a person must review it before use.")])
    if info.commercial_use is False or info.research_only:
        if policy.commercial_use_required and info.research_only:
            blocked.append(QT_TR_NOOP("{license} does not allow commercial use (research and non-commercial use only).", license=name))
        elif policy.commercial_use_required:
            blocked.append(QT_TR_NOOP("{license} does not allow commercial use.", license=name))
        elif info.research_only and not policy.research_only_acceptable:
            blocked.append(QT_TR_NOOP("{license} is for research only, which this policy does not accept.", license=name))
    elif info.commercial_use is None and policy.commercial_use_required:
        review.append(QT_TR_NOOP("Whether {license} allows commercial use is not known.", license=name))
    places = excluded_territories(policy, info)
    if places:
        blocked.append(QT_TR_NOOP("{license} excludes {excluded}, and you operate in {places}.", license=name,
                                  excluded=", ".join(info.territory_exclusions), places=", ".join(places)))  # fmt: skip
    if info.user_cap is not None:
        if policy.max_monthly_users is None:
            review.append(QT_TR_NOOP("{license} needs a separate license above {cap:,} monthly active users; the policy sets no user limit.",
                                     license=name, cap=info.user_cap))  # fmt: skip
        elif policy.max_monthly_users > info.user_cap:
            blocked.append(QT_TR_NOOP("{license} needs a separate license above {cap:,} monthly active users; you plan for {users:,}.",
                                      license=name, cap=info.user_cap, users=policy.max_monthly_users))  # fmt: skip
    if info.attribution and not policy.attribution_acceptable:
        blocked.append(QT_TR_NOOP("{license} requires attribution or naming that this policy does not accept: {duty}", license=name, duty=info.duties()[0]))
    if policy.outputs_for_training_needed:
        if info.outputs_training == OutputsTraining.BANNED:
            blocked.append(QT_TR_NOOP("{license} forbids using its outputs to train other models.", license=name))
        elif info.outputs_training in (OutputsTraining.RESTRICTED, OutputsTraining.UNKNOWN):
            review.append(QT_TR_NOOP("{license}: using outputs to train other models is {terms}. {note}", license=name,
                                     terms=info.outputs_training.label, note=info.outputs_training_note))  # fmt: skip
    if detection.confidence == Confidence.LOW:
        if detection.warnings:
            review.append(QT_TR_NOOP("The license was detected with low confidence: {warnings}", warnings=joined(detection.warnings)))
        else:
            review.append(QT_TR_NOOP("The license was detected with low confidence: few or conflicting clues."))
    if not info.verified and not blocked:
        unchecked = joined([fact_label(f) for f in info.unverified_fields], ", ") if info.unverified_fields else QT_TR_NOOP("all fields")
        review.append(QT_TR_NOOP("Hangar's facts about {license} were not checked against the license text ({fields}).", license=name, fields=unchecked))
    if blocked:
        return Verdict(PolicyVerdict.BLOCKED, blocked + review)
    if review:
        return Verdict(PolicyVerdict.REVIEW, review)
    if info.attribution:
        return Verdict(PolicyVerdict.ALLOWED, [QT_TR_NOOP("{license} fits this policy. Duties: {duties}.", license=name, duties=joined(list(info.duties()[:2]), "; "))])
    return Verdict(PolicyVerdict.ALLOWED, [QT_TR_NOOP("{license} fits this policy.", license=name)])
