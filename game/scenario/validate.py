"""Checking a scenario: the models' own checks (types, ranges, unknown keys), placed on the file's
lines, and then the cross-references the models cannot see — a post's author exists, an id is
unique, a condition reads only names the engine knows, a time falls inside the scenario's clock.

Every check collects all its problems instead of stopping at the first.  The cross-reference checks
take the :class:`Scenario` and the :class:`Positions` map, so each problem carries its line.
"""

from __future__ import annotations

import difflib
import math
import re
import types
import typing
from typing import Iterator

from pydantic import BaseModel, ValidationError

from game.scenario import vocabulary
from game.scenario.expr import ExpressionError, parse
from game.scenario.models import Scenario, Timing
from game.scenario.problems import Positions, Problem, TreePath, did_you_mean, format_where

BUILTIN_FILLS = ("hashtag", "org", "handle")
_SLOT = re.compile(r"\{([a-z0-9_-]+)\}")  # the engine's template slot (game/engine/feed.py)

# pydantic's patterns, said in words
_PATTERN_WORDS = {
    r"^[a-z0-9][a-z0-9_-]{0,47}$": "an id: lowercase letters, digits, '-' and '_', at most 48, "
    "starting with a letter or digit",
    r"^[A-Za-z0-9_]{1,30}$": "a handle: letters, digits and '_', at most 30, without '@'",
    r"^[A-Za-z0-9_]{1,20}$": "a handle part: letters, digits and '_', at most 20",
    r"^#[A-Za-z0-9_]{1,60}$": "a hashtag: '#' then letters, digits and '_'",
    r"^https?://\S+$": "a web address starting with http:// or https://",
    r"^[a-z0-9]$": "a single lowercase letter or digit",
}


def validate_data(data: dict, positions: Positions) -> tuple[Scenario | None, list[Problem]]:
    """Validate parsed YAML: the model first, then every cross-reference — also when the model
    fails, on a stand-in (see :func:`_checks_despite`), so an author sees every problem at once."""
    try:
        scenario = Scenario.model_validate(data)
    except ValidationError as error:
        problems = model_problems(error, data, positions)
        return None, problems + _checks_despite(error, data, positions)
    return scenario, check_scenario(scenario, positions)


# ----------------------------------------------------------------------------------------- one pass

_ID_KEYS = ("id", "handle")


def _checks_despite(error: ValidationError, data: dict, positions: Positions) -> list[Problem]:
    """The cross-reference problems of a file whose values are not all valid yet.

    An author fixed two errors and then met four more: the cross-references were checked only
    once every value was right.  Here each wrong value is replaced by the scaffold's value for the
    same place (an item whose id is wrong, by the scaffold's whole item), an unknown key is dropped,
    and the stand-in is checked.  Problems found inside a stand-in, or naming an id it replaced, are
    the stand-in's, not the author's, and are left out.  When no stand-in validates, nothing is added
    (the author sees the value errors, as before)."""
    import copy

    from game.scenario.loader import read_data
    from game.scenario.scaffold import scaffold_text

    scaffold, _, _ = read_data(scaffold_text("stand-in"), "scaffold")
    patched = copy.deepcopy(data)
    touched: list[TreePath] = []
    gone: set[str] = set()
    for item in error.errors(include_url=False):
        loc = tuple(item["loc"])
        path = _data_path(loc, data)
        if item["type"] == "extra_forbidden":
            path = loc[: len(path) + 1] if len(path) < len(loc) else path
            parent = _get(patched, path[:-1])
            if isinstance(parent, dict):
                parent.pop(path[-1], None)
                touched.append(path)
            continue
        if item["type"] == "missing" and len(loc) > len(path):
            path = path + (loc[len(path)],)
        if path and path[-1] in _ID_KEYS:
            # A wrong id ('Jokers'): what it would be once fixed ('jokers'), so references to it
            # still resolve; failing that, the scaffold's whole item stands in.
            mended = _mended_id(path[-1], _get(data, path))
            if mended and _set(patched, path, mended):
                touched.append(path)
                continue
            if len(path) >= 2 and isinstance(path[-2], int):
                path = path[:-1]
        while path:
            found, value = _scaffold_value(scaffold, path)
            value = copy.deepcopy(value)
            if isinstance(value, dict):
                # The stand-in item gets an id of its own, and what names it is left out below.
                for key in _ID_KEYS:
                    if key in value:
                        value[key] = f"stand-in-{len(touched)}" if key == "id" else f"standin{len(touched)}"
                        gone.add(value[key])
            if found and _set(patched, path, value):
                original = _get(data, path)
                if isinstance(original, dict):
                    gone.update(str(original[k]) for k in _ID_KEYS if isinstance(original.get(k), str))
                touched.append(path)
                break
            path = path[:-1]
        else:
            return []
    try:
        stand_in = Scenario.model_validate(patched)
    except ValidationError:
        return []
    places = [format_where(p) for p in touched]
    kept = []
    for problem in check_scenario(stand_in, positions):
        if any(problem.where == p or problem.where.startswith((p + ".", p + "[")) for p in places):
            continue
        if any(re.search(r"(?i)(?<![\w-])" + re.escape(ident) + r"(?![\w-])", problem.message) for ident in gone):
            continue
        kept.append(problem)
    return kept


