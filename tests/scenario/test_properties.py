"""Whatever the input, loading gives a Scenario or a ScenarioError — never another exception."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.scenario.loader import load_scenario
from game.scenario.models import Scenario
from game.scenario.problems import ScenarioError
from game.scenario.scaffold import scaffold_text

VALID = scaffold_text("demo")
LINES = VALID.splitlines(keepends=True)
FAST = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def loads_or_reports(source) -> None:
    try:
        result = load_scenario(source)
    except ScenarioError as error:
        assert error.problems, "a ScenarioError always carries its problems"
        assert all(p.message and p.path for p in error.problems)
        for problem in error.problems:
            str(problem)  # formatting never fails
    else:
        assert isinstance(result, Scenario)


@FAST
@given(st.binary(max_size=2000))
def test_random_bytes(data):
    loads_or_reports(data)


@FAST
@given(st.text(max_size=2000))
def test_random_text(text):
    loads_or_reports(text)


@FAST
@given(st.text(alphabet=":-[]{}&*!|>'\"%@`#,? \n\tab1", max_size=300))
def test_yaml_punctuation_soup(text):
    loads_or_reports(text)


@FAST
@given(st.integers(0, len(LINES) - 1))
def test_deleting_a_line(index):
    loads_or_reports("".join(LINES[:index] + LINES[index + 1 :]))


@FAST
@given(st.integers(0, len(LINES) - 1), st.integers(0, len(LINES) - 1))
def test_swapping_two_lines(a, b):
    lines = list(LINES)
    lines[a], lines[b] = lines[b], lines[a]
    loads_or_reports("".join(lines))


@FAST
@given(st.integers(0, len(VALID) - 1), st.characters(blacklist_categories=("Cs",)))
def test_changing_a_character(position, char):
    loads_or_reports(VALID[:position] + char + VALID[position + 1 :])


@FAST
@given(st.integers(0, len(LINES) - 1), st.sampled_from(["", " ", "  ", "\t", "- ", "? ", "!!str ", "&a ", "*a "]))
def test_prefixing_a_line(index, prefix):
    lines = list(LINES)
    lines[index] = prefix + lines[index]
    loads_or_reports("".join(lines))
