"""The workshop's seams: SQLite lives in store.py alone (so another database could replace it), the
shared state and the team link never need Textual, and the engine never knows about workshops."""

from __future__ import annotations

import ast
from pathlib import Path

GAME = Path(__file__).resolve().parents[2] / "game"


def imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def test_only_the_store_module_talks_to_sqlite():
    users = sorted(str(p.relative_to(GAME)) for p in GAME.rglob("*.py") if "sqlite3" in imports(p))
    assert users == ["workshop/store.py"]


def test_store_codes_link_and_report_need_no_textual():
    for name in ("store.py", "codes.py", "link.py", "joining.py", "report.py"):
        bad = [m for m in imports(GAME / "workshop" / name) if m.split(".")[0] in ("textual", "rich")]
        assert not bad, f"{name} imports {bad}"


def test_the_engine_never_imports_the_workshop():
    for path in (GAME / "engine").rglob("*.py"):
        assert not [m for m in imports(path) if m.startswith("game.workshop")], path.name


def test_the_game_ui_knows_nothing_of_the_workshop():
    """A workshop team's app and play screen extend the game's (game/workshop/team_app.py, team_play.py):
    no name, attribute or import in game/ui/ says "workshop" (issue 20 item 4: no duck typing)."""
    found = []
    for path in (GAME / "ui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Name):
                names = [node.id]
            elif isinstance(node, ast.Attribute):
                names = [node.attr]
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names = [node.name]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""] + [alias.name for alias in node.names]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value) < 40:
                names = [node.value]  # getattr(app, "workshop_link") was the old way in
            found += [f"{path.relative_to(GAME)}:{node.lineno}: {n}" for n in names if "workshop" in n.lower()]
    assert not found, found


def test_a_team_plays_in_a_subclass_of_the_games_app_and_play_screen():
    from game.ui.app import BashtagApp
    from game.ui.screens.play import PlayScreen
    from game.workshop.team_app import WorkshopTeamApp
    from game.workshop.team_play import TeamPlayScreen

    assert issubclass(WorkshopTeamApp, BashtagApp) and issubclass(TeamPlayScreen, PlayScreen)
