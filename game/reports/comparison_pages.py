"""The comparative debrief laid out: markdown for forges, one self-contained HTML page to project.

Reads a :class:`~game.reports.comparison.Comparison` (analysed) and uses the single-game reports'
escaping (``markdown.esc``, ``html.e``), page (``html.page_head``) and chart (``charts.lines_svg``).

Each team is drawn in the colour its name says when it names one (Team Red in red), and every line
also has its own dash pattern, so the chart survives colour-blindness, a washed-out projector and a
black-and-white printer; the key above each chart shows both.
"""

from __future__ import annotations

from game.reports import charts
from game.reports.comparison import Comparison, statements
from game.reports.html import e, page_head
from game.reports.markdown import esc

# Team colours by the name a team is given (the workshop's default names are colours).
NAMED_COLOURS = {
    "red": "#c0392b",
    "blue": "#1f5fa8",
    "green": "#1d7a46",
    "gold": "#b8860b",
    "violet": "#7d3c98",
    "purple": "#7d3c98",
    "orange": "#d35400",
    "teal": "#16808a",
    "grey": "#6b6b6b",
    "gray": "#6b6b6b",
    "pink": "#c2185b",
    "navy": "#1a2a6c",
    "amber": "#b37400",
    "jade": "#00806b",
    "ruby": "#9b111e",
    "slate": "#4f5d75",
    "coral": "#d9583b",
    "olive": "#6b7a1f",
    "indigo": "#3f2b96",
    "ivory": "#8a7f5a",
    "lime": "#5b8c00",
    "rust": "#a1441b",
    "black": "#222222",
    "brown": "#7a4b2a",
    "yellow": "#b59a00",
}
# For names that say no colour: ones no named colour above uses.
SPARE_COLOURS = ("#5b4fc7", "#a8326e", "#2f6f4f", "#8c5a00", "#33658a", "#86592d", "#6d214f", "#4d5c1f")
# One dash pattern per team (solid first), so that lines differ without colour.
DASHES = (None, "14, 5", "3, 4", "14, 4, 3, 4", "8, 8", "2, 8", "20, 5, 5, 5", "10, 3, 3, 3, 3, 3")
BENCHMARK_COLOUR, BENCHMARK_DASH = "#333333", "1, 0"
# The benchmark is drawn thinner, in dark grey, without dots: the key names it.
FIGURES = (("reputation", "Reputation", "points (0–100)"), ("posts", "Posts per turn", "posts"))
# When the benchmark's posts dwarf every team's (history spiked to 18,000 where teams stayed under 900),
# the axis follows the teams and the benchmark's peak is written in the caption instead.
DWARF_RATIO = 3.0


def team_styles(names: list[str]) -> dict[str, tuple[str, str | None]]:
    """{team: (colour, dash)}: a team named for a colour gets it; the others get distinct spare colours."""
    used: set[str] = set()
    colours: dict[str, str] = {}
    for name in names:
        for word in name.lower().replace("-", " ").split():
            if word in NAMED_COLOURS and NAMED_COLOURS[word] not in used:
                colours[name] = NAMED_COLOURS[word]
                used.add(colours[name])
                break
    spare = (c for c in SPARE_COLOURS + tuple(NAMED_COLOURS.values()) if c not in used)
    styles = {}
    for index, name in enumerate(names):
        colour = colours.get(name) or next(spare, "#555555")
        used.add(colour)
        styles[name] = (colour, DASHES[index % len(DASHES)])
    return styles


