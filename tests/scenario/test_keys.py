"""A custom action's key must not shadow the play screen's own keys."""

from __future__ import annotations

from scenario_helpers import errors_of

from game.scenario.library import load
from game.scenario.vocabulary import RESERVED_KEYS


def test_a_custom_action_may_not_take_a_reserved_key():
    text = load("tutorial").model_dump_json()  # any valid scenario, as JSON (a subset of YAML)
    import json

    data = json.loads(text)
    data["actions"]["custom"][0]["key"] = "e"
    errors = errors_of(json.dumps(data, indent=1))
    assert len(errors) == 1
    assert "the key 'e' is the game's own" in errors[0].message
    assert errors[0].where.startswith("actions.custom[0].key")


def test_the_keys_suggested_instead_of_a_reserved_one_are_free():
    import copy
    import json

    data = json.loads(load("tutorial").model_dump_json())
    customs = data["actions"]["custom"]
    taken = {c["key"] for c in customs if c.get("key")}
    for i, key in enumerate(k for k in "abfghijk" if k not in taken):  # the first free keys taken...
        customs.append(copy.deepcopy(customs[0]) | {"id": f"extra_{i}", "key": key})
        taken.add(key)
    customs.append(copy.deepcopy(customs[0]) | {"id": "wants_e", "key": "e"})  # ...then a reserved one
    errors = errors_of(json.dumps(data, indent=1))
    assert [e.where.split(" ")[0] for e in errors] == [f"actions.custom[{len(customs) - 1}].key"]
    suggested = errors[0].message.rsplit("try one of ", 1)[1].split(", ")
    # none taken, none the game's own (n, o and v are the video's actions, on every platform)
    assert suggested and not set(suggested) & (RESERVED_KEYS | taken)


def test_two_custom_actions_may_not_share_a_key():
    import json

    data = json.loads(load("askjpm").model_dump_json())
    data["actions"]["custom"][1]["key"] = data["actions"]["custom"][0]["key"]
    errors = errors_of(json.dumps(data, indent=1))
    assert [e.where for e in errors] == ["actions.custom[1].key"]
    assert "already used" in errors[0].message
