"""The session log: one JSON object a line, appended as the game is played (format in docs/sessions.md).

    {"t": "header", "format": 1, "bashtag": "0.3.0", "scenario_id": "askjpm", ...}
    {"t": "action", "turn": 3, "action": {"kind": "reply", "post_id": "p12", "tone": "empathetic"}}
    {"t": "end_turn", "turn": 3, "reputation": 41.2, "total_posts": 812, "outcome": null}

The engine is deterministic, so this log *is* the game: replaying it through a fresh ``Game`` gives it
back bit for bit.  Every turn's end is flushed and fsynced, so ``kill -9`` loses at most the turn being
played; action lines are flushed (not synced) and are replayed too when they are complete.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from game.sessions import store
from game.sessions.errors import SessionError

FORMAT = 1  # bump when a reader of this version could misread a new log
KINDS = ("header", "action", "end_turn")


def sha256_of(path: str | os.PathLike) -> str:
    """The scenario's content hash: sha256 of the file's bytes."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def dumps(entry: dict) -> str:
    """One log line (no newline): compact, keys in a stable order, non-ASCII kept readable."""
    return json.dumps(entry, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


@dataclass(frozen=True)
class SessionInfo:
    """What a log's header says, with where the log is and how far it got."""

    id: str
    path: Path
    format: int
    bashtag: str
    scenario_id: str
    scenario_sha256: str
    scenario_ref: str  # the built-in id or the path the game was started from
    seed: int
    created: str  # ISO 8601, local time with offset
    team: str | None = None
    workshop: str | None = None
    turn: int = 1  # the turn being played (turns_total + 1 once over)
    turns_played: int = 0
    reputation: float | None = None
    total_posts: int | None = None
    outcome: str | None = None
    extra: dict = field(default_factory=dict)
    valid_bytes: int | None = None  # after a restore: the log is consistent up to this byte

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "path": str(self.path),
            "format": self.format,
            "bashtag": self.bashtag,
            "scenario_id": self.scenario_id,
            "scenario_ref": self.scenario_ref,
            "scenario_sha256": self.scenario_sha256,
            "seed": self.seed,
            "created": self.created,
            "team": self.team,
            "workshop": self.workshop,
            "turns_played": self.turns_played,
            "reputation": self.reputation,
            "total_posts": self.total_posts,
            "outcome": self.outcome,
            "finished": self.outcome is not None,
        }


def header_info(header: dict, path: Path) -> SessionInfo:
    """Check a header line and read it; raises SessionError in plain words."""
    from game import __version__

    if not isinstance(header, dict) or header.get("t") != "header":
        raise SessionError(f"{path.name} is not a Bashtag session log (its first line is not a header)")
    fmt = header.get("format")
    if not isinstance(fmt, int) or isinstance(fmt, bool):
        raise SessionError(f"{path.name}: the header has no valid format number")
    written_by = header.get("bashtag")
    if fmt > FORMAT:
        raise SessionError(
            f"{path.name} was written by Bashtag {written_by} in log format {fmt}; this is "
            f"Bashtag {__version__}, which reads format {FORMAT} and older. Update Bashtag to open it."
        )
    if isinstance(written_by, str) and _version(written_by) > _version(__version__):
        raise SessionError(
            f"{path.name} was written by a newer Bashtag ({written_by}; this is {__version__}). "
            "Update Bashtag to open it."
        )
    problems = []
    for key, kind in (
        ("scenario_id", str),
        ("scenario_sha256", str),
        ("scenario_ref", str),
        ("seed", int),
        ("created", str),
    ):
        value = header.get(key)
        if not isinstance(value, kind) or isinstance(value, bool):
            problems.append(key)
    if problems:
        raise SessionError(f"{path.name}: the header is damaged (missing or wrong: {', '.join(problems)})")
    known = {
        "t",
        "format",
        "bashtag",
        "scenario_id",
        "scenario_sha256",
        "scenario_ref",
        "seed",
        "created",
        "team",
        "workshop",
    }
    return SessionInfo(
        id=store.session_id(path),
        path=path,
        format=fmt,
        bashtag=str(written_by),
        scenario_id=header["scenario_id"],
        scenario_sha256=header["scenario_sha256"],
        scenario_ref=header["scenario_ref"],
        seed=header["seed"],
        created=header["created"],
        team=_text(header.get("team")),
        workshop=_text(header.get("workshop")),
        extra={k: v for k, v in header.items() if k not in known},
    )


def _text(value) -> str | None:
    return value if isinstance(value, str) else None


def _version(text: str) -> tuple[int, ...]:
    parts = []
    for piece in text.split("."):
        digits = "".join(ch for ch in piece if ch.isdigit())
        if not digits:
            break
        parts.append(int(digits))
        if digits != piece:
            break
    return tuple(parts)


