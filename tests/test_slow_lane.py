"""The fast lane's list of slow tests (tests/conftest.py) names tests that exist: a renamed test must
not quietly drop back into the fast lane, nor the list point at nothing."""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _slow_lists() -> tuple[tuple[str, ...], dict[str, tuple[str, ...]]]:
    spec = importlib.util.spec_from_file_location("bashtag_tests_conftest", HERE / "conftest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.SLOW_FILES, module.SLOW_TESTS


def test_every_slow_file_and_test_named_exists():
    files, tests = _slow_lists()
    for relative in files:
        assert (HERE / relative).exists(), f"SLOW_FILES names {relative}, which is not there"
    for relative, names in tests.items():
        tree = ast.parse((HERE / relative).read_text(encoding="utf-8"))
        defined = {n.name for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}
        assert set(names) <= defined, f"{relative}: {sorted(set(names) - defined)} not found"
