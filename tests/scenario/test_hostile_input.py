"""Hostile scenario files (issue 19): what `validate` accepts must play to the end, and what it
refuses it refuses with a located error — numbers beyond a float, dates at the calendar's edge,
invisible characters."""

from __future__ import annotations

import math
import re

import pytest
from scenario_helpers import edit, errors_of, line_of

from game.scenario.expr import parse
from game.scenario.loader import load_scenario
from game.scenario.vocabulary import MAX_NUMBER

HUGE = "9" * 400
EFFECTS = "effects: {press: 10, exposure: 20000}"


def play_to_the_end(scenario) -> None:
    from game.engine.game import Game

    game = Game(scenario, 1)
    while not game.over:
        game.end_turn()


@pytest.mark.parametrize(
    "effects",
    [
        f"effects: {{press: {HUGE}}}",
        f"effects: {{press: -{HUGE}}}",
        f'effects: {{press: "{HUGE}"}}',
        f'effects: {{exposure: "{HUGE}"}}',
        f'effects: {{press: "2 * {HUGE}"}}',
        "effects: {press: .inf}",
        "effects: {press: -.inf}",
        "effects: {press: .nan}",
        "effects: {exposure: 1.0e+400}",
    ],
    ids=["400 digits", "-400 digits", "quoted", "exposure", "in a sum", "inf", "-inf", "nan", "1e400"],
)
def test_a_number_beyond_a_float_is_a_located_error(valid_text, effects):
    text = edit(valid_text, EFFECTS, effects)
    [error] = errors_of(text)
    assert error.where.startswith("events[0].effects.")
    assert error.line == line_of(text, effects)
    assert "too large" in error.message or "not finite" in error.message


def test_a_number_in_a_condition_is_bounded_too(valid_text):
    text = edit(valid_text, "when: press >= 40 and not cancelled", f"when: press >= {HUGE}")
    [error] = errors_of(text)
    assert error.where == "events[0].when" and "too large" in error.message
    assert error.col == text.splitlines()[error.line - 1].index(HUGE) + 1


def test_numbers_up_to_the_bound_are_fine(valid_text):
    load_scenario(edit(valid_text, EFFECTS, f"effects: {{press: -{MAX_NUMBER}, exposure: {MAX_NUMBER}}}"))
    assert parse(str(MAX_NUMBER)).evaluate({}) == MAX_NUMBER


@pytest.mark.parametrize(
    "source",
    [
        "*".join(["1000000000000000"] * 21),  # overflows to infinity
        "-" + "*".join(["1000000000000000"] * 21),
        "(" + "*".join(["1000000000000000"] * 21) + ") * 0",  # infinity times 0: not a number
        "reach * reach * reach",
    ],
    ids=["infinity", "-infinity", "nan", "names"],
)
def test_what_an_expression_computes_is_always_finite(source):
    value = parse(source).evaluate({"reach": 1e300})
    assert math.isfinite(value) and abs(value) <= MAX_NUMBER


def test_an_effect_that_overflows_still_plays_to_the_end(valid_text):
    """Validate accepts it (its numbers are in bounds); the game must not die at the effect."""
    huge_product = "*".join(["1000000000000000"] * 21)
    effects = f'effects: {{press: "({huge_product}) * 0", anger: "{huge_product}", exposure: "{huge_product}"}}'
    text = edit(valid_text, EFFECTS, effects)
    text = edit(text, "when: press >= 40 and not cancelled", 'when: "true"')
    scenario = load_scenario(text)
    play_to_the_end(scenario)


@pytest.mark.parametrize(
    "start",
    [
        "9999-12-31 23:00",  # crashed validate itself
        "9999-12-31 10:00",  # passed validate, crashed at a turn's start
        "0001-01-01 00:00+14:00",  # passed validate, crashed converting the offset
        "1899-12-31 23:00",
    ],
)
def test_a_clock_at_the_calendars_edge_is_a_located_error(valid_text, start):
    text = edit(valid_text, "start: 2024-03-04 09:00", f"start: {start}")
    errors = errors_of(text)
    assert [e.where for e in errors] == ["clock.start"]
    assert "between 1900 and 2100" in errors[0].message and errors[0].line == line_of(text, "start: ")


