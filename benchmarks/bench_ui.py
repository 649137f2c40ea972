"""Start-up and UI benchmarks, run by hand (not in CI):  python benchmarks/bench_ui.py

Every figure is measured in this one run on this machine and printed beside its target (issues 3
and 5), so the ratios compare like with like.  Figures go into docs/engine.md (§ Speed).

- `bashtag --version`, `bashtag list`, `bashtag validate askjpm`: whole processes, wall time;
- launch to an interactive title screen: a whole process that exits as soon as the title screen
  is mounted (headless);
- ending an #AskJPM turn and redrawing the play screen (in process, through Textual's Pilot);
- every key of the play screen, on #AskJPM (target 50 ms) and United 3411 (target 100 ms), issue 21
  target 2: Pilot presses the key, waits until every message it caused is handled, then draws the
  screen as Textual's frame timer would (layout, then the compositor's update of what changed); the
  time from the key to the drawn frame, minimum, median and worst over several presses.  A modal's
  key is timed to the modal drawn, and its Escape back to the play screen drawn.

`python benchmarks/bench_ui.py --keys [scenario] [--turns N]` measures the keys alone: wall time, and the CPU
time of this process (where the wall time is well above it, other work on the machine took the
difference; on a busy machine both grow), with the load average before and after.
`--profile e,s [scenario]` prints a cProfile of every press of those keys.

The help, the statement screen and the reply composer are built ahead in the player's pauses and
kept for the game (play.py), so their first opening costs what later ones do; the worst column is
then a full garbage collection, the machine, or the statement screen rebuilt because this benchmark
presses `s` with no pause after its offer changed.
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


def draw(screen) -> None:
    """What Textual's frame timer does next (Screen._on_timer_update): lay out and draw what changed."""
    screen._on_timer_update()


async def settled(pilot) -> None:
    """Until every message the key caused is handled: the key travels app → screen → focused widget,
    and may open or close a screen, so wait until the screen stays and every queue is empty."""
    app = pilot.app
    while True:
        screen = app.screen
        await pilot._wait_for_screen()
        nodes = [app, *app.screen.walk_children(with_self=True)]
        if screen is app.screen and all(node._message_queue.empty() for node in nodes):
            return


PROFILED: dict[str, object] = {}  # key -> cProfile.Profile, for --profile KEY


async def timed(pilot, key: str) -> tuple[float, float]:
    """The key sent as the terminal driver sends it; the clock stops when its frame is drawn.
    Returns (wall seconds, CPU seconds of this process): on a shared machine the wall time moves
    with the other agents' load, the CPU time much less, so before/after compare both.

    Not ``pilot.press``: that sleeps until the process looks idle (tens of milliseconds) and would
    be timed with the key."""
    from textual import events

    app = pilot.app
    char = {"question_mark": "?", "escape": "\x1b"}.get(key, key if len(key) == 1 else None)
    profile = PROFILED.get(key)
    if profile is not None:
        profile.enable()
    start, cpu = time.perf_counter(), time.process_time()
    event = events.Key(key, char)
    event.set_sender(app)
    app._driver.send_message(event)
    await settled(pilot)
    draw(app.screen)
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    if profile is not None:
        profile.disable()
    return wall, cpu


async def aim_at_a_reply(pilot) -> None:
    """Untimed: highlight the feed's first post by someone else, so that `r` opens the composer.
    (`home` leaves the top post highlighted, often our own, and `r` on it only says so in a toast:
    before this, most of the `r` row timed that toast, not the composer.)"""
    from game.ui.widgets.feed import Feed

    screen = pilot.app.screen
    feed = screen.query_one(Feed)
    game = pilot.app.controller.game
    for index in range(feed.option_count):
        post = game.post(feed.get_option_at_index(index).id or "")
        if post is not None and post.source != "org":
            feed.highlighted = index
            break
    await settled(pilot)
    draw(screen)


