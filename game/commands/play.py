"""Play a scenario in the terminal: `bashtag play askjpm` (or a path to a scenario file)."""

from __future__ import annotations

import sys


def configure(parser):
    parser.add_argument("scenario", help="a built-in scenario id (see `bashtag list`) or a path to a .yaml file")
    parser.add_argument("--seed", type=int, default=None,
                        help="the random seed (the same seed and choices give the same game); default: random")


def _seed(args) -> int:
    seed = getattr(args, "seed", None)
    if seed is None:
        import random

        seed = random.SystemRandom().randrange(1, 1_000_000)
    return seed


def run(args) -> int:
    from game.scenario.problems import ScenarioError
    from game.ui import catalogue

    try:
        scenario = catalogue.load(args.scenario)
    except LookupError as error:
        print(f"bashtag play: {error.args[0] if error.args else error}", file=sys.stderr)
        return 1
    except ScenarioError as error:
        print(f"bashtag play: cannot play {args.scenario}:\n{error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"bashtag play: cannot read {args.scenario}: {error.strerror or error}", file=sys.stderr)
        return 1
    from game.ui.app import BashtagApp

    BashtagApp(scenario=scenario, seed=_seed(args)).run()
    return 0


def run_title(args) -> int:
    from game.ui.app import BashtagApp

    BashtagApp.for_title(seed=_seed(args)).run()
    return 0
