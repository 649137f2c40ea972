"""The guarded YAML reader: untrusted scenario text in, plain data with every value's line and column
out (``read_data``), or every problem with its place.  ``loader.py`` validates what it reads.

Scenario files come from strangers (a workshop shares them), so reading is defensive:

* safe YAML only: a tag that would build an object (``!!python/object``) is an error;
* anchors and aliases are refused (the "billion laughs" bomb needs them), and the file size, the
  number of nodes and the nesting depth are bounded;
* duplicate keys, which PyYAML silently overwrites, are reported with both lines;
* control characters (terminal escape sequences, C0/C1 codes, bidi overrides, zero-width and
  directional marks: :mod:`game.scenario.untrusted`) are stripped from every string with a warning,
  because a post's text ends up on the player's terminal;
* numbers are finite and at most ``MAX_NUMBER`` (10^15) either way: a 400-digit number reads as
  infinity, which no meter can take;
* every failure, down to binary or empty input, is a :class:`ScenarioError` — never a traceback.

We build the Python data ourselves from PyYAML's node tree (``compose``) instead of ``safe_load``:
that is what gives each value a line and column, which :mod:`game.scenario.validate` uses to place
pydantic's errors and the cross-reference checks.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias, cast

import yaml
import yaml.cyaml  # noqa: F401 - libyaml, when PyYAML was built with it (imports yaml._yaml)

from game.scenario.problems import Mark, Positions, Problem, Severity, TreePath, format_where
from game.scenario.untrusted import clean, removed_message
from game.scenario.vocabulary import MAX_NUMBER

__all__ = ["MAX_BYTES", "number_problem", "read_data"]

MAX_BYTES = 1_000_000  # the #AskJPM scenario is ~40 kB; a megabyte is generous
MAX_NODES = 100_000
MAX_DEPTH = 40

_YAML = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_YAML + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
_MAP_TAG, _SEQ_TAG = _YAML + "map", _YAML + "seq"

# What libyaml refuses to read (C0, DEL, C1) and the bidi overrides: a file holding any is read by
# the pure-Python reader, which lets them through to be stripped (game.scenario.untrusted).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


# A position in the text: PyYAML's own, or libyaml's.
_AnyMark: TypeAlias = "yaml.error.Mark | yaml._yaml.Mark"

if TYPE_CHECKING:
    import yaml._yaml

    class _Composing(yaml.composer.Composer):
        """What the guard is mixed into, for the type checker: a composer reading a parser's events
        (PyYAML's pure-Python parser, or libyaml's)."""

        def peek_event(self) -> yaml.Event:
            raise NotImplementedError

        def dispose(self) -> None:
            raise NotImplementedError
else:
    _Composing = object


class _Refused(Exception):
    """Raised inside the composer for input we will not read (aliases, too many nodes...)."""

    def __init__(self, message: str, mark: _AnyMark | None):
        super().__init__(message)
        self.message = message
        self.mark = mark


class _Guard(_Composing):
    """Refuses anchors and aliases and bounds node count and depth while composing (a mixin)."""

    node_count = 0
    depth = 0

    def check_printable(self, data: str) -> None:  # noqa: D102 - control characters are stripped later
        pass

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(
                f"aliases (*{event.anchor}) are not allowed in scenario files; write the value out in full",
                event.start_mark,
            )
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            raise _Refused(
                f"anchors (&{anchor}) are not allowed in scenario files; write each value out in full", event.start_mark
            )
        self.node_count += 1
        if self.node_count > MAX_NODES:
            raise _Refused(f"the file has more than {MAX_NODES:,} values; that is too many", event.start_mark)
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _Refused(f"values are nested more than {MAX_DEPTH} levels deep", event.start_mark)
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


class _Loader(_Guard, yaml.SafeLoader):
    """SafeLoader with the guard; it also lets control characters through the reader (PyYAML
    would stop at the first one) so that we can strip them from strings with a located warning
    instead of refusing the whole file."""


_FastLoader: Callable[[str], _Guard] | None = None
if getattr(yaml, "__with_libyaml__", False):

    class _CLoader(
        _Guard, yaml.composer.Composer, yaml._yaml.CParser, yaml.constructor.SafeConstructor, yaml.resolver.Resolver
    ):
        """libyaml's C scanner and parser under our own (guarded) composer: several times faster
        than the pure-Python reader, so `bashtag validate` and `list` answer at once.  libyaml
        refuses control characters outright; such a file is read again by the slow loader, which
        strips them with a warning."""

        def __init__(self, text: str):
            yaml._yaml.CParser.__init__(self, text)
            yaml.composer.Composer.__init__(self)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)

        def dispose(self) -> None:
            pass

    _FastLoader = _CLoader


# ----------------------------------------------------------------------------------------- text


def _read_text(source: str | bytes | Path, name: str) -> tuple[str | None, list[Problem]]:
    """The file's text, or problems: missing, too big, binary, not UTF-8, empty."""

    def fail(message: str, line: int | None = None, col: int | None = None) -> tuple[None, list[Problem]]:
        return None, [Problem(name, line, col, "", message)]

    data: str | bytes
    if isinstance(source, Path):
        try:
            with source.open("rb") as handle:
                data = handle.read(MAX_BYTES + 1)
        except FileNotFoundError:
            return fail("file not found")
        except IsADirectoryError:
            return fail("is a directory, not a scenario file")
        except OSError as error:
            return fail(f"cannot read the file ({error.strerror or error})")
    else:
        data = source
    if isinstance(data, str):
        if len(data) > MAX_BYTES:
            return fail(f"the file is larger than {MAX_BYTES // 1000} kB; a scenario is far smaller")
        text = data
    else:
        if len(data) > MAX_BYTES:
            return fail(f"the file is larger than {MAX_BYTES // 1000} kB; a scenario is far smaller")
        if b"\x00" in data:
            line = data.count(b"\n", 0, data.index(b"\x00")) + 1
            return fail("this is a binary file (it contains NUL bytes), not a YAML scenario", line)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = data.count(b"\n", 0, error.start) + 1
            col = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
            return fail(
                f"the file is not UTF-8 text (byte 0x{data[error.start]:02x} cannot be read); save it as UTF-8",
                line,
                col,
            )
    text = text.removeprefix("\ufeff")
    if "\x00" in text:
        return fail("the text contains NUL characters; is it a binary file?")
    if not text.strip():
        return fail("the file is empty; a scenario starts with 'format: 1' and 'id: ...'", 1, 1)
    return text, []


