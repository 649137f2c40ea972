"""Calibration of the tutorial (a fictional teaching case): the seasoned manager's play wins,
silence does not, and the case is short and easy (issue 7)."""

import pytest

from game.engine.simulate import run_batch
from game.scenario.library import load

RUNS, SEED = 8, 1


@pytest.fixture(scope="module")
def scenario():
    return load("tutorial")


@pytest.fixture(scope="module")
def historical(scenario):
    return run_batch(scenario, "historical", RUNS, SEED)


@pytest.fixture(scope="module")
def silent(scenario):
    return run_batch(scenario, "silent", RUNS, SEED)


def _successes(results):
    return sum(r.outcome == "success" for r in results)


def test_the_seasoned_managers_play_ends_in_success(historical):
    assert _successes(historical) > RUNS / 2, [r.ending for r in historical]


def test_staying_silent_does_not_end_in_success(silent):
    assert _successes(silent) == 0, [r.ending for r in silent]


def test_the_tutorial_is_short_and_easy(scenario):
    turns = sum(phase.turns for phase in scenario.clock.phases)
    assert 6 <= turns <= 8
    assert scenario.difficulty == "easy"


def test_an_early_acknowledgement_beats_pushing_back(scenario, historical):
    push_back = run_batch(scenario, "push-back", RUNS, SEED)
    assert all(r.outcome == "failure" for r in push_back)
    median = lambda rs: sorted(r.final_reputation for r in rs)[len(rs) // 2]
    assert median(historical) > median(push_back)
