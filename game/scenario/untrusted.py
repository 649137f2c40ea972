"""Text from strangers, made safe to print: the characters that could change what a terminal shows.

Scenario files (the loader) and saved games (the session log reader) both come from other people, and
their text ends up on the player's terminal: a post, a headline, a header's date.  Removed here:

* terminal escape sequences (CSI and OSC) as a whole, so no ``[31m`` is left behind;
* C0 controls except tab and newline, DEL, and C1 controls;
* the bidi overrides and isolates of "Trojan Source" (U+202A-202E, U+2066-2069);
* invisible marks that make two texts look alike or reorder them: zero-width space (U+200B), the
  left-to-right, right-to-left and Arabic letter marks (U+200E, U+200F, U+061C), the line and
  paragraph separators (U+2028, U+2029), the word joiner and invisible operators (U+2060-2064) and
  the zero-width no-break space (U+FEFF);
* zero-width joiners and non-joiners (U+200D, U+200C) between two ASCII characters (``#Ask\u200dJPM``
  looks like ``#AskJPM``).  Between other characters they are kept: they build emoji (a family, a
  flag of skin tones) and shape Indic and Persian words.
"""

from __future__ import annotations

import re

__all__ = ["clean", "removed_message"]

_ESCAPE_SEQUENCE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?)")
_CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"
    "\u200b\u200e\u200f\u061c\u2028\u2029\u2060-\u2064\ufeff\ud800-\udfff]"
    # a joiner unless it sits between two characters that are not ASCII
    "|[\u200c\u200d](?![^\x00-\x7f])|(?<![^\x00-\x7f])[\u200c\u200d]"
)
_NAMES = {"\x1b": "ESC", "\x07": "BEL", "\x08": "BS", "\r": "CR", "\x00": "NUL", "\x7f": "DEL"}


def clean(text: str) -> tuple[str, list[str]]:
    """``text`` without those characters, and the names of those removed (``ESC``, ``U+200B``...)."""
    removed: list[str] = []

    def drop_sequence(match: re.Match[str]) -> str:
        removed.append("ESC")
        return ""

    def drop(match: re.Match[str]) -> str:
        char = match.group(0)
        removed.append(_NAMES.get(char, f"U+{ord(char):04X}"))
        return ""

    if text.isascii() and text.isprintable():  # the common case, at once
        return text, removed
    cleaned = _CONTROL.sub(drop, _ESCAPE_SEQUENCE.sub(drop_sequence, text))
    return cleaned, removed


def has_controls(text: str) -> bool:
    """Whether :func:`clean` would change ``text``."""
    return bool(_CONTROL.search(text)) or "\x1b" in text


def removed_message(removed: list[str]) -> str:
    kinds = ", ".join(sorted(set(removed)))
    count = len(removed)
    plural = "s" if count > 1 else ""
    return (
        f"removed {count} control character{plural} ({kinds}) from this text; they could change what the terminal shows"
    )