# ----------------------------------------------------------------------------------------- YAML


def _plain_yaml_message(error: yaml.MarkedYAMLError, text: str) -> str:
    """PyYAML's message, rephrased for someone who does not know YAML's grammar."""
    problem = error.problem or str(error)
    mark = error.problem_mark
    line_text = ""
    if mark is not None:
        lines = text.splitlines()
        line_text = lines[mark.line] if mark.line < len(lines) else ""
    if "'\\t'" in problem or ("\t" in line_text[: len(line_text) - len(line_text.lstrip())]):
        return "a tab character is used for indentation; YAML needs spaces (use 2 spaces per level)"
    if "mapping values are not allowed here" in problem:
        return (
            "a ':' is not allowed here: check the indentation of this line, or put the value in "
            "quotes if it contains ': '"
        )
    context_mark = error.context_mark
    if (
        "expected <block end>" in problem
        and "collection" in (error.context or "")
        and context_mark is not None
        and not line_text.lstrip().startswith("-")
    ):
        lines = text.splitlines()
        opened = lines[context_mark.line] if context_mark.line < len(lines) else ""
        if opened[context_mark.column :].startswith("-"):
            return (
                f"this key follows a list (the '- ' on line {context_mark.line + 1}) at the same "
                "indentation; a block is a list or a mapping, not both — check the '- ' and the indentation"
            )
    if "did not find expected key" in problem or "expected <block end>" in problem:
        if line_text.lstrip().startswith("- "):
            return (
                "a list item ('- ') where a key was expected: check the indentation, or whether "
                "this block should be a list"
            )
        return "this line is not indented like the lines around it (or a key is missing its ':')"
    if "could not find expected ':'" in problem:
        return "a key without ':' (or a line that continues the one above at the wrong indentation)"
    if "found unexpected end of stream" in problem or "found unexpected end" in problem:
        return f"a quoted text or bracket is never closed ({problem})"
    if "found undefined tag handle" in problem or "found unknown escape character" in problem:
        return problem
    if "expected a single document" in (error.context or "") + problem:
        return "the file holds more than one YAML document ('---'); a scenario is one document"
    return problem + (f" ({error.context})" if error.context else "")


