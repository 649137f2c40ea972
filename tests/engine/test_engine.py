"""The consequence engine, driven without any UI."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import numpy as np
import pytest
import yaml

from game.engine import ActionNotAllowed, Cancel, Delete, Game, Pause, Reply, Resume, Statement, action_from_dict
from game.engine.params import ModelParams
from game.engine.rules import RULES
from game.engine.spread import _poisson_counts, deadline_rush
from game.engine.state import to_jsonable
from game.scenario.models import Scenario, SituationalPool

HERE = Path(__file__).parent


@pytest.fixture(scope="module")
def mini() -> Scenario:
    return Scenario.model_validate(yaml.safe_load((HERE / "mini.yaml").read_text()))


def play_through(game: Game, plan: dict[int, list] | None = None) -> Game:
    plan = plan or {}
    while not game.over:
        for make in plan.get(game.state.turn, []):
            game.apply(make(game))
        game.end_turn()
    return game


def loudest_hostile(game: Game):
    return next(p for p in game.state.feed if p.stance == "hostile" and p.source != "org")


def fingerprint(game: Game) -> str:
    return json.dumps(to_jsonable(game.state), sort_keys=True)


def test_same_seed_and_choices_give_the_same_game_bit_for_bit(mini):
    plan = {4: [lambda g: Reply(loudest_hostile(g).id, "empathetic"), lambda g: Pause()], 7: [lambda g: Cancel()]}
    first = play_through(Game(mini, seed=11), plan)
    second = play_through(Game(mini, seed=11), plan)
    assert fingerprint(first) == fingerprint(second)


def test_another_seed_gives_another_game(mini):
    assert fingerprint(play_through(Game(mini, seed=1))) != fingerprint(play_through(Game(mini, seed=2)))


def test_a_fork_plays_on_independently_and_identically(mini):
    game = Game(mini, seed=5)
    for _ in range(4):
        game.end_turn()
    fork = game.fork()
    same = game.fork()
    fork.apply(Cancel())
    play_through(fork)
    play_through(same)
    play_through(game)
    assert fingerprint(same) == fingerprint(game)
    assert game.state.campaign != "cancelled"
    assert fork.state.campaign == "cancelled"
    assert fork.state.total_posts != game.state.total_posts


def test_follower_graph_has_communities_heavy_tails_and_documented_reach(mini):
    graph = Game(mini, seed=3).world.graph
    sources = np.repeat(np.arange(graph.size), graph.out_degree())
    crowd = sources < graph.org_node
    same = graph.segment[sources[crowd]] == graph.segment[graph.indices[crowd]]
    assert 0.7 < same.mean() < 0.95  # cohesion 0.8 plus the by-size mixing
    followers = graph.followers[: graph.org_node - len(graph.key_index)]
    assert followers.max() > 20 * np.median(followers)  # heavy tail
    big = graph.key_index["bigcritic"]
    degree = graph.out_degree()
    assert degree[big] > 50 * np.median(degree[:1000])  # 150k followers reach far
    nx_graph = graph.to_networkx()
    assert nx_graph.number_of_edges() == graph.indices.size


def test_every_change_says_why(mini):
    game = play_through(Game(mini, seed=4))
    changes = [c for record in game.state.history for c in record.changes]
    assert changes
    assert all(c.reason.strip() for c in changes)
    assert any(c.meter == "reputation" and c.delta < 0 and "hostile posts reached" in c.reason for c in changes)


def test_scheduled_posts_go_out_until_the_queue_is_paused(mini):
    running = play_through(Game(mini, seed=6))
    paused = play_through(Game(mini, seed=6), {1: [lambda g: Pause()]})
    texts = lambda g: [p.text for p in g.state.org_posts]  # noqa: E731
    assert any("Only hours left" in t for t in texts(running))
    assert not any("Only hours left" in t for t in texts(paused))


def test_a_post_due_while_the_queue_is_paused_is_not_sent_when_it_resumes(mini):
    # Paused on turn 5, resumed on turn 7: turn 6's reminder was due in the pause and stays unsent
    # (as the action's words say); turn 9's goes out as scheduled.
    game = play_through(Game(mini, seed=6), {5: [lambda g: Pause()], 7: [lambda g: Resume()]})
    texts = [p.text for p in game.state.org_posts]
    assert not any("Keep the questions coming" in t for t in texts)
    assert any("Only hours left" in t for t in texts)
    assert "stay unsent" in RULES["resume"].description and "is not sent" in RULES["pause"].description


def test_refused_actions_say_why(mini):
    game = Game(mini, seed=1)
    game.apply(Cancel())
    with pytest.raises(ActionNotAllowed, match="already cancelled"):
        game.apply(Cancel())
    with pytest.raises(ActionNotAllowed, match="nothing is queued"):
        game.apply(Pause())
    game.apply(Statement("inform"))  # cancel (1) + statement (2) use the budget of 3
    with pytest.raises(ActionNotAllowed, match="not enough attention"):
        game.apply(Statement("excuse"))


def test_boilerplate_to_critics_costs_more_than_empathy(mini):
    def run(tone):
        plan = {turn: [lambda g, t=tone: Reply(loudest_hostile(g).id, t)] for turn in range(4, 12)}
        return play_through(Game(mini, seed=9), plan).state.reputation

    assert run("boilerplate") < run("empathetic")


def test_an_apology_fits_a_preventable_crisis_and_an_attack_does_not(mini):
    def after(option):
        game = Game(mini, seed=2)
        for _ in range(4):
            game.end_turn()
        before = (game.state.anger, game.state.reputation)
        game.apply(Statement(option))
        return game.state.anger - before[0], game.state.reputation - before[1]

    anger_informed, _ = after("inform")
    anger_attack, rep_attack = after("trolls")
    assert anger_attack > 0 > rep_attack
    assert anger_attack > anger_informed


def test_deleting_a_widely_seen_post_draws_more_press_than_a_fresh_one(mini):
    def press_jump(turns_before):
        game = Game(mini, seed=8)
        for _ in range(turns_before):
            game.end_turn()
        announcement = game.state.org_posts[0]
        before = game.state.press
        game.apply(Delete(announcement.id))
        return game.state.press - before

    assert press_jump(6) >= press_jump(0)
    assert press_jump(6) > 0


def test_cancelling_stops_the_invitation_but_not_the_hashtag(mini):
    game = Game(mini, seed=12)
    for _ in range(5):
        game.end_turn()
    game.apply(Cancel())
    assert game.state.invitation == 0
    report = game.end_turn()
    assert report.record.posts > 0
    assert game.state.campaign == "cancelled"


def test_actions_round_trip_through_plain_dicts():
    for data in (
        {"kind": "reply", "post_id": "t3-4", "tone": "empathetic"},
        {"kind": "cancel"},
        {"kind": "inject", "inject_id": None, "headline": "A call", "text": None},
    ):
        action = action_from_dict(data)
        assert action.kind == data["kind"]
    with pytest.raises(ValueError):
        action_from_dict({"kind": "launch-missiles"})
    with pytest.raises(ValueError):
        action_from_dict({"kind": "reply", "post_id": 3, "tone": "x"})


def test_state_is_immutable_and_serialisable(mini):
    game = Game(mini, seed=1)
    game.end_turn()
    state = game.state
    with pytest.raises(dataclasses.FrozenInstanceError):
        state.reputation = 100  # type: ignore[misc]
    json.dumps(to_jsonable(state))


def _variant(scenario: Scenario, **organisation) -> Scenario:
    return scenario.model_copy(update={"organisation": scenario.organisation.model_copy(update=organisation)})


def test_a_crisis_history_and_a_poor_reputation_make_the_same_storm_hurt_more(mini):
    def reputation_lost(scenario):
        game = play_through(Game(scenario, seed=3))
        return scenario.organisation.reputation - game.state.reputation

    clean = _variant(mini, history=[], reputation=60)
    assert reputation_lost(mini) > reputation_lost(clean)


def test_an_early_acknowledgement_counts_for_more_than_a_late_one(mini):
    accidental = _variant(mini, crisis_type="accidental", history=[], reputation=55)

    def lift_at(extra_turns: int) -> float:
        game = Game(accidental, seed=4)
        while not game.world.hijack_turn:
            game.end_turn()
        for _ in range(extra_turns):
            game.end_turn()
        before = game.state.reputation
        game.apply(Statement("inform"))  # inform fits an accidental crisis without a history
        return game.state.reputation - before

    early, late = lift_at(0), lift_at(8)
    assert early > late > 0


def test_deleting_the_post_that_invited_people_in_withdraws_the_invitation(mini):
    game = Game(mini, seed=1)
    announcement = game.state.org_posts[0]
    assert game.state.invitation == mini.campaign.invitation
    game.apply(Delete(announcement.id))
    assert game.state.invitation == 0
    assert any("invited people in is gone" in c.reason for c in game.world.changes)


def test_cancelling_a_teased_but_busy_campaign_is_a_small_story_of_its_own(mini):
    teased = _variant(mini, grievance=0.1, crisis_type="accidental", history=[])
    game = Game(teased, seed=2)
    game.world.posts_per_hour = 10_000.0  # busy, but the crowd is laughing, not angry
    before = game.state.press
    game.apply(Cancel())
    assert game.state.press > before
    assert any("cancels over jokes" in c.reason for c in game.world.changes)


def test_good_responses_repair_reputation_but_do_not_inflate_it_without_end(mini):
    calm = _variant(mini, crisis_type="accidental", history=[], reputation=55)
    game = Game(calm, seed=3)
    game.world.reputation = 75.0  # already well above where it started
    game.apply(Statement("inform"))
    assert game.state.reputation - 75.0 < 0.5


def test_extreme_numbers_in_a_scenario_stay_bounded(mini):
    """A hostile or careless file (50 million accounts of 10 million followers, everyone moved by
    everything) must not exhaust memory or overflow: links and posting rates have ceilings."""
    import math

    segments = list(mini.audience.segments)
    segments[0] = segments[0].model_copy(
        update={"size": 50_000_000, "followers": 10_000_000, "susceptibility": 1.0, "activity": 1.0}
    )
    audience = mini.audience.model_copy(update={"segments": segments})
    extreme = _variant(mini.model_copy(update={"audience": audience}), followers=500_000_000, grievance=1.0)
    game = Game(extreme, seed=1)
    graph = game.world.graph
    assert graph.indices.size <= game.world.params.graph.edge_budget + graph.size
    for _ in range(3):
        game.end_turn()
    state = game.state
    assert all(math.isfinite(x) for x in (state.reputation, state.press, state.anger, state.virality))
    hours = sum(game.world.turn_minutes(t) for t in range(1, 4)) / 60
    assert state.total_posts <= graph.population * game.world.params.posting.max_posts_per_hour * hours + 100


def _with_deadline(scenario: Scenario, deadline: str) -> Scenario:
    campaign = scenario.campaign.model_copy(update={"deadline": dt.datetime.fromisoformat(deadline)})
    return scenario.model_copy(update={"campaign": campaign})


def _posts_from(game: Game, start: str, end: str) -> int:
    lo, hi = dt.datetime.fromisoformat(start), dt.datetime.fromisoformat(end)
    return sum(r.posts for r in game.state.history if lo <= r.start < hi)


def _clocks_ahead(scenario: Scenario, *hours: float) -> Scenario:
    segments = [s.model_copy(update={"hours_ahead": h}) for s, h in zip(scenario.audience.segments, hours)]
    return scenario.model_copy(update={"audience": scenario.audience.model_copy(update={"segments": segments})})


def test_each_crowd_keeps_the_daily_rhythm_of_its_own_clock(mini):
    """The scenario's afternoon is the middle of the night for a crowd twelve hours ahead: it
    posts far less then, and a mix of the two clocks (the critics abroad) lands in between."""
    here = _clocks_ahead(mini, 0, 0)
    mixed = _clocks_ahead(mini, 12, 0)
    abroad = _clocks_ahead(mini, 12, 12)
    afternoon = {
        name: sum(
            _posts_from(play_through(Game(scenario, seed=seed)), "2020-01-03T12:00", "2020-01-03T18:00")
            for seed in range(3)
        )
        for name, scenario in {"here": here, "mixed": mixed, "abroad": abroad}.items()
    }
    assert afternoon["here"] > 1.3 * afternoon["mixed"]
    assert afternoon["mixed"] > 1.3 * afternoon["abroad"]
    # One clock for all, moved whole, is the same single rhythm as before: no game changes.
    assert fingerprint(play_through(Game(here, seed=5))) == fingerprint(play_through(Game(mini, seed=5)))


def test_the_deadline_rush_averages_exactly_over_any_step():
    pressure, lead = 4.0, 0.25
    one_step = deadline_rush(2.0, 0.0, pressure, lead)
    halves = (deadline_rush(2.0, 1.0, pressure, lead) + deadline_rush(1.0, 0.0, pressure, lead)) / 2
    assert one_step == pytest.approx(halves)
    assert deadline_rush(0.01, 0.0, pressure, lead) == pytest.approx(1 + pressure, rel=0.03)
    assert deadline_rush(24.0, 23.9, pressure, lead) < 1.05  # a day ahead, hardly a pull
    assert deadline_rush(0.0, -1.0, pressure, lead) == 1.0  # once it has passed, none
    straddling = deadline_rush(0.5, -0.5, pressure, lead)  # half the step is after it
    assert straddling == pytest.approx(1 + (deadline_rush(0.5, 0.0, pressure, lead) - 1) / 2)


def test_posts_rush_in_before_a_deadline_and_ease_once_it_passes(mini):
    timed = _with_deadline(mini, "2020-01-03T15:00:00")
    seeds = range(4)
    plain = [play_through(Game(mini, seed=s)) for s in seeds]
    rushed = [play_through(Game(timed, seed=s)) for s in seeds]
    hour_before = [_posts_from(g, "2020-01-03T14:00", "2020-01-03T15:00") for g in (*plain, *rushed)]
    assert sum(hour_before[4:]) > 1.5 * sum(hour_before[:4])
    for game in rushed:
        assert "deadline-rush" in {e.id for e in game.state.events}
        assert _posts_from(game, "2020-01-03T14:30", "2020-01-03T15:00") > _posts_from(
            game, "2020-01-03T15:30", "2020-01-03T16:00"
        )


def test_a_cancelled_campaign_leaves_no_deadline_to_beat(mini):
    timed = _with_deadline(mini, "2020-01-03T15:00:00")
    cancel_first = {3: [lambda game: Cancel()]}
    last_hour = {"deadline": 0, "none": 0}
    for seed in range(16):  # small counts: enough games that chance does not decide
        game = play_through(Game(timed, seed=seed), cancel_first)
        assert "deadline-rush" not in {e.id for e in game.state.events}
        last_hour["deadline"] += _posts_from(game, "2020-01-03T14:00", "2020-01-03T15:00")
        last_hour["none"] += _posts_from(
            play_through(Game(mini, seed=seed), cancel_first), "2020-01-03T14:00", "2020-01-03T15:00"
        )
    # Called off, the hour before the deadline is as quiet as if the campaign had never named one.
    assert 0.75 < last_hour["deadline"] / last_hour["none"] < 1.33


@pytest.mark.parametrize("level", [0.01, 0.4, 3.0])  # sparse draws, storm draws, large means
def test_post_counts_are_poisson_whichever_way_they_are_drawn(level):
    rng = np.random.default_rng(5)
    means = np.full(200_000, level)
    counts = _poisson_counts(rng, means)
    assert counts.mean() == pytest.approx(level, rel=0.03)
    assert counts.var() == pytest.approx(level, rel=0.05)
    assert (counts == 0).mean() == pytest.approx(np.exp(-level), rel=0.03, abs=0.002)


def test_posts_with_a_documented_minute_show_that_minute():
    from game.scenario.library import load

    game = Game(load("justine"), seed=1)
    seen = {}
    while not game.over and len(seen) < 2:
        game.end_turn()
        for post in game.state.feed:
            if post.author in ("KaczynskiBF", "buzzfeed_editor"):
                seen[post.author] = post.time
    assert seen == {
        "buzzfeed_editor": dt.datetime(2013, 12, 20, 13, 36),
        "KaczynskiBF": dt.datetime(2013, 12, 20, 13, 41),
    }


def test_a_trending_tag_draws_half_the_glances_after_a_day_of_trending(mini, monkeypatch):
    spread = Game(mini, seed=1).world.spread
    looked: list[float] = []
    monkeypatch.setattr(spread, "add_outside_exposure", looked.append)
    rng = np.random.default_rng(0)
    storm = np.full(3, 1e4)  # every account posting flat out: the tag trends the whole time
    for _ in range(6 * 25):  # 25 hours of ten-minute steps
        spread.step(rng, 10.0, 15.0, storm, 0.0)
    first_hour, hour_25 = sum(looked[:6]), sum(looked[-6:])
    assert hour_25 / first_hour == pytest.approx(0.5, rel=0.03)  # a day apart: half the glances


def _amused(scenario: Scenario) -> Scenario:
    """The mini case as a big teasing storm: a mostly amused crowd, no grievance, no journalist."""
    segments = [
        s.model_copy(
            update={
                "size": s.size * 150,
                "stance": s.stance.model_copy(update={"hostile": 0.1, "neutral": 0.8, "supportive": 0.1}),
            }
        )
        for s in scenario.audience.segments
    ]
    keys = [k for k in scenario.audience.key_accounts if k.kind != "journalist"]
    audience = scenario.audience.model_copy(update={"segments": segments, "key_accounts": keys})
    organisation = scenario.organisation.model_copy(update={"grievance": 0.1})
    return scenario.model_copy(update={"audience": audience, "organisation": organisation})


def test_a_trending_storm_of_jokes_draws_the_press_without_anger(mini):
    amused = _amused(mini)

    def peak_press(params):
        game = play_through(Game(amused, seed=0, params=params))
        assert game.state.negative_share < 0.15
        return max(r.press for r in game.state.history)

    without_spectacle = peak_press(ModelParams().with_(press_spectacle=0.0))
    assert peak_press(ModelParams()) > 2 * without_spectacle


def test_the_player_is_told_once_when_the_tag_turns_into_old_news():
    from game.scenario.library import load

    game = play_through(Game(load("askjpm"), seed=1))  # left alone, it trends through 14 Nov
    told = [e for e in game.state.events if e.id == "old-news"]
    assert len(told) == 1 and told[0].time.date() == dt.date(2013, 11, 14)
    assert "half as many people" in told[0].text


def _after_the_first_story() -> Game:
    from game.scenario.library import load

    game = Game(load("askjpm"), seed=3)
    while not any(e.kind == "press" for e in game.state.events):
        game.end_turn()
    return game


def _follow_ups(game: Game) -> list:
    return [
        e for e in game.state.events if e.kind == "press" and e.text.startswith(("A new round", "The story's ending"))
    ]


def test_the_press_follows_up_a_move_and_only_a_new_round_makes_the_tag_new_again():
    """Newsrooms that ran the story write again about the next move (Pepsi pulling its ad, United's
    leaked letter); a defence restarts the trending list's novelty, a withdrawal ends the story and
    does not, whatever is said with it."""
    start = _after_the_first_story()
    start.world.spread.trending_hours = 30.0  # as if a day and more on the trending list
    moves = {
        "defence": lambda g: g.apply(Statement("record")),
        "withdrawal": lambda g: g.apply(Cancel()),
        "withdrawal, then a joke": lambda g: (
            g.apply(Cancel()),
            g.end_turn(),
            g.end_turn(),
            g.apply(Statement("shelve_it")),
        ),
        "nothing": lambda g: None,
    }
    after = {}
    for name, move in moves.items():
        game = start.fork()
        move(game)
        for _ in range(24):  # into the next day: a newsroom's follow-up is a matter of chance, and nights are slow
            if not game.over:
                game.end_turn()
        after[name] = game
    assert _follow_ups(after["nothing"]) == []
    defence, withdrawal = _follow_ups(after["defence"]), _follow_ups(after["withdrawal"])
    assert defence and all("defends itself" in e.headline for e in defence)
    assert withdrawal and all("calls off #" in e.headline for e in withdrawal)
    assert after["defence"].world.spread.trending_hours < 30.0
    assert after["withdrawal"].world.spread.trending_hours >= 30.0
    # A quip after the cancellation ("Bad idea") does not reopen a story the withdrawal closed.
    joked = after["withdrawal, then a joke"]
    assert any("answers with a joke" in e.headline for e in _follow_ups(joked))
    assert joked.world.spread.trending_hours >= 30.0


def test_a_long_turn_that_ends_at_the_deadline_tells_of_the_rush_in_the_scenarios_own_zone(mini):
    """The second turn lasts a day and ends at the hour: its average pull is small, but its last
    hour rushes, and the player is told so, at the hour as the scenario's clock shows it (the
    deadline is written in UTC, the clock in New York time)."""
    clock = mini.clock.model_copy(update={"start": dt.datetime.fromisoformat("2020-01-01T12:00:00-05:00")})
    scenario = _with_deadline(mini.model_copy(update={"clock": clock}), "2020-01-03T17:00:00+00:00")
    game = Game(scenario, seed=1)
    game.end_turn()
    game.end_turn()
    told = [e for e in game.state.events if e.id == "deadline-rush"]
    assert [e.turn for e in told] == [2]
    assert told[0].headline == "#AskMini fills up before 12:00"


def test_a_long_turn_of_trending_jokes_draws_the_press_even_if_it_ebbs_by_night(mini):
    """The spectacle counts the talk made while the tag trended, step by step: a long turn from noon
    to 4 a.m., whose last hours no longer trend, still drew the onlookers of its afternoon."""
    from game.scenario.models import Phase

    amused = _amused(mini)
    phases = [Phase(name="Build-up", turns=2, turn_minutes=1440), Phase(name="The day", turns=1, turn_minutes=960)]
    one_day = amused.model_copy(update={"clock": amused.clock.model_copy(update={"phases": phases})})

    def last_press(params):
        return play_through(Game(one_day, seed=0, params=params)).state.history[-1].press

    assert last_press(ModelParams()) > 3 * last_press(ModelParams().with_(press_spectacle=0.0))


def figures(game: Game) -> list:
    return [to_jsonable(record) for record in game.state.history]


def feed_texts(game: Game) -> list[list[str]]:
    """The words of each turn's feed, turn by turn (played with the plan)."""
    texts = []
    while not game.over:
        game.end_turn()
        texts.append([p.text for p in game.state.feed])
    return texts


