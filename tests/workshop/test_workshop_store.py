"""The shared store: codes kept only as hashes, wrong and expired codes refused in plain words, concurrent writes."""

from __future__ import annotations

import threading

import pytest
from workshop_helpers import new_workshop

from game.workshop import codes
from game.workshop.store import WorkshopError, WorkshopStore


def make(store: WorkshopStore, teams=("Red", "Blue"), lockstep=False):
    return store.create(
        name="Test",
        scenario_ref="mini",
        scenario_id="mini",
        scenario_sha256="x" * 64,
        seed=1,
        team_names=list(teams),
        lockstep=lockstep,
    )


def test_codes_are_readable_random_and_distinct():
    many = {codes.new_code() for _ in range(500)}
    assert len(many) == 500
    for code in list(many)[:50]:
        assert len(code) == 14 and code.count("-") == 2
        assert not set(code.replace("-", "")) & set("01OIL")
        assert codes.well_formed(code.lower().replace("-", " "))


def test_only_hashes_of_codes_are_stored(tmp_path):
    store = WorkshopStore(tmp_path / "w.sqlite3")
    _, facilitator, teams = make(store)
    store.close()
    raw = b"".join(p.read_bytes() for p in tmp_path.iterdir())
    for code in [facilitator] + [c for _, c in teams]:
        assert codes.normalise(code).encode() not in raw and code.encode() not in raw
        assert codes.hash_code(code).encode() in raw


def test_a_team_code_finds_its_team_however_it_is_typed(tmp_path):
    store = WorkshopStore(tmp_path / "w.sqlite3")
    workshop, _, teams = make(store)
    team, found = store.team_by_code(teams[1][1].lower().replace("-", " "))
    assert (team.name, found.id) == ("Blue", workshop.id)


def test_wrong_facilitator_and_expired_codes_are_refused_plainly(tmp_path):
    store = WorkshopStore(tmp_path / "w.sqlite3")
    workshop, facilitator, teams = make(store)
    with pytest.raises(WorkshopError, match="no team has that code"):
        store.team_by_code(codes.new_code())
    with pytest.raises(WorkshopError, match="not a join code"):
        store.team_by_code("hello")
    with pytest.raises(WorkshopError, match="facilitator's code"):
        store.team_by_code(facilitator)
    with pytest.raises(WorkshopError, match="not this workshop's facilitator code"):
        store.facilitator(workshop.id, teams[0][1])
    assert store.facilitator(workshop.id, facilitator).id == workshop.id
    store.end(workshop.id)
    with pytest.raises(WorkshopError, match="has ended"):
        store.team_by_code(teams[0][1])


def test_a_facilitator_code_finds_its_own_workshop_even_when_not_the_latest(tmp_path):
    store = WorkshopStore(tmp_path / "w.sqlite3")
    first, facilitator, teams = make(store)
    make(store)  # a later workshop
    assert store.facilitator(None, facilitator).id == first.id
    with pytest.raises(WorkshopError, match="not a facilitator's code"):
        store.facilitator(None, teams[0][1])


def test_an_inject_to_one_team_reaches_only_that_team(tmp_path):
    store = WorkshopStore(tmp_path / "w.sqlite3")
    workshop, _, _ = make(store)
    red, blue = store.teams(workshop.id)
    assert store.send_inject(workshop.id, blue.id, headline="Typed on the spot [b]not markup") == 1
    assert store.pending_injects(red.id) == []
    (pending,) = store.pending_injects(blue.id)
    assert pending.headline == "Typed on the spot [b]not markup"
    store.mark_delivered([pending.id])
    assert store.pending_injects(blue.id) == []
    assert store.send_inject(workshop.id, None, inject_id="memo") == 2


def test_concurrent_writers_all_land(tmp_path):
    path = tmp_path / "w.sqlite3"
    workshop, _, _ = make(WorkshopStore(path), teams=[f"T{i}" for i in range(8)])
    teams = WorkshopStore(path).teams(workshop.id)
    barrier = threading.Barrier(len(teams))
    errors = []

    def team_process(team):
        store = WorkshopStore(path)  # one connection each, as separate processes have
        try:
            barrier.wait()
            for turn in range(2, 27):
                store.report_progress(
                    team.id,
                    turn=turn,
                    turns_total=26,
                    sim_time="2020-01-01T12:00:00",
                    reputation=40.0,
                    press=1.0,
                    virality=0.5,
                    total_posts=turn * 10,
                    outcome=None,
                    last_actions=[f"turn {turn}"],
                )
        except Exception as error:  # noqa: BLE001
            errors.append(error)

    threads = [threading.Thread(target=team_process, args=(t,)) for t in teams]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert [t.turn for t in WorkshopStore(path).teams(workshop.id)] == [26] * len(teams)


