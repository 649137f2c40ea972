"""Several team processes play one workshop at once against one store; then status and the report add up."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

from waiting import wait_until
from workshop_helpers import DRIVER, cli, new_workshop


def test_four_team_processes_play_concurrently_and_the_report_compares_them(tmp_path):
    made = new_workshop(4, "--team-names", "Red,Blue,Green,Gold")
    # An inject to every team before they start: each process applies it from the store.
    from game.workshop.store import WorkshopStore

    WorkshopStore().send_inject(made["workshop"], None, inject_id="reporter_call")
    start_at = time.time() + 1.5  # every process waits for this instant: their turn ends collide
    styles = ["cancel", "pause", "watch", "cancel"]
    procs = [
        subprocess.Popen(
            [sys.executable, str(DRIVER), team["code"], style, str(start_at)],
            env=os.environ.copy(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for team, style in zip(made["teams"], styles)
    ]
    for proc in procs:
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err

    code, out, _ = cli("workshop", "status", "--json", "--code", made["facilitator_code"])
    status = json.loads(out)
    assert code == 0 and status["workshop"] == made["workshop"]
    assert all(t["outcome"] for t in status["teams"]), status
    assert all(t["turn"] == 15 for t in status["teams"])  # mini has 14 turns: all played
    # The cancelling teams played the same game (same seed, same choices), the others differed.
    by_name = {t["name"]: t for t in status["teams"]}
    assert by_name["Red"]["total_posts"] == by_name["Gold"]["total_posts"]
    assert by_name["Red"]["total_posts"] != by_name["Green"]["total_posts"]

    code, report, err = cli("workshop", "report", "--code", made["facilitator_code"])
    assert code == 0, err
    for name in ("Red", "Blue", "Green", "Gold"):
        assert f"Team {name}" in report
    assert "Where the teams' choices diverged" in report and "### Turn 3" in report
    assert report.count("**Inject:** A reporter calls") == 4  # every team's log recorded the inject
    assert "Questions for the discussion" in report

    html_file = tmp_path / "debrief.html"
    code, _, err = cli("workshop", "report", "-o", str(html_file), "--code", made["facilitator_code"])
    text = html_file.read_text()
    assert code == 0 and text.startswith("<!DOCTYPE html>") and "<script" not in text
    assert text.count('class="pygal-chart"') == 2 and "What happened" in text  # the fictional mini's model play


def test_joining_again_with_the_code_resumes_the_game_where_it_was():
    from game.workshop.joining import join

    made = new_workshop(1)
    code = made["teams"][0]["code"]
    first = join(code)
    controller, recorder = first.headless()
    from game.engine.actions import Pause

    controller.end_turn()
    controller.apply(Pause())
    controller.end_turn()
    before = controller.game.state
    recorder.close()
    first.release()  # the terminal is closed

    again = join(code)
    assert again.game is not None
    state = again.game.state
    assert (state.turn, state.reputation, state.total_posts) == (before.turn, before.reputation, before.total_posts)
    assert [t.kind for t in state.taken] == ["pause"]


def test_an_inject_applied_just_before_a_crash_is_not_applied_again():
    from game.engine.actions import Inject
    from game.workshop.joining import join
    from game.workshop.store import WorkshopStore

    made = new_workshop(1)
    code = made["teams"][0]["code"]
    store = WorkshopStore()
    first = join(code, store)
    controller, recorder = first.headless()
    store.send_inject(made["workshop"], first.team.id, inject_id="memo")
    store.send_inject(made["workshop"], first.team.id, headline="Second")
    controller.apply(Inject(inject_id="memo"))  # logged; the process dies before marking it delivered
    recorder.close()
    first.release()

    again = join(code, store)
    controller, recorder = again.headless()
    again.link.poll(controller)
    recorder.close()
    injects = [t.label for t in controller.game.state.taken if t.kind == "inject"]
    assert len(injects) == 2 and "Second" in injects[1]
    assert store.pending_injects(first.team.id) == []


def test_killing_a_team_process_loses_at_most_the_turn_in_progress():
    import signal

    from game.workshop.joining import join
    from game.workshop.store import WorkshopStore

    made = new_workshop(1)
    code = made["teams"][0]["code"]
    proc = subprocess.Popen(
        [sys.executable, str(DRIVER), code, "slow", "0"],
        env=os.environ.copy(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    store = WorkshopStore()
    wait_until(
        lambda: store.teams(made["workshop"])[0].turn >= 5 or proc.poll() is not None, 30, "the team to reach turn 5"
    )
    assert proc.poll() is None
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    seen = store.teams(made["workshop"])[0].turn  # what the dashboard last saw

    again = join(code, store)
    assert again.game is not None and again.game.state.turn >= seen
    controller, recorder = again.headless()  # and it plays on
    controller.end_turn()
    recorder.close()
    assert store.teams(made["workshop"])[0].turn == again.game.state.turn


def test_the_same_team_cannot_play_in_two_windows_at_once():
    import pytest

    from game.workshop.joining import join
    from game.workshop.store import WorkshopError

    made = new_workshop(1)
    code = made["teams"][0]["code"]
    first = join(code)
    with pytest.raises(WorkshopError, match="already playing in another window"):
        join(code)
    first.release()
    join(code).release()


# ------------------------------------------------------------------------------ lockstep and the timer


def _drivers(made: dict, styles: list[str]) -> list[subprocess.Popen]:
    start_at = time.time() + 1.0
    return [
        subprocess.Popen(
            [sys.executable, str(DRIVER), team["code"], style, str(start_at)],
            env=os.environ.copy(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for team, style in zip(made["teams"], styles)
    ]


def _finish(store, made: dict, procs: list[subprocess.Popen]) -> None:
    store.end(made["workshop"])
    for proc in procs:
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err


def test_pressing_n_twice_opens_only_one_turn_past_the_leading_team():
    from game.workshop.store import WorkshopStore

    made = new_workshop(3, "--lockstep")
    store = WorkshopStore()
    ident = made["workshop"]
    procs = _drivers(made, ["watch", "watch", "watch"])
    try:

        def all_waiting_on(turn):
            teams = store.teams(ident)
            return all(t.turn == turn and t.waiting for t in teams)

        wait_until(lambda: all_waiting_on(1), 30, "every team to wait at the end of turn 1")
        assert store.open_next_turn(ident) == (2, True)
        assert store.open_next_turn(ident) == (2, False)  # the second press: nobody is on turn 2 yet
        wait_until(lambda: all_waiting_on(2), 30, "every team to wait at the end of turn 2")
        time.sleep(0.5)  # teams keep asking to end turn 2: refused (a fixed wait on purpose: nothing must happen)
        assert {t.turn for t in store.teams(ident)} == {2}
        assert store.workshop(ident).open_turn == 2
        assert store.open_next_turn(ident) == (3, True)
        wait_until(lambda: all_waiting_on(3), 30, "every team to wait at the end of turn 3")
    finally:
        _finish(store, made, procs)
    assert {t.turn for t in store.teams(ident)} == {3}


def test_the_turn_timer_stops_while_paused_and_never_opens_more_than_one_turn_ahead():
    from game.workshop.store import WorkshopStore

    made = new_workshop(2, "--lockstep")
    store = WorkshopStore()
    ident = made["workshop"]
    procs = _drivers(made, ["stop3", "stop3"])  # both play on until turn 3, then think (never end it)
    tick = lambda: store.tick_timer(ident)  # what the dashboard does every second  # noqa: E731
    try:
        wait_until(lambda: all(t.waiting for t in store.teams(ident)), 30, "both teams to wait on turn 1")
        store.set_paused(ident, True)
        store.set_timer(ident, 1)  # a one-second turn timer, set while paused
        time.sleep(2.0)  # two timer periods: nothing opens while paused (on purpose: nothing must happen)
        tick()
        workshop = store.workshop(ident)
        assert workshop.open_turn == 1 and workshop.timer_remaining() == 1.0
        store.set_paused(ident, False)
        wait_until(lambda: store.workshop(ident).open_turn == 2, 10, "the timer to open turn 2", tick=tick)
        # Turn 2 is played and its end waits; the timer opens turn 3, and the teams stop there.
        wait_until(lambda: all(t.turn == 3 for t in store.teams(ident)), 30, "both teams on turn 3", tick=tick)
        for _ in range(40):  # four seconds, four timer periods: at most turn 4
            tick()
            time.sleep(0.1)
        assert store.workshop(ident).open_turn == 4
        assert store.workshop(ident).timer_remaining() == 0.0  # run out, waiting for a team to reach turn 4
    finally:
        _finish(store, made, procs)


def test_a_scheduled_inject_reaches_each_chosen_team_at_its_turn_and_the_timeline_says_so():
    from game.workshop.store import WorkshopStore

    made = new_workshop(3, "--team-names", "Red,Blue,Green")
    store = WorkshopStore()
    code, out, err = cli(
        "workshop",
        "schedule",
        "reporter_call",
        "--turn",
        "4",
        "--teams",
        "Red,Blue",
        "--code",
        made["facilitator_code"],
    )
    assert code == 0 and "Red, Blue" in out, err
    [entry] = store.inject_timeline(made["workshop"])
    assert entry["at_turn"] == 4 and entry["teams"] == [("Red", "scheduled"), ("Blue", "scheduled")]
    procs = _drivers(made, ["watch", "watch", "watch"])  # three processes play to the end
    for proc in procs:
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
    [entry] = store.inject_timeline(made["workshop"])
    assert entry["teams"] == [("Red", "received"), ("Blue", "received")]
    from game.workshop.joining import join

    for team, expected in zip(made["teams"], ([4], [4], [])):
        joined = join(team["code"])
        assert [t.turn for t in joined.game.state.taken if t.kind == "inject"] == expected
        joined.release()
