"""One comparison: the same prompt, with the same fixed sampling, to 2 to 4 models, each in
its own column; what each wrote and how fast; which answer the person preferred, and why.

Blind mode: the columns are shuffled and called Model A, B, C, D until the vote, so the
choice is about the answers, not the names. The shuffle is recorded (``order``) so a saved
session shows, after the vote, which model each letter was.
"""

from __future__ import annotations

import random
from dataclasses import asdict, dataclass, field
from enum import StrEnum

from ..chat.params import normalise
from ..common.errors import InvalidInput
from ..common.i18n import QT_TR_NOOP

MIN_MODELS, MAX_MODELS = 2, 4
LETTERS = "ABCD"
FIXED_SEED = 42  # "fixed sampling": a seed left random (-1) becomes this, the same for every column
TIE = "tie"


class ColumnState(StrEnum):
    WAITING = "waiting"  # one after another: its turn has not come
    LOADING = "loading"
    STREAMING = "streaming"
    DONE = "done"
    STOPPED = "stopped"  # Stop came before the answer ended
    FAILED = "failed"  # with a reason; the other columns go on


ENDED = (ColumnState.DONE, ColumnState.STOPPED, ColumnState.FAILED)


@dataclass
class Column:
    ref: str  # what loads it: a library reference, a file, or remote:ENDPOINT:MODEL
    name: str  # the model's name as people read it
    remote: bool = False
    state: ColumnState = ColumnState.WAITING
    text: str = ""
    n_prompt: int = 0
    n_generated: int = 0
    ttft_ms: float | None = None
    gen_tps: float | None = None
    total_ms: float | None = None
    stop_reason: str | None = None
    error: str | None = None  # why it failed

    @property
    def ended(self) -> bool:
        return self.state in ENDED

    def to_dict(self) -> dict:
        return {**asdict(self), "state": str(self.state)}

    @classmethod
    def from_dict(cls, data: dict) -> "Column":
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**{**known, "state": ColumnState(known.get("state", "waiting"))})


@dataclass
class CompareSession:
    columns: list[Column]  # in the order shown (shuffled in blind mode)
    prompt: str
    system_prompt: str = ""
    params: dict = field(default_factory=dict)  # normalised, the seed fixed
    blind: bool = False
    order: list[int] = field(default_factory=list)  # order[i]: the position in the person's list of the model shown in column i
    winner: str | None = None  # a column's letter (A-D), TIE, or None before the vote
    note: str = ""
    together: bool = True  # False: one after another (the machine cannot hold them all)
    schedule_words: str = ""  # the sentence that says which, and why
    id: int | None = None  # once stored
    created_at: str | None = None

    @classmethod
    def create(cls, models: list[tuple[str, str, bool]], prompt: str, *, system_prompt: str = "", params: dict | None = None,
               blind: bool = False, rng: random.Random | None = None) -> "CompareSession":  # fmt: skip
        """``models``: (ref, name, remote) in the person's order. InvalidInput for 0-1 or 5+ models,
        the same model twice, an empty prompt or a parameter out of range."""
        if not MIN_MODELS <= len(models) <= MAX_MODELS:
            raise InvalidInput(QT_TR_NOOP("Compare {low} to {high} models, not {n}.", low=MIN_MODELS, high=MAX_MODELS, n=len(models)))
        refs = [str(ref) for ref, _name, _remote in models]
        if len(set(refs)) != len(refs):
            raise InvalidInput(QT_TR_NOOP("Each model can be compared once; choose different models."))
        if not prompt.strip():
            raise InvalidInput(QT_TR_NOOP("Write a prompt for the models to answer."))
        values = normalise(params)
        if values["seed"] < 0:
            values["seed"] = FIXED_SEED
        order = list(range(len(models)))
        if blind:
            (rng or random.SystemRandom()).shuffle(order)
        columns = [Column(refs[i], models[i][1], bool(models[i][2])) for i in order]
        return cls(columns, prompt, system_prompt, values, blind, order)

    # -- what the view shows -------------------------------------------------------------------------
    @property
    def voted(self) -> bool:
        return self.winner is not None

    @property
    def revealed(self) -> bool:
        """The names may be shown: always, unless blind and not yet voted."""
        return not self.blind or self.voted

    @property
    def ended(self) -> bool:
        return all(c.ended for c in self.columns)

    def label(self, index: int) -> str:
        return QT_TR_NOOP("Model {letter}", letter=LETTERS[index])

    def title(self, index: int) -> str:
        """A column's heading: its model's name, or 'Model A' while the names are hidden."""
        return self.columns[index].name if self.revealed else self.label(index)

    def winner_index(self) -> int | None:
        return LETTERS.index(self.winner) if self.winner and self.winner != TIE else None

    def messages(self) -> list[dict[str, str]]:
        system = [{"role": "system", "content": self.system_prompt}] if self.system_prompt.strip() else []
        return [*system, {"role": "user", "content": self.prompt}]

    # -- the vote ------------------------------------------------------------------------------------
    def vote(self, column: int | None, note: str = "") -> None:
        """``column``: the better answer's column, or None for a tie. Once every column has ended;
        a new vote replaces the old one."""
        if not self.ended:
            raise InvalidInput(QT_TR_NOOP("Wait until every answer has ended, then vote."))
        if column is not None and not 0 <= column < len(self.columns):
            raise InvalidInput(QT_TR_NOOP("There is no column {n}.", n=column + 1))
        self.winner = TIE if column is None else LETTERS[column]
        self.note = note.strip()

    # -- stored and exported -------------------------------------------------------------------------
    def to_dict(self, *, hide_names: bool | None = None) -> dict:
        """Everything, as JSON takes it. ``hide_names`` (default: while blind and not voted) leaves out
        the names, references and the shuffle, so an export shared before the vote stays blind."""
        hide = (not self.revealed) if hide_names is None else hide_names
        columns = []
        for i, column in enumerate(self.columns):
            data = column.to_dict()
            data["label"] = LETTERS[i]
            if hide:
                data.update(ref=None, name=str(self.label(i)), remote=None)
            columns.append(data)
        return {"id": self.id, "created_at": self.created_at, "prompt": self.prompt, "system_prompt": self.system_prompt, "params": self.params,
                "blind": self.blind, "revealed": not hide, "order": None if hide else self.order, "winner": self.winner, "note": self.note,
                "together": self.together, "schedule": self.schedule_words, "columns": columns}  # fmt: skip

    @classmethod
    def from_dict(cls, data: dict) -> "CompareSession":
        columns = [Column.from_dict(c) for c in data["columns"]]
        return cls(columns, data["prompt"], data.get("system_prompt") or "", dict(data.get("params") or {}), bool(data.get("blind")),
                   list(data.get("order") or range(len(columns))), data.get("winner"), data.get("note") or "", bool(data.get("together", True)),
                   data.get("schedule") or "", data.get("id"), data.get("created_at"))  # fmt: skip
