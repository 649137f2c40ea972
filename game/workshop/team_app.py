"""A workshop team's app: the game's own app (game/ui/app.py) playing as one team of a workshop.

    app = WorkshopTeamApp(first_screen=lambda: JoinScreen(workshop_id))   # `bashtag join --ask`
    joined.configure(app)                                                 # game/workshop/joining.py

The game's app knows nothing of workshops: it offers hooks (a briefing shown, listeners and a gate for
the game, the play screen to show, what quitting keeps) and this subclass fills them with the team's
link (game/workshop/link.py): it names the team, reports every step to the workshop's store, holds the
turn's end for the facilitator, and plays on :class:`TeamPlayScreen`, which delivers the facilitator's
injects and shows the workshop's state at all times.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.ui.app import BashtagApp

if TYPE_CHECKING:
    from game.engine.controller import GameController, GameListener, Gate
    from game.ui.screens.play import PlayScreen
    from game.workshop.link import TeamLink


class WorkshopTeamApp(BashtagApp):
    """The game, played as one workshop team (``workshop_link``; None until a code is typed)."""

    def __init__(self, *args, workshop_link: TeamLink | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        # The team's link: gates turn ends, delivers injects, names the team.  The served app learns it
        # once the join screen has taken a code (``play_as``).
        self.workshop_link = workshop_link

    def play_as(self, link: TeamLink) -> None:
        """From now on this app plays as ``link``'s team (game/workshop/joining.py ``configure``)."""
        self.workshop_link = link

    # ------------------------------------------------------------------------------ the game app's hooks

    def briefing_shown(self) -> None:
        """A team reads its briefing knowing which team it plays (the play screen's header says it too)."""
        link = self.workshop_link
        if link is None:
            return
        self.notify(
            f"You play as Team {link.team_name}. Read the briefing together, then start.",
            title="Workshop",
            timeout=20,
            markup=False,
        )
        # Before the play screen polls, the dashboard still learns this window is open.
        self.set_interval(5.0, link.beat)

    def game_listeners(self) -> list[GameListener]:
        return [self.workshop_link] if self.workshop_link is not None else []

    def turn_gate(self) -> Gate | None:
        return self.workshop_link.gate if self.workshop_link is not None else None

    def play_screen(self, controller: GameController) -> PlayScreen:
        if self.workshop_link is None:
            return super().play_screen(controller)
        from game.workshop.team_play import TeamPlayScreen

        return TeamPlayScreen(controller, self.workshop_link)

    def saved_note(self) -> str:
        if self.workshop_link is not None and self.recorder is not None:
            return "Your game is saved at every turn's end: join again with your team's code to carry on."
        return super().saved_note()

    def action_to_title(self) -> None:
        if self.workshop_link is not None:
            # A team plays one game: another from the title screen would report to the workshop as if
            # it were the team's.
            self.notify("This is your team's workshop game: press q to quit.", markup=False)
            return
        super().action_to_title()
