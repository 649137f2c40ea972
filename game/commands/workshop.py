"""Run a team workshop: create it, watch it live, serve it to browsers, report on it.

  bashtag workshop new askjpm --teams 3 [--lockstep]   the join codes and the facilitator's code
  bashtag workshop dashboard --code FACILITATOR-CODE    the live dashboard (pace, pause, inject, end)
  bashtag workshop status --code CODE [--json]          every team's figures
  bashtag workshop schedule INJECT --turn N [--teams Red,Blue] --code CODE   an inject on the timeline
  bashtag workshop serve [--host 127.0.0.1] [--port 8000]   teams play in a browser
  bashtag workshop report --code CODE [-o FILE]         the comparative debrief
Teams join with `bashtag join CODE`.  WORKSHOP defaults to the latest one.  See docs/facilitation.md.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

DEFAULT_TEAM_NAMES = [
    "Red",
    "Blue",
    "Green",
    "Gold",
    "Violet",
    "Orange",
    "Teal",
    "Grey",
    "Pink",
    "Navy",
    "Amber",
    "Jade",
    "Ruby",
    "Slate",
    "Coral",
    "Olive",
    "Indigo",
    "Ivory",
    "Lime",
    "Rust",
]
MAX_TEAMS = 40


def configure(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter  # keep the usage lines above as written
    sub = parser.add_subparsers(dest="workshop_command", metavar="STEP")
    new = sub.add_parser("new", help="create a workshop and print its codes")
    new.add_argument("scenario", help="a built-in scenario id (see `bashtag list`) or a path to a .yaml file")
    new.add_argument("--teams", type=int, required=True, help=f"how many teams (1 to {MAX_TEAMS})")
    new.add_argument("--seed", type=int, default=None, help="the seed every team plays (default: random)")
    new.add_argument("--name", default=None, help="the workshop's name (default: the scenario's title)")
    new.add_argument("--team-names", default=None, help="comma-separated team names (default: colours)")
    new.add_argument(
        "--lockstep", action="store_true", help="teams cannot end a turn until the facilitator opens the next one"
    )
    new.add_argument("--json", action="store_true", help="print the workshop as JSON")

    status = sub.add_parser("status", help="every team's turn, reputation, posts and outcome")
    status.add_argument("workshop", nargs="?", default=None, help="a workshop id (default: the latest)")
    status.add_argument("--json", action="store_true", help="print JSON")
    status.add_argument("--code", default=None, help="the facilitator's code (asked for when not given)")

    dash = sub.add_parser("dashboard", help="the facilitator's live dashboard")
    dash.add_argument("workshop", nargs="?", default=None, help="a workshop id (default: the latest)")
    dash.add_argument("--code", default=None, help="the facilitator's code (asked for when not given)")

    report = sub.add_parser("report", help="the comparative debrief of every team")
    report.add_argument("workshop", nargs="?", default=None, help="a workshop id (default: the latest)")
    report.add_argument(
        "--format",
        choices=("md", "html"),
        default=None,
        help="md (default) or html; guessed from -o's extension when not given",
    )
    report.add_argument("-o", "--output", type=Path, default=None, help="write to this file instead of stdout")
    report.add_argument("--code", default=None, help="the facilitator's code (asked for when not given)")

    schedule = sub.add_parser("schedule", help="schedule a prepared inject for a turn (all teams or some)")
    schedule.add_argument(
        "inject",
        help="a prepared inject's id (the scenario's injects; `bashtag workshop schedule --list` shows them)",
        nargs="?",
    )
    schedule.add_argument("--turn", type=int, default=None, help="each team receives it on reaching this turn")
    schedule.add_argument(
        "--at",
        default=None,
        metavar="'YYYY-MM-DD HH:MM'",
        help="or at this simulated time (the scenario's local time): the turn it falls in",
    )
    schedule.add_argument("--teams", default=None, help="comma-separated team names (default: every team)")
    schedule.add_argument("--list", action="store_true", help="list the scenario's prepared injects")
    schedule.add_argument("--workshop", default=None, help="a workshop id (default: the facilitator code's)")
    schedule.add_argument("--code", default=None, help="the facilitator's code (asked for when not given)")

    serve = sub.add_parser("serve", help="serve the workshop to browsers (textual-serve)")
    serve.add_argument("workshop", nargs="?", default=None, help="a workshop id (default: the latest)")
    serve.add_argument(
        "--host", default="127.0.0.1", help="the address to listen on (default 127.0.0.1: this machine only)"
    )
    serve.add_argument("--port", type=int, default=8000, help="the port (default 8000)")
    serve.add_argument(
        "--public-url",
        default=None,
        help="the address teams type, when it is not this machine's (behind a proxy or a tunnel)",
    )
    serve.add_argument(
        "--max-windows",
        type=int,
        default=None,
        help="the most browser windows served at once (default: the teams + 2; each is a process of about 100 MB)",
    )
    parser.set_defaults(_workshop_parser=parser)


def run(args: argparse.Namespace) -> int:
    from game.workshop.store import WorkshopError

    step = getattr(args, "workshop_command", None)
    if step is None:
        args._workshop_parser.print_help(sys.stderr)
        return 2
    try:
        return {
            "new": _new,
            "status": _status,
            "dashboard": _dashboard,
            "report": _report,
            "serve": _serve,
            "schedule": _schedule,
        }[step](args)
    except WorkshopError as error:
        print(f"bashtag workshop {step}: {error}", file=sys.stderr)
        return 1
    except UsageError as error:
        print(f"bashtag workshop {step}: {error}", file=sys.stderr)
        return 2


def _err(step: str, text: str) -> None:
    print(f"bashtag workshop {step}: {text}", file=sys.stderr)


def _new(args) -> int:
    from game.scenario.library import resolve
    from game.scenario.loader import load_scenario
    from game.scenario.problems import ScenarioError
    from game.sessions.log import sha256_of
    from game.workshop.store import WorkshopStore

    if not 1 <= args.teams <= MAX_TEAMS:
        _err("new", f"--teams must be between 1 and {MAX_TEAMS}")
        return 2
    try:
        path = resolve(args.scenario)
        scenario = load_scenario(path)
    except ScenarioError as error:
        _err("new", f"cannot use {args.scenario}:\n{error}")
        return 1
    except OSError as error:
        _err("new", f"cannot read {args.scenario}: {error.strerror or error}")
        return 1
    if args.team_names:
        names = [n.strip() for n in args.team_names.split(",") if n.strip()]
        if len(names) != args.teams:
            _err("new", f"--team-names gives {len(names)} names for {args.teams} teams")
            return 2
    else:
        names = [DEFAULT_TEAM_NAMES[i] if i < len(DEFAULT_TEAM_NAMES) else f"Team {i + 1}" for i in range(args.teams)]
    seed = args.seed
    if seed is None:
        import random

        seed = random.SystemRandom().randrange(1, 1_000_000)
    # A path is kept absolute so teams' processes started elsewhere find the same file.
    ref = (
        args.scenario
        if Path(args.scenario).suffix not in (".yaml", ".yml") and not Path(args.scenario).exists()
        else str(path.resolve())
    )
    store = WorkshopStore()
    workshop, facilitator, teams = store.create(
        name=args.name or scenario.title,
        scenario_ref=ref,
        scenario_id=scenario.id,
        scenario_sha256=sha256_of(path),
        seed=seed,
        team_names=names,
        lockstep=args.lockstep,
    )
    if args.json:
        print(
            json.dumps(
                {
                    "workshop": workshop.id,
                    "scenario": scenario.id,
                    "seed": seed,
                    "facilitator_code": facilitator,
                    "teams": [{"name": name, "code": code} for name, code in teams],
                },
                ensure_ascii=False,
            )
        )
        return 0
    print(f"Workshop {workshop.id}: {workshop.name}")
    print(f"Scenario {scenario.id}, seed {seed}{', lockstep' if args.lockstep else ''}")
    print(f"\nFacilitator's code (keep it to yourself): {facilitator}\n")
    width = max(len(name) for name, _ in teams)
    for name, code in teams:
        print(f"  {name:<{width}}  {code}")
    print("\nTeams join with `bashtag join CODE` (or in a browser: `bashtag workshop serve`).")
    print(f"Watch them with `bashtag workshop dashboard {workshop.id} --code {facilitator}`.")
    print(f"Afterwards: `bashtag workshop report {workshop.id} --code {facilitator} -o debrief.html`.")
    print("The codes are shown only now: note them down.", file=sys.stderr)
    return 0


def facilitator_workshop(store, args, step: str):
    """The workshop the facilitator's code opens: from --code, or asked for on the terminal.  Teams often
    play as the facilitator's own user (over SSH): the code, not the account, keeps every team's
    figures to the facilitator."""
    from game.workshop.store import WorkshopError

    code = args.code
    if not code:
        if not sys.stdin.isatty():
            raise UsageError("give the facilitator's code with --code CODE (there is no terminal to ask for it on)")
        import getpass

        try:
            code = getpass.getpass("Facilitator's code: ")
        except (EOFError, KeyboardInterrupt):
            raise UsageError("no facilitator's code given") from None
    if not code.strip():
        raise WorkshopError("no facilitator's code given")
    return store.facilitator(args.workshop, code)


class UsageError(Exception):
    """Bad usage (exit 2): a sentence for stderr."""


def status_data(store, workshop_id) -> dict:
    workshop = store.workshop(workshop_id)
    teams = store.teams(workshop.id)
    injects = store.inject_counts_by_team(workshop.id)
    each_inject = _with_prepared_words(store.injects_by_team(workshop.id), workshop.scenario_ref)
    return {
        "workshop": workshop.id,
        "scenario": workshop.scenario_id,
        "name": workshop.name,
        "seed": workshop.seed,
        "lockstep": workshop.lockstep,
        "open_turn": workshop.open_turn,
        "paused": workshop.paused,
        "ended": workshop.ended,
        "timer_seconds": workshop.timer_seconds,
        "timer_remaining": workshop.timer_remaining(),
        "teams": [
            {
                "name": t.name,
                "turn": t.turn,
                "turns_total": t.turns_total,
                "reputation": t.reputation,
                "total_posts": t.total_posts,
                "press": t.press,
                "virality": t.virality,
                # on a video platform, the crowd's clicks so far (null on a microblog)
                "likes": t.reactions[0] if t.reactions else None,
                "dislikes": t.reactions[1] if t.reactions else None,
                "last_action": t.last_actions[-1] if t.last_actions else None,
                "injects_sent": injects.get(t.id, (0, 0))[0],
                "injects_received": injects.get(t.id, (0, 0))[1],
                "injects_answered": sum(1 for i in each_inject.get(t.id, []) if i["state"] == "answered"),
                # Each inject sent or scheduled to the team: its state and the action that answered it.
                "injects": each_inject.get(t.id, []),
                "outcome": t.outcome,
                "waiting": t.waiting,
                "started": t.session_path is not None,
                "updated": t.updated,
            }
            for t in teams
        ],
    }


def _with_prepared_words(by_team: dict[int, list[dict]], scenario_ref: str) -> dict[int, list[dict]]:
    """A prepared inject is stored by its id alone; a script reading `status --json` wants the words the
    team saw: its label and headline, from the workshop's scenario (left as stored if it cannot be read)."""
    prepared: dict = {}
    if any(i["inject_id"] for injects in by_team.values() for i in injects):
        from game.scenario.library import load

        try:
            prepared = {i.id: i for i in load(scenario_ref).injects}
        except Exception:  # noqa: BLE001 - the scenario file moved or changed: the ids still say which
            prepared = {}
    for injects in by_team.values():
        for entry in injects:
            inject = prepared.get(entry["inject_id"] or "")
            entry["label"] = inject.label if inject else entry["headline"]
            if inject and entry["headline"] is None:
                entry["headline"] = inject.headline
    return by_team


