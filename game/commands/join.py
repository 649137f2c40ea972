"""Play as a team in a workshop: `bashtag join CODE` (your facilitator gives you the code).

Joining again with the same code carries on the team's game where it was.  `--ask` asks for the code
on screen instead (what `bashtag workshop serve` runs for each browser).
"""

from __future__ import annotations

import sys


def configure(parser):
    parser.add_argument("code", nargs="?", help="the team's join code, e.g. K7QX-M2PA-9RTE")
    parser.add_argument("--ask", action="store_true", help="ask for the code on screen")
    parser.add_argument("--workshop", default=None, help="with --ask: accept only codes of this workshop")


def run(args) -> int:
    from game.workshop.team_app import WorkshopTeamApp

    if args.ask or not args.code:  # no code given: ask on screen
        from game.workshop.join_screen import JoinScreen

        workshop = args.workshop
        WorkshopTeamApp(first_screen=lambda: JoinScreen(workshop)).run()
        return 0
    from game.sessions.errors import SessionError
    from game.workshop.joining import join
    from game.workshop.store import WorkshopError

    try:
        joined = join(args.code)
    except (WorkshopError, SessionError) as error:
        print(f"bashtag join: {error}", file=sys.stderr)
        return 1
    for warning in joined.warnings:
        print(f"bashtag join: warning: {warning}", file=sys.stderr)
    app = WorkshopTeamApp(
        scenario=joined.scenario,
        seed=joined.workshop.seed,
        scenario_ref=joined.workshop.scenario_ref,
        resumed=(joined.game, joined.recorder) if joined.game is not None else None,
    )
    joined.configure(app)
    app.run()
    return 0
