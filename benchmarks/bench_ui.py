"""Start-up and UI benchmarks, run by hand (not in CI):  python benchmarks/bench_ui.py

Every figure is measured in this one run on this machine and printed beside its target (issues 3
and 5), so the ratios compare like with like.  Figures go into docs/engine.md (§ Speed).

- `bashtag --version`, `bashtag list`, `bashtag validate askjpm`: whole processes, wall time;
- launch to an interactive title screen: a whole process that exits as soon as the title screen
  is mounted (headless);
- ending an #AskJPM turn and redrawing the play screen (in process, through Textual's Pilot).
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TITLE_PROBE = """
import time
start = time.perf_counter()
import asyncio
from game.ui.app import BashtagApp
from game.ui.screens.title import TitleScreen

async def main():
    app = BashtagApp.for_title()
    async with app.run_test(size=(100, 32)) as pilot:
        while not isinstance(app.screen, TitleScreen):
            await pilot.pause(0.005)

asyncio.run(main())
"""


def wall(command: list[str], repeat: int = 5) -> float:
    """Median wall time of a whole process."""
    times = []
    env = {**os.environ, "BASHTAG_DATA_DIR": str(ROOT / ".bench-data")}
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, env=env, capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


async def end_turn_redraw(turns: int = 12) -> float:
    from game.scenario import library
    from game.ui.app import BashtagApp
    from game.ui.screens.play import PlayScreen

    app = BashtagApp(scenario=library.load("askjpm"), seed=1)
    async with app.run_test(size=(100, 35)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlayScreen)
        timings = []
        for _ in range(turns):
            start = time.perf_counter()
            screen.action_end_turn()
            await pilot.pause()
            timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def main() -> None:
    python = sys.executable
    rows = [
        ("bashtag --version (whole process)", wall([python, "-m", "game", "--version"]), 0.5),
        ("bashtag list (whole process)", wall([python, "-m", "game", "list"]), 0.5),
        ("bashtag validate askjpm (whole process)", wall([python, "-m", "game", "validate", "askjpm"]), 0.5),
        ("launch to the title screen (whole process)", wall([python, "-c", TITLE_PROBE], repeat=3), 1.0),
        ("end an #AskJPM turn and redraw (median of 12)", asyncio.run(end_turn_redraw()), 0.100),
    ]
    print(f"{'measure':<50}{'seconds':>10}{'target':>10}{'ratio':>8}")
    for name, seconds, target in rows:
        print(f"{name:<50}{seconds:>10.3f}{target:>10.3f}{seconds / target:>8.2f}")


if __name__ == "__main__":
    main()
