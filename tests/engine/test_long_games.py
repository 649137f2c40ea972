"""A turn's cost does not grow with the turns before it (issue 19 item 8: 800 turns took 6x 200)."""

from __future__ import annotations

from game.engine.state import TakenAction
from game.engine.turn import _this_turns_actions


class CountingList(list):
    """A list that counts how many of its items a reader looked at."""

    looked = 0

    def __reversed__(self):
        for item in super().__reversed__():
            CountingList.looked += 1
            yield item

    def __iter__(self):
        for item in super().__iter__():
            CountingList.looked += 1
            yield item


def test_a_turns_record_reads_only_that_turns_actions():
    class World:  # the two fields the record reads
        turn = 4000
        taken = CountingList(
            [TakenAction(t, "monitor", "Monitored", {"kind": "monitor"}, ()) for t in range(1, 4000) for _ in range(3)]
            + [
                TakenAction(4000, "reply", "Reply", {"kind": "reply"}, ()),
                TakenAction(4000, "pause", "Paused", {"kind": "pause"}, ()),
            ]
        )

    CountingList.looked = 0
    assert _this_turns_actions(World) == ("reply", "pause")
    assert CountingList.looked <= 3, f"looked at {CountingList.looked} of {len(World.taken)} actions"
