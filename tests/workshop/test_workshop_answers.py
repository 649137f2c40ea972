"""An inject's answered state (issue 18 items 5-6): the mini scenario's reporter's call is answered by
the "inform" statement or by escalating (``answered_by``).  A team that answers it after receiving it
shows "answered" on the dashboard's inject timeline, in ``workshop status`` and in the report."""

from __future__ import annotations

import json

from textual.widgets import Static
from workshop_helpers import cli, new_workshop

from game.engine.actions import Monitor, Statement
from game.workshop.dashboard import DashboardApp
from game.workshop.joining import join
from game.workshop.store import WorkshopStore


def _play(made: dict) -> None:
    """The reporter calls both teams; Red answers with the statement it asks for, Blue only listens."""
    WorkshopStore().send_inject(made["workshop"], None, inject_id="reporter_call")
    for team, action in zip(made["teams"], (Statement(option="inform"), Monitor()), strict=True):
        joined = join(team["code"])
        controller, recorder = joined.headless()
        joined.link.poll(controller)  # the team receives the inject
        controller.apply(action)
        recorder.close()


def test_status_says_which_team_answered_the_inject_and_with_what():
    made = new_workshop(2)
    _play(made)
    code, out, err = cli("workshop", "status", "--json", "--code", made["facilitator_code"])
    assert code == 0, err
    red, blue = json.loads(out)["teams"]
    assert (red["injects_received"], red["injects_answered"]) == (1, 1)
    assert (blue["injects_received"], blue["injects_answered"]) == (1, 0)
    [inject] = red["injects"]
    assert inject["inject_id"] == "reporter_call" and inject["state"] == "answered"
    assert inject["answered"] == "turn 1: Statement: Postpone (inform)"
    assert [i["state"] for i in blue["injects"]] == ["received"] and blue["injects"][0]["answered"] is None
    code, out, _ = cli("workshop", "status", "--code", made["facilitator_code"])
    header, red_line, blue_line = out.splitlines()[1:4]
    assert "answered" in header
    assert red_line.split()[-2:] == ["1", "playing"] and blue_line.split()[-2:] == ["0", "playing"]


async def test_the_dashboards_timeline_shows_answered_beside_received():
    made = new_workshop(2)
    _play(made)
    app = DashboardApp(WorkshopStore(), made["workshop"])
    async with app.run_test(size=(150, 44)) as pilot:
        app.poll()
        await pilot.pause()
        panel = str(app.query_one("#dash-injects", Static).render())
        assert "A reporter calls" in panel and "Red: answered" in panel and "Blue: received" in panel
        await pilot.press("i")  # the inject dialog says what will count as an answer, in the actions' words
        await pilot.pause()
        preview = str(app.screen.query_one("#inject-preview", Static).render())
        assert "Answered by: Postpone; Escalate" in preview


def test_the_report_says_who_answered_the_inject(tmp_path):
    made = new_workshop(2)
    _play(made)
    code, out, err = cli("workshop", "report", "--code", made["facilitator_code"])
    assert code == 0, err
    assert "| 1 (1 of 1 answered) |" in out and "| 1 (0 of 1 answered) |" in out
    assert "*answered at turn 1: Statement: Postpone (inform)*" in out
    assert "*not answered*" in out
    page = tmp_path / "debrief.html"
    code, _, err = cli("workshop", "report", "--code", made["facilitator_code"], "-o", str(page))
    html = page.read_text(encoding="utf-8")
    assert code == 0, err
    assert "<i>answered at turn 1: Statement: Postpone (inform)</i>" in html and "<i>not answered</i>" in html


