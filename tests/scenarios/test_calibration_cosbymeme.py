"""#CosbyMeme (10 Nov 2014) against its record.

The record has no volume, so the calibration checks its shape (issue 7, cases.md §9): the posts
are overwhelmingly about the allegations (hostile), the first press story comes the same day, and
taking the tweet and generator down that afternoon (what the team did) limits the story compared
with leaving them up.
"""

import datetime as dt
import statistics

from timeline import first_press

from game.engine.simulate import summary

SCENARIO = "cosbymeme"
STRATEGIES = {"historical": 8, "leave-up": 8}

LAUNCH = dt.datetime(2014, 11, 10, 14, 0)
MIDNIGHT = dt.datetime(2014, 11, 11, 0, 0)


def test_historical_posts_are_overwhelmingly_hostile(runs):
    assert summary(runs["historical"])["negative_share"]["median"] >= 0.8


def test_first_press_story_comes_the_same_day(runs):
    times = [first_press(run.timeline) for run in runs["historical"]]
    assert all(t is not None for t in times)
    hours = statistics.median((t - LAUNCH).total_seconds() / 3600 for t in times)
    assert LAUNCH + dt.timedelta(hours=hours) < MIDNIGHT


def test_historical_volume_is_a_hijack_of_the_usual_order(runs):
    # Not on record: the assumption is 10^4-10^5 posts (cases.md, Patterns 6).
    assert 10_000 <= summary(runs["historical"])["total_posts"]["median"] <= 100_000


def test_taking_it_down_the_same_day_limits_the_story_compared_with_leaving_it_up(runs):
    pulled, left = summary(runs["historical"]), summary(runs["leave-up"])
    assert pulled["total_posts"]["median"] * 2 < left["total_posts"]["median"]
    assert pulled["final_reputation"]["median"] > left["final_reputation"]["median"]
    assert all(run.outcome == "failure" for run in runs["leave-up"])
