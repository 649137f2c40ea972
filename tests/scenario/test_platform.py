"""A scenario's platform: microblog by default, video on request; an action that exists on one
platform only is refused, with its place, in a scenario on the other."""

from __future__ import annotations

from scenario_helpers import edit, errors_of, line_of

from game.scenario.loader import load_scenario_with_warnings

KIND = "kind: fictional              # real (a documented case) or fictional"


def test_a_scenario_without_a_platform_is_on_a_microblog(valid_text):
    scenario, _ = load_scenario_with_warnings(valid_text, "t.yaml")
    assert scenario.platform == "microblog"


def test_a_microblog_action_in_a_video_scenario_is_refused_where_it_is_written(valid_text):
    text = edit(valid_text, KIND, KIND + "\nplatform: video")
    [problem] = errors_of(text)
    assert problem.where == "historical.steps[2].action"
    assert problem.line == line_of(text, "{turn: 6, action: cancel}")
    assert "'cancel' exists only on a microblog platform" in problem.message
    assert "make_private" in problem.message  # what the video platform offers instead


def test_a_video_action_in_a_microblog_scenario_is_refused_where_it_is_written(valid_text):
    text = edit(valid_text, "    - {turn: 6, action: cancel}", "    - {turn: 6, action: disable_ratings}")
    [problem] = errors_of(text)
    assert problem.where == "historical.steps[2].action"
    assert problem.line == line_of(text, "action: disable_ratings")
    assert "'disable_ratings' exists only on a video platform" in problem.message


def test_disabling_an_action_of_the_other_platform_is_refused_too(valid_text):
    text = edit(valid_text, KIND, KIND + "\nplatform: video")
    text = edit(text, "    - {turn: 6, action: cancel}", "    - {turn: 6, action: make_private}")
    text = edit(text, "actions:\n", "actions:\n  disabled: [pause]\n")
    [problem] = errors_of(text)
    assert problem.where == "actions.disabled[0]"
    assert "'pause' exists only on a microblog platform" in problem.message


def test_a_video_scenario_with_video_actions_is_valid(valid_text):
    text = edit(valid_text, KIND, KIND + "\nplatform: video")
    text = edit(text, "    - {turn: 6, action: cancel}", "    - {turn: 6, action: disable_ratings}")
    assert errors_of(text) == []


def test_bashtag_new_platform_video_writes_a_valid_video_scenario(tmp_path, capsys):
    from game.cli import main

    target = tmp_path / "clip.yaml"
    assert main(["new", "clip", "--platform", "video", "-o", str(target)]) == 0
    scenario, warnings = load_scenario_with_warnings(target.read_text(encoding="utf-8"), "clip.yaml")
    assert scenario.platform == "video" and warnings == []
    assert {step.action for step in scenario.historical.steps} & {"disable_ratings"}
    assert main(["validate", str(target)]) == 0


def test_the_video_scaffold_plays_to_an_ending_with_its_counts(valid_text):
    from game.engine import Game
    from game.scenario.scaffold import scaffold_text

    scenario, _ = load_scenario_with_warnings(scaffold_text("clip", platform="video"), "t.yaml")
    game = Game(scenario, seed=1)
    while not game.over:
        game.end_turn()
    assert game.state.video is not None and game.state.ending is not None


def test_platform_is_refused_with_from(tmp_path, capsys):
    from game.cli import main

    assert main(["new", "copy", "--from", "askjpm", "--platform", "video", "-o", str(tmp_path / "c.yaml")]) == 2
    assert "--platform" in capsys.readouterr().err
