"""Every built-in scenario plays in the app from the title screen to its debrief (issue 7)."""

from __future__ import annotations

import pytest
from textual.widgets import OptionList

from game.scenario.library import builtin_scenarios
from game.ui.app import BashtagApp
from game.ui.screens.briefing import BriefingScreen
from game.ui.screens.debrief import DebriefScreen
from game.ui.screens.play import PlayScreen


@pytest.mark.parametrize("scenario_id", [info.id for info in builtin_scenarios()])
async def test_a_builtin_scenario_plays_from_the_title_to_the_debrief(scenario_id, screen_text):
    app = BashtagApp.for_title(seed=1)
    async with app.run_test(size=(120, 40)) as pilot:
        menu = app.screen.query_one("#title-menu", OptionList)
        menu.highlighted = menu.get_option_index(f"scenario:{scenario_id}")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        turns = app.controller.game.state.turns_total
        await pilot.press(*["e"] * turns)
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        text = screen_text(app)
        # a documented case is set beside its record; the fictional tutorial beside its model play
        scenario = app.controller.game.scenario
        beside = "what really happened" if scenario.kind == "real" else scenario.historical.name.lower()
        assert f"your crisis beside {beside}" in text.lower()
        assert (scenario.kind == "real") == ("what really happened" in text.lower())
        assert app.controller.game.state.ending is not None
        # the figures under the ending are the game's, written as the rest of the screen writes them
        assert f"{app.controller.game.state.total_posts:,} posts on the hashtag" in text
