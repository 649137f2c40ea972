"""The scenario file format (v1) as pydantic models.

One YAML file is one :class:`Scenario`.  Every field carries a description: the same text feeds the
JSON Schema (``bashtag schema``), so an editor explains a key on hover, and ``docs/authoring.md``.
Models are frozen and forbid unknown keys; cross-references (a post's author exists, a condition
names real things) are checked in :mod:`game.scenario.validate`, which reports every problem.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)

from game.scenario.vocabulary import BuiltinAction, ReplyTarget, StepAction

FORMAT_VERSION = 1

# Length limits keep a hostile file from bloating memory or the screen.
SHORT = 120
MEDIUM = 600
LONG = 6000

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]{0,47}$")]
Handle = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_]{1,30}$")]
ShortText = Annotated[str, StringConstraints(min_length=1, max_length=SHORT)]
Text = Annotated[str, StringConstraints(min_length=1, max_length=MEDIUM)]
LongText = Annotated[str, StringConstraints(min_length=1, max_length=LONG)]
Expr = Annotated[str, StringConstraints(min_length=1, max_length=500)]
Url = Annotated[str, StringConstraints(pattern=r"^https?://\S+$", max_length=MEDIUM)]
Fraction = Annotated[float, Field(ge=0, le=1)]
Percent = Annotated[float, Field(ge=0, le=100)]
# Years a scenario's dates may name, as for a crisis history.  Python's calendar ends at 9999, and a
# clock starting near it (or at year 1 with a +14:00 offset) overflowed at a turn's start: bounded
# years, and a clock that must end by MAX_YEAR, keep every date the game computes inside it.
MIN_YEAR, MAX_YEAR = 1900, 2100


def _within_years(value: dt.date) -> dt.date:
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise ValueError(f"the year should be between {MIN_YEAR} and {MAX_YEAR} (found {value.year})")
    return value


# How a date and a time may be written: the loader keeps YAML's timestamps as the text written
# (game/scenario/yaml_reader.py), these patterns check that text, and the JSON Schema carries the same
# patterns, so an editor and `bashtag validate` accept exactly the same times.  A time is local to
# the scenario's clock unless it ends in an offset; seconds are optional.
_DAY = r"{year}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])"
_TIME = r"[T ](?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,6})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)?"
# The schema's patterns hold the years too; the models check any four-digit year against them
# afterwards, to say "the year should be between 1900 and 2100" rather than "should be a date".
_YEARS = rf"(?:19\d\d|20\d\d|{MAX_YEAR})"
DAY_PATTERN = "^" + _DAY.format(year=_YEARS) + "$"
MOMENT_PATTERN = "^" + _DAY.format(year=_YEARS) + _TIME + "$"
_ANY_DAY = "^" + _DAY.format(year=r"\d{4}") + "$"
_ANY_MOMENT = "^" + _DAY.format(year=r"\d{4}") + _TIME + "$"
_MOMENT_WORDS = "a date and time like 2013-11-13 10:00 (seconds and an offset such as -05:00 may follow)"


def _written_as(pattern: str, words: str) -> Callable[[object], object]:
    def check(value: object) -> object:
        if isinstance(value, (dt.date, dt.datetime)):  # built in Python, not read from a file
            return value
        if not isinstance(value, str) or not re.fullmatch(pattern, value):
            raise ValueError(f"should be {words}")
        return value

    return check


Moment = Annotated[
    dt.datetime,
    BeforeValidator(_written_as(_ANY_MOMENT, _MOMENT_WORDS)),
    AfterValidator(_within_years),
    # patternErrorMessage: what VS Code's YAML and JSON language servers say instead of the pattern
    WithJsonSchema(
        {
            "type": "string",
            "pattern": MOMENT_PATTERN,
            "patternErrorMessage": f"Should be {_MOMENT_WORDS}, in the years {MIN_YEAR}-{MAX_YEAR}.",
        }
    ),
]
Day = Annotated[
    dt.date,
    BeforeValidator(_written_as(_ANY_DAY, "a date like 2013-11-13")),
    AfterValidator(_within_years),
    WithJsonSchema(
        {
            "type": "string",
            "format": "date",
            "pattern": DAY_PATTERN,
            "patternErrorMessage": f"Should be a date like 2013-11-13, in the years {MIN_YEAR}-{MAX_YEAR}.",
        }
    ),
]
Tone = Literal["empathetic", "apologetic", "informative", "humorous", "boilerplate", "defensive", "dismissive"]
Strategy = Literal["rebuild", "bolster", "inform", "humour", "diminish", "deny", "attack"]
Stance = Literal["hostile", "neutral", "supportive"]
Effects = Annotated[
    dict[str, float | Expr],
    Field(description="Meter → change, a number or an expression: `{reputation: -5, press: 20}`."),
]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class Timing(Model):
    """When something happens: at a turn, at a simulated time, or when a condition first holds."""

    turn: int | None = Field(None, ge=1, description="The turn it happens on (1 = the first turn).")
    at: Moment | None = Field(None, description="The simulated local time it happens (the turn that contains it).")
    when: Expr | None = Field(None, description="A condition; it happens the first turn it holds.")
    reason: Text | None = Field(
        None,
        description="For a key account's join or post at a fixed turn or time: why the record shows the "
        "move was independent of the organisation (a passenger filming, a reporter finding an old post). "
        "Only then is the clock followed; without a reason the engine causes the account's arrival and the "
        "time is the record's, a target the simulation is checked against.",
    )

    @property
    def fixed(self) -> bool:
        """Placed on the clock (a turn or a time), not by a condition."""
        return self.turn is not None or self.at is not None

    @property
    def independent(self) -> bool:
        """A fixed move the record shows the organisation did not cause: the engine follows the clock."""
        return self.fixed and bool(self.reason)

    @model_validator(mode="after")
    def _one_timing(self) -> Timing:
        given = [name for name in ("turn", "at", "when") if getattr(self, name) is not None]
        if len(given) > 1:
            raise ValueError(f"give one of turn, at or when, not {' and '.join(given)}")
        return self


# ----------------------------------------------------------------------------------------- role


class Role(Model):
    """Who the player is and what they are asked to do."""

    title: ShortText = Field(description="The player's job, e.g. 'Social media manager'.")
    briefing: LongText = Field(description="What the player reads before the first turn.")
    objectives: list[Text] = Field(default_factory=list, max_length=10)


class PriorCrisis(Model):
    """A past scandal. SCCT: a crisis history makes new blame stick (the Velcro effect)."""

    year: int = Field(ge=MIN_YEAR, le=MAX_YEAR)
    what: Text
    severity: Fraction = Field(0.5, description="How much it still colours opinion, 0-1.")


class Organisation(Model):
    """The organisation whose account the player runs, and its standing before the crisis."""

    name: ShortText
    handle: Handle = Field(description="Its account's handle, without @.")
    followers: int = Field(ge=0, le=500_000_000)
    reputation: Percent = Field(description="Starting reputation, 0-100 (50 = neutral).")
    crisis_type: Literal["victim", "accidental", "preventable"] = Field(
        description="SCCT cluster: how much responsibility the public attributes."
    )
    grievance: Fraction = Field(
        description="How alive the public's grievance is at the start, 0-1. "
        "Every hostile hijack on record had a live grievance; without one, the crowd teases."
    )
    history: list[PriorCrisis] = Field(default_factory=list, max_length=20)


# ----------------------------------------------------------------------------------------- clock


class Phase(Model):
    """A stretch of the scenario whose turns share one length."""

    name: ShortText
    turns: int = Field(ge=1, le=200)
    turn_minutes: int = Field(ge=1, le=10080, description="Simulated minutes per turn.")


class Clock(Model):
    start: Moment = Field(description="Simulated local date-time at the start of turn 1.")
    timezone: ShortText = Field("local", description="A label for the scenario's local time, e.g. 'ET'.")
    phases: list[Phase] = Field(min_length=1, max_length=20)

    @model_validator(mode="after")
    def _ends_in_time(self) -> Clock:
        minutes = sum(phase.turns * phase.turn_minutes for phase in self.phases)
        end = self.start + dt.timedelta(minutes=minutes)  # at most 76 years after a start by 2100
        if end.year > MAX_YEAR:
            raise ValueError(
                f"the clock runs past the year {MAX_YEAR} (its last turn ends on {end:%Y-%m-%d}); "
                "start it earlier or give it fewer or shorter turns"
            )
        return self


# ----------------------------------------------------------------------------------------- campaign


class Campaign(Model):
    """What invited the public in: the campaign the organisation launched, or the tag it joined or is in."""

    hashtag: Annotated[str, StringConstraints(pattern=r"^#[A-Za-z0-9_]{1,60}$")]
    kind: Literal["qna", "contest", "promotion", "post", "none"] = Field(
        description="qna and contest invite replies; a lone post or none invites little."
    )
    tag: Literal["launched", "joined", "public"] = Field(
        "launched",
        description="Whose hashtag it is: launched (the organisation's own campaign), joined (a tag others "
        "started that the organisation posted into, as DiGiorno joined #WhyIStayed) or public (a tag the "
        "public started about the organisation). The briefing, the actions and the debrief word it so.",
    )
    announcement: Text = Field(description="The post that launched it.")
    invitation: Percent = Field(
        description="How loudly it invites the public in at the start, 0-100. "
        "A named executive and a time make it louder (scheduled posts can raise it)."
    )
    promoted_posts: list[Text] = Field(default_factory=list, max_length=20)
    cancel_post: Text | None = Field(None, description="What the account posts if the player cancels.")
    deadline: Moment | None = Field(
        None,
        description="When the invitation falls due: a Q&A's start, a contest's closing time. "
        "While the campaign stands, posts rush in as it nears and ease once it has passed.",
    )
    promoted_trend_hours: float = Field(
        0.0,
        ge=0,
        le=72,
        description="Hours the organisation bought at the top of the trending list (a Promoted Trend: one slot "
        "a country a day, shown to everyone there, 24 h in 2010-2017), from the first turn. While it runs the "
        "tag is shown as trending whoever posts; cancelling or pausing the campaign stops it. 0: none.",
    )


# ----------------------------------------------------------------------------------------- audience


class StanceMix(Model):
    hostile: Fraction
    neutral: Fraction
    supportive: Fraction

    @model_validator(mode="after")
    def _sums_to_one(self) -> StanceMix:
        total = self.hostile + self.neutral + self.supportive
        if abs(total - 1.0) > 0.01:
            raise ValueError(f"hostile + neutral + supportive must add up to 1 (they add up to {total:.2f})")
        return self


CrowdRole = Literal["followers", "aggrieved", "media", "public", "fans"]
# The crowds an audience without segments gets, one per role, in this order (none aggrieved when
# the grievance is held by nobody).
STANDARD_ROLES = ("followers", "aggrieved", "media", "public")
GrievanceBreadth = Literal["none", "niche", "cause", "national"]
Region = Literal["US", "UK", "AU", "CA", "IE", "NZ", "world"]


class Segment(Model):
    """A crowd of similar accounts that may post on the hashtag.  With a `role`, the numbers it leaves
    out are derived from the record's facts (docs/authoring.md, "From the record to the numbers")."""

    id: Id
    name: ShortText
    role: CrowdRole | None = Field(
        None,
        description="Who the crowd is: followers (the organisation's own), aggrieved (people who hold the "
        "grievance), media (journalists, commentators), public (onlookers of a trending tag) or fans (loyal "
        "customers). With a role, size, stance, followers, activity, susceptibility and cohesion may be left "
        "out: the engine derives them from the region, the organisation's followers and the grievance.",
    )
    size: int | None = Field(
        None, ge=1, le=50_000_000, description="Accounts in the segment who could take part (derived from the role)."
    )
    stance: StanceMix | None = None
    followers: int | None = Field(
        None, ge=1, le=10_000_000, description="Median follower count of its accounts (the tail is heavy)."
    )
    activity: Fraction | None = Field(
        None, description="Share of the segment that watches the brand or topic unprompted, 0-1."
    )
    susceptibility: Fraction | None = Field(
        None, description="Chance that an account, once exposed, posts on the hashtag, 0-1 (2-5% for outrage)."
    )
    cohesion: Fraction | None = Field(
        None, description="Share of its follow links that stay inside the segment (0.8 without a role)."
    )
    hours_ahead: float = Field(
        0.0,
        ge=-16,
        le=16,
        description="How many hours its local clock runs ahead of the scenario's (5 for London on an "
        "ET clock); its daily rhythm of posting follows its own clock.",
    )

    @model_validator(mode="after")
    def _numbers_or_role(self) -> Segment:
        if self.role is None:
            missing = [
                name
                for name in ("size", "stance", "followers", "activity", "susceptibility")
                if getattr(self, name) is None
            ]
            if missing:
                raise ValueError(
                    f"give the segment a role (followers, aggrieved, media, public or fans) to derive them, "
                    f"or give {', '.join(missing)}"
                )
        return self