class Recorder:
    """Appends a game to its session log as it is played.

    The UI's controller calls it through ``on_action``/``on_end_turn`` (the ``GameListener`` protocol
    of ``game.engine.controller``), or directly through ``record_action``/``record_end_turn``.
    """

    def __init__(self, path: Path, handle: IO[str]):
        self.path = path
        self._handle = handle
        # A full disk must not crash a game in a workshop: the first write error is kept here (a
        # sentence the UI can show) and recording stops; the game itself goes on.
        self.problem: str | None = None

    @property
    def id(self) -> str:
        return store.session_id(self.path)

    @classmethod
    def start(
        cls,
        scenario_ref: str,
        scenario_path: str | os.PathLike,
        seed: int,
        *,
        scenario_id: str | None = None,
        team: str | None = None,
        workshop: str | None = None,
        folder: Path | None = None,
        now: dt.datetime | None = None,
    ) -> Recorder:
        """A new log for a new game. ``scenario_ref`` is what the player chose (a built-in id or a path);
        ``scenario_path`` the file it resolved to (hashed, so a later change of the file is noticed)."""
        from game import __version__

        scenario_path = Path(scenario_path)
        if not scenario_ref or (
            "/" in scenario_ref or os.sep in scenario_ref or scenario_ref.endswith((".yaml", ".yml"))
        ):
            scenario_ref = str(scenario_path.resolve())  # a path: keep it absolute so it is found again
        now = now or dt.datetime.now().astimezone()
        scenario_id = scenario_id or scenario_path.stem
        folder = folder or store.sessions_dir(create=True)
        folder.mkdir(parents=True, exist_ok=True)
        safe = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in scenario_id)[:40] or "game"
        name = f"{now:%Y%m%d-%H%M%S}-{safe}-{secrets.token_hex(2)}{store.SUFFIX}"
        path = folder / name
        header = {
            "t": "header",
            "format": FORMAT,
            "bashtag": __version__,
            "scenario_id": scenario_id,
            "scenario_sha256": sha256_of(scenario_path),
            "scenario_ref": scenario_ref,
            "seed": int(seed),
            "created": now.isoformat(timespec="seconds"),
        }
        if team:
            header["team"] = team
        if workshop:
            header["workshop"] = workshop
        handle = open(path, "x", encoding="utf-8", newline="\n")
        recorder = cls(path, handle)
        recorder._write(header, sync=True)
        return recorder

    @classmethod
    def start_for(cls, scenario_ref: str, scenario, seed: int, **extra) -> Recorder:
        """``start`` for a scenario already loaded from ``scenario_ref`` (a built-in id or a path), as the
        UI has it. Raises SessionError if the log cannot be created."""
        from game.scenario.library import LibraryError, resolve

        try:
            path = resolve(scenario_ref)
            return cls.start(scenario_ref, path, seed, scenario_id=scenario.id, **extra)
        except LibraryError as error:
            raise SessionError(f"cannot record this game: {error}") from None
        except OSError as error:
            raise SessionError(f"cannot record this game: {error.strerror or error}") from None

    @classmethod
    def reopen(cls, info: SessionInfo, valid_bytes: int | None = None) -> Recorder:
        """Carry on recording a game restored by ``resume``: cut what could not be restored (a truncated
        or inconsistent tail, kept in ``<id>.jsonl.bak``), then append."""
        path = Path(info.path)
        size = path.stat().st_size
        valid_bytes = valid_bytes if valid_bytes is not None else info.valid_bytes
        if valid_bytes is None:
            raise SessionError("restore the game before recording more of it")
        if valid_bytes < size:
            backup = path.with_name(path.name + ".bak")
            backup.write_bytes(path.read_bytes())
            with open(path, "r+b") as raw:
                raw.truncate(valid_bytes)
                raw.flush()
                os.fsync(raw.fileno())
        return cls(path, open(path, "a", encoding="utf-8", newline="\n"))

    def record_action(self, turn: int, action) -> None:
        from game.engine.actions import action_to_dict

        self._write({"t": "action", "turn": int(turn), "action": action_to_dict(action)}, sync=False)

    def record_end_turn(self, state) -> None:
        """After ``game.end_turn()``: ``state`` is the new ``game.state``; its last record is the turn that ended."""
        ended = state.history[-1].turn if state.history else state.turn - 1
        self._write(
            {
                "t": "end_turn",
                "turn": ended,
                "reputation": state.reputation,
                "total_posts": state.total_posts,
                "outcome": state.ending.outcome if state.ending else None,
            },
            sync=True,
        )

    # GameListener (game.engine.controller): the controller calls these after the engine accepted the step.
    def on_action(self, game, action, changes) -> None:
        self.record_action(game.state.turn, action)

    def on_end_turn(self, game, report) -> None:
        self.record_end_turn(game.state)

    def close(self) -> None:
        """Flush and close the log; never raises (the app calls it while quitting)."""
        if self._handle.closed:
            return
        try:
            self._handle.flush()
            os.fsync(self._handle.fileno())
        except OSError as error:
            self._note(error)
        try:
            # Closing flushes the buffer again: on a full disk the line a failed write left there is
            # refused a second time.  The handle is closed all the same; the error is only noted.
            self._handle.close()
        except OSError as error:
            self._note(error)

    def _note(self, error: OSError) -> None:
        if self.problem is None:
            self.problem = (
                f"the end of the game could not be saved ({error.strerror or error}). The log so far is {self.path}"
            )

    def __enter__(self) -> Recorder:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _write(self, entry: dict, sync: bool) -> None:
        if self.problem:
            return
        if self._handle.closed:
            raise SessionError(f"the session log {self.path.name} is closed")
        try:
            self._handle.write(dumps(entry) + "\n")
            self._handle.flush()
            if sync:
                os.fsync(self._handle.fileno())
        except OSError as error:
            self.problem = (
                f"the game can no longer be saved ({error.strerror or error}); it goes on, but a "
                f"crash from now on would lose it. The log so far is {self.path}"
            )
