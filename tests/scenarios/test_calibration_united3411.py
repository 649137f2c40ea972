"""United Express 3411 (9-12 Apr 2017) against its record (issue 7, cases.md §16).

750,000-3,000,000 mentions on 10 April (1.52 million, Brandwatch), 1,450,000-5,800,000 in the
three days to 12 April 18:00 (~2.9 million: the same half-to-double band), negative share 0.60-0.75
(68.6%), and the second and third statements each raise volume again: in the historical run the
posts in the turn of each of statements 2 and 3 exceed the turn before it (two-hour turns).
Taking responsibility first beats holding the line.  This is also the scale test: millions of
posts, simulated on an aggregated crowd.
"""

import datetime as dt
import statistics

from timeline import posts_between

from game.engine.simulate import summary

SCENARIO = "united3411"
STRATEGIES = {"historical": 8, "hold-the-line": 2, "responsibility-first": 2}
PARALLEL = True                  # millions of posts a run: one process per core
DAY_START = dt.datetime(2017, 4, 10)
DAY_END = dt.datetime(2017, 4, 11)


def statement_turns(timeline):
    return [i for i, row in enumerate(timeline) if "statement" in row["actions"]]


def test_mentions_on_10_april_land_in_the_documented_range(runs):
    day = statistics.median(posts_between(run.timeline, DAY_START, DAY_END) for run in runs["historical"])
    assert 750_000 <= day <= 3_000_000


def test_the_later_days_fade_to_the_three_day_total(runs):
    """About 2.9M in three days.  The leaked staff letter on Monday night is a new round that the
    press follows up on Tuesday, so Tuesday may run as hot as Monday (the record: each defensive
    statement raised a new wave); Tuesday afternoon's apology ends the story instead, so Wednesday's
    daytime fades below four-fifths of the busier of the two before it."""
    whole = statistics.median(run.total_posts for run in runs["historical"])
    assert 1_450_000 <= whole <= 5_800_000

    def daytime(day):
        return posts_between(run.timeline, dt.datetime(2017, 4, day, 6), dt.datetime(2017, 4, day, 18))

    for run in runs["historical"]:
        assert daytime(12) < 0.8 * max(daytime(10), daytime(11))


def test_negative_share_lands_in_the_documented_range(runs):
    assert 0.60 <= summary(runs["historical"])["negative_share"]["median"] <= 0.75


def test_the_second_and_third_statements_each_raise_volume_again(runs):
    for which in (1, 2):  # statements 2 and 3 (0-based)
        ratios = []
        for run in runs["historical"]:
            turns = statement_turns(run.timeline)
            assert len(turns) == 3
            i = turns[which]
            ratios.append(run.timeline[i]["posts"] / run.timeline[i - 1]["posts"])
        assert statistics.median(ratios) > 1.0


def test_the_storm_ignites_slowly_then_explodes(runs):
    for run in runs["historical"]:
        first_night = posts_between(run.timeline, dt.datetime(2017, 4, 9, 18), dt.datetime(2017, 4, 10, 6))
        assert first_night < 7_200  # under the trending rate (600 an hour) for the first ~12 h


def test_taking_responsibility_first_beats_holding_the_line(runs):
    right, wrong = summary(runs["responsibility-first"]), summary(runs["hold-the-line"])
    assert right["final_reputation"]["median"] > wrong["final_reputation"]["median"] + 3
    assert right["total_posts"]["median"] < wrong["total_posts"]["median"]
