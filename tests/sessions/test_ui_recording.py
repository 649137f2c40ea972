"""The app's existing hooks (recorder_factory, resumed) record a game played by key presses, and a
resumed game carries on in the same log — the contract the UI integration relies on."""

from __future__ import annotations

from session_helpers import MINI

from game.engine.state import to_jsonable
from game.scenario.loader import load_scenario
from game.sessions import Recorder, quick_info, resume
from game.sessions.continuing import resume_recording


async def test_a_game_played_in_the_app_is_recorded_and_resumes_the_same():
    from game.ui.app import BashtagApp

    scenario = load_scenario(MINI)
    app = BashtagApp(scenario=scenario, seed=4, scenario_ref=str(MINI), recorder_factory=Recorder.start_for)
    async with app.run_test() as pilot:
        await pilot.pause()
        app.start_game(scenario)
        await pilot.pause()
        for _ in range(3):
            await pilot.press("m")
            await pilot.press("e")
            await pilot.pause()
        played = to_jsonable(app.controller.game.state)
    game, info, warnings = resume("latest")
    assert warnings == [] and to_jsonable(game.state) == played

    game, recorder, info, _ = resume_recording("latest")
    again = BashtagApp(
        scenario=game.scenario,
        seed=game.seed,
        scenario_ref=info.scenario_ref,
        resumed=(game, recorder),
        recorder_factory=Recorder.start_for,
    )
    async with again.run_test() as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
    assert quick_info(info.path).turns_played == 4
