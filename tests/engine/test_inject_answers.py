"""An inject's answered state (issue 18 items 5-6): the team's first action after it that its
``answered_by`` names — a built-in kind, a statement's id or a custom action's id."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from game.engine import Game
from game.engine.actions import Inject, Monitor, Pause, Statement
from game.engine.injects import inject_answers
from game.scenario.models import Scenario

HERE = Path(__file__).parent


@pytest.fixture(scope="module")
def scenario() -> Scenario:
    data = yaml.safe_load((HERE / "mini.yaml").read_text())
    data["injects"] = [
        {
            "id": "reporter",
            "label": "A reporter calls",
            "headline": "A reporter wants a comment",
            "answered_by": ["inform"],
        },
        {"id": "boss", "label": "The boss asks", "headline": "Make it stop", "answered_by": ["pause", "escalate"]},
        {"id": "news", "label": "Just news", "headline": "Something happened"},
    ]
    return Scenario.model_validate(data)


def _answers(game: Game) -> dict[str, str | None]:
    found = inject_answers(game.scenario, game.state.taken)
    return {a.inject_id or "typed": (a.answer.label if a.answer else None) for a in found}


def test_only_an_action_the_inject_names_and_taken_after_it_answers_it(scenario):
    game = Game(scenario, 1)
    game.apply(Pause())  # before the boss's inject: does not answer it
    game.apply(Inject(inject_id="boss"))
    game.apply(Inject(inject_id="reporter"))
    game.apply(Monitor())  # named by neither
    assert _answers(game) == {"boss": None, "reporter": None}
    game.end_turn()
    game.apply(Statement(option="trolls"))  # a statement, but not the one the reporter waits for
    assert _answers(game)["reporter"] is None
    game.end_turn()
    game.apply(Statement(option="inform"))  # turns later still answers it
    assert _answers(game) == {"boss": None, "reporter": "Statement: Postpone (inform)"}


def test_a_built_in_kind_answers_whatever_its_details_and_news_asks_for_nothing(scenario):
    game = Game(scenario, 1)
    game.end_turn()
    game.apply(Inject(inject_id="boss"))
    game.apply(Inject(inject_id="news"))
    game.apply(Inject(headline="A TV crew is outside"))
    game.apply(Pause())
    found = inject_answers(game.scenario, game.state.taken)
    assert [(a.inject_id, a.asks, a.answered) for a in found] == [
        ("boss", True, True),
        ("news", False, False),
        (None, False, False),
    ]
    assert found[0].answer.turn == 2
