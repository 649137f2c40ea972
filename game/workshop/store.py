"""The workshop's shared state: one SQLite file in the data directory, behind a narrow API.

Teams' processes (terminals, SSH sessions, textual-serve's one process per browser tab) write to it
concurrently and the dashboard reads it; there is no server to install.  Everything else in the
workshop package talks to :class:`WorkshopStore` only, so another database could replace this module.

Concurrency: WAL mode (readers never block the writer), a busy timeout, and every write in a short
``BEGIN IMMEDIATE`` transaction retried on SQLITE_BUSY, so two teams ending a turn at the same
instant both land.  The store holds figures for the dashboard and the facilitator's commands; the
games themselves live in each team's session log (the store only knows where it is).
Codes are stored as hashes only (see codes.py).
"""

from __future__ import annotations

import datetime as dt
import json
import random
import secrets
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from game.workshop import codes

FILENAME = "workshops.sqlite3"
BUSY_TIMEOUT_MS = 5000
RETRIES = 20
T = TypeVar("T")

SCHEMA = """
CREATE TABLE IF NOT EXISTS workshops (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, scenario_ref TEXT NOT NULL, scenario_id TEXT NOT NULL,
    scenario_sha256 TEXT NOT NULL, seed INTEGER NOT NULL, lockstep INTEGER NOT NULL DEFAULT 0,
    open_turn INTEGER NOT NULL DEFAULT 1, paused INTEGER NOT NULL DEFAULT 0, ended INTEGER NOT NULL DEFAULT 0,
    facilitator_hash TEXT NOT NULL UNIQUE, created TEXT NOT NULL, timer_seconds INTEGER NOT NULL DEFAULT 0,
    timer_deadline REAL, timer_left REAL);
CREATE TABLE IF NOT EXISTS teams (
    id INTEGER PRIMARY KEY AUTOINCREMENT, workshop TEXT NOT NULL REFERENCES workshops(id), name TEXT NOT NULL,
    code_hash TEXT NOT NULL UNIQUE, session_path TEXT, turn INTEGER NOT NULL DEFAULT 1, turns_total INTEGER,
    sim_time TEXT, reputation REAL, press REAL, virality REAL, total_posts INTEGER NOT NULL DEFAULT 0,
    outcome TEXT, last_actions TEXT NOT NULL DEFAULT '[]', waiting INTEGER NOT NULL DEFAULT 0,
    updated TEXT, UNIQUE (workshop, name));
CREATE TABLE IF NOT EXISTS injects (
    id INTEGER PRIMARY KEY AUTOINCREMENT, workshop TEXT NOT NULL REFERENCES workshops(id),
    team INTEGER NOT NULL REFERENCES teams(id), inject_id TEXT, headline TEXT, text TEXT,
    created TEXT NOT NULL, delivered INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS injects_pending ON injects (team, delivered);
CREATE TABLE IF NOT EXISTS scores (
    workshop TEXT NOT NULL REFERENCES workshops(id), team INTEGER NOT NULL REFERENCES teams(id),
    objective TEXT NOT NULL, level INTEGER NOT NULL, updated TEXT NOT NULL, PRIMARY KEY (team, objective));
CREATE TABLE IF NOT EXISTS observations (
    id INTEGER PRIMARY KEY AUTOINCREMENT, workshop TEXT NOT NULL REFERENCES workshops(id),
    team INTEGER NOT NULL REFERENCES teams(id), turn INTEGER NOT NULL, text TEXT NOT NULL, created TEXT NOT NULL);
"""
# Columns added after the first release: (table, column, declaration) for stores made before them.
ADDED_COLUMNS = (
    ("workshops", "timer_seconds", "INTEGER NOT NULL DEFAULT 0"),
    ("workshops", "timer_deadline", "REAL"),
    ("workshops", "timer_left", "REAL"),
    ("injects", "deliver_after", "REAL"),  # epoch seconds: held until then (the facilitator may undo)
    ("injects", "batch", "TEXT"),  # one send to one or several teams
    ("injects", "at_turn", "INTEGER"),  # scheduled: delivered when the team reaches this turn
    ("teams", "joined", "TEXT"),  # when a process first joined with the team's code
    ("teams", "seen", "REAL"),  # epoch seconds of the team window's last sign of life
    ("teams", "history", "TEXT NOT NULL DEFAULT '[]'"),  # [[reputation, posts], …] per turn played
    ("injects", "answered", "TEXT"),  # the team's action that answered it ("turn 5: …"), per answered_by
    ("teams", "reactions", "TEXT"),  # [likes, dislikes] so far, on a video platform (NULL on a microblog)
)
# A team window that has given no sign of life for this long is shown as offline (it polls every second
# and says it is alive every few seconds).
OFFLINE_AFTER = 15.0
HEARTBEAT_EVERY = 5.0


