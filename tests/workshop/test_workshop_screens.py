"""Pilot tests: the facilitator's dashboard, a joined team's play screen, and the served join screen."""

from __future__ import annotations

import time

from textual.widgets import DataTable, Input, OptionList, Static
from workshop_helpers import new_workshop

from game.engine.game import Game
from game.ui.screens.modals import ConfirmScreen
from game.workshop import dashboard
from game.workshop.dashboard import DashboardApp, InjectScreen
from game.workshop.joining import join
from game.workshop.store import WorkshopStore
from game.workshop.team_app import WorkshopTeamApp


def team_app(code: str) -> tuple[WorkshopTeamApp, object]:
    """The app `bashtag join CODE` runs, for a team that has just started its game."""
    joined = join(code)
    recorder = joined.start_recording()
    app = WorkshopTeamApp(
        scenario=joined.scenario,
        seed=joined.workshop.seed,
        resumed=(Game(joined.scenario, joined.workshop.seed), recorder),
    )
    joined.configure(app)
    return app, joined


def text_of(widget: Static) -> str:
    return str(widget.render())


async def test_dashboard_opens_the_next_turn_and_injects_to_one_team():
    made = new_workshop(3, "--lockstep", "--team-names", "Red,Blue,[b]Green")
    store = WorkshopStore()
    blue = join(made["teams"][1]["code"])
    controller, recorder = blue.headless()

    app = DashboardApp(store, made["workshop"])
    async with app.run_test(size=(150, 40)) as pilot:
        await pilot.pause()
        table = app.query_one(DataTable)
        assert table.row_count == 3
        assert str(table.get_cell_at((2, 0))) == "[b]Green"  # shown literally, not as markup
        await pilot.press("n")
        assert store.workshop(made["workshop"]).open_turn == 2

        await pilot.press("down")  # highlight team Blue on the dashboard
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, InjectScreen)
        target = app.screen.query_one("#inject-target", OptionList)
        assert target.highlighted == 0  # "All teams", whatever row was highlighted
        target.highlighted = 2  # Blue, chosen in the dialog
        app.screen.query_one("#inject-what", OptionList).highlighted = 0  # reporter_call
        await pilot.click("#inject-send")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "only Team Blue" in text_of(app.screen.query_one(".modal-title", Static))
        await pilot.press("y")
        await pilot.pause()
        assert not isinstance(app.screen, (InjectScreen, ConfirmScreen))

        await pilot.press("p")
        assert store.workshop(made["workshop"]).paused
        await pilot.press("p")

    assert blue.link.poll(controller).injected == []  # held ten seconds, so the facilitator can take it back
    later = time.time() + dashboard.UNDO_SECONDS + 1
    result = blue.link.poll(controller, now=later)  # then the team's game receives it (and logs it)
    assert result.injected == ["A reporter wants a comment"]
    assert controller.game.state.taken[-1].kind == "inject"
    controller.end_turn()  # turn 2 is open: turn 1 may end
    assert controller.game.state.turn == 2
    recorder.close()
    others = [t for t in store.teams(made["workshop"]) if t.name != "Blue"]
    assert all(store.pending_injects(t.id) == [] for t in others)


async def test_dashboard_typed_inject_to_all_teams():
    made = new_workshop(2)
    store = WorkshopStore()
    app = DashboardApp(store, made["workshop"])
    async with app.run_test(size=(150, 40)) as pilot:
        await pilot.press("i")
        await pilot.pause()
        app.screen.query_one("#inject-target", OptionList).highlighted = 0
        app.screen.query_one("#inject-headline", Input).value = "The CEO emails: [@click=app.quit]call me"
        await pilot.click("#inject-send")
        await pilot.pause()
        assert "all 2 teams: Red, Blue" in text_of(app.screen.query_one(".modal-title", Static))
        await pilot.press("y")
        await pilot.pause()
    later = time.time() + dashboard.UNDO_SECONDS + 1
    pending = [store.pending_injects(t.id, now=later) for t in store.teams(made["workshop"])]
    assert [p[0].headline for p in pending] == ["The CEO emails: [@click=app.quit]call me"] * 2


