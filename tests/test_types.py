"""The type checker passes: mypy, configured in pyproject.toml under [tool.mypy] (strict on the
engine, the scenario format and the reader; a gentler level for the rest of ``game``).

Run here, like import-linter in test_layering.py, so the README's test command and CI check it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_mypy_finds_no_type_error():
    result = subprocess.run([sys.executable, "-m", "mypy", "--no-incremental"], cwd=ROOT,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
