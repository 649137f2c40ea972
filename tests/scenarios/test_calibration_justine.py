"""#HasJustineLandedYet (20-21 Dec 2013) against its record (issue 7, cases.md §11).

Total 50,000-200,000 (more than 98,000 hashtag mentions); the first press pickup 2-5 h after the
10:19 post (Valleywag, about 13:30), from an account of about 170 followers.  The player is the
employer, IAC: condemning the post and acting (what IAC did) beats defending her.
"""

import datetime as dt
import statistics

from timeline import first_press

from game.engine.simulate import summary
from game.scenario.library import load

SCENARIO = "justine"
STRATEGIES = {"historical": 8, "defend-her": 8}

POSTED = dt.datetime(2013, 12, 20, 10, 19)


def hours_to_first_press(run):
    first = first_press(run.timeline)
    return None if first is None else (first - POSTED).total_seconds() / 3600


def test_the_post_comes_from_an_account_of_about_170_followers():
    circle = next(s for s in load("justine").audience.segments if s.id == "circle")
    assert circle.size == 170


def test_historical_volume_lands_in_the_documented_range(runs):
    assert 50_000 <= summary(runs["historical"])["total_posts"]["median"] <= 200_000


def test_first_press_pickup_comes_two_to_five_hours_after_the_post(runs):
    hours = [hours_to_first_press(run) for run in runs["historical"]]
    assert all(h is not None for h in hours)
    assert 2 <= statistics.median(hours) <= 5


def test_condemning_and_acting_beats_defending_her(runs):
    right, wrong = summary(runs["historical"]), summary(runs["defend-her"])
    assert right["final_reputation"]["median"] > wrong["final_reputation"]["median"] + 3
    assert right["total_posts"]["median"] < wrong["total_posts"]["median"]
    assert all(run.outcome == "success" for run in runs["historical"])
    assert all(run.outcome == "failure" for run in runs["defend-her"])
