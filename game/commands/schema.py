"""Print the JSON Schema of the scenario format.

Point your editor's YAML language server at it (first line of a scenario file:
`# yaml-language-server: $schema=PATH`) for checking and hover help as you type.
"""

from __future__ import annotations

import argparse
import sys


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", metavar="PATH", help="write the schema to PATH instead of stdout")


def run(args: argparse.Namespace) -> int:
    from game.scenario.schema import schema_json

    text = schema_json()
    if args.output:
        try:
            with open(args.output, "w", encoding="utf-8") as handle:
                handle.write(text)
        except OSError as error:
            print(f"{args.output}: error: cannot write ({error.strerror or error})", file=sys.stderr)
            return 1
        print(f"wrote {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0
