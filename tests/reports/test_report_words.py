"""The team's own words in the reports: each written statement and reply is shown with its words and
its reading, worked out again from the log exactly as the engine read it, and escaped."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.engine import Game, Reply, Statement, analyse
from game.reports import render
from game.reports.words import team_words
from game.scenario.loader import load_scenario

HERE = Path(__file__).resolve().parent
STATEMENT = "We are sorry if anyone was offended <script>alert(1)</script> | [x](javascript:evil) *never*."
REPLY = "Good question: the settlement is public <b>and</b> we will fix the fees by Monday."


@pytest.fixture(scope="module")
def played() -> Game:
    """A mini game with a written reply (to a post long gone from the feed by the end) and a statement."""
    game = Game(load_scenario(HERE / "mini.yaml"), 3)
    replied = stated = False
    while not game.over:
        others = [p for p in game.state.feed if p.source != "org"]
        if others and not replied:
            game.apply(Reply(others[0].id, text=REPLY))
            replied = True
        elif replied and not stated:
            game.apply(Statement(text=STATEMENT))
            stated = True
        game.end_turn()
    assert replied and stated
    return game


def test_each_written_decision_has_its_words_and_the_reading_the_engine_acted_on(played):
    words = team_words(played)
    taken = played.state.taken
    assert sorted(taken[i].kind for i in words) == ["reply", "statement"]
    for index, said in words.items():
        entry = taken[index]
        assert said.text == entry.detail["text"]
        # The engine's label names the tone or posture it read; the recomputed reading says the same.
        if entry.kind == "reply":
            tone = re.search(r"read as (\w+)", entry.label).group(1)
            assert said.reading.startswith(f"Reads as: {tone} ("), (entry.label, said.reading)
        else:
            posture = re.search(r"\((\w+)\)$", entry.label).group(1)
            assert f"({posture})" in said.reading.split(" — ")[0], (entry.label, said.reading)
    reply = next(w for i, w in words.items() if taken[i].kind == "reply")
    # The reply was read against the post it answered, which is no longer in the feed: the replay found it.
    post_id = next(t.detail["post_id"] for t in taken if t.kind == "reply")
    assert played.post(post_id) is None
    assert "answers what the post asked" in reply.reading or "does not answer" in reply.reading


def test_prepared_statements_and_chosen_tones_have_no_words_of_their_own():
    game = Game(load_scenario(HERE / "mini.yaml"), 3)
    while not any(p.source != "org" for p in game.state.feed):
        game.end_turn()
    post = next(p for p in game.state.feed if p.source != "org")
    game.apply(Reply(post.id, "empathetic"))
    game.apply(Statement("inform"))
    assert team_words(game) == {}


def test_the_markdown_report_shows_the_words_and_their_reading_escaped(played):
    md = render(played, "md", debrief=analyse(played))
    row = next(line for line in md.splitlines() if "sorry if anyone was offended" in line)
    assert "Reads as: excuse (diminish)" in row
    assert "<script>" not in md and "script" in row  # escaped, as reports escape
    assert "\\[x\\]" in row and "\\|" in row and "\\*never\\*" in row  # no link, no cell break, no emphasis
    assert row.count(" | ") == 4 and row.startswith("| ")  # still five cells
    assert "<b>and</b>" not in md and "public" in md  # the reply's words, escaped too


def test_the_html_report_shows_the_words_and_their_reading_escaped(played):
    page = render(played, "html", debrief=analyse(played))
    assert '<blockquote class="words">We are sorry if anyone was offended &lt;script&gt;' in page
    assert "<script>" not in page and "<b>and</b>" not in page
    assert re.search(r'<p class="reading">Reads as: excuse \(diminish\)', page)
    assert page.count('<p class="reading">') == 2  # the reply's too
