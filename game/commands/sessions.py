"""List saved games: when, scenario, seed, turn reached, outcome (and workshop and team, for a team's game).

  bashtag sessions          a table, newest last
  bashtag sessions --json   the same for scripts

The id in the first column (or any unique start of it, or `latest`) names a game for `bashtag
replay`, `report`, `export` and `play --resume`.
"""

from __future__ import annotations

import argparse
import json
import sys

from game.commands._shared import keep_line_breaks


def configure(parser: argparse.ArgumentParser) -> None:
    keep_line_breaks(parser)
    parser.add_argument("--json", action="store_true", help="print a JSON list instead of a table")


def run(args: argparse.Namespace) -> int:
    from game.sessions import SessionError, quick_info
    from game.sessions.store import session_files, sessions_dir

    infos, damaged = [], []
    for path in session_files():
        try:
            infos.append(quick_info(path))
        except SessionError as error:
            damaged.append((path, error))
    for path, error in damaged:
        print(f"bashtag sessions: skipped {path.name}: {error}", file=sys.stderr)
    if args.json:
        json.dump([info.as_dict() for info in infos], sys.stdout, indent=2, ensure_ascii=False)
        print()
        return 0
    if not infos:
        print(f"no saved games in {sessions_dir()}", file=sys.stderr)
        return 0
    workshops = any(info.workshop or info.team for info in infos)
    rows = [("ID", "WHEN", "SCENARIO", "SEED", "TURN", "OUTCOME") + (("WORKSHOP", "TEAM") if workshops else ())]
    for info in infos:
        when = info.created.replace("T", " ")[:16]
        turn = f"{info.turns_played} played" if info.outcome else f"{info.turn}"
        row = (info.id, when, info.scenario_id, str(info.seed), turn, info.outcome or "in progress")
        # A workshop's games say whose they are (a facilitator's machine holds every team's).
        rows.append(row + ((info.workshop or "-", info.team or "-") if workshops else ()))
    widths = [max(len(row[c]) for row in rows) for c in range(len(rows[0]))]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())
    return 0
