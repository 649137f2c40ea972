"""Check scenario files and print every problem with its line and column.

Each problem is one line on stderr, `FILE:LINE:COL: error: WHERE: WHAT`, the format editors and CI
understand; a summary line follows.  Exit 0 when every file is valid (warnings allowed), 1 when any
has an error.  Built-in scenario ids are accepted as well as paths.
"""

from __future__ import annotations

import argparse
import json
import sys


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="scenario files or built-in ids")
    parser.add_argument("--json", action="store_true", help="print the problems as JSON on stdout")
    parser.add_argument("-q", "--quiet", action="store_true", help="no summary line")


def run(args: argparse.Namespace) -> int:
    from game.scenario.library import resolve
    from game.scenario.loader import load_scenario_with_warnings
    from game.scenario.problems import ScenarioError

    report = []
    invalid = errors = warnings = 0
    for name in args.files:
        try:
            path = resolve(name)
            _, problems = load_scenario_with_warnings(path, name=str(path) if path.name != name else name)
        except ScenarioError as error:
            problems = error.problems
        file_errors = sum(p.is_error for p in problems)
        errors += file_errors
        warnings += len(problems) - file_errors
        invalid += file_errors > 0
        for problem in problems:
            print(problem, file=sys.stderr)
        report.append({"file": name, "valid": file_errors == 0, "problems": [p.as_dict() for p in problems]})
    if args.json:
        json.dump(report, sys.stdout, indent=2)
        print()
    if not args.quiet:
        files = len(args.files)
        counts = f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
        if invalid:
            print(f"{invalid} of {files} file{'s' * (files != 1)} invalid ({counts})", file=sys.stderr)
        else:
            valid = f"{report[0]['file']}: valid" if files == 1 else f"all {files} files valid"
            print(f"{valid} ({counts})", file=sys.stderr)
    return 1 if invalid else 0
