"""The comparative debrief of a workshop: every team side by side, markdown or one self-contained HTML page.

    text, warnings = render(store, workshop_id, "html")

Each team's game is replayed from its session log (exact), analysed by the engine's debrief like a
single game, and laid out together: one chart per figure with every team and the historical path,
where the teams' choices diverged and what followed, each team's decisions, the lessons each
triggered, and questions for the room.  It reuses game/reports' chart style, escaping and CSS.
"""

from __future__ import annotations

import html as _html
import re
from dataclasses import dataclass, field

from game.reports.markdown import esc

PALETTE = ("#1f5fa8", "#1d7a46", "#8e44ad", "#c27c0e", "#16808a", "#a8326e", "#4d5c1f", "#5b4fc7",
           "#7a4b2a", "#2f6f4f")
HISTORY_COLOUR = "#b0452a"
_SCRIPT = re.compile(r"<script\b.*?</script>", re.S | re.I)


@dataclass
class TeamResult:
    name: str
    game: object | None = None          # None: the team never started
    debrief: object | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def played(self) -> bool:
        return self.game is not None

    @property
    def outcome(self) -> str:
        if self.game is None:
            return "did not play"
        state = self.game.state
        if state.ending:
            return f"{state.ending.title} ({state.ending.outcome})"
        return f"unfinished (turn {state.turn} of {state.turns_total})"

    def decisions(self):
        return [t for t in self.game.state.taken if t.kind != "inject"] if self.game else []

    def injects(self):
        return [t for t in self.game.state.taken if t.kind == "inject"] if self.game else []


@dataclass
class Comparison:
    workshop: object
    scenario: object | None
    teams: list[TeamResult]
    historical: tuple            # TurnRecords of what really happened (same seed)
    divergences: list[dict]      # {"turn", "choices": {team: [choice]}, "after": {team: (rep, posts)}}
    questions: list[str]
    warnings: list[str]

    @property
    def benchmark(self) -> str:
        """What the historical line is called: the record, or a fictional case's model play."""
        from game.engine.debrief import benchmark_name

        return benchmark_name(self.scenario) if self.scenario is not None else "What really happened"

    @property
    def benchmark_in_a_sentence(self) -> str:
        from game.engine.debrief import in_a_sentence

        return in_a_sentence(self.benchmark)


def choice_key(taken) -> str:
    """A decision without the post it answered: ``reply (empathetic)``, ``statement: apology``, ``cancel``."""
    detail = taken.detail or {}
    if taken.kind == "reply":
        return f"reply ({detail.get('tone')})"
    if taken.kind == "statement":
        return f"statement: {detail.get('option')}"
    if taken.kind == "custom":
        return f"{detail.get('action_id')}"
    return taken.kind


def gather(store, workshop_id) -> Comparison:
    """Replay every team's log and compare (see the module docstring)."""
    from pathlib import Path

    from game.engine.debrief import analyse
    from game.sessions.errors import SessionError
    from game.sessions.restore import restore

    workshop = store.workshop(workshop_id)
    results: list[TeamResult] = []
    warnings: list[str] = []
    for team in store.teams(workshop.id):
        result = TeamResult(team.name)
        if team.session_path and Path(team.session_path).is_file():
            try:
                restored = restore(Path(team.session_path))
            except SessionError as error:
                warnings.append(f"team {team.name}: {error}")
            else:
                result.game = restored.game
                result.debrief = analyse(restored.game, what_if_limit=0)   # what-ifs are per game, not compared
                result.warnings = list(restored.warnings)
                warnings += [f"team {team.name}: {w}" for w in restored.warnings]
        results.append(result)
    played = [r for r in results if r.played]
    scenario = played[0].game.scenario if played else _load(workshop.scenario_ref)
    historical = played[0].debrief.historical if played else ()
    return Comparison(workshop, scenario, results, tuple(historical), _divergences(played),
                      _questions(played), warnings)


def _load(ref: str):
    """The workshop's scenario when no team played (for the report's title), or None."""
    from game.scenario.library import load
    from game.scenario.problems import ScenarioError

    try:
        return load(ref)
    except (ScenarioError, OSError):
        return None


