"""Read a draft statement or reply the way the game will: its posture or tone, and why.

`bashtag read TEXT` reads TEXT as a statement (`--as reply` for a reply, `--to POST` for the post it
answers); `--scenario ID` counts the scenario's grievance among the specifics and says what posture
the crisis calls for.  `--batch FILE.jsonl --json` reads one object a line,
{"text": ..., "as": "statement"|"reply", "to": ...}, and writes one reading a line in the same order;
a bad line gets a located message on stderr (and exit 1) while every good line is still answered.
Text the reader cannot read (empty, emoji only, another language, too short) is answered in plain
words, exit 0: it is a reading, not an error.
"""

from __future__ import annotations

import argparse
import json
import sys

KINDS = ("statement", "reply")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("text", nargs="?", metavar="TEXT", help="the words to read ('-' reads stdin)")
    parser.add_argument(
        "--as",
        dest="kind",
        choices=KINDS,
        default="statement",
        help="read it as a public statement (default) or as a reply to a post",
    )
    parser.add_argument("--to", metavar="POST_TEXT", help="the post a reply answers (implies --as reply)")
    parser.add_argument("--scenario", metavar="ID", help="a built-in scenario id or a scenario file")
    parser.add_argument("--batch", metavar="FILE.jsonl", help="read every line of a JSONL file ('-' for stdin)")
    parser.add_argument("--json", action="store_true", help="print the reading as JSON")


def _scenario_context(name: str) -> tuple[str, str | None]:
    """The scenario's grievance in words, and the least accommodating posture its crisis accepts."""
    from game.engine.params import DEFAULT_PARAMS
    from game.engine.responses import POSTURE_RANK, posture_called_for
    from game.scenario.library import load

    scenario = load(name)
    organisation = scenario.organisation
    grievance = " ".join(c.what for c in organisation.history)
    rank = posture_called_for(organisation, DEFAULT_PARAMS)  # as a game weighs it
    # The most accommodating name at that rank: rank 3 is shared by inform, humour and bolster.
    names = [p for p, r in POSTURE_RANK.items() if r == rank]
    return grievance, ("inform" if "inform" in names else names[0]) if names else None


def _read(text: str, kind: str, to: str | None, grievance: str | None):
    from game.words import read_reply, read_statement

    if kind == "reply":
        return read_reply(text, to=to)
    return read_statement(text, scenario_grievance=grievance)


def _print_reading(reading, calls_for: str | None) -> None:
    from game.words import POSTURE_NAMES

    print(reading.summary)
    if calls_for and reading.readable:
        print(f"This crisis calls for at least {POSTURE_NAMES[calls_for]} ({calls_for}).")
    features = reading.features
    if features is None:
        return
    rows = [
        ("apology", features.apology, features.apology_phrases),
        ("responsibility", features.responsibility, features.responsibility_phrases),
        ("corrective action", "yes" if features.corrective_action else "no", features.corrective_action),
        ("compensation", "yes" if features.compensation else "no", features.compensation),
        ("sympathy", "yes" if features.sympathy else "no", features.sympathy),
        ("specifics", str(len(features.specifics)), features.specifics),
        ("boilerplate", f"{features.boilerplate:.0%}", features.boilerplate_phrases),
        ("humour", "yes" if features.humour else "no", features.humour),
        ("hostility to critics", "yes" if features.hostility else "no", features.hostility),
        ("length", f"{features.length} characters, {features.words} words", ()),
    ]
    if features.answers_question is not None:
        rows.insert(6, ("answers the question", "yes" if features.answers_question else "no", ()))
    width = max(len(name) for name, _, _ in rows)
    for name, value, phrases in rows:
        shown = "  " + ", ".join(repr(p) for p in phrases[:4]) if phrases else ""
        print(f"  {name:<{width}}  {value}{shown}")


def _batch(path: str, scenario_grievance: str | None) -> int:
    if path == "-":
        lines = sys.stdin.read().splitlines()
        name = "<stdin>"
    else:
        try:
            with open(path, encoding="utf-8-sig") as handle:  # a BOM from Windows editors is not line 1
                lines = handle.read().splitlines()
        except (OSError, UnicodeDecodeError) as error:
            print(f"bashtag read: cannot read {path}: {getattr(error, 'strerror', None) or error}", file=sys.stderr)
            return 1
        name = path
    bad = 0
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        problem = None
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            problem = f"not JSON ({error.msg}, column {error.colno})"
        else:
            if not isinstance(item, dict):
                problem = "each line must be a JSON object"
            elif not isinstance(item.get("text"), str):
                problem = '"text" must be a string'
            elif item.get("as", "statement") not in KINDS:
                problem = f'"as" must be "statement" or "reply", not {json.dumps(item.get("as"))}'
            elif item.get("to") is not None and not isinstance(item.get("to"), str):
                problem = '"to" must be a string'
            elif set(item) - {"text", "as", "to", "id"}:
                problem = "unknown key(s): " + ", ".join(sorted(set(item) - {"text", "as", "to", "id"}))
        if problem:
            bad += 1
            print(f"{name}:{number}: error: {problem}", file=sys.stderr)
            continue
        kind = item.get("as") or ("reply" if item.get("to") is not None else "statement")
        reading = _read(item["text"], kind, item.get("to"), scenario_grievance)
        out = {"line": number, **({"id": item["id"]} if "id" in item else {}), **reading.as_dict()}
        print(json.dumps(out, ensure_ascii=False))
    if bad:
        print(f"bashtag read: {bad} bad line{'s' * (bad != 1)} of {len(lines)}", file=sys.stderr)
    return 1 if bad else 0


def run(args: argparse.Namespace) -> int:
    if args.batch is not None and args.text is not None:
        print("bashtag read: give TEXT or --batch FILE, not both", file=sys.stderr)
        return 2
    if args.batch is None and args.text is None:
        print("bashtag read: give the TEXT to read, or --batch FILE.jsonl", file=sys.stderr)
        return 2
    if args.batch is not None and not args.json:
        print("bashtag read: --batch writes JSON lines; add --json", file=sys.stderr)
        return 2
    grievance = calls_for = None
    if args.scenario:
        from game.scenario.problems import ScenarioError

        try:
            grievance, calls_for = _scenario_context(args.scenario)
        except ScenarioError as error:
            print(f"bashtag read: {error}", file=sys.stderr)
            return 1
    if args.batch is not None:
        return _batch(args.batch, grievance)
    text = sys.stdin.read() if args.text == "-" else args.text
    kind = "reply" if args.to is not None else args.kind
    reading = _read(text, kind, args.to, grievance)
    if args.json:
        out = reading.as_dict()
        if calls_for:
            out["calls_for"] = calls_for
        json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        _print_reading(reading, calls_for)
    return 0
