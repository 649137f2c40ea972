"""The public face of the engine: create a game, read its state, act, end turns, fork.

    game = Game(scenario, seed=7)
    game.available_actions()            # what the team can do now, and why not
    game.apply(Reply(post_id, "empathetic"))
    report = game.end_turn()            # new posts, events, every change with its reason
    game.state                          # an immutable GameState
    other = game.fork()                 # play on with other choices

The same scenario, seed and actions give the same game, bit for bit: every random draw comes from
one numpy Generator seeded from ``seed``; no clock, no global random state, no I/O.
"""

from __future__ import annotations

import copy
import datetime as dt

import numpy as np

from game.engine import audience, posting, reactions, reputation, responses, rules, schedule
from game.engine import turn as turn_pipeline
from game.engine.actions import Action, ActionNotAllowed, action_to_dict
from game.engine.conditions import Conditions
from game.engine.feed import TextMaker
from game.engine.graph import FollowerGraph, build_graph
from game.engine.params import DEFAULT_PARAMS, ModelParams
from game.engine.spread import Spread
from game.engine.state import ActionOption, Change, GameState, Post, TakenAction, TurnReport
from game.engine.world import World
from game.scenario.models import Lesson, Scenario
from game.scenario.vocabulary import BUILTIN_ACTIONS, TONES, platform_of_action
from game.words import Reading, read_reply, read_statement