class WorkshopError(Exception):
    """A sentence to show as it is: a wrong code, an ended workshop, an unknown id."""


class StoreUnwritable(WorkshopError):
    """The workshop store cannot be opened or written (a read-only data folder, a full disk): says where."""

    def __init__(self, path: Path, error: BaseException):
        reason = getattr(error, "strerror", None) or str(error)
        super().__init__(
            f"cannot write the workshop store {path} ({reason}): the data folder {path.parent} must be "
            "writable by this user — or set BASHTAG_DATA_DIR to a folder that is"
        )
        self.path = path


def _create_private(path: Path) -> None:
    """Create the store readable and writable by its owner only (SQLite gives its -wal and -shm files the
    same mode): teams logged in as other users must not read every team's figures.  An existing store
    owned by this user is tightened the same way."""
    import os

    try:
        fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
    except FileExistsError:
        return
    try:
        info = os.fstat(fd)
        if info.st_uid == getattr(os, "getuid", lambda: -1)() and info.st_mode & 0o077:
            os.fchmod(fd, 0o600)
    finally:
        os.close(fd)


@dataclass(frozen=True)
class Workshop:
    id: str
    name: str
    scenario_ref: str
    scenario_id: str
    scenario_sha256: str
    seed: int
    lockstep: bool
    open_turn: int  # in lockstep, teams may play up to this turn (they cannot end it)
    paused: bool
    ended: bool
    created: str
    # The turn timer (lockstep): seconds per turn (0: off); while it runs, the wall-clock instant (epoch
    # seconds, shared by every process) it opens the next turn; while paused, the seconds it had left.
    timer_seconds: int = 0
    timer_deadline: float | None = None
    timer_left: float | None = None

    def timer_remaining(self, now: float | None = None) -> float | None:
        """Seconds until the timer opens the next turn (0: run out, waiting for the leading team); None: off."""
        if not self.timer_seconds:
            return None
        if self.timer_deadline is None:
            return self.timer_left
        return max(0.0, self.timer_deadline - (time.time() if now is None else now))


@dataclass(frozen=True)
class Team:
    id: int
    workshop: str
    name: str
    session_path: str | None
    turn: int
    turns_total: int | None
    sim_time: str | None
    reputation: float | None
    press: float | None
    virality: float | None
    total_posts: int
    outcome: str | None
    last_actions: tuple[str, ...]
    waiting: bool
    updated: str | None
    joined: str | None = None
    seen: float | None = None
    history: tuple[tuple[float, int], ...] = ()  # (reputation, posts) at the end of each turn played
    reactions: tuple[int, int] | None = None  # (likes, dislikes) so far, on a video platform

    def online(self, now: float | None = None) -> bool:
        """Whether the team's window showed a sign of life lately (a closed browser tab stops them)."""
        return self.seen is not None and (time.time() if now is None else now) - self.seen < OFFLINE_AFTER


@dataclass(frozen=True)
class ObservationNote:
    """A facilitator's note about a team at the turn it was on."""

    team: str
    turn: int
    text: str
    created: str


@dataclass(frozen=True)
class PendingInject:
    id: int
    team: int
    inject_id: str | None
    headline: str | None
    text: str | None


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def default_path() -> Path:
    from game.sessions.store import data_dir

    return data_dir() / FILENAME