def _status(args) -> int:
    from game.workshop.store import WorkshopStore

    store = WorkshopStore()
    workshop = facilitator_workshop(store, args, "status")
    data = status_data(store, workshop.id)
    if args.json:
        print(json.dumps(data, ensure_ascii=False))
        return 0
    flags = [
        f
        for f, on in (
            (f"lockstep, open turn {data['open_turn']}", data["lockstep"]),
            ("paused", data["paused"]),
            ("ended", data["ended"]),
        )
        if on
    ]
    print(
        f"Workshop {data['workshop']}: {data['name']} ({data['scenario']}, seed {data['seed']})"
        + (f" — {', '.join(flags)}" if flags else "")
    )
    width = max((len(t["name"]) for t in data["teams"]), default=4)
    # injects: received of sent; answered: of those received, how many the team answered (answered_by)
    print(f"  {'team':<{width}}  turn  reputation  posts  press  injects  answered   outcome")
    for t in data["teams"]:
        rep = f"{t['reputation']:.1f}" if t["reputation"] is not None else "—"
        press = f"{t['press']:.0f}" if t["press"] is not None else "—"
        injects = f"{t['injects_received']}/{t['injects_sent']}"
        state = t["outcome"] or ("waiting" if t["waiting"] else ("playing" if t["started"] else "not started"))
        print(
            f"  {t['name']:<{width}}  {t['turn']:>4}  {rep:>10}  {t['total_posts']:>5}  {press:>5}  {injects:>7}  "
            f"{t['injects_answered']:>8}   {state}"
        )
    return 0


