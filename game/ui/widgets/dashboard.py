"""The dashboard: each meter as a figure with a word for its direction, and a sparkline of its history."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Sparkline, Static

from game.engine.state import GameState, TurnRecord
from game.ui.literal import followers


@dataclass(frozen=True)
class MeterSpec:
    """How to read one meter now and from the history."""

    key: str
    label: str
    now: Callable[[GameState], float]
    past: Callable[[TurnRecord], float]
    fmt: Callable[[float], str]
    good_when_up: bool
    explain: str
    change: Callable[[float], str] | None = None  # how a change reads beside the arrow ("2.3")
    start: Callable[[GameState], float] | None = None  # the value before the first turn, if known
    video: bool = False  # shown on a video platform only
    running: bool = False  # a total: the figure is so far, the line and +N each turn's share


def _count(value: float) -> str:
    return f"{value / 1e6:.1f}M" if value >= 1e6 else f"{value / 1e3:.0f}k" if value >= 1e4 else f"{value:.0f}"


METERS: tuple[MeterSpec, ...] = (
    MeterSpec(
        "reputation",
        "Reputation",
        lambda s: s.reputation,
        lambda r: r.reputation,
        lambda v: f"{v:.0f}/100",
        True,
        "How the public sees the organisation, 0-100 (50 is neutral). The score that decides the ending.",
        lambda d: f"{abs(d):.1f}",
        lambda s: s.reputation_start,
    ),
    MeterSpec(
        "virality",
        "Virality",
        lambda s: s.virality,
        lambda r: r.virality,
        lambda v: f"{v:.2f}×",
        False,
        "How many new posts each post sparks. Above 1× the hashtag is growing; below 1× it is dying down.",
    ),
    MeterSpec(
        "reach",
        "Reach",
        lambda s: s.reach,
        lambda r: r.reach,
        _count,
        False,
        "How many times posts on the hashtag have been seen so far; +N and the line below are each turn's share. "
        "Reach follows who posts, not how many: one post by an account with 100k followers is seen "
        "more than a hundred posts by small accounts, so a turn's reach can jump with the same number of posts.",
        running=True,
    ),
    MeterSpec(
        "negative",
        "Negative share",
        lambda s: s.negative_share * 100,
        lambda r: r.negative_share * 100,
        lambda v: f"{v:.0f}%",
        False,
        "The share of all posts on the hashtag that are hostile.",
    ),
    MeterSpec(
        "anger",
        "Crowd anger",
        lambda s: s.anger,
        lambda r: r.anger,
        lambda v: f"{v:.0f}/100",
        False,
        "How aggrieved the hostile crowd is, 0-100. Angry critics post more readily; it cools toward the "
        "grievance's level over about a day, and fitting answers calm it. Listening (m) reports it too.",
        lambda d: f"{abs(d):.1f}",
    ),
    MeterSpec(
        "press",
        "Press attention",
        lambda s: s.press,
        lambda r: r.press,
        lambda v: f"{v:.0f}/100",
        False,
        "How close journalists are to writing the story, 0-100. Past an outlet's threshold, a story runs.",
        lambda d: f"{abs(d):.1f}",
    ),
    MeterSpec(
        "dislikes",
        "Dislikes",
        lambda s: s.video.reactions.dislikes if s.video else 0.0,
        lambda r: r.reactions.dislikes if r.reactions else 0.0,
        _count,
        False,
        "Dislikes under the video so far; +N and the line below are each turn's. A click costs nothing, so "
        "far more people rate a video than write about it. The count is what the press reports; with the "
        "ratings off it stops (and says so), but what people think of the video does not.",
        video=True,
        running=True,
    ),
    MeterSpec(
        "likes",
        "Likes",
        lambda s: s.video.reactions.likes if s.video else 0.0,
        lambda r: r.reactions.likes if r.reactions else 0.0,
        _count,
        True,
        "Likes under the video so far; +N and the line below are each turn's.",
        video=True,
        running=True,
    ),
)


class Meter(Vertical):
    """One meter: 'Reputation  41/100 ▼ down' over a sparkline."""

    def __init__(self, spec: MeterSpec):
        super().__init__(id=f"meter-{spec.key}", classes="meter")
        self.spec = spec
        self._drawn = ""  # the figure's text on screen now

    def compose(self) -> ComposeResult:
        yield Static(self.spec.label, classes="meter-figure")
        yield Sparkline([0.0], classes="meter-spark")

    def show(self, state: GameState) -> None:
        spec = self.spec
        now = spec.now(state)
        history = [spec.past(record) for record in state.history]
        arrow, word, change = "", "", ""
        if spec.running:
            # The figure is the total; the line below is each turn's, and the last turn's is named.
            change = f"+{followers(int(history[-1]))}" if history else ""
        else:
            before, after = _last_change(now, history, spec.start(state) if spec.start else None)
            if before is not None:
                delta = after - before
                shown = spec.change(delta) != spec.change(0.0) if spec.change else spec.fmt(before) != spec.fmt(after)
                if shown:
                    up = delta > 0
                    arrow = "▲" if up else "▼"
                    word = "good" if up == spec.good_when_up else "bad"
                    change = spec.change(delta) if spec.change else ""
        figure = self.query_one(".meter-figure", Static)
        if spec.video and state.video is not None and not state.video.ratings_shown:
            change = "off"  # the count stopped when the ratings went off: say so, not "+0"
        text = f"{spec.label:<16}{spec.fmt(now):>8} {arrow}{change}"
        if text != self._drawn:
            self._drawn = text
            # One line high whatever it says (play.tcss): no layout, which would redraw every widget.
            figure.update(text, layout=False)
        figure.set_class(word == "good", "-good")
        figure.set_class(word == "bad", "-bad")
        self.query_one(".meter-spark", Sparkline).data = history if len(history) >= 2 else []


def _last_change(now: float, history: list[float], start: float | None) -> tuple[float | None, float]:
    """(before, after) of the meter's last change: an action this turn (now differs from the last
    turn's end), else the last turn.  The arrow follows it, so an apology's +2.3 shows ▲ at once."""
    reference = history[-1] if history else start
    if reference is not None and abs(now - reference) > 1e-9:
        return reference, now
    if len(history) >= 2:
        return history[-2], history[-1]
    if len(history) == 1 and start is not None:
        return start, history[-1]
    return None, now


class Dashboard(Vertical):
    """All meters, redrawn from the state."""

    def compose(self) -> ComposeResult:
        for spec in METERS:
            meter = Meter(spec)
            meter.display = not spec.video  # a video platform's counts appear once a state says so
            yield meter

    def show(self, state: GameState) -> None:
        for meter in self.query(Meter):
            shown = not meter.spec.video or state.video is not None
            meter.display = shown
            if shown:
                meter.show(state)
