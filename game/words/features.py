"""The features beneath a reading: which phrases of each kind a text contains, and where.

Pure functions of the text: the same words always give the same features.  Each feature keeps the
exact phrases that carried it (in the player's own spelling), so the reading can say why.
"""

from __future__ import annotations

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
_GENERIC = frozenset("""
ask jpm askjpm askbg askseaworld qantasluxury waitrosereasons spreadthecheer genuine question
really actually please thanks thank still just like know think want people customer customers
""".split())
_NOT_NAMES = frozenset("""
I We Our You Your The This That It They He She My A An And But So Yes No Ok Okay Hi Hello Dear
Thanks Thank Sorry Please Let Here There What Why How When Where Who Which Nothing Nobody Everyone
Anyone Update Tomorrow Today Well Plot Reader Turns Note Honestly Oh Touché Cool Whatever Nice
Another Sounds Go Customer Safety Last Actually To For Between At Every Pyjamas Luxury Darling
""".split())


@dataclass(frozen=True)
class Hits:
    """Every phrase found, by feature, in reading order."""

    found: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def __getitem__(self, name: str) -> tuple[str, ...]:
        return self.found.get(name, ())

    def count(self, name: str) -> int:
        return len(self.found.get(name, ()))


def find_phrases(text: str) -> Hits:
    """The phrases of every feature in ``text``; a phrase claimed by sympathy or a conditional
    apology is not read again as a full apology."""
    claimed: list[tuple[int, int]] = []
    found: dict[str, tuple[str, ...]] = {}
    for name, patterns in COMPILED.items():
        spans: list[tuple[int, int]] = []
        for pattern in patterns:
            for match in pattern.finditer(text):
                start, end = match.span()
                if end == start:
                    continue
                if (name == "full_apology" or name in CLAIMING) and any(s < end and start < e for s, e in claimed):
                    continue
                # Overlapping matches of one feature are one phrase ("we're sorry for the").
                overlapping = [(s, e) for s, e in spans if s < end and start < e]
                spans = [span for span in spans if span not in overlapping]
                spans.append((min([start] + [s for s, _ in overlapping]), max([end] + [e for _, e in overlapping])))
        spans.sort()
        if name in CLAIMING:
            claimed.extend(spans)
        if spans:
            found[name] = tuple(text[s:e].strip() for s, e in spans)
    return Hits(found)


def content_words(text: str) -> set[str]:
    """Words that carry meaning: not function words, not the game's stock words, 4+ letters."""
    return {w for w in words(text) if len(w) >= 4 and w not in ENGLISH and w not in _GENERIC}


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
    return tuple(x for x in found if not (x.lower() in seen or seen.add(x.lower())))


def is_question(post: str) -> bool:
    """Whether ``post`` asks something a reply could answer."""
    return "?" in post or bool(_QUESTION_START.match(post.strip()))