def _mended_id(key: str, value: object) -> str | None:
    """``value`` made a valid id (or handle), or None."""
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        return None
    if key == "handle":
        mended = re.sub(r"[^A-Za-z0-9_]", "", str(value).lstrip("@"))[:30]
        return mended or None
    mended = re.sub(r"[^a-z0-9_-]", "-", str(value).strip().lower()).strip("-_")[:48]
    return mended if re.fullmatch(r"[a-z0-9][a-z0-9_-]{0,47}", mended) else None


def _get(node: object, path: TreePath) -> object:
    for part in path:
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        else:
            return None
    return node


def _set(node: object, path: TreePath, value: object) -> bool:
    parent = _get(node, path[:-1])
    key = path[-1]
    if isinstance(parent, dict) and isinstance(key, str):
        parent[key] = value
        return True
    if isinstance(parent, list) and isinstance(key, int) and 0 <= key < len(parent):
        parent[key] = value
        return True
    return False


def _scaffold_value(scaffold: object, path: TreePath) -> tuple[bool, object]:
    """The scaffold's value at ``path``, every list index read as the first item."""
    node = scaffold
    for part in path:
        if isinstance(part, int) and isinstance(node, list) and node:
            node = node[0]
        elif isinstance(part, str) and isinstance(node, dict) and part in node:
            node = node[part]
        else:
            return False, None
    return True, node


# ----------------------------------------------------------------------------------------- models


def model_problems(error: ValidationError, data: object, positions: Positions) -> list[Problem]:
    """pydantic's errors as located problems, one per place (a union's alternatives merged)."""
    grouped: dict[TreePath, list[dict]] = {}
    for item in error.errors(include_url=False):
        path = _data_path(item["loc"], data)
        if item["type"] == "extra_forbidden":
            path = tuple(item["loc"])[: len(path) + 1] if len(path) < len(item["loc"]) else path
        grouped.setdefault(path, []).append(item)
    # An unknown key that is a misspelt required key says it all: drop the "missing" beside it.
    suggested = set()
    for path, items in grouped.items():
        if items[0]["type"] == "extra_forbidden" and path:
            allowed = _fields_at(tuple(items[0]["loc"])[:-1])
            close = difflib.get_close_matches(str(path[-1]), allowed, n=1, cutoff=0.6)
            suggested.update((path[:-1], c) for c in close)
    problems = []
    for path, items in grouped.items():
        first = items[0]
        if first["type"] == "missing" and (path, str(first["loc"][-1])) in suggested:
            continue
        problems.append(_model_problem(path, items, data, positions))
    return problems


