"""Reading the player's own words (issue 16): a statement's SCCT posture, a reply's tone, the
features beneath them and the phrases that decided, or a plain reason the text cannot be read.

Pure and deterministic like the engine (no Textual, no I/O, no clock, no randomness), and
independent of it: the engine imports this package, never the other way round.

    >>> read_statement("We are sorry if anyone was offended. It was never our intention.").summary
    "Reads as: excuse (diminish) — 'sorry if anyone', 'never our intention'"
"""

from game.words.clean import REPLY_LIMIT, STATEMENT_LIMIT, strip_controls
from game.words.reader import read_reply, read_statement
from game.words.reading import POSTURE_NAMES, Features, Reading

__all__ = [
    "Features",
    "POSTURE_NAMES",
    "REPLY_LIMIT",
    "Reading",
    "STATEMENT_LIMIT",
    "read_reply",
    "read_statement",
    "strip_controls",
]
