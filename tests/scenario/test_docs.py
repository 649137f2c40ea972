"""docs/authoring.md cannot rot: it names every readable name, its reference tables are current, and its
YAML examples validate (each section in the scaffold, and all of them together)."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from game.scenario import vocabulary
from game.scenario.expr import parse
from game.scenario.loader import load_scenario
from game.scenario.models import Scenario
from game.scenario.problems import ScenarioError
from game.scenario.reference import render
from game.scenario.scaffold import scaffold_text

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


# ------------------------------------------------------------------------------ the guide's YAML examples
#
# The guide builds one scenario (Bean & Co) section by section: each ```yaml block is a header or one or
# more top-level sections.  Each section goes into the scaffold (`bashtag new`'s file) in place of the
# scaffold's own and must load; all of them together, in the guide's order, must load too.

# A section that names things another section of the guide defines goes in with that section: the
# guide's statements are the ones its playbook (historical) takes.
GOES_WITH = {"actions": ("historical",)}

# Blocks that are not sections, only parsed, and why.
ONLY_PARSED = {
    "when: reputation < 40 and turn >= 6": "how conditions and effects are written, one line each (the same key repeated); each value is "
    "checked by the expression parser instead",
    "# yaml-language-server: $schema=../assets/scenario.schema.json": "an editor's first-line comment, not a scenario",
}


def _yaml_blocks() -> list[tuple[int, str]]:
    """Each ```yaml block of the guide, with the line it starts on."""
    text = DOC.read_text(encoding="utf-8")
    return [(text.count("\n", 0, m.start()) + 2, m.group(1)) for m in re.finditer(r"```yaml\n(.*?)```", text, re.S)]


def _sections() -> list[tuple[int, dict]]:
    return [
        (line, yaml.safe_load(block))
        for line, block in _yaml_blocks()
        if block.splitlines()[0].strip() not in ONLY_PARSED
    ]


def _load(data: dict, where: str):
    try:
        return load_scenario(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), name="authoring.md")
    except ScenarioError as error:
        raise AssertionError(f"{where} in docs/authoring.md does not validate:\n{error}") from None


def test_authoring_guide_yaml_examples_parse():
    for line, block in _yaml_blocks():
        try:
            yaml.safe_load(block)
        except yaml.YAMLError as error:
            raise AssertionError(f"docs/authoring.md line {line}: {error}") from None


def test_every_example_is_a_section_or_says_why_it_is_only_parsed():
    allowed = set(Scenario.model_fields)
    for line, data in _sections():
        assert isinstance(data, dict) and data, f"docs/authoring.md line {line}: not a section; list it in ONLY_PARSED"
        unknown = set(data) - allowed
        assert not unknown, f"docs/authoring.md line {line}: {sorted(unknown)} are not top-level keys"
    firsts = {block.splitlines()[0].strip() for _, block in _yaml_blocks()}
    assert set(ONLY_PARSED) <= firsts, "ONLY_PARSED names a block the guide no longer has"


def test_each_section_of_the_guide_validates_in_the_scaffold():
    scaffold = yaml.safe_load(scaffold_text("from-the-guide"))
    sections = _sections()
    for line, data in sections:
        if "format" in data:  # the header: the scaffold's sections beneath it
            _load({**scaffold, **data}, f"the example at line {line}")
            continue
        together = dict(data)
        for key, partners in GOES_WITH.items():
            if key in data:
                for partner in partners:
                    together[partner] = next(d[partner] for _, d in sections if partner in d)
        _load({**scaffold, **together}, f"the example at line {line}")


def test_the_guide_s_sections_together_are_a_valid_scenario():
    whole: dict = {}
    for _, data in _sections():
        whole.update(data)
    scenario = _load(whole, "the scenario its sections make together")
    assert scenario.id == "my-crisis" and scenario.organisation.name == "Bean & Co"


def test_the_guide_s_condition_lines_are_readable_expressions():
    block = next(b for _, b in _yaml_blocks() if b.startswith("when: reputation < 40"))
    for row in block.splitlines():
        data = yaml.safe_load(row)
        if not data:
            continue
        for key, value in data.items():
            values = value.values() if key == "effects" else [value]
            for source in values:
                parse(source)  # raises ExpressionError on a bad one
