"""What a facilitator's report says, gathered once from the game and the engine's Debrief.

The markdown and HTML writers only lay this out; both read the same :class:`Report`, which reads
the same ``game.engine.debrief.Debrief`` as the UI's debrief screen.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.reports.words import Words, team_words


@dataclass(frozen=True)
class Series:
    """One figure over time: the player's path beside what really happened (same seed)."""

    title: str
    unit: str
    labels: tuple[str, ...]  # one per turn: the turn's start time
    player: tuple[float, ...]
    historical: tuple[float, ...]
    note: str


@dataclass(frozen=True)
class Report:
    title: str
    scenario_id: str
    organisation: str
    hashtag: str
    role: str
    seed: int
    session_id: str | None
    created: str | None
    team: str | None
    workshop: str | None
    finished: bool
    turn: int  # the turn being played (turns_total + 1 when over)
    turns_total: int
    state: object  # GameState
    debrief: object  # game.engine.debrief.Debrief
    series: tuple[Series, ...]
    warnings: tuple[str, ...]
    # The team's own words for a decision, by its index in state.taken (reports/words.py).
    words: dict[int, Words] = field(default_factory=dict)

    @property
    def turns_played(self) -> int:
        return len(self.state.history)


def _labels(records) -> tuple[str, ...]:
    labels = []
    for index, record in enumerate(records):
        previous = records[index - 1].start if index else None
        same_day = previous is not None and previous.date() == record.start.date()
        labels.append(f"{record.start:%H:%M}" if same_day else f"{record.start:%a %H:%M}")
    return tuple(labels)


def build(game, debrief, info=None, warnings=()) -> Report:
    """A report for ``game`` (finished or not) from its ``debrief`` and, if it was saved, its SessionInfo."""
    state = game.state
    scenario = game.scenario
    player, historical = state.history, debrief.historical
    # The x axis runs as long as the longer path so both show whole; the shorter ends early.
    axis = player if len(player) >= len(historical) else historical
    series = (
        Series(
            "Reputation",
            "points (0–100)",
            _labels(axis),
            tuple(r.reputation for r in player),
            tuple(r.reputation for r in historical),
            "The organisation's standing with the public, at the end of each turn.",
        ),
        Series(
            "Posts per turn",
            "posts",
            _labels(axis),
            tuple(float(r.posts) for r in player),
            tuple(float(r.posts) for r in historical),
            "How many posts joined the hashtag during each turn.",
        ),
        Series(
            "Press attention",
            "attention (0–100)",
            _labels(axis),
            tuple(r.press for r in player),
            tuple(r.press for r in historical),
            "How much the newsrooms were watching, at the end of each turn.",
        ),
    )
    if state.video is not None:  # a video platform: its dislikes beside the posts (reactions.py)
        series += (
            Series(
                "Dislikes per turn",
                "dislikes",
                _labels(axis),
                tuple(float(r.reactions.dislikes if r.reactions else 0) for r in player),
                tuple(float(r.reactions.dislikes if r.reactions else 0) for r in historical),
                "How many people clicked dislike under the video during each turn (none once the ratings are off).",
            ),
        )
    return Report(
        title=scenario.title,
        scenario_id=scenario.id,
        organisation=scenario.organisation.name,
        hashtag=scenario.campaign.hashtag,
        role=scenario.role.title,
        seed=game.seed,
        session_id=getattr(info, "id", None),
        created=getattr(info, "created", None),
        team=getattr(info, "team", None),
        workshop=getattr(info, "workshop", None),
        finished=state.over,
        turn=state.turn,
        turns_total=state.turns_total,
        state=state,
        debrief=debrief,
        series=series,
        warnings=tuple(warnings),
        words=team_words(game),
    )


def consequences(report: Report, taken) -> list[str]:
    """What a decision did: its immediate changes, each with its reason."""
    return [change.describe() for change in taken.changes]


def status_line(report: Report) -> str:
    state = report.state
    if report.finished and state.ending:
        return f"{state.ending.title} ({state.ending.outcome})"
    return (
        f"Unfinished: the game stopped during turn {report.turn} of {report.turns_total}; "
        f"this report covers the {report.turns_played} turn(s) played"
    )


def why_this_ending(report: Report) -> list[tuple[str, str]]:
    """'Why this ending' as (mark, text) lines: ✔ what decided it, then the nearest better ending
    (mark "→") and ✖ what stood in its way; the debrief screen shows the same EndingWhy."""
    why = getattr(report.debrief, "why", None)
    if why is None or not report.finished:
        return []
    lines = [("✔", text) for text in why.because]
    if why.better_title:
        verb = "needed" if why.stood_between else "matched this game too"
        lines.append(("→", f"The nearest better ending, “{why.better_title}” ({why.better_outcome}), {verb}:"))
        lines += [("✖", text) for text in why.stood_between]
        if why.checked_first:
            lines.append(("", f"“{report.state.ending.title}” is checked before it: while that holds, it decides."))
    return lines


def history_heading(report: Report) -> str:
    if report.finished:
        return report.debrief.benchmark
    return f"{report.debrief.benchmark}, by turn {report.turns_played}"


def benchmark_in_a_sentence(report: Report) -> str:
    """The benchmark's name inside a sentence: "what really happened"."""
    from game.engine.debrief import in_a_sentence

    return in_a_sentence(report.debrief.benchmark)


def _video_figures(state, hist) -> list[tuple[str, str, str]]:
    """A video platform's rows: the counts under the video, this game beside what really happened."""
    if state.video is None:
        return []
    mine = state.video.reactions

    def total(name: str) -> str:
        return f"{sum(getattr(r.reactions, name) for r in hist if r.reactions):,}" if hist else "—"

    return [
        ("Dislikes on the video", f"{mine.dislikes:,}", total("dislikes")),
        ("Likes on the video", f"{mine.likes:,}", total("likes")),
        ("Response videos (parodies)", f"{mine.response_videos:,}", total("response_videos")),
    ]


def key_figures(report: Report) -> list[tuple[str, str, str]]:
    """(figure, this game, what really happened) rows for the summary table."""
    state = report.state
    hist = report.debrief.historical
    if not report.finished:  # compare like with like: history as far as this game got
        hist = hist[: len(state.history)]
    last = hist[-1] if hist else None
    peak_press = max((r.press for r in state.history), default=0.0)
    hist_peak_press = max((r.press for r in hist), default=0.0)
    peak_posts = max((r.posts for r in state.history), default=0)
    hist_peak_posts = max((r.posts for r in hist), default=0)
    return [
        (
            "Reputation at the end" if report.finished else "Reputation when the game stopped",
            f"{state.reputation:.1f} (from {state.reputation_start:.0f})",
            f"{last.reputation:.1f}" if last else "—",
        ),
        ("Posts on the hashtag", f"{state.total_posts:,}", f"{last.total_posts:,}" if last else "—"),
        (
            "Share of posts that were hostile",
            f"{state.negative_share:.0%}",
            f"{last.negative_share:.0%}" if last else "—",
        ),
        ("Busiest turn (posts)", f"{peak_posts:,}", f"{hist_peak_posts:,}" if hist else "—"),
        *_video_figures(state, hist),
        ("Peak press attention", f"{peak_press:.0f}", f"{hist_peak_press:.0f}" if hist else "—"),
        ("Decisions taken", str(len([t for t in state.taken if t.kind != "inject"])), "—"),
    ]
