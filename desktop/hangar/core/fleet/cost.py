"""Total cost per million output tokens for each machine, at the load it would really serve.

A served model's cost is set by its throughput under many users, so a sweep's figure comes
from one concurrency level: the highest-throughput level whose goodput covers all its
requests (every request met the SLO), or the level the user picks. A single-stream run
(kind "bench") has one figure, labelled "single stream" wherever it is shown.

Per million output tokens at throughput T tokens/s, a machine busy for 1e6 / T seconds:
- hardware: the hourly price (or purchase price / lifetime hours) / utilisation × that
  time; a machine used 30% of the time costs 1 / 0.3 per useful hour;
- electricity: joules for a million tokens (measured J/token, else measured average
  power × time, else the entered power draw × time) × PUE, in kWh × the price per kWh.
  Only the busy time draws power here: idle power is not measured.
The arithmetic itself is core/bench/cost.py's ``cost_per_million``, given the hourly
price divided by the utilisation and the electricity price times the PUE.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, fields

from ..bench.cost import CostInputs, EnergyBasis, cost_per_million
from ..common.errors import InvalidInput
from ..common.i18n import QT_TR_NOOP, Text

SINGLE_STREAM = "single stream"


@dataclass
class FleetCostInputs(CostInputs):
    """core/bench/cost.py's inputs plus what a machine in service adds."""

    pue: float = 1.0  # power usage effectiveness: the building's watts per watt the machine draws
    utilisation: float = 1.0  # share of the hours paid for that do useful work, in (0, 1]
    concurrency: int | None = None  # the level to cost; None: the best one that meets the SLO

    def check(self) -> "FleetCostInputs":
        """Itself, or InvalidInput saying which value is wrong and why (nothing is stored then)."""
        for name in ("price_per_hour", "purchase_price", "lifetime_hours", "electricity_per_kwh", "power_watts", "pue", "utilisation"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
                raise InvalidInput(QT_TR_NOOP("The cost input {field} should be a number, not {value}.", field=name, value=str(value)[:40]))
        if self.price_per_hour < 0:
            raise InvalidInput(QT_TR_NOOP("The price per hour is {value}: a price cannot be negative.", value=self.price_per_hour))
        if self.purchase_price < 0:
            raise InvalidInput(QT_TR_NOOP("The purchase price is {value}: a price cannot be negative.", value=self.purchase_price))
        if self.electricity_per_kwh < 0:
            raise InvalidInput(QT_TR_NOOP("The electricity price is {value} per kWh: a price cannot be negative.", value=self.electricity_per_kwh))
        if self.power_watts < 0:
            raise InvalidInput(QT_TR_NOOP("The power draw is {value} W: it cannot be negative.", value=self.power_watts))
        if self.lifetime_hours < 0 or (self.purchase_price > 0 and self.price_per_hour == 0 and self.lifetime_hours == 0):
            raise InvalidInput(
                QT_TR_NOOP("The lifetime is {value} hours: a purchase price is spread over a lifetime of more than 0 hours.", value=self.lifetime_hours),
                hint=QT_TR_NOOP("Three years of service around the clock is 26280 hours."),
            )
        if self.pue < 1:
            raise InvalidInput(
                QT_TR_NOOP("The PUE is {value}: it is at least 1 (1.0: every watt goes to the machine; data centres are about 1.1 to 1.6).", value=self.pue)
            )
        if not 0 < self.utilisation <= 1:
            raise InvalidInput(
                QT_TR_NOOP("The utilisation is {value}: it is the share of time the machine does useful work, more than 0 and at most 1 (0.3 for 30%).", value=self.utilisation)
            )
        if self.concurrency is not None and (isinstance(self.concurrency, bool) or not isinstance(self.concurrency, int) or self.concurrency < 1):
            raise InvalidInput(QT_TR_NOOP("The concurrency to cost is {value}: it is a whole number of at least 1.", value=self.concurrency))
        if not isinstance(self.currency, str) or not self.currency.strip() or len(self.currency) > 8:
            raise InvalidInput(QT_TR_NOOP("The currency should be a short code such as USD or CNY, not {value}.", value=str(self.currency)[:40]))
        return self

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "FleetCostInputs":
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise InvalidInput(QT_TR_NOOP("Unknown cost input {field}; the inputs are {choices}.", field=unknown[0], choices=", ".join(sorted(known))))
        return cls(**data).check()


@dataclass(frozen=True)
class MachineCost:
    """One machine's figure; ``total`` is None when it cannot be computed, and ``reason`` says why."""

    machine: str
    run_id: int | None
    kind: str
    model: str
    concurrency: int | None  # None: a single stream
    basis: str  # SINGLE_STREAM, or "concurrency N"
    chosen: str  # "single stream", "meets SLO", "no SLO given", "picked"
    output_throughput: float | None
    hardware: float | None
    electricity: float | None
    total: float | None
    energy_basis: str | None
    currency: str
    reason: Text | None = None

    def to_dict(self) -> dict:
        return asdict(self) | {"reason": str(self.reason) if self.reason else None}


def level_meets_slo(level: dict) -> bool | None:
    """True when the goodput covers every request of the level; None when no SLO was given."""
    goodput = level.get("request_goodput")
    if goodput is None or level.get("status") != "ok":
        return None if level.get("status") == "ok" else False
    requests = (level.get("completed") or 0) + (level.get("failed") or 0)
    return requests > 0 and goodput * (level.get("duration") or 0) >= requests - 0.5


def choose_level(doc: dict, concurrency: int | None = None) -> tuple[dict | None, str, Text | None]:
    """(level, how it was chosen, why none) for a bench-serve document."""
    ok = [level for level in doc["levels"] if level.get("status") == "ok" and level.get("output_throughput")]
    if concurrency is not None:
        picked = next((level for level in doc["levels"] if level["max_concurrency"] == concurrency), None)
        if picked is None:
            have = ", ".join(str(level["max_concurrency"]) for level in doc["levels"])
            return None, "picked", QT_TR_NOOP("this run has no level at concurrency {concurrency} (it has {levels})", concurrency=concurrency, levels=have)
        if picked not in ok:
            return None, "picked", QT_TR_NOOP("the level at concurrency {concurrency} did not finish ({status})", concurrency=concurrency, status=picked.get("status"))
        return picked, "picked", None
    if not ok:
        return None, "meets SLO", QT_TR_NOOP("no level of this run finished")
    verdicts = [level_meets_slo(level) for level in ok]
    slo_given = any(v is not None for v in ((doc.get("workload") or {}).get("slo") or {}).values())
    if not slo_given or all(v is None for v in verdicts):
        return max(ok, key=lambda level: level["output_throughput"]), "no SLO given", None
    meeting = [level for level, v in zip(ok, verdicts) if v]
    if not meeting:
        return None, "meets SLO", QT_TR_NOOP("no level met the SLO for all its requests; pick a concurrency to cost one anyway")
    return max(meeting, key=lambda level: level["output_throughput"]), "meets SLO", None


def single_stream_test(doc: dict) -> dict | None:
    """The generation test of a kind "bench" run (tg128; or a prompt+generation shape's generation)."""
    tests = [t for t in doc["results"] if t.get("n_gen")]
    return next((t for t in tests if not t.get("n_prompt")), tests[0] if tests else None)


def costed(throughput: float | None, j_per_token: float | None, avg_power_w: float | None, inputs: FleetCostInputs):
    """core/bench/cost.py's CostPerMillion for this load, or None (no throughput, no prices)."""
    if not throughput or throughput <= 0:
        return None
    if j_per_token is None and avg_power_w:
        j_per_token = avg_power_w / throughput
    scaled = CostInputs(price_per_hour=inputs.hourly / inputs.utilisation, electricity_per_kwh=inputs.electricity_per_kwh * inputs.pue,
                        power_watts=inputs.power_watts, currency=inputs.currency)  # fmt: skip
    return cost_per_million(throughput, j_per_token, scaled)


def machine_cost(doc: dict, inputs: FleetCostInputs | None, *, run_id: int | None = None, concurrency: int | None = None) -> MachineCost:
    machine = doc["machine"]["label"]
    currency = inputs.currency if inputs else "USD"
    if doc["kind"] == "bench":
        model = doc["model"].get("name") or doc["model"].get("path") or ""
        test = single_stream_test(doc)
        throughput = (test.get("gen_ts") or test["avg_ts"]) if test else None
        j_per_token, power, level_c, basis, chosen, why = (test or {}).get("j_per_token"), None, None, SINGLE_STREAM, SINGLE_STREAM, None
        if test is None:
            why = QT_TR_NOOP("this single-stream run has no generation test")
    else:
        model = doc["target"]["model"]
        picked = concurrency if concurrency is not None else (inputs.concurrency if inputs else None)
        level, chosen, why = choose_level(doc, picked)
        throughput = level["output_throughput"] if level else None
        j_per_token, power = (level.get("j_per_output_token"), level.get("avg_power_w")) if level else (None, None)
        level_c = level["max_concurrency"] if level else picked
        basis = f"concurrency {level_c}" if level_c is not None else ""
    result = dict(machine=machine, run_id=run_id, kind=doc["kind"], model=model, concurrency=level_c, basis=basis, chosen=chosen,
                  output_throughput=throughput, currency=currency)  # fmt: skip
    if why is None and inputs is None:
        why = QT_TR_NOOP("no cost inputs entered for {machine}", machine=machine)
    cost = costed(throughput, j_per_token, power, inputs) if why is None else None
    if cost is None:
        why = why or QT_TR_NOOP("enter an hourly price, a purchase price and lifetime, or an electricity price")
        return MachineCost(**result, hardware=None, electricity=None, total=None, energy_basis=None, reason=why)
    return MachineCost(**result, hardware=cost.hardware, electricity=cost.electricity, total=cost.total, energy_basis=str(cost.energy_basis))


def level_costs(doc: dict, inputs: FleetCostInputs | None) -> list[tuple[int | None, float, float, bool | None]]:
    """(concurrency, output tokens/s, cost per million, meets the SLO) for each finished level, for the chart."""
    if inputs is None:
        return []
    if doc["kind"] == "bench":
        test = single_stream_test(doc)
        cost = costed((test.get("gen_ts") or test["avg_ts"]) if test else None, (test or {}).get("j_per_token"), None, inputs)
        return [(None, test.get("gen_ts") or test["avg_ts"], cost.total, None)] if cost else []
    found = []
    for level in doc["levels"]:
        if level.get("status") != "ok":
            continue
        cost = costed(level.get("output_throughput"), level.get("j_per_output_token"), level.get("avg_power_w"), inputs)
        if cost is not None:
            found.append((level["max_concurrency"], level["output_throughput"], cost.total, level_meets_slo(level)))
    return found


__all__ = ["SINGLE_STREAM", "EnergyBasis", "FleetCostInputs", "MachineCost", "choose_level", "level_costs", "level_meets_slo", "machine_cost"]
