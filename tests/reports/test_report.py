"""The facilitator's report: every section, finished and unfinished games, and untrusted text escaped."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from game.engine.actions import Cancel, Monitor, Pause, Statement
from game.engine.game import Game
from game.scenario.loader import load_scenario
from game.sessions import Recorder

HERE = Path(__file__).resolve().parent
HOSTILE = {
    'title: "#AskMini"': 'title: "#AskMini <script>alert(1)</script> [bold]loud[/bold]"',
    "Can I have my house back? {hashtag}": "<script>alert('post')</script> [bold]house[/bold] {hashtag}",
    "label: Defend,": 'label: "Defend <img src=x onerror=alert(1)>",',
    "summary: A test.": 'summary: "A test <script>evil()</script> [red]red[/red] | pipe"',
    "text: You lost.": 'text: "You lost <b>badly</b>."',
    "text: You held.": 'text: "You held <b>on</b> [bold]x[/bold]."',
}
PLAN = {3: [Monitor()], 4: [Pause()], 5: [Statement("excuse")], 7: [Cancel()]}
SECTIONS = (
    "Outcome",
    "Over time",
    "Reputation",
    "Posts per turn",
    "Press attention",
    "Decisions and their consequences",
    "What if",
    "What happened",
    "Lessons",
    "Questions for the group",
    "Sources",
)


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("BASHTAG_DATA_DIR", str(tmp_path / "data"))


@pytest.fixture
def hostile_scenario(tmp_path) -> Path:
    text = (HERE / "mini.yaml").read_text(encoding="utf-8")
    for old, new in HOSTILE.items():
        assert old in text
        text = text.replace(old, new)
    text += 'sources: ["https://example.org/a?b=<c>"]\n'
    text = text.replace(
        "debrief:\n  summary",
        'debrief:\n  questions: ["Why <script>x()</script> [bold]? And AT&T\'s Q&A &amp; its &#60;?"]\n  summary',
    )
    path = tmp_path / "hostile.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def record(path: Path, until_turn: int | None = None) -> Game:
    game = Game(load_scenario(path), 3)
    recorder = Recorder.start(str(path), path, 3, scenario_id=game.scenario.id, team="Team <i>blue</i>")
    while not game.over and (until_turn is None or game.state.turn < until_turn):
        for action in PLAN.get(game.state.turn, []):
            game.apply(action)
            recorder.record_action(game.state.turn, action)
        game.end_turn()
        recorder.record_end_turn(game.state)
    recorder.close()
    return game


def report(fmt: str, tmp_path: Path, capsys, session: str = "latest") -> str:
    from game.commands import report as command

    parser = argparse.ArgumentParser()
    command.configure(parser)
    out = tmp_path / f"r.{fmt}"
    assert command.run(parser.parse_args([session, "--format", fmt, "-o", str(out)])) == 0
    capsys.readouterr()
    return out.read_text(encoding="utf-8")


@pytest.fixture
def finished_html_and_md(hostile_scenario, tmp_path, capsys):
    game = record(hostile_scenario)
    return game, report("html", tmp_path, capsys), report("md", tmp_path, capsys)


def test_the_html_report_has_every_section_and_three_charts(finished_html_and_md):
    game, html, _ = finished_html_and_md
    for section in SECTIONS:
        assert section in html, section
    # a fictional case (the mini) has no record: its model play goes by the scenario's own name
    assert html.count("<svg") >= 3 and "What happened" in html and "What really happened" not in html
    assert game.state.ending.title in html and "unfinished" not in html.lower().split("<main>")[1][:2000]


def test_the_html_report_is_self_contained_and_runs_nothing(finished_html_and_md):
    _, html, _ = finished_html_and_md
    assert not re.search(r"<script|<link|<iframe|<img|<object|<embed|url\(\s*['\"]?https?:|@import", html, re.I)
    assert "default-src 'none'" in html and "@media print" in html


def test_scenario_and_player_text_is_escaped_in_html(finished_html_and_md):
    _, html, _ = finished_html_and_md
    assert "&lt;script&gt;" in html and "&lt;img src=x" in html and "&lt;i&gt;blue&lt;/i&gt;" in html
    assert "<img" not in html and "<b>on</b>" not in html and "<i>blue" not in html
    assert "[bold]" in html  # shown as written, not interpreted
    assert 'href="https://example.org/a?b=&lt;c&gt;"' in html


def test_the_markdown_report_has_every_section_and_escapes_text(finished_html_and_md):
    _, _, md = finished_html_and_md
    for section in SECTIONS:
        assert f"## {section}" in md or f"### {section}" in md or section in md, section
    own = re.sub(r"</?(details|summary)>", "", md)  # the report's own folding
    assert not re.search(r"(?<!\\)[<>]", own), "an unescaped < or > in the markdown"
    assert "\\<script\\>" in md and "\\[bold\\]" in md and "\\| pipe" in md
    assert "| Figure | This game | What happened |" in md


def test_the_markdown_report_reads_as_plain_text_too(finished_html_and_md):
    """It printed "Q&amp;A": backslash escapes, not HTML entities, so it reads right on stdout."""
    _, _, md = finished_html_and_md
    assert "And AT&T's Q&A \\&amp; its &\\#60;?" in md


def test_an_unfinished_game_is_reported_up_to_where_it_stopped(hostile_scenario, tmp_path, capsys):
    game = record(hostile_scenario, until_turn=6)
    assert not game.over
    md = report("md", tmp_path, capsys)
    html = report("html", tmp_path, capsys)
    assert "Unfinished: the game stopped during turn 6 of 14" in md
    assert "Unfinished: the game stopped during turn 6 of 14" in html and 'class="outcome unfinished"' in html


def test_markdown_goes_to_stdout_without_output_file(hostile_scenario, capsys):
    from game.commands import report as command

    record(hostile_scenario, until_turn=4)
    parser = argparse.ArgumentParser()
    command.configure(parser)
    assert command.run(parser.parse_args([])) == 0
    assert capsys.readouterr().out.startswith("# Debrief: ")


def test_both_reports_say_why_this_ending(finished_html_and_md):
    _, html, md = finished_html_and_md
    # The mini scenario's endings read reputation against where it started.
    assert "**Why this ending**" in md and "- ✔ " in md and "where it started" in md
    assert "<b>Why this ending</b>" in html and "where it started" in html