def _divergences(played: list[TeamResult], limit: int = 6) -> list[dict]:
    """Turns where the teams did not all do the same, with each team's figures at that turn's end and at the end."""
    if len(played) < 2:
        return []
    last_turn = max(len(r.game.state.history) for r in played)
    found = []
    for turn in range(1, last_turn + 1):
        choices = {r.name: sorted({choice_key(t) for t in r.decisions() if t.turn == turn}) for r in played
                   if len(r.game.state.history) >= turn}
        if len(choices) < 2 or len({tuple(c) for c in choices.values()}) < 2:
            continue
        after = {}
        for r in played:
            history = r.game.state.history
            if len(history) >= turn:
                after[r.name] = (history[turn - 1].reputation, history[turn - 1].total_posts,
                                 history[-1].reputation, history[-1].total_posts)
        found.append({"turn": turn, "time": played[0].game.state.history[turn - 1].start
                      if len(played[0].game.state.history) >= turn else None, "choices": choices, "after": after})
        if len(found) >= limit:
            break
    return found


def _questions(played: list[TeamResult]) -> list[str]:
    questions = []
    if len(played) >= 2:
        best = max(played, key=lambda r: r.game.state.reputation)
        worst = min(played, key=lambda r: r.game.state.reputation)
        questions.append(f"Team {best.name} ended with the best reputation and team {worst.name} with the worst: "
                         "what did each see in the feed that made it act as it did?")
        questions.append("Where did your team's choices first part from the others', and what did you know then?")
        questions.append("Which inject changed your plan, and would you have acted the same without it?")
    for r in played:
        for q in r.debrief.questions:
            if q not in questions:
                questions.append(q)
    return questions


# ------------------------------------------------------------------------------ charts

def chart_svg(comparison: Comparison, figure: str, title: str, unit: str) -> str:
    """One pygal line chart: a line per team (dots) and the historical path (dashed)."""
    import pygal
    from pygal.style import Style

    played = [r for r in comparison.teams if r.played]
    length = max([len(r.game.state.history) for r in played] + [len(comparison.historical)])
    colours = tuple(PALETTE[i % len(PALETTE)] for i in range(len(played))) + (HISTORY_COLOUR,)
    style = Style(background="white", plot_background="white", foreground="#222", foreground_strong="#111",
                  foreground_subtle="#d9d9d9", colors=colours, label_font_size=13, major_label_font_size=13,
                  legend_font_size=14, title_font_size=16, stroke_width=3,
                  font_family="system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif")
    chart = pygal.Line(width=900, height=360, style=style, js=[], disable_xml_declaration=True, show_legend=True,
                       legend_at_bottom=True, legend_at_bottom_columns=min(4, len(played) + 1), y_title=unit,
                       explicit_size=False, no_data_text="no turns played", dots_size=3, truncate_legend=-1)
    chart.x_labels = [str(i) for i in range(1, length + 1)]
    chart.x_title = "turn"
    for r in played:
        chart.add(f"Team {r.name}", [round(float(getattr(rec, figure)), 2) for rec in r.game.state.history])
    chart.add(comparison.benchmark, [round(float(getattr(rec, figure)), 2) for rec in comparison.historical],
              show_dots=False, stroke_style={"width": 2.5, "dasharray": "8, 6"})
    return _SCRIPT.sub("", chart.render(is_unicode=True))


FIGURES = (("reputation", "Reputation", "points (0–100)"), ("posts", "Posts per turn", "posts"))


# ------------------------------------------------------------------------------ markdown