def _compose(text: str, name: str) -> tuple[yaml.Node | None, list[Problem]]:
    if _FastLoader is not None and not _CONTROL.search(text):
        node, problems = _compose_with(_FastLoader(text), text, name)
        if not problems:
            return node, problems
        # A broken file: read it again with the pure-Python reader, whose messages we explain in
        # plain words (libyaml words its errors differently).  Only broken files pay for this.
    return _compose_with(_Loader(text), text, name)


def _compose_with(loader: _Guard, text: str, name: str) -> tuple[yaml.Node | None, list[Problem]]:
    try:
        node = loader.get_single_node()
    except _Refused as refused:
        mark = refused.mark
        return None, [_problem_at(name, mark, refused.message)]
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        ended = any(s in (error.problem or "") for s in ("end of stream", "<stream end>"))
        if ended and error.context_mark is not None:
            context = error.context or ""
            opened, closer = (
                ("quoted text", "quote")
                if "quoted" in context
                else ("'['", "']'")
                if "sequence" in context
                else ("'{'", "'}'")
                if "mapping" in context
                else ("value", "end")
            )
            return None, [
                _problem_at(
                    name,
                    error.context_mark,
                    f"this {opened} is never closed (the file ends before its closing {closer})",
                )
            ]
        return None, [_problem_at(name, mark, _plain_yaml_message(error, text))]
    except yaml.YAMLError as error:
        return None, [Problem(name, None, None, "", f"cannot read the YAML ({error})")]
    except RecursionError:
        return None, [Problem(name, None, None, "", "values are nested too deeply")]
    finally:
        loader.dispose()
    if node is None:
        return None, [Problem(name, 1, 1, "", "the file holds only comments; a scenario starts with 'format: 1'")]
    return node, []


def _problem_at(name: str, mark: _AnyMark | None, message: str, where: str = "") -> Problem:
    if mark is None:
        return Problem(name, None, None, where, message)
    return Problem(name, mark.line + 1, mark.column + 1, where, message)