def test_status_json_lists_every_team(capsys):
    import json

    from workshop_helpers import cli

    made = new_workshop(3)
    code, out, _ = cli("workshop", "status", "--json", "--code", made["facilitator_code"])
    data = json.loads(out)
    assert code == 0 and data["workshop"] == made["workshop"] and data["scenario"] == "mini"
    assert [t["name"] for t in data["teams"]] == [t["name"] for t in made["teams"]]
    assert set(data["teams"][0]) >= {"name", "turn", "reputation", "total_posts", "outcome"}


def test_join_with_a_wrong_code_says_so():
    from workshop_helpers import cli

    new_workshop(1)
    code, _, err = cli("join", "ABCD-EFGH-JKMN")
    assert code == 1 and "no team has that code" in err


def test_an_inject_is_scheduled_at_the_turn_a_simulated_time_falls_in():
    from pathlib import Path

    from workshop_helpers import MINI, cli

    from game.engine.game import Game
    from game.scenario.loader import load_scenario
    from game.workshop.store import WorkshopStore

    made = new_workshop(2)
    game = Game(load_scenario(Path(MINI)), 7)
    for _ in range(3):
        game.end_turn()
    turn4 = game.state.time  # the start of turn 4
    at = (turn4 + (game.state.history[-1].end - game.state.history[-1].start) / 2).strftime("%Y-%m-%d %H:%M")
    code, out, err = cli(
        "workshop", "schedule", "memo", "--at", turn4.strftime("%Y-%m-%d %H:%M"), "--code", made["facilitator_code"]
    )
    assert code == 0 and "for turn 4" in out, err
    code, out, err = cli("workshop", "schedule", "memo", "--at", at, "--code", made["facilitator_code"])
    assert code == 0 and "for turn 4" in out, err  # within turn 4
    assert [e["at_turn"] for e in WorkshopStore().inject_timeline(made["workshop"])] == [4, 4]
    code, _, err = cli("workshop", "schedule", "memo", "--at", "1999-01-01 00:00", "--code", made["facilitator_code"])
    assert code == 2 and "the scenario starts at" in err


OLD_SCHEMA = """
CREATE TABLE workshops (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, scenario_ref TEXT NOT NULL, scenario_id TEXT NOT NULL,
    scenario_sha256 TEXT NOT NULL, seed INTEGER NOT NULL, lockstep INTEGER NOT NULL DEFAULT 0,
    open_turn INTEGER NOT NULL DEFAULT 1, paused INTEGER NOT NULL DEFAULT 0, ended INTEGER NOT NULL DEFAULT 0,
    facilitator_hash TEXT NOT NULL UNIQUE, created TEXT NOT NULL);
CREATE TABLE teams (
    id INTEGER PRIMARY KEY AUTOINCREMENT, workshop TEXT NOT NULL REFERENCES workshops(id), name TEXT NOT NULL,
    code_hash TEXT NOT NULL UNIQUE, session_path TEXT, turn INTEGER NOT NULL DEFAULT 1, turns_total INTEGER,
    sim_time TEXT, reputation REAL, press REAL, virality REAL, total_posts INTEGER NOT NULL DEFAULT 0,
    outcome TEXT, last_actions TEXT NOT NULL DEFAULT '[]', waiting INTEGER NOT NULL DEFAULT 0,
    updated TEXT, UNIQUE (workshop, name));
CREATE TABLE injects (
    id INTEGER PRIMARY KEY AUTOINCREMENT, workshop TEXT NOT NULL REFERENCES workshops(id),
    team INTEGER NOT NULL REFERENCES teams(id), inject_id TEXT, headline TEXT, text TEXT,
    created TEXT NOT NULL, delivered INTEGER NOT NULL DEFAULT 0);
INSERT INTO workshops VALUES ('w-old', 'Old', 'mini', 'mini', 'x', 7, 1, 2, 0, 0, 'hash', '2026-11-20T10:00:00+00:00');
INSERT INTO teams (workshop, name, code_hash, turn) VALUES ('w-old', 'Red', 'h1', 2);
INSERT INTO injects (workshop, team, inject_id, created) VALUES ('w-old', 1, 'memo', '2026-11-20T10:05:00+00:00');
"""


def test_a_store_made_by_an_earlier_version_opens_and_keeps_its_workshop(tmp_path):
    import sqlite3

    from game.workshop.store import WorkshopStore

    path = tmp_path / "workshops.sqlite3"
    with sqlite3.connect(path) as db:
        db.executescript(OLD_SCHEMA)
    store = WorkshopStore(path)
    workshop = store.workshop("w-old")
    assert (workshop.open_turn, workshop.timer_seconds, workshop.timer_remaining()) == (2, 0, None)
    [team] = store.teams("w-old")
    assert (team.name, team.turn, team.history, team.joined) == ("Red", 2, (), None)
    assert [i.inject_id for i in store.pending_injects(team.id)] == ["memo"]  # an old inject still arrives
    store.set_timer("w-old", 60)
    assert store.workshop("w-old").timer_seconds == 60
