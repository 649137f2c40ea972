"""Fixtures for the UI tests: the small mini scenario (fast) and a helper to read a screen's text."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.scenario.loader import load_scenario

HERE = Path(__file__).parent


@pytest.fixture(scope="session")
def mini():
    return load_scenario(HERE / "mini.yaml")


@pytest.fixture
def screen_text():
    """A function: all the text the current screen's Static-like widgets show, joined."""
    return _screen_text


def _screen_text(app) -> str:
    """All the text the current screen's Static-like widgets show, joined (for asserting)."""
    from textual.widgets import Static

    parts = []
    for widget in app.screen.query(Static):
        parts.append(str(widget.render()))
    return "\n".join(parts)
