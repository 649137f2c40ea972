"""Run one of the session commands as `bashtag` would, before it is registered in game/cli.py."""

from __future__ import annotations

import argparse
import importlib


def run_command(module_name: str, argv: list[str]) -> int:
    """Exit code of ``bashtag <command> argv``: argparse's 2 for bad usage, else the command's own."""
    module = importlib.import_module(f"game.commands.{module_name}")
    parser = argparse.ArgumentParser(prog=f"bashtag {module_name}")
    module.configure(parser)
    try:
        args = parser.parse_args(argv)
    except SystemExit as leaving:
        return int(leaving.code or 0)
    return int(module.run(args) or 0)
