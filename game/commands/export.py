"""Export a saved game to one file (the log and its scenario) to send to someone else.

  bashtag export latest -o team-blue.bashtag.json

The file carries the scenario's text, so `bashtag import` works where the scenario is missing or
has changed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.commands._shared import keep_line_breaks


def configure(parser: argparse.ArgumentParser) -> None:
    keep_line_breaks(parser)
    parser.add_argument("session", help="a session id (see `bashtag sessions`), a path, or `latest`")
    parser.add_argument("-o", "--output", required=True, type=Path, help="the file to write")


def run(args: argparse.Namespace) -> int:
    from game.sessions import SessionError
    from game.sessions.bundle import export_session

    try:
        warnings = export_session(args.session, args.output)
    except SessionError as error:
        print(f"bashtag export: {error}", file=sys.stderr)
        return 1
    for warning in warnings:
        print(f"bashtag export: warning: {warning}", file=sys.stderr)
    print(f"exported to {args.output}", file=sys.stderr)
    return 0
