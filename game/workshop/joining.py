"""From a team's join code to a game ready to play: a new one, or the team's own game resumed from its log.

    joined = join(code)            # raises WorkshopError / SessionError with a sentence to show
    joined.configure(app)          # the Textual app plays as the team (briefing, or straight back in)
    controller = joined.headless() # the same game driven without a screen (tests, benchmarks)

The team's session log is the game (replay is exact); the store only remembers where it is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from game.sessions.errors import SessionError
from game.workshop.link import TeamLink
from game.workshop.store import Team, Workshop, WorkshopError, WorkshopStore


@dataclass
class Joined:
    store: WorkshopStore
    team: Team
    workshop: Workshop
    scenario: object
    link: TeamLink
    game: object | None = None  # a restored game (None: the team has not started yet)
    recorder: object | None = None
    warnings: list[str] = field(default_factory=list)
    lock: object | None = None  # held while this process plays the team (see _lock_team)

    def release(self) -> None:
        """Let another process play this team (the lock also goes when this process ends, even killed)."""
        if self.lock is not None:
            self.lock.close()
            self.lock = None

    def start_recording(self, ref=None, scenario=None, seed=None):
        """A new session log for the team, claimed in the store (the app's recorder factory)."""
        from game.sessions import Recorder

        recorder = Recorder.start_for(
            self.workshop.scenario_ref,
            self.scenario,
            self.workshop.seed,
            team=self.team.name,
            workshop=self.workshop.id,
        )
        _owner_only(Path(recorder.path))
        used = self.store.claim_session(self.team.id, str(recorder.path))
        if used != str(recorder.path):
            recorder.close()
            Path(recorder.path).unlink(missing_ok=True)
            raise SessionError("this team's game was started in another window: join again with the code")
        return recorder

    def configure(self, app) -> None:
        """Make ``app`` (a :class:`game.workshop.team_app.WorkshopTeamApp`, already running or not) play
        as this team."""
        app.play_as(self.link)
        app.scenario = self.scenario
        app.scenario_ref = self.workshop.scenario_ref
        app.seed = self.workshop.seed
        app.recorder_factory = self.start_recording
        app.title = f"Bashtag — team {self.team.name}"

    def start_in(self, app) -> None:
        """Show the briefing (a new team) or carry on the team's game, in a running app."""
        self.configure(app)
        if self.game is not None:
            app.resume_game(self.scenario, self.game, self.recorder)
        else:
            app.show_briefing(self.scenario, self.workshop.scenario_ref)

    def headless(self):
        """A GameController for this team with its recorder and link, no screen (the test driver's path)."""
        from game.engine.controller import GameController
        from game.engine.game import Game

        recorder = self.recorder or self.start_recording()
        game = self.game or Game(self.scenario, self.workshop.seed)
        controller = GameController(game, [recorder, self.link], gate=self.link.gate)
        self.link.report_now(game)
        return controller, recorder


def join(code: str, store: WorkshopStore | None = None) -> Joined:
    """The team ``code`` belongs to, with its scenario loaded and its game restored if it has one."""
    from game.scenario.library import LibraryError, resolve
    from game.scenario.loader import load_scenario
    from game.scenario.problems import ScenarioError
    from game.sessions.log import sha256_of

    store = store or WorkshopStore()
    team, workshop = store.team_by_code(code)
    try:
        path = resolve(workshop.scenario_ref)
        if sha256_of(path) != workshop.scenario_sha256:
            raise WorkshopError(
                f"the scenario {workshop.scenario_ref} has changed since the workshop was created; "
                "every team must play the same scenario — ask the facilitator"
            )
        scenario = load_scenario(path)
    except (LibraryError, ScenarioError) as error:
        raise WorkshopError(f"the workshop's scenario cannot be loaded: {error}") from None
    except OSError as error:
        raise WorkshopError(f"the workshop's scenario cannot be read: {error.strerror or error}") from None
    joined = Joined(store, team, workshop, scenario, TeamLink(store, team, workshop), lock=_lock_team(team.id))
    store.mark_joined(team.id)  # the dashboard says "reading the briefing", not "not joined"
    if team.session_path and Path(team.session_path).is_file():
        from game.sessions import Recorder
        from game.sessions.restore import restore

        try:
            restored = restore(Path(team.session_path))
        except SessionError:
            joined.release()
            raise
        joined.game = restored.game
        try:
            joined.recorder = Recorder.reopen(restored.info, restored.valid_bytes)
        except OSError as error:
            joined.release()
            raise WorkshopError(
                f"cannot write the team's saved game {team.session_path} "
                f"({error.strerror or error}): its folder must be writable by this user"
            ) from None
        joined.warnings = list(restored.warnings)
        applied = sum(1 for taken in restored.game.state.taken if taken.kind == "inject")
        store.reconcile_injects(team.id, applied)
    return joined


def _owner_only(path: Path) -> None:
    """A team's session log holds its whole game: readable by its owner only (other users on the
    facilitator's machine, e.g. teams over SSH, must not read another team's game)."""
    import os

    try:
        os.chmod(path, 0o600)
    except OSError:
        pass


def _lock_team(team_id: int):
    """An exclusive lock on the team, so two windows (two browser tabs with the same code) never write
    one session log at once; the OS drops it when the process ends, however it ends."""
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks here; one window per team, please
        return None
    from game.sessions.store import data_dir

    folder = data_dir() / "workshop-locks"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle = open(folder / f"team-{int(team_id)}.lock", "a")
    except OSError as error:
        raise WorkshopError(
            f"cannot write the team's lock file in {folder} ({error.strerror or error}): the data "
            "folder must be writable by this user — or set BASHTAG_DATA_DIR to a folder that is"
        ) from None
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        raise WorkshopError(
            "this team is already playing in another window or browser tab: carry on there, or close it and join again"
        ) from None
    return handle
