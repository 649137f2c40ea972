"""The mutable inside of one game: meters, flags, counters and the spread state.

Only the engine touches a World.  Everyone else reads the immutable :class:`GameState` that
:class:`game.engine.game.Game` builds from it.  Every change to a meter goes through
:meth:`World.change`, which clamps it and records the reason.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

import numpy as np

from game.engine.feed import TextMaker
from game.engine.graph import FollowerGraph
from game.engine.params import ModelParams
from game.engine.spread import Spread
from game.engine.state import Change, EndingInfo, FiredEvent, Post, TakenAction, TurnRecord
from game.scenario.models import Scenario, ScriptedPost

METER_RANGE = (0.0, 100.0)
NOISE = 0.05  # not a parameter: changes smaller than this are not worth a line in the record


@dataclass
class World:
    scenario: Scenario
    seed: int
    params: ModelParams
    graph: FollowerGraph
    spread: Spread
    text: TextMaker
    rng: np.random.Generator
    turn_starts: list[dt.datetime]
    threat: float  # SCCT reputational threat (responsibility × intensifiers)
    required_posture: int  # the least accommodating response SCCT recommends (rank)
    turn: int = 1
    reputation: float = 50.0  # not a parameter: set from the scenario at the start
    press: float = 0.0
    anger: float = 0.0
    invitation: float = 0.0
    goodwill: float = 0.0  # 0-1: supporters roused by good responses
    listening_until: int = 0  # monitored: responses land better through this turn
    escalated_turn: int = 0
    cancelled_turn: int = 0
    paused: bool = False
    withdrawn_unseen: bool = False  # called off before anyone posted on the tag: it never lived
    hijack_turn: int = 0
    first_response_turn: int = 0
    first_press_turn: int = 0
    total_posts: int = 0
    negative_posts: int = 0
    reach: float = 0.0
    hostile_reach: float = 0.0
    supportive_reach: float = 0.0
    last_posts: int = 0
    last_negative: int = 0
    last_reach: float = 0.0
    virality: float = 0.0
    posts_per_hour: float = 0.0
    trending: bool = False
    budget_left: int = 0
    counters: dict[str, float] = field(default_factory=dict)
    fired: set[str] = field(default_factory=set)
    joined: set[str] = field(default_factory=set)
    published: set[str] = field(default_factory=set)
    commissioned: dict[str, dt.datetime] = field(default_factory=dict)  # lagged outlet -> when its piece began
    developments: list[tuple[str, str]] = field(default_factory=list)  # (headline, round/ending/withdrawal)
    followed_up: dict[str, int] = field(default_factory=dict)  # outlet: developments it covered
    said: set[str] = field(default_factory=set)
    took: dict[str, int] = field(default_factory=dict)
    injected: set[str] = field(default_factory=set)
    # The press attention each prepared inject brought (by headline), still held: it fades over a
    # story's life (params.press.inject_story_hours), apart from the storm's own attention (press.py).
    press_held: dict[str, float] = field(default_factory=dict)
    used_scripted: set[int] = field(default_factory=set)
    held_scripted: set[int] = field(default_factory=set)  # key accounts' words, said when they join
    held_words: dict[int, list[ScriptedPost]] = field(default_factory=dict)  # key node -> its held scripted posts
    used_scheduled: set[int] = field(default_factory=set)
    feed: list[Post] = field(default_factory=list)
    org_posts: list[Post] = field(default_factory=list)
    org_reach: dict[str, float] = field(default_factory=dict)
    org_invitation: dict[str, float] = field(default_factory=dict)  # what each of our posts added
    history: list[TurnRecord] = field(default_factory=list)
    events: list[FiredEvent] = field(default_factory=list)
    taken: list[TakenAction] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)  # this turn's, so far
    new_events: list[FiredEvent] = field(default_factory=list)
    pending_posts: list[Post] = field(default_factory=list)  # our posts made this turn (feed)
    ending: EndingInfo | None = None
    post_serial: int = 0
    spin_off_born: dict[str, dt.datetime] = field(default_factory=dict)  # tag -> when its first posts come
    spin_off_rate: dict[str, float] = field(default_factory=dict)  # tag -> its posts an hour last turn
    spin_off_posts: dict[str, int] = field(default_factory=dict)  # tag -> its posts so far
    spin_off_trended: set[str] = field(default_factory=set)
    # Spin-off tags draw from a stream of their own, so a scenario's spin-offs never change its storm.
    spin_off_rng: np.random.Generator = field(default_factory=lambda: np.random.default_rng(0))
    # A video platform only (reactions.py): the video's counts and switches.
    likes: int = 0
    dislikes: int = 0
    last_dislikes: int = 0
    response_videos: int = 0
    rated: np.ndarray | None = None  # accounts per node that have clicked like or dislike (each clicks once)
    ratings_off_turn: int = 0
    comments_held: bool = False
    private_turn: int = 0
    video_post_id: str = ""  # the video itself (its announcement post): made private, never deleted

    # ------------------------------------------------------------------------------ time

    @property
    def turns_total(self) -> int:
        return len(self.turn_starts) - 1

    @property
    def over(self) -> bool:
        return self.ending is not None

    def turn_start(self, turn: int | None = None) -> dt.datetime:
        index = min((turn or self.turn) - 1, self.turns_total)
        return self.turn_starts[index]

    def turn_at(self, moment: dt.datetime) -> int | None:
        """The turn (from 1) whose span contains ``moment``, or None if outside the scenario: the
        scenario's ``turn_at`` read from the starts this world already holds (that one lists them
        anew on every call, a dozen times a turn)."""
        starts = self.turn_starts
        for turn, (begin, end) in enumerate(zip(starts, starts[1:]), start=1):
            if begin <= moment < end:
                return turn
        return None

    def turn_minutes(self, turn: int | None = None) -> int:
        index = min((turn or self.turn) - 1, self.turns_total - 1)
        return int((self.turn_starts[index + 1] - self.turn_starts[index]).total_seconds() // 60)

    def hours_since(self, turn: int) -> float:
        return (self.turn_start() - self.turn_start(turn)).total_seconds() / 3600.0

    # ------------------------------------------------------------------------------ changes

    def change(self, meter: str, delta: float, reason: str) -> float:
        """Move a meter by ``delta`` within 0-100 and record why; returns the applied change."""
        if not math.isfinite(delta):
            # Clamping would quietly turn a NaN into 0 or 100: fail where the bad number is made.
            raise ValueError(f"non-finite change to {meter}: {delta!r} ({reason})")
        before: float = getattr(self, meter)
        floor = self.params.reputation
        if meter == "reputation" and delta < 0 and before < floor.floor_zone:
            # A standing already in ruins has little left to lose: losses shrink near the floor,
            # so a week-long storm does not pin every reputation at zero.
            delta *= max(floor.floor_least_share, before / floor.floor_zone)
        after = min(METER_RANGE[1], max(METER_RANGE[0], before + delta))
        applied = after - before
        setattr(self, meter, after)
        if abs(applied) >= NOISE:
            self.changes.append(Change(self.turn, meter, round(applied, 2), reason))
        return applied

    def lift(self, delta: float, reason: str) -> float:
        """Raise reputation for something the team did well.  A response can repair standing and
        earn a little goodwill, not manufacture it: lifts shrink as reputation climbs past where it
        started (SCCT's rebuild strategies restore reputation; they do not add to it without end)."""
        start, rp = self.scenario.organisation.reputation, self.params.reputation
        headroom = max(rp.lift_least_share, min(1.0, (start + rp.lift_headroom - self.reputation) / rp.lift_fade))
        return self.change("reputation", delta * headroom, reason)

    def develop(self, headline: str, kind: str) -> None:
        """Record a public move the newsrooms that ran the story may follow up ("X pulls ad").
        ``kind``: "round" gives the story a new round (a defence, an attack), "ending" closes it
        (an apology), "withdrawal" closes it whatever else is said (pulling the campaign)."""
        if self.published:
            self.developments.append((headline, kind))

    def count(self, name: str, by: float = 1) -> None:
        self.counters[name] = self.counters.get(name, 0) + by

    def next_post_id(self) -> str:
        self.post_serial += 1
        return f"t{self.turn}-{self.post_serial}"

    def fire(self, event_id: str, kind: str, headline: str, text: str = "") -> FiredEvent:
        event = FiredEvent(event_id, self.turn, self.turn_start(), kind, headline, text)
        self.events.append(event)
        self.new_events.append(event)
        return event

    @property
    def hijack_rate(self) -> float:
        """Hostile posts an hour that, with a hostile majority, mark a hijack: a rate that would
        reach about 5% of the audience in a day (0.2% an hour), or a quarter of the trending rate
        for big audiences."""
        trend = self.params.trend
        return min(trend.hijack_trend_share * trend.threshold, trend.hijack_audience_rate * self.graph.population)

    @property
    def hijacked(self) -> bool:
        return self.hijack_turn > 0
