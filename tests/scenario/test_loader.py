"""The YAML step: unsafe, malformed or hostile input becomes located problems, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from scenario_helpers import edit, errors_of, line_of

from game.scenario.loader import MAX_BYTES, load_scenario, load_scenario_with_warnings
from game.scenario.problems import ScenarioError


def test_the_scaffold_loads_without_problems(valid_text):
    scenario, warnings = load_scenario_with_warnings(valid_text)
    assert scenario.id == "demo"
    assert warnings == []


def test_a_path_is_read_and_named_in_messages(tmp_path: Path, valid_text):
    path = tmp_path / "mine.yaml"
    text = edit(valid_text, "difficulty: easy", "difficulty: hardest")
    path.write_text(text)
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    line = line_of(text, "difficulty: hardest")
    assert str(caught.value) == (
        f"{path}:{line}:13: error: difficulty: should be one of easy, medium, hard (did you mean 'hard'?) "
        "(found 'hardest')"
    )


def test_a_missing_file_is_a_problem_not_an_exception(tmp_path: Path):
    [problem] = errors_of_path(tmp_path / "absent.yaml")
    assert problem.message == "file not found"
    assert str(problem) == f"{tmp_path / 'absent.yaml'}: error: file not found"


def errors_of_path(path: Path):
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    return caught.value.errors


def test_duplicate_keys_are_reported_with_both_lines(valid_text):
    text = edit(valid_text, "  name: Bean & Co\n", "  name: Bean & Co\n  name: Beans\n")
    [problem] = errors_of(text)
    first = line_of(text, "  name: Bean & Co")
    assert (problem.line, problem.col) == (first + 1, 3)
    assert problem.where == "organisation.name"
    assert f"duplicate key 'name' (also given on line {first})" in problem.message


def test_tabs_in_indentation_get_a_plain_message(valid_text):
    text = edit(valid_text, "  handle: BeanCo", "\thandle: BeanCo")
    [problem] = errors_of(text)
    assert problem.line == line_of(text, "\thandle")
    assert "tab character" in problem.message and "spaces" in problem.message


def test_bad_indentation_is_located(valid_text):
    text = edit(valid_text, "  grievance: 0.6", "    grievance: 0.6")
    [problem] = errors_of(text)
    assert problem.line == line_of(text, "    grievance")
    assert "indent" in problem.message


def test_a_list_where_a_mapping_belongs_says_so():
    [problem] = [p for p in errors_of("format: 1\nrole:\n  - title: x\n    briefing: y\n") if p.where == "role"]
    assert (problem.line, problem.col) == (3, 3)
    assert problem.message == "should be a mapping (indented 'key: value' lines) (found a list)"


def test_a_key_after_a_list_item_points_at_the_list(valid_text):
    text = edit(valid_text, "role:\n  title: Social media manager", "role:\n  - title: Social media manager")
    [problem] = errors_of(text)
    assert problem.line == line_of(text, "  briefing:")
    assert f"follows a list (the '- ' on line {line_of(text, '  - title')})" in problem.message


def test_an_alias_bomb_is_refused_before_it_expands():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
    )
    [problem] = errors_of(bomb)
    assert (problem.line, problem.col) == (1, 4)
    assert "anchors (&a) are not allowed" in problem.message


def test_an_alias_is_refused():
    [problem] = errors_of("format: 1\nid: *x\n")
    assert "aliases (*x) are not allowed" in problem.message


@pytest.mark.parametrize("tag", ["!!python/object/apply:os.system", "!!python/name:os.system", "!custom"])
def test_tags_that_construct_objects_are_refused(tag):
    problems = errors_of(f"format: {tag} [echo hi]\nid: x\n")
    [problem] = [p for p in problems if p.where == "format"]
    assert "not allowed" in problem.message


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"# only a comment\n", "only comments"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
        (b"id: caf\xe9\n", "not UTF-8"),
        (b"- a\n- b\n", "holds a list"),
        (b"just words\n", "holds a single value"),
        (b"format: 1\n---\nformat: 1\n", "more than one YAML document"),
        (b"[" * 200, "nested"),
    ],
)
def test_unusable_input_is_one_clear_problem(data, says):
    [problem] = errors_of(data)
    assert says in problem.message


def test_a_huge_file_is_refused_without_parsing():
    [problem] = errors_of(b"a: b\n" * (MAX_BYTES // 5 + 1))
    assert "larger than" in problem.message


def test_too_many_values_are_refused():
    [problem] = errors_of("[" + ",".join(["1"] * 120_000) + "]")
    assert "too many" in problem.message


def test_invalid_utf8_is_located():
    [problem] = errors_of(b"format: 1\nid: ok\ntitle: caf\xe9\n")
    assert (problem.line, problem.col) == (3, 11)


def test_control_characters_are_stripped_with_a_located_warning(valid_text):
    text = edit(valid_text, "name: High Street News", 'name: "High \\e[31mStreet\\x07 News"')
    scenario, warnings = load_scenario_with_warnings(text)
    assert scenario.audience.outlets[0].name == "High Street News"
    [warning] = warnings
    assert warning.severity == "warning"
    assert warning.where == "audience.outlets[0].name"
    assert warning.line == line_of(text, 'name: "High')
    assert "removed 2 control characters (BEL, ESC)" in warning.message


def test_raw_control_characters_in_the_file_are_stripped_too(valid_text):
    text = edit(valid_text, "name: Latte Leaks", "name: Latte\x1b[2J\u202e Leaks")
    scenario, [warning] = load_scenario_with_warnings(text)
    assert scenario.audience.key_accounts[0].name == "Latte Leaks"
    assert warning.where == "audience.key_accounts[0].name"


def test_c1_controls_are_stripped(valid_text):
    text = edit(valid_text, "text: The jokes faded", 'text: "The \\x9b31mjokes faded')
    text = edit(text, "nobody wrote the story.", 'nobody wrote the story."')
    scenario, [warning] = load_scenario_with_warnings(text)
    assert "\x9b" not in scenario.endings[0].text


def test_warnings_alone_do_not_make_a_file_invalid(valid_text):
    text = edit(valid_text, "Got a question", "Got a\x07 question")
    scenario = load_scenario(text)
    assert "\x07" not in scenario.campaign.announcement


def test_scenario_error_lists_every_problem_in_gcc_format(valid_text):
    text = edit(valid_text, "difficulty: easy", "difficulty: 3")
    text = edit(text, "kind: fictional", "kind: fiction")
    with pytest.raises(ScenarioError) as caught:
        load_scenario(text, name="x.yaml")
    lines = str(caught.value).splitlines()
    assert len(lines) == 2
    assert all(line.startswith("x.yaml:") and ": error: " in line for line in lines)


def test_an_unclosed_quote_points_at_where_it_opens():
    [problem] = errors_of('format: 1\nid: "x\ntitle: y\n')
    assert (problem.line, problem.col) == (2, 5)
    assert "never closed" in problem.message
