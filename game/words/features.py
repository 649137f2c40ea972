"""The features beneath a reading: which phrases of each kind a text contains, and where.

Pure functions of the text: the same words always give the same features.  Each feature keeps the
exact phrases that carried it (in the player's own spelling), so the reading can say why.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from game.words.clean import ENGLISH, words
from game.words.phrases import CLAIMING, COMPILED

_NUMBER = re.compile(r"(?<![\w.])(?:[$£€]\s?)?\d[\d,.:]*(?:\s?(?:%|am|pm|h|kg|km))?(?![\w])")
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-z]+(?:\s[A-Z][a-z]+)*)")
_QUESTION_START = re.compile(
    r"^(?:@\w+\s+)*(?:what|why|how|when|where|who|which|is|are|can|could|do|does|did|will|would|should|has|have|any)\b",
    re.IGNORECASE,
)
# Words too common in this game's posts to show that a reply engaged with one.
_GENERIC = frozenset(
    """
ask jpm askjpm askbg askseaworld qantasluxury waitrosereasons spreadthecheer genuine question
really actually please thanks thank still just like know think want people customer customers
""".split()
)
_NOT_NAMES = frozenset(
    """
I We Our You Your The This That It They He She My A An And But So Yes No Ok Okay Hi Hello Dear
Thanks Thank Sorry Please Let Here There What Why How When Where Who Which Nothing Nobody Everyone
Anyone Update Tomorrow Today Well Plot Reader Turns Note Honestly Oh Touché Cool Whatever Nice
Another Sounds Go Customer Safety Last Actually To For Between At Every Pyjamas Luxury Darling
""".split()
)


@dataclass(frozen=True)
class Hits:
    """Every phrase found, by feature, in reading order."""

    found: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def __getitem__(self, name: str) -> tuple[str, ...]:
        return self.found.get(name, ())

    def count(self, name: str) -> int:
        return len(self.found.get(name, ()))


def lower_same_length(text: str) -> str:
    """``text`` in lower case, character for character (a character whose lower case is longer,
    like 'İ', stays as it is), so a match's span in it is the same span in ``text``."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(low if len(low) == 1 else ch for ch, low in ((ch, ch.lower()) for ch in text))


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping matches of one feature are one phrase ("we're sorry for the")."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _overlaps(span: tuple[int, int], merged: list[tuple[int, int]]) -> bool:
    """Whether ``span`` overlaps any of ``merged`` (sorted, disjoint)."""
    start, end = span
    i = bisect.bisect_left(merged, (end, end))
    return i > 0 and merged[i - 1][1] > start


def find_phrases(text: str) -> Hits:
    """The phrases of every feature in ``text``; a phrase claimed by a conditional apology, by
    sympathy or by a template is not read again as a full apology."""
    claimed: list[tuple[int, int]] = []
    found: dict[str, tuple[str, ...]] = {}
    lowered = lower_same_length(text)
    for name, patterns in COMPILED.items():
        spans = [
            m.span()
            for pattern, literal in patterns
            if literal is None or literal in lowered
            for m in pattern.finditer(lowered)
            if m.end() > m.start()
        ]
        if claimed and (name == "full_apology" or name in CLAIMING):
            spans = [span for span in spans if not _overlaps(span, claimed)]
        spans = _merge(spans)
        if name in CLAIMING:
            claimed = _merge(claimed + spans)
        if spans:
            found[name] = tuple(text[s:e].strip() for s, e in spans)
    return Hits(found)


_MENTION = re.compile(r"[@#]\w+")


def content_words(text: str) -> set[str]:
    """Words that carry meaning: not function words, not the game's stock words, 4+ letters, and
    not @handles or #hashtags (a reply that names the poster has not yet said anything to them)."""
    return {w for w in words(_MENTION.sub(" ", text)) if len(w) >= 4 and w not in ENGLISH and w not in _GENERIC}


def specifics(text: str, *, grievance: str | None = None, to: str | None = None) -> tuple[str, ...]:
    """What the text names: numbers and times, names, the grievance, the post's own subject."""
    found: list[str] = [m.group(0) for m in _NUMBER.finditer(text)]
    found += [m.group(1) for m in _NAME.finditer(text) if m.group(1).split()[0] not in _NOT_NAMES]
    mine = content_words(text)
    if grievance:
        found += sorted(mine & content_words(grievance))
    if to:
        found += sorted((mine & content_words(to)) - set(found))
    seen: set[str] = set()
    unique: list[str] = []  # the first of each, whatever its case
    for x in found:
        if x.lower() not in seen:
            seen.add(x.lower())
            unique.append(x)
    return tuple(unique)


def is_question(post: str) -> bool:
    """Whether ``post`` asks something a reply could answer."""
    return "?" in post or bool(_QUESTION_START.match(post.strip()))