class WorkshopStore:
    """Every read and write of workshop state.  One instance per process (it holds a connection)."""

    def __init__(self, path: Path | None = None):
        self.path = Path(path) if path else default_path()
        self._db: sqlite3.Connection | None = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            _create_private(self.path)
            self._db = sqlite3.connect(
                self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
            )
            self._db.row_factory = sqlite3.Row
            self._db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            self._retry(lambda: self._db.execute("PRAGMA journal_mode=WAL"))
            self._db.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: durable at checkpoints, never corrupt
            self._write(lambda db: db.executescript(SCHEMA) and None, script=True)
            self._add_missing_columns()
        except (OSError, sqlite3.Error) as error:
            if self._db is not None:
                self._db.close()
            raise StoreUnwritable(self.path, error) from None

    def _add_missing_columns(self) -> None:
        for table, column, declaration in ADDED_COLUMNS:
            present = {row[1] for row in self._read(f"PRAGMA table_info({table})")}
            if column not in present:
                try:
                    statement = f"ALTER TABLE {table} ADD COLUMN {column} {declaration}"
                    self._write(lambda db, statement=statement: db.execute(statement))
                except sqlite3.OperationalError as error:  # another process added it first
                    if "duplicate column" not in str(error).lower():
                        raise

    def close(self) -> None:
        self._db.close()

    # ------------------------------------------------------------------------------ plumbing

    def _retry(self, step: Callable[[], T]) -> T:
        for attempt in range(RETRIES):
            try:
                return step()
            except sqlite3.OperationalError as error:
                text = str(error).lower()
                if ("locked" not in text and "busy" not in text) or attempt == RETRIES - 1:
                    raise
                time.sleep(0.01 + random.random() * 0.05 * (attempt + 1))
        raise AssertionError("unreachable")

    def _write(self, body: Callable[[sqlite3.Connection], T], script: bool = False) -> T:
        """Run ``body`` in one IMMEDIATE transaction (retried whole on SQLITE_BUSY)."""

        def attempt() -> T:
            if script:
                return body(self._db)
            self._db.execute("BEGIN IMMEDIATE")
            try:
                result = body(self._db)
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
            return result

        try:
            return self._retry(attempt)
        except sqlite3.OperationalError as error:
            text = str(error).lower()
            if "readonly" in text or "read-only" in text or "unable to open" in text or "disk" in text:
                raise StoreUnwritable(self.path, error) from None
            raise

    def _read(self, sql: str, args=()) -> list[sqlite3.Row]:
        return self._retry(lambda: self._db.execute(sql, args).fetchall())

    # ------------------------------------------------------------------------------ workshops

    def create(
        self,
        *,
        name: str,
        scenario_ref: str,
        scenario_id: str,
        scenario_sha256: str,
        seed: int,
        team_names: list[str],
        lockstep: bool = False,
    ) -> tuple[Workshop, str, list[tuple[str, str]]]:
        """A new workshop: (workshop, facilitator code, [(team name, join code), …]).  The codes are
        returned once and never stored in clear."""
        if not team_names:
            raise WorkshopError("a workshop needs at least one team")
        if len(set(team_names)) != len(team_names):
            raise WorkshopError("two teams have the same name")
        now = dt.datetime.now().astimezone()
        ident = f"{now:%Y%m%d-%H%M}-{secrets.token_hex(2)}"
        facilitator = codes.new_code()
        team_codes = [(team, codes.new_code()) for team in team_names]

        def body(db):
            db.execute(
                "INSERT INTO workshops (id, name, scenario_ref, scenario_id, scenario_sha256, seed, lockstep,"
                " facilitator_hash, created) VALUES (?,?,?,?,?,?,?,?,?)",
                (
                    ident,
                    name,
                    scenario_ref,
                    scenario_id,
                    scenario_sha256,
                    int(seed),
                    int(lockstep),
                    codes.hash_code(facilitator),
                    now.isoformat(timespec="seconds"),
                ),
            )
            for team, code in team_codes:
                db.execute(
                    "INSERT INTO teams (workshop, name, code_hash) VALUES (?,?,?)", (ident, team, codes.hash_code(code))
                )

        self._write(body)
        return self.workshop(ident), facilitator, team_codes

    def workshop(self, ident: str | None = None) -> Workshop:
        """A workshop by id, or the latest one when ``ident`` is None or ``latest``."""
        if ident in (None, "latest"):
            rows = self._read("SELECT * FROM workshops ORDER BY created DESC, rowid DESC LIMIT 1")
            if not rows:
                raise WorkshopError(
                    "there is no workshop yet: create one with `bashtag workshop new SCENARIO --teams N`"
                )
        else:
            rows = self._read("SELECT * FROM workshops WHERE id = ?", (ident,))
            if not rows:
                raise WorkshopError(f"there is no workshop {ident!r} (see `bashtag workshop status`)")
        return _workshop(rows[0])

    def facilitator(self, ident: str | None, code: str) -> Workshop:
        """The workshop ``code`` is the facilitator's code of (any workshop when ``ident`` is None);
        raises WorkshopError otherwise."""
        if ident in (None, "latest"):
            rows = self._read("SELECT * FROM workshops WHERE facilitator_hash = ?", (codes.hash_code(code),))
            if rows and codes.matches(code, rows[0]["facilitator_hash"]):
                return _workshop(rows[0])
            raise WorkshopError("that is not a facilitator's code (teams' codes do not open the dashboard)")
        workshop = self.workshop(ident)
        row = self._read("SELECT facilitator_hash FROM workshops WHERE id = ?", (workshop.id,))[0]
        if not codes.matches(code, row["facilitator_hash"]):
            raise WorkshopError("that is not this workshop's facilitator code")
        return workshop

    def set_open_turn(self, workshop: str, turn: int) -> None:
        self._write(lambda db: db.execute("UPDATE workshops SET open_turn = ? WHERE id = ?", (int(turn), workshop)))

    def open_next_turn(self, workshop: str) -> tuple[int, bool]:
        """Lockstep: let every team end the turn it is on.  Opens at most one turn past the leading team
        (pressing `n` twice, or a timer running out while teams think, never lets a team race ahead).
        Returns (the open turn, whether it moved)."""

        def body(db):
            return _open_next(db, workshop)

        return self._write(body)

    def set_lockstep(self, workshop: str, on: bool) -> int:
        """Switch lockstep on (the leading teams wait at the end of the turn they are on; the others may
        catch up) or off.  Returns the open turn."""

        def body(db):
            leader = _leading_turn(db, workshop)
            db.execute("UPDATE workshops SET lockstep = ?, open_turn = ? WHERE id = ?", (int(on), leader, workshop))
            if not on:
                db.execute(
                    "UPDATE workshops SET timer_seconds = 0, timer_deadline = NULL, timer_left = NULL WHERE id = ?",
                    (workshop,),
                )
            return leader

        return self._write(body)

    def set_paused(self, workshop: str, paused: bool, now: float | None = None) -> None:
        """Pause or resume every team; a running turn timer stops while paused and goes on from where it was."""
        now = time.time() if now is None else now

        def body(db):
            row = db.execute(
                "SELECT paused, timer_seconds, timer_deadline, timer_left FROM workshops WHERE id = ?", (workshop,)
            ).fetchone()
            if row is None or bool(row["paused"]) == paused:
                return
            if paused and row["timer_deadline"] is not None:
                db.execute(
                    "UPDATE workshops SET timer_left = ?, timer_deadline = NULL WHERE id = ?",
                    (max(0.0, row["timer_deadline"] - now), workshop),
                )
            elif not paused and row["timer_seconds"] and row["timer_left"] is not None:
                db.execute(
                    "UPDATE workshops SET timer_deadline = ?, timer_left = NULL WHERE id = ?",
                    (now + row["timer_left"], workshop),
                )
            db.execute("UPDATE workshops SET paused = ? WHERE id = ?", (int(paused), workshop))

        self._write(body)

    def set_timer(self, workshop: str, seconds: int, now: float | None = None) -> None:
        """Open the next turn automatically every ``seconds`` (0: off); counted from now, or from the
        resumption when the workshop is paused."""
        now = time.time() if now is None else now
        seconds = max(0, int(seconds))

        def body(db):
            paused = db.execute("SELECT paused FROM workshops WHERE id = ?", (workshop,)).fetchone()[0]
            if not seconds:
                deadline, left = None, None
            elif paused:
                deadline, left = None, float(seconds)
            else:
                deadline, left = now + seconds, None
            db.execute(
                "UPDATE workshops SET timer_seconds = ?, timer_deadline = ?, timer_left = ? WHERE id = ?",
                (seconds, deadline, left, workshop),
            )

        self._write(body)

    def tick_timer(self, workshop: str, now: float | None = None) -> int | None:
        """Open the next turn if the timer has run out (any process may call this: the dashboard and every
        team do, so the timer runs with the dashboard closed).  When the leading team has not reached
        the open turn yet, the timer waits at 0:00 and opens it once they have — never more than one
        turn ahead.  Returns the turn it opened, or None."""
        now = time.time() if now is None else now
        row = self._read(
            "SELECT lockstep, paused, ended, timer_seconds, timer_deadline FROM workshops WHERE id = ?", (workshop,)
        )
        if not row or not _timer_due(row[0], now):
            return None

        def body(db):
            current = db.execute(
                "SELECT lockstep, paused, ended, timer_seconds, timer_deadline FROM workshops WHERE id = ?", (workshop,)
            ).fetchone()
            if not _timer_due(current, now):  # another process ticked first
                return None
            turn, moved = _open_next(db, workshop)
            if not moved:
                return None
            db.execute(
                "UPDATE workshops SET timer_deadline = ? WHERE id = ?", (now + current["timer_seconds"], workshop)
            )
            return turn

        return self._write(body)

    def end(self, workshop: str) -> None:
        """End the workshop: its codes stop working; the games and the report stay."""
        self._write(lambda db: db.execute("UPDATE workshops SET ended = 1 WHERE id = ?", (workshop,)))

    # ------------------------------------------------------------------------------ teams

    def team_by_code(self, code: str) -> tuple[Team, Workshop]:
        """The team a join code belongs to, and its workshop; raises WorkshopError in plain words."""
        if not codes.well_formed(code):
            raise WorkshopError("that is not a join code: a code looks like K7QX-M2PA-9RTE (letters and digits)")
        digest = codes.hash_code(code)
        rows = self._read("SELECT * FROM teams WHERE code_hash = ?", (digest,))
        if not rows or not codes.matches(code, rows[0]["code_hash"]):
            if self._read("SELECT 1 FROM workshops WHERE facilitator_hash = ?", (digest,)):
                raise WorkshopError(
                    "that is the facilitator's code: open the dashboard with "
                    "`bashtag workshop dashboard --code …`; teams join with their own code"
                )
            raise WorkshopError("no team has that code: check it with your facilitator")
        team = _team(rows[0])
        workshop = self.workshop(team.workshop)
        if workshop.ended:
            raise WorkshopError(
                f"the workshop {workshop.name!r} has ended: its codes no longer work. "
                "Ask your facilitator for the report"
            )
        return team, workshop

    def team(self, team_id: int) -> Team:
        return _team(self._read("SELECT * FROM teams WHERE id = ?", (team_id,))[0])

    def teams(self, workshop: str) -> list[Team]:
        return [_team(row) for row in self._read("SELECT * FROM teams WHERE workshop = ? ORDER BY id", (workshop,))]

    def claim_session(self, team_id: int, path: str) -> str:
        """Record where the team's session log is, unless another process did first; returns the one in use."""

        def body(db):
            db.execute("UPDATE teams SET session_path = ? WHERE id = ? AND session_path IS NULL", (path, team_id))
            return db.execute("SELECT session_path FROM teams WHERE id = ?", (team_id,)).fetchone()[0]

        return self._write(body)

    def report_progress(
        self,
        team_id: int,
        *,
        turn: int,
        turns_total: int,
        sim_time: str,
        reputation: float,
        press: float,
        virality: float,
        total_posts: int,
        outcome: str | None,
        last_actions: list[str],
        waiting: bool = False,
        history: list[tuple[float, int]] | None = None,
        reactions: tuple[int, int] | None = None,
    ) -> None:
        """A team's figures after an action or a turn's end (the dashboard and `status` read these)."""
        self._write(
            lambda db: db.execute(
                "UPDATE teams SET turn=?, turns_total=?, sim_time=?, reputation=?, press=?, virality=?, total_posts=?,"
                " outcome=?, last_actions=?, waiting=?, updated=?, seen=?, history=COALESCE(?, history),"
                " reactions=COALESCE(?, reactions) WHERE id = ?",
                (
                    int(turn),
                    int(turns_total),
                    sim_time,
                    float(reputation),
                    float(press),
                    float(virality),
                    int(total_posts),
                    outcome,
                    json.dumps(list(last_actions)[-5:]),
                    int(waiting),
                    _now(),
                    time.time(),
                    json.dumps([[round(float(r), 2), int(p)] for r, p in history]) if history is not None else None,
                    json.dumps([int(n) for n in reactions]) if reactions is not None else None,
                    team_id,
                ),
            )
        )

    def mark_joined(self, team_id: int) -> None:
        """A process joined with the team's code (it may still be reading the briefing)."""
        self._write(
            lambda db: db.execute(
                "UPDATE teams SET joined = COALESCE(joined, ?), seen = ? WHERE id = ?", (_now(), time.time(), team_id)
            )
        )

    def heartbeat(self, team_id: int, now: float | None = None) -> None:
        """The team's window is alive (the dashboard shows it online)."""
        self._write(
            lambda db: db.execute(
                "UPDATE teams SET seen = ? WHERE id = ?", (time.time() if now is None else now, team_id)
            )
        )

    def set_waiting(self, team_id: int, waiting: bool) -> None:
        self._write(
            lambda db: db.execute(
                "UPDATE teams SET waiting = ?, updated = ? WHERE id = ?", (int(waiting), _now(), team_id)
            )
        )

    # ------------------------------------------------------------------------------ injects

    def send_inject(
        self,
        workshop: str,
        team_id: int | None = None,
        *,
        inject_id: str | None = None,
        headline: str | None = None,
        text: str | None = None,
        hold_seconds: float = 0,
        batch: str | None = None,
        now: float | None = None,
        at_turn: int | None = None,
        team_ids: list[int] | None = None,
    ) -> int:
        """Queue an inject for one team (``team_id``), some (``team_ids``) or every team (neither); returns
        how many got it.  ``hold_seconds`` keeps it from the teams that long, so the facilitator can take it
        back (:meth:`undo_injects` with the same ``batch``); ``at_turn`` schedules it: each team receives
        it when it reaches that turn."""
        if not inject_id and not (headline and headline.strip()):
            raise WorkshopError("an inject needs a prepared inject or a headline")
        if at_turn is not None and at_turn < 1:
            raise WorkshopError("an inject is scheduled at turn 1 or later")
        after = (time.time() if now is None else now) + hold_seconds if hold_seconds > 0 else None
        batch = batch or secrets.token_hex(6)
        wanted = team_ids if team_ids is not None else ([team_id] if team_id is not None else None)

        def body(db):
            if wanted is None:
                targets = [row[0] for row in db.execute("SELECT id FROM teams WHERE workshop = ?", (workshop,))]
            else:
                targets = []
                for ident in wanted:
                    found = db.execute(
                        "SELECT id FROM teams WHERE id = ? AND workshop = ?", (ident, workshop)
                    ).fetchone()
                    if found is None:
                        raise WorkshopError("no such team in this workshop")
                    targets.append(ident)
            for target in targets:
                db.execute(
                    "INSERT INTO injects (workshop, team, inject_id, headline, text, created, deliver_after, "
                    "batch, at_turn) VALUES (?,?,?,?,?,?,?,?,?)",
                    (workshop, target, inject_id, headline, text, _now(), after, batch, at_turn),
                )
            return len(targets)

        return self._write(body)

    def inject_timeline(self, workshop: str) -> list[dict]:
        """Every inject sent or scheduled, oldest first: {"batch", "inject_id", "headline", "at_turn",
        "created", "teams": [(team name, "answered" | "received" | "scheduled" | "not joined yet"
        | "on its way")]}
        ("answered": the team took one of the inject's ``answered_by`` actions after receiving it)."""
        rows = self._read(
            "SELECT injects.batch AS batch, injects.inject_id AS inject_id, injects.headline AS headline, "
            "injects.at_turn AS at_turn, injects.created AS created, injects.delivered AS delivered, "
            "injects.answered AS answered, "
            "teams.name AS name, teams.turn AS turn, teams.joined AS joined "
            "FROM injects JOIN teams ON teams.id = injects.team "
            "WHERE injects.workshop = ? ORDER BY injects.id",
            (workshop,),
        )
        batches: dict[str, dict] = {}
        for r in rows:
            key = r["batch"] or f"{r['created']}|{r['inject_id']}|{r['headline']}"
            entry = batches.setdefault(
                key,
                {
                    "batch": r["batch"],
                    "inject_id": r["inject_id"],
                    "headline": r["headline"],
                    "at_turn": r["at_turn"],
                    "created": r["created"],
                    "teams": [],
                },
            )
            state = _inject_state(r)
            entry["teams"].append((r["name"], state))
        return list(batches.values())

    def undo_injects(self, workshop: str, batch: str) -> tuple[list[str], list[str]]:
        """Take back an inject not yet received: (teams it was taken back from, teams that already have it —
        it is in their games and stays)."""

        def body(db):
            rows = db.execute(
                "SELECT injects.id, injects.delivered, teams.name FROM injects JOIN teams "
                "ON teams.id = injects.team WHERE injects.workshop = ? AND injects.batch = ? "
                "ORDER BY teams.id",
                (workshop, batch),
            ).fetchall()
            taken = [r["name"] for r in rows if not r["delivered"]]
            db.executemany(
                "DELETE FROM injects WHERE id = ? AND delivered = 0", [(r["id"],) for r in rows if not r["delivered"]]
            )
            return taken, [r["name"] for r in rows if r["delivered"]]

        return self._write(body)

    def pending_injects(self, team_id: int, now: float | None = None) -> list[PendingInject]:
        """The injects this team should receive now (those still held for a possible undo wait)."""
        now = time.time() if now is None else now
        rows = self._read(
            "SELECT injects.id AS id, injects.team AS team, inject_id, headline, text FROM injects "
            "JOIN teams ON teams.id = injects.team WHERE injects.team = ? AND delivered = 0 "
            "AND (deliver_after IS NULL OR deliver_after <= ?) "
            "AND (at_turn IS NULL OR at_turn <= teams.turn) ORDER BY injects.id",
            (team_id, now),
        )
        return [PendingInject(r["id"], r["team"], r["inject_id"], r["headline"], r["text"]) for r in rows]

    def mark_delivered(self, inject_ids: list[int]) -> None:
        if inject_ids:
            self._write(
                lambda db: db.executemany("UPDATE injects SET delivered = 1 WHERE id = ?", [(i,) for i in inject_ids])
            )

    def reconcile_injects(self, team_id: int, applied: int) -> int:
        """After a team's game is restored: its log holds ``applied`` injects.  Injects are applied in
        order and marked delivered just after, so a process killed in between left the first few
        pending ones already in the log: mark those delivered (never apply an inject twice).
        Returns how many were marked."""

        def body(db):
            delivered = db.execute(
                "SELECT COUNT(*) FROM injects WHERE team = ? AND delivered = 1", (team_id,)
            ).fetchone()[0]
            missing = applied - delivered
            if missing <= 0:
                return 0
            # The ones that were due (a scheduled inject for a later turn cannot have been applied).
            ids = [
                row[0]
                for row in db.execute(
                    "SELECT injects.id FROM injects JOIN teams ON teams.id = injects.team WHERE injects.team = ? "
                    "AND delivered = 0 AND (at_turn IS NULL OR at_turn <= teams.turn) ORDER BY injects.id LIMIT ?",
                    (team_id, missing),
                )
            ]
            db.executemany("UPDATE injects SET delivered = 1 WHERE id = ?", [(i,) for i in ids])
            return len(ids)

        return self._write(body)

    # ------------------------------------------------------------------------------ observations

    def observe(self, workshop: str, team_id: int, text: str) -> ObservationNote:
        """Note an observation about a team, at the turn the team is on now (for the report)."""
        text = " ".join(text.split())
        if not text:
            raise WorkshopError("an observation needs some text")

        def body(db):
            row = db.execute(
                "SELECT name, turn FROM teams WHERE id = ? AND workshop = ?", (team_id, workshop)
            ).fetchone()
            if row is None:
                raise WorkshopError("no such team in this workshop")
            now = _now()
            db.execute(
                "INSERT INTO observations (workshop, team, turn, text, created) VALUES (?,?,?,?,?)",
                (workshop, team_id, row["turn"], text, now),
            )
            return ObservationNote(row["name"], int(row["turn"]), text, now)

        return self._write(body)

    def score(self, workshop: str, team_id: int, objective: str, level: int) -> None:
        """Set a team's level on one objective (0 clears it)."""

        def body(db):
            if db.execute("SELECT 1 FROM teams WHERE id = ? AND workshop = ?", (team_id, workshop)).fetchone() is None:
                raise WorkshopError("no such team in this workshop")
            if level <= 0:
                db.execute("DELETE FROM scores WHERE team = ? AND objective = ?", (team_id, objective))
            else:
                db.execute(
                    "INSERT INTO scores (workshop, team, objective, level, updated) VALUES (?,?,?,?,?) "
                    "ON CONFLICT (team, objective) DO UPDATE SET level = excluded.level, "
                    "updated = excluded.updated",
                    (workshop, team_id, objective, int(level), _now()),
                )

        self._write(body)

    def scores(self, workshop: str) -> list[tuple[str, int, str, int]]:
        """(team name, team id, objective, level) for every score given."""
        rows = self._read(
            "SELECT teams.name AS name, teams.id AS id, scores.objective AS objective, "
            "scores.level AS level FROM scores JOIN teams ON teams.id = scores.team "
            "WHERE scores.workshop = ? ORDER BY teams.id, scores.rowid",
            (workshop,),
        )
        return [(r["name"], int(r["id"]), r["objective"], int(r["level"])) for r in rows]

    def observations(self, workshop: str) -> list[ObservationNote]:
        rows = self._read(
            "SELECT teams.name AS name, observations.turn AS turn, observations.text AS text, "
            "observations.created AS created FROM observations JOIN teams ON teams.id = observations.team "
            "WHERE observations.workshop = ? ORDER BY teams.id, observations.id",
            (workshop,),
        )
        return [ObservationNote(r["name"], int(r["turn"]), r["text"], r["created"]) for r in rows]

    def record_answers(self, team_id: int, answered: dict[str, list[str | None]]) -> int:
        """What answered each prepared inject the team received: {inject id: [the answering action's
        label, or None, for each receipt in the game's order]}, matched to the team's received injects
        of that id, oldest first.  An answer once recorded stays.  Returns how many were recorded."""

        def body(db):
            count = 0
            for inject_id, labels in answered.items():
                rows = db.execute(
                    "SELECT id, answered FROM injects WHERE team = ? AND inject_id = ? AND delivered = 1 ORDER BY id",
                    (team_id, inject_id),
                ).fetchall()
                for row, label in zip(rows, labels, strict=False):
                    if label and not row["answered"]:
                        db.execute("UPDATE injects SET answered = ? WHERE id = ?", (label, row["id"]))
                        count += 1
            return count

        return self._write(body)

    def injects_by_team(self, workshop: str) -> dict[int, list[dict]]:
        """{team id: [{"inject_id", "headline", "at_turn", "state", "answered"}, …]}, oldest first: each
        inject sent or scheduled to the team, its state as in :meth:`inject_timeline`, and the team's
        action that answered it (or None)."""
        rows = self._read(
            "SELECT injects.team AS team, injects.inject_id AS inject_id, injects.headline AS headline, "
            "injects.at_turn AS at_turn, injects.delivered AS delivered, injects.answered AS answered, "
            "teams.turn AS turn, teams.joined AS joined FROM injects JOIN teams ON teams.id = injects.team "
            "WHERE injects.workshop = ? ORDER BY injects.id",
            (workshop,),
        )
        found: dict[int, list[dict]] = {}
        for r in rows:
            state = _inject_state(r)
            found.setdefault(int(r["team"]), []).append(
                {
                    "inject_id": r["inject_id"],
                    "headline": r["headline"],
                    "at_turn": r["at_turn"],
                    "state": state,
                    "answered": r["answered"],
                }
            )
        return found

    def inject_counts_by_team(self, workshop: str) -> dict[int, tuple[int, int]]:
        """{team id: (injects sent to it, injects it has received)}."""
        rows = self._read(
            "SELECT team, COUNT(*), COALESCE(SUM(delivered), 0) FROM injects WHERE workshop = ? GROUP BY team",
            (workshop,),
        )
        return {int(r[0]): (int(r[1]), int(r[2])) for r in rows}

    def inject_counts(self, workshop: str) -> tuple[int, int]:
        """(sent, still pending) for the dashboard."""
        row = self._read(
            "SELECT COUNT(*), COALESCE(SUM(1 - delivered), 0) FROM injects WHERE workshop = ?", (workshop,)
        )[0]
        return int(row[0]), int(row[1])