def _data_path(loc: tuple, data: object) -> TreePath:
    """The longest prefix of pydantic's ``loc`` that exists in the data (drops union tags)."""
    path: list[str | int] = []
    node = data
    for part in loc:
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        else:
            break
        path.append(part)
    return tuple(path)


def _model_problem(path: TreePath, items: list[dict], data: object, positions: Positions) -> Problem:
    first = items[0]
    kind = first["type"]
    loc = tuple(first["loc"])
    if kind == "extra_forbidden":
        key = str(path[-1]) if path else str(loc[-1])
        allowed = _fields_at(loc[:-1])
        hint = did_you_mean(key, allowed) if allowed else ""
        if not hint and allowed:
            hint = f" (allowed here: {', '.join(sorted(allowed))})"
        return positions.problem(path, f"unknown key {key!r}{hint}", at_key=True)
    if kind == "missing":
        missing = str(loc[len(path)]) if len(loc) > len(path) else str(loc[-1])
        return positions.problem(path, f"{missing!r} is missing (it is required)", at_key=True)
    messages = []
    for item in items:
        message = _say(item)
        if message not in messages:
            messages.append(message)
    text = "; or ".join(messages)
    found = _found(first.get("input"))
    if found and first["type"] not in ("value_error", "assertion_error", "string_too_long", "string_too_short",
                                                      "too_long"):
        text += f" (found {found})"
    if first.get("input") is None and path in positions.commented:
        text += ("; a '#' starts a comment in YAML, so this was read as nothing: put the text in quotes "
                 "(\"#AskJPM ...\")")
    if isinstance(first.get("input"), (bool, int, float)) and any(
        i["type"] in ("string_type", "literal_error", "string_pattern_mismatch") for i in items
    ):
        text += "; YAML reads yes/no/on/off and bare numbers as values: put text in quotes"
    return positions.problem(path, text)


def _say(item: dict) -> str:
    kind, msg, ctx = item["type"], item["msg"], item.get("ctx") or {}
    if kind == "string_pattern_mismatch":
        words = _PATTERN_WORDS.get(ctx.get("pattern", ""))
        return f"should be {words}" if words else msg[0].lower() + msg[1:]
    if kind == "literal_error":
        expected = ctx.get("expected", "")
        choices = re.findall(r"'([^']*)'", str(expected)) or re.findall(r"\d+", str(expected))
        hint = did_you_mean(item.get("input"), choices) if isinstance(item.get("input"), str) else ""
        if len(choices) == 1:
            return f"should be {choices[0]}"
        return f"should be one of {', '.join(choices) if choices else expected}{hint}"
    if kind in ("value_error", "assertion_error"):
        return re.sub(r"^(Value|Assertion) error, ", "", msg)
    if kind in ("float_type", "float_parsing"):
        return "should be a number"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return "should be a whole number"
    if kind == "string_type":
        return "should be a text"
    if kind == "list_type":
        return "should be a list (lines starting with '- ')"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return "should be a mapping (indented 'key: value' lines)"
    if kind in ("datetime_type", "datetime_parsing", "datetime_from_date_parsing"):
        return "should be a date and time like 2013-11-13 10:00"
    if kind in ("date_type", "date_parsing", "date_from_datetime_parsing"):
        return "should be a date like 2013-11-13"
    if kind == "too_short" and ctx.get("min_length") == 1:
        return "should have at least one item"
    # pydantic's other wordings ("input should be less than or equal to 1"), said our way
    if kind == "greater_than_equal":
        return f"should be at least {_number(ctx.get('ge'))}"
    if kind == "less_than_equal":
        return f"should be at most {_number(ctx.get('le'))}"
    if kind == "greater_than":
        return f"should be more than {_number(ctx.get('gt'))}"
    if kind == "less_than":
        return f"should be less than {_number(ctx.get('lt'))}"
    if kind == "string_too_short":
        return "should not be empty" if ctx.get("min_length") == 1 else \
            f"should be at least {ctx.get('min_length')} characters long"
    if kind == "string_too_long":
        given = item.get("input")
        length = f" (this one has {len(given):,})" if isinstance(given, str) else ""
        return f"is too long: at most {ctx.get('max_length'):,} characters{length}"
    if kind == "too_short":
        return f"should have at least {ctx.get('min_length')} items"
    if kind == "too_long":
        given = item.get("input")
        count = f" (found {len(given):,})" if isinstance(given, (list, dict)) else ""
        return f"has too many items: at most {ctx.get('max_length'):,}{count}"
    if kind in ("bool_type", "bool_parsing"):
        return "should be true or false"
    if kind == "finite_number":
        return "should be a finite number"
    return msg[0].lower() + msg[1:]


