"""Suite-wide fixtures: no test ever writes into the user's real data directory."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("BASHTAG_DATA_DIR", str(tmp_path_factory.mktemp("bashtag-data")))
