"""The type checker passes: mypy, configured in pyproject.toml under [tool.mypy] (strict on the
engine, the scenario format and the reader; a gentler level for the rest of ``game``).

Run here, like import-linter in test_layering.py, so the README's test command and CI check it.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# mypy's incremental cache, outside the checkout (nothing to ignore in git) and one per checkout: a
# second run checks only what changed (about 2 s instead of 12).  mypy verifies each cached module
# against its source, so a stale cache costs time, never a wrong answer.
CACHE = Path(tempfile.gettempdir()) / f"bashtag-mypy-{hashlib.sha1(str(ROOT).encode()).hexdigest()[:12]}"


def test_mypy_finds_no_type_error():
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--cache-dir", str(CACHE)], cwd=ROOT, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
