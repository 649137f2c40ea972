"""The scenarios the title screen offers, read through ``game.scenario.library``.

The list is read from each file's top-level keys (fast, no full validation); the full scenario is
loaded only when the player picks one.

What the title screen and the briefing read from a file's head is kept in a small cache
(``heads.json`` in the user's cache folder, or ``$BASHTAG_DATA_DIR/cache/``): the next start draws
them without importing the YAML reader (12 ms) or reading the files (5 ms for the ten built-ins), in
front of the first frame (issue 21).  An entry was written from what the guarded reader read, and is
used only while the file is the very same one: the same path, inode, size, modification *and* change
time to the nanosecond (the change time cannot be set back; any write moves it), and a file changed
in the last two seconds is not cached at all (its times could still be those of a write to come).  Whatever the cache
holds is still only shown literally and checked like a fresh read (``briefing_facts``), and the game
itself is always built from the file read in full.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import time
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


_CACHE_VERSION = 1
_CACHE_MAX_BYTES = 1_000_000
# A file changed less than this long ago is not cached: file times move by clock ticks of a few
# milliseconds, so a file written again within the tick of our read would keep its times ("racy git").
_SETTLED_NS = 2_000_000_000
_NOT_KEPT = object()  # a value the cache cannot hold exactly (the head is then not cached)


def _cache_file() -> Path:
    override = os.environ.get("BASHTAG_DATA_DIR")
    if override:
        return Path(override).expanduser() / "cache" / "heads.json"
    import platformdirs

    return Path(platformdirs.user_cache_dir("bashtag", appauthor=False)) / "heads.json"


def _signature(path: Path) -> list[int]:
    """What must not change for a cached head to stand for the file."""
    st = path.stat()
    return [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev]


def _encode(value):
    """``value`` (plain data from the YAML reader) as JSON, dates as ``{"$date": ...}``; ``_NOT_KEPT``
    for anything JSON would not give back exactly (a timestamp, a non-text key...)."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if type(value) is dt.date:
        return {"$date": value.isoformat()}
    if isinstance(value, list):
        items = [_encode(item) for item in value]
        return _NOT_KEPT if any(item is _NOT_KEPT for item in items) else items
    if isinstance(value, dict):
        if not all(isinstance(key, str) for key in value) or "$date" in value:
            return _NOT_KEPT
        items = {key: _encode(item) for key, item in value.items()}
        return _NOT_KEPT if any(item is _NOT_KEPT for item in items.values()) else items
    return _NOT_KEPT


def _decode(value):
    if isinstance(value, list):
        return [_decode(item) for item in value]
    if isinstance(value, dict):
        if set(value) == {"$date"}:
            return dt.date.fromisoformat(value["$date"])
        return {key: _decode(item) for key, item in value.items()}
    return value


class _HeadCache:
    """The heads read before (see the module's docstring); every failure is a miss, never an error."""

    def __init__(self) -> None:
        self.entries: dict | None = None

    def _load(self) -> dict:
        if self.entries is None:
            self.entries = {}
            try:
                file = _cache_file()
                if file.stat().st_size <= _CACHE_MAX_BYTES:
                    import json

                    data = json.loads(file.read_bytes())
                    if isinstance(data, dict) and data.get("version") == _CACHE_VERSION:
                        entries = data.get("entries")
                        self.entries = entries if isinstance(entries, dict) else {}
            except (OSError, ValueError, RecursionError):
                pass
        return self.entries

    @staticmethod
    def _key(path: Path, keys: set[str]) -> str:
        return f"{os.path.abspath(path)}\0{','.join(sorted(keys))}"

    def get(self, path: Path, keys: set[str]) -> dict | None:
        try:
            entry = self._load().get(self._key(path, keys))
            if not isinstance(entry, dict) or entry.get("signature") != _signature(path):
                return None
            data = _decode(entry.get("data"))
        except (OSError, ValueError, TypeError, AttributeError, RecursionError):
            return None
        return data if isinstance(data, dict) and keys <= data.keys() else None

    def put(self, path: Path, keys: set[str], data: dict, signature: list[int]) -> None:
        """Keep ``data``, read from ``path`` when it had ``signature`` (taken before reading: a file
        changed meanwhile has another one by the next start, so its entry is never used)."""
        try:
            encoded = _encode(data)
            if encoded is _NOT_KEPT or time.time_ns() - max(signature[1], signature[2]) < _SETTLED_NS:
                return
            import json

            entries = self._load()
            key = self._key(path, keys)
            entries[key] = {"signature": signature, "data": encoded}
            # Files deleted or moved since leave their entries behind: drop them, so the cache holds
            # the files a player has, not every file they ever opened.
            for gone in [k for k in entries if k != key and not os.path.exists(k.split("\0", 1)[0])]:
                del entries[gone]
            file = _cache_file()
            file.parent.mkdir(parents=True, exist_ok=True)
            text = json.dumps({"version": _CACHE_VERSION, "entries": entries}, ensure_ascii=True)
            if len(text) > _CACHE_MAX_BYTES:  # still too big: start again from this entry
                entries.clear()
                entries[key] = {"signature": signature, "data": encoded}
                text = json.dumps({"version": _CACHE_VERSION, "entries": entries}, ensure_ascii=True)
                if len(text) > _CACHE_MAX_BYTES:
                    return
            partial = file.with_name(f"{file.name}.{os.getpid()}.tmp")
            try:
                partial.write_text(text, encoding="ascii")
                os.replace(partial, file)  # whole or not at all, even with two games starting at once
            except OSError:
                partial.unlink(missing_ok=True)  # a full disk leaves no half-written file behind
                raise
        except (OSError, ValueError, RecursionError):
            pass


_HEADS = _HeadCache()


def read_head(path: Path, keys: set[str]) -> dict | None:
    """The file's top-level ``keys``, reading only the head of the file that holds them.

    Scenario files open with their short keys (id, title, role, organisation, clock, campaign) and
    go on with hundreds of posts and templates; the title screen and the briefing need only the
    short ones, and reading all of every file cost most of their first frame (issue 21).  The text
    is cut before the first top-level key after every wanted one was seen, and read by the same
    guarded reader; if a key is not there, or the head does not read cleanly, the whole file is read.
    ``None`` when the file cannot be read as a mapping at all.  A head read cleanly before from the
    very same file comes from the cache (see the module's docstring).
    """
    cached = _HEADS.get(path, keys)
    if cached is not None:
        return cached
    from game.scenario.loader import read_data

    signature = _signature(path)
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
            _HEADS.put(path, keys, data, signature)
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
