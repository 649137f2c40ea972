"""Debrief reports for facilitators: markdown for forges, one self-contained HTML page for screens and paper.

    text = render(game, "html", info=session_info)
Both formats read the engine's Debrief (the same one the UI's debrief screen reads).
"""

from __future__ import annotations

FORMATS = ("md", "html")


def render(game, fmt: str = "md", info=None, warnings=(), debrief=None) -> str:
    """The report for ``game`` (finished or not) as markdown or HTML text."""
    from game.engine.debrief import analyse
    from game.reports import content

    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r}; use one of {', '.join(FORMATS)}")
    report = content.build(game, debrief or analyse(game), info, warnings)
    if fmt == "html":
        from game.reports import html

        return html.render(report)
    from game.reports import markdown

    return markdown.render(report)
