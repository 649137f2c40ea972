"""Calibration of #WaitroseReasons against its record (issue 7): the low-grievance control case.
The negative share stays under 0.40, and thanking people with humour ends with reputation no lower
than it started; cancelling the campaign is the wrong answer here."""

from game.engine.simulate import summary

SCENARIO = "waitrosereasons"
RUNS = 8
STRATEGIES = {"historical": RUNS, "cancel-early": RUNS}


def test_historical_negative_share_stays_under_two_fifths(runs):
    historical = summary(runs["historical"])
    assert historical["negative_share"]["median"] < 0.40


def test_thanking_people_with_humour_keeps_reputation_where_it_started(scenario, runs):
    historical = summary(runs["historical"])
    assert historical["final_reputation"]["median"] >= scenario.organisation.reputation


def test_laughing_along_beats_cancelling_the_campaign(runs):
    historical, cancelled = summary(runs["historical"]), summary(runs["cancel-early"])
    assert historical["outcomes"].get("success", 0) > RUNS / 2
    assert cancelled["outcomes"].get("success", 0) == 0
    assert historical["final_reputation"]["median"] > cancelled["final_reputation"]["median"]