def _dashboard(args) -> int:
    from game.workshop.store import WorkshopStore

    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UsageError(
            "the dashboard is a full-screen app and needs a terminal; for a script or a log, use "
            "`bashtag workshop status --code CODE --json`"
        )
    store = WorkshopStore()
    workshop = facilitator_workshop(store, args, "dashboard")
    from game.workshop.dashboard import DashboardApp

    DashboardApp(store, workshop.id).run()
    return 0


def _report(args) -> int:
    from game.commands._shared import emit, report_format
    from game.workshop.report import render
    from game.workshop.store import WorkshopStore

    store = WorkshopStore()
    workshop = facilitator_workshop(store, args, "report")
    text, warnings = render(store, workshop.id, report_format(args.format, args.output))
    for warning in warnings:
        _err("report", f"warning: {warning}")
    return emit("workshop report", text, args.output)


def turn_at(scenario, seed: int, when: str) -> int:
    """The turn a simulated time falls in (the last turn starting at or before it)."""
    import datetime as dt

    from game.engine.game import Game

    try:
        moment = dt.datetime.fromisoformat(when.strip())
    except ValueError:
        raise UsageError(f"--at {when!r}: write the simulated time as YYYY-MM-DD HH:MM") from None
    # The turns' start times are the scenario's clock, the same for every team: play them out unattended.
    game = Game(scenario, seed)
    starts = [game.state.time]
    while not game.over:
        game.end_turn()
        starts.append(game.state.time)
    first = starts[0]
    if (moment.tzinfo is None) != (first.tzinfo is None):
        moment = moment.replace(tzinfo=first.tzinfo)
    if moment < first:
        raise UsageError(f"--at {when}: the scenario starts at {first:%Y-%m-%d %H:%M}")
    turn = max(i for i, start in enumerate(starts[:-1], start=1) if start <= moment) if moment < starts[-1] else None
    if turn is None:
        raise UsageError(f"--at {when}: the scenario ends at {starts[-1]:%Y-%m-%d %H:%M}")
    return turn


