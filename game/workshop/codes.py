"""Join codes and facilitator codes: random, short enough to read aloud, stored only as hashes.

A code is three groups of four characters from a 31-letter alphabet without look-alikes (no 0/O,
1/I/L): ``K7QX-M2PA-9RTE``.  That is 31**12 ≈ 2**59 possibilities, drawn with :mod:`secrets`, so one
team's code says nothing about another's and guessing one over a workshop's life is hopeless.
The store keeps ``hash_code(code)`` only; a lost code cannot be read back, only replaced.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
GROUPS, GROUP_LEN = 3, 4
# A fixed key only separates these hashes from any other sha256 use; the codes' entropy is the secret.
_KEY = b"bashtag-workshop-code-v1"


def new_code() -> str:
    """A fresh random code, e.g. ``K7QX-M2PA-9RTE``."""
    return "-".join("".join(secrets.choice(ALPHABET) for _ in range(GROUP_LEN)) for _ in range(GROUPS))


def normalise(code: str) -> str:
    """What the player typed, as stored: upper case, without spaces or dashes (``k7qx m2pa 9rte`` works)."""
    return "".join(ch for ch in str(code).upper() if ch.isalnum())


def well_formed(code: str) -> bool:
    text = normalise(code)
    return len(text) == GROUPS * GROUP_LEN and all(ch in ALPHABET for ch in text)


def hash_code(code: str) -> str:
    """The stored form of a code: HMAC-SHA256 of its normalised text, hex."""
    return hmac.new(_KEY, normalise(code).encode("ascii", "replace"), hashlib.sha256).hexdigest()


def matches(code: str, stored_hash: str) -> bool:
    """Whether ``code`` is the one ``stored_hash`` was made from (in constant time)."""
    return secrets.compare_digest(hash_code(code), stored_hash)
