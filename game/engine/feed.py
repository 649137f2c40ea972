"""Turning counted posts into readable ones: the few most visible posts of a turn, with text.

Every post is counted by the spread model; only the feed's posts get words.  Texts come from the
scenario's scripted posts and template pools (with the situational pools whose condition holds).
Each stance's pool is dealt like a shuffled deck and each template's `{fill}` slots draw from the
scenario's fills, so a feed does not repeat itself.
Crowd accounts get stable invented handles (the same node always has the same handle).
"""

from __future__ import annotations

import functools
import re

import numpy as np

from game.engine.stance import STANCE_NAMES
from game.scenario.models import Scenario

_SLOT = re.compile(r"\{([a-z0-9_-]+)\}")
_FALLBACK = {  # what the crowd says when a scenario gives no pool for a stance
    "hostile": "What were you thinking, {org}? {hashtag}",
    "neutral": "Watching {hashtag} unfold with popcorn.",
    "supportive": "Give {org} a break, people. {hashtag}",
}
_DEFAULT_HANDLE_PARTS = (
    "real",
    "just",
    "the",
    "its",
    "mr",
    "ms",
    "daily",
    "urban",
    "quiet",
    "loud",
    "tired",
    "happy",
    "fox",
    "owl",
    "kat",
    "sam",
    "alex",
    "jo",
    "max",
    "lee",
    "jay",
    "dee",
    "kim",
    "ray",
    "bird",
    "news",
    "takes",
    "guy",
    "gal",
    "fan",
    "nerd",
    "dad",
    "mum",
    "mom",
    "dev",
    "writer",
    "ed",
)


def mix_bits(value: int) -> int:
    """A fixed 64-bit integer hash (splitmix64): stable handles without any random state."""
    value = (value + 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF
    value = ((value ^ (value >> 30)) * 0xBF58476D1CE4E5B9) & 0xFFFFFFFFFFFFFFFF
    value = ((value ^ (value >> 27)) * 0x94D049BB133111EB) & 0xFFFFFFFFFFFFFFFF
    return value ^ (value >> 31)


# Both are pure functions of their arguments, asked again for the same accounts turn after turn
# (a feed of 25 posts, a few hundred accounts in a game): cached, not recomputed.
@functools.lru_cache(maxsize=4096)  # not a parameter: a cache's size
def _handle(node: int, seed: int, parts: tuple[str, ...]) -> str:
    h = mix_bits(node * 1_000_003 + seed)
    first_index = h % len(parts)
    # The second part is any other part: never "Tax Tax" or "Mum Mum".
    others = max(1, len(parts) - 1)
    second_index = (first_index + 1 + (h >> 16) % others) % len(parts) if len(parts) > 1 else 0
    first, second = parts[first_index], parts[second_index]
    digits = (h >> 32) % 1000
    handle = f"{first}{second.capitalize()}" if (h >> 8) % 3 else f"{first}_{second}"
    if (h >> 12) % 2:
        handle = f"{handle}{digits}"
    return handle[:20]


@functools.lru_cache(maxsize=4096)  # not a parameter: a cache's size
def _display_name(handle: str) -> str:
    words = re.findall(r"[A-Z]?[a-z]+|\d+", handle)
    return " ".join(word.capitalize() for word in words if not word.isdigit()) or handle


class TextMaker:
    """Deals template texts and invents crowd handles for one game (its state forks with it).

    Words have a random stream of their own, split from the game's seed: editing a template, or
    adding one, changes which words appear but never the figures the spread model draws.
    """

    def __init__(self, scenario: Scenario, seed: int, rng: np.random.Generator):
        self.scenario = scenario
        self.seed = seed
        self.rng = rng
        templates = scenario.templates
        self.base = {stance: list(getattr(templates, stance)) for stance in STANCE_NAMES}
        self.situation: tuple[int, ...] = ()
        self.situations_seen: set[int] = set()  # for the balance report: pools whose time never came
        self.pools: dict[str, list[str]] = {}
        self.decks: dict[str, list[int]] = {}
        self._deal_anew()
        self.parts = tuple(part for part in templates.handles) or _DEFAULT_HANDLE_PARTS

    def set_situation(self, holding: tuple[int, ...]) -> None:
        """Which of the scenario's situational pools hold now (their indexes). Posts that claim a
        situation ("it's trending") join the pools only while it is true; a change reshuffles."""
        self.situations_seen.update(holding)
        if holding != self.situation:
            self.situation = holding
            self._deal_anew()

    def _deal_anew(self) -> None:
        situational = self.scenario.templates.situational
        for stance in STANCE_NAMES:
            extra = [text for index in self.situation for text in getattr(situational[index], stance)]
            self.pools[stance] = self.base[stance] + extra or [_FALLBACK[stance]]
            self.decks[stance] = []

    def handle_for(self, node: int) -> str:
        """A stable, invented handle for a crowd node."""
        return _handle(node, self.seed, self.parts)

    @staticmethod
    def display_name(handle: str) -> str:
        return _display_name(handle)

    def text(self, stance: str, avoid: set[str]) -> str:
        """A crowd post in ``stance``, not in ``avoid`` when the pool allows it."""
        pool = self.pools[stance]
        for _ in range(4):
            deck = self.decks[stance]
            if not deck:
                deck.extend(int(i) for i in self.rng.permutation(len(pool)))
            text = self.fill(pool[deck.pop()])
            if text not in avoid:
                return text
        return text

    def fill(self, template: str, rng: np.random.Generator | None = None, **extra: str) -> str:
        """``template`` with its slots filled, drawing from the words' stream unless told otherwise."""
        rng = self.rng if rng is None else rng
        fills = self.scenario.templates.fills
        known = {
            "hashtag": self.scenario.campaign.hashtag,
            "org": self.scenario.organisation.name,
            "handle": "@" + self.scenario.organisation.handle,
            **extra,
        }

        def replace(match: re.Match[str]) -> str:
            name = match.group(1)
            if name in known:
                return known[name]
            choices = fills.get(name)
            if choices:
                return choices[int(rng.integers(len(choices)))]
            return str(match.group(0))

        return _SLOT.sub(replace, template)
