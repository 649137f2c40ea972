"""Warnings `validate` gives about text that will read wrong or repeat (issue 17 item 12): each
would have caught a garble in a built-in ("open a a Chase mortgage", "@@DiGiornoPizza")."""

from __future__ import annotations

from pathlib import Path

import pytest
from scenario_helpers import edit, line_of, problems_of

from game.scenario.loader import load_scenario_with_warnings

BUILTINS = sorted((Path(__file__).resolve().parents[2] / "scenarios").glob("*.yaml"))


def warnings_of(text: str) -> list:
    return [p for p in problems_of(text) if not p.is_error]


@pytest.mark.parametrize(
    "template, fill, reads",
    [
        ("If I open a {price} latte", '["a large", "£5"]', "open a a large"),
        ("I'm a {price} investigator", '["the SEC"]', "a the SEC"),
        ("Rate your {price} coffee", '["an awful"]', "your an awful"),
    ],
)
def test_a_fill_that_brings_its_own_article_is_a_warning(valid_text, template, fill, reads):
    text = edit(valid_text, '"{hashtag} will the CEO explain the {price} latte?"', f'"{template} {{hashtag}}"')
    text = edit(text, 'price: ["£4.20", "£4.50", "£5"]', f"price: {fill}")
    [warning] = warnings_of(text)
    assert warning.where == "templates.hostile[0]" and reads in warning.message
    assert warning.line == line_of(text, template)
    assert warning.col == text.splitlines()[warning.line - 1].index(template.split("{")[0].split()[-1]) + 1


def test_an_at_sign_before_the_handle_is_a_warning_outside_replies(valid_text):
    text = edit(valid_text, '"Dear {org}, {price} for coffee? {hashtag}"', '"@{handle} {price} for coffee? {hashtag}"')
    [warning] = warnings_of(text)
    assert warning.where == "templates.hostile[1]" and "'@@beanco'" in warning.message.lower()
    # a reply's {handle} is the person answered, and the engine writes one '@'
    text = edit(valid_text, '["{handle} we hear you', '["@{handle} we hear you')
    assert warnings_of(text) == []


def test_a_hash_before_the_hashtag_is_a_warning(valid_text):
    [warning] = warnings_of(edit(valid_text, "Popcorn ready for {hashtag}", "Popcorn ready for #{hashtag}"))
    assert "##AskBeanCo" in warning.message


def test_handle_parts_that_are_the_same_word_are_a_warning(valid_text):
    [warning] = warnings_of(
        edit(valid_text, "handles: [bean, latte, commuter, grind, mug]", "handles: [bean, latte, nyc, grind, _nyc]")
    )
    assert warning.where == "templates.handles[4]" and "Nyc Nyc" in warning.message


def test_a_real_case_needs_sources(valid_text):
    text = edit(valid_text, "kind: fictional ", "kind: real ")
    messages = [w.message for w in warnings_of(text)]
    assert any("lists no sources" in m for m in messages)
    text = edit(text, "tags: [qna, retail]", "tags: [qna, retail]\nsources: [https://example.org/story]")
    assert not any("lists no sources" in w.message for w in warnings_of(text))


def test_a_real_case_with_too_few_templates_for_its_feed_is_a_warning(valid_text):
    [warning] = [
        w
        for w in warnings_of(edit(valid_text, "kind: fictional ", "kind: real "))
        if "template" in w.message and "hostile" in w.where
    ]
    assert warning.where == "templates.hostile" and "the same post would repeat within a turn" in warning.message


def test_the_feed_size_validate_assumes_is_the_engines():
    from game.engine.params import DEFAULT_PARAMS
    from game.scenario.advice import FEED_CROWD_POSTS

    assert FEED_CROWD_POSTS == DEFAULT_PARAMS.feed.crowd


@pytest.mark.parametrize("path", BUILTINS, ids=lambda p: p.stem)
def test_the_built_in_scenarios_have_no_warnings(path):
    _, warnings = load_scenario_with_warnings(path)
    assert [str(w) for w in warnings] == []
