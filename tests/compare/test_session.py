"""A comparison's state: 2 to 4 models, fixed sampling, the blind shuffle and the vote."""

from __future__ import annotations

import random

import pytest

from hangar.core.common.errors import InvalidInput
from hangar.core.common.units import GIB
from hangar.core.compare.schedule import decide
from hangar.core.compare.session import FIXED_SEED, TIE, ColumnState, CompareSession

MODELS = [("a.gguf", "Alpha", False), ("b.gguf", "Beta", False), ("remote:lab:gamma", "gamma (lab)", True)]


def _ended(session: CompareSession) -> CompareSession:
    for column in session.columns:
        column.state = ColumnState.DONE
    return session


def test_two_to_four_different_models_and_a_prompt() -> None:
    with pytest.raises(InvalidInput, match="2 to 4 models, not 1"):
        CompareSession.create(MODELS[:1], "hi")
    with pytest.raises(InvalidInput, match="2 to 4 models, not 5"):
        CompareSession.create([(f"{i}.gguf", str(i), False) for i in range(5)], "hi")
    with pytest.raises(InvalidInput, match="once"):
        CompareSession.create([MODELS[0], MODELS[0]], "hi")
    with pytest.raises(InvalidInput, match="prompt"):
        CompareSession.create(MODELS[:2], "   ")
    with pytest.raises(InvalidInput, match="temperature"):
        CompareSession.create(MODELS[:2], "hi", params={"temperature": 9})


def test_sampling_is_fixed_and_the_same_for_every_column() -> None:
    session = CompareSession.create(MODELS[:2], "hi", system_prompt="Be brief.", params={"temperature": 0.2, "max_tokens": 50})
    assert session.params["seed"] == FIXED_SEED and session.params["temperature"] == 0.2 and session.params["max_tokens"] == 50
    assert session.messages() == [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "hi"}]
    assert CompareSession.create(MODELS[:2], "hi", params={"seed": 7}).params["seed"] == 7
    assert [c.name for c in session.columns] == ["Alpha", "Beta"] and session.order == [0, 1], "not blind: the person's order"
    assert session.title(0) == "Alpha" and session.revealed


def test_blind_mode_shuffles_hides_the_names_and_reveals_them_after_the_vote() -> None:
    session = CompareSession.create(MODELS, "hi", blind=True, rng=random.Random(3))
    assert sorted(session.order) == [0, 1, 2] and session.order != [0, 1, 2], "shuffled (this seed moves them)"
    assert [c.ref for c in session.columns] == [MODELS[i][0] for i in session.order], "the shuffle is recorded"
    assert [session.title(i) for i in range(3)] == ["Model A", "Model B", "Model C"] and not session.revealed
    with pytest.raises(InvalidInput, match="Wait until every answer"):
        session.vote(0)
    _ended(session).vote(1, "  clearer  ")
    assert session.winner == "B" and session.note == "clearer" and session.revealed
    assert session.title(1) == MODELS[session.order[1]][1]
    session.vote(None)
    assert session.winner == TIE and session.winner_index() is None
    with pytest.raises(InvalidInput, match="no column 4"):
        session.vote(3)


def test_the_dict_round_trips_and_hides_names_while_blind() -> None:
    session = CompareSession.create(MODELS[:2], "hi", blind=True, rng=random.Random(1))
    hidden = session.to_dict()
    assert hidden["order"] is None and {c["name"] for c in hidden["columns"]} == {"Model A", "Model B"}
    assert not any(c["ref"] for c in hidden["columns"])
    session.columns[0].error = "boom"
    _ended(session).vote(0, "n")
    again = CompareSession.from_dict(session.to_dict())
    assert again.to_dict() == session.to_dict() and again.columns[0].state == ColumnState.DONE


def test_together_only_when_every_local_model_fits_at_once() -> None:
    assert decide([3 * GIB, 3 * GIB], 16 * GIB).together
    apart = decide([6 * GIB, 6 * GIB, 6 * GIB], 16 * GIB)
    assert not apart.together and apart.needed_bytes == 18 * GIB
    assert apart.words() == "One after another: the machine cannot hold 3 models at once (needs 18.0 GiB, has 16.0 GiB)."
    assert not decide([7 * GIB, 7 * GIB], 16 * GIB).together, "14 of 16 GiB is over the margin a single load calls tight"
    assert decide([12 * GIB, 0], 16 * GIB).together, "a remote model needs nothing here"
    assert decide([20 * GIB, 0], 16 * GIB).together, "one local model alone: its own load says whether it fits"
    assert decide([1, 1], 16 * GIB).words() == "Together: the 2 models stream at the same time."
