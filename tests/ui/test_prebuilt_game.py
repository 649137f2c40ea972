"""A fork server's pre-built game (issue 21 target 4): a new game of the same scenario and seed starts
from it, a game of another seed does not."""

from __future__ import annotations

from game.engine.game import Game
from game.ui import app as ui_app
from game.ui.app import BashtagApp


async def test_a_new_game_of_the_same_scenario_and_seed_starts_from_the_prebuilt_one(mini):
    built = Game(mini, 5)
    ui_app.offer_prebuilt_game(built)
    try:
        app = BashtagApp(scenario=mini, seed=5)
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.press("enter")
            await pilot.pause()
            assert app.controller.game is built
    finally:
        ui_app._PREBUILT.clear()


async def test_another_seed_builds_its_own(mini):
    built = Game(mini, 5)
    ui_app.offer_prebuilt_game(built)
    try:
        app = BashtagApp(scenario=mini, seed=6)
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.press("enter")
            await pilot.pause()
            assert app.controller.game is not built and app.controller.game.seed == 6
    finally:
        ui_app._PREBUILT.clear()