def _number(value: object) -> str:
    """1.0 -> '1', 0.5 -> '0.5': a bound as an author wrote it."""
    if isinstance(value, float) and value.is_integer():
        return f"{int(value):,}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def _found(value: object) -> str:
    if isinstance(value, (dict, list)):
        return "a mapping" if isinstance(value, dict) else "a list"
    if value is None:
        return "nothing"
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _fields_at(loc: tuple) -> list[str]:
    """The field names of the model found by following ``loc`` down from :class:`Scenario`."""
    current: object = Scenario
    for part in loc:
        model = _model_in(current)
        if model is not None and isinstance(part, str) and part in model.model_fields:
            current = model.model_fields[part].annotation
            continue
        # list index or dict key: step into the item type
        args = [a for a in typing.get_args(_unwrap(current)) if a is not type(None)]
        if not args:
            return []
        current = args[-1]
    model = _model_in(current)
    return list(model.model_fields) if model is not None else []


def _unwrap(tp: object) -> object:
    while typing.get_origin(tp) is typing.Annotated:
        tp = typing.get_args(tp)[0]
    return tp


def _model_in(tp: object) -> type[BaseModel] | None:
    tp = _unwrap(tp)
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return tp
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        for arg in typing.get_args(tp):
            found = _model_in(arg)
            if found is not None:
                return found
    return None


# ----------------------------------------------------------------------------------------- cross-references


def check_scenario(scenario: Scenario, positions: Positions) -> list[Problem]:
    """Every cross-reference problem of a model-valid scenario."""
    problems: list[Problem] = []
    for check in (check_unique_ids, check_references, check_expressions, check_effects, check_times,
                  check_playbooks, check_templates, check_keys, check_wording, check_real_case,
                  check_caused_joins):
        problems.extend(check(scenario, positions))
    return problems


