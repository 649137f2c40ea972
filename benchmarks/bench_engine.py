"""Engine benchmarks, run by hand (not in CI):  python benchmarks/bench_engine.py [--quick]

Every figure is measured in this one run on this machine and printed beside its target, so the
ratios compare like with like.  Figures go into docs/engine.md.

Measures: building an #AskJPM game (graph included); one turn at #AskJPM scale and with a
200,000-account audience; 100 simulated #AskJPM games (historical strategy, all cores); a whole
United 3411 game (millions of posts) against a whole #AskJPM game (tens of thousands), per game and
per simulated step; and one spread step against NDlib's IndependentCascadesModel on the same graph
for the same number of steps (needs `pip install ndlib six`; skipped with a note if NDlib is
missing).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # as game/__init__.py does; numpy loads next

import numpy as np  # noqa: E402

from game.engine import Game  # noqa: E402
from game.engine.crowd import steps_for  # noqa: E402
from game.engine.simulate import _play_job, run_seed  # noqa: E402
from game.engine.strategies import make_strategy, take_turn  # noqa: E402
from game.scenario.library import load  # noqa: E402


def timed(function, repeat: int = 5) -> float:
    """Median wall time of ``function`` in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def scaled(scenario, accounts: int):
    """The same scenario with its crowd segments scaled to ``accounts`` accounts in all."""
    total = sum(s.size for s in scenario.audience.segments)
    segments = [
        s.model_copy(update={"size": max(1, round(s.size * accounts / total))}) for s in scenario.audience.segments
    ]
    audience = scenario.audience.model_copy(update={"segments": segments})
    return scenario.model_copy(update={"audience": audience})


def turn_time(scenario, node_budget: int | None = None) -> float:
    """Median time of one 30-minute turn in the critical phase."""
    from game.engine.params import ModelParams

    params = ModelParams().with_(graph_node_budget=node_budget) if node_budget else ModelParams()
    game = Game(scenario, 1, params)
    minutes = [game.world.turn_minutes(t) for t in range(1, game.state.turns_total + 1)]
    critical = next(i for i, m in enumerate(minutes, start=1) if m <= 30)
    while game.state.turn < critical + 4:
        game.end_turn()
    times = []
    for _ in range(6):
        fork = game.fork()
        start = time.perf_counter()
        fork.end_turn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def whole_game(scenario) -> tuple[float, int, int]:
    """Median time of one whole historical game, its simulated steps and its posts."""
    posts = 0

    def play():
        nonlocal posts
        game = Game(scenario, 1)
        strategy = make_strategy("historical", game)
        while not game.over:
            take_turn(game, strategy)
            game.end_turn()
        posts = game.state.total_posts

    seconds = timed(play, 3)
    world = Game(scenario, 1).world
    steps = sum(steps_for(world.turn_minutes(t)) for t in range(1, world.turns_total + 1))
    return seconds, steps, posts


def ndlib_comparison(game: Game, steps: int = 10) -> tuple[float, float] | None:
    try:
        import ndlib.models.epidemics as ep
        import ndlib.models.ModelConfig as mc
        import networkx as nx  # noqa: F401
    except ImportError:
        return None
    graph = game.world.graph
    nx_graph = graph.to_networkx()
    seeds = list(graph.key_index.values())[:3]

    # Build the model once outside the timing, as NDlib's own loop would be reused in a game.
    model = ep.IndependentCascadesModel(nx_graph, seed=1)
    config = mc.Configuration()
    config.add_model_initial_configuration("Infected", seeds)
    for u, v in nx_graph.edges():
        config.add_edge_configuration("threshold", (u, v), 0.01)
    model.set_initial_status(config)

    def ndlib_steps():
        model.reset()
        model.iteration_bunch(steps, node_status=False, progress_bar=False)

    spread = game.fork().world.spread
    rng = np.random.default_rng(1)
    drive = np.array([1.4, 0.6, 0.5])
    for node in seeds:
        spread.force_post(node)

    def ours():
        for _ in range(steps):
            spread.step(rng, 10.0, 15.0, drive, 0.1)

    return timed(ndlib_steps, 3), timed(ours, 3)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="20 games instead of 100")
    args = parser.parse_args()
    askjpm = load("askjpm")
    rows = []

    build = timed(lambda: Game(askjpm, 1), 5)
    rows.append(("build an #AskJPM game (graph included)", build, 1.0))
    rows.append(("one 30-min turn at #AskJPM scale", turn_time(askjpm), 0.020))
    big = scaled(askjpm, 200_000)
    rows.append(("one 30-min turn, 200,000-account audience", turn_time(big, node_budget=200_000), 0.100))

    games = 20 if args.quick else 100
    jobs = [(askjpm, "historical", run_seed(1, k), Game(askjpm, 0).world.params) for k in range(games)]
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=os.cpu_count()) as pool:
        list(pool.map(_play_job, jobs))
    elapsed = time.perf_counter() - start
    rows.append((f"{games} simulated #AskJPM games ({os.cpu_count()} cores)", elapsed, 60.0 * games / 100))

    print(f"{'measure':<50}{'seconds':>10}{'target':>10}{'ratio':>8}")
    for name, seconds, target in rows:
        print(f"{name:<50}{seconds:>10.4f}{target:>10.3f}{seconds / target:>8.2f}")
    jpm_time, jpm_steps, jpm_posts = whole_game(askjpm)
    united_time, united_steps, united_posts = whole_game(load("united3411"))
    print(f"{f'one #AskJPM game ({jpm_posts:,} posts, {jpm_steps} steps)':<50}{jpm_time:>10.4f}")
    print(f"{f'one United 3411 game ({united_posts:,} posts, {united_steps} steps)':<50}{united_time:>10.4f}")
    print(
        f"United 3411 against #AskJPM: {united_time / jpm_time:.2f}x a game, "
        f"{(united_time / united_steps) / (jpm_time / jpm_steps):.2f}x a simulated step, "
        f"{(united_time / united_posts) / (jpm_time / jpm_posts):.3f}x a post"
    )
    comparison = ndlib_comparison(Game(askjpm, 1))
    if comparison is None:
        print("spread step vs NDlib: skipped (pip install ndlib six)")
    else:
        theirs, ours = comparison
        print(f"{'10 spread steps, NDlib IndependentCascades':<50}{theirs:>10.4f}")
        print(f"{'10 spread steps, Bashtag (same graph)':<50}{ours:>10.4f}")
        print(f"Bashtag's spread step is {theirs / ours:.0f}x faster than NDlib's (target: at least 10x)")


if __name__ == "__main__":
    main()
