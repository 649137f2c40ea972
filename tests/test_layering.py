"""The architecture's contracts (declared in pyproject.toml under [tool.importlinter]) hold.

import-linter checks the layers — scenario < engine < sessions, reports < ui < workshop < commands
< cli — and that the engine imports no UI, no I/O, no clock and no global random.  What an import
scan cannot see, a call to ``open``, ``eval`` or ``exec`` in the engine, is checked here.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GAME = ROOT / "game"


@pytest.fixture(scope="module")
def lint_imports() -> subprocess.CompletedProcess:
    """import-linter run on this checkout, as `lint-imports` in CI would."""
    code = "import sys; from importlinter.cli import lint_imports; sys.exit(lint_imports(no_cache=True))"
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_every_import_contract_is_kept(lint_imports):
    assert lint_imports.returncode == 0, lint_imports.stdout[-3000:] + lint_imports.stderr[-2000:]


def test_the_contracts_cover_the_layers_and_the_pure_engine(lint_imports):
    kept = [line for line in lint_imports.stdout.splitlines() if line.endswith(" KEPT")]
    assert any(line.startswith("Layers") for line in kept), lint_imports.stdout[-2000:]
    assert any(line.startswith("Pure engine") for line in kept)


@pytest.mark.parametrize(
    "path", sorted((GAME / "engine").rglob("*.py")) + sorted((GAME / "words").rglob("*.py")), ids=lambda p: p.name
)
def test_engine_opens_no_file_and_evaluates_no_code(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)]
    assert not [c for c in calls if c.func.id in ("open", "eval", "exec", "__import__")], (
        f"{path.name} calls open/eval/exec"
    )
