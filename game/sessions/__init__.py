"""Saved games: the append-only session log, restoring a game from it, export and import.

The engine is deterministic, so a log of the seed and each action and turn's end *is* the game.
See docs/sessions.md for the format and what happens with damaged logs.
"""

from game.sessions.errors import SessionError
from game.sessions.log import FORMAT, Recorder, SessionInfo
from game.sessions.restore import quick_info, restore, resume

__all__ = ["FORMAT", "Recorder", "SessionError", "SessionInfo", "quick_info", "restore", "resume"]
