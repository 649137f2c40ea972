"""The consequence engine: a pure library (no Textual, no I/O, no clock, no global random) that
tests, the simulator and every front-end drive the same way.  What a front-end needs is here:

    from game.engine import Game, Reply, analyse, run_batch
    game = Game(scenario, seed=7)
    game.apply(Reply(post_id, "empathetic")); report = game.end_turn()

Anything else under ``game.engine`` is the engine's own business and may move.
"""

from game.engine.actions import (
    Action,
    ActionNotAllowed,
    Cancel,
    Custom,
    Delete,
    Escalate,
    Inject,
    Monitor,
    Pause,
    Reply,
    Resume,
    Statement,
    action_from_dict,
    action_to_dict,
)
from game.engine.controller import GameController, GameListener, TurnGated
from game.engine.debrief import Debrief, analyse
from game.engine.game import Game, new_game
from game.engine.params import DEFAULT_PARAMS, ModelParams
from game.engine.rules import RULES, ActionRule
from game.engine.simulate import RunResult, play, run_batch, summary
from game.engine.state import ActionOption, Change, FiredEvent, GameState, Post, TurnRecord, TurnReport

__all__ = [
    "Action",
    "ActionNotAllowed",
    "Cancel",
    "Custom",
    "Delete",
    "Escalate",
    "Inject",
    "Monitor",
    "Pause",
    "Reply",
    "Resume",
    "Statement",
    "action_from_dict",
    "action_to_dict",
    "GameController",
    "GameListener",
    "TurnGated",
    "Debrief",
    "analyse",
    "Game",
    "new_game",
    "DEFAULT_PARAMS",
    "ModelParams",
    "RULES",
    "ActionRule",
    "RunResult",
    "play",
    "run_batch",
    "summary",
    "ActionOption",
    "Change",
    "FiredEvent",
    "GameState",
    "Post",
    "TurnRecord",
    "TurnReport",
]
