"""Pieces several commands share: restoring a saved game with its messages, and writing a report."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def keep_line_breaks(parser: argparse.ArgumentParser) -> None:
    """Print the command's description as written: its example lines, one a line (argparse would run
    them together into one paragraph: "bashtag sessions a table, newest last bashtag sessions --json")."""
    parser.formatter_class = argparse.RawDescriptionHelpFormatter


def restore_or_explain(command: str, ref, anyway: bool, hint: str = "replay it on the new scenario", **options):
    """``restore(ref)`` for ``bashtag COMMAND``, or None after saying why on stderr (with the
    --anyway hint when only the scenario file changed); warnings go to stderr too."""
    from game.sessions import SessionError, restore

    try:
        restored = restore(ref, accept_changed_scenario=anyway, **options)
    except SessionError as error:
        print(f"bashtag {command}: {error}", file=sys.stderr)
        if error.scenario_changed:
            print(f"bashtag {command}: add --anyway to {hint}", file=sys.stderr)
        return None
    for warning in restored.warnings:
        print(f"bashtag {command}: warning: {warning}", file=sys.stderr)
    return restored


def report_format(fmt: str | None, output: Path | None) -> str:
    """The format asked for, else the output file's extension decides (html or md)."""
    if fmt:
        return fmt
    return "html" if output is not None and output.suffix.lower() in (".html", ".htm") else "md"


def emit(command: str, text: str, output: Path | None) -> int:
    """Write ``text`` to ``output`` (or stdout); 0, or 1 with a message if the file cannot be written."""
    if output is None:
        sys.stdout.write(text)
        return 0
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        print(f"bashtag {command}: cannot write {output}: {error.strerror or error}", file=sys.stderr)
        return 1
    print(f"wrote {output}", file=sys.stderr)
    return 0
