"""Toasts (issue 17, item 6) never cover a dialog or the debrief, and never point at an events
panel a screen does not have."""

from __future__ import annotations

from pathlib import Path

from textual.widgets._toast import Toast

from game.scenario.loader import load_scenario
from game.ui.app import BashtagApp
from game.ui.screens.compose import ReplyWriter
from game.ui.screens.debrief import DebriefScreen


def visible_toasts(screen) -> list[Toast]:
    return [t for t in screen.query(Toast) if t.styles.visibility != "hidden" and t.display]


async def test_a_toast_does_not_cover_the_reply_composer_at_80x24(mini):
    app = BashtagApp(scenario=mini, seed=3)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        game = app.controller.game
        while not any(p.source != "org" for p in game.state.feed):
            await pilot.press("e")
            await pilot.pause()
        app.notify("A facilitator's news", title="! NEWS", timeout=30, markup=False)
        await pilot.pause()
        assert visible_toasts(app.screen)  # on the play screen, the toast shows
        await pilot.press("r")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ReplyWriter)
        assert app.screen.query(Toast)  # the notification is still current...
        assert not visible_toasts(app.screen)  # ...but it does not cover the dialog
        await pilot.press("escape")
        await pilot.pause()
        await pilot.pause()
        assert visible_toasts(app.screen)  # and it is back when the dialog closes


def _with_a_last_turn_event(tmp_path):
    """The mini scenario with events that fire in the last turn (they toast on any other turn)."""
    text = (Path(__file__).parent / "mini.yaml").read_text(encoding="utf-8")
    extra = "".join(f'  - {{id: late{i}, when: "turn >= 14", headline: "Late news {i}"}}\n' for i in range(3))
    text = text.replace("events:\n", "events:\n" + extra, 1)
    path = tmp_path / "late.yaml"
    path.write_text(text, encoding="utf-8")
    return load_scenario(path)


async def test_the_last_turns_events_do_not_toast_over_the_debrief(tmp_path):
    app = BashtagApp(scenario=_with_a_last_turn_event(tmp_path), seed=5)
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        while not app.controller.game.over:
            await pilot.press("e")
            await pilot.pause()
        await app.workers.wait_for_complete()
        for _ in range(3):
            await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        assert not visible_toasts(app.screen)
        assert any(e.id == "late0" for e in app.controller.game.state.events)
        assert not any("events log" in str(n.message) or "Late news" in str(n.message) for n in app._notifications)
