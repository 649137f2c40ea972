"""The Bashtag Textual app: title → briefing → play → debrief.

    BashtagApp(scenario=s, seed=1)    # straight to the briefing (`bashtag play`)
    BashtagApp.for_title()            # the title screen (`bashtag`)

Every game step goes through ``self.controller`` (a :class:`GameController`), where a session
recorder will hook in (issue 6). ``continue_hook`` is where saved games will plug in: a callable
returning ``(label, resume)`` for the title screen's "Continue" item, or ``None`` to hide it.
"""

from __future__ import annotations

import inspect
import random
import threading
from collections.abc import Callable
from pathlib import Path, PurePath
from types import SimpleNamespace
from typing import TYPE_CHECKING

from textual.app import App
from textual.screen import Screen

from game.ui.screens.briefing import BriefingScreen
from game.ui.screens.title import TitleScreen

if TYPE_CHECKING:
    # The engine, pydantic's models and the play screen load behind the first frame (issue 21):
    # in `prepare_game`'s thread while the player reads the briefing, or when first needed.
    from game.engine.controller import GameController, GameListener, Gate
    from game.engine.game import Game
    from game.scenario.models import Scenario
    from game.ui.screens.play import PlayScreen


def _game_commands():
    """The command palette's provider, imported when the palette first opens (it reads the engine's rules)."""
    from game.ui.commands import GameCommands

    return GameCommands


def _css_paths(screen: type[Screen]) -> list[Path]:
    """``screen``'s CSS files, named as Textual names them when it loads the screen's CSS itself (so
    it knows them as read and does not read them again when such a screen is shown later)."""
    paths = [screen.CSS_PATH] if isinstance(screen.CSS_PATH, (str, PurePath)) else list(screen.CSS_PATH or [])
    folder = Path(inspect.getfile(screen)).parent
    return [(folder / path).resolve() for path in paths]


def _own_first_screen(scenario, first_screen, resumed) -> type[Screen] | None:
    """The app's first screen when it is the briefing or the title screen (as ``on_mount`` chooses)."""
    if first_screen is not None or (resumed is not None and scenario is not None):
        return None
    return BriefingScreen if scenario is not None else TitleScreen


ContinueHook = Callable[[], "tuple[str, Callable[[], None]] | None"]
# Makes the listener that records a new game (a session log): (scenario ref, scenario, seed) -> listener.
RecorderFactory = Callable[[str, "Scenario", int], "GameListener | None"]


def fresh_seed() -> int:
    """A seed for a new game when none was given (the same range as `bashtag play` draws from)."""
    return random.SystemRandom().randrange(1, 1_000_000)


def no_saved_game() -> None:
    """The continue hook until sessions exist (issue 6): nothing to continue."""
    return None


class _RecordingWatch:
    """Tells the player, once, if the session log stopped being written (a full disk)."""

    def __init__(self, app: BashtagApp):
        self.app, self.told = app, False

    def on_action(self, game, action, changes) -> None:
        self._check()

    def on_end_turn(self, game, report) -> None:
        self._check()

    def _check(self) -> None:
        problem = getattr(self.app.recorder, "problem", None)
        if problem and not self.told:
            self.told = True
            self.app.notify(
                f"This game is no longer being saved: {problem}", severity="warning", markup=False, timeout=10
            )


_PREBUILT: list = []  # a game built before this process was forked (game.workshop.web.forkserver)


def offer_prebuilt_game(game: Game) -> None:
    """A fork server built ``game`` before forking: a new game of that scenario and seed starts from it
    (each forked process has its own copy-on-write copy) instead of building its own."""
    _PREBUILT[:] = [game]


def _take_prebuilt(scenario, seed: int):
    """The offered game if it is this scenario's (equal field by field) with this seed, once."""
    if _PREBUILT and _PREBUILT[0].seed == seed and _PREBUILT[0].scenario == scenario:
        return _PREBUILT.pop()
    return None


