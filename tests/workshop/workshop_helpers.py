"""Helpers for the workshop tests: the mini scenario (with two injects) and a workshop made through the CLI."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

MINI = Path(__file__).with_name("mini.yaml")
DRIVER = Path(__file__).with_name("team_driver.py")


def cli(*argv: str) -> tuple[int, str, str]:
    """Run `bashtag ARGV` in this process: (exit code, stdout, stderr)."""
    from game.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def new_workshop(teams: int = 2, *extra: str) -> dict:
    code, out, err = cli("workshop", "new", str(MINI), "--teams", str(teams), "--seed", "7", "--json", *extra)
    assert code == 0, err
    return json.loads(out)