async def test_a_joined_team_sees_its_name_waits_in_lockstep_and_gets_injects():
    made = new_workshop(2, "--lockstep", "--team-names", "Red,Blue")
    store = WorkshopStore()
    app, joined = team_app(made["teams"][0]["code"])
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert "Team Red" in text_of(screen.query_one("#play-header", Static))
        await pilot.press("e")
        await pilot.pause()
        wait = screen.query_one("#play-wait", Static)
        assert "waiting for the facilitator to open turn 2" in text_of(wait) and wait.has_class("-waiting")
        assert app.controller.game.state.turn == 1
        assert store.team(joined.team.id).waiting  # the dashboard sees who is waiting

        store.send_inject(made["workshop"], joined.team.id, inject_id="memo")
        store.open_next_turn(made["workshop"])
        screen.poll_workshop()  # what the 1.5 s timer does
        await pilot.pause()
        state = app.controller.game.state
        assert state.turn == 2  # the waiting turn end went through
        assert any(e.kind == "inject" for e in state.events)
        assert not wait.has_class("-waiting")
        assert store.team(joined.team.id).turn == 2


async def test_the_join_screen_refuses_a_wrong_code_and_accepts_a_right_one(monkeypatch):
    from game.ui.screens.briefing import BriefingScreen
    from game.ui.screens.play import PlayScreen
    from game.workshop import join_screen
    from game.workshop.join_screen import JoinScreen

    monkeypatch.setattr(join_screen, "WRONG_CODE_DELAY", 0)
    made = new_workshop(1)
    app = WorkshopTeamApp(first_screen=lambda: JoinScreen(made["workshop"]))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press(*"ABCD-EFGH-JKMN", "enter")
        await pilot.pause()
        assert "no team has that code" in text_of(app.screen.query_one("#join-error", Static))
        await pilot.press(*made["teams"][0]["code"], "enter")
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)
        assert app.workshop_link is not None and app.workshop_link.team_name == "Red"
        assert any("You play as Team Red" in n.message for n in app._notifications)  # the briefing names it
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        assert "Team Red" in text_of(app.screen.query_one("#play-header", Static))
    team = WorkshopStore().teams(made["workshop"])[0]
    assert team.session_path and team.session_path.endswith(".jsonl")  # its game is being recorded


async def test_the_dashboard_keeps_polling_while_the_inject_dialog_is_open():
    made = new_workshop(2)
    store = WorkshopStore()
    app = DashboardApp(store, made["workshop"])
    async with app.run_test(size=(150, 40)) as pilot:
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, InjectScreen)
        join(made["teams"][0]["code"]).headless()[1].close()  # a team joins meanwhile
        app.poll()  # what the 1 s timer does
        assert app.teams[0].session_path is not None


async def test_the_turn_timer_opens_the_next_turn_when_it_runs_out():
    import time

    made = new_workshop(2, "--lockstep")
    store = WorkshopStore()
    app = DashboardApp(store, made["workshop"])
    async with app.run_test(size=(150, 40)) as pilot:
        await pilot.press("t")  # off → every 2 minutes
        assert store.workshop(made["workshop"]).timer_seconds == 120
        assert "next turn in 2:00" in text_of(app.status_line) or "next turn in 1:59" in text_of(app.status_line)
        store.set_timer(made["workshop"], 120, now=time.time() - 121)  # as if two minutes had passed
        app.poll()
        await pilot.pause()
        workshop = store.workshop(made["workshop"])
        assert workshop.open_turn == 2
        assert workshop.timer_deadline > time.time()  # and it runs on for the next turn
        await pilot.press("n")  # no team has reached turn 2: n opens nothing
        await pilot.pause()
        assert store.workshop(made["workshop"]).open_turn == 2


async def test_ending_the_workshop_asks_first_and_then_refuses_new_turns():
    import pytest

    from game.workshop.store import WorkshopError

    made = new_workshop(2)
    store = WorkshopStore()
    app = DashboardApp(store, made["workshop"])
    async with app.run_test(size=(150, 40)) as pilot:
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("n")  # "Keep going"
        await pilot.pause()
        assert not store.workshop(made["workshop"]).ended
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("y")  # "End it"
        await pilot.pause()
        assert store.workshop(made["workshop"]).ended
    with pytest.raises(WorkshopError, match="ended"):
        join(made["teams"][0]["code"])


