"""The served app's first screen: a team types its join code, then plays (briefing, or back into its game).

Used by ``bashtag join --ask`` (what ``bashtag workshop serve`` runs for every browser tab): the
browser never chooses the command, only types a code into this box.
"""

from __future__ import annotations

import asyncio

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from game.ui.literal import one_line

# A wrong code costs a moment, so trying codes by hand or by script gets nowhere (codes have ~59 bits).
WRONG_CODE_DELAY = 1.0


class JoinScreen(Screen):
    """Ask for a join code; show the reason plainly when it is refused."""

    CSS_PATH = "join_screen.tcss"
    BINDINGS = [("escape", "app.quit", "Quit")]

    def __init__(self, workshop_id: str | None = None):
        super().__init__()
        self.workshop_id = workshop_id

    def compose(self) -> ComposeResult:
        with Vertical(id="join-box"):
            yield Static("Bashtag workshop", id="join-title")
            yield Static(
                "Type your team's join code (your facilitator gave it to you), then press Enter.",
                id="join-help",
                markup=False,
            )
            yield Input(placeholder="XXXX-XXXX-XXXX", id="join-code", max_length=20)
            yield Static("", id="join-error", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#join-code", Input).focus()

    async def on_input_submitted(self, event: Input.Submitted) -> None:
        from game.sessions.errors import SessionError
        from game.workshop.joining import join
        from game.workshop.store import WorkshopError

        event.stop()
        error_line = self.query_one("#join-error", Static)
        try:
            joined = join(event.value)
            if self.workshop_id and joined.workshop.id != self.workshop_id:
                joined.release()
                raise WorkshopError("that code belongs to another workshop than the one served here")
        except (WorkshopError, SessionError) as error:
            await asyncio.sleep(WRONG_CODE_DELAY)
            error_line.update(one_line(str(error)))
            self.query_one("#join-code", Input).value = ""
            return
        for warning in joined.warnings:
            self.notify(one_line(warning), severity="warning", markup=False)
        joined.start_in(self.app)