class KeyAccount(Model):
    """A named account: an influencer, journalist, activist group or celebrity."""

    handle: Handle
    name: ShortText
    followers: int = Field(ge=0, le=500_000_000)
    followers_documented: bool = Field(
        True, description="False when the count is a plausible tier, not a documented figure."
    )
    segment: Id | None = Field(
        None,
        description="The segment it belongs to. Left out, it is placed by kind and stance: a journalist "
        "with the media, a supportive account with the followers or fans, an activist or a hostile "
        "account with the aggrieved, anyone else with the public (segments with those roles).",
    )
    stance: Stance
    kind: Literal["influencer", "journalist", "activist", "celebrity", "politician", "person", "brand"] = "influencer"
    joins: Timing | None = Field(
        None,
        description="When it starts posting.  A condition (`when`) is followed; a fixed turn or time is "
        "followed only with a `reason` (a move independent of the organisation) and is otherwise the "
        "record's time, a calibration target.  Without it, or without a reason, it joins when what it "
        "sees moves it: posts from accounts it follows, the trending list, the press.",
    )
    joined_on_record: Moment | None = Field(
        None,
        description="When the record shows its first post on the tag: a calibration target the "
        "simulation's median is checked against (within about two hours), never an input.",
    )
    adversary: bool = Field(
        False,
        description="True for an ongoing, public adversary of this organisation: the record shows it "
        "campaigning, protesting or litigating against the organisation by name before the scenario "
        "(PETA and SeaWorld, Occupy Wall Street and the NYPD).  It follows the organisation's account, "
        "so it sees each of the organisation's posts as it goes out and may take up the opening it gives "
        "(the more openly the campaign invites replies, the likelier); without it a named account joins "
        "only when the storm reaches it.",
    )
    bio: Text | None = None


