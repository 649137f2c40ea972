"""Import a game exported with `bashtag export` into your saved games.

  bashtag import team-blue.bashtag.json

The scenario it carries is validated and the game replayed before anything is saved.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.commands._shared import keep_line_breaks


def configure(parser: argparse.ArgumentParser) -> None:
    keep_line_breaks(parser)
    parser.add_argument("file", type=Path, help="a file written by `bashtag export`")


def run(args: argparse.Namespace) -> int:
    from game.sessions import SessionError
    from game.sessions.bundle import import_session
    from game.sessions.store import session_id

    try:
        path, warnings = import_session(args.file)
    except SessionError as error:
        print(f"bashtag import: {error}", file=sys.stderr)
        return 1
    for warning in warnings:
        print(f"bashtag import: warning: {warning}", file=sys.stderr)
    print(session_id(path))
    return 0
