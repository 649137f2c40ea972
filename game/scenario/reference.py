"""The reference parts of docs/authoring.md, generated from the models and the vocabulary.

The doc holds each generated part between ``<!-- NAME:begin -->`` and ``<!-- NAME:end -->``
(``fields``: a table per model; ``names``: what conditions may read and effects may change); a test
checks that they match, so the reference cannot drift from the format.  Regenerate with::

    python -m game.scenario.reference docs/authoring.md
"""

from __future__ import annotations

import sys
import types
import typing
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic_core import PydanticUndefined

from game.scenario import vocabulary
from game.scenario.models import Scenario

_PATTERNS = {
    r"^[a-z0-9][a-z0-9_-]{0,47}$": "id",
    r"^[A-Za-z0-9_]{1,30}$": "handle",
    r"^[A-Za-z0-9_]{1,20}$": "handle part",
    r"^#[A-Za-z0-9_]{1,60}$": "hashtag",
    r"^https?://\S+$": "web address",
    r"^[a-z0-9]$": "one letter or digit",
}


def _range(metadata: Sequence[Any]) -> str:  # Any: pydantic's metadata objects, of many kinds
    """`` 0-1`` from ge/le metadata, else empty."""
    low = high = None
    for meta in metadata:
        low = getattr(meta, "ge", low)
        high = getattr(meta, "le", high)
        for inner in getattr(meta, "metadata", []) or []:
            low = getattr(inner, "ge", low)
            high = getattr(inner, "le", high)
    if low is None and high is None:
        return ""

    def num(value: float) -> str:
        return f"{value:,}" if isinstance(value, int) else f"{value:g}"

    if high is None:
        return f" ≥ {num(low)}" if low is not None else ""  # (both None returned above)
    return f" {num(low)}–{num(high)}" if low is not None else f" ≤ {num(high)}"


def _type_words(tp: object) -> str:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is typing.Annotated:
        for meta in args[1:]:
            pattern = getattr(meta, "pattern", None)
            if pattern in _PATTERNS:
                return _PATTERNS[pattern]
        return _type_words(args[0]) + _range(args[1:])
    if origin in (typing.Union, types.UnionType):
        return " or ".join(_type_words(a) for a in args if a is not type(None))
    if origin is typing.Literal:
        return " \\| ".join(f"`{a}`" for a in args)
    if origin is list:
        return f"list of {_type_words(args[0])}"
    if origin is dict:
        return f"mapping of {_type_words(args[0])} to {_type_words(args[1])}"
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return f"[{tp.__name__}](#{tp.__name__.lower()})"
    names = {str: "text", int: "whole number", float: "number", bool: "true/false"}
    if tp in names:
        return names[tp]
    return getattr(tp, "__name__", str(tp)).replace("datetime", "date-time")


def _models(root: type[BaseModel]) -> list[type[BaseModel]]:
    """Every model reachable from ``root``, in order of first appearance."""
    seen: list[type[BaseModel]] = []

    def visit(tp: object) -> None:
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            if tp in seen:
                return
            seen.append(tp)
            for field in tp.model_fields.values():
                visit(field.annotation)
        for arg in typing.get_args(tp):
            visit(arg)

    visit(root)
    return seen


def field_reference() -> str:
    """Markdown: one table per model, each field with its type, default and description."""
    parts = []
    for model in _models(Scenario):
        doc = (model.__doc__ or "").strip().splitlines()[0] if model.__doc__ else ""
        if doc.startswith("Usage docs") or "BaseModel" in doc:
            doc = ""
        parts.append(f"### {model.__name__}\n")
        if doc:
            parts.append(f"{doc}\n")
        parts.append("| key | type | required / default | meaning |\n|---|---|---|---|")
        for name, field in model.model_fields.items():
            if field.is_required():
                default = "**required**"
            elif field.default_factory is not None:
                default = "empty"
            elif field.default is None or field.default is PydanticUndefined:
                default = "—"
            else:
                default = f"`{field.default}`"
            text = (field.description or "").replace("|", "\\|").replace("\n", " ")
            patterns = [_PATTERNS.get(getattr(m, "pattern", None) or "") for m in field.metadata]
            named = next((p for p in patterns if p), None)
            kind = named or (_type_words(field.annotation) + _range(field.metadata))
            parts.append(f"| `{name}` | {kind} | {default} | {text} |")
        parts.append("")
    return "\n".join(parts).rstrip() + "\n"


def names_reference() -> str:
    """Markdown: the names a condition may read, dotted names, and what an effect may change."""
    lines = ["| name | meaning |", "|---|---|"]
    lines += [f"| `{name}` | {meaning} |" for name, meaning in vocabulary.NAMES.items()]
    lines += ["", "| dotted name | meaning |", "|---|---|"]
    lines += [f"| `{prefix}.…` | {meaning} |" for prefix, meaning in vocabulary.DOTTED_NAMES.items()]
    lines += ["", "| effect key | what it changes |", "|---|---|"]
    lines += [f"| `{key}` | {meaning} |" for key, meaning in vocabulary.EFFECT_KEYS.items()]
    return "\n".join(lines) + "\n"


SECTIONS = {"fields": field_reference, "names": names_reference}


def render(text: str) -> str:
    """``text`` with every generated section filled in afresh."""
    for name, make in SECTIONS.items():
        begin, end = f"<!-- {name}:begin -->", f"<!-- {name}:end -->"
        if begin not in text:
            continue
        head, _, rest = text.partition(begin)
        _, _, tail = rest.partition(end)
        text = f"{head}{begin}\n{make()}{end}{tail}"
    return text


def update(path: Path) -> bool:
    """Rewrite the generated parts of ``path``; True when it changed."""
    text = path.read_text(encoding="utf-8")
    new = render(text)
    if new != text:
        path.write_text(new, encoding="utf-8")
    return new != text


if __name__ == "__main__":  # pragma: no cover
    changed = update(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/authoring.md"))
    print("updated" if changed else "up to date", file=sys.stderr)
