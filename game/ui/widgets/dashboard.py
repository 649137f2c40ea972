"""The dashboard: each meter as a figure with an arrow for its direction, and a sparkline of its history."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from textual.color import Color
from textual.content import Content
from textual.style import Style
from textual.widgets import Static

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


def meter_figure(spec: MeterSpec, state: GameState) -> tuple[str, str]:
    """A meter's line and how it went: ('Reputation        41/100 ▼2.3', 'bad'); the word is
    'good', 'bad' or '' (no change shown)."""
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
    if spec.video and state.video is not None and not state.video.ratings_shown:
        change = "off"  # the count stopped when the ratings went off: say so, not "+0"
    return f"{spec.label:<16}{spec.fmt(now):>8} {arrow}{change}", word


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


BARS = "▁▂▃▄▅▆▇█"


def spark_cells(data: Sequence[float], width: int) -> list[tuple[str, float]]:
    """A sparkline of ``data`` in ``width`` cells: (bar, height from 0 to 1) per cell.

    The same bars as Textual's Sparkline (its renderable, one line high, each cell the max of its
    share of the data, a short series stretched over the width), worked out in integers and floats
    instead of Fractions: it is drawn for six meters on every turn's end (issue 21)."""
    if width <= 0:
        return []
    if not data:
        return [(BARS[0], 0.0)] * width
    if len(data) == 1:
        return [(BARS[-1], 1.0)] * width
    count = len(data)
    buckets = []
    for number in range(width):
        start, end = count * number // width, count * (number + 1) // width
        if end > start:
            buckets.append(max(data[start:end]))
    low, high = min(data), max(data)
    extent = high - low or 1
    segments = len(BARS) - 1
    cells = []
    index, step = 0.0, len(buckets) / width
    for _ in range(width):
        ratio = (buckets[int(index)] - low) / extent
        cells.append((BARS[int(ratio * segments)], ratio))
        index += step
    return cells


class Dashboard(Static):
    """All meters in one widget: each meter's line ('Reputation  41/100 ▼2.3', green when the change
    is good, red when bad) over a sparkline of its history.

    One widget drawing one block of text, not a Static and a Sparkline per meter: ending a turn
    changes every meter, and 18 widgets redrawn (twice, when the screen is laid out again) were a
    good part of the 50 ms a key may take (issue 21).  Its height changes only when the meters shown
    do (a video's counts), so a new turn's figures redraw it without laying out the screen."""

    COMPONENT_CLASSES = {"dashboard--spark-min", "dashboard--spark-max"}

    def __init__(self, *, id: str | None = None, classes: str | None = None):
        super().__init__("", id=id, classes=classes)
        self._rows: tuple[tuple[str, str, str, tuple[float, ...]], ...] = ()  # (key, line, word, history)
        self._drawn: tuple | None = None  # (rows, width) on screen now

    def show(self, state: GameState) -> None:
        rows = []
        for spec in METERS:
            if spec.video and state.video is None:
                continue  # a video platform's counts appear once a state says so
            line, word = meter_figure(spec, state)
            history = tuple(spec.past(record) for record in state.history)
            rows.append((spec.key, line, word, history if len(history) >= 2 else ()))
        self._rows = tuple(rows)
        self._draw()

    def on_mount(self) -> None:
        # The bars take their colours from the theme as they are drawn: draw them again when it changes.
        self.app.theme_changed_signal.subscribe(self, self._retheme)

    def _retheme(self, _theme: object) -> None:
        self._drawn = None
        self._draw()

    def on_resize(self) -> None:
        self._draw()

    def shown(self) -> list[str]:
        """The keys of the meters on screen, in order."""
        return [key for key, *_ in self._rows]

    def figure(self, key: str) -> str | None:
        """The meter's line as drawn now, or None when it is not shown."""
        shown = self.shown()
        if key not in shown:
            return None
        return str(self.render()).split("\n")[2 * shown.index(key)]

    def _draw(self) -> None:
        width = self.content_size.width  # inside the padding: the sparklines fill it
        if (self._rows, width) == self._drawn:
            return
        lines_before = 2 * len(self._drawn[0]) if self._drawn else None
        self._drawn = (self._rows, width)
        _, base = self.background_colors
        low = base + self.get_component_styles("dashboard--spark-min").color
        high = base + self.get_component_styles("dashboard--spark-max").color
        lines: list[Content] = []
        for _key, line, word, history in self._rows:
            style = "$text-success" if word == "good" else "$text-error" if word == "bad" else ""
            lines.append(Content.styled(line, style) if style else Content(line))
            lines.append(_spark(history, width, low, high))
        # The height follows the number of meters only: new figures are drawn in place.
        self.update(Content("\n").join(lines), layout=lines_before != 2 * len(self._rows))


def _spark(history: Sequence[float], width: int, low: Color, high: Color) -> Content:
    """The sparkline as text, each bar coloured from ``low`` to ``high`` by its height (as Textual's)."""
    parts: list[tuple[str, Style]] = []
    for bar, ratio in spark_cells(history, width):
        color = Color(
            int(low.r + (high.r - low.r) * ratio),
            int(low.g + (high.g - low.g) * ratio),
            int(low.b + (high.b - low.b) * ratio),
        )
        if parts and parts[-1][1].foreground == color:
            parts[-1] = (parts[-1][0] + bar, parts[-1][1])
        else:
            parts.append((bar, Style(foreground=color)))
    return Content.assemble(*parts)