class _Preparation:
    """A game being built behind the briefing: what goes into the thread and what comes out."""

    def __init__(self, scenario, load, seed: int):
        self.scenario, self.load, self.seed = scenario, load, seed
        self.game = self.error = None
        self.done = threading.Event()


class BashtagApp(App):
    """The whole game in the terminal."""

    TITLE = "Bashtag"
    COMMANDS = App.COMMANDS | {_game_commands}

    def __init__(
        self,
        scenario: Scenario | None = None,
        seed: int | None = 0,
        *,
        entries: list | None = None,
        continue_hook: ContinueHook = no_saved_game,
        listeners: list[GameListener] | None = None,
        recorder_factory: RecorderFactory | None = None,
        scenario_ref: str | None = None,
        resumed: tuple[Game, GameListener | None] | None = None,
        first_screen: Callable[[], object] | None = None,
        load_scenario: Callable[[], Scenario] | None = None,
    ):
        # The first screen is the app's default screen (``get_default_screen``), whose CSS_PATH Textual
        # does not read: it is read here with the app's own CSS, before the first parse.  (Pushed, a
        # screen's CSS also re-parsed every stylesheet already read, in front of the first frame.)
        first = _own_first_screen(scenario, first_screen, resumed)
        # (css_path replaces the class's CSS_PATH: a subclass's own is kept after it)
        own = self.CSS_PATH if isinstance(self.CSS_PATH, list) else [self.CSS_PATH] if self.CSS_PATH else []
        super().__init__(css_path=_css_paths(first) + own if first is not None else None)
        self._first_screen_type = first
        # With ``load_scenario``, ``scenario`` is only what the briefing shows (briefing_facts): the full
        # scenario loads behind the briefing's first frame, with the game (``prepare_game``).
        self.load_scenario = load_scenario
        self.load_error: Exception | None = None  # the full load failed: `bashtag play` prints it
        self._prepared: tuple | None = None  # (seed, scenario, game) built behind the briefing
        self._preparation: _Preparation | None = None  # the build under way in its thread
        # ``first_screen`` replaces the opening screen (a subclass's own, e.g. one asking for a code first).
        self.first_screen = first_screen
        self.scenario = scenario
        self.scenario_ref = scenario_ref or (scenario.id if scenario is not None else None)
        self.recorder_factory = recorder_factory
        self.resumed = resumed
        self.recorder: GameListener | None = None
        # A seed given (--seed, a test) is kept for every game; without one, each new game from the
        # title screen draws its own, so a second game is not the first one again.
        self.fixed_seed = seed is not None
        self.seed = seed if seed is not None else fresh_seed()
        self.entries = entries
        self.continue_hook = continue_hook
        self.listeners = list(listeners or [])
        self.controller: GameController | None = None

    @classmethod
    def for_title(cls, seed: int | None = 0, **kwargs) -> BashtagApp:
        """The title screen; ``seed=None`` gives every new game a fresh seed (what `bashtag` does)."""
        return cls(scenario=None, seed=seed, **kwargs)

    def get_default_screen(self) -> Screen:
        """The briefing or the title screen *is* the app's first screen (issue 21), as a bare app's
        widgets are: pushed over Textual's blank default screen from ``on_mount``, it was laid out and
        rendered once in full while the app was still starting, a frame never shown, then again."""
        first = self._first_screen_type
        if first is BriefingScreen:
            return BriefingScreen(self.scenario, self.seed)
        if first is TitleScreen:
            return self._title_screen()
        return super().get_default_screen()

    def on_mount(self) -> None:
        if self.first_screen is not None:
            self.push_screen(self.first_screen())
        elif self.resumed is not None and self.scenario is not None:
            game, recorder = self.resumed
            self.resumed = None
            self.resume_game(self.scenario, game, recorder)
        elif self.scenario is not None:
            self.briefing_shown()  # the briefing is the default screen (get_default_screen)
        # else: the title screen is the default screen

    def _title_screen(self) -> TitleScreen:
        if self.entries is None:
            from game.ui import catalogue

            self.entries = catalogue.builtin()
        return TitleScreen(self.entries, self.continue_hook())

    # ------------------------------------------------------------------------------ flow

    def show_briefing(
        self, scenario: Scenario | SimpleNamespace, ref: str | None = None, load: Callable[[], Scenario] | None = None
    ) -> None:
        """A new game's briefing (from the title screen): a fresh seed unless one was given.

        With ``load``, ``scenario`` is the briefing's facts and ``load`` gives the full scenario,
        called behind the briefing (the title's Enter answers at once)."""
        self.scenario = scenario
        self.load_scenario = load
        self._prepared = self._preparation = None
        self.scenario_ref = ref or scenario.id
        if not self.fixed_seed:
            self.seed = fresh_seed()
        self._show(BriefingScreen(scenario, self.seed))
        self.briefing_shown()

    # ------------------------------------------------------------------------------ hooks for a subclass
    # An app that plays the game inside something larger extends these (a workshop team's app,
    # game/workshop/team_app.py); the game's own app needs none of them.

    def briefing_shown(self) -> None:
        """Called each time a briefing is shown."""

    def game_listeners(self) -> list[GameListener]:
        """Listeners told of every step of a game this app starts (after the recorder)."""
        return []

    def turn_gate(self) -> Gate | None:
        """Why a turn may not end now (the controller's gate), or None for no gate."""
        return None

    def play_screen(self, controller: GameController) -> PlayScreen:
        """The screen a game is played on."""
        from game.ui.screens.play import PlayScreen

        return PlayScreen(controller)

    def saved_note(self) -> str:
        """What quitting mid-game keeps, for the confirmation."""
        if self.recorder is not None:
            return "Your game is saved at every turn's end: `bashtag play --resume` carries on from there."
        return "This game is not being saved and will be lost."

    # ------------------------------------------------------------------------------ behind the briefing

    def prepare_game(self) -> None:
        """Load the full scenario (if only its briefing is here), the engine and the play screen, and
        build the game, in a thread, once the briefing is drawn (issue 21).  The game is built from
        the same scenario and seed as ``start_game`` would: the same seed, the same game.

        A plain thread rather than a Textual worker: ``start_game`` must be able to wait for it (the
        player pressed Enter before it was done), and a worker's result comes only through the
        message loop that waiting blocks."""
        if self._preparation is not None or self.controller is not None or self.scenario is None:
            return
        if self._prepared is not None and self._prepared[0] == self.seed and self.load_scenario is None:
            return
        if self.load_scenario is None:
            built = _take_prebuilt(self.scenario, self.seed)
            if built is not None:
                self._prepared = (self.seed, self.scenario, built)
                return
        preparation = _Preparation(self.scenario, self.load_scenario, self.seed)
        self._preparation = preparation
        threading.Thread(target=self._build, args=(preparation,), name="bashtag-prepare", daemon=True).start()

    def _build(self, preparation: _Preparation) -> None:
        """The thread: no widget is touched here; the UI thread takes the result (``_take_prepared``)."""
        try:
            if preparation.load is not None:
                preparation.scenario = preparation.load()
            import game.ui.screens.play  # noqa: F401 - warms the play screen's imports for Enter
            from game.engine.game import Game

            preparation.game = Game(preparation.scenario, preparation.seed)
        except Exception as problem:  # noqa: BLE001 - reported on the UI thread
            preparation.error = problem
        preparation.done.set()
        try:
            self.call_from_thread(self._take_prepared, preparation)
        except RuntimeError:  # the app closed meanwhile
            pass

    def _take_prepared(self, preparation: _Preparation) -> bool:
        """On the UI thread, once ``preparation`` is done: keep its game, or say why it failed.
        False when the game cannot start (the scenario failed to load)."""
        if preparation is not self._preparation:
            return True  # taken already, or a scenario picked since made it moot
        self._preparation = None
        error = preparation.error
        if error is not None:
            if preparation.load is None:
                return True  # a bug in building: start_game builds in the foreground and shows it as before
            self.load_error = error
            self.load_scenario = None
            if self.entries is not None:  # picked from the title screen: say so and go back there
                self.notify(f"Cannot play this scenario: {error}", severity="error", markup=False)
                self._show(self._title_screen())
            else:
                self.exit(return_code=1)
            return False
        if preparation.load is not None:
            self.scenario, self.load_scenario = preparation.scenario, None
        self._prepared = (preparation.seed, preparation.scenario, preparation.game)
        return True

    # ------------------------------------------------------------------------------ the game

    def start_game(self, scenario: Scenario | SimpleNamespace, game: Game | None = None) -> None:
        """Start (or, with ``game``, resume) a game and show the play screen."""
        if game is None:
            if self.load_scenario is not None:
                self.prepare_game()
            preparation = self._preparation
            if preparation is not None and preparation.seed == self.seed:
                # Enter came before the game was built behind the briefing: wait for it here (the
                # wait the player had before issue 21, now only for the part not yet done).
                preparation.done.wait()
                if not self._take_prepared(preparation):
                    return
        if isinstance(scenario, SimpleNamespace):
            scenario = self.scenario
        self.scenario = scenario
        from game.engine.controller import GameController
        from game.engine.game import Game

        prepared, self._prepared = self._prepared, None
        if game is None and prepared is not None and prepared[0] == self.seed and prepared[1] is scenario:
            fresh = prepared[2]
        else:
            fresh = _take_prebuilt(scenario, self.seed) if game is None else None
        listeners = list(self.listeners)
        if game is None and self.recorder_factory is not None:
            self._close_recorder()
            try:
                self.recorder = self.recorder_factory(self.scenario_ref or scenario.id, scenario, self.seed)
            except Exception as error:  # noqa: BLE001 - recording must never stop the game
                self.recorder = None
                self.notify(
                    f"This game is not being saved: {getattr(error, 'strerror', None) or error}",
                    severity="warning",
                    markup=False,
                )
            if self.recorder is not None:
                listeners.append(self.recorder)
        elif game is not None and self.recorder is not None:
            listeners.append(self.recorder)
        if self.recorder is not None:
            listeners.append(_RecordingWatch(self))
        listeners.extend(self.game_listeners())
        self.controller = GameController(game or fresh or Game(scenario, self.seed), listeners, gate=self.turn_gate())
        self._show(self.play_screen(self.controller))

    def resume_game(self, scenario: Scenario, game: Game, recorder: GameListener | None) -> None:
        """Carry on a restored game, recording on into its log."""
        self._close_recorder()
        self.recorder = recorder
        self.seed = game.seed
        if game.over:
            from game.engine.controller import GameController

            self.scenario = scenario
            self.controller = GameController(game, [])
            self.show_debrief()
            return
        self.start_game(scenario, game)

    def _show(self, screen) -> None:
        """Switch to ``screen``, or push it over the first screen (Textual's default screen: the first
        briefing or title screen, see ``get_default_screen``, or its blank one), which stays below."""
        if len(self.screen_stack) <= 1:
            self.push_screen(screen)
        else:
            self.switch_screen(screen)

    def _close_recorder(self) -> None:
        close = getattr(self.recorder, "close", None)
        if close is not None:
            close()
        self.recorder = None

    def on_unmount(self) -> None:
        self._close_recorder()

    def show_debrief(self) -> None:
        from game.ui.screens.debrief import DebriefScreen

        self.clear_notifications()  # the play screen's toasts would cover the outcome
        self._show(DebriefScreen(self.controller.game))

    def action_to_title(self) -> None:
        self.controller = None
        self._show(self._title_screen())

    # ------------------------------------------------------------------------------ quitting

    async def action_quit(self) -> None:
        """Ask first while a game is under way (until sessions exist, quitting loses it)."""
        from game.ui.screens.modals import ConfirmScreen

        if isinstance(self.screen, ConfirmScreen):
            return
        playing = self.controller is not None and not self.controller.game.over
        if not playing:
            self.exit()
            return
        self.push_screen(
            ConfirmScreen("Quit Bashtag?", self.saved_note(), yes="Quit", no="Keep playing"),
            lambda yes: self.exit() if yes else None,
        )
