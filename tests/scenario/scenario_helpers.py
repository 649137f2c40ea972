"""Helpers for the scenario tests: load a variant of the scaffold and look at its problems."""

from __future__ import annotations

from pathlib import Path

from game.scenario.loader import load_scenario_with_warnings
from game.scenario.problems import Problem, ScenarioError

FIXTURES = Path(__file__).parent / "fixtures"


def problems_of(text: str | bytes, name: str = "t.yaml") -> list[Problem]:
    """Every problem (errors and warnings) found in ``text``."""
    try:
        _, warnings = load_scenario_with_warnings(text, name)
    except ScenarioError as error:
        return error.problems
    return warnings


def errors_of(text: str | bytes, name: str = "t.yaml") -> list[Problem]:
    return [p for p in problems_of(text, name) if p.is_error]


def line_of(text: str, needle: str) -> int:
    """The 1-based line where ``needle`` first appears."""
    index = text.index(needle)
    return text.count("\n", 0, index) + 1


def edit(text: str, old: str, new: str) -> str:
    assert text.count(old) >= 1, f"{old!r} not in the scaffold"
    return text.replace(old, new, 1)
