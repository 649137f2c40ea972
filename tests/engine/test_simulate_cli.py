"""`bashtag simulate`: whole games without a UI, reproducible, with a JSON shape scripts can read."""

from __future__ import annotations

import json
from pathlib import Path

from game.cli import main

MINI = str(Path(__file__).parent / "mini.yaml")


def simulate(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["simulate", MINI, *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_output_has_the_documented_shape(capsys):
    code, out, _ = simulate(capsys, "--strategy", "cancel-early", "--runs", "2", "--seed", "5", "--json", "--jobs", "1")
    assert code == 0
    data = json.loads(out)
    assert {"scenario", "strategy", "runs", "seed", "results", "summary"} <= set(data)
    assert data["strategy"] == "cancel-early" and data["runs"] == 2 and data["seed"] == 5
    run = data["results"][0]
    assert {
        "seed",
        "total_posts",
        "negative_share",
        "peak_posts_per_turn",
        "first_press_turn",
        "final_reputation",
        "turns_played",
        "outcome",
        "timeline",
        "unplayed_steps",
        "joins",
    } <= set(run)
    row = run["timeline"][0]
    assert {
        "turn",
        "time",
        "end",
        "posts",
        "negative_posts",
        "reputation",
        "press_attention",
        "actions",
        "events",
    } <= set(row)
    assert row["time"].startswith("2020-01-01T12:00")
    assert row["end"] > row["time"]
    assert any("cancel" in r["actions"] for r in run["timeline"])
    assert set(data["summary"]["total_posts"]) == {"median", "p10", "p90"}
    assert data["results"][0]["seed"] != data["results"][1]["seed"]


def test_the_same_seed_gives_the_same_output_serial_or_parallel(capsys):
    _, serial, _ = simulate(capsys, "--runs", "4", "--json", "--jobs", "1")
    _, parallel, _ = simulate(capsys, "--runs", "4", "--json", "--jobs", "2")
    assert serial == parallel


def test_the_table_is_for_people_and_errors_are_usage(capsys):
    code, out, _ = simulate(capsys, "--runs", "2", "--jobs", "1")
    assert code == 0 and "total_posts" in out and "outcomes:" in out
    code, out, err = simulate(capsys, "--strategy", "hope", "--runs", "1")
    assert code == 2 and out == "" and "unknown strategy 'hope'" in err and "historical" in err
    assert main(["simulate", "no-such-scenario"]) == 1


def test_the_balance_report_names_what_an_author_should_look_at(capsys):
    code, out, _ = simulate(capsys, "--balance", "--runs", "2", "--json", "--jobs", "1")
    assert code == 0
    report = json.loads(out)
    assert set(report["strategies"]) >= {"historical", "silent", "cancel-early", "boilerplate", "empathetic", "random"}
    for key in (
        "dominant",
        "events_never_fired",
        "endings_never_reached",
        "actions_never_worth_taking",
        "meters_no_action_moves",
    ):
        assert key in report


def test_posts_by_day_share_a_turn_across_midnight_by_its_hours_and_add_up(capsys):
    from game.engine.simulate import by_day, daily_posts, days_of, posts_between, run_batch
    from game.scenario.library import load

    timeline = [  # 18:00-02:00 straddles midnight: six of its eight hours fall on the first day
        {"time": "2020-01-01T12:00:00", "end": "2020-01-01T18:00:00", "posts": 60, "negative_posts": 30},
        {"time": "2020-01-01T18:00:00", "end": "2020-01-02T02:00:00", "posts": 80, "negative_posts": 80},
    ]
    assert [lo.isoformat() for lo, _ in days_of(timeline)] == ["2020-01-01T12:00:00", "2020-01-02T00:00:00"]
    assert daily_posts(timeline) == [60 + 60, 20]
    assert daily_posts(timeline, "negative_posts") == [30 + 60, 20]

    results = run_batch(load(MINI), "historical", 3, 2)
    for result in results:
        assert abs(sum(daily_posts(result.timeline)) - sum(row["posts"] for row in result.timeline)) < 1e-6
    days = by_day(results)
    assert days[0]["from"] == "12:00" and days[1]["from"] == "00:00" and days[1]["to"] == "24:00"
    first_day = [posts_between(r.timeline, *days_of(r.timeline)[0]) for r in results]
    assert days[0]["posts"]["median"] == sorted(first_day)[1]

    code, out, _ = simulate(capsys, "--runs", "3", "--seed", "2", "--jobs", "1")
    assert code == 0 and "by day" in out and "Wed 01 Jan 12:00–24:00" in out
    code, out, _ = simulate(capsys, "--runs", "3", "--seed", "2", "--jobs", "1", "--json")
    assert json.loads(out)["by_day"] == json.loads(json.dumps(days))


def test_the_balance_report_names_situational_posts_whose_time_never_comes():
    from game.engine.simulate import balance
    from game.scenario.library import load
    from game.scenario.models import SituationalPool

    mini = load(MINI)
    pools = [
        SituationalPool(when="turn >= 2", neutral=["Still going, {hashtag}"]),
        SituationalPool(when="turn > 99", neutral=["A hundred turns of {hashtag}"]),
    ]
    scenario = mini.model_copy(update={"templates": mini.templates.model_copy(update={"situational": pools})})
    report = balance(scenario, runs=1, seed=1, random_runs=2)
    assert report.situational_never_shown == ["templates.situational[1] (when: turn > 99)"]


def test_the_balance_report_says_never_tried_for_an_action_no_strategy_took(capsys, tmp_path):
    """An action nobody took was reported as "never worth taking" — as if it had been tried."""
    text = (
        Path(MINI)
        .read_text(encoding="utf-8")
        .replace(
            "\nevents:",
            (
                '\n  custom:\n    - {id: never, label: Never possible, description: Not in this game., when: "turn > 100"}'
                "\nevents:"
            ),
            1,
        )
    )
    path = tmp_path / "never.yaml"
    path.write_text(text, encoding="utf-8")
    assert main(["simulate", str(path), "--balance", "--runs", "1", "--jobs", "1"]) == 0
    out = capsys.readouterr().out
    assert "actions never tried by any strategy: never\n" in out
    worth = next(line for line in out.splitlines() if "never worth taking" in line)
    assert "never" not in worth.split(":", 1)[1]
    assert main(["simulate", str(path), "--balance", "--runs", "1", "--jobs", "1", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["actions_never_tried"] == ["never"]
    assert not any(item.startswith("never") for item in report["actions_never_worth_taking"])


def _mini_with(tmp_path, edit) -> str:
    """The mini scenario with a change an author might make, written to a file."""
    import yaml

    data = yaml.safe_load(Path(MINI).read_text())
    edit(data)
    path = tmp_path / "edited.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return str(path)


def test_simulate_says_which_historical_steps_the_game_could_not_play_and_why(tmp_path, capsys):
    def edit(data):
        data["historical"]["steps"] = [
            {"turn": 2, "action": "reply", "target": "Nobody", "tone": "empathetic"},  # never on the tag
            {"turn": 3, "action": "escalate"},
            {"turn": 3, "action": "escalate"},  # escalating twice: the game refuses the second
            {"turn": 10, "action": "cancel"},
        ]

    path = _mini_with(tmp_path, edit)
    assert main(["simulate", path, "--runs", "2", "--jobs", "1", "--json"]) == 0
    run = json.loads(capsys.readouterr().out)["results"][0]
    notes = run["unplayed_steps"]
    assert any(
        n.startswith("turn 2, historical.steps[0] (reply to @Nobody)") and "no post by @Nobody" in n for n in notes
    )
    assert any(n.startswith("turn 3, historical.steps[2] (escalate)") and "refused" in n for n in notes)
    assert not any("steps[1]" in n or "steps[3]" in n for n in notes)  # the steps played are not listed
    assert main(["simulate", path, "--runs", "2", "--jobs", "1"]) == 0
    out = capsys.readouterr().out
    assert "steps not played" in out and "historical.steps[0] (reply to @Nobody)" in out


def test_simulate_sets_a_key_accounts_joins_beside_the_record(tmp_path, capsys):
    def edit(data):
        critic, reporter = data["audience"]["key_accounts"]
        critic["joined_on_record"] = "2020-01-01T13:00:00"
        reporter["joined_on_record"] = "2020-01-01T12:30:00"

    path = _mini_with(tmp_path, edit)
    assert main(["simulate", path, "--runs", "2", "--jobs", "1", "--json"]) == 0
    runs = json.loads(capsys.readouterr().out)["results"]
    joined = [r["joins"].get("BigCritic") for r in runs]
    assert all(joined)  # the fixture's critic comes on turn 4 in every run
    assert main(["simulate", path, "--runs", "2", "--jobs", "1"]) == 0
    out = capsys.readouterr().out
    assert "key accounts beside the record" in out
    [critic_line] = [line for line in out.splitlines() if "@BigCritic" in line]
    assert "record Wed 01 Jan 13:00" in critic_line and "simulated" in critic_line
    # The verdict is the median offset from the record, in the clock's own time.
    import datetime as dt
    import statistics

    record = dt.datetime(2020, 1, 1, 13, 0)
    hours = statistics.median(
        (dt.datetime.fromisoformat(t).replace(tzinfo=None) - record).total_seconds() / 3600 for t in joined
    )
    expected = "within two hours" if abs(hours) <= 2 else f"{abs(hours):.1f} h {'late' if hours > 0 else 'early'}"
    assert f"({expected}" in critic_line
    assert abs(hours) > 2  # the fixture's critic comes on turn 4, long after 13:00: the line says how late
    [reporter_line] = [line for line in out.splitlines() if "@Reporter" in line]
    assert "record Wed 01 Jan 12:30" in reporter_line
    assert "simulated" in reporter_line or "never joined in 2 runs" in reporter_line
