"""The tutorial coaches from the first turn (issue 17, item 7): a line on the play screen says
what to try next, and the briefing promises only what the first feed shows."""

from __future__ import annotations

from textual.widgets import Static

from game.scenario import library
from game.ui.app import BashtagApp
from game.ui.screens.compose import ReplyWriter


def coach(app) -> str:
    widget = app.screen.query_one("#play-coach", Static)
    return str(widget.render()) if widget.display else ""


async def test_the_tutorial_coaches_the_first_actions_from_the_first_turn(screen_text):
    scenario = library.load("tutorial")
    app = BashtagApp(scenario=scenario, seed=1)
    async with app.run_test(size=(100, 40)) as pilot:
        briefing = " ".join(screen_text(app).split())
        await pilot.press("enter")
        await pilot.pause()
        game = app.controller.game
        game_feed_at_start = [p for p in game.state.feed if p.source != "org"]
        # The first feed holds only our post: the briefing does not say anyone is already posting.
        if not game_feed_at_start:
            assert "are not laughing" not in briefing
        assert "press e" in coach(app).lower() or "press r" in coach(app).lower()
        while not any(p.stance == "hostile" and p.source != "org" for p in game.state.feed):
            await pilot.press("e")
            await pilot.pause()
        assert "press r" in coach(app)
        while (
            app.screen.query_one("#play-feed").highlighted_post_id
            and game.post(app.screen.query_one("#play-feed").highlighted_post_id).stance != "hostile"
        ):
            await pilot.press("down")
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ReplyWriter)
        await pilot.press("tab", "down", "ctrl+s")  # the first tone's words, sent as they are
        await pilot.pause()
        assert "statement (s)" in coach(app)
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("tab", "down", "ctrl+s")  # the first open prepared statement, sent as it is
        await pilot.pause()
        assert game.state.taken[-1].kind == "statement"
        assert "press e" in coach(app)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert coach(app) == ""  # the basics done, the coach steps back


async def test_other_scenarios_have_no_coach(mini):
    app = BashtagApp(scenario=mini, seed=1)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert not app.screen.query("#play-coach")
