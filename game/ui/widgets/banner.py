"""The play screen's banner: one line under the header for what holds the game (why the turn cannot end
now; a subclass of the play screen says more, e.g. a workshop's pause and turn timer), and the action
bar greyed while the actions are locked.

The sentences come from the play screen's hooks; this widget only shows them, as literal text.  The
play screen keeps it under its header as ``#play-wait``.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from game.ui.literal import one_line


class Banner(Static):
    """One line under the header; hidden when there is nothing to say (see play.tcss ``-waiting``)."""

    def say(self, text: str | None, *, locked: bool = False) -> None:
        """Show ``text`` (None: hide); ``locked`` greys the screen's action bar and says so."""
        if (text, locked) == getattr(self, "_said", None):
            return  # called every second for the countdown: redraw only on a change
        self._said = (text, locked)
        self.update(Content("» " + one_line(text)) if text else "")
        self.set_class(bool(text), "-waiting")
        screen = self.screen
        try:
            from game.ui.widgets.actions import ActionBar

            bar = screen.query_one(ActionBar)
        except Exception:  # noqa: BLE001 - no action bar on this screen
            return
        bar.set_class(locked, "-locked")
