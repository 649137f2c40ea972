"""Charts for the reports: SVG line charts (pygal) for HTML, text sparklines for markdown.

pygal is used because it writes self-contained SVG from pure Python (~1 MB, no C extensions, no
browser runtime) — matplotlib would add tens of megabytes and numpy-backed rendering for three line
charts.  Its optional tooltip script is switched off (``js=[]``): the report loads nothing remote.
The historical path is dashed and the player's has dots, so the lines differ without colour.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from game.reports.content import Series

_SCRIPT = re.compile(r"<script\b.*?</script>", re.S | re.I)

BARS = "▁▂▃▄▅▆▇█"
PLAYER_COLOUR, HISTORY_COLOUR = "#1f5fa8", "#b0452a"


def sparkline(values, scale=None) -> str:
    """``▁▂▅█▆``: a row of blocks scaled to ``scale`` (the values of every line on the same chart, so
    two lines compare) or to the values' own range."""
    values = list(values)
    if not values:
        return ""
    scale = list(scale) if scale else values
    low, high = min(scale), max(scale)
    if high - low < 1e-9:
        return BARS[3] * len(values)
    return "".join(BARS[round((v - low) / (high - low) * (len(BARS) - 1))] for v in values)


@dataclass(frozen=True)
class Line:
    """One line of a chart: its legend name, values, colour and pattern (so lines differ without colour)."""

    name: str
    values: tuple[float, ...]
    colour: str
    dash: str | None = None  # an SVG dasharray ("8, 6"); None: solid
    dots: bool = True
    width: float = 3.0


def lines_svg(
    labels,
    unit: str,
    lines: list[Line],
    *,
    width: int = 900,
    height: int = 330,
    legend_columns: int = 2,
    top: float | None = None,
) -> str:
    """An inline ``<svg>`` line chart (pygal, no script): the one chart style every report shares.
    ``top`` fixes the y axis' upper end (values above it must have been capped by the caller)."""
    import pygal
    from pygal.style import Style

    style = Style(
        background="white",
        plot_background="white",
        foreground="#222",
        foreground_strong="#111",
        foreground_subtle="#d9d9d9",
        colors=tuple(line.colour for line in lines),
        font_family="system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif",
        label_font_size=13,
        major_label_font_size=13,
        legend_font_size=15,
        title_font_size=17,
        value_font_size=12,
        stroke_width=3,
        stroke_width_hover=3,
    )
    options = {"range": (0, top)} if top is not None else {}
    chart = pygal.Line(
        width=width,
        height=height,
        style=style,
        js=[],
        disable_xml_declaration=True,
        show_legend=True,
        legend_at_bottom=True,
        legend_at_bottom_columns=legend_columns,
        x_label_rotation=20,
        max_scale=7,
        min_scale=4,
        show_minor_x_labels=False,
        x_labels_major_every=max(1, len(labels) // 10),
        truncate_label=-1,
        dots_size=3,
        y_title=unit,
        show_y_guides=True,
        interpolate=None,
        print_values=False,
        explicit_size=False,
        no_data_text="no turns played",
        **options,
    )
    chart.x_labels = list(labels)
    for line in lines:
        stroke = {"width": line.width} if line.dash is None else {"width": line.width, "dasharray": line.dash}
        extra = {} if line.dots else {"show_dots": False}
        chart.add(line.name, [round(v, 2) for v in line.values], stroke_style=stroke, **extra)
    # pygal inlines its configuration as a script for its tooltip library; without that library it does
    # nothing, and the report promises no scripts at all (its CSP says so), so it goes.
    return _SCRIPT.sub("", chart.render(is_unicode=True))


def svg(series: Series, benchmark: str = "What really happened", width: int = 900, height: int = 330) -> str:
    """An inline ``<svg>`` line chart of ``series``: the player's path and ``benchmark`` (what really
    happened, or a fictional case's model play)."""
    return lines_svg(
        series.labels,
        series.unit,
        [
            Line("This game", tuple(series.player), PLAYER_COLOUR, width=3.5),
            Line(benchmark, tuple(series.historical), HISTORY_COLOUR, dash="8, 6", dots=False, width=2.5),
        ],
        width=width,
        height=height,
    )
