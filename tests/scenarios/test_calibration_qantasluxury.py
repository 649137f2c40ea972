"""Calibration of #QantasLuxury against its record (issue 7): 15,000-45,000 posts from the 09:00
launch to 16:30 that day (Vizisense: more than 22,000); naming the grounding and closing the contest
early beats running it on with good humour, as Qantas did."""

import datetime as dt
import statistics

from timeline import posts_between

from game.engine.simulate import summary

SCENARIO = "qantasluxury"
RUNS = 8
STRATEGIES = {"historical": RUNS, "own-it-early": RUNS}
LAUNCH = dt.datetime(2011, 11, 22, 9, 0)
COUNT_AT = dt.datetime(2011, 11, 22, 16, 30)


def test_historical_volume_from_launch_to_16_30_lands_in_the_documented_range(runs):
    historical = runs["historical"]
    median = statistics.median(posts_between(r.timeline, LAUNCH, COUNT_AT) for r in historical)
    assert 15_000 <= median <= 45_000


def test_the_press_has_it_the_same_day(runs):
    historical = runs["historical"]
    firsts = [next((row["time"] for row in r.timeline
                    if any(e.startswith("press-") for e in row["events"])), None) for r in historical]
    same_day = [t for t in firsts if t is not None and t.startswith("2011-11-22")]
    assert len(same_day) > RUNS / 2


def test_naming_the_grounding_early_beats_running_on_with_good_humour(runs):
    historical, owned = runs["historical"], runs["own-it-early"]
    hist, own = summary(historical), summary(owned)
    assert own["outcomes"].get("success", 0) > RUNS / 2
    assert hist["outcomes"].get("success", 0) == 0
    assert own["final_reputation"]["median"] > hist["final_reputation"]["median"]
    assert own["total_posts"]["median"] < hist["total_posts"]["median"]