def test_a_clock_must_end_by_2100(valid_text):
    text = edit(valid_text, "start: 2024-03-04 09:00", "start: 2100-12-31 20:00")
    [error] = errors_of(text)
    assert error.where == "clock" and "runs past the year 2100" in error.message


@pytest.mark.parametrize(
    "place, old, new",
    [
        ("campaign.deadline", "deadline: 2024-03-04 14:00", "deadline: 9999-12-31 23:59"),
        ("date", "date: 2024-03-04", "date: 9999-12-31"),
    ],
)
def test_every_date_is_bounded(valid_text, place, old, new):
    [error] = errors_of(edit(valid_text, old, new))
    assert error.where == place and "between 1900 and 2100" in error.message


def test_the_earliest_and_latest_clocks_allowed_play_to_the_end(valid_text):
    for start in ("1900-01-01 00:00+14:00", "2100-12-30 00:00-12:00"):
        text = edit(valid_text, "start: 2024-03-04 09:00", f"start: {start}")
        text = edit(text, "deadline: 2024-03-04 14:00", f"deadline: {start}")
        play_to_the_end(load_scenario(text))


@pytest.mark.parametrize(
    "mark",
    ["\u200b", "\u200d", "\u200c", "\u200e", "\u200f", "\u061c", "\u2028", "\u2029", "\u2060", "\ufeff", "\ud800"],
)
def test_zero_width_and_directional_marks_are_stripped_with_a_warning(valid_text, mark):
    from game.scenario.loader import load_scenario_with_warnings

    escaped = f"\\u{ord(mark):04x}"  # written as YAML's escape: U+2028 and U+FEFF break a plain line
    text = edit(valid_text, "name: Latte Leaks", f'name: "Latte{escaped}Leaks"')
    scenario, [warning] = load_scenario_with_warnings(text)
    assert scenario.audience.key_accounts[0].name == "LatteLeaks"
    assert warning.severity == "warning" and warning.where == "audience.key_accounts[0].name"
    assert f"U+{ord(mark):04X}" in warning.message


def test_joiners_inside_emoji_and_words_of_other_scripts_are_kept(valid_text):
    from game.scenario.loader import load_scenario_with_warnings

    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # one emoji, built with joiners
    persian = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"
    text = edit(valid_text, "name: Latte Leaks", f"name: Latte {family} {persian}")
    scenario, warnings = load_scenario_with_warnings(text)
    assert warnings == [] and scenario.audience.key_accounts[0].name == f"Latte {family} {persian}"


# --- what validate accepts, a game plays to its end ----------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from game.scenario.problems import ScenarioError  # noqa: E402
from game.scenario.scaffold import scaffold_text  # noqa: E402

_SCAFFOLD = scaffold_text("demo")
_NUMBERED = [
    i
    for i, line in enumerate(_SCAFFOLD.splitlines(keepends=True))
    if re.search(r":\s+-?\d[\d.]*\s*(#.*)?$", line.rstrip("\n"))
]
_EXTREMES = [
    "0",
    "-1",
    "1",
    "0.000001",
    "1.0e+308",
    "-1.0e+308",
    HUGE,
    "-" + HUGE,
    str(MAX_NUMBER),
    str(-MAX_NUMBER),
    "200",
    "10080",
    "500000000",
    "20",
    "100",
    "1.0e-308",
]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(_NUMBERED), st.sampled_from(_EXTREMES))
def test_a_file_validate_accepts_plays_to_its_end_whatever_its_numbers(index, value):
    lines = _SCAFFOLD.splitlines(keepends=True)
    lines[index] = re.sub(r"(:\s+)-?\d[\d.]*", lambda m: m.group(1) + value, lines[index], count=1)
    try:
        scenario = load_scenario("".join(lines))
    except ScenarioError:
        return
    play_to_the_end(scenario)
