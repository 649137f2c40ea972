"""The JSON Schema is generated from the models, and the committed copy is never stale."""

from __future__ import annotations

import json
from pathlib import Path

from game.scenario.schema import scenario_schema, schema_json

ASSET = Path(__file__).resolve().parents[2] / "assets" / "scenario.schema.json"


def test_committed_schema_matches_the_models():
    assert ASSET.read_text(encoding="utf-8") == schema_json(), (
        "assets/scenario.schema.json is stale: run `bashtag schema -o assets/scenario.schema.json`"
    )


def test_schema_has_identity_and_descriptions():
    schema = scenario_schema()
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert schema["$id"] and schema["title"]
    assert schema["additionalProperties"] is False
    assert "description" in schema["properties"]["summary"]
    json.dumps(schema)  # serialisable


# --- the schema agrees with the loader (issue 17 item 14) ------------------------------------------

import re  # noqa: E402

import pytest  # noqa: E402
import yaml  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
BUILTINS = sorted((ROOT / "scenarios").glob("*.yaml"))


class _EditorYAML(yaml.SafeLoader):
    """YAML as an editor's language server reads it (YAML 1.2's core schema): a date or a time is
    text, not a timestamp; the schema is checked against that text."""


_EditorYAML.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _validator(schema=None):
    jsonschema = pytest.importorskip("jsonschema")
    pytest.importorskip("rfc3339_validator")  # jsonschema checks "date-time" only with it
    cls = jsonschema.Draft202012Validator
    schema = schema or scenario_schema()
    used = {value for value in _walk(schema, "format")}
    assert used <= set(cls.FORMAT_CHECKER.checkers), f"formats this validator cannot check: {used}"
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def _walk(node, key):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == key and isinstance(v, str):
                yield v
            else:
                yield from _walk(v, key)
    elif isinstance(node, list):
        for item in node:
            yield from _walk(item, key)


def _schema_errors(instance, schema=None) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in _validator(schema).iter_errors(instance)]


@pytest.mark.parametrize("path", BUILTINS, ids=lambda p: p.stem)
def test_every_built_in_passes_the_schema_as_an_editor_reads_it(path):
    assert _schema_errors(yaml.load(path.read_text(encoding="utf-8"), _EditorYAML)) == []


def test_the_scaffold_passes_the_schema(valid_text):
    assert _schema_errors(yaml.load(valid_text, _EditorYAML)) == []


def test_the_guides_examples_pass_the_schema():
    schema = scenario_schema()
    doc = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")
    checked = 0
    for block in re.findall(r"```yaml\n(.*?)```", doc, re.S):
        data = yaml.load(block, _EditorYAML)
        if not isinstance(data, dict):
            continue
        for key, value in data.items():
            if key in schema["properties"]:
                sub = {"$defs": schema["$defs"], **schema["properties"][key]}
                assert _schema_errors(value, sub) == [], f"the guide's example of {key}"
                checked += 1
    assert checked >= 10


@pytest.mark.parametrize(
    "start",
    [
        "2024-03-04 09:00",
        "2024-03-04T09:00",
        "2024-03-04T09:00:00",
        "2024-03-04 09:00:30.5",
        "2024-03-04T09:00:00-05:00",
        "2024-03-04 09:00+01:00",
        "2024-03-04T09:00:00Z",
        "2024-03-04 9:00",
        "2024-3-4 09:00",
        "2024-03-04",
        "09:00",
        "2024-03-04 25:00",
        "2024-13-04 09:00",
        "1899-12-31 23:00",
        "2101-01-01 00:00",
        "1700000000",
        "2024-03-04 09:00 -5",
        "tomorrow",
    ],
)
def test_the_schema_and_the_loader_agree_on_every_way_of_writing_a_time(valid_text, start):
    """What the loader accepts the schema accepts, and what it refuses the schema refuses."""
    from game.scenario.loader import load_scenario
    from game.scenario.problems import ScenarioError

    text = valid_text.replace("start: 2024-03-04 09:00", f"start: {start}", 1)
    text = re.sub(r"\n *deadline: .*", "", text, count=1)  # a time of its own, written one way
    try:
        load_scenario(text)
        loads = True
    except ScenarioError as error:
        loads = False
        assert [p.where for p in error.errors] == ["clock.start"], str(error)
    clock = yaml.load(text, _EditorYAML)["clock"]
    sub = {"$defs": scenario_schema()["$defs"], **scenario_schema()["properties"]["clock"]}
    assert (_schema_errors(clock, sub) == []) == loads, (start, loads)
