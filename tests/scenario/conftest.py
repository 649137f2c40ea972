"""Fixtures for the scenario tests: a full valid scenario is the `bashtag new` scaffold."""

from __future__ import annotations

import pytest

from game.scenario.scaffold import scaffold_text


@pytest.fixture(scope="session")
def valid_text() -> str:
    return scaffold_text("demo")
