"""Total cost per million output tokens: the level chosen (the best that meets the SLO, or the
user's), hardware / utilisation, energy × PUE, the single stream labelled; bad inputs refused."""

from __future__ import annotations

import pytest

from hangar.core.common.errors import InvalidInput
from hangar.core.fleet.cost import SINGLE_STREAM, FleetCostInputs, choose_level, level_costs, machine_cost

from .documents import ascend_doc, bench_doc, h100_doc, level, serve_doc

HOURLY = FleetCostInputs(price_per_hour=3.6, currency="USD")


def test_the_best_level_that_meets_the_slo_is_costed() -> None:
    doc = h100_doc()  # 16 has the most throughput but only 5 of 8 requests met the SLO
    chosen, how, why = choose_level(doc)
    assert chosen["max_concurrency"] == 4 and how == "meets SLO" and why is None
    figure = machine_cost(doc, HOURLY)
    assert figure.concurrency == 4 and figure.basis == "concurrency 4" and figure.output_throughput == 200.0
    assert figure.hardware == pytest.approx(3.6 * (1e6 / 200) / 3600) == figure.total and figure.energy_basis == "none"


def test_a_picked_level_and_one_that_is_not_there() -> None:
    assert machine_cost(h100_doc(), HOURLY, concurrency=16).concurrency == 16
    assert machine_cost(h100_doc(), FleetCostInputs(price_per_hour=1, concurrency=16)).chosen == "picked"
    missing = machine_cost(h100_doc(), HOURLY, concurrency=8)
    assert missing.total is None and "no level at concurrency 8 (it has 1, 4, 16)" in missing.reason


def test_without_an_slo_the_highest_throughput_level_is_costed() -> None:
    figure = machine_cost(serve_doc("box", slo=False, levels=[level(1, 50, 40, 15, good=0), level(8, 300, 200, 25, good=0)]), HOURLY)
    assert figure.concurrency == 8 and figure.chosen == "no SLO given"


def test_no_level_meeting_the_slo_says_so_and_failed_levels_are_left_out() -> None:
    doc = serve_doc("box", levels=[level(1, 50, 40, 15, good=2), level(8, 300, 200, 25, status="failed")])
    figure = machine_cost(doc, HOURLY)
    assert figure.total is None and "no level met the SLO" in figure.reason
    assert [c for c, *_ in level_costs(doc, HOURLY)] == [1], "the failed level has no cost point"
    with_pick = machine_cost(doc, HOURLY, concurrency=8)
    assert with_pick.total is None and "did not finish (failed)" in with_pick.reason


def test_utilisation_and_pue() -> None:
    full = machine_cost(h100_doc(), FleetCostInputs(price_per_hour=3.6, electricity_per_kwh=0.2, power_watts=1000))
    part = machine_cost(h100_doc(), FleetCostInputs(price_per_hour=3.6, electricity_per_kwh=0.2, power_watts=1000, utilisation=0.3, pue=1.5))
    assert part.hardware == pytest.approx(full.hardware / 0.3), "a machine used 30% of the time costs 1/0.3 per useful hour"
    assert part.electricity == pytest.approx(full.electricity * 1.5), "only the hours it works draw power, times the PUE"
    assert full.electricity == pytest.approx(1000 * (1e6 / 200) / 3.6e6 * 0.2) and full.energy_basis == "entered power"


def test_measured_energy_wins_over_the_entered_power() -> None:
    inputs = FleetCostInputs(electricity_per_kwh=0.1, power_watts=5000)
    figure = machine_cost(ascend_doc(), inputs)
    chosen = next(lv for lv in ascend_doc()["levels"] if lv["max_concurrency"] == figure.concurrency)
    assert figure.energy_basis == "measured"
    assert figure.electricity == pytest.approx(chosen["j_per_output_token"] * 1e6 / 3.6e6 * 0.1)
    only_power = ascend_doc()
    for lv in only_power["levels"]:
        del lv["j_per_output_token"]
    again = machine_cost(only_power, inputs)
    assert again.energy_basis == "measured" and again.electricity == pytest.approx(figure.electricity), "average power × time is the same energy"


def test_purchase_price_over_lifetime() -> None:
    figure = machine_cost(h100_doc(), FleetCostInputs(purchase_price=26_280 * 2.0, lifetime_hours=26_280))
    assert figure.hardware == pytest.approx(2.0 * (1e6 / 200) / 3600)


def test_the_single_stream_figure_is_labelled() -> None:
    figure = machine_cost(bench_doc(tg=25.0), HOURLY)
    assert figure.basis == SINGLE_STREAM == "single stream" and figure.chosen == SINGLE_STREAM and figure.concurrency is None
    assert figure.total == pytest.approx(3.6 * (1e6 / 25) / 3600)
    assert machine_cost(bench_doc(), None).reason == "no cost inputs entered for this-laptop"
    assert "enter an hourly price" in machine_cost(bench_doc(), FleetCostInputs()).reason


@pytest.mark.parametrize(
    ("inputs", "words"),
    [
        (dict(purchase_price=100_000, lifetime_hours=0), "lifetime is 0 hours"),
        (dict(purchase_price=100_000, lifetime_hours=-10), "lifetime is -10 hours"),
        (dict(lifetime_hours=-1), "lifetime"),
        (dict(pue=0.95), "PUE is 0.95: it is at least 1"),
        (dict(utilisation=0), "utilisation is 0"),
        (dict(utilisation=1.2), "utilisation is 1.2"),
        (dict(utilisation=-0.5), "utilisation is -0.5"),
        (dict(price_per_hour=-2), "price per hour is -2: a price cannot be negative"),
        (dict(purchase_price=-1, lifetime_hours=10), "purchase price is -1"),
        (dict(electricity_per_kwh=-0.1), "electricity price is -0.1 per kWh"),
        (dict(power_watts=-5), "power draw is -5 W"),
        (dict(concurrency=0), "concurrency to cost is 0"),
        (dict(currency=""), "currency"),
        (dict(pue=float("nan")), "should be a number"),
    ],
)
def test_bad_inputs_are_refused_with_their_reason(inputs: dict, words: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        FleetCostInputs(**inputs).check()
    assert words in caught.value.message


def test_inputs_from_a_dict() -> None:
    assert FleetCostInputs.from_dict({"price_per_hour": 2.0, "pue": 1.2}).pue == 1.2
    with pytest.raises(InvalidInput, match="Unknown cost input lifetime"):
        FleetCostInputs.from_dict({"lifetime": 5})
