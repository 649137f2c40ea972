"""Helpers for the session tests: play (and record) the mini scenario, and the same game unrecorded."""

from __future__ import annotations

from pathlib import Path

from game.engine.actions import Cancel, Monitor, Pause, Statement
from game.engine.game import Game
from game.scenario.loader import load_scenario
from game.sessions import Recorder

HERE = Path(__file__).resolve().parent
MINI = HERE / "mini.yaml"

# turn -> actions: listening, pausing the queue, a statement, then cancelling.
PLAN = {3: [Monitor()], 4: [Pause()], 5: [Statement("inform")], 7: [Cancel()]}


def play(
    scenario_path: Path,
    seed: int = 5,
    until_turn: int | None = None,
    plan=PLAN,
    extra_this_turn=(),
    recorder: Recorder | None = None,
    **start,
) -> tuple[Game, Recorder]:
    """Play (and record) mini with ``plan`` up to the start of ``until_turn`` (or to the end); then take
    ``extra_this_turn`` actions without ending the turn."""
    scenario = load_scenario(Path(scenario_path))
    game = Game(scenario, seed)
    recorder = recorder or Recorder.start(str(scenario_path), scenario_path, seed, scenario_id=scenario.id, **start)
    while not game.over and (until_turn is None or game.state.turn < until_turn):
        for action in plan.get(game.state.turn, []):
            game.apply(action)
            recorder.record_action(game.state.turn, action)
        game.end_turn()
        recorder.record_end_turn(game.state)
    for action in extra_this_turn:
        game.apply(action)
        recorder.record_action(game.state.turn, action)
    return game, recorder


def reference(scenario_path: Path, seed: int = 5, until_turn: int | None = None, plan=PLAN, extra_this_turn=()) -> Game:
    """The same game played without recording (what a restore must equal)."""
    scenario = load_scenario(Path(scenario_path))
    game = Game(scenario, seed)
    while not game.over and (until_turn is None or game.state.turn < until_turn):
        for action in plan.get(game.state.turn, []):
            game.apply(action)
        game.end_turn()
    for action in extra_this_turn:
        game.apply(action)
    return game
