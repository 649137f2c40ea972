"""Fixtures for the session tests: a private data directory, a copy of the mini scenario, a recorded game."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from session_helpers import MINI, play


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("BASHTAG_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def scenario_file(tmp_path) -> Path:
    """A private copy of mini.yaml, so a test may change it."""
    target = tmp_path / "scen" / "mini.yaml"
    target.parent.mkdir()
    shutil.copy(MINI, target)
    return target


@pytest.fixture
def finished(scenario_file):
    game, recorder = play(scenario_file)
    recorder.close()
    return game, recorder.path
