"""The scenario format as a JSON Schema, generated from the models, so an editor with the YAML
language server checks a file as it is typed and explains each key on hover.

The committed copy ``assets/scenario.schema.json`` is tested against this output so it never goes
stale: regenerate it with ``bashtag schema -o assets/scenario.schema.json``.
"""

from __future__ import annotations

import json
from typing import Any

from game.scenario import vocabulary
from game.scenario.models import FORMAT_VERSION, Scenario

SCHEMA_ID = f"urn:bashtag:scenario-format:{FORMAT_VERSION}"


def scenario_schema() -> dict[str, Any]:  # Any: JSON Schema
    """The JSON Schema of a scenario file (draft 2020-12)."""
    schema = Scenario.model_json_schema()
    # Effects are a free mapping in the model (validate.py names the bad key with a suggestion);
    # in an editor, completing the allowed meters is more useful.
    for definition in schema.get("$defs", {}).values():
        effects = definition.get("properties", {}).get("effects")
        if effects is not None and effects.get("type") == "object":
            effects["propertyNames"] = {"enum": list(vocabulary.EFFECT_KEYS)}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": f"Bashtag scenario (format {FORMAT_VERSION})",
        **{key: value for key, value in schema.items() if key != "title"},
    }


def schema_json() -> str:
    """The schema as the text of assets/scenario.schema.json (sorted keys, trailing newline)."""
    return json.dumps(scenario_schema(), indent=2, ensure_ascii=False) + "\n"