def test_status_json_gives_a_prepared_injects_words_and_says_a_team_has_not_joined_yet():
    made = new_workshop(2)
    WorkshopStore().send_inject(made["workshop"], None, inject_id="reporter_call")
    joined = join(made["teams"][0]["code"])  # Red joins; Blue has not opened its window yet
    controller, recorder = joined.headless()
    joined.link.poll(controller)
    recorder.close()
    code, out, err = cli("workshop", "status", "--json", "--code", made["facilitator_code"])
    assert code == 0, err
    red, blue = json.loads(out)["teams"]
    [red_inject], [blue_inject] = red["injects"], blue["injects"]
    # The store keeps only the prepared inject's id; the status gives the words the team sees.
    assert red_inject["label"] == blue_inject["label"] == "A reporter calls"
    assert red_inject["headline"] and red_inject["headline"] == blue_inject["headline"]
    assert red_inject["state"] == "received"
    assert blue_inject["state"] == "not joined yet"  # not "on its way": nothing can reach Blue yet


async def test_the_dashboards_timeline_says_a_team_has_not_joined_yet():
    made = new_workshop(2)
    WorkshopStore().send_inject(made["workshop"], None, inject_id="reporter_call")
    app = DashboardApp(WorkshopStore(), made["workshop"])
    async with app.run_test(size=(150, 44)) as pilot:
        app.poll()
        await pilot.pause()
        panel = str(app.query_one("#dash-injects", Static).render())
        assert "Red: not joined yet" in panel and "Blue: not joined yet" in panel


async def test_a_video_workshop_shows_each_teams_dislikes_on_the_dashboard_and_in_status():
    from textual.widgets import DataTable

    code, out, err = cli("workshop", "new", "perrystrong", "--teams", "2", "--seed", "7", "--json")
    assert code == 0, err
    made = json.loads(out)
    joined = join(made["teams"][0]["code"])  # Red plays a turn; Blue has not started
    controller, recorder = joined.headless()
    controller.end_turn()
    recorder.close()
    dislikes = controller.game.state.video.reactions.dislikes
    assert dislikes > 0
    code, out, err = cli("workshop", "status", "--json", "--code", made["facilitator_code"])
    red, blue = json.loads(out)["teams"]
    assert (red["likes"], red["dislikes"]) == (controller.game.state.video.reactions.likes, dislikes)
    assert blue["likes"] is None and blue["dislikes"] is None
    code, out, err = cli("workshop", "report", "--code", made["facilitator_code"])
    assert code == 0, err
    [red_row] = [line for line in out.splitlines() if line.startswith("| Red ")]
    assert f"{dislikes:,} dislikes" in red_row
    # the benchmark's row counts its dislikes the same way, up to the same turn
    [history_row] = [line for line in out.splitlines() if "(at turn 1)" in line]
    assert " dislikes |" in history_row
    app = DashboardApp(WorkshopStore(), made["workshop"])
    async with app.run_test(size=(160, 44)) as pilot:
        app.poll()
        await pilot.pause()
        table = app.query_one(DataTable)
        labels = [str(column.label) for column in table.columns.values()]
        assert "Dislikes" in labels
        column = labels.index("Dislikes")
        assert str(table.get_row_at(0)[column]) == f"{dislikes:,}" and str(table.get_row_at(1)[column]) == "—"


async def test_a_microblog_workshop_has_no_dislikes_column():
    from textual.widgets import DataTable

    made = new_workshop(1)
    app = DashboardApp(WorkshopStore(), made["workshop"])
    async with app.run_test(size=(160, 44)) as pilot:
        app.poll()
        await pilot.pause()
        assert "Dislikes" not in [str(c.label) for c in app.query_one(DataTable).columns.values()]


def test_status_json_labels_a_typed_inject_by_its_headline():
    made = new_workshop(1)
    WorkshopStore().send_inject(made["workshop"], None, headline="A TV crew is outside the branch")
    code, out, err = cli("workshop", "status", "--json", "--code", made["facilitator_code"])
    assert code == 0, err
    [inject] = json.loads(out)["teams"][0]["injects"]
    assert inject["label"] == inject["headline"] == "A TV crew is outside the branch"
