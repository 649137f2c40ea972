"""Export and import, the list of saved games, the replay stepper, and the commands' exit codes."""

from __future__ import annotations

import json

import pytest
from cli_helpers import run_command

from game.engine.state import to_jsonable
from game.sessions import SessionError, resume
from game.sessions.bundle import export_session, import_session


def test_an_exported_game_imports_where_the_scenario_is_missing(finished, scenario_file, tmp_path, monkeypatch):
    game, path = finished
    exported = tmp_path / "blue.bashtag.json"
    assert export_session("latest", exported) == []
    scenario_file.unlink()  # "another machine": no scenario file
    monkeypatch.setenv("BASHTAG_DATA_DIR", str(tmp_path / "elsewhere"))
    imported, warnings = import_session(exported)
    assert warnings == []
    restored, info, warnings = resume(imported.name[: -len(".jsonl")])
    assert warnings == [] and to_jsonable(restored.state) == to_jsonable(game.state)
    again, warnings = import_session(exported)
    assert again == imported and "already" in warnings[0]


def test_an_export_with_a_broken_scenario_is_refused(finished, tmp_path):
    exported = tmp_path / "x.json"
    export_session("latest", exported)
    bundle = json.loads(exported.read_text())
    bundle["scenario_yaml"] = bundle["scenario_yaml"].replace("turns: 12", "turns: many")
    exported.write_text(json.dumps(bundle))
    with pytest.raises(SessionError, match="scenario it carries is not valid"):
        import_session(exported)


@pytest.mark.parametrize(
    "content, message",
    [
        ("not json", "not a Bashtag export"),
        ('{"a": 1}', "not a Bashtag export"),
        ('{"bashtag_export": 99, "bashtag": "9.0"}', "newer Bashtag"),
        ('{"bashtag_export": 1, "log": 3}', "damaged"),
    ],
)
def test_files_that_are_not_exports_are_refused(tmp_path, content, message):
    path = tmp_path / "x.json"
    path.write_text(content)
    with pytest.raises(SessionError, match=message):
        import_session(path)


def test_sessions_lists_saved_games(finished, capsys):
    game, path = finished
    assert run_command("sessions", []) == 0
    out = capsys.readouterr().out
    assert "mini" in out and path.name[:-6] in out and game.state.ending.outcome in out
    assert run_command("sessions", ["--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed[0]["id"] == path.name[:-6] and listed[0]["finished"] is True and listed[0]["seed"] == 5


def test_sessions_with_none_saved_says_so_on_stderr(capsys):
    assert run_command("sessions", []) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and "no saved games" in captured.err


def test_replay_prints_every_turn(finished, capsys):
    game, _ = finished
    assert run_command("replay", ["latest", "--all"]) == 0
    out = capsys.readouterr().out
    assert "Turn 1 " in out and f"Turn {len(game.state.history)} " in out
    assert "Monitored the conversation" in out and "Outcome:" in out


def test_commands_exit_1_on_bad_input_and_2_on_bad_usage(finished, tmp_path, capsys):
    assert run_command("replay", ["no-such-game", "--all"]) == 1
    assert run_command("report", ["no-such-game"]) == 1
    assert run_command("export", ["latest"]) == 2  # -o is required
    assert run_command("report", ["latest", "--format", "pdf"]) == 2
    assert run_command("import_", [str(tmp_path / "missing.json")]) == 1
    assert run_command("export", ["latest", "-o", str(tmp_path / "e.json")]) == 0
    assert run_command("import_", [str(tmp_path / "e.json")]) == 0
    assert "cannot read" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["sessions", "replay", "report", "export", "import", "simulate"])
def test_help_keeps_each_example_on_its_own_line(command, capsys):
    """`--help` ran the examples together ("bashtag sessions a table, newest last bashtag sessions
    --json the same for scripts"): every example line of the command's text is a line of its help."""
    import importlib

    from game.cli import COMMANDS, build_parser

    examples = [
        line
        for line in importlib.import_module(f"game.commands.{COMMANDS[command]}").__doc__.splitlines()
        if line.startswith("  bashtag ")
    ]
    assert examples
    with pytest.raises(SystemExit):
        build_parser().parse_args([command, "--help"])
    shown = capsys.readouterr().out.splitlines()
    for example in examples:
        assert example in shown


def test_sessions_names_the_workshop_and_team_of_a_teams_game(finished, scenario_file, capsys):
    from game.sessions import Recorder

    Recorder.start("mini", scenario_file, 5, scenario_id="mini", team="Red", workshop="q3-exercise").close()
    assert run_command("sessions", []) == 0
    out = capsys.readouterr().out
    header = out.splitlines()[0]
    assert "WORKSHOP" in header and "TEAM" in header
    assert any("q3-exercise" in line and "Red" in line for line in out.splitlines()[1:])
    assert any(line.split()[-2:] == ["-", "-"] for line in out.splitlines()[1:])  # the solo game: none
