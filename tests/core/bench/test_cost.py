"""Cost per million tokens: hourly or amortised hardware, measured or entered energy."""

from __future__ import annotations

import pytest

from hangar.core.bench.cost import CostInputs, cost_per_million


def test_hourly_price_and_measured_energy() -> None:
    # 100 t/s -> 10,000 s per million tokens = 2.777 h; 0.5 J/token -> 500 kJ = 0.1389 kWh
    cost = cost_per_million(100.0, 0.5, CostInputs(price_per_hour=3.6, electricity_per_kwh=0.36))
    assert cost.hardware == pytest.approx(10.0)
    assert cost.electricity == pytest.approx(0.05)
    assert cost.total == pytest.approx(10.05) and cost.energy_basis == "measured"


def test_purchase_price_over_lifetime_and_entered_power() -> None:
    inputs = CostInputs(purchase_price=36_000, lifetime_hours=36_000, electricity_per_kwh=0.2, power_watts=360)
    cost = cost_per_million(50.0, None, inputs)  # 20,000 s: 5.556 h at 1/h; 360 W x 20,000 s = 2 kWh
    assert cost.hardware == pytest.approx(20_000 / 3600)
    assert cost.electricity == pytest.approx(0.4) and cost.energy_basis == "entered power"


def test_nothing_entered_means_no_cost() -> None:
    assert cost_per_million(100.0, 0.5, CostInputs()) is None
    assert cost_per_million(0.0, 0.5, CostInputs(price_per_hour=1)) is None
