"""Whole games without a UI: one run, many seeded runs, and the balance report.

The shape follows Mesa's batch_run: plain records out, no printing, no files.  Run *k* of a batch
uses a seed derived from the batch seed and *k*, so a whole batch is reproducible.  The CLI
(`bashtag simulate`) spreads runs over processes and prints; this module only computes.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from game.engine.game import Game
from game.engine.params import DEFAULT_PARAMS, ModelParams
from game.engine.strategies import make_strategy, strategy_names, take_turn
from game.scenario.models import Scenario
from game.scenario.vocabulary import BUILTIN_ACTIONS, platform_of_action

FIGURES = (
    "total_posts",
    "negative_share",
    "peak_posts_per_turn",
    "first_press_turn",
    "final_reputation",
    "turns_played",
)


def run_seed(seed: int, run: int) -> int:
    """The seed of run ``run`` of a batch started from ``seed``."""
    return int(np.random.SeedSequence([seed & 0xFFFFFFFF, run]).generate_state(1)[0])


@dataclass
class RunResult:
    seed: int
    total_posts: int
    negative_share: float
    peak_posts_per_turn: int
    first_press_turn: int | None
    final_reputation: float
    turns_played: int
    outcome: str
    ending: str
    timeline: list[dict[str, Any]] = field(default_factory=list)
    fired: list[str] = field(default_factory=list)
    action_kinds: list[str] = field(default_factory=list)
    meters_moved_by_actions: list[str] = field(default_factory=list)
    situations_seen: list[int] = field(default_factory=list)  # indexes of templates.situational
    reactions: dict[str, int] | None = None
    """On a video platform: {"likes": N, "dislikes": N} over the game (None on a microblog)."""
    response_videos: int | None = None
    """On a video platform: response videos (parodies) posted about the video."""
    unplayed_steps: list[str] = field(default_factory=list)
    """A playbook's steps the game could not play, each with where it is and why (empty for the others)."""
    joins: dict[str, str] = field(default_factory=dict)
    """Each key account that posted: its handle -> the moment it came onto the tag (ISO)."""

    def as_json(self) -> dict[str, Any]:
        keep = (
            "seed",
            "total_posts",
            "negative_share",
            "peak_posts_per_turn",
            "first_press_turn",
            "final_reputation",
            "turns_played",
            "outcome",
            "timeline",
            "unplayed_steps",
            "joins",
        )
        data = {key: getattr(self, key) for key in keep}
        if self.reactions is not None:  # a video platform's figures; a microblog's JSON stays as it was
            data["reactions"] = self.reactions
            data["response_videos"] = self.response_videos
        return data


def play(
    scenario: Scenario, strategy: str, seed: int, params: ModelParams = DEFAULT_PARAMS, game: Game | None = None
) -> RunResult:
    """Play one whole game (or the rest of ``game``) with ``strategy``."""
    game = game or Game(scenario, seed, params)
    chooser = make_strategy(strategy, game)
    moved: set[str] = set()
    kinds: set[str] = set()
    while not game.over:
        before = len(game.world.changes)
        actions = take_turn(game, chooser)
        moved.update(change.meter for change in game.world.changes[before:])
        kinds.update(a.action_id if a.kind == "custom" else a.kind for a in actions)
        game.end_turn()
    result = summarise(game, sorted(moved), sorted(kinds))
    result.unplayed_steps = list(getattr(chooser, "unplayed", []))
    return result


def summarise(game: Game, moved: list[str] | None = None, kinds: list[str] | None = None) -> RunResult:
    state = game.state
    timeline = [
        {
            "turn": record.turn,
            "time": record.start.isoformat(),
            "end": record.end.isoformat(),
            "posts": record.posts,
            "negative_posts": record.negative_posts,
            "reputation": record.reputation,
            "press_attention": record.press,
            "actions": list(record.actions),
            "events": list(record.events),
            **(
                {"reactions": {"likes": record.reactions.likes, "dislikes": record.reactions.dislikes}}
                if record.reactions is not None
                else {}
            ),
        }
        for record in state.history
    ]
    video = state.video
    first_press = next((e.turn for e in state.events if e.kind == "press"), None)
    return RunResult(
        seed=game.seed,
        total_posts=state.total_posts,
        negative_share=state.negative_share,
        peak_posts_per_turn=max((r.posts for r in state.history), default=0),
        first_press_turn=first_press,
        final_reputation=state.reputation,
        turns_played=len(state.history),
        outcome=state.ending.outcome if state.ending else "unfinished",
        ending=state.ending.id if state.ending else "",
        timeline=timeline,
        fired=sorted({e.id for e in state.events}),
        joins={
            e.id.removeprefix("joined-"): e.time.isoformat()
            for e in state.events
            if e.kind == "influencer" and e.id.startswith("joined-")
        },
        action_kinds=kinds or [],
        meters_moved_by_actions=moved or [],
        situations_seen=sorted(game.world.text.situations_seen),
        reactions=(
            {"likes": video.reactions.likes, "dislikes": video.reactions.dislikes} if video is not None else None
        ),
        response_videos=video.reactions.response_videos if video is not None else None,
    )


