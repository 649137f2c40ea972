"""The commands as a user runs them: exit codes, stdout for data, stderr for diagnostics."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from scenario_helpers import FIXTURES

from game.cli import main
from game.scenario.loader import load_scenario_with_warnings

ROOT = Path(__file__).resolve().parents[2]


def test_validate_a_valid_file(tmp_path, capsys, valid_text):
    path = tmp_path / "ok.yaml"
    path.write_text(valid_text)
    assert main(["validate", str(path)]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert err.strip() == f"{path}: valid (0 errors, 0 warnings)"  # the success line names the file


def test_validate_reports_every_problem_of_every_file(tmp_path, capsys, valid_text):
    ok = tmp_path / "ok.yaml"
    ok.write_text(valid_text)
    bad = str(FIXTURES / "three_mistakes.yaml")
    assert main(["validate", str(ok), bad, bad.replace("three", "model")]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    lines = err.splitlines()
    assert sum(": error: " in line for line in lines) == 6
    assert lines[-1] == "2 of 3 files invalid (6 errors, 0 warnings)"


def test_validate_with_only_warnings_succeeds(tmp_path, capsys, valid_text):
    path = tmp_path / "warn.yaml"
    path.write_text(valid_text.replace("Latte Leaks", "Latte\x1b[1m Leaks"))
    assert main(["validate", str(path)]) == 0
    err = capsys.readouterr().err
    assert ": warning: audience.key_accounts[0].name: removed 1 control character (ESC)" in err
    assert "valid (0 errors, 1 warning)" in err


def test_validate_a_missing_file(capsys):
    assert main(["validate", "no/such/file.yaml"]) == 1
    assert "no/such/file.yaml: error: file not found" in capsys.readouterr().err


def test_validate_json_goes_to_stdout(capsys):
    assert main(["validate", "--json", "-q", str(FIXTURES / "model_mistakes.yaml")]) == 1
    out, err = capsys.readouterr()
    [report] = json.loads(out)
    assert report["valid"] is False
    assert {p["line"] for p in report["problems"]} == {13, 20, 32}
    assert err.count(": error: ") == 3


def test_validate_without_a_file_is_bad_usage(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["validate"])
    assert exited.value.code == 2
    assert "required" in capsys.readouterr().err


def test_new_writes_a_valid_scaffold_and_refuses_to_overwrite(tmp_path, capsys):
    target = tmp_path / "my-crisis.yaml"
    assert main(["new", "my-crisis", "-o", str(target)]) == 0
    out, err = capsys.readouterr()
    assert out.strip() == str(target)
    scenario, warnings = load_scenario_with_warnings(target)
    assert scenario.id == "my-crisis" and warnings == []
    assert main(["validate", str(target)]) == 0
    capsys.readouterr()
    before = target.read_text()
    assert main(["new", "my-crisis", "-o", str(target)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert target.read_text() == before


def test_new_defaults_to_id_dot_yaml_in_the_current_folder(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["new", "here"]) == 0
    assert (tmp_path / "here.yaml").is_file()


def test_new_from_copies_a_scenario_with_the_new_id(tmp_path, capsys, valid_text):
    source = tmp_path / "source.yaml"
    source.write_text(valid_text)
    target = tmp_path / "copy.yaml"
    assert main(["new", "copy", "--from", str(source), "-o", str(target)]) == 0
    scenario, _ = load_scenario_with_warnings(target)
    assert scenario.id == "copy"
    assert target.read_text().count("#") == valid_text.count("#")  # comments kept


def test_new_refuses_a_bad_id(tmp_path, capsys):
    assert main(["new", "Bad Id", "-o", str(tmp_path / "x.yaml")]) == 2
    assert "is not an id" in capsys.readouterr().err


def test_schema_prints_json_to_stdout(capsys):
    assert main(["schema"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["title"].startswith("Bashtag scenario")
    assert err == ""


def test_list_json(capsys):
    assert main(["list", "--json"]) == 0
    for entry in json.loads(capsys.readouterr().out):
        assert set(entry) == {"id", "title", "year", "difficulty", "summary", "path"}
        assert isinstance(entry["year"], int) and 1900 <= entry["year"] <= 2100  # dates are read as text


def test_version_list_and_validate_do_not_import_heavy_modules(tmp_path, valid_text):
    path = tmp_path / "ok.yaml"
    path.write_text(valid_text)
    code = (
        "import sys, contextlib, io\n"
        "from game.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
        "    for argv in (['--version'], ['list'], ['validate', sys.argv[1]]):\n"
        "        try:\n"
        "            main(argv)\n"
        "        except SystemExit:\n"
        "            pass\n"
        "print(sorted(m for m in ('textual', 'networkx', 'numpy') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_the_installed_command_separates_streams(tmp_path):
    bad = FIXTURES / "three_mistakes.yaml"
    result = subprocess.run(
        [sys.executable, "-m", "game", "validate", str(bad)], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.count(": error: ") == 3
