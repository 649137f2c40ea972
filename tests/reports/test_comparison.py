"""The comparative (workshop) debrief: game/reports renders teams side by side from their games."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from game.engine.actions import Monitor, Pause, Statement
from game.engine.debrief import analyse as debrief_of
from game.engine.game import Game
from game.reports.comparison import Comparison, Observation, TeamGame, analyse
from game.reports.comparison_pages import DASHES, NAMED_COLOURS, comparison_html, comparison_markdown, team_styles
from game.scenario.loader import load_scenario

MINI = Path(__file__).parents[1] / "workshop" / "mini.yaml"


def played(scenario, steps: dict, turns: int) -> Game:
    game = Game(scenario, 1)  # a seed whose silent game is hijacked (the lessons tests need one)
    for turn in range(1, turns + 1):
        for action in steps.get(turn, []):
            game.apply(action)
        game.end_turn()
    return game


def comparison(teams: dict, turns: int = 5, historical=None, observations=()) -> Comparison:
    scenario = load_scenario(MINI)
    games = {name: played(scenario, steps, turns) for name, steps in teams.items()}
    debriefs = {name: debrief_of(game, what_if_limit=0) for name, game in games.items()}
    first = next(iter(debriefs.values()))
    return analyse(
        Comparison(
            title=scenario.title,
            workshop_name="Q3 <exercise>",
            workshop_id="w1",
            scenario_id=scenario.id,
            seed=7,
            scenario=scenario,
            teams=tuple(TeamGame(n, games[n], debriefs[n]) for n in teams),
            historical=tuple(historical if historical is not None else first.historical),
            benchmark=first.benchmark,
            observations=tuple(observations),
        )
    )


def test_a_team_named_for_a_colour_is_drawn_in_it_and_every_team_has_its_own_pattern():
    styles = team_styles(["Red", "Blue", "Green", "Legal"])
    assert styles["Red"][0] == NAMED_COLOURS["red"] and styles["Blue"][0] == NAMED_COLOURS["blue"]
    assert styles["Green"][0] == NAMED_COLOURS["green"]
    assert styles["Legal"][0] not in {styles[n][0] for n in ("Red", "Blue", "Green")}
    assert len({dash for _, dash in styles.values()}) == 4 and [d for _, d in styles.values()] == list(DASHES[:4])
    page = comparison_html(comparison({"Red": {}, "Blue": {3: [Pause()]}}))
    key = page.split('class="key"', 1)[1].split("</p>", 1)[0]
    assert f'stroke="{NAMED_COLOURS["red"]}"' in key.split("Team Red")[0]  # Red's swatch, before its name
    assert 'stroke-dasharray="14, 5"' in key  # Blue's long dashes


def test_the_benchmark_is_compared_at_the_turn_the_teams_reached_not_at_its_end():
    c = comparison({"Red": {}, "Blue": {3: [Pause()]}}, turns=4)
    assert len(c.historical) > 4
    text = comparison_markdown(c)
    row = next(line for line in text.splitlines() if "at turn 4" in line)
    assert f"{c.historical[3].reputation:.1f}" in row and f"{c.historical[3].total_posts:,}" in row
    assert f"{c.historical[-1].total_posts:,}" not in row


def test_the_posts_chart_follows_the_teams_when_history_spikes():
    records = [
        SimpleNamespace(reputation=40.0, posts=p, total_posts=p, press=10.0, start=None, reactions=None)
        for p in (20, 40, 18_000, 9_000, 100)
    ]
    c = comparison({"Red": {}, "Blue": {3: [Pause()]}}, historical=records)
    page = comparison_html(c)
    assert "peaks at 18,000 posts at turn 3" in page
    posts_chart = page.split("Posts per turn over time", 1)[1]
    assert ">12000<" not in posts_chart and ">8000<" not in posts_chart  # the axis stays near the teams


def test_where_the_teams_diverged_starts_at_the_first_choice_that_changed_a_figure():
    c = comparison({"Red": {1: [Monitor()], 3: [Pause()]}, "Blue": {}, "Green": {3: [Statement("inform")]}})
    assert c.quiet_differences == (1,)  # Red monitored at turn 1: no figure moved
    assert c.divergences[0].turn == 3
    text = comparison_markdown(c)
    assert "differed at turn 1 without changing any figure" in text and "### Turn 3" in text
    assert "### Turn 1" not in text


def test_lessons_every_team_got_are_said_once_and_statements_sit_side_by_side():
    c = comparison({"Red": {3: [Statement("inform")]}, "Blue": {3: [Statement("trolls")]}}, turns=14)
    text = comparison_markdown(c)
    lessons = text.split("## Lessons", 1)[1].split("## Questions", 1)[0]
    for shared in c.shared_lessons:
        assert lessons.count(shared) == 1
    assert "- " in lessons  # bullets, not one long line
    row = next(
        line for line in text.split("## Statements, side by side", 1)[1].splitlines() if line.startswith("| 3 |")
    )
    assert "Postpone (inform)" in row and "Call them trolls (attack)" in row


def test_observations_are_in_the_report_and_hostile_text_stays_literal():
    c = comparison(
        {"<b>Red</b>": {}, "Blue": {3: [Pause()]}},
        observations=[Observation("Blue", 3, "Paused <script>alert(1)</script> under pressure")],
    )
    page = comparison_html(c)
    assert "<script>alert" not in page and "&lt;script&gt;" in page and "&lt;b&gt;Red&lt;/b&gt;" in page
    assert "The facilitator&#x27;s observations" in page or "The facilitator's observations" in page
    text = comparison_markdown(c)
    assert "**Team Blue**, turn 3: Paused" in text


def test_a_lesson_some_teams_got_is_said_once_with_every_team_that_got_it():
    c = comparison({"Red": {3: [Pause()]}, "Blue": {}, "Green": {}}, turns=14)
    text = comparison_markdown(c)
    lessons = text.split("## Lessons", 1)[1].split("## Questions", 1)[0]
    every = [lesson.text for lesson in c.teams[1].debrief.lessons]
    for lesson in every:
        assert lessons.count(lesson) == 1
    assert c.own_lessons == {("Blue", "Green"): ["Pause the queue."]}  # Red paused: the lesson is theirs
    assert "Teams Blue and Green:" in lessons and "Only Team" not in lessons
