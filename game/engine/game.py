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

import numpy as np

from game.engine import responses, turn as turn_pipeline
from game.engine.actions import Action, ActionNotAllowed, action_to_dict
from game.engine.conditions import Conditions
from game.engine.feed import TextMaker
from game.engine.graph import build_graph
from game.engine.params import DEFAULT_PARAMS, ModelParams
from game.engine.spread import Spread
from game.engine.state import ActionOption, GameState, Post, TakenAction, TurnReport
from game.engine.world import World
from game.scenario.models import Lesson, Scenario
from game.scenario.vocabulary import TONES

COSTS = {"reply": 1, "statement": 2, "pause": 1, "resume": 1, "cancel": 1, "delete": 1, "monitor": 1,
         "escalate": 2, "inject": 0}
KEYS = {"reply": "r", "statement": "s", "pause": "p", "resume": "u", "cancel": "c", "delete": "d",
        "monitor": "m", "escalate": "x"}
LABELS = {"reply": "Reply", "statement": "Post a statement", "pause": "Pause scheduled posts",
          "resume": "Resume scheduled posts", "cancel": "Cancel the campaign", "delete": "Delete a post",
          "monitor": "Monitor the conversation", "escalate": "Escalate to leadership"}
DESCRIPTIONS = {
    "reply": "Answer the selected post in a tone you choose.",
    "statement": "Post one of the prepared statements; its posture (apology, excuse, denial…) matters.",
    "pause": "Stop the organisation's queued posts from going out on their own.",
    "resume": "Let the queued posts go out again.",
    "cancel": "Call the campaign off. It cannot be undone, and it may become a story itself.",
    "delete": "Delete one of the organisation's posts. It cannot be undone; screenshots survive.",
    "monitor": "Listen: who is posting and why. Responses land better this turn and the next.",
    "escalate": "Take it to leadership: statements that need sign-off open from the next turn.",
}