def markdown(c: Comparison) -> str:
    from game.reports.charts import sparkline

    w = c.workshop
    title = c.scenario.title if c.scenario else w.scenario_id
    out = [f"# Workshop debrief: {esc(title)}", "",
           f"Workshop **{esc(w.name)}** ({esc(w.id)}), scenario {esc(w.scenario_id)}, seed {w.seed}; "
           f"{len(c.teams)} teams, every one facing the same crowd and press.", ""]
    out += ["## The teams side by side", "", "| Team | Outcome | Reputation | Posts | Peak press | Decisions | Injects |",
            "|---|---|---:|---:|---:|---:|---:|"]
    for r in c.teams:
        if not r.played:
            out.append(f"| {esc(r.name)} | did not play | — | — | — | — | — |")
            continue
        s = r.game.state
        out.append(f"| {esc(r.name)} | {esc(r.outcome)} | {s.reputation:.1f} | {s.total_posts:,} | "
                   f"{max((h.press for h in s.history), default=0):.0f} | {len(r.decisions())} | {len(r.injects())} |")
    if c.historical:
        last = c.historical[-1]
        out.append(f"| *{esc(c.benchmark)}* | — | {last.reputation:.1f} | {last.total_posts:,} | "
                   f"{max(h.press for h in c.historical):.0f} | — | — |")
    out.append("")
    for figure, name, unit in FIGURES if any(r.played for r in c.teams) else ():
        out += [f"## {name} over time", "", "```"]
        every = [float(getattr(rec, figure)) for r in c.teams if r.played for rec in r.game.state.history]
        every += [float(getattr(rec, figure)) for rec in c.historical]
        width = max([len(r.name) for r in c.teams] + [len("historical")])
        for r in c.teams:
            if r.played:
                out.append(f"{r.name:<{width}}  {sparkline([getattr(x, figure) for x in r.game.state.history], every)}")
        out.append(f"{'historical':<{width}}  {sparkline([getattr(x, figure) for x in c.historical], every)}")
        out += ["```", ""]
    out += ["## Where the teams' choices diverged", ""]
    if not c.divergences:
        out += ["The teams made the same choices turn by turn (or fewer than two teams played).", ""]
    for d in c.divergences:
        when = f" ({d['time']:%a %H:%M})" if d["time"] else ""
        out += [f"### Turn {d['turn']}{when}", "", "| Team | Chose | Then (reputation, posts) | By the end |",
                "|---|---|---|---|"]
        for team, chosen in d["choices"].items():
            rep, posts, rep_end, posts_end = d["after"][team]
            out.append(f"| {esc(team)} | {esc(', '.join(chosen) or 'nothing (watched)')} | {rep:.1f}, {posts:,} | "
                       f"{rep_end:.1f}, {posts_end:,} |")
        out.append("")
    out += ["## Each team's decisions", ""]
    for r in c.teams:
        out += [f"### Team {esc(r.name)}: {esc(r.outcome)}", ""]
        if not r.played:
            continue
        rows = [t for t in r.game.state.taken]
        if not rows:
            out += ["No decisions: the team watched.", ""]
            continue
        out += ["| Turn | Decision | At once |", "|---:|---|---|"]
        for t in rows:
            did = "; ".join(esc(ch.describe()) for ch in t.changes) or "no immediate change"
            label = ("**Inject:** " if t.kind == "inject" else "") + esc(t.label.removeprefix("Inject: "))
            out.append(f"| {t.turn} | {label} | {did} |")
        out.append("")
    out += ["## Lessons each team triggered", ""]
    for r in c.teams:
        if r.played:
            lessons = "; ".join(esc(lesson.text) for lesson in r.debrief.lessons) or "none"
            out.append(f"- **{esc(r.name)}**: {lessons}")
    out += ["", "## Questions for the discussion", ""]
    out += [f"{i}. {esc(q)}" for i, q in enumerate(c.questions, 1)] or ["(No team played.)"]
    out += ["", "---", "", "*Written by Bashtag. The historical path is the model's replay of the real choices "
            "with the same seed, not the real figures.*", ""]
    return "\n".join(out)


# ------------------------------------------------------------------------------ HTML

def _e(text) -> str:
    return _html.escape(str(text), quote=True)


