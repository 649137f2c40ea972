"""Calibration of DiGiorno #WhyIStayed against its record (issue 7): deleting within minutes and
apologising one by one keeps total volume under a tenth of #AskJPM's, and the story is over within
a day."""

import statistics
from datetime import datetime

from game.engine.simulate import summary
from game.scenario.library import load

SCENARIO = "digiorno"
RUNS = 8
STRATEGIES = {"historical": RUNS, "silent": RUNS}


def _hourly_rates(result):
    """Posts per hour in each turn (the first turns are 15 minutes, later ones an hour)."""
    times = [datetime.fromisoformat(row["time"]) for row in result.timeline]
    rates = []
    for k, row in enumerate(result.timeline):
        end = times[k + 1] if k + 1 < len(times) else times[k] + (times[k] - times[k - 1])
        rates.append(row["posts"] / ((end - times[k]).total_seconds() / 3600.0))
    return rates


def _tail_share(result):
    """Posts per hour over the last three hours of the first day, as a share of the peak hour rate."""
    rates = _hourly_rates(result)
    return statistics.mean(rates[-3:]) / max(rates)


def test_historical_volume_stays_under_a_tenth_of_askjpm(runs, calibrate):
    historical = runs["historical"]
    askjpm_volume = summary(calibrate("askjpm", "historical", RUNS))["total_posts"]["median"]
    median = summary(historical)["total_posts"]["median"]
    assert median < askjpm_volume / 10, (median, askjpm_volume)


def test_the_historical_story_is_over_within_a_day(runs):
    historical = runs["historical"]
    clock = load("digiorno").clock
    hours = sum(p.turns * p.turn_minutes for p in clock.phases) / 60
    assert hours <= 24
    share = statistics.median(_tail_share(r) for r in historical)
    assert share < 0.15, share


def test_delete_and_apologise_beats_silence(runs):
    historical, silent = runs["historical"], runs["silent"]
    h, s = summary(historical), summary(silent)
    assert h["total_posts"]["median"] < s["total_posts"]["median"] / 2
    assert h["final_reputation"]["median"] > s["final_reputation"]["median"]
    assert h["outcomes"].get("success", 0) > RUNS / 2
    assert s["outcomes"].get("success", 0) == 0
    # Left up and unanswered, the joke is still drawing posts at the end of the day.
    assert statistics.median(_tail_share(r) for r in silent) > statistics.median(_tail_share(r) for r in historical)
