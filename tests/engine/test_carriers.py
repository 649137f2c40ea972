"""Who carried the storm (issue 17, item 5): the amplifiers and the bridges between communities,
from the follower graph and the game's posts, beside what the player did about them."""

from __future__ import annotations

import time

from game.engine.actions import Reply
from game.engine.carriers import carriers
from game.engine.debrief import play_strategy
from game.engine.game import Game
from game.scenario import library


def _askjpm(seed=1):
    return play_strategy(Game(library.load("askjpm"), seed), "historical")


def test_amplifiers_are_ranked_by_the_reach_the_game_counts():
    game = _askjpm()
    found = carriers(game)
    assert len(found.amplifiers) == 5
    reaches = [c.reached for c in found.amplifiers]
    assert reaches == sorted(reaches, reverse=True) and reaches[0] > 0
    # Reach as the Reach meter counts it: posts × followers × the share who see a post.
    w = game.world
    top = found.amplifiers[0]
    node = next(
        n
        for n in range(w.graph.size)
        if w.text.handle_for(n) == top.handle or w.graph.key_index.get(top.handle.lower()) == n
    )
    assert top.reached == int(w.spread.posted[node] * w.graph.followers[node] * w.params.graph.see_share)
    # A crowd node stands for many similar accounts in a 60,000-node audience of millions: it says so.
    assert any(c.accounts > 1 for c in found.amplifiers if not c.key)


def test_bridges_carry_the_storm_into_other_communities():
    found = carriers(_askjpm())
    assert found.bridges
    for bridge in found.bridges:
        assert bridge.into and bridge.community not in bridge.into and bridge.outside_share > 0
    assert found.flows and found.flows[0].source != found.flows[0].target
    assert [f.reached for f in found.flows] == sorted((f.reached for f in found.flows), reverse=True)


def test_carriers_are_deterministic_and_fast():
    game = _askjpm()
    started = time.perf_counter()
    first = carriers(game)
    elapsed = time.perf_counter() - started
    assert first == carriers(game) == carriers(_askjpm())
    assert elapsed < 1.5  # ~0.15 s alone; once per debrief, on a shared machine


def test_what_the_player_did_about_a_carrier_is_shown():
    scenario = library.load("tutorial")
    key = {a.handle.lower() for a in scenario.audience.key_accounts}
    for seed in range(1, 30):  # a game in which a key account comes onto the tag (nothing schedules one)
        game = Game(scenario, seed)
        while not game.over and not any(p.author.lower() in key for p in game.state.feed):
            game.end_turn()
        if not game.over:
            break
    target = next(p for p in game.state.feed if p.author.lower() in key)
    game.apply(Reply(target.id, "empathetic"))
    while not game.over:
        game.end_turn()
    found = carriers(game)
    answered = [c for c in found.amplifiers + found.bridges if c.handle.lower() == target.author.lower()]
    assert answered and answered[0].replies == ("empathetic",)
    assert all(c.replies == () for c in found.amplifiers if c.handle.lower() != target.author.lower())
