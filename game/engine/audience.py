"""The audience a scenario leaves to the engine: crowds derived from what a record documents.

An author who writes a case from its record rarely knows how many accounts held the grievance or
how often they watched the brand; the record gives the region and year, the organisation's
followers, how widely the grievance was held, the named accounts and the outlets.  A segment with
a ``role`` may leave its numbers out, and an audience may leave its segments out altogether; this
module fills them in from those facts and ``params.audience`` (research/ignition.md §3: the
aggrieved are a share of the country's active users).  It also gives the market: a scenario that
names its region has its trending rate and its press's half-attention reach scaled to that market's
users, since a UK tag trends on fewer posts than a US one (ignition §2).

A scenario that writes every number and names no region comes back unchanged, so the seeded games
of files written before derivation existed stay what they were.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.params import DEFAULT_PARAMS, AudienceParams, ModelParams
from game.scenario.models import STANDARD_ROLES, Audience, KeyAccount, Scenario, Segment, StanceMix

# What each crowd of a derived standard audience is called (scenario.models.STANDARD_ROLES).
STANDARD_NAMES = {
    "followers": "Its followers",
    "aggrieved": "People who hold the grievance",
    "media": "Journalists and commentators",
    "public": "The wider public",
}
COHESION_WITHOUT_ROLE = 0.8  # not a parameter: the format's default for a segment written in full


@dataclass(frozen=True)
class Crowd:
    """One segment with every number known: what the follower graph is built from."""

    id: str
    name: str
    size: int
    stance: tuple[float, float, float]  # hostile, neutral, supportive
    followers: int
    activity: float
    susceptibility: float
    cohesion: float
    hours_ahead: float


def platform_users(scenario: Scenario, params: ModelParams = DEFAULT_PARAMS) -> float | None:
    """The platform's active users where the crowd lives, that year; None when the file does not say."""
    audience = scenario.audience
    if audience.platform_users is not None:
        return float(audience.platform_users)
    if audience.region is None:
        return None
    year = scenario.clock.start.year
    rows = [
        (abs(row_year - year), users) for region, row_year, users in params.audience.users if region == audience.region
    ]
    _, users = min(rows)  # the nearest year's figure
    return users


def market_params(scenario: Scenario, params: ModelParams) -> ModelParams:
    """``params`` with the trending rate and the press's half-attention reach scaled to the market."""
    users = platform_users(scenario, params)
    if users is None:
        return params
    ap = params.audience
    scale = users / ap.reference_users
    # The press weighs a storm against what is normal for the organisation: the everyday hostile
    # talk about it, its followers times the grievance (a bank is attacked every day, a pizza brand
    # rarely), against #AskJPM's, where the press constants were set.
    organisation = scenario.organisation
    usual = max(organisation.followers * organisation.grievance, 1.0) / ap.usual_reference
    weight = usual**ap.usual_weight
    return params.with_(
        trend_threshold=params.trend.threshold * scale,
        press_half=params.press.half * scale * weight,
        press_trending_floor=ap.trending_floor,
    )


def resolve(scenario: Scenario, params: ModelParams) -> Scenario:
    """``scenario`` with every segment's numbers and every key account's segment filled in."""
    audience = scenario.audience
    complete = audience.segments and all(_is_complete(s) for s in audience.segments)
    if complete and all(a.segment is not None for a in audience.key_accounts):
        return scenario
    segments = list(audience.segments) or [Segment(id=role, name=name, role=role) for role, name in _standard(audience)]
    filled = [_fill(segment, scenario, params) for segment in segments]
    homed = [_home(account, filled) for account in audience.key_accounts]
    resolved = audience.model_copy(update={"segments": filled, "key_accounts": homed})
    return scenario.model_copy(update={"audience": resolved})


def crowds(scenario: Scenario) -> list[Crowd]:
    """The crowds of a resolved scenario (see :func:`resolve`)."""
    out = []
    for s in scenario.audience.segments:
        if s.size is None or s.stance is None or s.followers is None or s.activity is None or s.susceptibility is None:
            raise ValueError(f"segment {s.id!r} has numbers missing: resolve the scenario first")
        out.append(
            Crowd(
                id=s.id,
                name=s.name,
                size=s.size,
                stance=(s.stance.hostile, s.stance.neutral, s.stance.supportive),
                followers=s.followers,
                activity=s.activity,
                susceptibility=s.susceptibility,
                cohesion=COHESION_WITHOUT_ROLE if s.cohesion is None else s.cohesion,
                hours_ahead=s.hours_ahead,
            )
        )
    return out


def derived_fields(segment: Segment) -> tuple[str, ...]:
    """The numbers of ``segment`` (as written) that the engine derives (none without a role: such a
    segment is written in full, and a missing cohesion is the format's default)."""
    if segment.role is None:
        return ()
    return tuple(
        name
        for name in ("size", "stance", "followers", "activity", "susceptibility", "cohesion")
        if getattr(segment, name) is None
    )


