"""An inject's press attention lasts as its author meant, however long the turns (issue 18 item 6:
"press attention 1 -> 7 fell back to 1 after a two-day turn").  It fades over a story's life
(``params.press.inject_story_hours``), by the same law in a long turn as in short ones."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
import yaml

from game.engine import Game
from game.engine.actions import Inject
from game.scenario.models import Scenario

HERE = Path(__file__).parent


@pytest.fixture(scope="module")
def scenario() -> Scenario:
    """The engine's mini scenario (a two-day build-up of day-long turns, then half-hour turns) with a
    reporter's call that adds 6 to the press."""
    data = yaml.safe_load((HERE / "mini.yaml").read_text())
    data["clock"]["phases"][0] = {"name": "Build-up", "turns": 1, "turn_minutes": 2880}  # one two-day turn
    data["injects"] = [
        {
            "id": "reporter",
            "label": "A reporter calls",
            "headline": "A reporter is on the line",
            "effects": {"press": 6},
        }
    ]
    return Scenario.model_validate(data)


def _press_kept(scenario: Scenario, turns_before: int, seed: int = 3) -> tuple[float, float]:
    """(press with the inject - press without it, the turn's hours) at the end of the inject's turn."""
    plain, injected = Game(scenario, seed), Game(scenario, seed)
    for _ in range(turns_before):
        plain.end_turn()
        injected.end_turn()
    hours = injected.world.turn_minutes() / 60.0
    injected.apply(Inject(inject_id="reporter"))
    assert injected.world.press == pytest.approx(plain.world.press + 6.0)  # the news lands at once
    plain.end_turn()
    injected.end_turn()
    return injected.world.press - plain.world.press, hours


def test_a_two_day_turn_after_a_press_inject_keeps_part_of_it(scenario):
    kept, hours = _press_kept(scenario, turns_before=0)
    assert hours == 48.0
    # A day-long story: e^-2 of it after two days (about 0.8 points), where the storm's half-day
    # memory left 0.05 of it (e^-4.8).
    assert kept == pytest.approx(6.0 * math.exp(-2.0), rel=0.01)
    assert kept > 0.5


def test_a_half_hour_turn_keeps_nearly_all_of_it_and_the_fade_has_its_reason(scenario):
    kept, hours = _press_kept(scenario, turns_before=1)
    assert hours == 0.5
    assert kept == pytest.approx(6.0 * math.exp(-0.5 / 24.0), rel=0.01)


def test_the_held_attention_fades_by_the_same_law_over_the_following_turns(scenario):
    game = Game(scenario, 3)
    game.end_turn()
    game.apply(Inject(inject_id="reporter"))
    for _ in range(4):  # two hours of half-hour turns
        report = game.end_turn()
        assert any(c.meter == "press" and "the story fades" in c.reason for c in report.changes)
    assert game.world.press_held["A reporter is on the line"] == pytest.approx(6.0 * math.exp(-2.0 / 24.0))


def test_a_game_without_injects_holds_nothing(scenario):
    game = Game(scenario, 3)
    for _ in range(3):
        game.end_turn()
    assert game.world.press_held == {}
