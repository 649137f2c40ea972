"""The Bashtag Textual app: title → briefing → play → debrief.

    BashtagApp(scenario=s, seed=1)    # straight to the briefing (`bashtag play`)
    BashtagApp.for_title()            # the title screen (`bashtag`)

Every game step goes through ``self.controller`` (a :class:`GameController`), where a session
recorder will hook in (issue 6). ``continue_hook`` is where saved games will plug in: a callable
returning ``(label, resume)`` for the title screen's "Continue" item, or ``None`` to hide it.
"""

from __future__ import annotations

from typing import Callable

from textual.app import App

from game.engine.game import Game
from game.scenario.models import Scenario
from game.ui.commands import GameCommands
from game.ui.controller import GameController, GameListener
from game.ui.screens.briefing import BriefingScreen
from game.ui.screens.modals import ConfirmScreen
from game.ui.screens.play import PlayScreen
from game.ui.screens.title import TitleScreen

ContinueHook = Callable[[], "tuple[str, Callable[[], None]] | None"]


def no_saved_game() -> None:
    """The continue hook until sessions exist (issue 6): nothing to continue."""
    return None


class BashtagApp(App):
    """The whole game in the terminal."""

    TITLE = "Bashtag"
    COMMANDS = App.COMMANDS | {GameCommands}

    def __init__(self, scenario: Scenario | None = None, seed: int = 0, *,
                 entries: list | None = None, continue_hook: ContinueHook = no_saved_game,
                 listeners: list[GameListener] | None = None):
        super().__init__()
        self.scenario = scenario
        self.seed = seed
        self.entries = entries
        self.continue_hook = continue_hook
        self.listeners = list(listeners or [])
        self.controller: GameController | None = None

    @classmethod
    def for_title(cls, seed: int = 0, **kwargs) -> "BashtagApp":
        return cls(scenario=None, seed=seed, **kwargs)

    def on_mount(self) -> None:
        if self.scenario is not None:
            self.push_screen(BriefingScreen(self.scenario))
        else:
            self.push_screen(self._title_screen())

    def _title_screen(self) -> TitleScreen:
        if self.entries is None:
            from game.ui import catalogue

            self.entries = catalogue.builtin()
        return TitleScreen(self.entries, self.continue_hook())

    # ------------------------------------------------------------------------------ flow

    def show_briefing(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self.switch_screen(BriefingScreen(scenario))

    def start_game(self, scenario: Scenario, game: Game | None = None) -> None:
        """Start (or, with ``game``, resume) a game and show the play screen."""
        self.scenario = scenario
        self.controller = GameController(game or Game(scenario, self.seed), self.listeners)
        self.switch_screen(PlayScreen(self.controller))

    def show_debrief(self) -> None:
        from game.ui.screens.debrief import DebriefScreen

        self.clear_notifications()  # the play screen's toasts would cover the outcome
        self.switch_screen(DebriefScreen(self.controller.game))

    def action_to_title(self) -> None:
        self.controller = None
        self.switch_screen(self._title_screen())

    # ------------------------------------------------------------------------------ quitting

    async def action_quit(self) -> None:
        """Ask first while a game is under way (until sessions exist, quitting loses it)."""
        if isinstance(self.screen, ConfirmScreen):
            return
        playing = self.controller is not None and not self.controller.game.over
        if not playing:
            self.exit()
            return
        self.push_screen(ConfirmScreen("Quit Bashtag?", "This game will be lost: saving comes later.",
                                       yes="Quit", no="Keep playing"),
                         lambda yes: self.exit() if yes else None)
