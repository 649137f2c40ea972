"""Showing untrusted scenario text literally.

Posts, handles, headlines and statements come from scenario files written by strangers. Many
Textual widgets parse markup in plain strings (``[@click=app.quit]`` becomes a live link; an
unbalanced ``[/`` crashes the render, Textual #6155), and escape bytes reach the terminal even with
markup off. The loader strips control characters already; here we do it again (defence in depth),
replacing each with a visible stand-in so an author can see what was there, and we hand widgets
``Content`` objects, which are never parsed as markup.
"""

from __future__ import annotations

import re

from textual.content import Content

# C0 except newline, DEL, C1, the bidi overrides/isolates ("Trojan Source"), and the invisible marks
# the loader strips (zero-width spaces, directional marks, line/paragraph separators, word joiners,
# the BOM; a zero-width joiner only where it is not binding two non-ASCII characters, as in emoji):
# the same set as game.scenario.untrusted.
_CONTROL = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"
    "\u200b\u200e\u200f\u061c\u2028\u2029\u2060-\u2064\ufeff\ud800-\udfff]"
    "|[\u200c\u200d](?![^\x00-\x7f])|(?<![^\x00-\x7f])[\u200c\u200d]"
)


def _stand_in(match: re.Match) -> str:
    char = match.group()
    code = ord(char)
    if char == "\t":
        return " "
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control pictures": ESC shows as ␛
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"


def clean(text: object) -> str:
    """``text`` as a string with every control character replaced by a visible stand-in."""
    return _CONTROL.sub(_stand_in, str(text))


def one_line(text: object) -> str:
    """Like :func:`clean`, with newlines folded to spaces (for titles, list rows, toasts)."""
    return clean(text).replace("\n", " ")


def lit(text: object, style: str = "") -> Content:
    """Untrusted text as Content: shown exactly as written, optionally styled."""
    return Content.styled(clean(text), style)


def join(*parts: str | Content | tuple[object, str]) -> Content:
    """Assemble Content from pieces; ``(text, style)`` pieces are cleaned first.

    Plain ``str`` parts must be our own text (never scenario text): they are not cleaned.
    """
    pieces: list[str | Content | tuple[str, str]] = []
    for part in parts:
        if isinstance(part, tuple):
            pieces.append((clean(part[0]), part[1]))
        else:
            pieces.append(part)
    return Content.assemble(*pieces)


def followers(count: int) -> str:
    """12345 -> '12.3k', 2500000 -> '2.5M'."""
    if count >= 1_000_000:
        return f"{count / 1_000_000:.1f}M"
    if count >= 10_000:
        return f"{count / 1000:.0f}k"
    if count >= 1000:
        return f"{count / 1000:.1f}k"
    return str(count)
