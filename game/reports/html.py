"""The facilitator's report as one self-contained HTML page: inline SVG charts, inline styles, no scripts.

Made to be projected in a workshop and printed: large type, light background, print styles that keep
charts and tables whole.  Every piece of scenario or player text goes through ``html.escape``
(scenario files are untrusted), and a Content-Security-Policy forbids scripts and remote loads.
"""

from __future__ import annotations

import html as _html

from game.reports import charts
from game.reports.content import (
    Report,
    benchmark_in_a_sentence,
    consequences,
    history_heading,
    key_figures,
    status_line,
    why_this_ending,
)

CSS = """
:root { --ink:#1d232b; --muted:#5b6572; --rule:#d8dde3; --panel:#f4f6f8; --accent:#1f5fa8;
        --good:#1d7a46; --mixed:#9a6b00; --bad:#b0302a; }
* { box-sizing: border-box; }
html { font-size: 17px; }
body { margin: 0; color: var(--ink); background: #fff; line-height: 1.5;
       font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
main { max-width: 1040px; margin: 0 auto; padding: 2rem 2.2rem 4rem; }
header.top { border-bottom: 4px solid var(--accent); padding-bottom: 1rem; margin-bottom: 1.5rem; }
.kicker { text-transform: uppercase; letter-spacing: .12em; font-size: .8rem; color: var(--muted); margin: 0; }
h1 { font-size: 2.3rem; margin: .2rem 0 .4rem; line-height: 1.15; }
h2 { font-size: 1.5rem; margin: 2.4rem 0 .8rem; padding-bottom: .25rem; border-bottom: 1px solid var(--rule);
     break-after: avoid; page-break-after: avoid; }
h3 { font-size: 1.15rem; margin: 1.4rem 0 .4rem; break-after: avoid; }
.meta { color: var(--muted); margin: 0; }
.meta b { color: var(--ink); font-weight: 600; }
.note { background: #fff8e1; border-left: 5px solid var(--mixed); padding: .6rem 1rem; margin: 1rem 0; }
.outcome { border: 2px solid var(--rule); border-left-width: 12px; padding: 1rem 1.3rem; margin: 1rem 0 1.4rem;
           background: var(--panel); break-inside: avoid; }
.outcome .badge { display: inline-block; font-weight: 700; text-transform: uppercase; letter-spacing: .08em;
                  font-size: .85rem; padding: .1rem .55rem; border: 2px solid currentColor; border-radius: 4px; }
.outcome h3 { font-size: 1.45rem; margin: .5rem 0 .3rem; }
.outcome p { margin: .2rem 0; font-size: 1.05rem; }
.outcome.success { border-left-color: var(--good); } .outcome.success .badge { color: var(--good); }
.outcome.mixed { border-left-color: var(--mixed); } .outcome.mixed .badge { color: var(--mixed); }
.outcome.failure { border-left-color: var(--bad); } .outcome.failure .badge { color: var(--bad); }
.outcome.unfinished { border-left-color: var(--muted); } .outcome.unfinished .badge { color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: .6rem 0 1rem; font-size: .95rem; }
th, td { text-align: left; vertical-align: top; padding: .45rem .6rem; border-bottom: 1px solid var(--rule); }
th { background: var(--panel); font-weight: 600; }
td.when { white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr { break-inside: avoid; page-break-inside: avoid; }
.up { color: var(--good); } .down { color: var(--bad); }
ul.reasons { margin: 0; padding-left: 1.1rem; color: var(--muted); font-size: .9rem; }
blockquote.words { margin: .4rem 0 .2rem; padding: .2rem .6rem; border-left: 3px solid var(--accent);
                   white-space: pre-wrap; font-style: italic; }
p.reading { margin: 0; color: var(--muted); font-size: .9rem; }
figure { margin: 1rem 0 1.6rem; break-inside: avoid; page-break-inside: avoid; }
figure svg { width: 100%; height: auto; display: block; }
figcaption { color: var(--muted); font-size: .9rem; margin-top: .2rem; }
.key { font-size: .9rem; color: var(--muted); }
.key .swatch { display: inline-block; width: 36px; height: 6px; vertical-align: middle; margin: 0 .35rem 0 .9rem; }
.whatif { display: grid; grid-template-columns: repeat(auto-fit, minmax(290px, 1fr)); gap: 1rem; }
.card { border: 1px solid var(--rule); border-radius: 6px; padding: .9rem 1.1rem; background: #fff; break-inside: avoid; }
.card h3 { margin-top: 0; font-size: 1.05rem; }
.card dl { display: grid; grid-template-columns: auto auto; gap: .2rem 1rem; margin: 0; }
.card dt { color: var(--muted); } .card dd { margin: 0; text-align: right; font-variant-numeric: tabular-nums; }
.summary { font-size: 1.08rem; }
ol.timeline { list-style: none; padding: 0; border-left: 3px solid var(--rule); margin-left: .4rem; }
ol.timeline li { padding: .2rem 0 .6rem 1rem; position: relative; break-inside: avoid; }
ol.timeline time { font-weight: 600; display: block; color: var(--accent); }
ol.questions li { font-size: 1.15rem; margin-bottom: .6rem; }
.lessons li { margin-bottom: .5rem; }
.sources { font-size: .9rem; word-break: break-all; }
footer { margin-top: 3rem; color: var(--muted); font-size: .85rem; border-top: 1px solid var(--rule); padding-top: .8rem; }
@page { margin: 16mm 14mm; }
@media print {
  html { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  .sources a::after { content: ""; }
  section.chapter { break-before: page; page-break-before: always; }
  .outcome, th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  details { display: block; }
}
"""