class Game:
    """One game of one scenario, from one seed."""

    def __init__(self, scenario: Scenario, seed: int = 0, params: ModelParams = DEFAULT_PARAMS):
        seed = int(seed)
        sequence = np.random.SeedSequence([seed & 0xFFFFFFFF, 0xB45]) if seed >= 0 else np.random.SeedSequence(abs(seed))
        graph_seed, play_seed, words_seed = sequence.spawn(3)   # spawn keeps the first two as they were
        graph = build_graph(scenario, np.random.default_rng(graph_seed), params)
        organisation = scenario.organisation
        history = min(1.0, sum(c.severity for c in organisation.history) / 2.0)
        threat = params.responsibility_of(organisation.crisis_type) * (1 + params.history_weight * history) * (
            1 + params.prior_reputation_weight * (50.0 - organisation.reputation) / 50.0
        )
        world = World(
            scenario=scenario,
            seed=seed,
            params=params,
            graph=graph,
            spread=Spread(graph, params),
            text=TextMaker(scenario, seed, np.random.default_rng(words_seed)),
            rng=np.random.default_rng(play_seed),
            turn_starts=scenario.turn_starts(),
            threat=threat,
            required_posture=responses.required_posture(organisation.crisis_type, history, organisation.reputation),
            reputation=float(organisation.reputation),
            anger=100.0 * organisation.grievance,
            invitation=float(scenario.campaign.invitation),
        )
        world.budget_left = scenario.actions.budget
        self._world = world
        self._conditions = Conditions(scenario)
        turn_pipeline.open_campaign(world)

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
        return turn_pipeline.reply_text(self._world, post_id, tone, post.author)

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
        w = self._world
        options: list[ActionOption] = []
        disabled = set(w.scenario.actions.disabled)
        for kind in ("reply", "statement", "pause", "resume", "cancel", "delete", "monitor", "escalate"):
            if kind in disabled:
                continue
            reason = self._why_not(kind)
            choices: tuple[tuple[str, str], ...] = ()
            if kind == "reply":
                choices = tuple((tone, f"{tone} ({TONES[tone]})") for tone in TONES)
            elif kind == "statement":
                choices = tuple((s.id, s.label) for s in self._open_statements())
            elif kind == "delete":
                choices = tuple((p.id, p.text[:60]) for p in w.org_posts)
            options.append(ActionOption(
                kind=kind, label=LABELS[kind], key=KEYS[kind], cost=COSTS[kind], available=not reason,
                reason=reason, choices=choices, irreversible=kind in ("cancel", "delete"),
                description=DESCRIPTIONS[kind],
            ))
        for custom in w.scenario.actions.custom:
            reason = self._why_not_custom(custom.id)
            options.append(ActionOption(
                kind="custom", label=custom.label, key=custom.key or "", cost=custom.cost,
                available=not reason, reason=reason, description=custom.description, action_id=custom.id,
            ))
        return options

    def apply(self, action: Action) -> tuple:
        """Take ``action`` now; returns the changes it made.  Raises ActionNotAllowed with a reason."""
        w = self._world
        kind = action.kind
        if kind != "inject":
            reason = self._why_not_custom(action.action_id) if kind == "custom" else self._why_not(kind)
            if reason:
                raise ActionNotAllowed(reason)
        before = len(w.changes)
        label = turn_pipeline.perform(w, action, self._conditions, self._open_statements)
        if kind != "inject":
            cost = self._cost(action)
            w.budget_left -= cost
            w.count("actions_taken")
        changes = tuple(w.changes[before:])
        w.taken.append(TakenAction(w.turn, kind, label, action_to_dict(action), changes))
        return changes

    def end_turn(self) -> TurnReport:
        """Play out the rest of the turn: the crowd, the press, events; then open the next turn."""
        if self.over:
            raise ActionNotAllowed("the game is over")
        return turn_pipeline.end_turn(self._world, self._conditions)

    def fork(self) -> "Game":
        """An independent copy at this moment: play it on with other choices."""
        clone = Game.__new__(Game)
        world = self._world
        # The graph and scenario never change after building: share them; copy everything else.
        memo = {id(world.graph): world.graph, id(world.scenario): world.scenario, id(world.params): world.params}
        clone._world = copy.deepcopy(world, memo)
        clone._conditions = self._conditions
        return clone

    # ------------------------------------------------------------------------------ rules

    def _cost(self, action: Action) -> int:
        if action.kind == "custom":
            return next(c.cost for c in self._world.scenario.actions.custom if c.id == action.action_id)
        return COSTS[action.kind]

    def _open_statements(self):
        w = self._world
        env = None
        open_ = []
        for option in w.scenario.actions.statements:
            if option.id in w.said:
                continue
            if option.needs_escalation and not (w.escalated_turn and w.escalated_turn < w.turn):
                continue
            if option.when:
                env = env or self._conditions.env(w)
                if not self._conditions.holds(option.when, env):
                    continue
            open_.append(option)
        return open_

    def _why_not(self, kind: str) -> str:
        w = self._world
        if w.over:
            return "the game is over"
        if kind in w.scenario.actions.disabled:
            return "this scenario does not allow it"
        if COSTS[kind] > w.budget_left:
            return f"not enough attention left this turn ({w.budget_left} of {w.scenario.actions.budget})"
        if kind == "reply" and not any(p.source != "org" for p in w.feed):
            return "there is nothing in the feed to reply to yet"
        if kind == "statement" and not self._open_statements():
            return "no prepared statement is open now"
        if kind == "pause":
            if w.cancelled_turn:
                return "the campaign is cancelled: nothing is queued"
            if w.paused:
                return "the scheduled posts are already paused"
        if kind == "resume":
            if w.cancelled_turn:
                return "the campaign is cancelled: nothing is queued"
            if not w.paused:
                return "the scheduled posts are not paused"
        if kind == "cancel" and w.cancelled_turn:
            return "you already cancelled the campaign"
        if kind == "delete" and not w.org_posts:
            return "none of our posts is up to delete"
        if kind == "escalate" and w.escalated_turn:
            return "leadership is already involved"
        return ""

    def _why_not_custom(self, action_id: str) -> str:
        w = self._world
        custom = next((c for c in w.scenario.actions.custom if c.id == action_id), None)
        if custom is None:
            return f"no action called {action_id!r} in this scenario"
        if w.over:
            return "the game is over"
        if custom.cost > w.budget_left:
            return f"not enough attention left this turn ({w.budget_left} of {w.scenario.actions.budget})"
        if custom.once and w.took.get(custom.id):
            return "you already did that"
        if custom.when and not self._conditions.holds(custom.when, self._conditions.env(w)):
            return "not possible at this point"
        return ""


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
