"""What a reading is: the class, the phrases that decided it, the features beneath, or a plain
reason it could not be read.  Frozen and serialisable, like the engine's records."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# How a posture is named to a player (the engine's responses.POSTURE_WORDS say the same in a sentence).
POSTURE_NAMES: dict[str, str] = {
    "rebuild": "apology",
    "bolster": "reminder of good works",
    "inform": "information",
    "humour": "joke",
    "diminish": "excuse",
    "deny": "denial",
    "attack": "attack on critics",
}


@dataclass(frozen=True)
class Features:
    """The features that carry a reading, each with the exact phrases that showed it."""

    apology: Literal["full", "conditional", "none"]
    apology_phrases: tuple[str, ...]
    responsibility: Literal["taken", "shifted", "none"]
    responsibility_phrases: tuple[str, ...]
    corrective_action: tuple[str, ...]
    compensation: tuple[str, ...]
    sympathy: tuple[str, ...]
    specifics: tuple[str, ...]  # numbers, times, names, the grievance, the post's subject
    answers_question: bool | None  # replies with a post that asks something; else None
    shared_with_post: tuple[str, ...]  # the post's own words the reply takes up
    boilerplate: float  # 0-1: how much it reads like a corporate template
    boilerplate_phrases: tuple[str, ...]
    humour: tuple[str, ...]
    hostility: tuple[str, ...]  # names for critics, doubts about their motives
    denial: tuple[str, ...]
    minimising: tuple[str, ...]  # excuses, justifications, "isolated incident"
    bolstering: tuple[str, ...]  # past good works, thanks to supporters
    length: int  # characters read
    words: int
    truncated: bool  # longer than the limit: only the first part was read

    def as_dict(self) -> dict[str, object]:
        """Plain JSON: a value per feature, and the phrases behind each under ``phrases``."""
        return {
            "apology": self.apology,
            "responsibility": self.responsibility,
            "corrective_action": bool(self.corrective_action),
            "compensation": bool(self.compensation),
            "sympathy": bool(self.sympathy),
            "specifics": list(self.specifics),
            "answers_question": self.answers_question,
            "shared_with_post": list(self.shared_with_post),
            "boilerplate": round(self.boilerplate, 2),
            "humour": bool(self.humour),
            "hostility": bool(self.hostility),
            "denial": bool(self.denial),
            "minimising": bool(self.minimising),
            "bolstering": bool(self.bolstering),
            "length": self.length,
            "words": self.words,
            "truncated": self.truncated,
            "phrases": {
                name: list(phrases)
                for name, phrases in (
                    ("apology", self.apology_phrases),
                    ("responsibility", self.responsibility_phrases),
                    ("corrective_action", self.corrective_action),
                    ("compensation", self.compensation),
                    ("sympathy", self.sympathy),
                    ("boilerplate", self.boilerplate_phrases),
                    ("humour", self.humour),
                    ("hostility", self.hostility),
                    ("denial", self.denial),
                    ("minimising", self.minimising),
                    ("bolstering", self.bolstering),
                )
                if phrases
            },
        }


@dataclass(frozen=True)
class Reading:
    """How a statement or a reply reads.

    ``posture`` is always the SCCT posture (for a reply, the one its tone expresses, as in
    ``vocabulary.TONES``); ``tone`` is set for replies only.  When the text cannot be read,
    ``unreadable`` says why in plain words and posture, tone and features are None.
    """

    kind: Literal["statement", "reply"]
    text: str  # the text that was read: controls stripped, capped
    posture: str | None
    tone: str | None
    why: tuple[str, ...]  # the deciding phrases, most decisive first
    features: Features | None
    unreadable: str | None
    summary: str  # one line for the player

    @property
    def readable(self) -> bool:
        return self.unreadable is None

    @property
    def decisive(self) -> bool:
        """Whether phrases decided the reading.  A readable text with none (no apology, excuse, joke
        or attack found) reads as plain information by default: the weakest kind of reading, which
        a caller may prefer to show as unclear."""
        return bool(self.why)

    @property
    def label(self) -> str | None:
        """The class the reader chose: the tone of a reply, the posture of a statement."""
        return self.tone if self.kind == "reply" else self.posture

    def as_dict(self) -> dict[str, object]:
        """The reading as JSON (``bashtag read --json``)."""
        out: dict[str, object] = {"as": self.kind}
        if self.kind == "reply":
            out["tone"] = self.tone
        out["posture"] = self.posture
        out["why"] = list(self.why)
        out["unreadable"] = self.unreadable
        out["summary"] = self.summary
        out["features"] = self.features.as_dict() if self.features else None
        return out
