"""Play a scenario in the terminal: `bashtag play askjpm` (or a path to a scenario file).

`bashtag play` alone, like `bashtag`, opens the title screen to pick one. Every game is saved as it
is played (a session log, flushed at every turn's end); `bashtag play --resume` carries on the
latest game, `--resume SESSION` a given one (see `bashtag sessions`).
"""

from __future__ import annotations

import sys


def configure(parser):
    parser.add_argument(
        "scenario", nargs="?", help="a built-in scenario id (see `bashtag list`) or a path to a .yaml file"
    )
    parser.add_argument(
        "--seed",
        type=int,
        default=None,
        help="the random seed (the same seed and choices give the same game); default: random",
    )
    parser.add_argument(
        "--resume",
        nargs="?",
        const="latest",
        default=None,
        metavar="SESSION",
        help="carry on a saved game: the latest one, or a session id or path",
    )
    parser.add_argument(
        "--anyway", action="store_true", help="with --resume: replay a game whose scenario file has changed since"
    )
    parser.add_argument("--no-save", action="store_true", help="do not record this game")


def _seed(args) -> int:
    seed = getattr(args, "seed", None)
    if seed is None:
        import random

        seed = random.SystemRandom().randrange(1, 1_000_000)
    return seed


def record_new_game(ref: str, scenario, seed: int):
    """The session recorder for a new game (the app calls this when a game starts)."""
    from game.sessions import Recorder

    return Recorder.start_for(ref, scenario, seed)


def saved_game_to_continue(entries=None):
    """The title screen's "Continue" item: the latest unfinished saved game, or None.

    ``entries``: the title screen's scenario list (catalogue entries), to name a built-in case by."""
    from game.sessions import SessionError, quick_info
    from game.sessions.store import session_files

    try:
        files = session_files()
    except (OSError, SessionError):
        return None
    for path in reversed(files):
        try:
            info = quick_info(path)
        except (OSError, SessionError):
            continue
        if info.outcome is None:
            label = f"{_known_title(info.scenario_id, entries)}, turn {info.turn} (saved {info.created[:16].replace('T', ' ')})"
            return label, path
    return None


def _known_title(scenario_id: str, entries=None) -> str:
    """A built-in scenario's title up to its dash ("#HasJustineLandedYet"), else the id as saved:
    the player knows a case by its name, not by its file's id.

    From the title list's entries (each read from its file's head), not ``library.builtin_scenarios``,
    which reads every built-in file in full: 0.1 s in front of the title screen's first frame whenever
    a saved game is there to continue (issue 21)."""
    if entries is None:
        from game.ui import catalogue

        entries = catalogue.builtin()
    for entry in entries:
        if entry.id == scenario_id:
            return entry.title.split(" — ")[0]
    return scenario_id


def run(args) -> int:
    if args.resume is not None:
        return _resume(args.resume, save=not args.no_save, anyway=args.anyway)
    if not args.scenario:
        # `bashtag play` alone is what a new player types: give them the title screen to pick from.
        return run_title(args)
    from game.scenario.library import resolve
    from game.scenario.problems import ScenarioError
    from game.ui.screens.briefing import briefing_facts

    try:
        path = _builtin_file(args.scenario) or resolve(args.scenario)
        # The briefing is the first frame: read what it shows from the file without pydantic, and
        # load the scenario in full behind it (issue 21).  A file not plainly well formed is loaded
        # in full first, so its problems are printed here as before.
        facts = briefing_facts(path)
        scenario = facts if facts is not None else _load(path)
    except LookupError as error:
        print(f"bashtag play: {error.args[0] if error.args else error}", file=sys.stderr)
        return 1
    except ScenarioError as error:
        print(f"bashtag play: cannot play {args.scenario}:\n{error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"bashtag play: cannot read {args.scenario}: {error.strerror or error}", file=sys.stderr)
        return 1
    from game.ui.app import BashtagApp

    factory = None if args.no_save else record_new_game
    app = BashtagApp(
        scenario=scenario,
        seed=_seed(args),
        scenario_ref=args.scenario,
        recorder_factory=factory,
        load_scenario=(lambda: _load(path)) if facts is not None else None,
    )
    app.run()
    if app.load_error is not None:
        if not isinstance(app.load_error, ScenarioError):
            raise app.load_error
        print(f"bashtag play: cannot play {args.scenario}:\n{app.load_error}", file=sys.stderr)
        return 1
    return 0


def _builtin_file(name: str):
    """A built-in's file straight from its id (built-ins are named for their ids; a test checks it),
    without reading every built-in as ``resolve`` does to match ids (issue 21: the first frame)."""
    from pathlib import Path

    from game.scenario.library import builtin_dir

    if "/" in name or "\\" in name or Path(name).exists():
        return None
    folder = builtin_dir()
    candidate = folder / f"{name}.yaml" if folder is not None else None
    return candidate if candidate is not None and candidate.is_file() else None


def _load(path):
    from game.ui import catalogue

    return catalogue.load(path)


def restore_for_play(ref, save: bool = True, anyway: bool = False):
    """(scenario, game, recorder, warnings) for a saved game; raises SessionError in plain words."""
    from game.sessions import Recorder
    from game.sessions.restore import restore

    restored = restore(ref, accept_changed_scenario=anyway)
    recorder = Recorder.reopen(restored.info, restored.valid_bytes) if save else None
    return restored.game.scenario, restored.game, recorder, restored.warnings


def _resume(ref: str, save: bool, anyway: bool = False) -> int:
    from game.sessions import SessionError

    try:
        scenario, game, recorder, warnings = restore_for_play(ref, save, anyway)
    except SessionError as error:
        print(f"bashtag play --resume: {error}", file=sys.stderr)
        if error.scenario_changed:
            print("bashtag play --resume: add --anyway to replay it on the new scenario", file=sys.stderr)
        return 1
    for warning in warnings:
        print(f"bashtag play --resume: warning: {warning}", file=sys.stderr)
    from game.ui.app import BashtagApp

    BashtagApp(
        scenario=scenario, seed=game.seed, resumed=(game, recorder), recorder_factory=record_new_game if save else None
    ).run()
    return 0


def run_title(args) -> int:
    from game.ui.app import BashtagApp

    factory = None if getattr(args, "no_save", False) else record_new_game
    # No --seed: every new game from the title screen draws its own (issue 17).
    app = BashtagApp.for_title(seed=getattr(args, "seed", None), recorder_factory=factory)

    def continue_hook():
        saved = saved_game_to_continue(app.entries)
        if saved is None:
            return None
        label, path = saved

        def resume() -> None:
            from game.sessions import SessionError

            try:
                scenario, game, recorder, warnings = restore_for_play(path)
            except SessionError as error:
                app.notify(str(error), severity="error", markup=False)
                return
            for warning in warnings:
                app.notify(warning, severity="warning", markup=False)
            app.resume_game(scenario, game, recorder)

        return label, resume

    app.continue_hook = continue_hook
    app.run()
    return 0
