"""A game played in the app is recorded as it goes and comes back exactly after the app dies."""

from __future__ import annotations

import json
from pathlib import Path

from game.commands.play import record_new_game, restore_for_play, saved_game_to_continue
from game.engine.state import to_jsonable
from game.ui.app import BashtagApp

HERE = Path(__file__).parent  # not imported from conftest: another test folder's conftest may be the one loaded


async def test_a_game_killed_mid_turn_resumes_with_the_same_figures_and_feed(mini):
    path = str(HERE / "mini.yaml")
    app = BashtagApp(scenario=mini, seed=4, scenario_ref=path, recorder_factory=record_new_game)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("enter")  # the briefing → play
        for _ in range(4):
            await pilot.press("e")  # end four turns
        await pilot.press("p")  # pause the queue mid-turn, then the app dies
        await pilot.pause()
        played = json.dumps(to_jsonable(app.controller.game.state), sort_keys=True)
        assert app.controller.game.state.campaign == "paused"

    label, _ = saved_game_to_continue()
    assert "turn 5" in label
    scenario, game, recorder, warnings = restore_for_play("latest")
    recorder.close()
    assert warnings == []
    assert json.dumps(to_jsonable(game.state), sort_keys=True) == played


async def test_resuming_opens_the_play_screen_at_the_saved_turn(mini):
    path = str(HERE / "mini.yaml")
    first = BashtagApp(scenario=mini, seed=2, scenario_ref=path, recorder_factory=record_new_game)
    async with first.run_test(size=(100, 32)) as pilot:
        await pilot.press("enter", "e", "e")
        await pilot.pause()
    scenario, game, recorder, _ = restore_for_play("latest")
    app = BashtagApp(scenario=scenario, seed=game.seed, resumed=(game, recorder))
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert app.controller.game.state.turn == 3
        assert type(app.screen).__name__ == "PlayScreen"
        await pilot.press("e")
        await pilot.pause()
    scenario, again, recorder, _ = restore_for_play("latest")
    recorder.close()
    assert again.state.turn == 4


def test_continue_names_a_built_in_case_by_its_title_and_a_file_by_its_id(mini, tmp_path, monkeypatch):
    from game.scenario import library

    record_new_game(str(HERE / "mini.yaml"), mini, 1).close()
    label, _ = saved_game_to_continue()
    assert label.startswith(f"{mini.id}, turn 1 ")
    monkeypatch.setenv("BASHTAG_DATA_DIR", str(tmp_path))  # two games in one second sort by id
    record_new_game("justine", library.load("justine"), 1).close()
    label, _ = saved_game_to_continue()
    assert label.startswith("#HasJustineLandedYet, turn 1 ")
