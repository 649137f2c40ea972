"""Write a game's debrief for a facilitator: outcome, charts, decisions, what if, lessons, questions.

  bashtag report                          the latest game, markdown on stdout
  bashtag report ID --format html -o debrief.html
An unfinished game is reported up to where it stopped, and the report says so.  HTML is one
self-contained file (inline SVG charts, no scripts); it is written to stdout when -o is not given.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("session", nargs="?", default="latest",
                        help="a session id (see `bashtag sessions`), a path, or `latest` (default)")
    parser.add_argument("--format", choices=("md", "html"), default=None,
                        help="md (default) or html; guessed from -o's extension when not given")
    parser.add_argument("-o", "--output", type=Path, default=None, help="write to this file instead of stdout")
    parser.add_argument("--anyway", action="store_true",
                        help="report even though the scenario file changed since the game was recorded")


def run(args: argparse.Namespace) -> int:
    from game.sessions import SessionError, restore

    fmt = args.format or ("html" if args.output and args.output.suffix.lower() in (".html", ".htm") else "md")
    try:
        restored = restore(args.session, accept_changed_scenario=args.anyway)
    except SessionError as error:
        print(f"bashtag report: {error}", file=sys.stderr)
        if error.scenario_changed:
            print("bashtag report: add --anyway to report it replayed on the new scenario", file=sys.stderr)
        return 1
    for warning in restored.warnings:
        print(f"bashtag report: warning: {warning}", file=sys.stderr)
    from game.reports import render

    text = render(restored.game, fmt, info=restored.info, warnings=restored.warnings)
    if args.output is None:
        sys.stdout.write(text)
        return 0
    try:
        args.output.write_text(text, encoding="utf-8")
    except OSError as error:
        print(f"bashtag report: cannot write {args.output}: {error.strerror or error}", file=sys.stderr)
        return 1
    print(f"wrote {args.output}", file=sys.stderr)
    return 0