def run_batch(
    scenario: Scenario,
    strategy: str,
    runs: int,
    seed: int,
    params: ModelParams = DEFAULT_PARAMS,
    mapper: Callable[..., Iterable[RunResult]] = map,
) -> list[RunResult]:
    """``runs`` games with derived seeds; ``mapper`` may be a process pool's map."""
    seeds = [run_seed(seed, k) for k in range(runs)]
    jobs = [(scenario, strategy, s, params) for s in seeds]
    return list(mapper(_play_job, jobs))


def _play_job(job: tuple[Scenario, str, int, ModelParams]) -> RunResult:
    scenario, strategy, seed, params = job
    return play(scenario, strategy, seed, params)


def summary(results: list[RunResult]) -> dict[str, Any]:
    """Median, p10 and p90 of each numeric figure (missing values, e.g. no press story, left out)."""
    out: dict[str, Any] = {}  # Any: a figure -> its median/p10/p90 (None when missing); "outcomes" -> counts
    for name in FIGURES:
        values = [getattr(r, name) for r in results if getattr(r, name) is not None]
        if not values:
            out[name] = {"median": None, "p10": None, "p90": None}
            continue
        array = np.array(values, dtype=float)
        out[name] = {
            "median": float(statistics.median(values)),
            "p10": float(np.percentile(array, 10)),
            "p90": float(np.percentile(array, 90)),
        }
    if results and all(r.reactions is not None for r in results):  # a video platform's counts
        for name in ("likes", "dislikes"):
            values = [r.reactions[name] for r in results if r.reactions is not None]
            out[name] = {
                "median": float(statistics.median(values)),
                "p10": float(np.percentile(values, 10)),
                "p90": float(np.percentile(values, 90)),
            }
    outcomes: dict[str, int] = {}
    for r in results:
        outcomes[r.outcome] = outcomes.get(r.outcome, 0) + 1
    out["outcomes"] = outcomes
    return out


def posts_between(timeline: list[dict[str, Any]], lo: dt.datetime, hi: dt.datetime, key: str = "posts") -> float:
    """Posts (or another count, ``key``) in [lo, hi) of a run's timeline; a turn that straddles an
    edge counts in proportion to its overlap (the record's figures are per day or per hour, turns
    are not)."""
    total = 0.0
    for row in timeline:
        start, end = dt.datetime.fromisoformat(row["time"]), dt.datetime.fromisoformat(row["end"])
        overlap = (min(end, hi) - max(start, lo)).total_seconds()
        if overlap > 0:
            total += row[key] * overlap / (end - start).total_seconds()
    return total


def days_of(timeline: list[dict[str, Any]]) -> list[tuple[dt.datetime, dt.datetime]]:
    """The calendar days of the scenario's clock that a run covers, as [from, to) spans (the first
    and last may be partial: a clock that starts at 12:00 covers half of its first day)."""
    if not timeline:
        return []
    first = dt.datetime.fromisoformat(timeline[0]["time"])
    last = dt.datetime.fromisoformat(timeline[-1]["end"])
    spans = []
    day = first.replace(hour=0, minute=0, second=0, microsecond=0)
    while day < last:
        following = day + dt.timedelta(days=1)
        spans.append((max(day, first), min(following, last)))
        day = following
    return spans


def daily_posts(timeline: list[dict[str, Any]], key: str = "posts") -> list[float]:
    """Posts (or ``key``) on each day of :func:`days_of`, a turn across midnight shared by its hours."""
    return [posts_between(timeline, lo, hi, key) for lo, hi in days_of(timeline)]


