"""A small line chart drawn with text: the player's curve (●) beside history's (○), per turn.

Textual has no line chart; two Sparklines would each scale to their own range and could not be
compared. This draws both series on one shared scale, reads without colour (different symbols),
and takes no extra dependency.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widgets import Static

from game.ui.literal import one_line

PLAYER, OTHER, BOTH = "●", "○", "◉"


def render_chart(
    title: str,
    player: Sequence[float],
    other: Sequence[float],
    height: int = 8,
    fmt: str = "{:.0f}",
    other_name: str = "what really happened",
) -> Content:
    """Rows of text: y labels on the left, one column (two cells wide) per turn."""
    values = [v for v in list(player) + list(other)]
    if not values:
        return Content(f"{title}: no data")
    low, high = min(values), max(values)
    if high - low < 1e-9:
        high = low + 1
    columns = max(len(player), len(other))

    def row_of(value: float) -> int:
        return round((value - low) / (high - low) * (height - 1))

    grid = [[" "] * columns for _ in range(height)]
    for index in range(columns):
        p = row_of(player[index]) if index < len(player) else None
        o = row_of(other[index]) if index < len(other) else None
        if o is not None:
            grid[o][index] = OTHER
        if p is not None:
            grid[p][index] = BOTH if p == o else PLAYER
    labels = [fmt.format(high), fmt.format((high + low) / 2), fmt.format(low)]
    width = max(len(label) for label in labels)
    lines: list[Content] = [Content.assemble((title, "bold"))]
    for row in range(height - 1, -1, -1):
        label = ""
        if row == height - 1:
            label = labels[0]
        elif row == 0:
            label = labels[2]
        elif row == (height - 1) // 2:
            label = labels[1]
        cells = Content.assemble(
            *[(cell + " ", "$accent bold" if cell in (PLAYER, BOTH) else "$text-muted") for cell in grid[row]]
        )
        lines.append(Content.assemble(f"{label:>{width}} ┤", cells))
    axis = "".join(f"{i + 1:<2}" if (i + 1) % 5 == 0 or i == 0 else "  " for i in range(columns))
    lines.append(Content(f"{'':>{width}} └" + "──" * columns))
    lines.append(Content(f"{'':>{width}}  {axis} turn"))
    lines.append(
        Content.assemble(
            (f"{PLAYER} you", "$accent bold"),
            "   ",
            (f"{OTHER} {one_line(other_name)}", "$text-muted"),
            f"   ({BOTH} both)",
        )
    )
    return Content("\n").join(lines)


class LineChart(Static):
    """A Static that shows :func:`render_chart`."""

    def plot(self, title: str, player: Sequence[float], other: Sequence[float], **kwargs) -> None:
        self.update(render_chart(title, player, other, **kwargs))