def e(text) -> str:
    return _html.escape(str(text), quote=True)


def page_head(title: str) -> str:
    """The opening of a self-contained report page: no scripts, no remote anything (the policy
    forbids them even if a chart library slipped one in), the print styles inline."""
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; img-src data:\">"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{e(title)}</title><style>{CSS}</style></head><body><main>"
    )


def render(report: Report) -> str:
    d = report.debrief
    state = report.state
    parts: list[str] = []
    add = parts.append
    add(page_head(f"Debrief: {report.title}"))

    meta = [
        ("Organisation", report.organisation),
        ("Hashtag", report.hashtag),
        ("Role", report.role),
        ("Seed", report.seed),
    ]
    meta += [(k, v) for k, v in (("Team", report.team), ("Workshop", report.workshop)) if v]
    if report.created:
        meta.append(("Played", report.created.replace("T", " ")[:16]))
    if report.session_id:
        meta.append(("Session", report.session_id))
    add('<header class="top"><p class="kicker">Bashtag · facilitator debrief</p>')
    add(f"<h1>{e(report.title)}</h1>")
    add('<p class="meta">' + " · ".join(f"<b>{e(k)}:</b> {e(v)}" for k, v in meta) + "</p></header>")
    for warning in report.warnings:
        add(f'<p class="note"><b>Note:</b> {e(warning)}</p>')

    add("<section><h2>Outcome</h2>")
    if report.finished and state.ending:
        kind = state.ending.outcome if state.ending.outcome in ("success", "mixed", "failure") else "mixed"
        add(
            f'<div class="outcome {kind}"><span class="badge">{e(state.ending.outcome)}</span>'
            f"<h3>{e(state.ending.title)}</h3><p>{e(state.ending.text)}</p></div>"
        )
        why = why_this_ending(report)
        if why:
            add(
                '<p><b>Why this ending</b></p><ul class="why">'
                + "".join(f"<li>{e(mark)} {e(text)}</li>" for mark, text in why)
                + "</ul>"
            )
    else:
        add(
            f'<div class="outcome unfinished"><span class="badge">unfinished</span>'
            f"<h3>{e(status_line(report))}.</h3><p>The figures and charts stop where the game stopped.</p></div>"
        )
    add(
        f'<table><thead><tr><th>Figure</th><th class="num">This game</th><th class="num">{e(history_heading(report))}</th>'
        "</tr></thead><tbody>"
    )
    for a, b, c in key_figures(report):
        add(f'<tr><td>{e(a)}</td><td class="num">{e(b)}</td><td class="num">{e(c)}</td></tr>')
    add("</tbody></table></section>")

    add(
        '<section><h2>Over time</h2><p class="key">Each figure at the end of each turn.'
        f'<svg class="swatch" width="36" height="6"><line x1="0" y1="3" x2="36" y2="3" stroke="{charts.PLAYER_COLOUR}" '
        'stroke-width="4"/></svg>this game (solid, dots)'
        f'<svg class="swatch" width="36" height="6"><line x1="0" y1="3" x2="36" y2="3" stroke="{charts.HISTORY_COLOUR}" '
        f'stroke-width="3" stroke-dasharray="8 6"/></svg>{e(benchmark_in_a_sentence(report))} (dashed: the '
        "scenario's historical choices, same seed)</p>"
    )
    for series in report.series:
        add(
            f"<figure><h3>{e(series.title)}</h3>{charts.svg(series, report.debrief.benchmark)}<figcaption>{e(series.note)}</figcaption></figure>"
        )
    add("</section>")

    add('<section class="chapter"><h2>Decisions and their consequences</h2>')
    rows = [(i, t, dec) for i, (t, dec) in enumerate(zip(state.taken, d.decisions)) if t.kind != "inject"]
    if not rows:
        add("<p>No decisions were taken: the team watched the crisis unfold.</p>")
    else:
        add(
            '<table><thead><tr><th class="num">Turn</th><th>Time</th><th>Decision</th>'
            '<th class="num">Reputation at once</th><th>What it did, and why</th></tr></thead><tbody>'
        )
        for index, entry, decision in rows:
            impact = decision.impact
            arrow = "▲" if impact > 0 else ("▼" if impact < 0 else "")
            cls = "up" if impact > 0 else ("down" if impact < 0 else "")
            reasons = (
                "".join(f"<li>{e(text)}</li>" for text in consequences(report, entry)) or "<li>no immediate change</li>"
            )
            words = report.words.get(index)
            said = (
                f'<blockquote class="words">{e(words.text)}</blockquote><p class="reading">{e(words.reading)}</p>'
                if words
                else ""
            )
            add(
                f'<tr><td class="num">{entry.turn}</td><td class="when">{decision.time:%d %b %H:%M}</td>'
                f"<td>{e(entry.label)}{said}</td>"
                f'<td class="num {cls}">{arrow} {impact:+.1f}</td><td><ul class="reasons">{reasons}</ul></td></tr>'
            )
        add("</tbody></table>")
    if d.biggest_changes:
        add(
            '<h3>The biggest swings in reputation</h3><table><thead><tr><th class="num">Turn</th>'
            '<th class="num">Change</th><th>Why</th></tr></thead><tbody>'
        )
        for c in d.biggest_changes:
            add(
                f'<tr><td class="num">{c.turn}</td><td class="num {"up" if c.delta > 0 else "down"}">{c.delta:+.1f}</td>'
                f"<td>{e(c.reason)}</td></tr>"
            )
        add("</tbody></table>")
    add("</section>")

    add("<section><h2>What if…</h2>")
    if not d.what_ifs:
        add("<p>No alternative was played out for this game.</p>")
    else:
        add(
            "<p>The same game, replayed from the same seed with one choice changed and the rest of the "
            'team\'s choices kept where they still applied.</p><div class="whatif">'
        )
        for w in d.what_ifs:
            add(
                f'<div class="card"><h3>{e(w.label)}</h3><dl>'
                f"<dt>Reputation</dt><dd>{w.player_reputation:.1f} → <b>{w.alt_reputation:.1f}</b></dd>"
                f"<dt>Posts</dt><dd>{w.player_posts:,} → <b>{w.alt_posts:,}</b></dd>"
                f"<dt>Outcome</dt><dd>{e(w.alt_outcome)}</dd></dl></div>"
            )
        add("</div>")
    add("</section>")

    add(f'<section class="chapter"><h2>{e(d.benchmark)}</h2>')
    add(f'<p class="summary">{e(d.summary)}</p>')
    if d.timeline:
        add('<ol class="timeline">')
        for entry in d.timeline:
            add(f'<li><time datetime="{e(entry.at.isoformat())}">{entry.at:%d %b %Y, %H:%M}</time>{e(entry.text)}</li>')
        add("</ol>")
    add("</section>")

    add("<section><h2>Lessons</h2>")
    if d.lessons:
        add(
            '<ul class="lessons">'
            + "".join(
                f"<li>{e(lesson.text)}"
                + (f' <span class="sources">({_link(lesson.source)})</span>' if lesson.source else "")
                + "</li>"
                for lesson in d.lessons
            )
            + "</ul>"
        )
    else:
        add("<p>No lesson of this scenario was triggered by this game.</p>")
    add("</section><section><h2>Questions for the group</h2>")
    add(
        '<ol class="questions">' + "".join(f"<li>{e(q)}</li>" for q in d.questions) + "</ol>"
        if d.questions
        else "<p>The scenario has no questions.</p>"
    )
    add("</section><section><h2>Sources</h2>")
    add(
        '<ul class="sources">' + "".join(f"<li>{_link(s)}</li>" for s in d.sources) + "</ul>"
        if d.sources
        else "<p>The scenario lists no sources.</p>"
    )
    add(
        "</section><footer>Written by Bashtag. The historical path is the model's replay of the real choices "
        "with the same seed, not the real figures.</footer></main></body></html>"
    )
    return "\n".join(parts)


def _link(url) -> str:
    text = str(url)
    if text.startswith(("https://", "http://")):
        return f'<a href="{e(text)}" rel="noopener noreferrer">{e(text)}</a>'
    return e(text)
