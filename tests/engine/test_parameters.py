"""Every model number lives in game/engine/params.py, with its source: engine code writes none.

A number in engine code that is not a model constant (a hash, an algorithm's switch-over point, a
length text is cut to) says so on its line with ``# not a parameter: why``.
"""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import pytest

from game.engine.params import DEFAULT_PARAMS, ModelParams

ENGINE = Path(__file__).resolve().parents[2] / "game" / "engine"

# Numbers that carry no model meaning: nothing, one, a half (a square root, a midpoint), the meters'
# 0-100 scale, and the clock's units.
NEUTRAL = {0, 1, -1, 0.5, 100, 60, 24, 3600}

# Modules that are not the model: they drive it (strategies, the simulator's statistics), present it
# (the debrief, wording), or make words (feed); their numbers are rounding, percentiles and hashes.
NOT_THE_MODEL = {
    "params.py",
    "simulate.py",
    "strategies.py",
    "debrief.py",
    "wording.py",
    "feed.py",
    "state.py",
    "actions.py",
    "conditions.py",
    "carriers.py",
    "stance.py",  # the camps' codes: an encoding, not a magnitude
    "explain.py",  # says conditions in words: counts and tolerances of wording
}


def _model_modules() -> list[Path]:
    return sorted(p for p in ENGINE.glob("*.py") if p.name not in NOT_THE_MODEL)


def _stray_numbers(path: Path) -> list[str]:
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source)
    skip: set[int] = set()
    for node in ast.walk(tree):
        # round(x, 2): digits are presentation; a docstring's numbers are prose.
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "round" and len(node.args) == 2:
            skip.add(id(node.args[1]))
        # An action's cost is a rule of the game, and the table in rules.py is its home.
        if isinstance(node, ast.keyword) and node.arg == "cost":
            skip.add(id(node.value))
        if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Slice):
            for part in (node.slice.lower, node.slice.upper, node.slice.step):
                if part is not None:
                    skip.add(id(part))
    # "# not a parameter" covers the statement it is written in (a formatter may wrap the statement
    # over several lines and leave the comment on any of them); for a def/if/for/while/with, its header.
    exempt: set[int] = set()
    for stmt in ast.walk(tree):
        if not isinstance(stmt, ast.stmt):
            continue
        body = getattr(stmt, "body", None)
        last = body[0].lineno - 1 if body and isinstance(body, list) else (stmt.end_lineno or stmt.lineno)
        span = range(stmt.lineno, last + 1)
        if any("not a parameter" in lines[n - 1] for n in span):
            exempt.update(span)
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Constant) or type(node.value) not in (int, float) or id(node) in skip:
            continue
        if node.value in NEUTRAL or node.lineno in exempt:
            continue
        found.append(f"{path.name}:{node.lineno}: {node.value!r}  {lines[node.lineno - 1].strip()}")
    return found


def test_engine_code_writes_no_model_number_outside_the_parameters():
    stray = [line for path in _model_modules() for line in _stray_numbers(path)]
    assert not stray, "model numbers belong in game/engine/params.py:\n" + "\n".join(stray)


def test_the_check_finds_a_number_written_in_engine_code(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("def calm(w):\n    w.change('anger', -8.0, 'why')\n    return w.text[:40]  # words\n")
    assert [line.split(":")[2].split()[0] for line in _stray_numbers(sample)] == ["8.0"]


def test_every_parameter_says_where_it_comes_from():
    """Each field of each group has a docstring under it (the source, or 'a design assumption')."""
    source = (ENGINE / "params.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    undocumented = []
    for cls in (n for n in tree.body if isinstance(n, ast.ClassDef) and n.name.endswith("Params")):
        if cls.name == "ModelParams":
            continue
        body = cls.body
        for index, node in enumerate(body):
            if isinstance(node, ast.AnnAssign):
                following = body[index + 1] if index + 1 < len(body) else None
                has_doc = isinstance(following, ast.Expr) and isinstance(
                    getattr(following, "value", None), ast.Constant
                )
                if not has_doc:
                    undocumented.append(f"{cls.name}.{node.target.id}")
    assert not undocumented, "parameters without a docstring: " + ", ".join(undocumented)


def test_a_copy_with_one_value_changed_names_the_group_and_field():
    changed = DEFAULT_PARAMS.with_(press_spectacle=0.0, trend_threshold=300.0)
    assert changed.press.spectacle == 0.0 and changed.trend.threshold == 300.0
    assert changed.press.half == DEFAULT_PARAMS.press.half
    assert DEFAULT_PARAMS.press.spectacle == 0.5  # the default is untouched
    with pytest.raises(TypeError):
        DEFAULT_PARAMS.with_(spectacle=0.0)  # which group? refused, not guessed
    with pytest.raises(TypeError):
        DEFAULT_PARAMS.with_(press_no_such_thing=1.0)


def test_parameters_are_frozen_and_comparable():
    assert ModelParams() == DEFAULT_PARAMS
    with pytest.raises(dataclasses.FrozenInstanceError):
        DEFAULT_PARAMS.press.half = 1.0  # type: ignore[misc]
