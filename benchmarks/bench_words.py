"""The reader's speed, run by hand (not in CI):  python benchmarks/bench_words.py

- `bashtag read TEXT` and `bashtag read --as reply --to POST TEXT`: whole processes, wall time,
  median of 7 (target < 0.5 s, issue 16 item 7); `--scenario askjpm` beside them, which also loads
  the scenario and the engine's SCCT table;
- one reading in process, the best of 5 for each of the corpus's 181 texts: the median and the
  slowest, and a statement past the cap (target < 5 ms).

Figures go into docs/engine.md ("Reading the player's words").
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
BASHTAG = [sys.executable, "-m", "game"]
STATEMENT = "We are sorry if anyone was offended. It was never our intention."


def wall(argv: list[str], runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(BASHTAG + argv, cwd=ROOT, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    from game.words import read_reply, read_statement

    print(f"{'bashtag --version':<45} {wall(['--version']):.3f} s   (the interpreter and the CLI alone)")
    print(f"{'bashtag read TEXT':<45} {wall(['read', STATEMENT]):.3f} s   target < 0.5 s")
    print(
        f"{'bashtag read --to POST TEXT':<45} {wall(['read', '--to', 'Can I have my house back?', 'lol ok']):.3f} s   target < 0.5 s"
    )
    print(
        f"{'bashtag read --scenario askjpm TEXT':<45} {wall(['read', '--scenario', 'askjpm', STATEMENT], 3):.3f} s   (loads the scenario and the engine)"
    )
    rows = [
        json.loads(line) for line in (ROOT / "tests/data/words_corpus.jsonl").read_text(encoding="utf-8").splitlines()
    ]

    def best_of(read, runs: int = 5) -> float:
        """The fastest of ``runs`` readings: the machine is shared, and the reading does not vary."""
        best = float("inf")
        for _ in range(runs):
            start = time.perf_counter()
            read()
            best = min(best, time.perf_counter() - start)
        return best

    times = [
        best_of(
            lambda row=row: (
                read_statement(row["text"]) if row["as"] == "statement" else read_reply(row["text"], to=row.get("to"))
            )
        )
        for row in rows
    ]
    long = "We are sorry for everything that happened at the store on Monday. " * 45
    capped = best_of(lambda: read_statement(long))
    print(
        f"{'one reading (median of the corpus, best of 5)':<45} {statistics.median(times) * 1000:.2f} ms   target < 5 ms"
    )
    print(f"{'one reading (slowest of the corpus, best of 5)':<45} {max(times) * 1000:.2f} ms")
    print(f"{'a 3,000-character statement (read to 1,500)':<45} {capped * 1000:.2f} ms")


if __name__ == "__main__":
    main()