class Outlet(Model):
    """A news outlet that may pick up the story once press attention is high enough."""

    id: Id
    name: ShortText
    audience: int = Field(ge=1, le=500_000_000, description="Readers a story reaches.")
    threshold: Percent = Field(description="Press attention at which a story becomes likely.")
    headline: Text = Field(description="The headline; {hashtag} and {org} are filled in.")
    lag_hours: float = Field(
        0.0,
        ge=0,
        le=336,
        description="How long its piece takes once attention passes its threshold: 0 for online news (it "
        "publishes within hours, by chance); about 12-24 for print (the next morning); 48-168 for weekly "
        "titles, features, columns and trade press. A lagged piece runs then, even if the storm has passed.",
    )


class Audience(Model):
    """Who may take part.  Segments may be written out in full, given only a role, or left out: then
    the engine derives the followers, the aggrieved, the media and the public from the record's facts."""

    region: Region | None = Field(
        None,
        description="Where the crowd lives: a country, or world when the record says the tag trended "
        "worldwide. With the scenario's year it gives the platform's active users, which size derived "
        "segments and set the trending and press thresholds (a UK tag trends on fewer posts).",
    )
    platform_users: int | None = Field(
        None,
        ge=10_000,
        le=3_000_000_000,
        description="The platform's monthly active users in the region that year, when the record gives "
        "a better figure than the engine's table.",
    )
    grievance_breadth: GrievanceBreadth | None = Field(
        None,
        description="How widely the grievance is held: none, niche (a specialist or local community), "
        "cause (an organised movement with its own accounts) or national (a grievance the country's news "
        "has carried for months). Sizes the aggrieved.",
    )
    national_news: bool = Field(
        False,
        description="True when the record shows the region's national TV news or front pages reporting "
        "the incident itself (the footage, the ad, the post: the act the crowd is angry at, not a story "
        "about the hashtag) within the scenario's window.  The people who take part are then the news "
        "audience, not only those who use a tag: the derived public is the share of the region's users "
        "who hear of such a story.  Needs a country for region.",
    )
    segments: list[Segment] = Field(default_factory=list, max_length=20)
    key_accounts: list[KeyAccount] = Field(default_factory=list, max_length=200)
    outlets: list[Outlet] = Field(default_factory=list, max_length=50)

    @property
    def market_known(self) -> bool:
        """True when the file says where its crowd lives (its market sets the thresholds)."""
        return self.region is not None or self.platform_users is not None


