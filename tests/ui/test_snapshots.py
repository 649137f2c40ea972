"""Snapshots of the briefing, a mid-crisis play screen and the debrief (fixed seed and size).

They use the small mini scenario copied beside these tests, so an edit to the built-in scenarios
does not change them. Update after an intended change: pytest tests/ui --snapshot-update.
"""

from __future__ import annotations

from pathlib import Path

from game.scenario.loader import load_scenario
from game.ui.app import BashtagApp

SIZE = (100, 32)


def make_app() -> BashtagApp:
    return BashtagApp(scenario=load_scenario(Path(__file__).parent / "mini.yaml"), seed=5)


async def _quiet(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    pilot.app.clear_notifications()
    await pilot.pause()


def test_briefing_snapshot(snap_compare):
    assert snap_compare(make_app(), terminal_size=SIZE)


def test_mid_crisis_play_snapshot(snap_compare):
    async def play(pilot):
        await pilot.press("enter", "e", "e", "e", "e", "p", "e", "e", "m")
        await _quiet(pilot)

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=play)


def test_debrief_snapshot(snap_compare):
    async def play(pilot):
        await pilot.press(
            "enter", "e", "e", "e", "p", "e", "s", "tab", "down", "ctrl+s"
        )  # the first open prepared statement
        for _ in range(12):
            await pilot.press("e")
        await _quiet(pilot)

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=play)


def test_statement_screen_snapshot(snap_compare):
    """The statement screen with words typed in: the editor, the counter and how the words read."""

    async def write(pilot):
        await pilot.press("enter", "e", "e", "e", "s")
        await pilot.press(*"We are sorry if anyone was offended. It was never our intention.")
        pilot.app.screen.query_one("#compose-editor").cursor_blink = False  # a blink is not a change
        await pilot.pause(0.5)  # the reading is redrawn once typing pauses
        await _quiet(pilot)

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=write)
