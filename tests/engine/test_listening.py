"""Listening (Monitor) tells the truth at the moment it speaks, and again once the turn has played out."""

from __future__ import annotations

from game.engine import Game, Monitor
from game.scenario.library import load


def test_listening_before_anyone_posted_says_so_and_reports_what_it_heard_by_the_turns_end():
    game = Game(load("askjpm"), 7)
    game.apply(Monitor())
    first = game.state.events[-1]
    assert first.kind == "insight" and "Nobody has posted anything hostile" in first.text
    report = game.end_turn()
    assert report.record.negative_posts > 0
    heard = [e for e in report.events if e.id == "insight-heard-1"]
    assert heard, "the listening reports what it heard over the turn"
    assert "Hostile posts so far come from:" in heard[0].text and "nobody" not in heard[0].text.lower()


def test_no_report_of_listening_when_the_team_did_not_listen():
    game = Game(load("askjpm"), 7)
    report = game.end_turn()
    assert not [e for e in report.events if e.kind == "insight"]