async def test_the_inject_dialog_shows_what_an_inject_does_and_u_takes_it_back():
    made = new_workshop(2)
    store = WorkshopStore()
    app = DashboardApp(store, made["workshop"])
    async with app.run_test(size=(150, 44)) as pilot:
        await pilot.press("i")
        await pilot.pause()
        preview = text_of(app.screen.query_one("#inject-preview", Static))
        assert "A reporter wants a comment" in preview and "Within the hour." in preview and "press +6" in preview
        app.screen.query_one("#inject-what", OptionList).highlighted = 1  # the memo: no effects
        await pilot.pause()
        assert "none on the figures" in text_of(app.screen.query_one("#inject-preview", Static))
        app.screen.query_one("#inject-what", OptionList).highlighted = 0
        await pilot.click("#inject-send")
        await pilot.pause()
        await pilot.press("n")  # "Back": nothing sent, the dialog is there
        await pilot.pause()
        assert isinstance(app.screen, InjectScreen)
        await pilot.click("#inject-send")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        red, blue = store.teams(made["workshop"])
        later = time.time() + dashboard.UNDO_SECONDS + 1
        assert len(store.pending_injects(red.id, now=later)) == 1
        store.mark_delivered([i.id for i in store.pending_injects(red.id, now=later)])  # Red already has it
        await pilot.press("u")
        await pilot.pause()
        assert store.pending_injects(blue.id, now=later) == []  # taken back from Blue
        assert store.inject_counts_by_team(made["workshop"]) == {red.id: (1, 1)}


async def test_a_team_sees_a_pause_the_timer_and_its_own_wait_at_once_and_may_take_its_end_turn_back():
    made = new_workshop(2, "--lockstep")
    store = WorkshopStore()
    app, joined = team_app(made["teams"][0]["code"])
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        banner = screen.query_one("#play-wait", Static)
        store.set_paused(made["workshop"], True)
        screen.poll_workshop()  # what the 1 s timer does: no key pressed
        await pilot.pause()
        assert "PAUSED by the facilitator" in text_of(banner) and banner.has_class("-waiting")
        store.set_paused(made["workshop"], False)
        store.set_timer(made["workshop"], 120)
        screen.poll_workshop()
        await pilot.pause()
        assert "turn 2 opens in 1:59" in text_of(banner) or "turn 2 opens in 2:00" in text_of(banner)

        await pilot.press("e")  # lockstep: the end of turn 1 waits
        await pilot.pause()
        assert "You have ended turn 1: actions locked" in text_of(banner)
        assert screen.query_one("#play-actions").has_class("-locked")
        await pilot.press("m")  # locked: refused, and said so
        await pilot.pause()
        assert list(app.controller.game.state.taken) == []
        await pilot.press("e")  # take the end of the turn back
        await pilot.pause()
        assert not joined.link.waiting and not store.team(joined.team.id).waiting
        assert not screen.query_one("#play-actions").has_class("-locked")
        await pilot.press("m")
        await pilot.pause()
        assert [t.kind for t in app.controller.game.state.taken] == ["monitor"]
        store.open_next_turn(made["workshop"])
        screen.poll_workshop()  # taken back: the opening does not end it
        await pilot.pause()
        assert app.controller.game.state.turn == 1


async def test_after_the_end_nothing_more_is_written_to_a_teams_game():
    made = new_workshop(1)
    store = WorkshopStore()
    app, joined = team_app(made["teams"][0]["code"])
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        log = app.recorder.path
        store.send_inject(made["workshop"], None, inject_id="memo")
        store.end(made["workshop"])
        screen.poll_workshop()
        await pilot.pause()
        assert "The workshop has ended" in text_of(screen.query_one("#play-wait", Static))
        size = log.stat().st_size
        await pilot.press("m", "e")  # an action and an end of turn: both refused
        await pilot.pause()
        assert app.controller.game.state.turn == 1 and list(app.controller.game.state.taken) == []
        assert log.stat().st_size == size  # the inject sent before the end was not applied


