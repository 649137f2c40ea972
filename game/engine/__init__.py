"""The consequence engine: a pure library (no Textual, no I/O) that tests, the simulator and the UI
drive the same way.  Start with :class:`Game`."""

from game.engine.actions import (
    Action, ActionNotAllowed, Cancel, Custom, Delete, Escalate, Inject, Monitor, Pause, Reply, Resume,
    Statement, action_from_dict, action_to_dict,
)
from game.engine.game import Game, new_game
from game.engine.params import DEFAULT_PARAMS, ModelParams
from game.engine.state import GameState, Post, TurnRecord, TurnReport

__all__ = [
    "Action", "ActionNotAllowed", "Cancel", "Custom", "Delete", "Escalate", "Inject", "Monitor", "Pause",
    "Reply", "Resume", "Statement", "action_from_dict", "action_to_dict", "Game", "new_game",
    "DEFAULT_PARAMS", "ModelParams", "GameState", "Post", "TurnRecord", "TurnReport",
]
