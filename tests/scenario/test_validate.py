"""The model checks and cross-reference checks: every problem, located, with a suggestion."""

from __future__ import annotations

import pytest
from scenario_helpers import FIXTURES, edit, errors_of, line_of

from game.scenario.loader import load_scenario
from game.scenario.problems import ScenarioError


def test_three_mistakes_give_three_located_errors():
    path = FIXTURES / "three_mistakes.yaml"
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path, name="three_mistakes.yaml")
    assert str(caught.value).splitlines() == [
        "three_mistakes.yaml:79:16: error: audience.key_accounts[0].segment: no segment 'jokerz' "
        "(did you mean 'jokers'?) (segments: customers, jokers)",
        "three_mistakes.yaml:139:31: error: events[0].when: unknown name 'canceled' "
        "(did you mean 'cancelled'?) (see docs/authoring.md for the names)",
        "three_mistakes.yaml:141:15: error: events[0].effects.pres: an effect cannot change 'pres' "
        "(did you mean 'press'?) (it can change: reputation, press, anger, invitation, exposure)",
    ]


def test_model_mistakes_are_all_reported_at_once():
    with pytest.raises(ScenarioError) as caught:
        load_scenario(FIXTURES / "model_mistakes.yaml", name="m.yaml")
    assert [str(p) for p in caught.value.problems] == [
        "m.yaml:13:13: error: difficulty: should be one of easy, medium, hard (did you mean 'easy'?) (found 'esay')",
        "m.yaml:20:3: error: role.titel: unknown key 'titel' (did you mean 'title'?)",
        "m.yaml:32:14: error: organisation.followers: should be a whole number (found 'lots')",
    ]


def test_an_unknown_key_is_placed_on_the_key_and_suggests_the_field(valid_text):
    text = edit(valid_text, "      susceptibility: 0.03", "      susceptibilty: 0.03")
    [problem] = errors_of(text)
    assert (problem.line, problem.col) == (line_of(text, "susceptibilty"), 7)
    assert problem.message == "unknown key 'susceptibilty' (did you mean 'susceptibility'?)"


def test_an_unknown_key_without_a_near_miss_lists_the_allowed_keys(valid_text):
    text = edit(valid_text, "  grievance: 0.6", "  grievance: 0.6\n  mood: grumpy")
    [problem] = errors_of(text)
    assert problem.message.startswith("unknown key 'mood' (allowed here: crisis_type, followers")


def test_a_missing_key_is_reported_at_its_parent(valid_text):
    text = edit(valid_text, "  crisis_type: preventable   # victim, accidental or preventable (SCCT)\n", "")
    [problem] = errors_of(text)
    assert problem.where == "organisation"
    assert problem.line == line_of(text, "organisation:")
    assert problem.message == "'crisis_type' is missing (it is required)"


def test_yes_read_as_a_boolean_gets_a_quoting_hint(valid_text):
    text = edit(valid_text, "  title: Social media manager", "  title: yes")
    [problem] = errors_of(text)
    assert "put text in quotes" in problem.message


def test_expression_syntax_errors_point_into_the_expression(valid_text):
    text = edit(valid_text, "when: press >= 40 and not cancelled", "when: press >= 40 and and not cancelled")
    [problem] = errors_of(text)
    line = line_of(text, "press >= 40 and and")
    value_col = text.splitlines()[line - 1].index("press") + 1
    assert (problem.line, problem.col) == (line, value_col + len("press >= 40 and "))
    assert "cannot read the expression" in problem.message


def test_quoted_expressions_are_located_past_the_quote(valid_text):
    text = edit(valid_text, 'when: "true"', 'when: "true and bogus"')
    [problem] = errors_of(text)
    line = text.splitlines()[problem.line - 1]
    assert line[problem.col - 1 :].startswith("bogus")


def test_dotted_names_must_name_real_ids(valid_text):
    text = edit(valid_text, "when: anger > 40", "when: fired.radio-mentions and joined.LatteLeaks and said.apologise")
    [problem] = errors_of(text)
    assert "'fired.radio-mentions' names nothing" in problem.message
    assert "did you mean 'radio-mention'?" in problem.message


def test_effect_expressions_are_checked(valid_text):
    text = edit(valid_text, "effects: {press: 10", "effects: {press: 'anger / 2 + angr'")
    [problem] = errors_of(text)
    assert "unknown name 'angr' (did you mean 'anger'?)" in problem.message


def test_duplicate_ids_are_errors(valid_text):
    text = edit(valid_text, "    - id: jokers", "    - id: customers")
    [problem, _] = errors_of(text)  # and the key account's segment 'jokers' is gone
    assert problem.where == "audience.segments[1].id"
    assert (
        f"two segments have the id 'customers' (first used on line {line_of(text, '- id: customers')})"
        in problem.message
    )


