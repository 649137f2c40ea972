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
