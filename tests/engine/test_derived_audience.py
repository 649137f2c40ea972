"""The audience an author leaves to the engine: crowds derived from the record's facts, thresholds
scaled to the market, key accounts placed by kind; files written in full play as before."""

from __future__ import annotations

import statistics
from pathlib import Path

import pytest

from game.engine import Game
from game.engine.audience import market_params, platform_users, resolve
from game.engine.params import DEFAULT_PARAMS
from game.engine.simulate import play
from game.scenario.loader import load_scenario, load_scenario_with_warnings
from game.scenario.problems import ScenarioError

MINI = (Path(__file__).parent / "mini.yaml").read_text()


def derived(region: str = "UK", breadth: str = "cause", extra: str = "") -> str:
    """mini.yaml with its segments left out and its key accounts' segments to be placed."""
    start, end = MINI.index("  segments:"), MINI.index("  key_accounts:")
    facts = f"  region: {region}\n  grievance_breadth: {breadth}\n{extra}"
    text = MINI[:start] + facts + MINI[end:]
    return text.replace("segment: critics, ", "").replace("segment: public, ", "")


def test_a_file_written_in_full_plays_exactly_as_before():
    scenario = load_scenario(MINI)
    assert resolve(scenario, DEFAULT_PARAMS) is scenario
    assert market_params(scenario, DEFAULT_PARAMS) is DEFAULT_PARAMS
    assert Game(scenario, 3).params == DEFAULT_PARAMS


def test_left_out_segments_are_derived_from_region_year_followers_and_breadth():
    scenario = load_scenario(derived("UK", "cause"))
    resolved = resolve(scenario, DEFAULT_PARAMS)
    by_id = {s.id: s for s in resolved.audience.segments}
    assert list(by_id) == ["followers", "aggrieved", "media", "public"]
    users = platform_users(scenario)
    ap = DEFAULT_PARAMS.audience
    assert users == dict(((r, y), u) for r, y, u in ap.users)[("UK", 2017)]  # 2020: the nearest year in the table
    assert by_id["aggrieved"].size == round(users * dict(ap.breadth)["cause"])
    assert by_id["public"].size == round(users * ap.public_share)
    assert by_id["followers"].size == round(scenario.organisation.followers * ap.follower_share)
    # A live grievance makes the organisation's own followers partly hostile, the aggrieved mostly.
    assert by_id["aggrieved"].stance.hostile > by_id["followers"].stance.hostile > 0.3


def test_a_wider_grievance_makes_more_people_who_hold_it_and_none_makes_none():
    national = resolve(load_scenario(derived("US", "national")), DEFAULT_PARAMS).audience.segments
    niche = resolve(load_scenario(derived("US", "niche")), DEFAULT_PARAMS).audience.segments
    nobody = resolve(load_scenario(derived("US", "none")), DEFAULT_PARAMS)
    size = {s.id: s.size for s in national}["aggrieved"]
    assert size > {s.id: s.size for s in niche}["aggrieved"] * 5
    assert "aggrieved" not in [s.id for s in nobody.audience.segments]
    # The critic with nobody aggrieved to join lands among the public.
    assert {a.handle: a.segment for a in nobody.audience.key_accounts}["BigCritic"] == "public"


def test_key_accounts_without_a_segment_are_placed_by_kind_and_stance():
    resolved = resolve(load_scenario(derived()), DEFAULT_PARAMS)
    homes = {a.handle: a.segment for a in resolved.audience.key_accounts}
    assert homes == {"BigCritic": "aggrieved", "Reporter": "media"}


def test_a_smaller_market_trends_and_makes_news_on_fewer_posts():
    uk = Game(load_scenario(derived("UK")), 1).params
    us = Game(load_scenario(derived("US")), 1).params
    assert uk.trend.threshold < us.trend.threshold
    assert uk.press.half / us.press.half == pytest.approx(uk.trend.threshold / us.trend.threshold)  # same organisation
    # The press weighs a storm against the organisation's usual talk: a small, liked organisation's
    # storm is news sooner than a big, resented one's.
    small = Game(load_scenario(derived("US").replace("followers: 50000", "followers: 5000")), 1).params
    assert small.press.half < us.press.half
    assert small.trend.threshold == us.trend.threshold
    # A debrief's second game starts from the constants as given, not scaled twice.
    game = Game(load_scenario(derived("UK")), 1)
    assert Game(game.scenario, 1, game.model_params).params == game.params


