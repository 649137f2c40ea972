"""What a player (or a strategy, or a facilitator) can do: small immutable action objects.

The UI, the simulator and the session log all speak in these.  Each action has a ``kind`` and turns
into a plain dict and back, so it can be written to a session log and replayed bit for bit.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any, ClassVar, Literal


class ActionNotAllowed(Exception):
    """The action cannot be taken now; ``reason`` is a sentence the UI shows as it is."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Reply:
    """Answer one post in the feed: in a tone (the words are the scenario's), or in the team's own
    ``text``, whose tone the engine reads (``game.words``) — then ``tone`` is left empty."""

    post_id: str
    tone: str = ""
    text: str | None = None
    kind: ClassVar[Literal["reply"]] = "reply"


@dataclass(frozen=True)
class Statement:
    """Post a statement: one of the scenario's prepared ones (``option``), or the team's own ``text``,
    whose SCCT posture the engine reads (``game.words``).  A prepared one may be sent with edited
    words: then ``text`` is what went out, and it is read like any other."""

    option: str = ""
    text: str | None = None
    kind: ClassVar[Literal["statement"]] = "statement"


@dataclass(frozen=True)
class Pause:
    """Pause the organisation's scheduled posts."""

    kind: ClassVar[Literal["pause"]] = "pause"


@dataclass(frozen=True)
class Resume:
    """Let the scheduled posts go out again."""

    kind: ClassVar[Literal["resume"]] = "resume"


@dataclass(frozen=True)
class Cancel:
    """Cancel the campaign (the Q&A, the contest). Cannot be undone."""

    kind: ClassVar[Literal["cancel"]] = "cancel"


@dataclass(frozen=True)
class Delete:
    """Delete one of the organisation's own posts. Cannot be undone."""

    post_id: str
    kind: ClassVar[Literal["delete"]] = "delete"


@dataclass(frozen=True)
class Monitor:
    """Spend the turn's attention listening: who is posting, and why."""

    kind: ClassVar[Literal["monitor"]] = "monitor"


@dataclass(frozen=True)
class Escalate:
    """Take it to leadership: unlocks statements that need sign-off, from the next turn."""

    kind: ClassVar[Literal["escalate"]] = "escalate"


@dataclass(frozen=True)
class HoldComments:
    """A video platform: hold the video's comments (none appear; the talk moves to other sites)."""

    kind: ClassVar[Literal["hold_comments"]] = "hold_comments"


@dataclass(frozen=True)
class DisableRatings:
    """A video platform: turn off the video's likes and dislikes. Cannot be undone."""

    kind: ClassVar[Literal["disable_ratings"]] = "disable_ratings"


@dataclass(frozen=True)
class MakePrivate:
    """A video platform: make the video private (its way of calling it off). Cannot be undone."""

    kind: ClassVar[Literal["make_private"]] = "make_private"


@dataclass(frozen=True)
class Custom:
    """One of the scenario's own actions."""

    action_id: str
    kind: ClassVar[Literal["custom"]] = "custom"


@dataclass(frozen=True)
class Inject:
    """A facilitator's inject: a prepared one by id, or a headline typed on the spot."""

    inject_id: str | None = None
    headline: str | None = None
    text: str | None = None
    kind: ClassVar[Literal["inject"]] = "inject"


Action = (
    Reply
    | Statement
    | Pause
    | Resume
    | Cancel
    | Delete
    | Monitor
    | Escalate
    | HoldComments
    | DisableRatings
    | MakePrivate
    | Custom
    | Inject
)

ACTION_TYPES: dict[str, type[Action]] = {
    cls.kind: cls
    for cls in (
        Reply,
        Statement,
        Pause,
        Resume,
        Cancel,
        Delete,
        Monitor,
        Escalate,
        HoldComments,
        DisableRatings,
        MakePrivate,
        Custom,
        Inject,
    )
}


def action_to_dict(action: Action) -> dict[str, Any]:
    """``{"kind": "reply", "post_id": "p12", "tone": "empathetic"}``.  The team's own words appear
    only when there are some (``"text": …``), so a log of chosen tones reads as it always did."""
    data = asdict(action)
    if data.get("text") is None and action.kind in ("reply", "statement"):
        data.pop("text", None)
    return {"kind": action.kind, **data}


def action_from_dict(data: dict[str, Any]) -> Action:  # Any: read from a saved log, checked below
    """The inverse of :func:`action_to_dict`; raises ValueError on anything malformed."""
    if not isinstance(data, dict):
        raise ValueError("an action must be an object")
    kind = data.get("kind")
    cls = ACTION_TYPES.get(kind) if isinstance(kind, str) else None
    if cls is None:
        raise ValueError(f"unknown action kind {kind!r}")
    names = {f.name for f in fields(cls)}
    args = {key: value for key, value in data.items() if key != "kind"}
    unknown = set(args) - names
    if unknown:
        raise ValueError(f"unknown field(s) for {kind}: {', '.join(sorted(unknown))}")
    for key, value in args.items():
        if value is not None and not isinstance(value, str):
            raise ValueError(f"{kind}.{key} must be a string")
    try:
        return cls(**args)
    except TypeError as error:
        raise ValueError(f"bad {kind} action: {error}") from None