def test_rewording_or_adding_templates_changes_the_words_but_not_one_figure(mini):
    templates = mini.templates
    reworded = mini.model_copy(
        update={
            "templates": templates.model_copy(
                update={
                    "hostile": [text.upper() for text in templates.hostile]
                    + ["Three more {hashtag}", "and {hashtag}", "x {hashtag}"],
                    "neutral": templates.neutral[:1],
                }
            )
        }
    )
    first, second = Game(mini, seed=9), Game(reworded, seed=9)
    words_first, words_second = feed_texts(first), feed_texts(second)
    assert words_first != words_second
    assert figures(first) == figures(second)


def test_a_situational_post_appears_only_while_its_condition_holds(mini):
    claim = "The late turns of {hashtag} are here"
    situational = [SituationalPool(when="turn >= 6", hostile=[claim], neutral=[claim])]
    scenario = mini.model_copy(update={"templates": mini.templates.model_copy(update={"situational": situational})})
    game = Game(scenario, seed=4)
    shown = claim.replace("{hashtag}", mini.campaign.hashtag)
    by_turn = {}
    while not game.over:
        turn = game.state.turn
        game.end_turn()
        by_turn[turn] = [p.text for p in game.state.feed if p.source == "crowd"]
    assert not any(shown in texts for turn, texts in by_turn.items() if turn < 6)
    assert any(shown in texts for turn, texts in by_turn.items() if turn >= 6)
