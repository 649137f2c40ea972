"""Reading the scenario's conditions and effects against the world.

Expressions are parsed once per scenario (our own grammar, game.scenario.expr — never Python's
eval) and evaluated against the names listed in game.scenario.vocabulary.  A validated scenario only
uses known names; an expression that still fails to parse here is treated as never true, so a bad
file cannot crash a game in progress.
"""

from __future__ import annotations

from game.engine.world import World
from game.scenario.expr import Expression, ExpressionError, Source, parse
from game.scenario.models import Lesson, Scenario
from game.scenario.vocabulary import STRATEGIES, TONES


class Conditions:
    def __init__(self, scenario: Scenario):
        self.scenario = scenario
        self._cache: dict[str, Expression | None] = {}

    def compiled(self, source: Source) -> Expression | None:
        key = str(source)
        if key not in self._cache:
            try:
                self._cache[key] = parse(source)
            except ExpressionError:
                self._cache[key] = None
        return self._cache[key]

    def holds(self, source: Source, env: dict[str, float]) -> bool:
        expression = self.compiled(source)
        return bool(expression and expression.holds(env))

    def value(self, source: Source, env: dict[str, float]) -> float:
        if isinstance(source, (int, float)):
            return float(source)
        expression = self.compiled(source)
        return expression.evaluate(env) if expression else 0.0

    def env(self, w: World) -> dict[str, float]:
        start = w.turn_start()
        origin = w.turn_starts[0]
        counters = w.counters
        env: dict[str, float] = {
            "turn": float(w.turn),
            "turns_total": float(w.turns_total),
            "hour": start.hour + start.minute / 60.0,
            "day": float((start.date() - origin.date()).days),
            "reputation": w.reputation,
            "reputation_start": float(w.scenario.organisation.reputation),
            "press": w.press,
            "anger": w.anger,
            "invitation": w.invitation,
            "virality": w.virality,
            "posts_per_hour": w.posts_per_hour,
            "total_posts": float(w.total_posts),
            "negative_posts": float(w.negative_posts),
            "negative_share": w.negative_posts / w.total_posts if w.total_posts else 0.0,
            "posts_this_turn": float(w.last_posts),
            "negative_this_turn": float(w.last_negative),
            "reach": w.reach,
            "reach_this_turn": w.last_reach,
            "key_accounts_joined": float(len(w.joined)),
            "press_stories": float(len(w.published)),
            "trending": 1.0 if w.trending else 0.0,
            "hijacked": 1.0 if w.hijack_turn else 0.0,
            "hijack_turn": float(w.hijack_turn),
            "cancelled": 1.0 if w.cancelled_turn else 0.0,
            "cancel_turn": float(w.cancelled_turn),
            "paused": 1.0 if w.paused else 0.0,
            "escalated": 1.0 if w.escalated_turn else 0.0,
            "monitored": 1.0 if counters.get("n_monitor") else 0.0,
            "first_response_turn": float(w.first_response_turn),
            "first_press_turn": float(w.first_press_turn),
            "actions_taken": counters.get("actions_taken", 0.0),
            "n_reply": counters.get("n_reply", 0.0),
            "n_statement": counters.get("n_statement", 0.0),
            "n_delete": counters.get("n_delete", 0.0),
            "n_custom": counters.get("n_custom", 0.0),
            # A video platform's counts and switches (0 on a microblog).
            "likes": float(w.likes),
            "dislikes": float(w.dislikes),
            "dislikes_this_turn": float(w.last_dislikes),
            "response_videos": float(w.response_videos),
            "ratings_off": 1.0 if w.ratings_off_turn else 0.0,
            "comments_held": 1.0 if w.comments_held else 0.0,
            "private": 1.0 if w.private_turn else 0.0,
        }
        for tone in TONES:
            env[f"n_reply_{tone}"] = counters.get(f"n_reply_{tone}", 0.0)
        for strategy in STRATEGIES:
            env[f"n_{strategy}"] = counters.get(f"n_{strategy}", 0.0)
        for event_id in w.fired:
            env[f"fired.{event_id}"] = 1.0
        for handle in w.joined:
            env[f"joined.{handle}"] = 1.0
        for action_id, times in w.took.items():
            env[f"took.{action_id}"] = float(times)
        for statement_id in w.said:
            env[f"said.{statement_id}"] = 1.0
        for inject_id in w.injected:
            env[f"injected.{inject_id}"] = 1.0
        return _with_original_case(env, w)

    def lessons(self, w: World) -> list[Lesson]:
        env = self.env(w)
        return [lesson for lesson in self.scenario.debrief.lessons if self.holds(lesson.when, env)]


def _with_original_case(env: dict[str, float], w: World) -> dict[str, float]:
    """Handles are matched without case: `joined.OccupyWallSt` and `joined.occupywallst` both work."""
    for account in w.scenario.audience.key_accounts:
        if account.handle.lower() in w.joined:
            env[f"joined.{account.handle}"] = 1.0
    return env