# ----------------------------------------------------------------------------------------- posts


class ScriptedPost(Timing):
    """A post that appears when its timing comes: written by a key account, or by the crowd."""

    id: Id | None = None
    author: Handle = Field(description="A key account's handle, or a crowd handle invented for the post.")
    name: ShortText | None = Field(None, description="Display name when the author is not a key account.")
    text: Text
    stance: Stance = "hostile"


class SituationalPool(Model):
    """Crowd posts true only in a situation ("it's trending"), in the pools only while `when` holds.

    So the feed never claims what the game has not done: "every channel is running the video" waits
    for the press."""

    when: Expr = Field(description="Checked at the end of each turn; while it holds, these posts can appear.")
    hostile: list[Text] = Field(default_factory=list, max_length=500)
    neutral: list[Text] = Field(default_factory=list, max_length=500)
    supportive: list[Text] = Field(default_factory=list, max_length=500)


class Templates(Model):
    """Pools of crowd posts per stance. `{name}` picks from `fills.name`; {hashtag} and {org} are filled in."""

    hostile: list[Text] = Field(default_factory=list, max_length=500)
    neutral: list[Text] = Field(default_factory=list, max_length=500)
    supportive: list[Text] = Field(default_factory=list, max_length=500)
    situational: list[SituationalPool] = Field(
        default_factory=list,
        max_length=50,
        description="More posts per stance that join the pools only while their condition holds.",
    )
    fills: dict[Id, list[ShortText]] = Field(default_factory=dict)
    handles: list[Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_]{1,20}$")]] = Field(
        default_factory=list, max_length=500, description="Parts from which crowd handles are made."
    )