def _inject_state(row: sqlite3.Row) -> str:
    """Where one inject is for its team: answered, received, scheduled, not joined yet
    (it arrives at the team's first turn), on its way (held for undo, or the team's window is closed)."""
    if row["delivered"]:
        return "answered" if row["answered"] else "received"
    if row["at_turn"] is not None and row["turn"] < row["at_turn"]:
        return "scheduled"
    if row["joined"] is None:
        return "not joined yet"
    return "on its way"


def _leading_turn(db: sqlite3.Connection, workshop: str) -> int:
    """The turn the most advanced team is on (1 before anyone plays)."""
    return int(db.execute("SELECT COALESCE(MAX(turn), 1) FROM teams WHERE workshop = ?", (workshop,)).fetchone()[0])


def _open_next(db: sqlite3.Connection, workshop: str) -> tuple[int, bool]:
    """Inside a write transaction: open turn + 1, capped at one turn past the leading team."""
    row = db.execute("SELECT open_turn FROM workshops WHERE id = ?", (workshop,)).fetchone()
    if row is None:
        raise WorkshopError(f"there is no workshop {workshop!r}")
    current, cap = int(row[0]), _leading_turn(db, workshop) + 1
    if current >= cap:
        return current, False
    db.execute("UPDATE workshops SET open_turn = ? WHERE id = ?", (current + 1, workshop))
    return current + 1, True


