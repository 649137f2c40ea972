"""The cross-references the models cannot see: a post's author exists, an id is unique, a condition
reads only names the engine knows, a time falls inside the scenario's clock, a fill exists.  Each check
collects all its problems, each on its line."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterator

from game.scenario import vocabulary
from game.scenario.expr import ExpressionError, Source, parse
from game.scenario.messages import quoted_value
from game.scenario.models import STANDARD_ROLES, Playbook, Scenario, ScheduledPost, Step, Timing
from game.scenario.problems import Positions, Problem, TreePath, did_you_mean

BUILTIN_FILLS = ("hashtag", "org", "handle")
_SLOT = re.compile(r"\{([a-z0-9_-]+)\}")  # the engine's template slot (game/engine/feed.py)


def check_scenario(scenario: Scenario, positions: Positions) -> list[Problem]:
    """Every cross-reference problem of a model-valid scenario (the warnings are ``advice.py``'s)."""
    problems: list[Problem] = []
    for check in (
        check_unique_ids,
        check_audience,
        check_news_public,
        check_adversaries,
        check_references,
        check_expressions,
        check_effects,
        check_times,
        check_playbooks,
        check_templates,
        check_keys,
        check_inject_answers,
        check_platform,
    ):
        problems.extend(check(scenario, positions))
    return problems


def _id_groups(s: Scenario) -> dict[str, list[tuple[TreePath, str]]]:
    """Each id namespace: (path of the id, the id)."""
    return {
        "segment": [(("audience", "segments", i, "id"), x.id) for i, x in enumerate(s.audience.segments)],
        "key account": [
            (("audience", "key_accounts", i, "handle"), x.handle.lower()) for i, x in enumerate(s.audience.key_accounts)
        ],
        "outlet": [(("audience", "outlets", i, "id"), x.id) for i, x in enumerate(s.audience.outlets)],
        "post": [(("posts", i, "id"), x.id) for i, x in enumerate(s.posts) if x.id],
        "event": [(("events", i, "id"), x.id) for i, x in enumerate(s.events)],
        "inject": [(("injects", i, "id"), x.id) for i, x in enumerate(s.injects)],
        "ending": [(("endings", i, "id"), x.id) for i, x in enumerate(s.endings)],
        "lesson": [(("debrief", "lessons", i, "id"), x.id) for i, x in enumerate(s.debrief.lessons)],
        "statement": [(("actions", "statements", i, "id"), x.id) for i, x in enumerate(s.actions.statements)],
        "custom action": [(("actions", "custom", i, "id"), x.id) for i, x in enumerate(s.actions.custom)],
        "strategy": [(("historical", "id"), s.historical.id)]
        + [(("strategies", i, "id"), x.id) for i, x in enumerate(s.strategies)],
    }


def check_unique_ids(s: Scenario, pos: Positions) -> Iterator[Problem]:
    for kind, entries in _id_groups(s).items():
        seen: dict[str, TreePath] = {}
        for path, ident in entries:
            if ident in seen:
                first = pos.mark(seen[ident])
                where = f" (first used on line {first.line})" if first else ""
                yield pos.problem(path, f"two {kind}s have the id {ident!r}{where}; ids must be unique")
            else:
                seen[ident] = path


def check_keys(s: Scenario, pos: Positions) -> Iterator[Problem]:
    """A custom action's key must be free: the play screen's own keys and other custom keys."""
    from game.scenario.vocabulary import RESERVED_KEYS

    taken: dict[str, str] = {}
    for i, custom in enumerate(s.actions.custom):
        if custom.key is None:
            continue
        if custom.key in RESERVED_KEYS:
            free = "".join(k for k in "abfghijklwyz0123456789" if k not in taken and k not in RESERVED_KEYS)[:6]
            yield pos.problem(
                ("actions", "custom", i, "key"),
                f"the key {custom.key!r} is the game's own (reserved: "
                f"{' '.join(sorted(RESERVED_KEYS))}); try one of {', '.join(free)}",
            )
        elif custom.key in taken:
            yield pos.problem(
                ("actions", "custom", i, "key"), f"the key {custom.key!r} is already used by {taken[custom.key]!r}"
            )
        else:
            taken[custom.key] = custom.id


def check_audience(s: Scenario, pos: Positions) -> Iterator[Problem]:
    """A crowd the engine derives needs the facts it is derived from."""
    audience = s.audience
    derived = [(i, x) for i, x in enumerate(audience.segments) if x.role is not None and x.size is None]
    where: TreePath = ("audience",)
    if not audience.segments or derived:
        market_needed = not audience.segments or any(x.role in ("aggrieved", "media", "public") for _, x in derived)
        what = "segments are left out" if not audience.segments else f"segment {derived[0][1].id!r} has no size"
        if market_needed and not audience.market_known:
            yield pos.problem(
                where,
                f"{what}, so the engine derives the crowd: give audience.region (US, UK, AU, CA, IE, NZ or "
                f"world) or audience.platform_users, which the sizes are taken from",
            )
        breadth_needed = not audience.segments or any(x.role == "aggrieved" for _, x in derived)
        if breadth_needed and audience.grievance_breadth is None:
            yield pos.problem(
                where,
                f"{what}, so the engine derives the people who hold the grievance: give "
                f"audience.grievance_breadth (none, niche, cause or national; docs/authoring.md, "
                f'"From the record to the numbers")',
            )


def check_news_public(s: Scenario, pos: Positions) -> Iterator[Problem]:
    """``national_news`` sizes a derived public from one country's news audience: it needs a country
    and a public the engine derives (a public written with its size keeps it)."""
    audience = s.audience
    if not audience.national_news:
        return
    where: TreePath = ("audience", "national_news")
    if audience.region == "world":
        yield pos.problem(
            where,
            "national news is one country's: give the region whose TV news or front pages carried the "
            "incident (US, UK, AU, CA, IE or NZ), or leave national_news out",
        )
    derived_public = not audience.segments or any(x.role == "public" and x.size is None for x in audience.segments)
    if not derived_public:
        yield pos.problem(
            where,
            "national_news sizes the public the engine derives, and this file has none: leave its "
            "segments out, add a segment with role public and no size, or leave national_news out",
        )


def check_adversaries(s: Scenario, pos: Positions) -> Iterator[Problem]:
    """An adversary of the organisation campaigns against it: a neutral or supportive one is a slip."""
    for i, account in enumerate(s.audience.key_accounts):
        if account.adversary and account.stance != "hostile":
            yield pos.problem(
                ("audience", "key_accounts", i, "adversary"),
                f"@{account.handle} is an adversary of the organisation but {account.stance}: an adversary "
                f"campaigns against it (stance: hostile), or leave adversary out",
            )


def check_references(s: Scenario, pos: Positions) -> Iterator[Problem]:
    segments = [x.id for x in s.audience.segments] or [
        x for x in STANDARD_ROLES if x != "aggrieved" or s.audience.grievance_breadth != "none"
    ]
    for i, account in enumerate(s.audience.key_accounts):
        if account.segment is not None and account.segment not in segments:
            yield pos.problem(
                ("audience", "key_accounts", i, "segment"),
                f"no segment {account.segment!r}{did_you_mean(account.segment, segments)}"
                f" (segments: {', '.join(segments)})",
            )
    handles = {x.handle.lower() for x in s.audience.key_accounts} | {s.organisation.handle.lower()}
    authored = [(("posts", i), p) for i, p in enumerate(s.posts)] + [
        (("injects", i, "posts", j), p) for i, inj in enumerate(s.injects) for j, p in enumerate(inj.posts)
    ]
    for path, post in authored:
        if post.author.lower() not in handles and not post.name:
            yield pos.problem(
                path + ("author",),
                f"@{post.author} is not a key account or the organisation; give the post a 'name' "
                f"(the display name of this crowd account) or add @{post.author} to "
                f"audience.key_accounts{did_you_mean(post.author, sorted(handles))}",
            )


def _expression_places(s: Scenario) -> Iterator[tuple[TreePath, Source | None]]:
    """Every condition in the scenario, with its place."""
    for i, post in enumerate(s.posts):
        yield ("posts", i, "when"), post.when
    for i, account in enumerate(s.audience.key_accounts):
        if account.joins:
            yield ("audience", "key_accounts", i, "joins", "when"), account.joins.when
    for i, event in enumerate(s.events):
        yield ("events", i, "when"), event.when
    for i, spin_off in enumerate(s.spin_offs):
        yield ("spin_offs", i, "when"), spin_off.when
    for i, inject in enumerate(s.injects):
        for j, post in enumerate(inject.posts):
            yield ("injects", i, "posts", j, "when"), post.when
    for i, ending in enumerate(s.endings):
        yield ("endings", i, "when"), ending.when
    for i, lesson in enumerate(s.debrief.lessons):
        yield ("debrief", "lessons", i, "when"), lesson.when
    for i, statement in enumerate(s.actions.statements):
        yield ("actions", "statements", i, "when"), statement.when
    for i, action in enumerate(s.actions.custom):
        yield ("actions", "custom", i, "when"), action.when
    for i, pool in enumerate(s.templates.situational):
        yield ("templates", "situational", i, "when"), pool.when
    for path, effects in _effect_places(s):
        for key, value in effects.items():
            if isinstance(value, str):
                yield path + (key,), value


def _effect_places(s: Scenario) -> Iterator[tuple[TreePath, dict[str, float | str]]]:
    for i, event in enumerate(s.events):
        yield ("events", i, "effects"), event.effects
    for i, inject in enumerate(s.injects):
        yield ("injects", i, "effects"), inject.effects
    for i, action in enumerate(s.actions.custom):
        yield ("actions", "custom", i, "effects"), action.effects


def known_dotted(s: Scenario) -> dict[str, list[str]]:
    """For each dotted prefix, the ids that may follow it in this scenario."""
    return {
        "fired": [x.id for x in s.events],
        "joined": [x.handle for x in s.audience.key_accounts],
        "took": [x.id for x in s.actions.custom],
        "said": [x.id for x in s.actions.statements],
        "injected": [x.id for x in s.injects],
    }


def check_expressions(s: Scenario, pos: Positions) -> Iterator[Problem]:
    dotted = known_dotted(s)
    assert set(dotted) == set(vocabulary.DOTTED_NAMES), "vocabulary and validator disagree"
    all_names = list(vocabulary.NAMES) + [f"{p}.{i}" for p, ids in dotted.items() for i in ids]
    for path, source in _expression_places(s):
        if source is None:
            continue
        try:
            expression = parse(source)
        except ExpressionError as error:
            yield pos.problem(
                path,
                f"cannot read the expression: {error.message} (in {quoted_value(source)})",
                col_offset=error.column - 1,
            )
            continue
        for name in sorted(expression.names):
            message = _unknown_name(name, dotted, all_names)
            if message:
                match = re.search(r"(?<![\w.])" + re.escape(name) + r"(?![\w.@-])", str(source))
                yield pos.problem(path, message, col_offset=match.start() if match else None)


def _unknown_name(name: str, dotted: dict[str, list[str]], all_names: list[str]) -> str | None:
    if name in vocabulary.NAMES:
        return None
    prefix, dot, rest = name.partition(".")
    if dot and prefix in dotted:
        ids = dotted[prefix]
        if rest in ids or (prefix == "joined" and rest.lower() in {i.lower() for i in ids}):
            return None
        kind = vocabulary.DOTTED_NAMES[prefix].split(" ", 1)[0]
        listed = ", ".join(ids) if ids else "none in this scenario"
        return f"{name!r} names nothing: {kind} needs one of: {listed}{did_you_mean(rest, ids)}"
    return f"unknown name {name!r}{did_you_mean(name, all_names)} (see docs/authoring.md for the names)"


def check_effects(s: Scenario, pos: Positions) -> Iterator[Problem]:
    for path, effects in _effect_places(s):
        for key, value in effects.items():
            if key not in vocabulary.EFFECT_KEYS:
                yield pos.problem(
                    path + (key,),
                    f"an effect cannot change {key!r}{did_you_mean(key, vocabulary.EFFECT_KEYS)} "
                    f"(it can change: {', '.join(vocabulary.EFFECT_KEYS)})",
                    at_key=True,
                )
            if isinstance(value, float) and not math.isfinite(value):
                yield pos.problem(path + (key,), f"an effect must be a finite number (found {value})")


def _timings(s: Scenario) -> Iterator[tuple[TreePath, Timing | ScheduledPost | Step]]:
    """Everything with a turn or an at."""
    for i, post in enumerate(s.posts):
        yield ("posts", i), post
    for i, account in enumerate(s.audience.key_accounts):
        if account.joins:
            yield ("audience", "key_accounts", i, "joins"), account.joins
    for i, inject in enumerate(s.injects):
        for j, post in enumerate(inject.posts):
            yield ("injects", i, "posts", j), post
    for i, scheduled in enumerate(s.scheduled_posts):
        yield ("scheduled_posts", i), scheduled
    for path, playbook in _playbooks(s):
        for j, step in enumerate(playbook.steps):
            yield path + ("steps", j), step


def _playbooks(s: Scenario) -> Iterator[tuple[TreePath, Playbook]]:
    yield ("historical",), s.historical
    for i, strategy in enumerate(s.strategies):
        yield ("strategies", i), strategy


def check_times(s: Scenario, pos: Positions) -> Iterator[Problem]:
    total = s.turns_total
    start = s.clock.start
    end = s.turn_starts()[-1]
    for path, item in _timings(s):
        turn = getattr(item, "turn", None)
        at = getattr(item, "at", None)
        if turn is not None and turn > total:
            yield pos.problem(path + ("turn",), f"turn {turn} is after the last turn ({total})")
        if at is not None:
            if not _written_like(at, start):
                yield pos.problem(path + ("at",), SAME_WAY)
            elif s.turn_at(at) is None:
                yield pos.problem(
                    path + ("at",),
                    f"{at:%Y-%m-%d %H:%M} is outside the scenario's clock "
                    f"({start:%Y-%m-%d %H:%M} to {end:%Y-%m-%d %H:%M})",
                )
        if not isinstance(item, Timing) and turn is not None and at is not None:
            yield pos.problem(path, "give turn or at, not both")
    deadline = s.campaign.deadline
    if deadline is not None and not _written_like(deadline, start):
        yield pos.problem(("campaign", "deadline"), SAME_WAY)


SAME_WAY = "write times the same way as clock.start (both with a time zone offset, or neither)"


def _written_like(moment: dt.datetime, start: dt.datetime) -> bool:
    """Both times carry a UTC offset or neither does (Python cannot compare the two kinds)."""
    return (moment.tzinfo is None) == (start.tzinfo is None)


def check_playbooks(s: Scenario, pos: Positions) -> Iterator[Problem]:
    statements = [x.id for x in s.actions.statements]
    custom = [x.id for x in s.actions.custom]
    for path, playbook in _playbooks(s):
        for j, step in enumerate(playbook.steps):
            here = path + ("steps", j)
            if step.action in s.actions.disabled:
                yield pos.problem(here + ("action",), f"the action {step.action!r} is disabled in this scenario")
            if step.action == "reply" and step.tone is None:
                yield pos.problem(here, f"a reply needs a tone (one of: {', '.join(vocabulary.TONES)})")
            for action, ids, kind in (("statement", statements, "statement"), ("custom", custom, "custom action")):
                if step.action != action:
                    continue
                if step.option is None:
                    yield pos.problem(
                        here, f"a {action} step needs an option: the {kind}'s id ({', '.join(ids) or 'none defined'})"
                    )
                elif step.option not in ids:
                    yield pos.problem(
                        here + ("option",),
                        f"no {kind} {step.option!r}{did_you_mean(step.option, ids)} "
                        f"({kind}s: {', '.join(ids) or 'none defined'})",
                    )


def check_inject_answers(s: Scenario, pos: Positions) -> Iterator[Problem]:
    """An inject's ``answered_by`` names actions the team can take: a built-in kind this scenario
    allows, a statement or a custom action."""
    statements = [x.id for x in s.actions.statements]
    custom = [x.id for x in s.actions.custom]
    known = [*vocabulary.BUILTIN_ACTIONS, *statements, *custom]
    for i, inject in enumerate(s.injects):
        for j, name in enumerate(inject.answered_by):
            here = ("injects", i, "answered_by", j)
            if name in s.actions.disabled and name not in statements and name not in custom:
                yield pos.problem(here, f"the action {name!r} is disabled in this scenario: no team can answer with it")
            elif name not in known:
                yield pos.problem(
                    here,
                    f"{name!r} is not an action{did_you_mean(name, known)}: answered_by names built-in actions "
                    f"({', '.join(vocabulary.BUILTIN_ACTIONS)}), statements ({', '.join(statements) or 'none defined'}) "
                    f"or custom actions ({', '.join(custom) or 'none defined'})",
                )


def check_platform(s: Scenario, pos: Positions) -> Iterator[Problem]:
    """An action that exists on one platform only, named in a scenario on another: a video has no
    queue to pause, a hashtag no ratings to turn off."""
    places: list[tuple[TreePath, str]] = [
        (("actions", "disabled", i), kind) for i, kind in enumerate(s.actions.disabled)
    ]
    for path, playbook in _playbooks(s):
        places += [(path + ("steps", j, "action"), step.action) for j, step in enumerate(playbook.steps)]
    for path, kind in places:
        platform = vocabulary.platform_of_action(kind)
        if platform is not None and platform != s.platform:
            yield pos.problem(
                path,
                f"the action {kind!r} exists only on a {platform} platform, and this scenario's platform is "
                f"{s.platform!r} (set `platform: {platform}` at the top, or use one of: "
                f"{', '.join(vocabulary.PLATFORM_ACTIONS[s.platform])})",
            )


def _filled_texts(s: Scenario) -> Iterator[tuple[TreePath, str]]:
    """Texts the engine fills in (game/engine/feed.py TextMaker.fill)."""
    t = s.templates
    for stance in vocabulary.STANCES:
        for i, text in enumerate(getattr(t, stance)):
            yield ("templates", stance, i), text
        for k, pool in enumerate(t.situational):
            for i, text in enumerate(getattr(pool, stance)):
                yield ("templates", "situational", k, stance, i), text
    for i, post in enumerate(s.posts):
        yield ("posts", i, "text"), post.text
    for i, scheduled in enumerate(s.scheduled_posts):
        yield ("scheduled_posts", i, "text"), scheduled.text
    for i, outlet in enumerate(s.audience.outlets):
        yield ("audience", "outlets", i, "headline"), outlet.headline
    for i, event in enumerate(s.events):
        yield ("events", i, "headline"), event.headline
        if event.text:
            yield ("events", i, "text"), event.text
    for i, inject in enumerate(s.injects):
        yield ("injects", i, "headline"), inject.headline
        for j, post in enumerate(inject.posts):
            yield ("injects", i, "posts", j, "text"), post.text
    for tone, texts in s.actions.replies.items():
        for i, text in enumerate(texts):
            yield ("actions", "replies", tone, i), text


def check_templates(s: Scenario, pos: Positions) -> Iterator[Problem]:
    fills = set(s.templates.fills)
    known = sorted(fills | set(BUILTIN_FILLS))
    for path, text in _filled_texts(s):
        for match in _SLOT.finditer(text):
            slot = match.group(1)
            if slot in fills and not s.templates.fills[slot]:
                yield pos.problem(path, f"templates.fills.{slot} is empty, so {{{slot}}} cannot be filled")
            elif slot not in fills and slot not in BUILTIN_FILLS:
                yield pos.problem(
                    path,
                    f"{{{slot}}} has no fill{did_you_mean(slot, known)}: add templates.fills.{slot} "
                    f"(a list of words) or use one of {', '.join('{' + k + '}' for k in known)}",
                    col_offset=match.start(),
                )
