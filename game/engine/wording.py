"""How the engine writes figures into the sentences a player reads ("1.2M readers", "35k people")."""

from __future__ import annotations


def people(count: float) -> str:
    """A head count as a person says it: 1.2M, 35k, 800."""
    if count >= 1e6:
        return f"{count / 1e6:.1f}M"
    if count >= 1e3:
        return f"{count / 1e3:.0f}k"
    return f"{int(count)}"