def html(c: Comparison) -> str:
    from game.reports.html import page_head

    w = c.workshop
    title = c.scenario.title if c.scenario else w.scenario_id
    parts: list[str] = []
    add = parts.append
    add(page_head(f"Workshop debrief: {title}"))
    add(f'<header class="top"><p class="kicker">Workshop debrief</p><h1>{_e(title)}</h1>'
        f'<p class="meta"><b>{_e(w.name)}</b> · workshop {_e(w.id)} · scenario {_e(w.scenario_id)} · seed {w.seed} · '
        f'{len(c.teams)} teams</p></header>')
    for warning in c.warnings:
        add(f'<p class="note">{_e(warning)}</p>')
    add("<h2>The teams side by side</h2><table><tr><th>Team</th><th>Outcome</th><th class=num>Reputation</th>"
        "<th class=num>Posts</th><th class=num>Peak press</th><th class=num>Decisions</th><th class=num>Injects</th></tr>")
    for r in c.teams:
        if not r.played:
            add(f"<tr><td>{_e(r.name)}</td><td>did not play</td><td class=num>—</td><td class=num>—</td>"
                "<td class=num>—</td><td class=num>—</td><td class=num>—</td></tr>")
            continue
        s = r.game.state
        add(f"<tr><td><b>{_e(r.name)}</b></td><td>{_e(r.outcome)}</td><td class=num>{s.reputation:.1f}</td>"
            f"<td class=num>{s.total_posts:,}</td><td class=num>{max((h.press for h in s.history), default=0):.0f}</td>"
            f"<td class=num>{len(r.decisions())}</td><td class=num>{len(r.injects())}</td></tr>")
    if c.historical:
        last = c.historical[-1]
        add(f"<tr><td><i>{_e(c.benchmark)}</i></td><td>—</td><td class=num>{last.reputation:.1f}</td>"
            f"<td class=num>{last.total_posts:,}</td><td class=num>{max(h.press for h in c.historical):.0f}</td>"
            "<td class=num>—</td><td class=num>—</td></tr>")
    add("</table>")
    if any(r.played for r in c.teams):
        for figure, name, unit in FIGURES:
            add(f"<h2>{_e(name)} over time</h2><figure>{chart_svg(c, figure, name, unit)}"
                f"<figcaption>One line (with dots) per team; the dashed line is {_e(c.benchmark_in_a_sentence)}, "
                "replayed with the same seed.</figcaption></figure>")
    add("<h2>Where the teams' choices diverged</h2>")
    if not c.divergences:
        add("<p>The teams made the same choices turn by turn (or fewer than two teams played).</p>")
    for d in c.divergences:
        when = f" ({d['time']:%a %H:%M})" if d["time"] else ""
        add(f"<h3>Turn {d['turn']}{_e(when)}</h3><table><tr><th>Team</th><th>Chose</th>"
            "<th class=num>Then: reputation, posts</th><th class=num>By the end</th></tr>")
        for team, chosen in d["choices"].items():
            rep, posts, rep_end, posts_end = d["after"][team]
            add(f"<tr><td>{_e(team)}</td><td>{_e(', '.join(chosen) or 'nothing (watched)')}</td>"
                f"<td class=num>{rep:.1f}, {posts:,}</td><td class=num>{rep_end:.1f}, {posts_end:,}</td></tr>")
        add("</table>")
    add("<h2>Each team's decisions</h2>")
    for r in c.teams:
        add(f"<h3>Team {_e(r.name)}: {_e(r.outcome)}</h3>")
        if not r.played:
            continue
        if not r.game.state.taken:
            add("<p>No decisions: the team watched.</p>")
            continue
        add("<table><tr><th class=num>Turn</th><th>Decision</th><th>At once</th></tr>")
        for t in r.game.state.taken:
            did = "".join(f"<li>{_e(ch.describe())}</li>" for ch in t.changes)
            label = ("<b>Inject:</b> " if t.kind == "inject" else "") + _e(t.label.removeprefix("Inject: "))
            add(f"<tr><td class=num>{t.turn}</td><td>{label}</td>"
                f"<td>{'<ul class=reasons>' + did + '</ul>' if did else 'no immediate change'}</td></tr>")
        add("</table>")
    add("<h2>Lessons each team triggered</h2><ul>")
    for r in c.teams:
        if r.played:
            lessons = "; ".join(_e(lesson.text) for lesson in r.debrief.lessons) or "none"
            add(f"<li><b>{_e(r.name)}</b>: {lessons}</li>")
    add("</ul><h2>Questions for the discussion</h2><ol>")
    add("".join(f"<li>{_e(q)}</li>" for q in c.questions))
    add("</ol><p class=meta>Written by Bashtag. The historical path is the model's replay of the real choices with "
        "the same seed, not the real figures.</p></main></body></html>")
    return "\n".join(parts)


def render(store, workshop_id, fmt: str = "md") -> tuple[str, list[str]]:
    """The comparative report as text, and the warnings met while replaying the teams' logs."""
    comparison = gather(store, workshop_id)
    return (html(comparison) if fmt == "html" else markdown(comparison)), comparison.warnings
