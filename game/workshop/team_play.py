"""A workshop team's play screen: the game's play screen (game/ui/screens/play.py) with the workshop in it.

It names the team in the header, delivers the facilitator's injects (polled from the store every 1.5 s,
applied through the controller so the session log records them), shows the workshop's state under the
header at all times (a pause, the turn timer, the team's own wait, the end), locks the team's actions
while it waits or once the workshop has ended, and lets a team take back the end of its turn.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import game.ui.screens.play as play
from game.ui.literal import one_line
from game.ui.screens.play import PlayScreen

if TYPE_CHECKING:
    from game.engine.controller import GameController
    from game.workshop.link import TeamLink


class TeamPlayScreen(PlayScreen):
    """One team's game, turn by turn, inside the workshop."""

    # Textual reads a relative CSS_PATH from the subclass's own folder: name the play screen's styles
    # where they are (its selectors, ``PlayScreen …``, match this subclass too).
    CSS_PATH = [Path(play.__file__).with_name("play.tcss")]

    def __init__(self, controller: GameController, link: TeamLink):
        super().__init__(controller)
        self.link = link

    # ------------------------------------------------------------------------------ the play screen's hooks

    def started(self) -> None:
        # Injects and the facilitator's gate arrive through the shared store.
        self.link.report_now(self.game)
        self.set_interval(1.5, self.poll_workshop)
        self.set_interval(1.0, lambda: self._show_wait(None))  # the countdown moves every second

    def header_badge(self) -> str:
        return f"Team {one_line(self.link.team_name)}"

    def banner_text(self, reason: str | None) -> str | None:
        return self.link.banner(self.game) or reason

    def actions_locked(self) -> bool:
        return self.link.waiting or self.link.workshop.ended

    def why_locked(self) -> str | None:
        return self.link.why_locked(self.game)

    def action_end_turn(self) -> None:
        if not self.game.over and self.link.take_back_end_turn():
            self.notify("You took back the end of your turn: your actions are unlocked.", markup=False)
            self._show_wait(None)
            return
        super().action_end_turn()

    # ------------------------------------------------------------------------------ the workshop

    def poll_workshop(self) -> None:
        """Apply the facilitator's injects and carry on a turn end that was waiting for the facilitator."""
        if not self.is_current:
            return
        result = self.link.poll(self.controller)
        for headline in result.injected:
            self.notify(
                one_line(headline), title="! NEWS from the facilitator", severity="warning", markup=False, timeout=8
            )
        for reason in result.refused:
            self._log_line(f"An inject could not be applied: {reason}", "dim")
        if result.injected:
            state = self.game.state
            for event in state.events[len(state.events) - len(result.injected) :]:
                self._log_event(event)
            self.refresh_view()
        self._show_wait(None)
        if result.resume_end_turn:
            self._end_turn()
