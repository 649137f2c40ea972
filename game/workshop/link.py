"""What ties one team's game to the workshop store.

A :class:`TeamLink` is three things to the team's :class:`~game.engine.controller.GameController`:

* a listener: after every action and turn's end it writes the team's figures to the store, so the
  dashboard and ``workshop status`` see them;
* a gate: ``gate()`` says why the team may not end its turn now (lockstep, pause, workshop ended);
* a mailbox: ``poll(controller)`` applies the injects the facilitator queued for this team, as
  ``Inject`` actions through the controller (so the session log records them and replay stays exact).

The same code runs under the Textual play screen (which polls on a timer) and under the headless
driver the multi-process test uses.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from game.engine.actions import ActionNotAllowed, Inject
from game.engine.injects import inject_answers
from game.workshop.store import HEARTBEAT_EVERY, Team, Workshop, WorkshopStore


@dataclass
class PollResult:
    """What changed since the last poll, for the screen to show."""

    injected: list[str] = field(default_factory=list)  # "headline" of each inject just applied
    refused: list[str] = field(default_factory=list)  # injects the engine refused (with why)
    blocked: str | None = None  # why the turn cannot end now, or None
    resume_end_turn: bool = False  # the team asked to end its turn and now may


class TeamLink:
    """One team's connection to the workshop (see the module docstring)."""

    def __init__(self, store: WorkshopStore, team: Team, workshop: Workshop):
        self.store = store
        self.team = team
        self.workshop = workshop
        self.waiting = team.waiting
        self._beat = 0.0  # when this window last told the store it is alive (monotonic)
        self._answers: dict[str, list[str | None]] = {}  # what answered each inject, as last recorded

    @property
    def team_name(self) -> str:
        return self.team.name

    # ------------------------------------------------------------------------------ listener

    def on_action(self, game, action, changes) -> None:
        self._report(game)

    def on_end_turn(self, game, report) -> None:
        self.waiting = False
        self._report(game)

    def _report(self, game) -> None:
        state = game.state
        # Each with its turn, so the dashboard never shows an old decision as if it were the latest move.
        labels = [f"turn {t.turn}: {t.label}" for t in state.taken if t.kind != "inject"][-5:]
        try:
            self.store.report_progress(
                self.team.id,
                turn=state.turn,
                turns_total=state.turns_total,
                sim_time=state.time.isoformat(),
                reputation=state.reputation,
                press=state.press,
                virality=state.virality,
                total_posts=state.total_posts,
                outcome=state.ending.outcome if state.ending else None,
                last_actions=labels,
                waiting=self.waiting,
                history=[(r.reputation, r.posts) for r in state.history],
                reactions=(
                    (state.video.reactions.likes, state.video.reactions.dislikes) if state.video is not None else None
                ),
            )
            self._beat = time.monotonic()
            self._record_answers(game.scenario, state.taken)
        except Exception:  # noqa: BLE001 - a busy or missing store must never stop a team's game
            pass

    def _record_answers(self, scenario, taken) -> None:
        """Tell the store which injects the team has answered (an ``answered_by`` action after it),
        when that changed: the dashboard's timeline and ``workshop status`` show them."""
        if not any(inject.answered_by for inject in scenario.injects):
            return
        found: dict[str, list[str | None]] = {}
        for item in inject_answers(scenario, taken):
            if item.inject_id and item.asks:
                answer = item.answer
                found.setdefault(item.inject_id, []).append(f"turn {answer.turn}: {answer.label}" if answer else None)
        if found != self._answers:
            self.store.record_answers(self.team.id, found)
            self._answers = found

    def report_now(self, game) -> None:
        """Tell the store where the game stands (on joining, before any action)."""
        self._report(game)

    # ------------------------------------------------------------------------------ gate

    def refresh(self) -> Workshop:
        """Read the workshop again; ticks the turn timer on the way (it runs with the dashboard closed)."""
        try:
            self.store.tick_timer(self.workshop.id)
        except Exception:  # noqa: BLE001 - a busy store: the next poll ticks it
            pass
        self.workshop = self.store.workshop(self.workshop.id)
        return self.workshop

    def why_blocked(self, game) -> str | None:
        """Why the team may not end its turn now (from the last refreshed workshop), or None."""
        workshop = self.workshop
        if workshop.ended:
            return "The workshop has ended: the facilitator has closed it."
        if workshop.paused:
            return "The facilitator has paused the workshop: waiting for the facilitator."
        if workshop.lockstep and game.state.turn >= workshop.open_turn:
            return f"Waiting for the facilitator to open turn {game.state.turn + 1} (every team moves on together)."
        return None

    def gate(self, game) -> str | None:
        """The controller's gate: refreshes from the store; a refusal marks the team as waiting."""
        try:
            self.refresh()
        except Exception:  # noqa: BLE001 - the store unreadable: do not hold the team hostage
            return None
        reason = self.why_blocked(game)
        if reason and not self.waiting:
            self.waiting = True
            try:
                self.store.set_waiting(self.team.id, True)
            except Exception:  # noqa: BLE001
                pass
        return reason

    def take_back_end_turn(self) -> bool:
        """The team had asked to end its turn and changes its mind (allowed until the next turn opens):
        its actions unlock.  Returns whether there was anything to take back."""
        if not self.waiting or self.workshop.ended:
            return False
        self.waiting = False
        try:
            self.store.set_waiting(self.team.id, False)
        except Exception:  # noqa: BLE001 - the dashboard shows "waiting" a moment longer
            pass
        return True

    def why_locked(self, game) -> str | None:
        """Why the team may not act now (read fresh from the store), or None: the workshop has ended
        (nothing more is written to the team's game), or the team has ended its turn and waits."""
        try:
            self.refresh()
        except Exception:  # noqa: BLE001 - the store unreadable: do not hold the team hostage
            pass
        if self.workshop.ended:
            return "The workshop has ended: your game is kept as it was for the debrief; no more actions."
        if self.waiting:
            return (
                f"You have ended turn {game.state.turn}: your actions are locked until the facilitator opens "
                "the next turn. Press e to take back the end of your turn."
            )
        return None

    def banner(self, game, now: float | None = None) -> str | None:
        """The line a team sees at all times in a workshop: the end, a pause, its own wait, the turn timer."""
        workshop = self.workshop
        if workshop.ended:
            return "The workshop has ended. Your game is saved as it stands; the facilitator will lead the debrief."
        parts = []
        if workshop.paused:
            parts.append("PAUSED by the facilitator")
        if self.waiting:
            parts.append(f"You have ended turn {game.state.turn}: actions locked (e takes it back)")
            if workshop.lockstep and game.state.turn >= workshop.open_turn and not workshop.paused:
                parts.append(f"waiting for the facilitator to open turn {game.state.turn + 1}")
        remaining = workshop.timer_remaining(now)
        if workshop.lockstep and remaining is not None:
            left = int(remaining + 0.999)
            if workshop.paused:
                parts.append(f"turn timer stopped at {left // 60}:{left % 60:02d}")
            elif left:
                parts.append(
                    f"turn {workshop.open_turn + 1} opens in {left // 60}:{left % 60:02d}"
                    if game.state.turn >= workshop.open_turn
                    else f"the next turn opens in {left // 60}:{left % 60:02d}"
                )
        return " · ".join(parts) or None

    # ------------------------------------------------------------------------------ mailbox

    def beat(self) -> None:
        """Tell the store this window is alive (at most every HEARTBEAT_EVERY seconds): the dashboard shows
        a window silent for longer as offline (a closed browser tab)."""
        if time.monotonic() - self._beat < HEARTBEAT_EVERY:
            return
        try:
            self.store.heartbeat(self.team.id)
            self._beat = time.monotonic()
        except Exception:  # noqa: BLE001 - the next beat tries again
            pass

    def poll(self, controller, now: float | None = None) -> PollResult:
        """Apply pending injects through ``controller`` and say whether a waiting team may now move on
        (``now``, epoch seconds, for tests: injects are held a few seconds so the facilitator can undo)."""
        result = PollResult()
        self.beat()
        try:
            self.refresh()
            pending = self.store.pending_injects(self.team.id, now=now)
        except Exception:  # noqa: BLE001 - try again at the next poll
            return result
        delivered = []
        if self.workshop.ended:  # after the end nothing more is written to the team's game
            pending = []
        for item in pending:
            if controller.game.over:
                delivered.append(item.id)
                continue
            action = Inject(
                inject_id=item.inject_id or None,
                headline=None if item.inject_id else item.headline,
                text=None if item.inject_id else item.text,
            )
            try:
                controller.apply(action)
            except ActionNotAllowed as error:
                result.refused.append(error.reason)
            else:
                event = controller.game.state.events[-1] if controller.game.state.events else None
                result.injected.append(event.headline if event else (item.headline or item.inject_id or "inject"))
            delivered.append(item.id)
        try:
            self.store.mark_delivered(delivered)
        except Exception:  # noqa: BLE001 - joining again reconciles them with the log (store.reconcile_injects)
            pass
        result.blocked = None if controller.game.over else self.why_blocked(controller.game)
        if self.waiting and result.blocked is None and not controller.game.over:
            result.resume_end_turn = True
        return result