async def key_latencies(scenario_id: str, turns: int = 8) -> dict[str, list[tuple[float, float]]]:
    """(wall, CPU) seconds from each key to its redrawn screen, over ``turns`` turns of a seeded game."""
    from game.scenario import library
    from game.ui.app import BashtagApp
    from game.ui.screens.play import PlayScreen

    app = BashtagApp(scenario=library.load(scenario_id), seed=3)
    found: dict[str, list[tuple[float, float]]] = {}

    def note(name: str, seconds: tuple[float, float]) -> None:
        found.setdefault(name, []).append(seconds)

    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause(0.5)
        assert isinstance(app.screen, PlayScreen)
        for _turn in range(turns):
            for key in ("down", "down", "up", "pagedown", "home"):
                note(f"{key} (feed)", await timed(pilot, key))
            note("? (help opens)", await timed(pilot, "question_mark"))
            note("escape (help closes)", await timed(pilot, "escape"))
            note("s (statements open)", await timed(pilot, "s"))
            note("escape (statements close)", await timed(pilot, "escape"))
            await aim_at_a_reply(pilot)
            note("r (reply composer opens)", await timed(pilot, "r"))
            note("escape (composer closes)", await timed(pilot, "escape"))
            note("m (monitor: an action)", await timed(pilot, "m"))
            note("e (end the turn)", await timed(pilot, "e"))
            if not isinstance(app.screen, PlayScreen):
                break
            await pilot.pause(0.05)
            await settled(pilot)
            draw(app.screen)
    return found


def print_keys(budgets=(("askjpm", 0.050), ("united3411", 0.100)), turns: int = 8) -> None:
    print(f"load average before: {os.getloadavg()[0]:.2f}; {turns} turns of each game")
    print(f"{'key (play screen)':<32}{'scenario':>12}{'min ms':>8}{'median':>8}{'worst':>8}{'target':>8}{'cpu med':>9}")
    for scenario_id, budget in budgets:
        for name, seconds in asyncio.run(key_latencies(scenario_id, turns)).items():
            ms = [1000 * wall for wall, _ in seconds]
            cpu = [1000 * cpu for _, cpu in seconds]
            print(
                f"{name:<32}{scenario_id:>12}{min(ms):>8.1f}{statistics.median(ms):>8.1f}{max(ms):>8.1f}"
                f"{1000 * budget:>8.0f}{statistics.median(cpu):>9.1f}",
                flush=True,
            )
    print(f"load average after: {os.getloadavg()[0]:.2f}")


def profile_keys(keys: list[str], scenario_id: str = "askjpm") -> None:
    """cProfile of every press of ``keys`` (Textual's names: e, question_mark, s, escape...) over
    the benchmark's game; the top of the cumulative profile goes to stdout."""
    import cProfile
    import pstats

    for key in keys:
        PROFILED[key] = cProfile.Profile()
    asyncio.run(key_latencies(scenario_id))
    for key in keys:
        print(f"==== {key} on {scenario_id}")
        pstats.Stats(PROFILED[key]).sort_stats("cumulative").print_stats(45)


def main() -> None:
    if "--profile" in sys.argv:
        # python benchmarks/bench_ui.py --profile e,s [scenario]
        at = sys.argv.index("--profile")
        rest = sys.argv[at + 1 :]
        profile_keys(rest[0].split(","), *(rest[1:2] or ["askjpm"]))
        return
    if "--keys" in sys.argv:
        # --keys [scenario]: one scenario alone (askjpm, target 50 ms; united3411, 100 ms)
        # --turns N: more turns of each game (#AskJPM's first three turns are two days long, the
        # rest half an hour: 8 turns weigh the long ones 3 in 8, 16 turns 3 in 16)
        turns = 8
        if "--turns" in sys.argv:
            at = sys.argv.index("--turns")
            turns = int(sys.argv[at + 1])
            del sys.argv[at : at + 2]
        rest = sys.argv[sys.argv.index("--keys") + 1 :]
        budgets = dict((("askjpm", 0.050), ("united3411", 0.100)))
        print_keys(tuple((s, budgets.get(s, 0.050)) for s in rest[:1]) or tuple(budgets.items()), turns)
        return
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
    print()
    print_keys()


if __name__ == "__main__":
    main()
