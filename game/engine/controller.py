"""The one door through which a front-end changes a game.

Every action the player takes and every end of turn goes through :class:`GameController`, so a
session recorder (a crash must never lose a game) hooks in at one place: pass an object with
``on_action(game, action, changes)`` and ``on_end_turn(game, report)`` in ``listeners``; a workshop
hooks in its gate (why the turn may not end yet).  It holds no Textual and does no I/O itself, so the
terminal app, a workshop team served in a browser and a headless test drive a game the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from game.engine.actions import Action
from game.engine.game import Game
from game.engine.state import Change, GameState, TurnReport


class GameListener(Protocol):
    """What a recorder implements (both methods are called after the engine accepted the step)."""

    def on_action(self, game: Game, action: Action, changes: tuple[Change, ...]) -> None: ...

    def on_end_turn(self, game: Game, report: TurnReport) -> None: ...


class TurnGated(Exception):
    """The turn cannot end now (a workshop in lockstep, or paused); ``reason`` is the sentence to show."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


# A workshop's gate (game.workshop.link): why the turn may not end now, or None.
Gate = Callable[[Game], "str | None"]


class GameController:
    """Holds the game, applies actions and ends turns, and remembers what the `?` help explains."""

    def __init__(self, game: Game, listeners: list[GameListener] | None = None, gate: Gate | None = None):
        self.game = game
        self.listeners: list[GameListener] = list(listeners or [])
        self.gate = gate
        self.last_report: TurnReport | None = None
        self.changes_this_turn: list[Change] = []

    @property
    def state(self) -> GameState:
        return self.game.state

    def apply(self, action: Action) -> tuple[Change, ...]:
        """Take ``action``; raises ActionNotAllowed (with the sentence to show) if it cannot be taken."""
        changes = tuple(self.game.apply(action))
        self.changes_this_turn.extend(changes)
        for listener in self.listeners:
            listener.on_action(self.game, action, changes)
        return changes

    def can_end_turn(self) -> str | None:
        """Why the turn cannot end now (the gate's sentence), or None."""
        return self.gate(self.game) if self.gate is not None else None

    def end_turn(self) -> TurnReport:
        """Play out the rest of the turn and open the next one; raises TurnGated if the gate says no."""
        reason = self.can_end_turn()
        if reason:
            raise TurnGated(reason)
        report = self.game.end_turn()
        self.last_report = report
        self.changes_this_turn = []
        for listener in self.listeners:
            listener.on_end_turn(self.game, report)
        return report
