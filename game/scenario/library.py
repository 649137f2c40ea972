"""The built-in scenarios and how a name on the command line becomes a scenario file.

Built-ins live in the top-level ``scenarios/`` folder and ship in the wheel as the package
``game.builtin_scenarios`` (see pyproject.toml).  From a checkout the local ``game`` package shadows
that mapping, so we fall back to ``scenarios/`` beside the ``game`` folder.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from game.scenario.problems import Problem, ScenarioError

if TYPE_CHECKING:  # the models (pydantic) load only when a scenario is loaded, not to list them
    from game.scenario.models import Scenario

# The YAML reader (PyYAML and libyaml, 12 ms to import) is imported where a file is read, not here:
# the title screen and the briefing can be drawn from heads read before (game.ui.catalogue), and
# finding a built-in's folder needs no reader (issue 21).


class LibraryError(ScenarioError):
    """A name that is neither a scenario file nor a built-in id (a kind of ScenarioError)."""


@dataclass(frozen=True)
class ScenarioInfo:
    """What the scenario list shows, read from a file's top-level keys (no full validation)."""

    id: str
    title: str
    year: int | None
    difficulty: str
    summary: str
    path: Path

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "title": self.title,
            "year": self.year,
            "difficulty": self.difficulty,
            "summary": self.summary,
            "path": str(self.path),
        }


def builtin_dir() -> Path | None:
    """The folder holding the built-in scenario files."""
    try:
        from importlib.resources import files

        folder = files("game.builtin_scenarios")
        # A folder without __init__.py is a namespace package: files() gives a MultiplexedPath,
        # whose str() is not a path, so find the folder through one of its files.
        for entry in folder.iterdir():
            if entry.name.endswith(".yaml"):
                return Path(str(entry)).parent
    except (ModuleNotFoundError, TypeError, ValueError):
        pass
    import game

    checkout = Path(game.__file__).resolve().parent.parent / "scenarios"
    return checkout if checkout.is_dir() else None


def builtin_files() -> list[Path]:
    folder = builtin_dir()
    return sorted(folder.glob("*.yaml")) if folder else []


def _info(path: Path) -> ScenarioInfo:
    from game.scenario.loader import read_data

    data, _, _ = read_data(path)
    data = data if isinstance(data, dict) else {}

    def text(key: str, default: str = "") -> str:
        value = data.get(key)
        return value if isinstance(value, str) else default

    date = data.get("date")  # the text written ("2013-11-13"): the loader keeps dates as text
    found = re.match(r"(\d{4})-", date) if isinstance(date, str) else None
    year = int(found.group(1)) if found else (date.year if isinstance(date, dt.date) else None)
    ident = text("id", path.stem)
    return ScenarioInfo(
        id=ident,
        title=text("title", ident),
        year=year,
        difficulty=text("difficulty", "?"),
        summary=text("summary"),
        path=path,
    )


def builtin_scenarios() -> list[ScenarioInfo]:
    """The built-in scenarios, easiest first (then by id)."""
    order = {"easy": 0, "medium": 1, "hard": 2}
    infos = [_info(path) for path in builtin_files()]
    return sorted(infos, key=lambda info: (order.get(info.difficulty, 3), info.id))


def resolve(name_or_path: str | Path) -> Path:
    """A scenario file: an existing path, or the id (or file stem) of a built-in scenario.

    Raises :class:`LibraryError` (a :class:`ScenarioError`) with one problem listing the built-in
    ids when neither fits.
    """
    path = Path(name_or_path)
    if path.is_file():
        return path
    name = str(name_or_path)
    if "/" not in name and "\\" not in name:
        for info in builtin_scenarios():
            if name in (info.id, info.path.stem):
                return info.path
    known = ", ".join(info.id for info in builtin_scenarios()) or "none installed"
    if path.exists():
        message = "is not a file"
    elif name.endswith((".yaml", ".yml")) or "/" in name:
        message = "file not found"
    else:
        message = f"no such file or built-in scenario (built-in: {known})"
    raise LibraryError([Problem(name, None, None, "", message)])


def load(name_or_path: str | Path) -> Scenario:
    """Resolve and load a scenario; raises :class:`ScenarioError`."""
    from game.scenario.loader import load_scenario

    return load_scenario(resolve(name_or_path))
