"""The seed (issue 17, item 10): a new game from the title screen draws a fresh one unless --seed
was given, and the seed is shown on the briefing, the help page and the debrief."""

from __future__ import annotations

from textual.widgets import Static

from game.ui.app import BashtagApp
from game.ui.screens.briefing import BriefingScreen
from game.ui.screens.debrief import DebriefScreen
from game.ui.screens.modals import InfoScreen
from game.ui.screens.play import PlayScreen
from game.ui.screens.title import TitleScreen


async def _new_game_from_title(app, pilot) -> int:
    """Pick the first scenario on the title screen, start it, and come back: the game's seed."""
    assert isinstance(app.screen, TitleScreen)
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, BriefingScreen)
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, PlayScreen)
    seed = app.controller.game.seed
    app.action_to_title()
    await pilot.pause()
    return seed


async def test_each_new_game_from_the_title_draws_a_fresh_seed(monkeypatch):
    from game.cli import main

    started: list[BashtagApp] = []
    monkeypatch.setattr(BashtagApp, "run", lambda app: started.append(app))
    assert main(["play", "--no-save"]) == 0
    app = started[0]
    async with app.run_test(size=(100, 40)) as pilot:
        seeds = {await _new_game_from_title(app, pilot) for _ in range(3)}
    assert len(seeds) == 3  # 1 in a million apart: three draws from 999,999 do not collide here


async def test_a_seed_given_is_kept_for_every_game_from_the_title(monkeypatch):
    from game.cli import main

    started: list[BashtagApp] = []
    monkeypatch.setattr(BashtagApp, "run", lambda app: started.append(app))
    assert main(["play", "--seed", "4242", "--no-save"]) == 0
    app = started[0]
    async with app.run_test(size=(100, 40)) as pilot:
        assert [await _new_game_from_title(app, pilot) for _ in range(2)] == [4242, 4242]


async def test_the_seed_is_shown_on_the_briefing_the_help_and_the_debrief(mini, screen_text):
    app = BashtagApp(scenario=mini, seed=31337, scenario_ref="tests/mini.yaml")
    async with app.run_test(size=(100, 40)) as pilot:
        assert "Seed 31337" in screen_text(app) and "bashtag play tests/mini.yaml --seed 31337" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, InfoScreen)
        assert "Seed 31337" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        while not app.controller.game.over:
            await pilot.press("e")
            await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        assert "Seed 31337" in str(app.screen.query_one("#debrief-sources", Static).render())
