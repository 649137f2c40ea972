"""Sessions and reports are libraries under the commands and the UI: they never import those."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

GAME = Path(__file__).resolve().parents[2] / "game"
FORBIDDEN = ("textual", "rich", "game.ui", "game.commands", "game.cli")


def imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


@pytest.mark.parametrize("path", sorted((GAME / "sessions").glob("*.py")) + sorted((GAME / "reports").glob("*.py")),
                         ids=lambda p: f"{p.parent.name}/{p.name}")
def test_sessions_and_reports_never_import_the_interface(path):
    bad = [m for m in imports(path) if any(m == f or m.startswith(f + ".") for f in FORBIDDEN)]
    assert not bad, f"{path.name} imports {bad}"
