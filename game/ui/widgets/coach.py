"""The tutorial's coach: one line above the action bar that says what to try next, from the
first turn, until the player has replied, made a statement and ended a turn on their own.

It reads only the game's state (what is in the feed, what the player has done, attention left),
so it is never ahead of or behind the screen.  Shown for scenarios tagged `tutorial`.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from game.engine.state import GameState


def coaching(scenario) -> bool:
    return "tutorial" in {tag.lower() for tag in scenario.tags}


def coach_line(state: GameState) -> str | None:
    """What to try next, or None once the basics are done."""
    kinds = [t.kind for t in state.taken]
    crowd = [p for p in state.feed if p.source != "org"]
    hostile = [p for p in crowd if p.stance == "hostile"]
    if state.over:
        return None
    if state.turn == 1 and not crowd and not kinds:
        return (
            "Coach: only your own post is up so far: the replies come in as time runs. "
            "Press e to end the turn and let the first half hour pass."
        )
    if "reply" not in kinds and hostile:
        return (
            "Coach: someone is hurt. Select a hostile post (↑↓) and press r (or Enter) to reply: "
            "the composer shows each tone's words before anything goes out. Try empathetic."
        )
    if "reply" not in kinds:
        return "Coach: read the feed (↑↓). When a hostile post arrives, select it and press r to reply."
    if "statement" not in kinds and state.budget_left >= 2:
        return (
            "Coach: a reply answers one person. A statement (s) speaks to everyone at once: "
            "look at the apology; its posture is shown before you post it."
        )
    if state.budget_left == 0 or state.turn <= 2:
        return "Coach: press e to let time run, then ? to see why each meter moved. Attention refills every turn."
    return None


class Coach(Static):
    """The coach's line; hidden when it has nothing to say."""

    def show(self, state: GameState) -> None:
        line = coach_line(state)
        self.update(Content(line or ""))
        self.display = line is not None
