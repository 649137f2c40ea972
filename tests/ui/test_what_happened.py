"""The play screen shows what happened (issue 17, item 4): deleted posts are marked in the feed,
the reputation arrow follows the last change, the events log drops its placeholder once
something has happened, and a turn's reach says who made it."""

from __future__ import annotations

from textual.widgets import RichLog
from ui_helpers import option_text

from game.ui.app import BashtagApp
from game.ui.literal import followers
from game.ui.screens.compose import ReplyWriter
from game.ui.screens.modals import ChoiceScreen, ConfirmScreen
from game.ui.widgets.dashboard import METERS, Dashboard, _last_change
from game.ui.widgets.feed import Feed


def meter(app, key: str) -> str:
    return app.screen.query_one(Dashboard).figure(key) or ""


def log_text(app) -> str:
    return " ".join(" ".join(str(line.text) for line in app.screen.query_one("#play-events", RichLog).lines).split())


async def start(app, pilot) -> None:
    await pilot.press("enter")
    await pilot.pause()


async def test_a_deleted_post_is_marked_in_the_feed(mini):
    app = BashtagApp(scenario=mini, seed=3)
    async with app.run_test(size=(110, 40)) as pilot:
        await start(app, pilot)
        game = app.controller.game
        while not game.state.org_posts or not any(p.source == "org" for p in game.state.feed):
            await pilot.press("e")
            await pilot.pause()
        ours = next(p for p in game.state.feed if p.source == "org")
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        menu = app.screen.query_one("OptionList")
        index = next(i for i in range(menu.option_count) if menu.get_option_at_index(i).id == ours.id)
        menu.highlighted = index
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert ours.id not in {p.id for p in game.state.org_posts}
        feed = app.screen.query_one(Feed)
        shown = option_text(feed.get_option(ours.id).prompt)
        assert "✕ DELETED" in shown and "deleted by you" in shown


async def test_the_reputation_arrow_follows_an_action_at_once(mini):
    app = BashtagApp(scenario=mini, seed=3)
    async with app.run_test(size=(110, 40)) as pilot:
        await start(app, pilot)
        game = app.controller.game
        while not any(p.source != "org" and p.stance == "hostile" for p in game.state.feed):
            await pilot.press("e")
            await pilot.pause()
        await pilot.press("e")  # a turn with history behind it
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ReplyWriter)
        await pilot.press("tab", "down", "ctrl+s")  # empathetic, the scenario's words
        await pilot.pause()
        delta = sum(c.delta for c in game.state.taken[-1].changes if c.meter == "reputation")
        assert abs(delta) >= 0.05
        arrow = "▲" if delta > 0 else "▼"
        assert f"{arrow}{abs(delta):.1f}" in meter(app, "reputation")


def test_no_arrow_for_a_change_the_figure_cannot_show():
    assert _last_change(41.0, [41.004, 41.0], 40.0) == (41.004, 41.0)
    spec = next(m for m in __import__("game.ui.widgets.dashboard", fromlist=["METERS"]).METERS if m.key == "reputation")
    assert spec.change(41.0 - 41.004) == spec.change(0.0)  # so no ▼ is drawn for it


async def test_the_events_log_drops_its_placeholder_once_something_happened(mini):
    app = BashtagApp(scenario=mini, seed=3)
    async with app.run_test(size=(110, 40)) as pilot:
        await start(app, pilot)
        assert "Nothing has happened yet" in log_text(app)
        await pilot.press("e")
        await pilot.pause()
        text = log_text(app)
        assert "end of turn 1" in text and "Nothing has happened yet" not in text


async def test_a_turns_reach_is_explained_where_it_is_shown(mini):
    app = BashtagApp(scenario=mini, seed=3)
    async with app.run_test(size=(110, 40)) as pilot:
        await start(app, pilot)
        game = app.controller.game
        while not any(p.source != "org" for p in game.state.feed):
            await pilot.press("e")
            await pilot.pause()
        record = game.state.history[-1]
        assert f"+{followers(record.reach)}" in meter(app, "reach")
        assert "seen" in log_text(app) and "biggest account posting: @" in log_text(app)
        assert record.reach >= 0
        assert "followers" in next(m for m in METERS if m.key == "reach").explain
        assert "reach" in app.screen.query_one(Dashboard).shown()
