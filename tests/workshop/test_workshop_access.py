"""Who may read a workshop, and what happens where nothing can be written.

Teams often log in as the facilitator's own user (over SSH): the facilitator's code, not the account,
keeps every team's figures to the facilitator.  The store and the teams' games are readable by their
owner only.  A data folder that cannot be written gives a sentence naming what and where (no traceback).
"""

from __future__ import annotations

import json
import os
import stat

import pytest
from workshop_helpers import MINI, cli, new_workshop


def test_status_and_report_ask_for_the_facilitators_code():
    made = new_workshop(2)
    team_code = made["teams"][0]["code"]
    for step in ("status", "report"):
        code, out, err = cli("workshop", step)  # no code, no terminal to ask on
        assert code == 2 and out == "" and "--code" in err
        code, out, err = cli("workshop", step, "--code", team_code)
        assert code == 1 and out == "" and "facilitator" in err
        code, out, err = cli("workshop", step, "--code", made["facilitator_code"])
        assert code == 0 and made["teams"][1]["name"] in out


def test_status_json_says_press_virality_last_action_and_injects():
    from game.engine.actions import Monitor
    from game.workshop.joining import join
    from game.workshop.store import WorkshopStore

    made = new_workshop(2)
    WorkshopStore().send_inject(made["workshop"], None, inject_id="memo")
    joined = join(made["teams"][0]["code"])
    controller, recorder = joined.headless()
    joined.link.poll(controller)  # Red receives the inject
    controller.apply(Monitor())
    recorder.close()
    code, out, _ = cli("workshop", "status", "--json", "--code", made["facilitator_code"])
    red, blue = json.loads(out)["teams"]
    assert code == 0
    assert red["press"] is not None and red["virality"] is not None
    assert red["last_action"] == f"turn 1: {controller.game.state.taken[-1].label}"  # with its turn
    assert (red["injects_sent"], red["injects_received"]) == (1, 1)
    assert (blue["injects_sent"], blue["injects_received"]) == (1, 0)


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_the_store_and_a_teams_game_are_readable_by_their_owner_only():
    from game.workshop.joining import join
    from game.workshop.store import default_path

    made = new_workshop(1)
    _, recorder = join(made["teams"][0]["code"]).headless()
    recorder.close()
    for path in (default_path(), recorder.path):
        mode = stat.S_IMODE(os.stat(path).st_mode)
        assert mode & 0o077 == 0, f"{path} is {oct(mode)}"


def test_the_dashboard_with_no_terminal_says_so():
    made = new_workshop(1)
    code, out, err = cli("workshop", "dashboard", "--code", made["facilitator_code"])
    assert code == 2 and "needs a terminal" in err and "Traceback" not in err


def unwritable_data_dir(tmp_path, monkeypatch):
    """A data folder that cannot be created: its parent is a file (root ignores read-only modes)."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    folder = blocker / "bashtag"
    monkeypatch.setenv("BASHTAG_DATA_DIR", str(folder))
    return folder


def test_workshop_new_status_and_join_name_what_they_cannot_write(tmp_path, monkeypatch):
    folder = unwritable_data_dir(tmp_path, monkeypatch)
    for argv in (
        ("workshop", "new", str(MINI), "--teams", "2"),
        ("workshop", "status", "--code", "ABCD-EFGH-JKMN"),
        ("join", "ABCD-EFGH-JKMN"),
    ):
        code, out, err = cli(*argv)
        assert code == 1, (argv, err)
        assert str(folder) in err and "cannot write" in err and "Traceback" not in err, (argv, err)


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="root writes into read-only folders; run as another user to cover this",
)
def test_a_read_only_data_folder_is_a_sentence(tmp_path, monkeypatch):
    made = new_workshop(1)
    folder = os.environ["BASHTAG_DATA_DIR"]
    os.chmod(folder, 0o500)
    try:
        code, out, err = cli("join", made["teams"][0]["code"])
        assert code == 1 and "cannot write" in err and folder in err
    finally:
        os.chmod(folder, 0o700)
