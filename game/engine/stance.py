"""Where an account stands on the organisation: the three camps every crowd is split into.

The follower graph stores a stance per account as a small integer (numpy arrays compare fast), so
the camps are an ``IntEnum``: ``graph.stance == Stance.HOSTILE`` reads as what it means.
"""

from __future__ import annotations

from enum import IntEnum


class Stance(IntEnum):
    HOSTILE = 0
    NEUTRAL = 1
    SUPPORTIVE = 2

    @property
    def word(self) -> str:
        """The stance as the scenario format writes it: "hostile", "neutral", "supportive"."""
        return self.name.lower()

    @classmethod
    def of(cls, word: str) -> Stance:
        return cls[word.upper()]


STANCE_NAMES: tuple[str, ...] = tuple(stance.word for stance in Stance)
