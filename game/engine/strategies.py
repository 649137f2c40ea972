"""Strategies: automatic players for the simulator, the balance report and the debrief's "what if".

A strategy looks at a game at the start of each turn and returns the actions to take.  Built-in
ones cover the classic responses; `historical` and a scenario's own strategies play its playbooks.
Strategies that choose at random draw from their own generator, seeded from the game's seed, so a
run stays reproducible and the engine's own draws are untouched.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy as np

from game.engine.actions import (
    ACTION_TYPES,
    Action,
    ActionNotAllowed,
    Cancel,
    Custom,
    Delete,
    Escalate,
    MakePrivate,
    Monitor,
    Pause,
    Reply,
    Statement,
)
from game.engine.game import Game
from game.engine.responses import POSTURE_RANK
from game.engine.state import ActionOption, Post
from game.scenario.models import Playbook, Scenario, Step
from game.scenario.vocabulary import REPLY_TARGETS, TONES

BUILTIN = {
    "silent": "Say nothing, change nothing: the queue runs, the campaign goes ahead.",
    "cancel-early": "Cancel the campaign (make a video private) at the first warning sign (the first hostile post in the feed).",
    "boilerplate": "Answer the loudest critics with corporate boilerplate, every turn.",
    "empathetic": "Listen, pause the queue, apologise in a statement and answer critics with empathy.",
    "random": "Random actions, for balance testing.",
}


class Strategy:
    """Decides each turn's actions for a game."""

    name = "strategy"

    def decide(self, game: Game) -> Iterable[Action]:  # pragma: no cover - interface
        return ()

    def refused(self, action: Action, reason: str) -> None:
        """The game refused one of this turn's actions (``take_turn`` goes on with the rest)."""


def _feed_targets(game: Game, how: str) -> list[Post]:
    state = game.state
    others = [p for p in state.feed if p.source != "org"]
    if how == "hostile":
        others = [p for p in others if p.stance == "hostile"]
    elif how == "influencer":
        others = [p for p in others if p.source == "key"]
    elif how == "latest":
        others = sorted(others, key=lambda p: p.time, reverse=True)
    elif how not in ("loudest", None):
        others = [p for p in others if p.author.lower() == how.lower()]
    if how != "latest":
        others = sorted(others, key=lambda p: (p.stance != "hostile", -(p.followers + 50 * p.reposts)))
    return others


class PlaybookStrategy(Strategy):
    """Plays a scenario playbook (the historical one or a scenario-defined strategy), and notes each
    step that could not be played and why, for the author (``unplayed``): a playbook is a record of
    what the organisation did, and a step the game drops silently would replay a different case."""

    def __init__(self, playbook: Playbook, game: Game):
        self.name = playbook.id
        where = (
            "historical"
            if playbook is game.scenario.historical
            else f"strategies[{[p.id for p in game.scenario.strategies].index(playbook.id)}]"
        )
        self.steps: dict[int, list[tuple[str, Step]]] = {}
        self.unplayed: list[str] = []
        self._step_of: dict[int, str] = {}  # id(action) -> the step it came from, for this turn's refusals
        for index, step in enumerate(playbook.steps):
            turn = step.turn if step.turn is not None else (game.scenario.turn_at(step.at) if step.at else None)
            if turn is not None:
                self.steps.setdefault(turn, []).append((f"{where}.steps[{index}]", step))
            else:
                self.unplayed.append(f"{where}.steps[{index}] ({_step_words(step)}): its time is outside the clock")

    def decide(self, game: Game) -> Iterable[Action]:
        actions: list[Action] = []
        self._step_of = {}
        for place, step in self.steps.get(game.state.turn, []):
            made = _step_actions(game, step)
            named = f"turn {game.state.turn}, {place} ({_step_words(step)})"
            if not made and step.action != "wait":
                self.unplayed.append(f"{named}: {_why_nothing(step)}")
            elif step.action == "reply" and len(made) < step.count:
                self.unplayed.append(
                    f"{named}: fewer than {step.count} replies (the feed of the turn just ended had fewer posts to answer)"
                )
            for action in made:
                self._step_of[id(action)] = named
            actions.extend(made)
        return actions

    def refused(self, action: Action, reason: str) -> None:
        self.unplayed.append(f"{self._step_of.get(id(action), type(action).__name__)}: refused: {reason}")


def _step_words(step: Step) -> str:
    words: str = step.action
    if step.action == "reply":
        words += (
            f" to {'@' + step.target if step.target and step.target not in REPLY_TARGETS else step.target or 'loudest'}"
        )
    elif step.option:
        words += f" {step.option}"
    return words


def _why_nothing(step: Step) -> str:
    """Why a step gave no action: what the game had nothing for."""
    if step.action == "reply":
        if step.target and step.target not in REPLY_TARGETS:
            return f"no post by @{step.target} in the feed of the turn just ended (a reply answers a post on screen)"
        return "no post of that kind in the feed of the turn just ended"
    if step.action == "delete":
        return "none of our posts to delete"
    return "no option given"


