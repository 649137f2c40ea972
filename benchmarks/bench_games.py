"""Games by the thousand (issue 21 target 3), run by hand (not in CI):  python benchmarks/bench_games.py

Measures only (the engine is another helper's): 100 simulated #AskJPM games (the historical
strategy, as `bashtag simulate` plays them) on every core, against the 15 s target; and one silent
#AskJPM game of 200 turns against the same game of 800 turns (every turn 60 simulated minutes, the
clock's phases replaced), whose ratio should be 4 if a game's cost is linear in its turns.
Figures go into docs/engine.md (§ 6 Speed) with the machine.
"""

from __future__ import annotations

import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from game.engine import Game  # noqa: E402
from game.engine.simulate import _play_job, run_seed  # noqa: E402
from game.scenario.library import load  # noqa: E402


def with_turns(scenario, turns: int):
    """``scenario`` with ``turns`` turns of 60 minutes (phases of at most 200 turns, as the format allows)."""
    phase = scenario.clock.phases[0]
    phases, left = [], turns
    while left:
        phases.append(
            phase.model_copy(update={"name": f"hour {len(phases) + 1}", "turns": min(200, left), "turn_minutes": 60})
        )
        left -= phases[-1].turns
    return scenario.model_copy(update={"clock": scenario.clock.model_copy(update={"phases": phases})})


def silent_game(scenario) -> float:
    start = time.perf_counter()
    game = Game(scenario, 1)
    while not game.over:
        game.end_turn()
    return time.perf_counter() - start


def main() -> None:
    askjpm = load("askjpm")
    cores = os.cpu_count()
    jobs = [(askjpm, "historical", run_seed(1, k), Game(askjpm, 0).world.params) for k in range(100)]
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=cores) as pool:
        list(pool.map(_play_job, jobs))
    hundred = time.perf_counter() - start
    print(f"{cores} CPUs, load {os.getloadavg()[0]:.1f}")
    print(f"100 simulated #AskJPM games on {cores} cores: {hundred:.1f} s (target 15 s; ratio {hundred / 15:.2f})")
    short, long = silent_game(with_turns(askjpm, 200)), silent_game(with_turns(askjpm, 800))
    print(
        f"a silent #AskJPM game of 200 turns: {short:.2f} s; of 800 turns: {long:.2f} s; "
        f"800/200 = {long / short:.2f} (linear: 4.00)"
    )


if __name__ == "__main__":
    main()
