"""The `bashtag` command: parses the command line and hands over to one module per command.

Each command lives in ``game/commands/<name>.py`` with ``configure(parser)`` and ``run(args) -> int``.
Those modules import only the standard library at the top; the heavy parts (networkx, numpy,
Textual) are imported inside ``run`` so that ``--version``, ``list`` and ``validate`` start fast.
Exit codes: 0 success, 1 invalid input, 2 bad usage.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from game import __version__

# command name -> module under game.commands (the order is the order of `bashtag --help`)
COMMANDS: dict[str, str] = {
    "play": "play",
    "list": "list_",
    "validate": "validate",
    "schema": "schema",
    "new": "new",
    "simulate": "simulate",
    "read": "read",
    "sessions": "sessions",
    "replay": "replay",
    "report": "report",
    "export": "export",
    "import": "import_",
    "workshop": "workshop",
    "join": "join",
}


class _Parser(argparse.ArgumentParser):
    """argparse exits 2 on bad usage already; keep its message short and on stderr."""


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="bashtag", description="Live through a social-media crisis, turn by turn, and learn from it.")
    parser.add_argument("--version", action="version", version=f"bashtag {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module_name in COMMANDS.items():
        module = importlib.import_module(f"game.commands.{module_name}")
        help_text = (module.__doc__ or "").strip().splitlines()[0] if module.__doc__ else None
        command_parser = sub.add_parser(name, help=help_text, description=module.__doc__)
        module.configure(command_parser)
        command_parser.set_defaults(_run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        # `bashtag` alone opens the title screen.
        from game.commands import play

        return play.run_title(args)
    try:
        return int(args._run(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
