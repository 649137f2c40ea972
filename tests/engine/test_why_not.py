"""An action that cannot be taken says why, in the player's terms, and when it will open (issue 17
item 3: it said "not possible at this point")."""

from __future__ import annotations

from game.engine import Cancel, Game, Inject
from game.scenario.library import load


def reasons(game: Game) -> dict[str, str]:
    return {o.label: o.reason for o in game.available_actions() if not o.available}


def test_a_scenarios_own_action_says_when_it_opens():
    game = Game(load("askjpm"), 1)
    game.apply(Cancel())
    game.end_turn()
    why = reasons(game)["Answer the students by email"]
    assert why.startswith("not now:") and "turn 6" in why and "Wed" in why
    assert "not possible at this point" not in " ".join(reasons(game).values())


def test_an_action_closed_by_what_the_team_did_says_so():
    game = Game(load("askjpm"), 1)
    game.apply(Cancel())
    game.end_turn()
    why = reasons(game)["Pull the promoted posts"]
    assert "you cancelled" in why and "this action needs the opposite" in why


def test_a_reporters_call_opens_the_one_line_comment():
    game = Game(load("askjpm"), 1)
    assert "press story" in reasons(game)["Give the press a one-line comment"]
    game.apply(Inject(inject_id="journalist_call"))
    assert "Give the press a one-line comment" not in reasons(game)
