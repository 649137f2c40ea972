"""What is wrong with a scenario file, and where: :class:`Problem`, :class:`ScenarioError` and the
:class:`Positions` map from a place in the scenario tree to its line and column in the file.

Every check (YAML syntax, the models, cross-references) reports through these, so ``bashtag
validate`` prints one uniform, gcc-style line per problem::

    askjpm.yaml:12:5: error: audience.key_accounts[0].segment: no segment 'critcs' (did you mean 'critics'?)
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]
# A place in the scenario tree: mapping keys and list indices, e.g. ("audience", "segments", 0, "id").
TreePath = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a scenario file. ``line`` and ``col`` are 1-based; None when unknown."""

    path: str
    line: int | None
    col: int | None
    where: str
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        place = self.path
        if self.line is not None:
            place += f":{self.line}"
            if self.col is not None:
                place += f":{self.col}"
        where = f"{self.where}: " if self.where else ""
        return f"{place}: {self.severity}: {where}{self.message}"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def sort_key(self) -> tuple[object, ...]:
        return (self.path, self.line or 0, self.col or 0, self.severity != "error", self.message)

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "col": self.col,
            "where": self.where,
            "message": self.message,
            "severity": self.severity,
        }


class ScenarioError(Exception):
    """A scenario that cannot be used, with every problem found (warnings included)."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems: list[Problem] = sorted(problems, key=Problem.sort_key)
        super().__init__("\n".join(str(p) for p in self.problems) or "invalid scenario")

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]


@dataclass(frozen=True)
class Mark:
    """Where one YAML node sits. ``key_*`` is the position of its key when it is a mapping value.

    ``style`` is the scalar style (None = plain, ``'`` or ``"`` = quoted, ``|``/``>`` = block) and
    ``one_line`` tells whether the scalar starts and ends on the same line: together they say whether
    a column inside the value (an expression error) can be mapped to a column in the file.
    """

    line: int
    col: int
    key_line: int | None = None
    key_col: int | None = None
    style: str | None = None
    one_line: bool = True


def format_where(path: TreePath) -> str:
    """``("audience", "segments", 0, "id")`` -> ``audience.segments[0].id``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += ("." if text else "") + str(part)
    return text


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` for the closest choice, or an empty string."""
    close = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


@dataclass
class Positions:
    """The file name and every node's :class:`Mark`, keyed by its place in the tree."""

    name: str
    marks: dict[TreePath, Mark] = field(default_factory=dict)
    # Values YAML read as nothing because a '#' began a comment where they should start
    # (`hashtag: #AskJPM`): a model error there gets a hint to quote the text.
    commented: set[TreePath] = field(default_factory=set)

    def mark(self, path: TreePath) -> Mark | None:
        """The mark of ``path`` or of its nearest ancestor that is in the file."""
        path = tuple(path)
        while path not in self.marks and path:
            path = path[:-1]
        return self.marks.get(path)

    def problem(
        self,
        path: TreePath,
        message: str,
        severity: Severity = "error",
        *,
        at_key: bool = False,
        col_offset: int | None = None,
    ) -> Problem:
        """A Problem located at ``path`` (its key with ``at_key``; ``col_offset`` columns into a
        one-line scalar, when the offset can be trusted)."""
        path = tuple(path)
        mark = self.mark(path)
        line = col = None
        if mark is not None:
            line, col = mark.line, mark.col
            if at_key and mark.key_line is not None and path in self.marks:
                line, col = mark.key_line, mark.key_col
            elif col_offset is not None and path in self.marks and mark.one_line:
                if mark.style is None:
                    col += col_offset
                elif mark.style in ("'", '"'):
                    col += col_offset + 1  # the opening quote
        return Problem(self.name, line, col, format_where(path), message, severity)
