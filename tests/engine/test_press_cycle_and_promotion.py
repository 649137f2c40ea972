"""Two mechanisms the record of bashtags shows (issue 15 item 3): a bought trend, and press that runs
days after the storm (research/ignition.md §2 and §4)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from game.engine import Game, Pause
from game.scenario.models import Scenario

HERE = Path(__file__).parent


@pytest.fixture(scope="module")
def mini() -> Scenario:
    return Scenario.model_validate(yaml.safe_load((HERE / "mini.yaml").read_text()))


def with_campaign(scenario: Scenario, **changes) -> Scenario:
    return scenario.model_copy(update={"campaign": scenario.campaign.model_copy(update=changes)})


def posts_after(game: Game, turns: int) -> int:
    for _ in range(turns):
        game.end_turn()
    return game.state.total_posts


def test_a_promoted_trend_puts_the_tag_in_front_of_everyone_whoever_posts(mini):
    bought = with_campaign(mini, promoted_trend_hours=24.0)
    plain, promoted = Game(mini, 2), Game(bought, 2)
    assert posts_after(promoted, 1) > 2 * posts_after(plain, 1)  # the first day, bought
    assert promoted.env()["trending"] == 1.0 and plain.env()["trending"] == 0.0


def test_pausing_the_campaign_stops_the_promotion_and_says_so(mini):
    bought = with_campaign(mini, promoted_trend_hours=48.0)
    kept, stopped = Game(bought, 2), Game(bought, 2)
    stopped.apply(Pause())
    assert any(e.id == "promotion-stopped" for e in stopped.state.events)
    assert posts_after(stopped, 2) < posts_after(kept, 2)


def test_no_promotion_changes_nothing(mini):
    assert with_campaign(mini, promoted_trend_hours=0.0) == mini


def _with_outlet(scenario: Scenario, **outlet) -> Scenario:
    from game.scenario.models import Outlet

    outlets = [*scenario.audience.outlets, Outlet(**outlet)]
    return scenario.model_copy(update={"audience": scenario.audience.model_copy(update={"outlets": outlets})})


def test_a_weekly_title_runs_its_piece_a_day_after_the_storm_passed_its_threshold():
    from game.scenario.library import load

    weekly = _with_outlet(
        load("askjpm"),
        id="weekly",
        name="The Weekly",
        audience=300_000,
        threshold=30,
        headline="What {hashtag} tells us",
        lag_hours=24,
    )
    game = Game(weekly, 4)
    commissioned = published = None
    while not game.over:
        game.end_turn()
        if commissioned is None and "weekly" in game.world.commissioned:
            commissioned = game.world.commissioned["weekly"]
        if published is None and "weekly" in game.world.published:
            published = game.state.time
    assert commissioned is not None, "attention passed the weekly's threshold"
    assert published is not None, "the piece ran before the clock ran out"
    assert (published - commissioned).total_seconds() >= 24 * 3600
    assert "press-weekly" in {e.id for e in game.state.events}