def _timer_due(row, now: float) -> bool:
    return bool(
        row["lockstep"]
        and not row["paused"]
        and not row["ended"]
        and row["timer_seconds"]
        and row["timer_deadline"] is not None
        and now >= row["timer_deadline"]
    )


def _workshop(row: sqlite3.Row) -> Workshop:
    return Workshop(
        id=row["id"],
        name=row["name"],
        scenario_ref=row["scenario_ref"],
        scenario_id=row["scenario_id"],
        scenario_sha256=row["scenario_sha256"],
        seed=row["seed"],
        lockstep=bool(row["lockstep"]),
        open_turn=row["open_turn"],
        paused=bool(row["paused"]),
        ended=bool(row["ended"]),
        created=row["created"],
        timer_seconds=int(row["timer_seconds"] or 0),
        timer_deadline=row["timer_deadline"],
        timer_left=row["timer_left"],
    )


def _team(row: sqlite3.Row) -> Team:
    try:
        last = tuple(str(x) for x in json.loads(row["last_actions"] or "[]"))
    except ValueError:
        last = ()
    return Team(
        id=row["id"],
        workshop=row["workshop"],
        name=row["name"],
        session_path=row["session_path"],
        turn=row["turn"],
        turns_total=row["turns_total"],
        sim_time=row["sim_time"],
        reputation=row["reputation"],
        press=row["press"],
        virality=row["virality"],
        total_posts=row["total_posts"],
        outcome=row["outcome"],
        last_actions=last,
        waiting=bool(row["waiting"]),
        updated=row["updated"],
        joined=row["joined"],
        seen=row["seen"],
        history=_history(row["history"]),
        reactions=_reactions(row["reactions"]),
    )


def _reactions(text: str | None) -> tuple[int, int] | None:
    try:
        likes, dislikes = json.loads(text) if text else (None, None)
        return None if likes is None else (int(likes), int(dislikes))
    except (ValueError, TypeError):
        return None


def _history(text: str | None) -> tuple[tuple[float, int], ...]:
    try:
        return tuple((float(r), int(p)) for r, p in json.loads(text or "[]"))
    except (ValueError, TypeError):
        return ()