def test_a_crowd_author_needs_a_name(valid_text):
    text = edit(valid_text, "    name: Grumpy Commuter\n", "")
    [problem] = errors_of(text)
    assert problem.where == "posts[1].author"
    assert "@grumpy_commuter is not a key account" in problem.message


def test_times_outside_the_clock_are_errors(valid_text):
    text = edit(valid_text, "    - {turn: 6, action: cancel}", "    - {at: 2024-03-05 09:00, action: cancel}")
    text = edit(text, "      kind: influencer\n", "      kind: influencer\n      joins: {turn: 9}\n")
    problems = errors_of(text)
    assert [p.where for p in problems] == ["audience.key_accounts[0].joins.turn", "historical.steps[2].at"]
    assert "turn 9 is after the last turn (8)" in problems[0].message
    assert "outside the scenario's clock (2024-03-04 09:00 to 2024-03-04 15:00)" in problems[1].message


def test_a_deadline_is_written_like_the_clock_start(valid_text):
    text = edit(valid_text, "  deadline: 2024-03-04 14:00", "  deadline: 2024-03-04T14:00:00+00:00")
    [problem] = errors_of(text)
    assert problem.where == "campaign.deadline"
    assert problem.line == line_of(text, "deadline:")
    assert "the same way as clock.start" in problem.message


def test_steps_must_name_real_options_and_replies_need_a_tone(valid_text):
    text = edit(valid_text, "option: explain-prices}", "option: explain}")
    text = edit(text, "    - {turn: 2, action: monitor}", "    - {turn: 2, action: reply}")
    messages = [p.message for p in errors_of(text)]
    assert messages[0].startswith("a reply needs a tone")
    assert messages[1].startswith("no statement 'explain'")


def test_templates_need_their_fills(valid_text):
    text = edit(valid_text, "{price} latte", "{prize} latte")
    [problem] = errors_of(text)
    assert problem.message.startswith("{prize} has no fill (did you mean 'price'?)")
    line = text.splitlines()[problem.line - 1]
    assert line[problem.col - 1 :].startswith("{prize}")


def test_endings_are_required(valid_text):
    start = valid_text.index("endings:")
    end = valid_text.index("# --- What really happened")
    text = valid_text[:start] + "endings: []\n\n" + valid_text[end:]
    [problem] = errors_of(text)
    assert problem.where == "endings"
    assert "at least one" in problem.message


def test_a_situational_pool_is_checked_like_any_condition_and_template(valid_text):
    text = edit(valid_text, "    - when: trending\n", "    - when: trendin\n")
    text = edit(text, "How is {hashtag} trending", "How is {hashtag} {place}")
    problems = errors_of(text)
    assert [(p.where, p.line) for p in problems] == [
        ("templates.situational[0].when", line_of(text, "when: trendin")),
        ("templates.situational[0].neutral[0]", line_of(text, "How is {hashtag} {place}")),
    ]
    assert "unknown name 'trendin' (did you mean 'trending'?)" in problems[0].message
    assert problems[1].message.startswith("{place} has no fill")


def _with_inject(text: str, answered_by: str, disabled: str = "") -> str:
    text = edit(text, "  budget: 3 ", (f"  disabled: [{disabled}]\n" if disabled else "") + "  budget: 3 ")
    return edit(
        text,
        "# --- Things that happen when a condition first holds",
        "injects:\n"
        "  - id: reporter\n"
        "    label: A reporter calls\n"
        "    headline: A reporter wants a comment\n"
        f"    answered_by: {answered_by}\n\n"
        "# --- Things that happen when a condition first holds",
    )


def test_an_inject_is_answered_by_actions_the_scenario_has(valid_text):
    assert errors_of(_with_inject(valid_text, "[statement, explain-prices, reply]")) == []
    text = _with_inject(valid_text, "[statement, explain-price]")
    [problem] = errors_of(text)
    assert problem.where == "injects[0].answered_by[1]"
    assert problem.line == line_of(text, "answered_by:")
    assert "'explain-price' is not an action (did you mean 'explain-prices'?)" in problem.message
    assert "statements (explain-prices, apologise)" in problem.message


def test_an_inject_cannot_be_answered_by_a_disabled_action(valid_text):
    [problem] = errors_of(_with_inject(valid_text, "[delete, statement]", disabled="delete"))
    assert problem.where == "injects[0].answered_by[0]"
    assert "the action 'delete' is disabled in this scenario" in problem.message
