"""How a game ends: the scenario's endings (an early one as soon as its condition holds, the others
once the clock runs out), else a default verdict on the reputation's move."""

from __future__ import annotations

from game.engine.conditions import Conditions
from game.engine.state import EndingInfo
from game.engine.world import World


def ending_now(w: World, conditions: Conditions) -> EndingInfo | None:
    finished = w.turn > w.turns_total
    env = conditions.env(w)
    for ending in w.scenario.endings:
        if (ending.early or finished) and conditions.holds(ending.when, env):
            return EndingInfo(ending.id, ending.outcome, ending.title, ending.text)
    if finished:
        delta = w.reputation - w.scenario.organisation.reputation
        outcome = "success" if delta >= 0 else ("mixed" if delta > -w.params.reputation.mixed_band else "failure")
        return EndingInfo(
            "default", outcome, "The storm has passed", f"Reputation moved {delta:+.1f} points over the crisis."
        )
    return None
