"""Rick Perry's "Strong" (YouTube, 7-10 Dec 2011) against its record (issue 22).

The record: comments off and ratings on; 37,793 dislikes to 903 likes on the evening of 7 Dec and
80,365 by 22:53; 336,000 on Thursday night; 399,000-450,000 on Friday; "over 750,000 dislikes within
three days" (the article this project grew from), 97-98% of the ratings dislikes.  The clock covers
the three days, so the game's total is the figure: 750,000-1,500,000 (the article's figure to twice
it; the contemporaneous Friday counts run lower: docs/scenarios.md sets them side by side).
The crisis sits near its tipping point: a run or two in eight never takes off, as a video may not.
Turning the ratings off at once changes what the player is judged on, not the grievance; turning
them off after the storm is a story.
"""

import statistics

SCENARIO = "perrystrong"
STRATEGIES = {"historical": 8, "ratings-off-at-once": 4, "hide-the-count": 4, "pull-it": 4}


def median(values):
    return statistics.median(values)


def test_over_three_quarters_of_a_million_dislikes_in_the_three_days(runs):
    dislikes = median(run.reactions["dislikes"] for run in runs["historical"])
    assert 750_000 <= dislikes <= 1_500_000


def test_ratings_far_outnumber_the_posts(runs):
    # A click costs nothing: the crowd rates the video many times as often as it writes about it.
    for run in runs["historical"]:
        assert run.reactions["dislikes"] + run.reactions["likes"] >= 5 * run.total_posts


def test_nearly_all_the_ratings_are_dislikes(runs):
    # 903 likes to 37,793 dislikes; about 10,000 to 400,000 (97-98% dislikes).
    share = median(r.reactions["likes"] / (r.reactions["likes"] + r.reactions["dislikes"]) for r in runs["historical"])
    assert share <= 0.05


def test_the_historical_path_ends_with_the_record(runs):
    endings = [run.ending for run in runs["historical"]]
    assert endings.count("the_record") >= 6


def test_ratings_off_at_once_leave_no_count_but_the_same_grievance(runs):
    early = runs["ratings-off-at-once"]
    assert all(run.reactions["dislikes"] == 0 for run in early)
    assert all(run.ending == "no_scoreboard" for run in early)
    # The same storm: the posts and the hostile share are the historical run's, give or take.
    posts = median(run.total_posts for run in runs["historical"])
    assert 0.8 * posts <= median(run.total_posts for run in early) <= 1.2 * posts
    share = median(run.negative_share for run in runs["historical"])
    assert abs(median(run.negative_share for run in early) - share) <= 0.03


def test_hiding_the_count_after_the_storm_is_a_story(runs):
    late = runs["hide-the-count"]
    assert median(run.reactions["dislikes"] for run in late) >= 100_000  # hidden on Thursday evening
    for run in late:
        assert run.ending == "hid_the_count"
        assert "ratings-off" in run.fired
    # Hiding it cost more standing than leaving it on.
    assert median(r.final_reputation for r in late) < median(r.final_reputation for r in runs["historical"])


def test_pulling_the_video_on_the_first_evening_stops_the_count_but_is_no_success(runs):
    pulled = runs["pull-it"]
    assert all(run.ending == "pulled" and run.outcome == "mixed" for run in pulled)
    assert median(run.reactions["dislikes"] for run in pulled) < 50_000