def _chart(c: Comparison, figure: str, unit: str) -> tuple[str, str]:
    """(the chart's <svg>, a caption line about the scale or '')."""
    played = c.played
    styles = team_styles([t.name for t in played])
    length = max([len(t.history) for t in played] + [len(c.historical)])
    labels = [str(i) for i in range(1, length + 1)]
    teams_top = max((float(getattr(r, figure)) for t in played for r in t.history), default=0.0)
    bench = [float(getattr(r, figure)) for r in c.historical]
    top, note = None, ""
    if figure == "posts" and bench and teams_top > 0 and max(bench) > DWARF_RATIO * teams_top:
        top = round(teams_top * 1.2)
        peak = max(bench)
        at = bench.index(peak) + 1
        note = (
            f" The axis follows the teams: {c.benchmark_in_a_sentence} leaves the chart at the top "
            f"(it peaks at {peak:,.0f} posts at turn {at})."
        )
        bench = [min(v, top) for v in bench]
    lines = [
        charts.Line(
            f"Team {t.name}", tuple(float(getattr(r, figure)) for r in t.history), *styles[t.name], dots=True, width=3.0
        )
        for t in played
    ]
    lines.append(charts.Line(c.benchmark, tuple(bench), BENCHMARK_COLOUR, dash=BENCHMARK_DASH, dots=False, width=2.0))
    svg = charts.lines_svg(labels, unit, lines, width=900, height=360, legend_columns=min(4, len(lines)), top=top)
    return svg, note


def _key_html(c: Comparison) -> str:
    styles = team_styles([t.name for t in c.played])
    parts = ['<p class="key">']
    for name, (colour, dash) in styles.items():
        dash_attr = f' stroke-dasharray="{e(dash)}"' if dash else ""
        parts.append(
            f'<svg class="swatch" width="36" height="6"><line x1="0" y1="3" x2="36" y2="3" '
            f'stroke="{colour}" stroke-width="4"{dash_attr}/></svg>Team {e(name)}'
        )
    parts.append(
        f'<svg class="swatch" width="36" height="6"><line x1="0" y1="3" x2="36" y2="3" '
        f'stroke="{BENCHMARK_COLOUR}" stroke-width="2"/></svg>{e(c.benchmark)} (thin, no dots)</p>'
    )
    return "".join(parts)


def _turns(turns) -> str:
    """'turn 4', 'turns 4 and 5', 'turns 1, 2 and 4'."""
    turns = [str(t) for t in turns]
    return f"turn {turns[0]}" if len(turns) == 1 else "turns " + ", ".join(turns[:-1]) + " and " + turns[-1]


def _who(teams: tuple[str, ...], played: int) -> str:
    """'Only Team Red', 'Teams Blue, Green and Gold' (or 'Team Red' when only one team played)."""
    if len(teams) == 1:
        return f"Only Team {teams[0]}" if played > 1 else f"Team {teams[0]}"
    return "Teams " + ", ".join(teams[:-1]) + " and " + teams[-1]


def _pattern_words(dash: str | None) -> str:
    return (
        "solid"
        if dash is None
        else {
            "14, 5": "long dashes",
            "3, 4": "dotted",
            "14, 4, 3, 4": "dash-dot",
            "8, 8": "even dashes",
            "2, 8": "sparse dots",
        }.get(dash, "patterned")
    )


def _posts(total_posts: int, dislikes: int | None) -> str:
    """The posts, and on a video platform the dislikes beside them: the crowd's cheapest verdict."""
    return f"{total_posts:,}" if dislikes is None else f"{total_posts:,} · {dislikes:,} dislikes"


def _side_by_side_rows(c: Comparison) -> list[tuple[str, str, str, str, str, str, str]]:
    """(team, outcome, reputation, posts, peak press, decisions, injects) per team, then the benchmark read
    at the same turn as the teams (not at its own end)."""
    rows = []
    for t in c.teams:
        if not t.played:
            rows.append((t.name, "did not play", "—", "—", "—", "—", "—"))
            continue
        s = t.game.state
        rows.append(
            (
                t.name,
                t.outcome,
                f"{s.reputation:.1f}",
                _posts(s.total_posts, s.video.reactions.dislikes if s.video is not None else None),
                f"{max((h.press for h in s.history), default=0):.0f}",
                str(len(t.decisions())),
                t.injects_summary(),
            )
        )
    turns = c.turns_compared
    record = c.benchmark_at(turns)
    if record is not None:
        upto = c.historical[: min(turns, len(c.historical))]
        when = f"at turn {min(turns, len(c.historical))}" if turns < len(c.historical) else "at its end"
        rows.append(
            (
                f"{c.benchmark} ({when})",
                "—",
                f"{record.reputation:.1f}",
                _posts(
                    record.total_posts,
                    sum(h.reactions.dislikes for h in upto if h.reactions) if record.reactions is not None else None,
                ),
                f"{max(h.press for h in upto):.0f}",
                "—",
                "—",
            )
        )
    return rows