class ScheduledPost(Model):
    """The organisation's own queued post: it goes out at its turn unless the player paused the queue."""

    text: Text
    turn: int | None = Field(None, ge=1)
    at: Moment | None = None
    invitation: float = Field(0, ge=-100, le=100, description="Change to the invitation meter when it goes out.")


# ----------------------------------------------------------------------------------------- actions


class StatementOption(Model):
    """A statement the player may post, with the response posture it takes."""

    id: Id
    label: ShortText
    strategy: Strategy
    text: Text
    needs_escalation: bool = Field(False, description="Only after the team escalated to leadership.")
    when: Expr | None = Field(None, description="Only while this holds.")


class CustomAction(Model):
    id: Id
    label: ShortText
    description: Text
    key: Annotated[str, StringConstraints(pattern=r"^[a-z0-9]$")] | None = None
    cost: int = Field(1, ge=0, le=10)
    strategy: Strategy | None = Field(None, description="The posture it takes, if it speaks in public.")
    when: Expr | None = None
    once: bool = True
    effects: Effects = Field(default_factory=dict)


class Actions(Model):
    """What the player can do. Built-in actions are always there unless disabled."""

    budget: int = Field(3, ge=1, le=20, description="Attention points a turn (a team can do only so much).")
    disabled: list[BuiltinAction] = Field(default_factory=list)
    replies: dict[Tone, list[Text]] = Field(
        default_factory=dict, description="Reply texts per tone; {handle} is the person replied to."
    )
    statements: list[StatementOption] = Field(default_factory=list, max_length=30)
    custom: list[CustomAction] = Field(default_factory=list, max_length=30)


# ----------------------------------------------------------------------------------------- events


class Event(Model):
    id: Id
    when: Expr
    headline: Text
    text: Text | None = None
    once: bool = True
    effects: Effects = Field(default_factory=dict)


class SpinOff(Model):
    """A tag the storm spawns elsewhere: a copycat in another city, a parody, a counter-tag.  It is born
    some hours after its condition first holds and runs as a small storm of its own, fed by the
    parent's posts and fading as the joke wears thin (research/ignition.md §5)."""

    tag: str = Field(pattern=r"^#[A-Za-z0-9_]{1,60}$", description="The new tag, with its #: #myLAPD, #AnswerTheQ.")
    when: Expr = Field(description="What sets it off: a condition, such as `n_attack > 0` or `trending`.")
    where: ShortText | None = Field(
        None, description="Where it runs, for the event's words: 'in Los Angeles', 'among the critics'."
    )


class Inject(Model):
    """A prepared event a workshop facilitator can fire at any time."""

    id: Id
    label: ShortText
    headline: Text
    text: Text | None = None
    effects: Effects = Field(default_factory=dict)
    posts: list[ScriptedPost] = Field(default_factory=list, max_length=20)
    answered_by: list[Id] = Field(
        default_factory=list,
        max_length=20,
        description="What answers this inject when the team does it after receiving it: built-in action "
        "kinds (statement, reply, pause, resume, cancel, delete, monitor, escalate), statement ids or custom "
        "action ids. The facilitator's dashboard, `workshop status` and the report then show it answered; "
        "leave it out for news that asks for nothing in particular.",
    )


