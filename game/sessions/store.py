"""Where saved games live and how a name on the command line (an id, a path, ``latest``) finds one.

Sessions are kept in ``platformdirs.user_data_dir("bashtag")/sessions/`` (XDG on Linux, the usual
place on macOS and Windows); ``BASHTAG_DATA_DIR`` replaces the data directory (tests use it).
A session is ``<id>.jsonl``; an imported one may carry its scenario beside it as
``<id>.scenario.yaml``.
"""

from __future__ import annotations

import os
from pathlib import Path

from game.sessions.errors import SessionError

SUFFIX = ".jsonl"
SCENARIO_SUFFIX = ".scenario.yaml"


def data_dir() -> Path:
    """Bashtag's data directory: ``$BASHTAG_DATA_DIR`` or the platform's user data directory."""
    override = os.environ.get("BASHTAG_DATA_DIR")
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("bashtag", appauthor=False))


def sessions_dir(create: bool = False) -> Path:
    folder = data_dir() / "sessions"
    if create:
        folder.mkdir(parents=True, exist_ok=True)
    return folder


def session_files() -> list[Path]:
    """Every saved session, oldest first (by name: ids start with their creation time)."""
    folder = sessions_dir()
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*" + SUFFIX) if p.is_file())


def scenario_copy(log_path: Path) -> Path:
    """Where an imported session keeps the scenario it was played with."""
    return (
        log_path.with_name(log_path.name[: -len(SUFFIX)] + SCENARIO_SUFFIX)
        if log_path.name.endswith(SUFFIX)
        else log_path.with_suffix(SCENARIO_SUFFIX)
    )


def session_id(path: Path) -> str:
    return path.name[: -len(SUFFIX)] if path.name.endswith(SUFFIX) else path.stem


def find(ref: str | os.PathLike) -> Path:
    """A session log from ``latest``, an id (or a unique start of one), or a path."""
    text = str(ref)
    if text == "latest":
        files = session_files()
        if not files:
            raise SessionError(f"no saved games yet (looked in {sessions_dir()})")
        return max(files, key=lambda p: (p.stat().st_mtime, p.name))
    path = Path(text).expanduser()
    if path.is_file():
        return path
    if "/" not in text and os.sep not in text:
        files = session_files()
        exact = [p for p in files if session_id(p) == text]
        if exact:
            return exact[0]
        partial = [p for p in files if session_id(p).startswith(text)]
        if len(partial) == 1:
            return partial[0]
        if len(partial) > 1:
            raise SessionError(
                f"{text!r} matches {len(partial)} saved games; give more of the id (see `bashtag sessions`)"
            )
    raise SessionError(f"no saved game {text!r} (see `bashtag sessions`)")