def _schedule(args) -> int:
    from game.scenario.library import load
    from game.workshop.dashboard import effect_words
    from game.workshop.store import WorkshopError, WorkshopStore

    store = WorkshopStore()
    workshop = facilitator_workshop(store, args, "schedule")
    try:
        injects = {i.id: i for i in load(workshop.scenario_ref).injects}
    except Exception as error:  # noqa: BLE001 - the scenario file moved or changed
        raise WorkshopError(f"the workshop's scenario cannot be loaded: {error}") from None
    if args.list or not args.inject:
        if not injects:
            print("This scenario prepares no injects.", file=sys.stderr)
        for ident, inject in injects.items():
            effects = effect_words(inject.effects) or "no effect on the figures"
            print(f"{ident}\t{inject.label}\t{effects}")
        return 0 if args.list else 2
    if args.inject not in injects:
        raise UsageError(f"the scenario has no inject {args.inject!r}: one of {', '.join(injects) or '(none)'}")
    if args.at is not None:
        if args.turn is not None:
            raise UsageError("give --turn or --at, not both")
        args.turn = turn_at(load(workshop.scenario_ref), workshop.seed, args.at)
    if args.turn is None or args.turn < 1:
        raise UsageError("give the turn with --turn N (1 or more), or a simulated time with --at")
    teams = store.teams(workshop.id)
    chosen = teams
    if args.teams:
        wanted = [n.strip() for n in args.teams.split(",") if n.strip()]
        by_name = {t.name.lower(): t for t in teams}
        unknown = [n for n in wanted if n.lower() not in by_name]
        if unknown:
            raise UsageError(f"no team named {', '.join(unknown)} (teams: {', '.join(t.name for t in teams)})")
        chosen = [by_name[n.lower()] for n in wanted]
    store.send_inject(workshop.id, inject_id=args.inject, at_turn=args.turn, team_ids=[t.id for t in chosen])
    print(
        f"Scheduled “{injects[args.inject].label}” for turn {args.turn}"
        + (f" (the turn {args.at} falls in)" if args.at else "")
        + ": "
        f"{', '.join(t.name for t in chosen)} each receive it on reaching that turn."
    )
    return 0


def _serve(args) -> int:
    from game.workshop.serve import serve

    return serve(args.workshop, args.host, args.port, public_url=args.public_url, max_windows=args.max_windows)
