"""The debrief tells the truth about the player's game (issue 17): why this ending, who carried
the storm, the seed."""

from __future__ import annotations

import sys
from pathlib import Path

from textual.widgets import Static

from game.ui.app import BashtagApp
from game.ui.screens.debrief import DebriefScreen

sys.path.insert(0, str(Path(__file__).parent.parent / "engine"))
from test_ending_why import digiorno_sorry_in_the_first_turn  # noqa: E402


async def test_the_debrief_says_why_this_ending_under_the_ending():
    game = digiorno_sorry_in_the_first_turn()
    app = BashtagApp(scenario=game.scenario, seed=game.seed, resumed=(game, None))
    async with app.run_test(size=(110, 50)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        why = str(app.screen.query_one("#debrief-why", Static).render())
        assert "Why this ending" in why
        assert "✔ you apologised or showed concern 3 times" in why
        assert "A model apology" in why and "✖ you apologised or showed concern 3 times" in why
        assert "4 times or more" in why
        # Who carried the storm, beside what the player did about them.
        carried = str(app.screen.query_one("#debrief-carriers", Static).render())
        assert "Who carried the storm" in carried and "The loudest voices" in carried
        assert "You answered" in carried and ("you never answered" in carried or "you replied" in carried)
        assert "@" + app.screen.debrief.carriers.amplifiers[0].handle in carried
