"""Saved games and imports come from strangers (issue 19): whatever they hold, restoring and
importing end in a sentence, never a traceback, and nothing they carry reaches the terminal raw."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_helpers import run_command

from game.sessions import SessionError, restore
from game.sessions.bundle import export_session


def hostile_bundle(tmp_path, new_yaml) -> Path:
    """An export of a finished game whose scenario text was changed by ``new_yaml(text)``."""
    exported = tmp_path / "hostile.bashtag.json"
    export_session("latest", exported)
    bundle = json.loads(exported.read_text())
    bundle["scenario_yaml"] = new_yaml(bundle["scenario_yaml"])
    exported.write_text(json.dumps(bundle))
    return exported


def test_importing_a_game_whose_scenario_holds_a_400_digit_effect_is_refused_in_words(
    finished, tmp_path, capsys, monkeypatch
):
    exported = hostile_bundle(
        tmp_path,
        lambda text: text.replace(
            'when: "posts_this_turn > 300", headline: "The tag is surging", effects: {press: 5}',
            'when: "turn >= 1", headline: "The tag is surging", effects: {press: "' + "9" * 400 + '"}',
        ),
    )
    monkeypatch.setenv("BASHTAG_DATA_DIR", str(tmp_path / "elsewhere"))
    assert run_command("import_", [str(exported)]) == 1
    err = capsys.readouterr().err
    assert "too large" in err and "Traceback" not in err
    assert not (tmp_path / "elsewhere" / "sessions").exists() or not any(
        (tmp_path / "elsewhere" / "sessions").iterdir()
    )


def test_restore_refuses_a_game_the_engine_cannot_play(finished, monkeypatch, capsys):
    """Should the engine still break on a scenario (a bug, or a hostile file validate missed), the
    game is refused with a message: `replay`, `report` and `import` print it and exit 1."""
    from game.engine.game import Game

    def broken(self):
        raise ValueError("non-finite change to press: inf (The tag is surging)")

    monkeypatch.setattr(Game, "end_turn", broken)
    with pytest.raises(SessionError, match="engine failed at the end of turn 1"):
        restore("latest")
    assert run_command("replay", ["latest", "--all"]) == 1
    assert "cannot be restored" in capsys.readouterr().err


def test_restore_refuses_a_game_the_engine_cannot_start(finished, monkeypatch):
    from game.engine.game import Game

    def broken(self, *args, **kwargs):
        raise OverflowError("date value out of range")

    monkeypatch.setattr(Game, "__init__", broken)
    with pytest.raises(SessionError, match="engine failed to start it"):
        restore("latest")


@pytest.mark.skipif(
    not Path("/dev/full").exists(), reason="needs /dev/full (a device every write to fails with ENOSPC)"
)
def test_closing_a_recorder_on_a_full_disk_does_not_raise():
    """Recording stops with a notice when the disk fills; quitting the app then closes the recorder,
    whose handle still holds the refused line: closing must not raise from the app's unmount."""
    from game.sessions import Recorder

    recorder = Recorder(Path("/dev/full"), open("/dev/full", "w", encoding="utf-8"))
    recorder._write({"t": "end_turn", "turn": 1}, sync=True)
    assert "can no longer be saved" in recorder.problem
    recorder.close()
    assert recorder._handle.closed
    recorder.close()  # twice is harmless


ESCAPES = "\x1b]0;pwned\x07\x1b[2J\u200b\u202e"


def test_terminal_escapes_in_a_log_never_reach_the_terminal(scenario_file, capsys):
    """An inject's headline and the header's date hold an OSC title change, a screen clear and
    invisible marks; `replay --all` and `sessions` print neither (a log arrives by `import`)."""
    from session_helpers import PLAN, play

    from game.engine.actions import Inject

    plan = {**PLAN, 2: [Inject(headline=f"Leak{ESCAPES} at HQ", text=f"Details{ESCAPES}")]}
    game, recorder = play(scenario_file, plan=plan)
    recorder.close()
    lines = recorder.path.read_text(encoding="utf-8").splitlines()
    header = json.loads(lines[0])
    header["created"] = header["created"][:10] + ESCAPES + header["created"][10:]
    recorder.path.write_text("\n".join([json.dumps(header)] + lines[1:]) + "\n", encoding="utf-8")

    assert run_command("replay", ["latest", "--all", "--anyway"]) == 0
    replayed = capsys.readouterr()
    assert "Leak at HQ" in replayed.out
    assert run_command("sessions", []) == 0
    listed = capsys.readouterr()
    assert run_command("sessions", ["--json"]) == 0
    as_json = capsys.readouterr()
    for shown in (replayed.out, replayed.err, listed.out, listed.err, json.loads(as_json.out)[0]["created"]):
        assert not any(ch in shown for ch in "\x1b\x07\u200b\u202e"), repr(shown)
    assert "control characters" in replayed.err


