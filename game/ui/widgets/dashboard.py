"""The dashboard: each meter as a figure with a word for its direction, and a sparkline of its history."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Sparkline, Static

from game.engine.state import GameState, TurnRecord


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


METERS: tuple[MeterSpec, ...] = (
    MeterSpec("reputation", "Reputation", lambda s: s.reputation, lambda r: r.reputation,
              lambda v: f"{v:.0f}/100", True,
              "How the public sees the organisation, 0-100 (50 is neutral). The score that decides the ending."),
    MeterSpec("virality", "Virality", lambda s: s.virality, lambda r: r.virality,
              lambda v: f"{v:.2f}×", False,
              "How many new posts each post sparks. Above 1× the hashtag is growing; below 1× it is dying down."),
    MeterSpec("reach", "Reach", lambda s: s.reach, lambda r: r.reach,
              lambda v: f"{v / 1e6:.1f}M" if v >= 1e6 else f"{v / 1e3:.0f}k" if v >= 1e4 else f"{v:.0f}", False,
              "How many people have seen posts on the hashtag so far."),
    MeterSpec("negative", "Negative share", lambda s: s.negative_share * 100, lambda r: r.negative_share * 100,
              lambda v: f"{v:.0f}%", False,
              "The share of all posts on the hashtag that are hostile."),
    MeterSpec("press", "Press attention", lambda s: s.press, lambda r: r.press,
              lambda v: f"{v:.0f}/100", False,
              "How close journalists are to writing the story, 0-100. Past an outlet's threshold, a story runs."),
)


class Meter(Vertical):
    """One meter: 'Reputation  41/100 ▼ down' over a sparkline."""

    def __init__(self, spec: MeterSpec):
        super().__init__(id=f"meter-{spec.key}", classes="meter")
        self.spec = spec

    def compose(self) -> ComposeResult:
        yield Static(self.spec.label, classes="meter-figure")
        yield Sparkline([0.0], classes="meter-spark")

    def show(self, state: GameState) -> None:
        spec = self.spec
        value = spec.now(state)
        history = [spec.past(record) for record in state.history]
        previous = history[-1] if len(history) >= 2 else (history[0] if history else None)
        if len(history) >= 2:
            previous = history[-2]
        arrow, word = "", ""
        if previous is not None and history:
            delta = history[-1] - previous
            if abs(delta) > 1e-6:
                up = delta > 0
                arrow = "▲" if up else "▼"
                good = up == spec.good_when_up
                word = "good" if good else "bad"
        figure = self.query_one(".meter-figure", Static)
        figure.update(f"{spec.label:<16}{spec.fmt(value):>8} {arrow}")
        figure.set_class(word == "good", "-good")
        figure.set_class(word == "bad", "-bad")
        self.query_one(".meter-spark", Sparkline).data = history if len(history) >= 2 else []


class Dashboard(Vertical):
    """All meters, redrawn from the state."""

    def compose(self) -> ComposeResult:
        for spec in METERS:
            yield Meter(spec)

    def show(self, state: GameState) -> None:
        for meter in self.query(Meter):
            meter.show(state)