def describe(scenario: Scenario, params: ModelParams = DEFAULT_PARAMS) -> list[str]:
    """What the engine derived for ``scenario``, in an author's words; empty for a file written in full."""
    users = platform_users(scenario, params)
    derived = not scenario.audience.segments or any(derived_fields(s) for s in scenario.audience.segments)
    if users is None and not derived:
        return []
    lines = []
    if users is not None:
        market = market_params(scenario, params)
        where = scenario.audience.region or "its market"
        lines.append(  # not a parameter: millions, for the reader
            f"market: {where}, {users / 1e6:.3g} million platform users in {scenario.clock.start.year}; the tag "
            f"trends past {market.trend.threshold:,.0f} posts an hour, and once hijacked there it holds press "
            f"attention at {market.press.trending_floor:.0f} at least (the first movers' wire)"
        )
    resolved = resolve(scenario, params)
    written = {s.id: derived_fields(s) for s in scenario.audience.segments}
    for crowd in crowds(resolved):
        made = written.get(crowd.id)
        if made == ():
            continue  # written in full
        how = "derived" if made is None else f"{', '.join(made)} derived"
        role = next((s.role for s in resolved.audience.segments if s.id == crowd.id), None)
        if role == "public" and scenario.audience.national_news and (made is None or "size" in made):
            how += ": the news audience, as the national news carried the incident"
        lines.append(f"crowd {crowd.id}: {crowd.size:,} accounts, {crowd.stance[0]:.0%} hostile ({how})")
    return lines


# ------------------------------------------------------------------------------ inside


def _is_complete(segment: Segment) -> bool:
    return not derived_fields(segment)


def _standard(audience: Audience) -> list[tuple[str, str]]:
    """The standard crowds: no aggrieved when the grievance is held by nobody."""
    return [
        (role, STANDARD_NAMES[role])
        for role in STANDARD_ROLES
        if role != "aggrieved" or audience.grievance_breadth != "none"
    ]


def _fill(segment: Segment, scenario: Scenario, params: ModelParams) -> Segment:
    if segment.role is None:
        return segment  # written in full (the format refuses a segment with neither)
    ap, role = params.audience, segment.role
    grievance = scenario.organisation.grievance
    updates: dict[str, object] = {}
    if segment.size is None:
        updates["size"] = _size(role, scenario, params)
    if segment.stance is None:
        updates["stance"] = _stance(role, grievance, ap)
    for name, table in (
        ("followers", ap.followers),
        ("activity", ap.activity),
        ("susceptibility", ap.susceptibility),
        ("cohesion", ap.cohesion),
    ):
        if getattr(segment, name) is None:
            updates[name] = dict(table)[role]
    return segment.model_copy(update=updates)


def _size(role: str, scenario: Scenario, params: ModelParams) -> int:
    ap, followers = params.audience, scenario.organisation.followers
    users = platform_users(scenario, params)
    if role == "followers":
        return max(1, round(followers * ap.follower_share))
    if role == "fans":
        return max(1, round(followers * ap.fan_share))
    if users is None:
        # The format's checks refuse this before a game starts; a direct caller gets told why.
        raise ValueError(f"a derived {role} crowd needs audience.region or audience.platform_users")
    if role == "aggrieved":
        breadth = scenario.audience.grievance_breadth
        if breadth is None:
            raise ValueError("a derived aggrieved crowd needs audience.grievance_breadth")
        return max(1, round(users * dict(ap.breadth)[breadth]))
    if role == "media":
        return max(ap.media_least, round(users * ap.media_share))
    # A story the national news carried to everyone: the public is the news audience, not the few who
    # look at a trending tag (docs/engine.md, "The news public").
    share = ap.news_public_share if scenario.audience.national_news else ap.public_share
    return max(1, round(users * share))


def _stance(role: str, grievance: float, ap: AudienceParams) -> StanceMix:
    if role == "aggrieved":
        hostile, neutral, supportive = ap.aggrieved_stance
    elif role == "fans":
        hostile, neutral, supportive = ap.fans_stance
    elif role == "followers":
        hostile, supportive = ap.follower_hostility * grievance, ap.follower_support * (1.0 - grievance)
        neutral = 1.0 - hostile - supportive
    else:
        base, per_grievance = ap.media_hostility if role == "media" else ap.public_hostility
        hostile, supportive = base + per_grievance * grievance, ap.bystander_support
        neutral = 1.0 - hostile - supportive
    return StanceMix(hostile=round(hostile, 4), neutral=round(neutral, 4), supportive=round(supportive, 4))


def _home(account: KeyAccount, segments: list[Segment]) -> KeyAccount:
    """Place a key account without a segment by its kind and stance."""
    if account.segment is not None:
        return account
    by_role = {s.role: s.id for s in segments if s.role is not None}
    if account.kind == "journalist":
        wanted = ["media", "public"]
    elif account.stance == "supportive":
        wanted = ["fans", "followers", "public"]
    elif account.kind == "activist" or account.stance == "hostile":
        wanted = ["aggrieved", "public"]
    else:
        wanted = ["public", "followers"]
    home = next((by_role[role] for role in wanted if role in by_role), segments[0].id)
    return account.model_copy(update={"segment": home})
