"""List the built-in scenarios.

A table on stdout (id, year, difficulty, title, summary); `--json` for scripts.
"""

from __future__ import annotations

import argparse
import json
import sys


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print a JSON list instead of a table")


def run(args: argparse.Namespace) -> int:
    from game.scenario.library import builtin_scenarios

    infos = builtin_scenarios()
    if args.json:
        json.dump([info.as_dict() for info in infos], sys.stdout, indent=2, ensure_ascii=False)
        print()
        return 0
    if not infos:
        print("no built-in scenarios found", file=sys.stderr)
        return 0
    rows = [("ID", "YEAR", "DIFFICULTY", "TITLE", "SUMMARY")] + [
        (i.id, str(i.year or ""), i.difficulty, i.title, i.summary) for i in infos
    ]
    widths = [max(len(row[c]) for row in rows) for c in range(4)]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)) + "  " + row[4])
    return 0