class Game:
    """One game of one scenario, from one seed."""

    def __init__(self, scenario: Scenario, seed: int = 0, params: ModelParams = DEFAULT_PARAMS):
        seed = int(seed)
        # Not parameters: how a seed becomes the game's random streams.
        sequence = (
            np.random.SeedSequence([seed & 0xFFFFFFFF, 0xB45]) if seed >= 0 else np.random.SeedSequence(abs(seed))
        )  # not a parameter
        graph_seed, play_seed, words_seed = sequence.spawn(3)  # not a parameter: spawn keeps the first two as they were
        # Crowds a file leaves to the engine are derived from its facts; a file that names its region
        # plays with thresholds scaled to that market (audience.py).  Complete files come back as they are.
        self._model_params = params
        scenario = audience.resolve(scenario, params)
        params = audience.market_params(scenario, params)
        graph = build_graph(scenario, np.random.default_rng(graph_seed), params)
        organisation = scenario.organisation
        world = World(
            scenario=scenario,
            seed=seed,
            params=params,
            graph=graph,
            spread=Spread(graph, params, elite_nodes(scenario, graph), adversary_nodes(scenario, graph)),
            text=TextMaker(scenario, seed, np.random.default_rng(words_seed)),
            rng=np.random.default_rng(play_seed),
            turn_starts=scenario.turn_starts(),
            threat=reputation.threat_of(organisation, params),
            required_posture=responses.posture_called_for(organisation, params),
            reputation=float(organisation.reputation),
            anger=100.0 * organisation.grievance,
            invitation=float(scenario.campaign.invitation),
        )
        # A fourth stream, spawned after the first three so that they stay what they were.
        world.spin_off_rng = np.random.default_rng(sequence.spawn(1)[0])
        world.budget_left = scenario.actions.budget
        self._world = world
        self._conditions = Conditions(scenario)
        world.spread.promoted_minutes = 60.0 * scenario.campaign.promoted_trend_hours
        schedule.hold_words(world)
        posting.open_campaign(world)
        if reactions.on_video(world):
            world.video_post_id = world.org_posts[0].id  # the video: taken down by make_private, not delete

    # ------------------------------------------------------------------------------ reading

    @property
    def scenario(self) -> Scenario:
        return self._world.scenario

    @property
    def seed(self) -> int:
        return self._world.seed

    @property
    def over(self) -> bool:
        return self._world.over

    @property
    def params(self) -> ModelParams:
        """The model's constants this game plays with (scaled to the scenario's market)."""
        return self._world.params

    @property
    def model_params(self) -> ModelParams:
        """The constants the game was started with, before scaling to the market: a second game of
        the same scenario is started with these."""
        return self._model_params

    def turn_start(self, turn: int | None = None) -> dt.datetime:
        """When ``turn`` (by default the current one) starts, on the scenario's clock."""
        return self._world.turn_start(turn)

    @property
    def world(self) -> World:
        """The mutable inside (for the engine's own modules and tests that look deeper)."""
        return self._world

    @property
    def state(self) -> GameState:
        w = self._world
        minutes = w.turn_minutes() if not w.over else 0
        phase = _phase_of(w.scenario, min(w.turn, w.turns_total))
        return GameState(
            scenario_id=w.scenario.id,
            seed=w.seed,
            turn=w.turn,
            turns_total=w.turns_total,
            time=w.turn_start(),
            turn_minutes=minutes,
            phase=phase,
            reputation=round(w.reputation, 2),
            reputation_start=float(w.scenario.organisation.reputation),
            press=round(w.press, 2),
            anger=round(w.anger, 2),
            invitation=round(w.invitation, 2),
            virality=round(w.virality, 3),
            posts_per_hour=round(w.posts_per_hour, 1),
            total_posts=w.total_posts,
            negative_posts=w.negative_posts,
            negative_share=round(w.negative_posts / w.total_posts, 4) if w.total_posts else 0.0,
            reach=int(w.reach),
            campaign="cancelled" if w.cancelled_turn else ("paused" if w.paused else "live"),
            budget=w.scenario.actions.budget,
            budget_left=w.budget_left,
            feed=tuple(w.feed),
            org_posts=tuple(w.org_posts),
            history=tuple(w.history),
            events=tuple(w.events),
            taken=tuple(w.taken),
            over=w.over,
            ending=w.ending,
            video=reactions.status(w),
        )

    def env(self) -> dict[str, float]:
        """The names conditions read, with their values now."""
        return self._conditions.env(self._world)

    def lessons(self) -> list[Lesson]:
        """The scenario's lessons whose condition holds now (the debrief shows them at the end)."""
        return self._conditions.lessons(self._world)

    def reply_text(self, post_id: str, tone: str) -> str:
        """The exact words a reply in ``tone`` to that post would have (for the composer's preview)."""
        post = self.post(post_id)
        if post is None or tone not in TONES:
            return ""
        return rules.reply_text(self._world, post_id, tone, post.author)

    def read_reply(self, post_id: str, text: str) -> Reading:
        """How the team's own reply to that post would read (the composer shows it before sending)."""
        post = self.post(post_id)
        return read_reply(text, to=post.text if post else None)

    def read_statement(self, text: str) -> Reading:
        """How the team's own statement would read, against the organisation's record."""
        return read_statement(text, scenario_grievance=rules.grievance_words(self._world))

    def posture_called_for(self) -> str:
        """The least accommodating posture SCCT accepts for this crisis ("rebuild", "diminish"…)."""
        rank = self._world.required_posture
        names = [name for name, r in responses.POSTURE_RANK.items() if r == rank]
        return "inform" if "inform" in names else names[0]

    def post(self, post_id: str) -> Post | None:
        for post in self._world.feed:
            if post.id == post_id:
                return post
        for post in self._world.org_posts:
            if post.id == post_id:
                return post
        return None

    # ------------------------------------------------------------------------------ acting

    def available_actions(self) -> list[ActionOption]:
        """Every action, with its cost and, when it cannot be taken now, the reason."""
        w, conditions = self._world, self._conditions
        options: list[ActionOption] = []
        disabled = set(w.scenario.actions.disabled)
        for kind in BUILTIN_ACTIONS:
            if kind in disabled or platform_of_action(kind) not in (None, w.scenario.platform):
                continue
            rule = rules.RULES[kind]
            label, _, description = rules.words_of(rule, w.scenario.platform)
            reason = rules.why_not(w, kind, conditions)
            options.append(
                ActionOption(
                    kind=kind,
                    label=label,
                    key="",
                    cost=rule.cost,
                    available=not reason,
                    reason=reason,
                    choices=rule.choices(w, conditions),
                    irreversible=rule.irreversible,
                    description=description,
                )
            )
        for custom in w.scenario.actions.custom:
            reason = rules.why_not_custom(w, custom.id, conditions)
            options.append(
                ActionOption(
                    kind="custom",
                    label=custom.label,
                    key=custom.key or "",
                    cost=custom.cost,
                    available=not reason,
                    reason=reason,
                    description=custom.description,
                    action_id=custom.id,
                )
            )
        return options

    def apply(self, action: Action) -> tuple[Change, ...]:
        """Take ``action`` now; returns the changes it made.  Raises ActionNotAllowed with a reason."""
        w, conditions = self._world, self._conditions
        kind = action.kind
        if action.kind == "custom":  # (not `kind`: so the type checker knows it is a Custom)
            reason = rules.why_not_custom(w, action.action_id, conditions)
        elif kind == "inject":
            reason = ""  # a facilitator's inject is not the team's choice: always allowed, free
        elif kind in rules.RULES:
            reason = rules.why_not(w, kind, conditions)
        else:
            raise ValueError(f"unknown action kind {kind!r}")
        if reason:
            raise ActionNotAllowed(reason)
        before = len(w.changes)
        label = rules.perform(w, action, conditions)
        if kind != "inject":
            w.budget_left -= rules.cost_of(w, action)
            w.count("actions_taken")
        changes = tuple(w.changes[before:])
        w.taken.append(TakenAction(w.turn, kind, label, action_to_dict(action), changes))
        return changes

    def end_turn(self) -> TurnReport:
        """Play out the rest of the turn: the crowd, the press, events; then open the next turn."""
        if self.over:
            raise ActionNotAllowed("the game is over")
        return turn_pipeline.end_turn(self._world, self._conditions)

    def fork(self) -> Game:
        """An independent copy at this moment: play it on with other choices."""
        clone = Game.__new__(Game)
        world = self._world
        # The graph and scenario never change after building: share them; copy everything else.
        memo = {id(world.graph): world.graph, id(world.scenario): world.scenario, id(world.params): world.params}
        clone._world = copy.deepcopy(world, memo)
        clone._conditions = self._conditions
        clone._model_params = self._model_params
        return clone


ELITE_KINDS = ("journalist", "influencer", "activist", "celebrity", "politician")


def elite_nodes(scenario: Scenario, graph: FollowerGraph) -> np.ndarray:
    """The graph nodes of the named accounts that watch one another and the trending list."""
    return np.array(
        [graph.key_index[a.handle.lower()] for a in scenario.audience.key_accounts if a.kind in ELITE_KINDS],
        dtype=np.int64,
    )


def adversary_nodes(scenario: Scenario, graph: FollowerGraph) -> np.ndarray:
    """The graph nodes of the named accounts the record shows as the organisation's adversaries."""
    return np.array(
        [graph.key_index[a.handle.lower()] for a in scenario.audience.key_accounts if a.adversary], dtype=np.int64
    )


def _phase_of(scenario: Scenario, turn: int) -> str:
    count = 0
    for phase in scenario.clock.phases:
        count += phase.turns
        if turn <= count:
            return phase.name
    return scenario.clock.phases[-1].name


def new_game(scenario: Scenario, seed: int = 0, params: ModelParams = DEFAULT_PARAMS) -> Game:
    return Game(scenario, seed, params)


__all__ = ["Game", "new_game", "ActionNotAllowed"]