# ------------------------------------------------------------------------------ markdown


def comparison_markdown(c: Comparison) -> str:
    from game.reports.charts import sparkline

    out = [
        f"# Workshop debrief: {esc(c.title)}",
        "",
        f"Workshop **{esc(c.workshop_name)}** ({esc(c.workshop_id)}), scenario {esc(c.scenario_id)}, seed {c.seed}; "
        f"{len(c.teams)} teams, every one facing the same crowd and press.",
        "",
    ]
    for warning in c.warnings:
        out += [f"> **Note:** {esc(warning)}", ""]
    out += [
        "## The teams side by side",
        "",
        "| Team | Outcome | Reputation | Posts | Peak press | Decisions | Injects |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for row in _side_by_side_rows(c):
        out.append("| " + " | ".join(esc(cell) for cell in row) + " |")
    out.append("")
    if c.played:
        width = max([len(t.name) for t in c.played] + [len("benchmark")])
        for figure, name, _ in FIGURES:
            out += [f"## {name} over time", "", "```"]
            every = [float(getattr(r, figure)) for t in c.played for r in t.history]
            every += [float(getattr(r, figure)) for r in c.historical[: c.turns_compared]]
            for t in c.played:
                out.append(f"{t.name:<{width}}  {sparkline([getattr(r, figure) for r in t.history], every)}")
            out.append(
                f"{'benchmark':<{width}}  "
                f"{sparkline([getattr(r, figure) for r in c.historical[: c.turns_compared]], every)}"
            )
            out += ["```", "", f"*benchmark: {esc(c.benchmark)}, up to the same turn as the teams.*", ""]
    out += ["## Where the teams' choices diverged", ""]
    if c.quiet_differences:
        out += [f"Before that, the choices differed at {_turns(c.quiet_differences)} without changing any figure.", ""]
    if not c.divergences:
        out += ["No choice made the teams' figures part (or fewer than two teams played).", ""]
    for d in c.divergences:
        when = f" ({d.time:%a %H:%M})" if d.time else ""
        out += [
            f"### Turn {d.turn}{when}",
            "",
            "| Team | Chose | Then (reputation, posts) | By the end |",
            "|---|---|---|---|",
        ]
        for team, chosen in d.choices.items():
            rep, posts, rep_end, posts_end = d.after[team]
            out.append(
                f"| {esc(team)} | {esc(', '.join(chosen) or 'nothing (watched)')} | {rep:.1f}, {posts:,} | "
                f"{rep_end:.1f}, {posts_end:,} |"
            )
        out.append("")
    rows = statements(c)
    out += ["## Statements, side by side", ""]
    if not rows:
        out += ["No team posted a prepared statement.", ""]
    else:
        names = [t.name for t in c.played]
        out += ["| Turn | " + " | ".join(f"Team {esc(n)}" for n in names) + " |", "|---:|" + "---|" * len(names)]
        for turn, by_team in rows:
            out.append(f"| {turn} | " + " | ".join(esc("; ".join(by_team.get(n, []))) or "—" for n in names) + " |")
        out.append("")
    out += ["## Each team's decisions", ""]
    for t in c.teams:
        out += [f"### Team {esc(t.name)}: {esc(t.outcome)}", ""]
        if not t.played:
            continue
        if not t.game.state.taken:
            out += ["No decisions: the team watched.", ""]
            continue
        out += ["| Turn | Decision | At once |", "|---:|---|---|"]
        for x in t.game.state.taken:
            did = "; ".join(esc(ch.describe()) for ch in x.changes) or "no immediate change"
            label = ("**Inject:** " if x.kind == "inject" else "") + esc(x.label.removeprefix("Inject: "))
            if x.kind == "inject" and t.answer_note(x):
                label += f" — *{esc(t.answer_note(x))}*"
            out.append(f"| {x.turn} | {label} | {did} |")
        out.append("")
    out += _observations_markdown(c)
    out += ["## Lessons", ""]
    if c.shared_lessons:
        out += ["Every team:", ""] + [f"- {esc(text)}" for text in c.shared_lessons] + [""]
    for teams, texts in c.own_lessons.items():
        out += [esc(_who(teams, len(c.played))) + ":", ""]
        out += [f"- {esc(text)}" for text in texts] + [""]
    if not c.shared_lessons and not any(c.own_lessons.values()):
        out += ["No lesson of this scenario was triggered.", ""]
    out += ["## Questions for the discussion", ""]
    out += [f"{i}. {esc(q)}" for i, q in enumerate(c.questions, 1)] or ["(No team played.)"]
    out += [
        "",
        "---",
        "",
        f"*Written by Bashtag. {esc(c.benchmark)} is the model's replay of the scenario's "
        "historical choices with the same seed, not the real figures.*",
        "",
    ]
    return "\n".join(out)


def _observations_markdown(c: Comparison) -> list[str]:
    out: list[str] = []
    if c.scores:
        objectives = list(dict.fromkeys(s.objective for s in c.scores))
        names = [t.name for t in c.teams]
        out += [
            "## Scores",
            "",
            "| Objective | " + " | ".join(f"Team {esc(n)}" for n in names) + " |",
            "|---|" + "---|" * len(names),
        ]
        for objective in objectives:
            cells = []
            for n in names:
                got = next((s for s in c.scores if s.team == n and s.objective == objective), None)
                cells.append(f"{got.level}: {esc(got.level_label)}" if got else "—")
            out.append(f"| {esc(objective)} | " + " | ".join(cells) + " |")
        out.append("")
    if c.observations:
        out += ["## The facilitator's observations", ""]
        out += [f"- **Team {esc(o.team)}**, turn {o.turn}: {esc(o.text)}" for o in c.observations] + [""]
    return out


# ------------------------------------------------------------------------------ HTML


def comparison_html(c: Comparison) -> str:
    parts: list[str] = []
    add = parts.append
    add(page_head(f"Workshop debrief: {c.title}"))
    add(
        f'<header class="top"><p class="kicker">Workshop debrief</p><h1>{e(c.title)}</h1>'
        f'<p class="meta"><b>{e(c.workshop_name)}</b> · workshop {e(c.workshop_id)} · scenario {e(c.scenario_id)} · '
        f"seed {c.seed} · {len(c.teams)} teams</p></header>"
    )
    for warning in c.warnings:
        add(f'<p class="note"><b>Note:</b> {e(warning)}</p>')
    add(
        "<h2>The teams side by side</h2><table><tr><th>Team</th><th>Outcome</th><th class=num>Reputation</th>"
        "<th class=num>Posts</th><th class=num>Peak press</th><th class=num>Decisions</th><th class=num>Injects</th></tr>"
    )
    for row in _side_by_side_rows(c):
        add(
            "<tr>"
            + "".join(f"<td{' class=num' if i >= 2 else ''}>{e(cell)}</td>" for i, cell in enumerate(row))
            + "</tr>"
        )
    add("</table>")
    if c.played:
        styles = team_styles([t.name for t in c.played])
        patterns = "; ".join(f"Team {n}: {_pattern_words(dash)}" for n, (_, dash) in styles.items())
        for figure, name, unit in FIGURES:
            svg, note = _chart(c, figure, unit)
            add(
                f"<h2>{e(name)} over time</h2>{_key_html(c)}<figure>{svg}<figcaption>One line with dots per team "
                f"({e(patterns)}); the thin line without dots is {e(c.benchmark_in_a_sentence)}, replayed with the "
                f"same seed.{e(note)}</figcaption></figure>"
            )
    add("<h2>Where the teams' choices diverged</h2>")
    if c.quiet_differences:
        add(
            f"<p>Before that, the choices differed at {e(_turns(c.quiet_differences))} without changing any figure.</p>"
        )
    if not c.divergences:
        add("<p>No choice made the teams' figures part (or fewer than two teams played).</p>")
    for d in c.divergences:
        when = f" ({d.time:%a %H:%M})" if d.time else ""
        add(
            f"<h3>Turn {d.turn}{e(when)}</h3><table><tr><th>Team</th><th>Chose</th>"
            "<th class=num>Then: reputation, posts</th><th class=num>By the end</th></tr>"
        )
        for team, chosen in d.choices.items():
            rep, posts, rep_end, posts_end = d.after[team]
            add(
                f"<tr><td>{e(team)}</td><td>{e(', '.join(chosen) or 'nothing (watched)')}</td>"
                f"<td class=num>{rep:.1f}, {posts:,}</td><td class=num>{rep_end:.1f}, {posts_end:,}</td></tr>"
            )
        add("</table>")
    rows = statements(c)
    add("<h2>Statements, side by side</h2>")
    if not rows:
        add("<p>No team posted a prepared statement.</p>")
    else:
        names = [t.name for t in c.played]
        add("<table><tr><th class=num>Turn</th>" + "".join(f"<th>Team {e(n)}</th>" for n in names) + "</tr>")
        for turn, by_team in rows:
            add(
                f"<tr><td class=num>{turn}</td>"
                + "".join(f"<td>{e('; '.join(by_team.get(n, []))) or '—'}</td>" for n in names)
                + "</tr>"
            )
        add("</table>")
    add("<h2>Each team's decisions</h2>")
    for t in c.teams:
        add(f"<h3>Team {e(t.name)}: {e(t.outcome)}</h3>")
        if not t.played:
            continue
        if not t.game.state.taken:
            add("<p>No decisions: the team watched.</p>")
            continue
        add("<table><tr><th class=num>Turn</th><th>Decision</th><th>At once</th></tr>")
        for x in t.game.state.taken:
            did = "".join(f"<li>{e(ch.describe())}</li>" for ch in x.changes)
            label = ("<b>Inject:</b> " if x.kind == "inject" else "") + e(x.label.removeprefix("Inject: "))
            if x.kind == "inject" and t.answer_note(x):
                label += f" — <i>{e(t.answer_note(x))}</i>"
            add(
                f"<tr><td class=num>{x.turn}</td><td>{label}</td>"
                f"<td>{'<ul class=reasons>' + did + '</ul>' if did else 'no immediate change'}</td></tr>"
            )
        add("</table>")
    if c.scores:
        objectives = list(dict.fromkeys(s.objective for s in c.scores))
        names = [t.name for t in c.teams]
        add("<h2>Scores</h2><table><tr><th>Objective</th>" + "".join(f"<th>Team {e(n)}</th>" for n in names) + "</tr>")
        for objective in objectives:
            cells = []
            for n in names:
                got = next((s for s in c.scores if s.team == n and s.objective == objective), None)
                cells.append(f"<td>{got.level}: {e(got.level_label)}</td>" if got else "<td>—</td>")
            add(f"<tr><td>{e(objective)}</td>{''.join(cells)}</tr>")
        add("</table>")
    if c.observations:
        add("<h2>The facilitator's observations</h2><ul>")
        add("".join(f"<li><b>Team {e(o.team)}</b>, turn {o.turn}: {e(o.text)}</li>" for o in c.observations))
        add("</ul>")
    add("<h2>Lessons</h2>")
    if c.shared_lessons:
        add('<h3>Every team</h3><ul class="lessons">' + "".join(f"<li>{e(x)}</li>" for x in c.shared_lessons) + "</ul>")
    for teams, texts in c.own_lessons.items():
        add(
            f'<h3>{e(_who(teams, len(c.played)))}</h3><ul class="lessons">'
            + "".join(f"<li>{e(x)}</li>" for x in texts)
            + "</ul>"
        )
    if not c.shared_lessons and not any(c.own_lessons.values()):
        add("<p>No lesson of this scenario was triggered.</p>")
    add('<h2>Questions for the discussion</h2><ol class="questions">')
    add("".join(f"<li>{e(q)}</li>" for q in c.questions))
    add(
        f"</ol><footer>Written by Bashtag. {e(c.benchmark)} is the model's replay of the scenario's historical "
        "choices with the same seed, not the real figures.</footer></main></body></html>"
    )
    return "\n".join(parts)
