"""Restoring a game from its session log: after a crash, and from logs that went wrong."""

from __future__ import annotations

import json

import pytest
from session_helpers import PLAN, play, reference

from game.engine.actions import Cancel, Monitor
from game.engine.state import to_jsonable
from game.sessions import FORMAT, Recorder, SessionError, quick_info, resume


def same(a, b) -> bool:
    return to_jsonable(a.state) == to_jsonable(b.state)


def lines_of(path):
    return path.read_text(encoding="utf-8").splitlines(keepends=True)


def write_lines(path, lines):
    path.write_text("".join(lines), encoding="utf-8")


def test_a_finished_game_resumes_bit_for_bit(finished):
    game, path = finished
    restored, info, warnings = resume("latest")
    assert warnings == []
    assert same(restored, game)
    assert info.outcome == game.state.ending.outcome and info.turns_played == len(game.state.history)


def test_a_kill_in_the_middle_of_a_line_loses_only_that_line(scenario_file):
    # Killed while writing turn 7's cancel: the monitor of turn 7 is complete, the cancel cut in half.
    game, recorder = play(scenario_file, until_turn=7, plan={3: [Monitor()]}, extra_this_turn=[Monitor()])
    recorder.record_action(7, Cancel())
    recorder.close()
    data = recorder.path.read_bytes()
    recorder.path.write_bytes(data[: len(data) - 12])  # mid-line, as kill -9 would leave it
    restored, info, warnings = resume(recorder.path)
    assert same(restored, reference(scenario_file, until_turn=7, plan={3: [Monitor()]}, extra_this_turn=[Monitor()]))
    assert any("cut off" in w for w in warnings)


def test_a_kill_in_a_turns_end_line_goes_back_to_the_previous_turn(scenario_file):
    game, recorder = play(scenario_file, until_turn=6)
    recorder.close()
    data = recorder.path.read_bytes()
    recorder.path.write_bytes(data[:-20])
    restored, _, warnings = resume(recorder.path)
    assert restored.state.turn == 5
    # turn 5's statement was written before the cut: it is complete, so it is replayed too
    assert same(restored, reference(scenario_file, until_turn=5, extra_this_turn=PLAN[5]))
    assert warnings


def test_recording_carries_on_after_a_resume_from_the_good_part(scenario_file):
    _, recorder = play(scenario_file, until_turn=4)
    recorder.close()
    recorder.path.write_bytes(recorder.path.read_bytes()[:-7])
    game, info, _ = resume(recorder.path)
    again = Recorder.reopen(info)
    while not game.over:
        game.end_turn()
        again.record_end_turn(game.state)
    again.close()
    assert recorder.path.with_name(recorder.path.name + ".bak").exists()
    final, _, warnings = resume(recorder.path)
    assert warnings == [] and same(final, game)


def test_the_list_reads_the_figures_without_replaying(finished):
    game, path = finished
    info = quick_info(path)
    assert info.outcome == game.state.ending.outcome
    assert info.reputation == game.state.reputation and info.total_posts == game.state.total_posts


# ------------------------------------------------------------------------------------------ bad logs


def test_a_changed_scenario_is_refused_with_an_offer_when_every_action_still_applies(finished, scenario_file):
    game, path = finished
    scenario_file.write_text(scenario_file.read_text().replace("You held.", "You held on."), encoding="utf-8")
    with pytest.raises(SessionError) as caught:
        resume(path)
    assert caught.value.scenario_changed and "changed" in str(caught.value)
    restored, _, warnings = resume(path, accept_changed_scenario=True)
    assert restored.state.turn == game.state.turn and any("changed" in w for w in warnings)


def test_a_changed_scenario_that_refuses_an_action_says_which(finished, scenario_file):
    _, path = finished
    text = scenario_file.read_text()
    scenario_file.write_text(text.replace("{id: inform,", "{id: postpone,"), encoding="utf-8")
    with pytest.raises(SessionError) as caught:
        resume(path)
    assert not caught.value.scenario_changed
    assert "cannot be replayed" in str(caught.value) and "statement" in str(caught.value)
    restored, _, warnings = resume(path, accept_changed_scenario=True)
    assert restored.state.turn == 5 and any("refuses" in w for w in warnings)


@pytest.mark.parametrize(
    "change, words", [({"format": FORMAT + 1}, "format"), ({"bashtag": "99.0.0"}, "newer Bashtag")]
)
def test_a_log_from_a_newer_bashtag_is_refused(finished, change, words):
    _, path = finished
    lines = lines_of(path)
    header = json.loads(lines[0])
    header.update(change)
    write_lines(path, [json.dumps(header) + "\n"] + lines[1:])
    with pytest.raises(SessionError, match=words):
        resume(path)


def _edit(path, index, new_line):
    lines = lines_of(path)
    lines[index] = new_line + "\n"
    write_lines(path, lines)
    return lines


def _index_of(path, predicate):
    return next(i for i, line in enumerate(lines_of(path)) if i and predicate(json.loads(line)))


