"""Start a new scenario file from a commented, playable scaffold.

`bashtag new my-crisis` writes ./my-crisis.yaml (`--platform video` for a crisis under one video);
`--from askjpm` copies an existing scenario (a
built-in id or a file) under the new id instead.  An existing file is never overwritten.
"""

from __future__ import annotations

import argparse
import sys


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", metavar="ID", help="the new scenario's id: lowercase letters, digits, '-', '_'")
    parser.add_argument("--from", dest="source", metavar="SCENARIO", help="copy this scenario (id or file)")
    parser.add_argument("-o", "--output", metavar="PATH", help="where to write it (default: ./ID.yaml)")
    parser.add_argument(
        "--platform",
        choices=("microblog", "video"),
        default="microblog",
        help="where the crisis lives: a hashtag on a microblog (default) or one video on a video platform",
    )


def run(args: argparse.Namespace) -> int:
    from game.scenario.library import resolve
    from game.scenario.loader import load_scenario_with_warnings
    from game.scenario.problems import ScenarioError
    from game.scenario.scaffold import ID_PATTERN, copy_with_id, scaffold_text

    if args.source and args.platform != "microblog":
        print("bashtag new: error: --platform is for a new scaffold; --from copies its scenario's own", file=sys.stderr)
        return 2
    if not ID_PATTERN.match(args.id):
        print(
            f"bashtag new: error: {args.id!r} is not an id: use lowercase letters, digits, '-' and '_' "
            "(at most 48, starting with a letter or digit)",
            file=sys.stderr,
        )
        return 2
    output = args.output or f"{args.id}.yaml"
    if args.source:
        try:
            source = resolve(args.source)
            text = copy_with_id(source.read_text(encoding="utf-8"), args.id)
        except ScenarioError as error:
            for problem in error.problems:
                print(problem, file=sys.stderr)
            return 1
        except (OSError, UnicodeDecodeError, ValueError) as error:
            print(f"{args.source}: error: {error}", file=sys.stderr)
            return 1
    else:
        text = scaffold_text(args.id, platform=args.platform)
    try:
        load_scenario_with_warnings(text, name=output)
    except ScenarioError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print("not written: the source scenario is not valid; fix it first", file=sys.stderr)
        return 1
    try:
        with open(output, "x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        print(f"{output}: error: the file already exists; choose another id or -o PATH", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"{output}: error: cannot write ({error.strerror or error})", file=sys.stderr)
        return 1
    print(f"wrote {output} — check it with: bashtag validate {output}", file=sys.stderr)
    print(output)
    return 0