async def test_the_dashboard_tells_true_states_notes_observations_and_switches_lockstep_on():
    made = new_workshop(3, "--team-names", "Red,Blue,Green")
    store = WorkshopStore()
    red = join(made["teams"][0]["code"])  # joined: reading the briefing, no game yet
    blue = join(made["teams"][1]["code"])
    controller, recorder = blue.headless()
    controller.end_turn()  # Blue plays a turn: its sparkline starts
    app = DashboardApp(store, made["workshop"])
    async with app.run_test(size=(190, 40)) as pilot:
        await pilot.pause()
        table = app.query_one(DataTable)
        states = [str(table.get_cell_at((row, len(dashboard.COLUMNS) - 1))) for row in range(3)]
        assert states == ["reading the briefing", "playing", "not joined"]
        assert str(table.get_cell_at((1, 4))) not in ("", "—")  # Blue's reputation so far
        assert not app.check_action("next_turn", ())  # free pace: no n, no t
        await pilot.press("l")  # lockstep switched on
        await pilot.pause()
        workshop = store.workshop(made["workshop"])
        assert workshop.lockstep and workshop.open_turn == 2  # Blue (turn 2) waits there
        assert app.check_action("next_turn", ())

        await pilot.press("down", "o")  # about Blue
        await pilot.pause()
        await pilot.press(*"argued about escalating", "enter")
        await pilot.pause()
        assert [(o.team, o.turn, o.text) for o in store.observations(made["workshop"])] == [
            ("Blue", 2, "argued about escalating")
        ]

        store.heartbeat(blue.team.id, now=time.time() - 60)  # Blue's tab was closed
        store.end(made["workshop"])
        app.poll()
        await pilot.pause()
        states = [str(table.get_cell_at((row, len(dashboard.COLUMNS) - 1))) for row in range(3)]
        assert states == ["ended", "ended", "ended (never joined)"]
        assert "ENDED" in text_of(app.status_line) and not app.check_action("inject", ())
    recorder.close()
    red.release()


def test_a_closed_window_shows_offline():
    made = new_workshop(1)
    store = WorkshopStore()
    joined = join(made["teams"][0]["code"])
    team = store.team(joined.team.id)
    assert dashboard.team_state(team) == "reading the briefing"
    assert dashboard.team_state(team, now=time.time() + 60) == "offline (reading the briefing)"


async def test_the_facilitator_scores_a_team_on_the_objectives_and_the_report_shows_it():
    from workshop_helpers import cli

    from game.workshop.rubric import objectives

    made = new_workshop(2)
    store = WorkshopStore()
    app = DashboardApp(store, made["workshop"])
    goals = objectives(app.scenario)
    async with app.run_test(size=(150, 44)) as pilot:
        await pilot.press("down", "s")  # score Blue
        await pilot.pause()
        await pilot.press("3", "2")  # first objective met, second partly
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
    assert store.scores(made["workshop"]) == [
        ("Blue", store.teams(made["workshop"])[1].id, goals[0], 3),
        ("Blue", store.teams(made["workshop"])[1].id, goals[1], 2),
    ]
    code, report, _ = cli("workshop", "report", "--code", made["facilitator_code"])
    scores = report.split("## Scores", 1)[1].split("##", 1)[0]
    assert code == 0 and "3: met" in scores and "2: partly" in scores


async def test_a_teams_event_list_shows_an_inject_once():
    from textual.widgets import RichLog

    made = new_workshop(1)
    store = WorkshopStore()
    app, joined = team_app(made["teams"][0]["code"])
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        store.send_inject(made["workshop"], None, inject_id="reporter_call")
        screen.poll_workshop()
        await pilot.press("e")  # the turn ends around the inject
        await pilot.pause()
        lines = [
            "".join(segment.text for segment in strip) for strip in screen.query_one("#play-events", RichLog).lines
        ]
        text = "\n".join(lines)
        assert "end of turn 1" in text
        assert text.count("A reporter wants a comment") == 1, text


async def test_the_inject_dialog_schedules_for_a_turn_and_the_dashboard_shows_the_timeline():
    made = new_workshop(2)
    store = WorkshopStore()
    app = DashboardApp(store, made["workshop"])
    async with app.run_test(size=(150, 48)) as pilot:
        await pilot.press("i")
        await pilot.pause()
        app.screen.query_one("#inject-turn", Input).value = "3"
        await pilot.click("#inject-send")
        await pilot.pause()
        assert "for turn 3, to all 2 teams" in text_of(app.screen.query_one(".modal-title", Static))
        await pilot.press("y")
        await pilot.pause()
        app.poll()
        await pilot.pause()
        panel = text_of(app.query_one("#dash-injects", Static))
        assert "turn 3" in panel and "A reporter calls" in panel and "Red: scheduled" in panel
    red = store.teams(made["workshop"])[0]
    assert store.pending_injects(red.id, now=time.time() + 3600) == []  # not before turn 3


def test_the_dashboard_says_where_the_teams_figures_first_parted():
    from game.engine.actions import Pause

    made = new_workshop(2)
    store = WorkshopStore()
    for team, pause_at in zip(made["teams"], (None, 3)):
        controller, recorder = join(team["code"]).headless()
        for turn in range(1, 6):
            if turn == pause_at:
                controller.apply(Pause())
            controller.end_turn()
        recorder.close()
    line = dashboard.first_parting(store.teams(made["workshop"]))
    assert line.startswith("The teams' figures first parted at turn 3")
