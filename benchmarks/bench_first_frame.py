"""First frame as a person sees it, run by hand (not in CI):  python benchmarks/bench_first_frame.py [--runs 7]

Each program is started in its own tmux window (120 × 40, like a player's terminal) and the pane is
polled with `tmux capture-pane` every few milliseconds until text of its first frame appears; the
time from the tmux command to that text is the first frame.  The programs run in turn, round after
round, so a busy moment of this shared machine falls on all of them alike, and each figure is
printed beside a bare Textual app's (the peer, issue 21 target 1: within 1.5×).

- a bare Textual app: one Static and a Footer, nothing else imported;
- `bashtag play askjpm --no-save`: until the briefing's title shows;
- `bashtag` (the title screen): until the scenario menu shows;
- the same two at a player's very first start: each run with an empty data folder, so the heads the
  briefing and the title list show are read from the files (game/ui/catalogue.py keeps them for
  the next start; the two rows above are such next starts, after one untimed warm-up start each).

Our modules' bytecode is compiled first, as `pip install` does (and as Python does on a first run,
unless PYTHONDONTWRITEBYTECODE is set, as it is on the shared development machine): Textual's is
compiled in site-packages, so without this the game alone was compiled from source at every start,
30-40 ms of every figure below that no player waits for.

Figures go into docs/engine.md (§ 6 Speed) with the machine.
"""

from __future__ import annotations

import argparse
import compileall
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BARE = """
from textual.app import App
from textual.widgets import Footer, Static

class Bare(App):
    def compose(self):
        yield Static("BARE FIRST FRAME")
        yield Footer()

Bare().run()
"""


def first_frame(session: str, command: str, marker: str, env: dict, timeout: float = 30.0) -> float:
    """Seconds from starting ``command`` in a fresh tmux session until ``marker`` is on its screen."""
    start = time.perf_counter()
    # A running tmux server starts commands in its own environment: pass ours with -e.
    extra = [arg for key, value in env.items() for arg in ("-e", f"{key}={value}")]
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "120", "-y", "40", *extra, command], check=True)
    try:
        while time.perf_counter() - start < timeout:
            shown = subprocess.run(["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True).stdout
            if marker in shown:
                return time.perf_counter() - start
            time.sleep(0.003)
        raise TimeoutError(f"{marker!r} never appeared for {command}")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
        time.sleep(0.3)  # let the process go before the next one starts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    python = shlex.quote(sys.executable)
    # The bytecode a player's install has (into __pycache__, which git ignores); see the docstring.
    compileall.compile_dir(ROOT / "game", quiet=1)
    with tempfile.TemporaryDirectory() as folder:
        bare = Path(folder, "bare.py")
        bare.write_text(BARE)
        env = {"BASHTAG_DATA_DIR": folder, **{k: v for k, v in os.environ.items() if k.startswith("BT_")}}
        briefing = f"cd {ROOT} && {python} -m game play askjpm --no-save --seed 1"
        title = f"cd {ROOT} && {python} -m game"
        cases = [  # (name, command, marker, a first start: an empty data folder each run)
            ("bare Textual app", f"{python} {bare}", "BARE FIRST FRAME", False),
            ("bashtag play askjpm: the briefing", briefing, "The campaign you launched", False),
            ("bashtag: the title screen", title, "Easy: a mild", False),
            ("  the briefing, a first start", briefing, "The campaign you launched", True),
            ("  the title screen, a first start", title, "Easy: a mild", True),
        ]
        times: dict[str, list[float]] = {name: [] for name, *_ in cases}
        session = f"bench-first-frame-{os.getpid()}"
        for _, command, marker, first in cases:  # the warm-up: what a player's earlier start left
            if not first:
                first_frame(session, command, marker, env)
        for _ in range(args.runs):
            for name, command, marker, first in cases:
                if first:
                    with tempfile.TemporaryDirectory() as empty:
                        times[name].append(first_frame(session, command, marker, {**env, "BASHTAG_DATA_DIR": empty}))
                else:
                    times[name].append(first_frame(session, command, marker, env))
    peer = statistics.median(times[cases[0][0]])
    print(f"{os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}; {args.runs} runs each, in turn; tmux 120 × 40")
    print(f"{'first frame':<38}{'min s':>8}{'median s':>10}{'× bare (median)':>17}{'× bare (min)':>14}")
    bare_min = min(times[cases[0][0]])
    for name, *_ in cases:
        row = times[name]
        print(
            f"{name:<38}{min(row):>8.3f}{statistics.median(row):>10.3f}"
            f"{statistics.median(row) / peer:>17.2f}{min(row) / bare_min:>14.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
