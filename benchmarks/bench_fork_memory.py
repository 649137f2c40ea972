"""What a fork server would save per served team (issue 21 target 4), run by hand (not in CI):
python benchmarks/bench_fork_memory.py [--teams 4]

Not the server itself: a measure of whether one pre-loaded parent forking a child per team halves
a team's memory.  In one run:

- *separate*: N fresh processes, each importing everything and playing #AskJPM headless (the app a
  team runs, at 140 × 42) for three turns — what `bashtag workshop serve` runs today;
- *forked*: one parent that has imported Textual, numpy, networkx, pydantic, the engine and the UI
  and loaded #AskJPM once (then ``gc.freeze()``), then forks N children that play the same three turns;
- *forked, the game built in the parent*: the same, the parent also building the workshop's game
  (every team of a workshop plays the same scenario and seed), each child starting that game.

For each it reads /proc/PID/smaps_rollup while every team is still on its play screen: RSS, PSS
(the shared pages split between the processes sharing them) and USS (the pages only that process
holds: what one more team costs).  Teams per machine follow from the USS (plus the parent once).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def rollup(pid: int) -> dict[str, float]:
    """RSS, PSS and USS of ``pid`` in MB."""
    found = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        key, value = line.split(":", 1)
        found[key] = int(value.split()[0]) / 1024
    return {"rss": found["Rss"], "pss": found["Pss"], "uss": found["Private_Clean"] + found["Private_Dirty"]}


def preload():
    import networkx  # noqa: F401
    import numpy  # noqa: F401
    import pydantic  # noqa: F401
    import textual.app  # noqa: F401

    import game.ui.app  # noqa: F401
    import game.ui.screens.debrief  # noqa: F401
    import game.ui.screens.play  # noqa: F401
    from game.engine.game import Game  # noqa: F401
    from game.scenario import library

    return library.load("askjpm")


def play(scenario, ready_w: int, go_r: int, built=None) -> None:
    """A team's app on #AskJPM, three turns, then it waits on its play screen until told to quit."""
    from game.ui.app import BashtagApp

    async def run():
        app = BashtagApp(scenario=scenario, seed=11)
        if built is not None:  # the parent built this seed's game: the app starts it as its own
            app._prepared = (11, scenario, built)
        async with app.run_test(size=(140, 42)) as pilot:
            await pilot.press("enter")
            for _ in range(3):
                await pilot.pause(0.2)
                await pilot.press("e")
            await pilot.pause(0.5)
            os.write(ready_w, b"x")
            await asyncio.get_running_loop().run_in_executor(None, os.read, go_r, 1)

    asyncio.run(run())


def forked(teams: int, prebuild: bool = False) -> tuple[list[dict], dict]:
    import gc

    scenario = preload()
    built = None
    if prebuild:
        from game.engine.game import Game

        built = Game(scenario, 11)
    # Keep the collector off the parent's objects in the children: a collection writes to every
    # object it visits, copying the parent's pages into each child (the usual fork-server step).
    gc.collect()
    gc.freeze()
    parent = rollup(os.getpid())
    ready_r, ready_w = os.pipe()
    go_r, go_w = os.pipe()
    children = []
    for _ in range(teams):
        pid = os.fork()
        if pid == 0:
            try:
                play(scenario, ready_w, go_r, built)
            finally:
                os._exit(0)
        children.append(pid)
    for _ in range(teams):
        os.read(ready_r, 1)
    time.sleep(1)
    found = [rollup(pid) for pid in children]
    os.write(go_w, b"x" * teams)
    for pid in children:
        os.waitpid(pid, 0)
    return found, parent


def separate(teams: int) -> list[dict]:
    ready_r, ready_w = os.pipe()
    go_r, go_w = os.pipe()
    code = (
        f"import sys; sys.path.insert(0, {str(ROOT / 'benchmarks')!r}); sys.path.insert(0, {str(ROOT)!r});"
        f"from bench_fork_memory import preload, play; play(preload(), {ready_w}, {go_r})"
    )
    processes = [
        subprocess.Popen([sys.executable, "-c", code], pass_fds=(ready_w, go_r), cwd=ROOT) for _ in range(teams)
    ]
    for _ in range(teams):
        os.read(ready_r, 1)
    time.sleep(1)
    found = [rollup(p.pid) for p in processes]
    os.write(go_w, b"x" * teams)
    for p in processes:
        p.wait(timeout=60)
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--teams", type=int, default=4)
    args = parser.parse_args()
    os.environ.setdefault("BASHTAG_DATA_DIR", "/tmp/bench-fork-memory")
    apart = separate(args.teams)
    children, parent = forked(args.teams)
    prebuilt, parent_with_game = forked(args.teams, prebuild=True)

    def med(rows, key):
        return statistics.median(r[key] for r in rows)

    print(f"{os.cpu_count()} CPUs; #AskJPM, 3 turns played, {args.teams} teams each way; MB per team (median)")
    print(f"{'':<34}{'RSS':>8}{'PSS':>8}{'USS':>8}")
    print(
        f"{'separate processes (today)':<34}{med(apart, 'rss'):>8.0f}{med(apart, 'pss'):>8.0f}{med(apart, 'uss'):>8.0f}"
    )
    print(
        f"{'forked from a pre-loaded parent':<34}{med(children, 'rss'):>8.0f}{med(children, 'pss'):>8.0f}"
        f"{med(children, 'uss'):>8.0f}"
    )
    print(
        f"{'forked, the game built in parent':<34}{med(prebuilt, 'rss'):>8.0f}{med(prebuilt, 'pss'):>8.0f}"
        f"{med(prebuilt, 'uss'):>8.0f}"
    )
    print(
        f"{'  that parent (once)':<34}{parent_with_game['rss']:>8.0f}{parent_with_game['pss']:>8.0f}"
        f"{parent_with_game['uss']:>8.0f}"
    )
    print(f"{'the pre-loaded parent (once)':<34}{parent['rss']:>8.0f}{parent['pss']:>8.0f}{parent['uss']:>8.0f}")
    per_team_now, per_team_forked = med(apart, "pss"), med(children, "uss")
    print(
        f"one more team costs {per_team_now:.0f} MB today, {per_team_forked:.0f} MB forked "
        f"({per_team_forked / per_team_now:.2f}×); in 8 GB: {8000 / per_team_now:.0f} teams today, "
        f"{(8000 - parent['uss']) / per_team_forked:.0f} forked; "
        f"{med(prebuilt, 'uss'):.0f} MB ({med(prebuilt, 'uss') / per_team_now:.2f}×) with the game built in the parent"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
