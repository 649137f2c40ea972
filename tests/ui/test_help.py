"""The `?` page's account of the crowd: its figures come from the model, its times from the scenario's clock."""

from __future__ import annotations

import datetime as dt

from game.engine.game import Game
from game.engine.params import DEFAULT_PARAMS
from game.ui.app import BashtagApp
from game.ui.screens.help import crowd_lines, rate_words, span_words
from game.ui.screens.play import PlayScreen


def with_times(scenario, start: dt.datetime, deadline: dt.datetime | None):
    clock = scenario.clock.model_copy(update={"start": start})
    campaign = scenario.campaign.model_copy(update={"deadline": deadline})
    return scenario.model_copy(update={"clock": clock, "campaign": campaign})


def test_the_crowd_is_explained_with_the_models_own_figures(mini):
    lines = dict(crowd_lines(mini, DEFAULT_PARAMS))
    assert lines["Trending"] == (
        "past about ten posts a minute the tag trends and strangers come to look. "
        "After a day it is old news and half as many do, unless a new round (a defence, an attack on "
        "critics) puts it back in the news."
    )
    assert "A set hour" not in lines  # the mini Q&A names no hour


def test_the_crowd_text_follows_the_model_when_its_figures_change(mini):
    params = DEFAULT_PARAMS.with_(trend_threshold=1500.0, trend_novelty_half_hours=12.0)
    trending = dict(crowd_lines(mini, params))["Trending"]
    assert trending.startswith("past about 25 posts a minute the tag trends")
    assert "After 12 hours it is old news" in trending and "unless a new round" in trending


def test_rates_and_spans_read_as_a_player_would_say_them():
    assert rate_words(600) == "about ten posts a minute"
    assert rate_words(60) == "about one post a minute"
    assert rate_words(40) == "about 40 posts an hour"
    assert [span_words(h) for h in (24, 48, 12, 1, 1.5)] == ["a day", "two days", "12 hours", "an hour", "90 minutes"]


def test_a_set_hour_is_shown_on_the_scenarios_clock_whatever_offset_the_author_wrote(mini):
    sydney = dt.timezone(dt.timedelta(hours=11))
    start = dt.datetime(2020, 1, 1, 12, 0, tzinfo=sydney)
    deadline = dt.datetime(2020, 1, 2, 2, 0, tzinfo=dt.UTC)  # 13:00 in Sydney
    lines = dict(crowd_lines(with_times(mini, start, deadline), DEFAULT_PARAMS))
    assert lines["A set hour"].startswith("your campaign names Thu 02 Jan 13:00.")


def test_a_set_hour_written_without_an_offset_is_shown_as_written(mini):
    lines = dict(
        crowd_lines(with_times(mini, dt.datetime(2020, 1, 1, 12, 0), dt.datetime(2020, 1, 2, 13, 0)), DEFAULT_PARAMS)
    )
    assert lines["A set hour"].startswith("your campaign names Thu 02 Jan 13:00.")


async def test_the_help_page_reads_the_figures_of_the_game_being_played(mini, screen_text):
    params = DEFAULT_PARAMS.with_(trend_threshold=300.0, trend_novelty_half_hours=48.0)
    app = BashtagApp(scenario=mini, resumed=(Game(mini, 1, params=params), None))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        await pilot.press("question_mark")
        await pilot.pause()
        text = " ".join(screen_text(app).split())
        assert "What drives the crowd" in text
        assert "past about five posts a minute the tag trends" in text
        assert "After two days it is old news" in text
