"""The facilitator's report as markdown that renders on common forges (GitHub, GitLab, Gitea).

Charts become tables of figures with a sparkline each.  Scenario and player text is untrusted: it is
escaped so that it cannot open HTML, links or table cells of its own.
"""

from __future__ import annotations

import re

from game.reports.charts import sparkline
from game.reports.content import (
    Report,
    benchmark_in_a_sentence,
    consequences,
    history_heading,
    key_figures,
    status_line,
    why_this_ending,
)

# Backslash escapes (CommonMark: any ASCII punctuation), not HTML entities: the report is read as
# plain text too (on stdout, in a mail), where "&amp;" and "&lt;" show as written ("Q&amp;A").
_MARKDOWN_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]{}#|~!<>"})
# An "&" only needs escaping where it would start a character reference ("&lt;", "&#60;").
_REFERENCE = re.compile(r"&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{0,31};)")


def esc(text) -> str:
    """Text that shows as itself in markdown: no HTML, no emphasis, no links, no table breaks."""
    return _REFERENCE.sub(r"\\&", " ".join(str(text).split()).translate(_MARKDOWN_SPECIAL))


def render(report: Report) -> str:
    d = report.debrief
    state = report.state
    out: list[str] = [f"# Debrief: {esc(report.title)}", ""]
    meta = [
        f"**Organisation:** {esc(report.organisation)}",
        f"**Hashtag:** {esc(report.hashtag)}",
        f"**Role:** {esc(report.role)}",
        f"**Seed:** {report.seed}",
    ]
    if report.team:
        meta.append(f"**Team:** {esc(report.team)}")
    if report.workshop:
        meta.append(f"**Workshop:** {esc(report.workshop)}")
    if report.created:
        meta.append(f"**Played:** {esc(report.created.replace('T', ' ')[:16])}")
    if report.session_id:
        meta.append(f"**Session:** `{report.session_id}`")
    out += [" · ".join(meta), ""]
    for warning in report.warnings:
        out += [f"> **Note:** {esc(warning)}", ""]

    out += ["## Outcome", ""]
    if report.finished and state.ending:
        out += [f"**{esc(state.ending.title)}** — {esc(state.ending.outcome)}", "", esc(state.ending.text), ""]
        why = why_this_ending(report)
        if why:
            out += ["**Why this ending**", ""]
            out += [f"- {mark} {esc(text)}" if mark != "→" else f"- {esc(text)}" for mark, text in why]
            out.append("")
    else:
        out += [f"> **{esc(status_line(report))}.** The figures below stop where the game stopped.", ""]
    out += [f"| Figure | This game | {esc(history_heading(report))} |", "|---|---|---|"]
    out += [f"| {esc(a)} | {esc(b)} | {esc(c)} |" for a, b, c in key_figures(report)]
    out.append("")

    out += [
        "## Over time",
        "",
        f"Each figure at the end of each turn: this game beside "
        f"{esc(benchmark_in_a_sentence(report))} (the scenario's historical choices, same seed).",
        "",
    ]
    for series in report.series:
        both = series.player + series.historical
        out += [
            f"### {esc(series.title)}",
            "",
            esc(series.note),
            "",
            f"- This game: `{sparkline(series.player, both) or '—'}`",
            f"- {esc(report.debrief.benchmark)}: `{sparkline(series.historical, both) or '—'}`",
            "",
        ]
    out += _figures_table(report)

    out += ["## Decisions and their consequences", ""]
    taken = [t for t in state.taken if t.kind != "inject"]
    if not taken:
        out += ["No decisions were taken: the team watched the crisis unfold.", ""]
    else:
        out += ["| Turn | Time | Decision | Reputation at once | What it did |", "|---:|---|---|---:|---|"]
        for index, (entry, decision) in enumerate(_pairs(state.taken, d.decisions)):
            if entry.kind == "inject":
                continue
            did = "; ".join(esc(c) for c in consequences(report, entry)) or "no immediate change"
            words = report.words.get(index)
            said = f"<br>“{esc(words.text)}”<br>*{esc(words.reading)}*" if words else ""
            out.append(
                f"| {entry.turn} | {decision.time:%d %b %H:%M} | {esc(entry.label)}{said} | "
                f"{decision.impact:+.1f} | {did} |"
            )
        out.append("")
    if d.biggest_changes:
        out += ["### The biggest swings in reputation", ""]
        out += [f"- Turn {c.turn}: {esc(c.describe())}" for c in d.biggest_changes]
        out.append("")

    out += ["## What if…", ""]
    if not d.what_ifs:
        out += ["No alternative was played out for this game.", ""]
    else:
        out += [
            "The same game, replayed from the same seed with one choice changed.",
            "",
            "| If… | Reputation (yours → theirs) | Posts (yours → theirs) | Their outcome |",
            "|---|---|---|---|",
        ]
        for w in d.what_ifs:
            out.append(
                f"| {esc(w.label)} | {w.player_reputation:.1f} → {w.alt_reputation:.1f} | "
                f"{w.player_posts:,} → {w.alt_posts:,} | {esc(w.alt_outcome)} |"
            )
        out.append("")

    out += [f"## {esc(d.benchmark)}", "", esc(d.summary), ""]
    if d.timeline:
        out += ["| When | What |", "|---|---|"]
        out += [f"| {entry.at:%d %b %Y %H:%M} | {esc(entry.text)} |" for entry in d.timeline]
        out.append("")

    out += ["## Lessons", ""]
    out += [
        f"- {esc(lesson.text)}" + (f" ({esc(lesson.source)})" if lesson.source else "") for lesson in d.lessons
    ] or ["No lesson of this scenario was triggered by this game."]
    out += ["", "## Questions for the group", ""]
    out += [f"{i}. {esc(q)}" for i, q in enumerate(d.questions, 1)] or ["(The scenario has no questions.)"]
    out += ["", "## Sources", ""]
    out += [
        f"- <{esc(s)}>"
        if str(s).startswith(("http://", "https://")) and " " not in str(s) and ">" not in str(s)
        else f"- {esc(s)}"
        for s in d.sources
    ] or ["(The scenario lists no sources.)"]
    out += [
        "",
        "---",
        "",
        "*Written by Bashtag. The historical path is the model's replay of the real "
        "choices with the same seed, not the real figures.*",
        "",
    ]
    return "\n".join(out)


