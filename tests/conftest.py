"""Suite-wide fixtures (no test ever writes into the user's real data directory) and the slow lane.

`python -m pytest` runs everything, as CI does; `python -m pytest -m "not slow"` is the fast lane
for a developer (under a minute on two cores): it leaves out the calibration runs, the walk through
every built-in scenario in the app, the property test that plays random scenarios, and the
multi-process and browser workshops.  The list is here, in one place, so a new slow file is one line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent

# Tests slower than a few seconds each, by file (relative to tests/) or by test name.
SLOW_FILES = (
    "scenarios/",  # every calibration: whole games, several seeds
    "engine/test_caused_storms.py",  # counterfactuals over every built-in
    "engine/test_calibration_askjpm.py",
    "ui/test_every_scenario.py",  # each built-in from the title screen to its debrief
    "workshop/test_workshop_multiprocess.py",
    "workshop/test_workshop_browser.py",
)
SLOW_TESTS = (
    "test_any_valid_numbers_play_to_an_ending_with_sane_meters",  # hypothesis plays whole games
)


def pytest_collection_modifyitems(config, items):
    for item in items:
        path = Path(str(item.fspath)).resolve()
        relative = path.relative_to(HERE).as_posix() if path.is_relative_to(HERE) else ""
        if relative.startswith(SLOW_FILES) or item.originalname in SLOW_TESTS:
            item.add_marker(pytest.mark.slow)


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("BASHTAG_DATA_DIR", str(tmp_path_factory.mktemp("bashtag-data")))
