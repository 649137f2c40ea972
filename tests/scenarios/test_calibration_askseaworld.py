"""Calibration of #AskSeaWorld against its record (issue 7): 40,000-120,000 posts over its seven
days (Topsy: more than 59,000); the historical playbook attacks the critics, which spawns the
counter-hashtag; acknowledging the orca question beats attacking the askers."""


from game.engine.simulate import summary

SCENARIO = "askseaworld"
RUNS = 8
STRATEGIES = {"historical": RUNS, "acknowledge-and-answer": RUNS}


def test_historical_volume_over_seven_days_lands_in_the_documented_range(scenario, runs):
    historical = runs["historical"]
    assert sum(p.turn_minutes * p.turns for p in scenario.clock.phases) == 7 * 24 * 60
    assert 40_000 <= summary(historical)["total_posts"]["median"] <= 120_000


def test_the_historical_playbook_attacks_and_the_critics_answer_with_a_counter_hashtag(runs):
    historical = runs["historical"]
    for run in historical:
        events = [e for row in run.timeline for e in row["events"]]
        assert "counter_hashtag" in events
    assert all(r.outcome == "failure" for r in historical)


def test_acknowledging_the_orca_question_beats_attacking_the_askers(runs):
    historical, acknowledged = runs["historical"], runs["acknowledge-and-answer"]
    hist, ack = summary(historical), summary(acknowledged)
    assert ack["outcomes"].get("success", 0) > RUNS / 2
    assert ack["final_reputation"]["median"] > hist["final_reputation"]["median"] + 10
    # About half the week's posts: attacks keep the critics posting (a design claim, not a record figure).
    assert ack["total_posts"]["median"] < 0.6 * hist["total_posts"]["median"]