def _figures_table(report: Report) -> list[str]:
    rep, posts, press = report.series[:3]
    dislikes = report.series[3] if len(report.series) > 3 else None  # a video platform's
    extra_head, extra_rule = (" Dislikes | Historical |", "---:|---:|") if dislikes else ("", "")
    rows = [
        "<details><summary>The figures, turn by turn</summary>",
        "",
        "| Turn | Time | Reputation | Historical | Posts | Historical | Press | Historical |" + extra_head,
        "|---:|---|---:|---:|---:|---:|---:|---:|" + extra_rule,
    ]
    for i, label in enumerate(rep.labels):

        def cell(values, fmt="{:.1f}", i=i):
            return fmt.format(values[i]) if i < len(values) else "—"

        rows.append(
            f"| {i + 1} | {esc(label)} | {cell(rep.player)} | {cell(rep.historical)} | "
            f"{cell(posts.player, '{:,.0f}')} | {cell(posts.historical, '{:,.0f}')} | "
            f"{cell(press.player, '{:.0f}')} | {cell(press.historical, '{:.0f}')} |"
            + (f" {cell(dislikes.player, '{:,.0f}')} | {cell(dislikes.historical, '{:,.0f}')} |" if dislikes else "")
        )
    return rows + ["", "</details>", ""]


def _pairs(taken, decisions):
    """TakenAction with its Decision (the debrief makes one per taken action, in order)."""
    return zip(taken, decisions)
