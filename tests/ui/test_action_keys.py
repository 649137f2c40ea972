"""The keyboard belongs to the UI, the reserved list to the format: they must agree."""

from __future__ import annotations

from game.engine.rules import RULES
from game.scenario.vocabulary import BUILTIN_ACTIONS, RESERVED_KEYS
from game.ui.screens.play import PlayScreen
from game.ui.widgets.actions import ACTION_KEYS


def test_every_built_in_action_has_a_key_the_format_reserves():
    assert set(ACTION_KEYS) == set(BUILTIN_ACTIONS) == set(RULES)
    assert set(ACTION_KEYS.values()) <= RESERVED_KEYS
    assert len(set(ACTION_KEYS.values())) == len(ACTION_KEYS), "two actions share a key"


def test_the_play_screens_own_keys_are_reserved_too():
    keys = {binding.key for binding in PlayScreen.BINDINGS}
    assert {"e", "q"} <= keys
    assert {key for key in keys if len(key) == 1} <= RESERVED_KEYS
