"""Listening shows its findings at once, and the anger it speaks of is on the dashboard (issue 17 item 2:
the insight came a turn late and said 'nobody yet' about a turn that had 1,405 hostile posts)."""

from __future__ import annotations

from textual.widgets import RichLog

from game.ui.app import BashtagApp
from game.ui.widgets.dashboard import Dashboard


def log_text(app) -> str:
    return " ".join(" ".join(str(line.text) for line in app.screen.query_one("#play-events", RichLog).lines).split())


async def test_the_listenings_findings_show_when_the_team_listens_and_again_at_the_turns_end(mini):
    app = BashtagApp(scenario=mini, seed=3)
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        assert "What the listening shows" in log_text(app)  # now, not after the turn
        await pilot.press("e")
        await pilot.pause()
        text = log_text(app)
        assert text.count("What the listening shows") == 1  # once, not again in the turn's report
        assert "What the listening heard this turn" in text


async def test_crowd_anger_is_on_the_dashboard(mini):
    app = BashtagApp(scenario=mini, seed=3)
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        figure = app.screen.query_one(Dashboard).figure("anger")
        assert "Crowd anger" in figure and f"{app.controller.game.state.anger:.0f}/100" in figure
