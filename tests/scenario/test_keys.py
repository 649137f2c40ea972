"""A custom action's key must not shadow the play screen's own keys."""

from __future__ import annotations

from scenario_helpers import errors_of

from game.scenario.library import load


def test_a_custom_action_may_not_take_a_reserved_key():
    text = load("tutorial").model_dump_json()  # any valid scenario, as JSON (a subset of YAML)
    import json

    data = json.loads(text)
    data["actions"]["custom"][0]["key"] = "e"
    errors = errors_of(json.dumps(data, indent=1))
    assert len(errors) == 1
    assert "the key 'e' is the game's own" in errors[0].message
    assert errors[0].where.startswith("actions.custom[0].key")


def test_two_custom_actions_may_not_share_a_key():
    import json

    data = json.loads(load("askjpm").model_dump_json())
    data["actions"]["custom"][1]["key"] = data["actions"]["custom"][0]["key"]
    errors = errors_of(json.dumps(data, indent=1))
    assert [e.where for e in errors] == ["actions.custom[1].key"]
    assert "already used" in errors[0].message
