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


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line, or with ``only`` a command's name, the top level and that command alone:
    what parsing a line that starts with that command needs, and no more (every command's module and
    options cost 8 ms, in front of `bashtag play`'s first frame: issue 21).  A command's help, usage
    and errors are the same either way."""
    parser = _Parser(prog="bashtag", description="Live through a social-media crisis, turn by turn, and learn from it.")
    parser.add_argument("--version", action="version", version=f"bashtag {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module_name in COMMANDS.items():
        if only is not None and name != only:
            continue
        module = importlib.import_module(f"game.commands.{module_name}")
        help_text = (module.__doc__ or "").strip().splitlines()[0] if module.__doc__ else None
        command_parser = sub.add_parser(name, help=help_text, description=module.__doc__)
        module.configure(command_parser)
        command_parser.set_defaults(_run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if not argv:
        args = argparse.Namespace(command=None)  # what parse_args gives for an empty line
    else:
        parser = build_parser(only=argv[0] if argv[0] in COMMANDS else None)
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