class Ending(Model):
    id: Id
    when: Expr = Field(description="Checked after each turn if early, else after the last turn.")
    early: bool = Field(False, description="May end the game before the last turn.")
    outcome: Literal["success", "mixed", "failure"]
    title: ShortText
    text: LongText


# ----------------------------------------------------------------------------------------- debrief


class TimelineEntry(Model):
    at: Moment
    text: Text


class Lesson(Model):
    id: Id
    when: Expr = Field(description="Shown when this holds at the end of the game.")
    text: LongText
    source: Url | None = None


class Step(Model):
    """One step of a strategy: an action at a turn (or a time)."""

    turn: int | None = Field(None, ge=1)
    at: Moment | None = None
    action: StepAction
    tone: Tone | None = Field(None, description="For reply: the tone.")
    target: ReplyTarget | Handle | None = Field(
        None,
        description="For reply: whom to answer: loudest, hostile, influencer, latest or a handle, among the "
        "posts of the turn just ended. (A delete always takes our latest post.)",
    )
    option: Id | None = Field(None, description="For statement: the statement's id; for custom: the action's id.")
    count: int = Field(
        1, ge=1, le=10, description="For reply: how many people to answer (each reply costs its attention)."
    )


class Playbook(Model):
    """A named sequence of steps: the historical one, or a strategy the simulator can play."""

    id: Id
    name: ShortText
    description: Text
    steps: list[Step] = Field(max_length=200)


class Debrief(Model):
    summary: LongText = Field(description="What really happened, in a paragraph.")
    timeline: list[TimelineEntry] = Field(default_factory=list, max_length=60)
    lessons: list[Lesson] = Field(default_factory=list, max_length=40)
    questions: list[Text] = Field(default_factory=list, max_length=20, description="For group discussion.")


# ----------------------------------------------------------------------------------------- scenario


class Scenario(Model):
    """A crisis scenario: one YAML file."""

    format: Literal[1] = Field(description="The format version; this is version 1.")
    id: Id
    title: ShortText
    summary: Text = Field(description="One line for the scenario list.")
    kind: Literal["real", "fictional"]
    platform: Literal["microblog", "video"] = Field(
        "microblog",
        description="Where the crisis lives: microblog (a hashtag: posts, replies, reposts, a trending list) or "
        "video (one video on a video platform: its comments, its likes and dislikes, response videos). Some "
        "actions exist on one platform only: pause, resume and cancel on a microblog; hold_comments, "
        "disable_ratings and make_private on a video platform.",
    )
    date: Day
    difficulty: Literal["easy", "medium", "hard"]
    tags: list[ShortText] = Field(default_factory=list, max_length=20)
    sources: list[Url] = Field(default_factory=list, max_length=40)
    notes: LongText | None = Field(None, description="For authors: what is documented and what is assumed.")
    role: Role
    organisation: Organisation
    clock: Clock
    campaign: Campaign
    audience: Audience
    posts: list[ScriptedPost] = Field(default_factory=list, max_length=500)
    templates: Templates = Field(default_factory=Templates)
    scheduled_posts: list[ScheduledPost] = Field(default_factory=list, max_length=200)
    actions: Actions = Field(default_factory=Actions)
    events: list[Event] = Field(default_factory=list, max_length=100)
    injects: list[Inject] = Field(default_factory=list, max_length=50)
    spin_offs: list[SpinOff] = Field(
        default_factory=list,
        max_length=10,
        description="Tags the storm may spawn elsewhere (copycats, parodies, counter-tags), each a small storm of its own.",
    )
    endings: list[Ending] = Field(min_length=1, max_length=20)
    debrief: Debrief
    historical: Playbook = Field(description="What the organisation actually did, as a strategy.")
    strategies: list[Playbook] = Field(default_factory=list, max_length=20)

    @property
    def turns_total(self) -> int:
        return sum(phase.turns for phase in self.clock.phases)

    def turn_starts(self) -> list[dt.datetime]:
        """The simulated start time of each turn, plus the end of the last one."""
        starts = [self.clock.start]
        for phase in self.clock.phases:
            for _ in range(phase.turns):
                starts.append(starts[-1] + dt.timedelta(minutes=phase.turn_minutes))
        return starts

    def turn_at(self, moment: dt.datetime) -> int | None:
        """The turn (from 1) whose span contains ``moment``, or None if outside the scenario."""
        starts = self.turn_starts()
        for turn, (begin, end) in enumerate(zip(starts, starts[1:]), start=1):
            if begin <= moment < end:
                return turn
        return None