def test_a_segment_with_a_role_may_leave_out_only_what_it_wants_derived():
    text = MINI.replace(
        "    - id: public\n      name: Public\n      size: 12000\n",
        "    - id: public\n      name: Public\n      role: public\n",
    ).replace("  segments:", "  region: US\n  segments:")
    scenario = load_scenario(text)
    public = {s.id: s for s in resolve(scenario, DEFAULT_PARAMS).audience.segments}["public"]
    assert public.size == round(platform_users(scenario) * DEFAULT_PARAMS.audience.public_share)
    assert public.followers == 200 and public.activity == 0.05  # written, so kept


@pytest.mark.parametrize(
    ("text", "says"),
    [
        (derived().replace("  region: UK\n", ""), "give audience.region"),
        (derived().replace("  grievance_breadth: cause\n", ""), "give audience.grievance_breadth"),
        (MINI.replace("      size: 8000\n", ""), "give the segment a role"),
    ],
)
def test_a_crowd_that_cannot_be_derived_is_refused_with_its_place(text, says):
    with pytest.raises(ScenarioError) as error:
        load_scenario_with_warnings(text, "t.yaml")
    problem = next(p for p in error.value.problems if says in p.message)
    assert problem.line > 0


def test_a_derived_game_is_deterministic_and_the_grievance_drives_it():
    national = load_scenario(derived("US", "national"))
    first, again = play(national, "historical", 5), play(national, "historical", 5)
    assert first.timeline == again.timeline
    niche = load_scenario(derived("US", "niche"))
    wide = statistics.median(play(national, "historical", seed).total_posts for seed in (1, 2, 3))
    narrow = statistics.median(play(niche, "historical", seed).total_posts for seed in (1, 2, 3))
    assert wide > 2 * narrow


def test_the_simulator_tells_an_author_what_the_engine_derived():
    from game.engine.audience import describe

    assert describe(load_scenario(MINI)) == []
    lines = describe(load_scenario(derived("UK", "national")))
    assert lines[0].startswith("market: UK, 14 million platform users in 2020")
    assert [line.split(":")[0] for line in lines[1:]] == [
        "crowd followers",
        "crowd aggrieved",
        "crowd media",
        "crowd public",
    ]


def _wire_reasons(game: Game) -> list[str]:
    return [c.reason for r in game.state.history for c in r.changes if c.meter == "press" and "like a wire" in c.reason]


def test_a_hijack_on_its_markets_trending_list_is_on_the_newsrooms_wire():
    """In a file that names its market, a hijacked tag on the trending list holds press attention at
    the floor at least (newsrooms read the list as a wire), whatever the storm's own size; without
    the floor the same small storm stays under it, and a file written in full never reads one."""
    scenario = load_scenario(derived("UK"))
    on_wire = Game(scenario, 1)
    play(scenario, "historical", 1, game=on_wire)
    floor = on_wire.params.press.trending_floor
    assert floor == DEFAULT_PARAMS.audience.trending_floor > 0
    assert _wire_reasons(on_wire), "the hijacked, trending tag never reached the newsrooms' wire"
    assert max(r.press for r in on_wire.state.history) >= floor - 5  # it settles toward the floor

    params = DEFAULT_PARAMS.with_(audience_trending_floor=0.0)
    off_wire = Game(scenario, 1, params)
    play(scenario, "historical", 1, params, game=off_wire)
    assert not _wire_reasons(off_wire)
    assert max(r.press for r in off_wire.state.history) < floor - 5

    written = Game(load_scenario(MINI), 1)
    play(written.scenario, "historical", 1, game=written)
    assert written.params.press.trending_floor == 0 and not _wire_reasons(written)