def by_day(results: list[RunResult]) -> list[dict[str, Any]]:
    """Posts and negative share per calendar day of the scenario's clock, median, p10 and p90 over
    the runs: records such as Topsy's or Brandwatch's give daily counts, so authors calibrate to them."""
    if not results:
        return []
    posts = np.array([daily_posts(r.timeline) for r in results])
    negative = np.array([daily_posts(r.timeline, "negative_posts") for r in results])
    days = []
    for k, (lo, hi) in enumerate(days_of(results[0].timeline)):
        shares = [n / p for n, p in zip(negative[:, k], posts[:, k]) if p > 0]
        days.append(
            {
                "date": lo.date().isoformat(),
                "from": lo.time().isoformat("minutes"),
                "to": hi.time().isoformat("minutes") if hi.date() == lo.date() else "24:00",
                "posts": {
                    "median": float(np.median(posts[:, k])),
                    "p10": float(np.percentile(posts[:, k], 10)),
                    "p90": float(np.percentile(posts[:, k], 90)),
                },
                "negative_share": float(statistics.median(shares)) if shares else None,
            }
        )
    return days


# ---------------------------------------------------------------------------------- balance


@dataclass
class BalanceReport:
    scenario: str
    strategies: dict[str, dict[str, Any]]  # name -> summary
    dominant: str | None
    events_never_fired: list[str]
    endings_never_reached: list[str]
    actions_never_worth_taking: list[str]
    meters_no_action_moves: list[str]
    situational_never_shown: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return self.__dict__.copy()


def balance(
    scenario: Scenario,
    runs: int,
    seed: int,
    random_runs: int | None = None,
    params: ModelParams = DEFAULT_PARAMS,
    mapper: Callable[..., Iterable[RunResult]] = map,
) -> BalanceReport:
    """Play every strategy (random many times) and report what an author needs to know."""
    names = strategy_names(scenario)
    results: dict[str, list[RunResult]] = {}
    for name in names:
        count = (random_runs or max(runs * 4, 16)) if name == "random" else runs
        results[name] = run_batch(scenario, name, count, seed, params, mapper)
    summaries = {name: summary(rs) for name, rs in results.items()}
    everything = [r for rs in results.values() for r in rs]

    fired = {e for r in everything for e in r.fired}
    seen = {i for r in everything for i in r.situations_seen}
    reached = {r.ending for r in everything}
    moved = {m for r in everything for m in r.meters_moved_by_actions}

    # Dominant: best median on every figure that has a direction (lower posts, lower negative share,
    # higher reputation), strictly better than each other strategy on at least one.
    def key(name: str) -> tuple[float, float, float]:
        s = summaries[name]
        return (
            s["total_posts"]["median"] or 0,
            s["negative_share"]["median"] or 0,
            -(s["final_reputation"]["median"] or 0),
        )

    dominant = None
    for name in names:
        mine = key(name)
        if all(all(a <= b for a, b in zip(mine, key(o))) and mine != key(o) for o in names if o != name):
            dominant = name
            break

    # An action is worth taking if random runs that took it end better than those that did not.
    never_worth: list[str] = []
    randoms = results.get("random", [])
    action_names = [
        *(kind for kind in BUILTIN_ACTIONS if platform_of_action(kind) in (None, scenario.platform)),
        *(c.id for c in scenario.actions.custom),
    ]
    for action in action_names:
        if action in scenario.actions.disabled:
            continue
        took = [r.final_reputation for r in randoms if action in r.action_kinds]
        skipped = [r.final_reputation for r in randoms if action not in r.action_kinds]
        if not took:
            never_worth.append(f"{action} (never taken)")
        elif (
            skipped
            and statistics.median(took) < statistics.median(skipped) - 0.5
            and not any(
                action in r.action_kinds
                for name, rs in results.items()
                if name != "random"
                for r in rs
                if r.final_reputation >= statistics.median(skipped)
            )
        ):
            never_worth.append(action)

    scenario_events = [e.id for e in scenario.events]
    return BalanceReport(
        scenario=scenario.id,
        strategies=summaries,
        dominant=dominant,
        events_never_fired=[e for e in scenario_events if e not in fired],
        endings_never_reached=[e.id for e in scenario.endings if e.id not in reached],
        actions_never_worth_taking=never_worth,
        meters_no_action_moves=[m for m in ("reputation", "press", "anger", "invitation") if m not in moved],
        situational_never_shown=[
            f"templates.situational[{i}] (when: {pool.when})"
            for i, pool in enumerate(scenario.templates.situational)
            if i not in seen
        ],
    )
