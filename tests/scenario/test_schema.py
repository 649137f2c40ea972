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
