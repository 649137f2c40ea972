"""What became of the facilitator's injects in one game: when each arrived, and which of the team's
later actions answered it (the inject's ``answered_by``: built-in action kinds, statement ids,
custom action ids).  The workshop's dashboard, ``workshop status`` and the comparative report read
these records; they are computed from the game's decisions, so a replayed game gives the same."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from game.engine.state import TakenAction
from game.scenario.models import Scenario


@dataclass(frozen=True)
class InjectAnswer:
    """One inject the team received, and the first action after it that answers it."""

    inject_id: str | None  # None: a headline typed on the spot (it names no answer)
    received: TakenAction  # the inject, as it is in the decision timeline
    answer: TakenAction | None  # the team's answering action, or None (not answered, or nothing asked)
    asks: bool  # the inject names answers (``answered_by``): "not answered" is then worth saying

    @property
    def answered(self) -> bool:
        return self.answer is not None


def answers(action: TakenAction, names: Sequence[str]) -> bool:
    """Whether ``action`` is one of ``names``: its kind, its statement's id or its custom action's id."""
    if action.kind == "inject":
        return False
    if action.kind in names:
        return True
    if action.kind == "statement":
        return action.detail.get("option") in names
    if action.kind == "custom":
        return action.detail.get("action_id") in names
    return False


def inject_answers(scenario: Scenario, taken: Sequence[TakenAction]) -> list[InjectAnswer]:
    """Every inject in ``taken`` (the game's decisions, in order), with the first later action that
    answers it — in the same turn or any after."""
    wanted = {inject.id: tuple(inject.answered_by) for inject in scenario.injects}
    found = []
    for index, action in enumerate(taken):
        if action.kind != "inject":
            continue
        inject_id = action.detail.get("inject_id") or None
        names = wanted.get(inject_id, ()) if inject_id else ()
        answer = next((later for later in taken[index + 1 :] if answers(later, names)), None) if names else None
        found.append(InjectAnswer(inject_id, action, answer, bool(names)))
    return found
