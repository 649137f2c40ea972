"""Checking a scenario: the models' own checks (types, ranges, unknown keys), placed on the file's
lines, and then the cross-references the models cannot see — a post's author exists, an id is
unique, a condition reads only names the engine knows, a time falls inside the scenario's clock.

Every check collects all its problems instead of stopping at the first.  The cross-reference checks
take the :class:`Scenario` and the :class:`Positions` map, so each problem carries its line.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import ValidationError

from game.scenario.advice import check_caused_joins, check_real_case, check_wording
from game.scenario.checks import BUILTIN_FILLS, known_dotted
from game.scenario.checks import check_scenario as _check_cross_references
from game.scenario.messages import _data_path, model_problems
from game.scenario.models import Scenario
from game.scenario.problems import Positions, Problem, TreePath, format_where


def validate_data(data: dict[str, Any], positions: Positions) -> tuple[Scenario | None, list[Problem]]:
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


def _checks_despite(error: ValidationError, data: dict[str, Any], positions: Positions) -> list[Problem]:
    """The cross-reference problems of a file whose values are not all valid yet.

    An author fixed two errors and then met four more: the cross-references were checked only
    once every value was right.  Here each wrong value is replaced by the scaffold's value for the
    same place (an item whose id is wrong, by the scaffold's whole item), an unknown key is dropped,
    and the stand-in is checked.  Problems found inside a stand-in, or naming an id it replaced, are
    the stand-in's, not the author's, and are left out.  When no stand-in validates, nothing is added
    (the author sees the value errors, as before)."""
    import copy

    from game.scenario.scaffold import scaffold_text
    from game.scenario.yaml_reader import read_data

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


def check_scenario(scenario: Scenario, positions: Positions) -> list[Problem]:
    """Every cross-reference problem and every warning of a model-valid scenario."""
    problems = _check_cross_references(scenario, positions)
    for check in (check_wording, check_real_case, check_caused_joins):
        problems.extend(check(scenario, positions))
    return problems


__all__ = ["BUILTIN_FILLS", "check_scenario", "known_dotted", "model_problems", "validate_data"]
