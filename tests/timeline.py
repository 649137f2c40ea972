"""Reading a simulated game's timeline (``RunResult.timeline``) the way the calibration tests
compare it with the record: posts between two moments, the busiest turn, the first press story."""

from __future__ import annotations

import datetime as dt

from game.engine.simulate import posts_between  # noqa: F401  (the one definition, shared)


def turn_spans(timeline: list[dict]) -> list[tuple[dt.datetime, dt.datetime, dict]]:
    """(start, end, row) per turn."""
    return [(dt.datetime.fromisoformat(row["time"]), dt.datetime.fromisoformat(row["end"]), row) for row in timeline]


def busiest_turn(timeline: list[dict]) -> tuple[dt.datetime, float]:
    """The start of the turn with the most posts a minute (turns differ in length), and that rate."""
    rates = [(start, row["posts"] / ((end - start).total_seconds() / 60)) for start, end, row in turn_spans(timeline)]
    return max(rates, key=lambda pair: pair[1])


def first_press(timeline: list[dict]) -> dt.datetime | None:
    """The start of the turn in which the first outlet published, if any did."""
    for row in timeline:
        if any(event.startswith("press-") for event in row["events"]):
            return dt.datetime.fromisoformat(row["time"])
    return None
