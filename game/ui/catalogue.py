"""The scenarios the title screen offers, read through ``game.scenario.library``.

The list is read from each file's top-level keys (fast, no full validation); the full scenario is
loaded only when the player picks one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from game.scenario import library
from game.scenario.models import Scenario


@dataclass(frozen=True)
class Entry:
    """One line of the title screen's scenario list."""

    id: str
    title: str
    year: int | None
    difficulty: str
    summary: str
    load: Callable[[], Scenario]


def load(name: str) -> Scenario:
    """A scenario by built-in id or path. Raises ScenarioError (its message is fit to print)."""
    return library.load(name)


def builtin() -> list[Entry]:
    """The built-in scenarios, easiest first."""
    return [Entry(info.id, info.title, info.year, info.difficulty, info.summary,
                  lambda path=info.path: library.load(path))
            for info in library.builtin_scenarios()]
