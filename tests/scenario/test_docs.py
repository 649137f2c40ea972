"""docs/authoring.md cannot rot: it names every readable name, and its reference tables are current."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from game.scenario import vocabulary
from game.scenario.reference import render

DOC = Path(__file__).resolve().parents[2] / "docs" / "authoring.md"


def test_authoring_guide_mentions_every_name_a_condition_can_read():
    text = DOC.read_text(encoding="utf-8")
    missing = [name for name in vocabulary.NAMES if f"`{name}`" not in text]
    assert not missing, f"docs/authoring.md does not mention {missing}"
    for prefix in vocabulary.DOTTED_NAMES:
        assert f"`{prefix}." in text


def test_authoring_guide_generated_sections_are_current():
    text = DOC.read_text(encoding="utf-8")
    assert render(text) == text, "run: python -m game.scenario.reference docs/authoring.md"


def test_authoring_guide_yaml_examples_parse():
    text = DOC.read_text(encoding="utf-8")
    for block in re.findall(r"```yaml\n(.*?)```", text, re.S):
        yaml.safe_load(block)
