"""The scenario's own effects (an event's, a custom action's, an inject's): numbers or expressions
that move the meters or push exposure into the world, each with its reason."""

from __future__ import annotations

import math
from collections.abc import Mapping

from game.engine.actions import ActionNotAllowed, Inject
from game.engine.conditions import Conditions
from game.engine.posting import scripted_post
from game.engine.world import World
from game.scenario.expr import Source


def inject(w: World, action: Inject, conditions: Conditions) -> str:
    if action.inject_id:
        inject = next((i for i in w.scenario.injects if i.id == action.inject_id), None)
        if inject is None:
            raise ActionNotAllowed(f"no inject called {action.inject_id!r} in this scenario")
        w.injected.add(inject.id)
        w.fire(f"inject-{inject.id}", "inject", inject.headline, inject.text or "")
        press_before = w.press
        apply_effects(w, inject.effects, inject.headline, conditions)
        held = w.press - press_before
        if held:
            # The attention this news brought is its own story: it fades over a story's life rather
            # than with the storm's memory at the turn's end (press.py, ``hold_attention``).
            w.press_held[inject.headline] = w.press_held.get(inject.headline, 0.0) + held
        for scripted in inject.posts:
            scripted_post(w, scripted)
        return f"Inject: {inject.label}"
    # Not parameters: the lengths a typed inject is cut to (a headline, a paragraph).
    headline = (action.headline or "").strip()[:200] or "An announcement from the facilitator"  # not a parameter
    w.fire(f"inject-{w.turn}-{len(w.events)}", "inject", headline, (action.text or "")[:600])  # not a parameter
    return f"Inject: {headline}"


def apply_effects(w: World, effects: Mapping[str, Source], why: str, conditions: Conditions) -> None:
    env = conditions.env(w) if any(isinstance(v, str) for v in effects.values()) else {}
    for meter, raw in effects.items():
        value = conditions.value(raw, env)
        if not math.isfinite(value):
            # The loader and the grammar keep numbers finite; should one slip through, the game goes on
            # and says what it skipped rather than stopping (a bad file must not kill a game in progress).
            w.fire(
                f"skipped-effect-{w.turn}-{len(w.events)}",
                "event",
                "An effect could not be applied",
                f"{why}: its {meter} change is not a number the game can use, so it was left out.",
            )
            continue
        if meter == "exposure":
            w.spread.add_outside_exposure(max(0.0, value) * w.params.press.read_share)
        elif meter in ("reputation", "press", "anger", "invitation"):
            w.change(meter, value, why)


def scenario_events(w: World, conditions: Conditions) -> None:
    env = conditions.env(w)
    for event in w.scenario.events:
        if event.once and event.id in w.fired:
            continue
        if not conditions.holds(event.when, env):
            continue
        w.fired.add(event.id)
        w.fire(event.id, "event", w.text.fill(event.headline), w.text.fill(event.text or ""))
        apply_effects(w, event.effects, event.headline, conditions)
