"""A team's process without a screen: joins by code and plays every turn through the same GameController
and TeamLink the play screen uses (the multi-process test runs several of these at once).

    python team_driver.py CODE STYLE START_AT
STYLE is ``cancel`` (cancels early), ``pause``, ``watch``, ``slow`` (watches, 0.2 s a turn) or ``stop3`` (plays
turns 1 and 2, then stays on turn 3 without ending it); START_AT is a wall-clock time (epoch seconds) every
driver waits for, so the teams end their turns at the same instants.  A driver stops when the game is
over or the facilitator ends the workshop.
"""

from __future__ import annotations

import sys
import time

from game.engine.actions import ActionNotAllowed, Cancel, Monitor, Pause
from game.engine.controller import TurnGated
from game.workshop.joining import join


def main(code: str, style: str, start_at: float) -> int:
    joined = join(code)
    controller, recorder = joined.headless()
    time.sleep(max(0.0, start_at - time.time()))
    while not controller.game.over and not joined.link.workshop.ended:
        joined.link.poll(controller)  # injects arrive as logged Inject actions
        turn = controller.game.state.turn
        if style == "stop3" and turn == 3:
            time.sleep(0.1)
            continue
        try:
            if turn == 3 and style == "cancel":
                controller.apply(Cancel())
            elif turn == 3 and style == "pause":
                controller.apply(Pause())
            elif turn == 4:
                controller.apply(Monitor())
        except ActionNotAllowed:
            pass
        if style == "slow":
            time.sleep(0.2)
        while True:
            try:
                controller.end_turn()
                break
            except TurnGated:
                if joined.link.workshop.ended:
                    break
                time.sleep(0.05)
    recorder.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], float(sys.argv[3])))
