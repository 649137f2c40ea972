"""Write a game's debrief for a facilitator: outcome, charts, decisions, what if, lessons, questions.

  bashtag report                          the latest game, markdown on stdout
  bashtag report ID --format html -o debrief.html

An unfinished game is reported up to where it stopped, and the report says so.  HTML is one
self-contained file (inline SVG charts, no scripts); it is written to stdout when -o is not given.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from game.commands._shared import keep_line_breaks


def configure(parser: argparse.ArgumentParser) -> None:
    keep_line_breaks(parser)
    parser.add_argument(
        "session",
        nargs="?",
        default="latest",
        help="a session id (see `bashtag sessions`), a path, or `latest` (default)",
    )
    parser.add_argument(
        "--format",
        choices=("md", "html"),
        default=None,
        help="md (default) or html; guessed from -o's extension when not given",
    )
    parser.add_argument("-o", "--output", type=Path, default=None, help="write to this file instead of stdout")
    parser.add_argument(
        "--anyway", action="store_true", help="report even though the scenario file changed since the game was recorded"
    )


def run(args: argparse.Namespace) -> int:
    from game.commands._shared import emit, report_format, restore_or_explain

    fmt = report_format(args.format, args.output)
    restored = restore_or_explain("report", args.session, args.anyway, hint="report it replayed on the new scenario")
    if restored is None:
        return 1
    from game.reports import render

    text = render(restored.game, fmt, info=restored.info, warnings=restored.warnings)
    return emit("report", text, args.output)
