"""The engine's own words follow whose tag it is, and a number the game cannot use is skipped, said,
and never stops a game in progress."""

from __future__ import annotations

import math

from game.engine import Cancel, Game
from game.engine.effects import apply_effects
from game.scenario.library import load


def test_withdrawing_from_a_tag_the_organisation_joined_is_not_cancelling_a_campaign():
    game = Game(load("digiorno"), 1)
    game.apply(Cancel())
    assert game.state.taken[-1].label == "Withdrew from #WhyIStayed"
    assert any(e.headline.endswith("withdraws from #WhyIStayed") for e in game.state.events)
    refused = next(o for o in game.available_actions() if o.kind == "cancel")
    assert refused.reason == "you already withdrew from the tag"


def test_an_own_campaign_is_still_cancelled():
    game = Game(load("askjpm"), 1)
    game.apply(Cancel())
    assert game.state.taken[-1].label == "Cancelled the campaign"


def test_an_effect_that_is_not_a_number_the_game_can_use_is_skipped_and_said():
    game = Game(load("askjpm"), 1)
    before = game.state.press
    apply_effects(game.world, {"press": math.inf, "exposure": math.nan}, "A broken inject", game._conditions)
    assert game.state.press == before
    skipped = [e for e in game.state.events if e.headline == "An effect could not be applied"]
    assert len(skipped) == 2 and "A broken inject" in skipped[0].text
    game.end_turn()  # and the game goes on