class _Builder:
    """Turns a composed node tree into plain Python data and records each node's position."""

    def __init__(self, name: str, text: str = ""):
        self.name = name
        self.lines = text.splitlines()
        self.positions = Positions(name)
        self.problems: list[Problem] = []
        self.constructor = yaml.SafeLoader("")  # used only to construct scalars (ints, dates...)

    def problem(self, node: yaml.Node, path: TreePath, message: str, severity: Severity = "error") -> None:
        self.problems.append(
            Problem(
                self.name, node.start_mark.line + 1, node.start_mark.column + 1, format_where(path), message, severity
            )
        )

    # Any: the file's plain data (mappings, lists, strings, numbers...), checked by the models next.
    def build(self, node: yaml.Node, path: TreePath, key_node: yaml.Node | None = None) -> Any:
        start, end = node.start_mark, node.end_mark
        style = (node.style or None) if isinstance(node, yaml.ScalarNode) else None  # libyaml: '' = plain
        self.positions.marks[path] = Mark(
            line=start.line + 1,
            col=start.column + 1,
            key_line=key_node.start_mark.line + 1 if key_node is not None else None,
            key_col=key_node.start_mark.column + 1 if key_node is not None else None,
            style=style,
            one_line=start.line == end.line,
        )
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ_TAG:
                self.problem(node, path, f"the tag {_tag(node.tag)} is not allowed here; remove it")
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        return self.scalar(cast(yaml.ScalarNode, node), path)  # the only other kind of node

    def mapping(self, node: yaml.MappingNode, path: TreePath) -> dict[str, Any]:
        if node.tag != _MAP_TAG:
            self.problem(node, path, f"the tag {_tag(node.tag)} is not allowed here; remove it")
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.problem(key_node, path, "a key must be a plain word, not a list or a mapping")
                continue
            if key_node.tag not in _SCALAR_TAGS:
                what = "merge keys ('<<')" if key_node.tag.endswith(":merge") else f"the tag {_tag(key_node.tag)}"
                self.problem(key_node, path, f"{what} are not allowed in scenario files")
                continue
            # Keys stay the text as written: YAML 1.1 would read `yes:` or `1:` as a bool or int.
            key, removed = clean(key_node.value)
            if removed:
                self.problem(key_node, path + (key,), removed_message(removed), "warning")
            if key in first_line:
                self.problem(
                    key_node,
                    path + (key,),
                    f"duplicate key {key!r} (also given on line {first_line[key]}); remove or rename one",
                )
                continue
            first_line[key] = key_node.start_mark.line + 1
            result[key] = self.build(value_node, path + (key,), key_node)
        return result

    def scalar(self, node: yaml.ScalarNode, path: TreePath) -> Any:
        if node.tag not in _SCALAR_TAGS:
            self.problem(
                node,
                path,
                f"the tag {_tag(node.tag)} is not allowed in scenario files (only plain values, lists and "
                "mappings are)",
            )
            return None
        if node.tag == _YAML + "timestamp":
            # Kept as written: the models read dates and times from text, as an editor's YAML 1.2
            # parser (and the JSON Schema it checks) sees them, so both accept the same forms.
            return node.value
        try:
            value = self.constructor.construct_object(node, deep=True)
        except Exception as error:  # e.g. !!int on text, or a date like 2013-13-45 00:00:00
            self.problem(node, path, f"cannot read this value ({error})")
            return None
        if value is None and not node.value and node.style in (None, ""):
            line = self.lines[node.start_mark.line] if node.start_mark.line < len(self.lines) else ""
            if re.match(r"#\w", line[node.start_mark.column :].lstrip()):  # "#AskJPM", not "# a note"
                self.positions.commented.add(path)
        if isinstance(value, str):
            value, removed = clean(value)
            if removed:
                self.problem(node, path, removed_message(removed), "warning")
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            message = number_problem(value)
            if message:
                self.problem(node, path, message)
                return None
        return value


def number_problem(value: int | float) -> str | None:
    """Why a number cannot be in a scenario (not finite, or beyond ``MAX_NUMBER``), or None."""
    if isinstance(value, float) and not math.isfinite(value):
        return "this number is not finite (.inf and .nan are not allowed); write a plain number"
    if abs(value) > MAX_NUMBER:
        return f"this number is too large: numbers in a scenario are at most {MAX_NUMBER:,} either way"
    return None


def _tag(tag: str) -> str:
    """A tag as it was written: ``tag:yaml.org,2002:python/object`` -> ``!!python/object``."""
    return "!!" + tag[len(_YAML) :] if tag.startswith(_YAML) else tag


def read_data(source: str | bytes | Path, name: str | None = None) -> tuple[object, Positions, list[Problem]]:
    """Parse YAML safely into plain data with positions — no model validation.

    Returns ``(data, positions, problems)``; ``data`` is None when the YAML could not be read.
    Used by the loader and by the library (which only needs a few top-level fields).
    """
    name = name if name is not None else (str(source) if isinstance(source, Path) else "<text>")
    text, problems = _read_text(source, name)
    if text is None:
        return None, Positions(name), problems
    node, problems = _compose(text, name)
    if node is None:
        return None, Positions(name), problems
    builder = _Builder(name, text)
    data = builder.build(node, ())
    return data, builder.positions, builder.problems
