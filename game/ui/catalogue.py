"""The scenarios the title screen offers, read through ``game.scenario.library``.

The list is read from each file's top-level keys (fast, no full validation); the full scenario is
loaded only when the player picks one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from game.scenario import library

if TYPE_CHECKING:  # pydantic's models load when a scenario is picked, not to draw the title screen
    from game.scenario.models import Scenario


@dataclass(frozen=True)
class Entry:
    """One line of the title screen's scenario list."""

    id: str
    title: str
    year: int | None
    difficulty: str
    summary: str
    load: Callable[[], Scenario]
    path: Path | None = None  # the file, for the briefing's quick read (briefing_facts)


_TOP_KEY = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*):(?:\s|$)")


def read_head(path: Path, keys: set[str]) -> dict | None:
    """The file's top-level ``keys``, reading only the head of the file that holds them.

    Scenario files open with their short keys (id, title, role, organisation, clock, campaign) and
    go on with hundreds of posts and templates; the title screen and the briefing need only the
    short ones, and reading all of every file cost most of their first frame (issue 21).  The text
    is cut before the first top-level key after every wanted one was seen, and read by the same
    guarded reader; if a key is not there, or the head does not read cleanly, the whole file is read.
    ``None`` when the file cannot be read as a mapping at all.
    """
    from game.scenario.loader import read_data

    text = path.read_bytes()
    seen: set[str] = set()
    cut = len(text)
    offset = 0
    for line in text.splitlines(keepends=True):
        found = _TOP_KEY.match(line.decode("utf-8", "replace"))
        if found:
            if keys <= seen:
                cut = offset
                break
            seen.add(found.group(1))
        offset += len(line)
    for source in (text[:cut], text) if cut < len(text) else (text,):
        data, _, problems = read_data(source, str(path))
        if isinstance(data, dict) and not any(p.is_error for p in problems) and keys <= data.keys():
            return data
    return data if isinstance(data, dict) else None


def load(name: str) -> Scenario:
    """A scenario by built-in id or path. Raises ScenarioError (its message is fit to print)."""
    return library.load(name)


LIST_KEYS = {"id", "title", "date", "difficulty", "summary"}


def _info(path: Path) -> library.ScenarioInfo:
    """``library``'s ScenarioInfo read from the file's head only (tests check both agree)."""
    data = read_head(path, LIST_KEYS) or {}

    def text(key: str, default: str = "") -> str:
        value = data.get(key)
        return value if isinstance(value, str) else default

    date = data.get("date")
    found = re.match(r"(\d{4})-", date) if isinstance(date, str) else None
    year = int(found.group(1)) if found else (date.year if isinstance(date, dt.date) else None)
    ident = text("id", path.stem)
    return library.ScenarioInfo(
        id=ident,
        title=text("title", ident),
        year=year,
        difficulty=text("difficulty", "?"),
        summary=text("summary"),
        path=path,
    )


def builtin() -> list[Entry]:
    """The built-in scenarios, easiest first (then by id), as ``library.builtin_scenarios`` orders them."""
    order = {"easy": 0, "medium": 1, "hard": 2}
    infos = sorted(
        (_info(path) for path in library.builtin_files()), key=lambda info: (order.get(info.difficulty, 3), info.id)
    )
    return [
        Entry(
            info.id,
            info.title,
            info.year,
            info.difficulty,
            info.summary,
            lambda path=info.path: library.load(path),
            info.path,
        )
        for info in infos
    ]
