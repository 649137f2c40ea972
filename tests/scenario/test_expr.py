"""The condition language (game/scenario/expr.py): its functions, how it turns values into numbers and
truths, and how it refuses what it cannot read.  Conditions come from untrusted scenario files, so
whatever the text, ``parse`` either returns an Expression or raises ExpressionError, never anything else.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.scenario.expr import MAX_DEPTH, MAX_SOURCE_LENGTH, ExpressionError, parse
from game.scenario.vocabulary import MAX_NUMBER


def value(source, **env) -> float:
    return parse(source).evaluate(env)


# ------------------------------------------------------------------------------ function calls


@pytest.mark.parametrize(
    "source, expected",
    [
        ("min(3, 1, 2)", 1.0),
        ("max(3, 1, 2)", 3.0),
        ("min(4)", 4.0),  # one argument is allowed
        ("max(-2, -7)", -2.0),
        ("abs(-2.5)", 2.5),
        ("abs(2.5)", 2.5),
        ("abs(0 - reputation)", 40.0),  # an expression as the argument
        ("max(min(anger, 50), 10)", 50.0),  # calls nest
        ("min(anger > 10, 5)", 1.0),  # a comparison is a number inside a call
        ("max(press, anger) - min(press, anger)", 50.0),
    ],
)
def test_functions_compute_on_numbers(source, expected):
    assert value(source, reputation=40, anger=60, press=10) == expected


def test_a_call_reads_the_names_of_its_arguments_not_its_own():
    assert parse("max(anger, fired.press_pickup) > min(1, reputation)").names == {
        "anger",
        "fired.press_pickup",
        "reputation",
    }


def test_a_function_name_without_brackets_is_an_ordinary_name():
    expression = parse("max > 1")
    assert expression.names == {"max"}
    assert expression.holds({"max": 2}) and not expression.holds({})


@pytest.mark.parametrize(
    "source, message",
    [
        ("eval(1)", "unknown function 'eval' (known: abs, max, min)"),
        ("__import__(1)", "unknown function '__import__'"),
        ("abs(1, 2)", "abs takes one argument"),
        ("abs()", "expected a number, a name or '(' but found ')'"),
        ("min()", "expected a number, a name or '(' but found ')'"),
        ("max(1, )", "expected a number, a name or '(' but found ')'"),
        ("max(1 2)", "expected ')' but found '2'"),
        ("min(1, 2", "expected ')' but found 'the end'"),
    ],
)
def test_a_bad_call_is_refused_with_a_reason(source, message):
    with pytest.raises(ExpressionError) as refused:
        parse(source)
    assert message in refused.value.message


# ------------------------------------------------------------------------------ coercions


@pytest.mark.parametrize(
    "source, expected",
    [
        ("true", 1.0),
        ("false", 0.0),
        ("true + true", 2.0),  # booleans are the numbers 1 and 0
        ("3 > 2", 1.0),
        ("3 < 2", 0.0),
        ("2 == 2.0", 1.0),
        ("(1 < 2) * 7", 7.0),  # a comparison's result is a number
        ("2 or 3", 1.0),  # "or" and "and" give truths (1 or 0), not their operands
        ("0 or 0", 0.0),
        ("2 and 3", 1.0),
        ("2 and 0", 0.0),
        ("not 0", 1.0),
        ("not 5", 0.0),
        ("not -1", 0.0),  # any number but 0 is true
        ("- -2", 2.0),
        ("1 - 2 - 3", -4.0),  # left to right
        ("8 / 2 / 2", 2.0),
        ("1 + 2 * 3", 7.0),  # products before sums
        (".5 + 0.25", 0.75),
    ],
)
def test_values_become_numbers_and_truths(source, expected):
    assert value(source) == expected


@pytest.mark.parametrize("source", ["1 / 0", "-1 / 0", "0 / 0", "anger / press", "1 / (2 - 2)", "5 / false"])
def test_division_by_zero_is_zero_and_never_an_error(source):
    assert value(source, anger=50) == 0.0


def test_a_name_the_game_does_not_know_reads_as_zero():
    assert value("unknown_name + 1") == 1.0
    assert not parse("fired.never_fired").holds({})


@pytest.mark.parametrize(
    "raw, source, expected",
    [
        (True, "true", 1.0),
        (False, "false", 0.0),
        (3, "3", 3.0),
        (2.5, "2.5", 2.5),
        (0.1, "0.1", 0.1),
        (-4, "-4", -4.0),
        (1e-13, "0", 0.0),  # below the twelve decimals a YAML number is read to
    ],
)
def test_a_bare_yaml_number_or_boolean_is_an_expression(raw, source, expected):
    expression = parse(raw)
    assert expression.source == source
    assert expression.evaluate({}) == expected


@pytest.mark.parametrize("raw", [None, [1], {"a": 1}, b"1"], ids=["null", "list", "mapping", "bytes"])
def test_what_is_not_text_a_number_or_a_boolean_is_refused(raw):
    with pytest.raises(ExpressionError, match="expected an expression, found"):
        parse(raw)


# ------------------------------------------------------------------------------ errors


@pytest.mark.parametrize(
    "source, message, column",
    [
        ("", "expression is empty", 1),
        ("   ", "expression is empty", 1),
        ("x" * (MAX_SOURCE_LENGTH + 1), f"longer than {MAX_SOURCE_LENGTH}", 1),
        ("anger $ 2", "unexpected character '$'", 7),
        ("anger > 1 > 0", "comparisons cannot be chained; use 'and'", 11),
        ("(anger > 1", "expected ')' but found 'the end'", 11),
        ("anger > 1)", "unexpected ')'", 10),
        ("1 2", "unexpected '2'", 3),
        ("anger >", "expected a number, a name or '(' but found 'the end of the expression'", 8),
        ("and 1", "expected a number, a name or '(' but found 'and'", 1),
        ("(" * (MAX_DEPTH + 1) + "1" + ")" * (MAX_DEPTH + 1), "nested too deeply", MAX_DEPTH + 2),  # beyond the limit
        ("not " * (MAX_DEPTH + 1) + "1", "nested too deeply", 4 * (MAX_DEPTH + 1) + 1),
        ("1" * 17, "too large", 1),
    ],
)
def test_what_cannot_be_read_is_refused_where_it_goes_wrong(source, message, column):
    with pytest.raises(ExpressionError) as refused:
        parse(source)
    assert message in refused.value.message
    assert refused.value.column == column


def test_the_largest_number_is_read_and_a_larger_one_is_refused():
    assert value(str(MAX_NUMBER)) == MAX_NUMBER
    with pytest.raises(ExpressionError, match="too large"):
        parse(str(MAX_NUMBER + 1))


# ------------------------------------------------------------------------------ any input


# Pieces of the language, so that random text often gets deep into the grammar rather than
# failing at its first character.
PIECES = [
    "min",
    "max",
    "abs",
    "(",
    ")",
    ",",
    "and",
    "or",
    "not",
    "true",
    "false",
    "<",
    "<=",
    ">",
    ">=",
    "==",
    "!=",
    "+",
    "-",
    "*",
    "/",
    "0",
    "1",
    "2.5",
    ".5",
    "1e9",
    "9" * 20,
    "anger",
    "fired.x",
    "turn",
    "\x00",
    "ⅷ",
    "١",
    " ",
]


@settings(max_examples=400, deadline=None)
@given(
    st.one_of(
        st.text(max_size=80),
        st.lists(st.sampled_from(PIECES), max_size=40).map(" ".join),
        st.lists(st.sampled_from(PIECES), max_size=60).map("".join),
    )
)
def test_no_input_makes_parse_raise_anything_but_an_expression_error(source):
    try:
        expression = parse(source)
    except ExpressionError as error:
        assert error.message and error.column >= 1
        return
    # What parses evaluates to a finite number, whatever the names hold.
    for env in ({}, {name: 1e300 for name in expression.names}, {name: -1.0 for name in expression.names}):
        assert math.isfinite(expression.evaluate(env))
