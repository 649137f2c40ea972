"""The hold-outs in tests/holdouts/ (cases written from their records alone, docs/scenarios.md
"Hold-outs") stay valid files that play: their results are reported, not asserted."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine import Game
from game.scenario.loader import load_scenario_with_warnings

HOLDOUTS = sorted((Path(__file__).parents[1] / "holdouts").glob("*.yaml"))


def test_there_are_at_least_two_holdouts():
    assert len(HOLDOUTS) >= 2


@pytest.mark.parametrize("path", HOLDOUTS, ids=lambda p: p.stem)
def test_a_holdout_is_valid_without_warnings_and_derives_its_crowds(path):
    scenario, warnings = load_scenario_with_warnings(path.read_bytes(), path.name)
    assert warnings == []
    assert scenario.audience.segments == []  # written by the guide: the crowds are the engine's
    game = Game(scenario, 1)
    assert [s.id for s in game.scenario.audience.segments][0] == "followers"
    game.end_turn()
    assert game.state.history
