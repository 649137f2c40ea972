"""What the title screen's "Continue" and `bashtag play --resume` need: the latest unfinished game,
restored and recording on.  No UI code here: the app passes in what to do with the game.
"""

from __future__ import annotations

from collections.abc import Callable

from game.sessions import store
from game.sessions.errors import SessionError
from game.sessions.log import Recorder, SessionInfo
from game.sessions.restore import quick_info, resume


def latest_unfinished() -> SessionInfo | None:
    """The most recently written saved game that has not ended, or None."""
    files = sorted(store.session_files(), key=lambda p: (p.stat().st_mtime, p.name), reverse=True)
    for path in files:
        try:
            info = quick_info(path)
        except SessionError:
            continue
        if info.outcome is None:
            return info
    return None


def resume_recording(ref="latest", accept_changed_scenario: bool = False):
    """``(game, recorder or None, info, warnings)``: the game restored and a recorder appending to its
    log (None once the game is over). Raises SessionError."""
    game, info, warnings = resume(ref, accept_changed_scenario=accept_changed_scenario)
    if game.over:
        return game, None, info, warnings
    try:
        recorder = Recorder.reopen(info)
    except OSError as error:
        warnings = warnings + [f"this game can be played on but not saved: {error.strerror or error}"]
        recorder = None
    return game, recorder, info, warnings


def continue_hook(resume_into: Callable, on_error: Callable[[str], None]) -> Callable[[], tuple | None]:
    """For ``BashtagApp(continue_hook=...)``: returns ``(label, resume)`` for the latest unfinished game,
    or None.  ``resume()`` calls ``resume_into(scenario, game, recorder, warnings)``, or ``on_error(message)``
    when the game cannot be restored."""

    def hook():
        info = latest_unfinished()
        if info is None:
            return None
        label = f"{info.scenario_id}, turn {info.turn} (started {info.created.replace('T', ' ')[:16]})"

        def resume_it() -> None:
            try:
                game, recorder, _, warnings = resume_recording(info.path)
            except SessionError as error:
                on_error(str(error))
                return
            resume_into(game.scenario, game, recorder, warnings)

        return label, resume_it

    return hook