def _id_groups(s: Scenario) -> dict[str, list[tuple[TreePath, str]]]:
    """Each id namespace: (path of the id, the id)."""
    return {
        "segment": [(("audience", "segments", i, "id"), x.id) for i, x in enumerate(s.audience.segments)],
        "key account": [
            (("audience", "key_accounts", i, "handle"), x.handle.lower())
            for i, x in enumerate(s.audience.key_accounts)
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
            free = "".join(k for k in "abfghijklnovwyz0123456789" if k not in taken)[:6]
            yield pos.problem(("actions", "custom", i, "key"),
                              f"the key {custom.key!r} is the game's own (reserved: "
                              f"{' '.join(sorted(RESERVED_KEYS))}); try one of {', '.join(free)}")
        elif custom.key in taken:
            yield pos.problem(("actions", "custom", i, "key"),
                              f"the key {custom.key!r} is already used by {taken[custom.key]!r}")
        else:
            taken[custom.key] = custom.id


def check_references(s: Scenario, pos: Positions) -> Iterator[Problem]:
    segments = [x.id for x in s.audience.segments]
    for i, account in enumerate(s.audience.key_accounts):
        if account.segment not in segments:
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


def _expression_places(s: Scenario) -> Iterator[tuple[TreePath, object]]:
    """Every condition in the scenario, with its place."""
    for i, post in enumerate(s.posts):
        yield ("posts", i, "when"), post.when
    for i, account in enumerate(s.audience.key_accounts):
        if account.joins:
            yield ("audience", "key_accounts", i, "joins", "when"), account.joins.when
    for i, event in enumerate(s.events):
        yield ("events", i, "when"), event.when
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


def _effect_places(s: Scenario) -> Iterator[tuple[TreePath, dict]]:
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
                path, f"cannot read the expression: {error.message} (in {_found(source)})",
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


def _timings(s: Scenario) -> Iterator[tuple[TreePath, object]]:
    """Everything with a turn or an at."""
    for i, post in enumerate(s.posts):
        yield ("posts", i), post
    for i, account in enumerate(s.audience.key_accounts):
        if account.joins:
            yield ("audience", "key_accounts", i, "joins"), account.joins
    for i, inject in enumerate(s.injects):
        for j, post in enumerate(inject.posts):
            yield ("injects", i, "posts", j), post
    for i, post in enumerate(s.scheduled_posts):
        yield ("scheduled_posts", i), post
    for path, playbook in _playbooks(s):
        for j, step in enumerate(playbook.steps):
            yield path + ("steps", j), step


def _playbooks(s: Scenario) -> Iterator[tuple[TreePath, object]]:
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


def _written_like(moment, start) -> bool:
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
                    yield pos.problem(here, f"a {action} step needs an option: the {kind}'s id "
                                            f"({', '.join(ids) or 'none defined'})")
                elif step.option not in ids:
                    yield pos.problem(
                        here + ("option",),
                        f"no {kind} {step.option!r}{did_you_mean(step.option, ids)} "
                        f"({kind}s: {', '.join(ids) or 'none defined'})",
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
    for i, post in enumerate(s.scheduled_posts):
        yield ("scheduled_posts", i, "text"), post.text
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


# ----------------------------------------------------------------------------------------- warnings

# Words that take a noun after them; a fill that starts with one doubles up after another:
# "open a {product}" with "a Chase mortgage" reads "open a a Chase mortgage".
_DETERMINERS = ("a", "an", "the", "my", "your", "our", "their", "his", "her", "its", "this", "that")
_BEFORE_SLOT = re.compile(r"(?i)(?<![\w'])(" + "|".join(_DETERMINERS) + r")\s+\{([a-z0-9_-]+)\}")
_STARTS_WITH_DETERMINER = re.compile(r"(?i)^(" + "|".join(_DETERMINERS) + r")\s")
_MARK_BEFORE_SLOT = re.compile(r"([@#])\{([a-z0-9_-]+)\}")


def _fill_values(s: Scenario, slot: str) -> list[str]:
    """What ``{slot}`` can become (game/engine/feed.py TextMaker.fill): a fill's words, or the
    built-in ones. ``{handle}`` is the organisation's handle with its '@'."""
    builtin = {"hashtag": [s.campaign.hashtag], "org": [s.organisation.name],
               "handle": ["@" + s.organisation.handle]}
    return list(s.templates.fills.get(slot) or builtin.get(slot, []))


def check_wording(s: Scenario, pos: Positions) -> Iterator[Problem]:
    """Warnings about text its fills will garble, and crowd handles that repeat a word."""
    for path, text in _filled_texts(s):
        is_reply = path[:2] == ("actions", "replies")
        for match in _BEFORE_SLOT.finditer(text):
            word, slot = match.group(1), match.group(2)
            doubled = [f for f in _fill_values(s, slot) if _STARTS_WITH_DETERMINER.match(f)]
            if doubled:
                before = text[:match.start()].split()[-1:]   # a word of context: "open a {product}"
                written = " ".join(before + [match.group(0)])
                shown = " ".join(before + [text[match.start():match.start(2) - 1] + doubled[0]])
                yield pos.problem(
                    path, f"'{written}' will read '{shown}' (the fill {doubled[0]!r} of {{{slot}}} "
                    f"begins with '{doubled[0].split()[0]}'{' too' if len(doubled) == 1 else f', as {len(doubled) - 1} more do'}); "
                    f"drop '{word}' from the text or the article from the fills", "warning",
                    col_offset=match.start())
        for match in _MARK_BEFORE_SLOT.finditer(text):
            mark, slot = match.group(1), match.group(2)
            if is_reply and slot == "handle":
                continue  # a reply's {handle} is the person answered; the engine writes one '@'
            clash = [f for f in _fill_values(s, slot) if f.startswith(mark)]
            if clash:
                yield pos.problem(
                    path, f"'{match.group(0)}' will read '{mark}{clash[0]}': {{{slot}}} brings its own "
                    f"'{mark}'; write '{{{slot}}}' alone", "warning", col_offset=match.start())
    words: dict[str, list[int]] = {}
    for i, part in enumerate(s.templates.handles):
        for word in {w.lower() for w in re.findall(r"[A-Z]?[a-z]+", part)}:
            words.setdefault(word, []).append(i)
    for word, indexes in words.items():
        if len(indexes) > 1:
            first, second = (s.templates.handles[i] for i in indexes[:2])
            yield pos.problem(
                ("templates", "handles", indexes[1]),
                f"the handle parts {first!r} and {second!r} are the same word, so the crowd gets handles "
                f"such as '{first}{second.capitalize() if second[0].isalpha() else second}' "
                f"(shown as '{word.capitalize()} {word.capitalize()}'); keep one", "warning")


# A turn's feed shows up to this many crowd posts (game/engine/turn.py CROWD_IN_FEED; a test keeps
# the two equal): a stance needs at least its share of them in templates, or one turn repeats a post.
FEED_CROWD_POSTS = 22


def check_real_case(s: Scenario, pos: Positions) -> Iterator[Problem]:
    """A real case must say where its figures come from, and its feed must not repeat itself."""
    if s.kind != "real":
        return
    if not s.sources:
        yield pos.problem(("kind",), "a real case (kind: real) lists no sources: add the addresses where "
                          "a reader can check its figures, or make it kind: fictional", "warning")
    people = sum(seg.size for seg in s.audience.segments) or 1
    for stance in vocabulary.STANCES:
        share = sum(seg.size * getattr(seg.stance, stance) for seg in s.audience.segments) / people
        needed = math.ceil(FEED_CROWD_POSTS * share)
        have = len(getattr(s.templates, stance))
        if have < needed:
            yield pos.problem(
                ("templates", stance) if getattr(s.templates, stance) else ("templates",),
                f"{have} {stance} template{'s' * (have != 1)} for a feed that shows about {needed} {stance} "
                f"posts a turn ({share:.0%} of the audience is {stance}): the same post would repeat within "
                f"a turn; write at least {needed - have} more", "warning")


def check_caused_joins(s: Scenario, pos: Positions) -> Iterator[Problem]:
    """In a real case, a key account's fixed join or fixed post without a ``reason`` is the record's
    time, not an input: the engine causes the account's arrival.  Say so, so the author either gives
    the reason the move was independent of the organisation or knows the time is a target."""
    if s.kind != "real":
        return
    named = {a.handle.lower() for a in s.audience.key_accounts}
    for i, account in enumerate(s.audience.key_accounts):
        if account.joins and account.joins.fixed and not account.joins.reason:
            yield pos.problem(
                ("audience", "key_accounts", i, "joins"),
                f"@{account.handle} joins at a fixed time without a reason: the engine will not follow the "
                "clock, it causes the arrival (what the account sees), and the time is the record's, a "
                "target; add `reason:` if the record shows the move was independent of the organisation",
                severity="warning",
            )
    for i, post in enumerate(s.posts):
        if post.author.lower() in named and post.fixed and not post.reason:
            yield pos.problem(
                ("posts", i),
                f"@{post.author}'s post has a fixed time but no reason: it will be what @{post.author} says "
                "when something moves them to post, not a post at that time; add `reason:` if the record "
                "shows it was independent of the organisation",
                severity="warning",
            )


__all__ = ["BUILTIN_FILLS", "check_scenario", "known_dotted", "model_problems", "validate_data"]
