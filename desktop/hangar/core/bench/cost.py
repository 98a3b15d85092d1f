"""What a million generated tokens cost on this hardware: time plus electricity.

Hardware cost is either a price per hour (a cloud instance, a lease) or a purchase
price spread over a lifetime of hours. Electricity uses the measured joules per token
when a counter exists, otherwise the power draw the user entered. Both parts are shown
so a reader can check the arithmetic.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum

J_PER_KWH = 3.6e6


class EnergyBasis(StrEnum):
    """Where the electricity figure comes from (the values saved results have always had)."""

    MEASURED = "measured"  # an energy counter during the run
    ENTERED_POWER = "entered power"  # the power draw the user entered
    NONE = "none"


@dataclass
class CostInputs:
    price_per_hour: float = 0.0  # currency per hour of the machine
    purchase_price: float = 0.0  # or: what it cost ...
    lifetime_hours: float = 0.0  # ... spread over this many hours of use
    electricity_per_kwh: float = 0.0
    power_watts: float = 0.0  # used when no energy counter measured the run
    currency: str = "USD"

    @property
    def hourly(self) -> float:
        if self.price_per_hour > 0:
            return self.price_per_hour
        if self.purchase_price > 0 and self.lifetime_hours > 0:
            return self.purchase_price / self.lifetime_hours
        return 0.0


@dataclass
class CostPerMillion:
    hardware: float
    electricity: float
    total: float
    energy_basis: EnergyBasis
    currency: str

    def to_dict(self) -> dict:
        return asdict(self)


def cost_per_million(tokens_per_s: float, j_per_token: float | None, inputs: CostInputs) -> CostPerMillion | None:
    if tokens_per_s <= 0 or (inputs.hourly <= 0 and inputs.electricity_per_kwh <= 0):
        return None
    seconds = 1e6 / tokens_per_s
    hardware = inputs.hourly * seconds / 3600
    if j_per_token is not None:
        joules, basis = j_per_token * 1e6, EnergyBasis.MEASURED
    elif inputs.power_watts > 0:
        joules, basis = inputs.power_watts * seconds, EnergyBasis.ENTERED_POWER
    else:
        joules, basis = 0.0, EnergyBasis.NONE
    electricity = joules / J_PER_KWH * inputs.electricity_per_kwh
    return CostPerMillion(hardware, electricity, hardware + electricity, basis, inputs.currency)
