"""Two facts an author takes from the record (docs/authoring.md, "From the record to the numbers"):
an incident the national news carried (its public is the news audience) and a named adversary of the
organisation (it follows the organisation's account and reads its posts as an opening).  A file that
names neither plays as it did."""

from __future__ import annotations

import pytest
from test_derived_audience import MINI, derived

from game.engine import Game
from game.engine.audience import platform_users, resolve
from game.engine.params import DEFAULT_PARAMS
from game.scenario.loader import load_scenario, load_scenario_with_warnings
from game.scenario.problems import ScenarioError

ON_THE_NEWS = "  national_news: true\n"


def sizes(text: str) -> dict[str, int]:
    return {s.id: s.size or 0 for s in resolve(load_scenario(text), DEFAULT_PARAMS).audience.segments}


def test_an_incident_on_the_national_news_makes_the_public_its_news_audience():
    plain, news = sizes(derived("US", "national")), sizes(derived("US", "national", ON_THE_NEWS))
    users = platform_users(load_scenario(derived("US", "national")))
    assert users is not None
    assert plain["public"] == round(users * DEFAULT_PARAMS.audience.public_share)
    assert news["public"] == round(users * DEFAULT_PARAMS.audience.news_public_share)
    assert news["public"] > 20 * plain["public"]
    # Only the public changes: who holds the grievance, the press corps and the followers do not.
    assert {k: v for k, v in news.items() if k != "public"} == {k: v for k, v in plain.items() if k != "public"}


def test_the_news_audience_makes_a_bigger_storm_from_the_same_record():
    plain = Game(load_scenario(derived("US", "national")), 1)
    news = Game(load_scenario(derived("US", "national", ON_THE_NEWS)), 1)
    for game in (plain, news):
        while not game.over:
            game.end_turn()
    assert news.state.total_posts > 3 * plain.state.total_posts


@pytest.mark.parametrize(
    ("text", "says"),
    [
        (derived("world", "national", ON_THE_NEWS), "national news is one country's"),
        (MINI.replace("  segments:", "  region: US\n" + ON_THE_NEWS + "  segments:"), "sizes the public the engine"),
    ],
)
def test_national_news_without_a_country_or_a_derived_public_is_refused_with_its_place(text, says):
    with pytest.raises(ScenarioError) as error:
        load_scenario_with_warnings(text, "t.yaml")
    problem = next(p for p in error.value.problems if says in p.message)
    assert problem.line > 0
    assert "national_news" in problem.where


def test_an_adversary_that_is_not_hostile_is_refused_with_its_place():
    text = derived("US", "cause").replace(
        "handle: Reporter, name: A Reporter, followers: 60000, stance: neutral, kind: journalist",
        "handle: Reporter, name: A Reporter, followers: 60000, stance: neutral, kind: journalist, adversary: true",
    )
    with pytest.raises(ScenarioError) as error:
        load_scenario_with_warnings(text, "t.yaml")
    problem = next(p for p in error.value.problems if "is an adversary of the organisation but neutral" in p.message)
    assert problem.line > 0 and "adversary" in problem.where


def adversary_exposure(invitation: int, adversary: bool) -> float:
    """The critic's exposure after the first turn, the campaign inviting at ``invitation``."""
    text = (
        derived("US", "cause")
        .replace("  invitation: 30", f"  invitation: {invitation}")
        .replace(
            ', joins: {turn: 4, reason: "A test fixture: the critic arrives on turn 4 whatever the team does"}',
            ", adversary: true" if adversary else "",
        )
    )
    game = Game(load_scenario(text), 1)
    game.end_turn()
    node = game.world.graph.key_index["bigcritic"]
    return float(game.world.spread.exposure[:, node].sum())


def test_an_adversary_reads_the_organisations_posts_by_the_opening_they_give():
    # Named accounts follow no one in the crowd: without the fact, the critic has seen nothing yet.
    assert adversary_exposure(30, adversary=False) == 0.0
    loud, quiet = adversary_exposure(60, adversary=True), adversary_exposure(30, adversary=True)
    assert quiet > 0.0
    # The opening is the invitation's salience, (invitation/100)^2: twice as open, about four times the
    # read (a day-long turn adds a little from what the critic's own posts drew).
    assert 3.5 < loud / quiet < 4.5
    assert adversary_exposure(0, adversary=True) == 0.0  # a post that invites nothing is no opening


def test_files_that_name_neither_fact_have_no_adversaries():
    assert Game(load_scenario(MINI), 1).world.spread.adversaries.size == 0
    assert Game(load_scenario(derived("US", "national")), 1).world.spread.adversaries.size == 0


def test_the_simulator_says_the_public_is_the_news_audience():
    from game.engine.audience import describe

    lines = describe(load_scenario(derived("US", "national", ON_THE_NEWS)))
    public = next(line for line in lines if line.startswith("crowd public"))
    assert "the news audience" in public
    assert not any("news audience" in line for line in describe(load_scenario(derived("US", "national"))))