@pytest.mark.parametrize(
    "name, edit, message",
    [
        ("invalid json", lambda e: "{not json", "not valid JSON"),
        ("unknown action", lambda e: json.dumps({**e, "action": {"kind": "bribe"}}), "unknown action kind"),
        ("unknown entry", lambda e: json.dumps({**e, "t": "teleport"}), "unknown entry kind"),
        ("refused action", lambda e: json.dumps({**e, "action": {"kind": "resume"}}), "refuses"),
        ("turn out of order", lambda e: json.dumps({**e, "turn": e["turn"] + 3}), "out of order"),
    ],
)
def test_a_hand_edited_line_stops_the_replay_where_it_is(scenario_file, name, edit, message):
    _, recorder = play(scenario_file)
    recorder.close()
    index = _index_of(recorder.path, lambda e: e["t"] == "action" and e["turn"] == 4)  # the pause
    entry = json.loads(lines_of(recorder.path)[index])
    _edit(recorder.path, index, edit(entry))
    restored, info, warnings = resume(recorder.path)
    assert any(message in w for w in warnings), warnings
    assert same(restored, reference(scenario_file, until_turn=4, plan={3: [Monitor()]}))


def test_an_edited_figure_is_caught_and_the_game_goes_back_to_the_turn_before(scenario_file):
    _, recorder = play(scenario_file)
    recorder.close()
    index = _index_of(recorder.path, lambda e: e["t"] == "end_turn" and e["turn"] == 5)
    entry = json.loads(lines_of(recorder.path)[index])
    _edit(recorder.path, index, json.dumps({**entry, "reputation": 99.0}))
    restored, _, warnings = resume(recorder.path)
    assert any("recorded 99.0" in w for w in warnings)
    assert same(restored, reference(scenario_file, until_turn=5))


def test_a_game_from_an_older_bashtag_that_replays_differently_says_which_versions(scenario_file):
    from game import __version__

    _, recorder = play(scenario_file)
    recorder.close()
    lines = lines_of(recorder.path)
    header = {**json.loads(lines[0]), "bashtag": "0.0.1"}
    index = _index_of(recorder.path, lambda e: e["t"] == "end_turn" and e["turn"] == 5)
    lines[index] = json.dumps({**json.loads(lines[index]), "reputation": 99.0}) + "\n"  # as an older engine's
    write_lines(recorder.path, [json.dumps(header) + "\n"] + lines[1:])
    restored, _, warnings = resume(recorder.path)
    assert same(restored, reference(scenario_file, until_turn=5))
    assert any(f"recorded with Bashtag 0.0.1; this is {__version__}" in w for w in warnings), warnings


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "empty"),
        (b"hello\n", "not a Bashtag session log"),
        (b'{"t": "action"}\n', "not a Bashtag session log"),
        (b'{"t": "header", "format": 1}\n', "damaged"),
        (b"\xff\xfe\x00garbage", "not a Bashtag session log"),
    ],
)
def test_things_that_are_not_logs_give_a_plain_error(tmp_path, content, message):
    path = tmp_path / "x.jsonl"
    path.write_bytes(content)
    with pytest.raises(SessionError, match=message):
        resume(path)


def test_a_missing_scenario_is_a_plain_error(finished, scenario_file):
    _, path = finished
    scenario_file.unlink()
    with pytest.raises(SessionError, match="cannot be found"):
        resume(path)


def test_no_saved_game_is_a_plain_error():
    with pytest.raises(SessionError, match="no saved games"):
        resume("latest")
    with pytest.raises(SessionError, match="no saved game"):
        resume("nope")


def test_a_full_disk_stops_recording_without_stopping_the_game(scenario_file):
    game, recorder = play(scenario_file, until_turn=3)

    def full(*_):
        raise OSError(28, "No space left on device")

    recorder._handle.write = full
    recorder.record_end_turn(game.state)
    assert recorder.problem and "No space left" in recorder.problem
    recorder.record_action(3, Monitor())  # no error: recording has stopped
    recorder.close()


def test_the_ui_can_start_recording_from_a_built_in_id():
    from game.scenario.library import load

    scenario = load("tutorial")
    recorder = Recorder.start_for("tutorial", scenario, 9)
    recorder.close()
    assert quick_info(recorder.path).scenario_ref == "tutorial"
    with pytest.raises(SessionError, match="cannot record"):
        Recorder.start_for("no-such-scenario", scenario, 9)


def test_continue_offers_the_latest_unfinished_game_and_records_on(scenario_file, finished):
    from game.sessions.continuing import continue_hook

    _, recorder = play(scenario_file, until_turn=4)
    recorder.close()
    got, errors = [], []
    label, resume_it = continue_hook(lambda *args: got.append(args), errors.append)()
    assert "mini, turn 4" in label
    resume_it()
    scenario, game, again, warnings = got[0]
    assert errors == [] and warnings == [] and game.state.turn == 4
    game.end_turn()
    again.on_end_turn(game, None)
    again.close()
    assert quick_info(recorder.path).turns_played == 4


def test_an_action_the_engine_fails_on_ends_in_a_message_and_the_game_before_it(scenario_file, monkeypatch):
    from game.engine.game import Game

    _, recorder = play(scenario_file)
    recorder.close()
    apply = Game.apply

    def failing(self, action):
        if action.kind == "pause":
            raise KeyError("half-way")
        return apply(self, action)

    monkeypatch.setattr(Game, "apply", failing)
    restored, _, warnings = resume(recorder.path)
    monkeypatch.undo()
    assert any("cannot be applied (KeyError)" in w for w in warnings)
    assert same(restored, reference(scenario_file, until_turn=4, plan={3: [Monitor()]}))
