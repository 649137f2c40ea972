"""The engine's public, immutable view of a game: what a UI draws, a report reads, a test asserts.

Everything here is a frozen dataclass of plain values (str, int, float, datetime, tuples), so a
state can be compared, stored and turned into JSON with :func:`to_jsonable`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields, is_dataclass
from typing import Any


@dataclass(frozen=True)
class Post:
    """One post in the feed."""

    id: str
    turn: int
    time: dt.datetime
    author: str  # handle, without @
    name: str  # display name
    followers: int
    text: str
    stance: str  # hostile | neutral | supportive
    likes: int
    reposts: int
    source: str  # crowd | key | org | press | scripted
    reply_to: str | None = None


@dataclass(frozen=True)
class Change:
    """A change to a meter, and why: the debrief, `?` help and reports read these."""

    turn: int
    meter: str
    delta: float
    reason: str

    def describe(self) -> str:
        sign = "+" if self.delta >= 0 else "−"
        return f"{sign}{abs(self.delta):.1f} {self.meter}: {self.reason}"


@dataclass(frozen=True)
class FiredEvent:
    """Something that happened to the player: a press story, an influencer joining, an event."""

    id: str
    turn: int
    time: dt.datetime
    kind: str  # press | influencer | event | inject | campaign
    headline: str
    text: str = ""


@dataclass(frozen=True)
class TakenAction:
    turn: int
    kind: str
    label: str  # "Reply (empathetic) to @OccupyWallSt"
    detail: dict[str, Any]  # Any: JSON; the action as a dict (see actions.action_to_dict)
    changes: tuple[Change, ...] = ()  # what it did at once


@dataclass(frozen=True)
class Reactions:
    """The crowd's cheap reactions to a video (a video platform only): likes and dislikes, and the
    response videos (parodies, replies) posted about it — in one turn, or so far."""

    likes: int
    dislikes: int
    response_videos: int = 0


@dataclass(frozen=True)
class VideoStatus:
    """The organisation's video as the player sees it under the player: counts and switches."""

    reactions: Reactions
    """So far."""
    ratings_shown: bool
    comments_open: bool
    public: bool


@dataclass(frozen=True)
class TurnRecord:
    """The figures at the end of one turn."""

    turn: int
    start: dt.datetime
    end: dt.datetime
    posts: int
    negative_posts: int
    reach: int
    total_posts: int
    negative_share: float
    reputation: float
    press: float
    anger: float
    invitation: float
    virality: float
    actions: tuple[str, ...]
    events: tuple[str, ...]
    changes: tuple[Change, ...]
    reactions: Reactions | None = None
    """This turn's likes, dislikes and response videos, on a video platform (None on a microblog)."""


@dataclass(frozen=True)
class EndingInfo:
    id: str
    outcome: str  # success | mixed | failure
    title: str
    text: str


@dataclass(frozen=True)
class ActionOption:
    """An action as the UI offers it: what it costs and, if it cannot be taken now, why."""

    kind: str
    label: str
    key: str
    cost: int
    available: bool
    reason: str = ""
    choices: tuple[tuple[str, str], ...] = ()  # (id, label) for tones or statement options
    irreversible: bool = False
    description: str = ""
    action_id: str | None = None  # for custom actions


@dataclass(frozen=True)
class GameState:
    """Where the game stands now."""

    scenario_id: str
    seed: int
    turn: int  # the turn being played, from 1 (turns_total + 1 once over)
    turns_total: int
    time: dt.datetime  # simulated start of the current turn
    turn_minutes: int
    phase: str
    reputation: float
    reputation_start: float
    press: float
    anger: float
    invitation: float
    virality: float
    posts_per_hour: float
    total_posts: int
    negative_posts: int
    negative_share: float
    reach: int
    campaign: str  # live | paused | cancelled
    budget: int
    budget_left: int
    feed: tuple[Post, ...]  # this turn's visible posts, most visible first
    org_posts: tuple[Post, ...]  # the organisation's posts still up (deletable)
    history: tuple[TurnRecord, ...]
    events: tuple[FiredEvent, ...]
    taken: tuple[TakenAction, ...]
    over: bool
    ending: EndingInfo | None
    video: VideoStatus | None = None
    """The video's counts and switches, on a video platform (None on a microblog)."""


@dataclass(frozen=True)
class TurnReport:
    """What ending a turn produced."""

    record: TurnRecord
    posts: tuple[Post, ...]
    events: tuple[FiredEvent, ...]
    changes: tuple[Change, ...]
    ending: EndingInfo | None


def to_jsonable(value: Any) -> Any:  # Any: any state object in, JSON-ready data out
    """Turn a state object (or anything nested of dataclasses/tuples/datetimes) into JSON values."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(item) for item in value]
    if isinstance(value, dict):
        return {str(key): to_jsonable(item) for key, item in value.items()}
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    return value
