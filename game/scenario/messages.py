"""pydantic's complaints about a scenario, placed on the file's lines and said in the project's words
("a whole number from 1 to 200", not "Input should be less than or equal to 200")."""

from __future__ import annotations

import difflib
import re
import types
import typing

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from game.scenario.models import Scenario
from game.scenario.problems import Positions, Problem, TreePath, did_you_mean

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


def model_problems(error: ValidationError, data: object, positions: Positions) -> list[Problem]:
    """pydantic's errors as located problems, one per place (a union's alternatives merged)."""
    grouped: dict[TreePath, list[ErrorDetails]] = {}
    for item in error.errors(include_url=False):
        path = _data_path(item["loc"], data)
        if item["type"] == "extra_forbidden":
            path = tuple(item["loc"])[: len(path) + 1] if len(path) < len(item["loc"]) else path
        grouped.setdefault(path, []).append(item)
    # An unknown key that is a misspelt required key says it all: drop the "missing" beside it.
    suggested: set[tuple[TreePath, str]] = set()
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


def _data_path(loc: tuple[int | str, ...], data: object) -> TreePath:
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


def _model_problem(path: TreePath, items: list[ErrorDetails], data: object, positions: Positions) -> Problem:
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
    found = quoted_value(first.get("input"))
    if found and first["type"] not in (
        "value_error",
        "assertion_error",
        "string_too_long",
        "string_too_short",
        "too_long",
    ):
        text += f" (found {found})"
    if first.get("input") is None and path in positions.commented:
        text += (
            "; a '#' starts a comment in YAML, so this was read as nothing: put the text in quotes (\"#AskJPM ...\")"
        )
    if isinstance(first.get("input"), (bool, int, float)) and any(
        i["type"] in ("string_type", "literal_error", "string_pattern_mismatch") for i in items
    ):
        text += "; YAML reads yes/no/on/off and bare numbers as values: put text in quotes"
    return positions.problem(path, text)


def _say(item: ErrorDetails) -> str:
    kind, msg, ctx = item["type"], item["msg"], item.get("ctx") or {}
    if kind == "string_pattern_mismatch":
        words = _PATTERN_WORDS.get(ctx.get("pattern", ""))
        return f"should be {words}" if words else msg[0].lower() + msg[1:]
    if kind == "literal_error":
        expected = ctx.get("expected", "")
        choices = re.findall(r"'([^']*)'", str(expected)) or re.findall(r"\d+", str(expected))
        given = item.get("input")
        hint = did_you_mean(given, choices) if isinstance(given, str) else ""
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
        return (
            "should not be empty"
            if ctx.get("min_length") == 1
            else f"should be at least {ctx.get('min_length')} characters long"
        )
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


def quoted_value(value: object) -> str:
    if isinstance(value, (dict, list)):
        return "a mapping" if isinstance(value, dict) else "a list"
    if value is None:
        return "nothing"
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _fields_at(loc: tuple[int | str, ...]) -> list[str]:
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
