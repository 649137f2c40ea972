"""Built-in scenarios are found, listed and resolved by id; anything else is a clear error."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.scenario.library import builtin_dir, builtin_scenarios, load, resolve
from game.scenario.problems import ScenarioError


def test_the_builtin_folder_is_found():
    folder = builtin_dir()
    assert folder is not None and folder.is_dir()


def test_builtins_resolve_by_id_and_carry_list_fields():
    for info in builtin_scenarios():
        assert resolve(info.id) == info.path
        assert info.title and info.difficulty


def test_a_path_resolves_to_itself(tmp_path: Path, valid_text):
    path = tmp_path / "mine.yaml"
    path.write_text(valid_text)
    assert resolve(str(path)) == path
    assert load(path).id == "demo"


def test_an_unknown_name_lists_the_builtins():
    with pytest.raises(ScenarioError) as caught:
        resolve("no-such-scenario")
    [problem] = caught.value.problems
    assert problem.message.startswith("no such file or built-in scenario (built-in:")
    for info in builtin_scenarios():
        assert info.id in problem.message


def test_a_missing_yaml_path_says_file_not_found():
    with pytest.raises(ScenarioError, match="file not found"):
        resolve("missing.yaml")


def test_library_errors_are_scenario_errors():
    from game.scenario.library import LibraryError

    with pytest.raises(LibraryError):
        resolve("nope")
    assert issubclass(LibraryError, ScenarioError)
