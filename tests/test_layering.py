"""Architecture contracts, checked on every run (in the spirit of import-linter):

* the engine and the scenario format never import the UI, the commands or the CLI;
* the engine does no I/O of its own (the scenario and a seed go in, states come out);
* the reader of the player's words (game/words) is as pure as the engine and never imports it
  (the engine imports the reader).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

GAME = Path(__file__).resolve().parents[1] / "game"
FORBIDDEN_EVERYWHERE = ("textual", "rich", "game.ui", "game.commands", "game.cli")
FORBIDDEN_IN_ENGINE = ("sqlite3", "pathlib", "io", "os", "shutil", "tempfile", "socket", "subprocess",
                       "urllib", "requests", "yaml", "platformdirs", "game.sessions")


def imported_modules(path: Path) -> set[str]:
    """Every module ``path`` imports, at any depth of the file (lazy imports included)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "__import__":
            found.add("__import__")
    return found


def breaks(module: str, forbidden: tuple[str, ...]) -> bool:
    return any(module == f or module.startswith(f + ".") for f in forbidden)


def modules_under(folder: str) -> list[Path]:
    return sorted((GAME / folder).rglob("*.py"))


@pytest.mark.parametrize(
    "path", modules_under("engine") + modules_under("scenario") + modules_under("words"), ids=lambda p: p.name
)
def test_engine_and_scenario_never_import_the_interface(path: Path):
    bad = sorted(m for m in imported_modules(path) if breaks(m, FORBIDDEN_EVERYWHERE))
    assert not bad, f"{path.relative_to(GAME.parent)} imports {bad}"


@pytest.mark.parametrize("path", modules_under("engine") + modules_under("words"), ids=lambda p: p.name)
def test_engine_does_no_io(path: Path):
    modules = imported_modules(path)
    bad = sorted(m for m in modules if breaks(m, FORBIDDEN_IN_ENGINE) or m == "__import__")
    assert not bad, f"{path.relative_to(GAME.parent)} imports {bad}"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)]
    assert not [c for c in calls if c.func.id in ("open", "eval", "exec")], f"{path.name} calls open/eval/exec"


@pytest.mark.parametrize("path", modules_under("words"), ids=lambda p: p.name)
def test_the_reader_never_imports_the_engine(path: Path):
    bad = sorted(m for m in imported_modules(path) if breaks(m, ("game.engine", "game.sessions", "numpy", "random")))
    assert not bad, f"{path.relative_to(GAME.parent)} imports {bad}"


def test_the_contract_sees_the_packages():
    assert modules_under("engine") and modules_under("scenario") and modules_under("words")