def _step_actions(game: Game, step: Step) -> list[Action]:
    if step.action == "wait":
        return []
    if step.action == "reply":
        targets = _feed_targets(game, step.target or "loudest")[: step.count]
        return [Reply(p.id, step.tone or "informative") for p in targets]
    if step.action == "statement":
        return [Statement(step.option)] if step.option else []
    if step.action == "custom":
        return [Custom(step.option)] if step.option else []
    if step.action == "delete":
        posts = game.state.org_posts
        return [Delete(posts[-1].id)] if posts else []
    return [ACTION_TYPES[step.action]()]  # type: ignore[call-arg]  # the actions that take no argument


class Silent(Strategy):
    name = "silent"

    def decide(self, game: Game) -> Iterable[Action]:
        return ()


class CancelEarly(Strategy):
    name = "cancel-early"

    def decide(self, game: Game) -> Iterable[Action]:
        state = game.state
        if state.campaign != "cancelled" and any(p.stance == "hostile" for p in state.feed):
            # A video is called off by making it private; a campaign, by cancelling it.
            return [MakePrivate()] if game.scenario.platform == "video" else [Cancel()]
        return ()


class Boilerplate(Strategy):
    name = "boilerplate"

    def decide(self, game: Game) -> Iterable[Action]:
        targets = [p for p in _feed_targets(game, "hostile")]
        return [Reply(p.id, "boilerplate") for p in targets[: game.state.budget]]


class Empathetic(Strategy):
    name = "empathetic"

    def decide(self, game: Game) -> Iterable[Action]:
        state = game.state
        hostile = [p for p in _feed_targets(game, "hostile")]
        if not hostile:
            return ()
        actions: list[Action] = []
        options = {o.kind: o for o in game.available_actions()}
        if not game.world.counters.get("n_monitor"):
            actions.append(Monitor())
        if state.campaign == "live" and options.get("pause") and options["pause"].available:
            actions.append(Pause())
        statements = sorted(game.scenario.actions.statements, key=lambda s: -POSTURE_RANK[s.strategy])
        best = statements[0] if statements else None
        open_ids = {choice for choice, _ in options["statement"].choices} if "statement" in options else set()
        if best is not None and best.id not in game.world.said:
            if best.id in open_ids:
                actions.append(Statement(best.id))
            elif best.needs_escalation and not game.world.escalated_turn:
                actions.append(Escalate())
        actions.extend(Reply(p.id, "empathetic") for p in hostile[:3])
        return actions


class RandomStrategy(Strategy):
    name = "random"

    def __init__(self, seed: int):
        self.rng = np.random.default_rng(np.random.SeedSequence([seed & 0xFFFFFFFF, 0x5EED]))

    def decide(self, game: Game) -> Iterable[Action]:
        actions: list[Action] = []
        for _ in range(int(self.rng.integers(0, 4))):
            options = [o for o in game.available_actions() if o.available]
            if not options:
                break
            option = options[int(self.rng.integers(len(options)))]
            action = self._make(game, option)
            if action is not None:
                actions.append(action)
                break  # one per decision: later options depend on what it changes
        return actions

    def _make(self, game: Game, option: ActionOption) -> Action | None:
        rng = self.rng
        if option.kind == "reply":
            targets = [p for p in game.state.feed if p.source != "org"]
            if not targets:
                return None
            tone = list(TONES)[int(rng.integers(len(TONES)))]
            return Reply(targets[int(rng.integers(len(targets)))].id, tone)
        if option.kind in ("statement", "delete"):
            if not option.choices:
                return None
            choice = option.choices[int(rng.integers(len(option.choices)))][0]
            return Statement(choice) if option.kind == "statement" else Delete(choice)
        if option.kind == "custom":
            assert option.action_id is not None  # (a custom action's option names it)
            return Custom(option.action_id)
        return ACTION_TYPES[option.kind]()  # type: ignore[call-arg]  # the actions that take no argument


def strategy_names(game_or_scenario: Game | Scenario) -> list[str]:
    scenario = game_or_scenario.scenario if isinstance(game_or_scenario, Game) else game_or_scenario
    return ["historical", *BUILTIN, *(s.id for s in scenario.strategies if s.id not in BUILTIN)]


def make_strategy(name: str, game: Game) -> Strategy:
    """The strategy called ``name`` for ``game``; raises KeyError with the known names."""
    if name == "historical":
        return PlaybookStrategy(game.scenario.historical, game)
    for playbook in game.scenario.strategies:
        if playbook.id == name:
            return PlaybookStrategy(playbook, game)
    builtin: dict[str, Callable[[], Strategy]] = {
        "silent": Silent,
        "cancel-early": CancelEarly,
        "boilerplate": Boilerplate,
        "empathetic": Empathetic,
        "random": lambda: RandomStrategy(game.seed),
    }
    if name in builtin:
        return builtin[name]()
    raise KeyError(f"unknown strategy {name!r}; known: {', '.join(strategy_names(game))}")


def take_turn(game: Game, strategy: Strategy) -> list[Action]:
    """Let ``strategy`` act for the current turn (skipping what the game refuses); return what it did."""
    done: list[Action] = []
    for _ in range(3):  # strategies may need a second look after their first actions
        acted = False
        for action in list(strategy.decide(game)):
            try:
                game.apply(action)
            except ActionNotAllowed as refusal:
                strategy.refused(action, refusal.reason)
                continue
            done.append(action)
            acted = True
        if not acted or not isinstance(strategy, RandomStrategy):
            break
    return done