def test_a_log_with_more_actions_in_a_turn_than_any_game_takes_is_cut_there(scenario_file):
    """200,000 injects in one turn took minutes to import; no game takes more than 1,000 actions in
    a turn (20 attention points at most, a handful of injects), so restoring stops at the 1,001st."""
    from session_helpers import play

    from game.engine.actions import Inject
    from game.sessions.restore import MAX_ACTIONS_PER_TURN

    flood = [Inject(headline=f"Inject {i}") for i in range(MAX_ACTIONS_PER_TURN + 500)]
    game, recorder = play(scenario_file, plan={1: flood}, until_turn=3)
    recorder.close()
    restored = restore("latest")
    assert len(restored.game.state.taken) == MAX_ACTIONS_PER_TURN
    assert restored.game.state.turn == 1
    [warning] = restored.warnings
    assert f"line {MAX_ACTIONS_PER_TURN + 2} is one action too many in turn 1" in warning


def test_restoring_asks_for_the_whole_state_once_a_turn_not_once_a_line(scenario_file, monkeypatch):
    """The state copies every action taken so far: asked once a line, restoring was quadratic."""
    from session_helpers import play

    from game.engine.actions import Inject
    from game.engine.game import Game

    plan = {turn: [Inject(headline=f"Inject {i}") for i in range(300)] for turn in (1, 2, 3)}
    game, recorder = play(scenario_file, plan=plan)
    recorder.close()
    asked = []
    real = Game.state
    monkeypatch.setattr(Game, "state", property(lambda self: asked.append(1) or real.fget(self)))
    restored = restore("latest")
    assert restored.warnings == [] and len(restored.game.state.taken) >= 900
    assert len(asked) < 3 * game.state.turns_total


def test_import_into_a_data_folder_that_cannot_be_written_says_what_and_where(finished, tmp_path, capsys, monkeypatch):
    """A read-only data folder gave `OSError: [Errno 30]` from import.  Tests run as root, where
    chmod stops no write, so the folder is made unwritable for real: it lies under a regular file."""
    exported = tmp_path / "game.bashtag.json"
    export_session("latest", exported)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("BASHTAG_DATA_DIR", str(blocker / "data"))
    assert run_command("import_", [str(exported)]) == 1
    err = capsys.readouterr().err
    assert "nothing was imported: cannot create the folder of saved games" in err
    assert str(blocker / "data" / "sessions") in err and "Traceback" not in err


def test_an_import_that_fails_half_way_leaves_nothing_behind(finished, tmp_path, capsys, monkeypatch):
    """The scenario's copy is written first, then the log: when the log cannot be written (here it
    is sent to a folder's name, which fails for root too), the copy is removed again."""
    from game.sessions import store

    exported = tmp_path / "game.bashtag.json"
    export_session("latest", exported)
    monkeypatch.setenv("BASHTAG_DATA_DIR", str(tmp_path / "elsewhere"))
    ident = json.loads(exported.read_text())["session_id"]
    folder = store.sessions_dir(create=True)
    (folder / (ident + store.SUFFIX + ".tmp")).mkdir()
    monkeypatch.setattr(
        "game.sessions.bundle._write_new",
        lambda target, text: (folder / (ident + store.SUFFIX + ".tmp")).write_text(text),
    )
    assert run_command("import_", [str(exported)]) == 1
    err = capsys.readouterr().err
    assert "cannot write the game to" in err and str(folder) in err and "Is a directory" in err
    assert sorted(p.name for p in folder.iterdir()) == [ident + store.SUFFIX + ".tmp"]


def test_a_bundle_from_a_newer_bashtag_names_its_version_without_escapes(tmp_path, capsys):
    bundle = tmp_path / "future.json"
    bundle.write_text(json.dumps({"bashtag_export": 99, "bashtag": "9.0\x1b]0;pwned\x07\x1b[2J"}))
    assert run_command("import_", [str(bundle)]) == 1
    err = capsys.readouterr().err
    assert "newer Bashtag (9.0]0;pwned" not in err and "\x1b" not in err and "\x07" not in err
    assert "newer Bashtag (9.0)" in err
