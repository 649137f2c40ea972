"""Calibration of the tutorial (a fictional teaching case): the seasoned manager's play wins,
silence does not, and the case is short and easy (issue 7)."""

SCENARIO = "tutorial"
RUNS = 8
STRATEGIES = {"historical": RUNS, "silent": RUNS}


def _successes(results):
    return sum(r.outcome == "success" for r in results)


def test_the_seasoned_managers_play_ends_in_success(runs):
    historical = runs["historical"]
    assert _successes(historical) > RUNS / 2, [r.ending for r in historical]


def test_staying_silent_does_not_end_in_success(runs):
    silent = runs["silent"]
    assert _successes(silent) == 0, [r.ending for r in silent]


def test_the_tutorial_is_short_and_easy(scenario):
    turns = sum(phase.turns for phase in scenario.clock.phases)
    assert 6 <= turns <= 8
    assert scenario.difficulty == "easy"


def test_an_early_acknowledgement_beats_pushing_back(calibrate, runs):
    historical = runs["historical"]
    push_back = calibrate(SCENARIO, "push-back", RUNS)
    assert all(r.outcome == "failure" for r in push_back)
    median = lambda rs: sorted(r.final_reputation for r in rs)[len(rs) // 2]
    assert median(historical) > median(push_back)
