"""Play whole games without a UI to balance-test a scenario.

  bashtag simulate askjpm --strategy historical --runs 8
  bashtag simulate my.yaml --balance

Runs are spread over the machine's cores; run k uses a seed derived from --seed and k, so the
output is reproducible.  --json prints the results for scripts.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from game.commands._shared import keep_line_breaks


def configure(parser: argparse.ArgumentParser) -> None:
    keep_line_breaks(parser)
    parser.add_argument("scenario", help="a built-in scenario id or a path to a YAML file")
    parser.add_argument(
        "--strategy",
        default="historical",
        help="historical, silent, cancel-early, boilerplate, empathetic, random, or one "
        "the scenario defines (default: historical)",
    )
    parser.add_argument("--runs", type=int, default=8, help="games to play (default 8)")
    parser.add_argument("--seed", type=int, default=1, help="batch seed (default 1)")
    parser.add_argument("--json", action="store_true", help="print JSON on stdout")
    parser.add_argument(
        "--balance", action="store_true", help="play every strategy and report what an author should know"
    )
    parser.add_argument("--jobs", type=int, default=0, help="worker processes (default: one per core)")


class _Progress:
    """A one-line progress counter on stderr, only when a person is watching a long run."""

    def __init__(self, total: int, label: str):
        self.total, self.done, self.label = total, 0, label
        self.show = total >= 8 and sys.stderr.isatty()

    def tick(self) -> None:
        self.done += 1
        if self.show:
            print(f"\r{self.label}: {self.done}/{self.total}", end="", file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.show:
            print(file=sys.stderr)


def _mapper(jobs: int, total: int, progress: _Progress):
    workers = jobs or os.cpu_count() or 1
    if workers <= 1 or total < 4:

        def serial(function, items):
            for item in items:
                result = function(item)
                progress.tick()
                yield result

        return serial, None
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(max_workers=min(workers, total))

    def parallel(function, items):
        for result in pool.map(function, items):
            progress.tick()
            yield result

    return parallel, pool


def run(args: argparse.Namespace) -> int:
    if args.runs < 1:
        print("bashtag simulate: --runs must be at least 1", file=sys.stderr)
        return 2
    from game.scenario.library import LibraryError, load
    from game.scenario.loader import ScenarioError

    try:
        scenario = load(args.scenario)
    except (ScenarioError, LibraryError) as error:
        print(str(error), file=sys.stderr)
        return 1

    from game.engine import simulate
    from game.engine.strategies import strategy_names

    if args.balance:
        return _balance(scenario, args, simulate)
    if args.strategy not in strategy_names(scenario):
        print(
            f"bashtag simulate: unknown strategy {args.strategy!r}; known: {', '.join(strategy_names(scenario))}",
            file=sys.stderr,
        )
        return 2
    progress = _Progress(args.runs, f"simulating {scenario.id} ({args.strategy})")
    mapper, pool = _mapper(args.jobs, args.runs, progress)
    try:
        results = simulate.run_batch(scenario, args.strategy, args.runs, args.seed, mapper=mapper)
    finally:
        progress.close()
        if pool:
            pool.shutdown()
    summary = simulate.summary(results)
    days = simulate.by_day(results)
    if args.json:
        json.dump(
            {
                "scenario": scenario.id,
                "strategy": args.strategy,
                "runs": args.runs,
                "seed": args.seed,
                "results": [r.as_json() for r in results],
                "summary": summary,
                "by_day": days,
            },
            sys.stdout,
            indent=1,
        )
        print()
        return 0
    print(f"{scenario.title} — strategy {args.strategy}, {args.runs} runs, seed {args.seed}")
    from game.engine.audience import describe

    for line in describe(scenario):
        print(f"  {line}")
    _print_summary(summary)
    if len(days) > 1:
        _print_days(days)
    _print_joins_beside_the_record(scenario, results)
    _print_unplayed(results)
    return 0


def _print_joins_beside_the_record(scenario, results) -> None:
    """Each key account whose first post the record dates (`joined_on_record`), beside when it came
    in the runs: the calibration target the guide asks an author to check."""
    import datetime as dt
    import statistics

    from game.engine.posting import on_clock

    def local(moment: dt.datetime) -> dt.datetime:
        return on_clock(moment, scenario.clock.start).replace(tzinfo=None)

    dated = [a for a in scenario.audience.key_accounts if a.joined_on_record is not None]
    if not dated:
        return
    print("  key accounts beside the record (first post on the tag; median of the runs that had one):")
    for account in dated:
        record = local(account.joined_on_record)
        times = [
            local(dt.datetime.fromisoformat(r.joins[account.handle])) for r in results if account.handle in r.joins
        ]
        line = f"    @{account.handle:<20} record {record:%a %d %b %H:%M}   "
        if not times:
            print(line + f"never joined in {len(results)} runs")
            continue
        # Offsets from the record, never timestamps: both sides are the clock's local time, and a
        # timestamp would read them in the machine's own zone (an hour out across its DST change).
        off_by = [(t - record).total_seconds() for t in times]
        median = record + dt.timedelta(seconds=statistics.median(off_by))
        off = statistics.median(off_by) / 3600
        verdict = "within two hours" if abs(off) <= 2 else f"{abs(off):.1f} h {'late' if off > 0 else 'early'}"
        never = f"; never in {len(results) - len(times)} of {len(results)} runs" if len(times) < len(results) else ""
        print(line + f"simulated {median:%a %d %b %H:%M} ({verdict}{never})")


def _print_unplayed(results) -> None:
    """The playbook's steps the game could not play, and in how many runs: a historical path that drops a
    step replays a different case, and the game would otherwise drop it without a word."""
    counts: dict[str, int] = {}
    for result in results:
        for note in dict.fromkeys(result.unplayed_steps):
            counts[note] = counts.get(note, 0) + 1
    if not counts:
        return

    def turn_of(note: str) -> int:
        head = note.split(",", 1)[0]
        return int(head.removeprefix("turn ")) if head.startswith("turn ") and head[5:].isdigit() else 0

    print("  steps not played (each is dropped and the turn goes on):")
    for note, runs in sorted(counts.items(), key=lambda item: turn_of(item[0])):
        print(f"    {note}" + (f" [{runs} of {len(results)} runs]" if runs < len(results) else ""))


def _print_days(days: list[dict]) -> None:
    import datetime as dt

    print("  by day (the scenario's clock; a turn across midnight is shared by its hours):")
    print(f"  {'day':<22}{'median':>12}{'p10':>12}{'p90':>12}{'negative':>10}")
    for day in days:
        name = dt.date.fromisoformat(day["date"]).strftime("%a %d %b")
        if (day["from"], day["to"]) != ("00:00", "24:00"):
            name += f" {day['from']}–{day['to']}"
        posts = [f"{round(day['posts'][key]):,}" for key in ("median", "p10", "p90")]
        share = "—" if day["negative_share"] is None else _fmt(day["negative_share"], True)
        print(f"  {name:<22}{posts[0]:>12}{posts[1]:>12}{posts[2]:>12}{share:>10}")


def _print_summary(summary: dict) -> None:
    print(f"  {'figure':<22}{'median':>12}{'p10':>12}{'p90':>12}")
    for name, values in summary.items():
        if name == "outcomes":
            continue
        share = name == "negative_share"
        cells = [_fmt(values[key], share) for key in ("median", "p10", "p90")]
        print(f"  {name:<22}{cells[0]:>12}{cells[1]:>12}{cells[2]:>12}")
    outcomes = ", ".join(f"{k} {v}" for k, v in sorted(summary["outcomes"].items()))
    print(f"  outcomes: {outcomes}")


def _fmt(value, share: bool = False) -> str:
    if value is None:
        return "—"
    if share:
        return f"{value:.3f}"
    return f"{value:,.1f}" if value != int(value) else f"{int(value):,}"


def _balance(scenario, args, simulate) -> int:
    from game.engine.strategies import strategy_names

    names = strategy_names(scenario)
    random_runs = max(args.runs * 4, 16)
    total = args.runs * (len(names) - 1) + random_runs
    progress = _Progress(total, f"balance of {scenario.id}")
    mapper, pool = _mapper(args.jobs, total, progress)
    taken_by: dict[str, set[str]] = {}  # action -> the strategies of the runs that took it

    def watching(function, jobs):
        jobs = list(jobs)
        for (_, strategy, *_), result in zip(jobs, mapper(function, jobs)):
            for action in result.action_kinds:
                taken_by.setdefault(action, set()).add(strategy)
            yield result

    try:
        report = simulate.balance(scenario, args.runs, args.seed, random_runs=random_runs, mapper=watching)
    finally:
        progress.close()
        if pool:
            pool.shutdown()
    # The engine lists an action no random run took as "X (never taken)" among those never worth
    # taking; an action nobody tried is not one that was tried and found wanting, so say which it is.
    worth, never_tried, random_missed = [], [], []
    for item in report.actions_never_worth_taking:
        action, marked, _ = item.partition(" (never taken)")
        if not marked:
            worth.append(item)
        elif action in taken_by:
            random_missed.append(f"{action} (taken by {', '.join(sorted(taken_by[action]))})")
        else:
            never_tried.append(action)
    if args.json:
        json.dump(
            {
                **report.as_json(),
                "actions_never_worth_taking": worth,
                "actions_never_tried": never_tried,
                "actions_random_play_never_took": random_missed,
            },
            sys.stdout,
            indent=1,
        )
        print()
        return 0
    print(f"Balance of {scenario.title} ({args.runs} runs a strategy, {random_runs} random)")
    width = max(16, *(len(name) + 2 for name in report.strategies))
    print(f"  {'strategy':<{width}}{'posts':>12}{'negative':>10}{'reputation':>12}  outcomes")
    for name, s in report.strategies.items():
        outcomes = ", ".join(f"{k} {v}" for k, v in sorted(s["outcomes"].items()))
        reputation = s["final_reputation"]["median"]
        print(
            f"  {name:<{width}}{_fmt(s['total_posts']['median']):>12}{_fmt(s['negative_share']['median'], True):>10}"
            f"{'—' if reputation is None else f'{reputation:.1f}':>12}  {outcomes}"
        )
    print(f"  dominant strategy: {report.dominant or 'none (good: no single answer wins everything)'}")
    for title, items in (
        ("events that never fired", report.events_never_fired),
        ("endings never reached", report.endings_never_reached),
        ("actions never worth taking", worth),
        ("actions never tried by any strategy", never_tried),
        ("actions random play never took", random_missed),
        ("meters no action moves", report.meters_no_action_moves),
        ("situational posts never shown", report.situational_never_shown),
    ):
        print(f"  {title}: {', '.join(items) if items else 'none'}")
    return 0
