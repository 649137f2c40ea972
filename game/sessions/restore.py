"""Bring a game back from its session log by replaying it through the engine.

A log is trusted only as far as it is consistent: each line must parse, each action must be one the
engine knows and accepts in the turn the line names, and each turn's end must give the figures the
log recorded.  At the first line that breaks this, restoring stops and a warning says where and why;
the game is what the consistent part gives (never a silently different game).

Lines after the last turn's end (actions of the turn being played when the game was killed) are
replayed too when they are complete.  A truncated last line is dropped with a warning.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from game.scenario.untrusted import clean
from game.sessions import store
from game.sessions.errors import SessionError
from game.sessions.log import SessionInfo, header_info, sha256_of

# No game takes more actions in one turn: the attention budget allows at most 20 (models.Actions),
# free custom actions are clicked by hand, and a workshop facilitator fires a handful of injects.  A
# log with more is not a game; replaying it would only burn time (200,000 injects took minutes).
MAX_ACTIONS_PER_TURN = 1000

# Figures an end_turn line records, compared after replaying it (rounded as GameState rounds them).
_CHECKED = ("reputation", "total_posts")


@dataclass
class Line:
    number: int  # 1-based line number in the file
    end: int  # byte offset just after this line
    entry: dict


@dataclass
class ReadLog:
    info: SessionInfo
    header_end: int
    lines: list[Line]
    warnings: list[str] = field(default_factory=list)
    stop_reason: str | None = None  # why reading stopped before the end of the file


@dataclass
class Restored:
    """What :func:`restore` gives: the game, the log's header, what went wrong, and how far the log is good."""

    game: object
    info: SessionInfo
    warnings: list[str]
    valid_bytes: int  # the log up to here is consistent (Recorder.reopen cuts after it)
    scenario_path: Path


def read_log(path: Path) -> ReadLog:
    """Split a log into parsed lines; stops (with a warning) at the first line that is not a JSON object."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SessionError(f"cannot read {path}: {error.strerror or error}") from None
    if not data.strip():
        raise SessionError(f"{path.name} is empty: not a Bashtag session log")
    raw_lines = data.split(b"\n")
    complete_last = data.endswith(b"\n")
    if complete_last:
        raw_lines = raw_lines[:-1]
    offset = 0
    parsed: list[Line] = []
    warnings: list[str] = []
    stop = None
    header_end = 0
    stripped: list[int] = []
    in_turn = 0  # action lines since the last turn's end
    for index, raw in enumerate(raw_lines):
        number = index + 1
        is_last = index == len(raw_lines) - 1
        end = offset + len(raw) + (0 if (is_last and not complete_last) else 1)
        entry = _parse(raw)
        if entry is not None:
            removed: list[str] = []
            entry = _cleaned(entry, removed)
            if removed:
                stripped.append(number)
        if entry is None:
            if index == 0:
                raise SessionError(f"{path.name} is not a Bashtag session log (line 1 is not a JSON header)")
            if is_last and not complete_last:
                warnings.append(
                    f"the last line ({number}) was cut off, probably when the game was killed; it was dropped"
                )
            else:
                stop = f"line {number} is not valid JSON"
            break
        if index == 0:
            info = header_info(entry, path)
            header_end = end
        else:
            if entry.get("t") == "action":
                in_turn += 1
                if in_turn > MAX_ACTIONS_PER_TURN:
                    stop = (
                        f"line {number} is one action too many in turn {entry.get('turn')!r}: no game "
                        f"takes more than {MAX_ACTIONS_PER_TURN:,} in a turn"
                    )
                    break
            else:
                in_turn = 0
            parsed.append(Line(number, end, entry))
        offset = end
    if stripped:
        shown = ", ".join(map(str, stripped[:5])) + (f" and {len(stripped) - 5} more" if len(stripped) > 5 else "")
        warnings.append(
            f"control characters (terminal escape codes or invisible marks) were removed from "
            f"the text of line{'s' if len(stripped) > 1 else ''} {shown}"
        )
    return ReadLog(info=info, header_end=header_end, lines=parsed, warnings=warnings, stop_reason=stop)


def _parse(raw: bytes) -> dict | None:
    try:
        value = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    return value if isinstance(value, dict) else None


_MAX_ENTRY_DEPTH = 8  # a log entry is an object holding an action object; nothing nests deeper


def _cleaned(value, removed: list[str], depth: int = 0):
    """``value`` (parsed JSON) with control characters stripped from every text in it, keys too:
    a log comes from strangers through `bashtag import`, and its texts (an inject's headline, the
    header's date) are printed by `replay` and `sessions`.  None when it nests too deeply."""
    if isinstance(value, str):
        text, gone = clean(value)
        removed.extend(gone)
        return text
    if depth > _MAX_ENTRY_DEPTH:
        return None
    if isinstance(value, dict):
        result = {}
        for key, item in value.items():
            item = _cleaned(item, removed, depth + 1)
            if item is None and value[key] is not None:
                return None
            result[_cleaned(key, removed, depth + 1)] = item
        return result
    if isinstance(value, list):
        items = [_cleaned(item, removed, depth + 1) for item in value]
        return None if any(a is None and b is not None for a, b in zip(items, value)) else items
    return value


def locate_scenario(info: SessionInfo) -> tuple[Path, bool]:
    """The scenario file to replay with, and whether its content is the one recorded.

    An imported session's own copy comes first; then the path or built-in id in the header."""
    from game.scenario.library import LibraryError, resolve

    candidates: list[Path] = []
    copy = store.scenario_copy(info.path)
    if copy.is_file():
        candidates.append(copy)
    try:
        candidates.append(resolve(info.scenario_ref))
    except LibraryError:
        pass
    if info.scenario_ref != info.scenario_id:
        try:
            candidates.append(resolve(info.scenario_id))
        except LibraryError:
            pass
    if not candidates:
        raise SessionError(
            f"the scenario {info.scenario_ref!r} this game was played with cannot be found; "
            "import an exported copy of the game (it carries its scenario) or restore the file"
        )
    for candidate in candidates:
        try:
            if sha256_of(candidate) == info.scenario_sha256:
                return candidate, True
        except OSError:
            continue
    return candidates[0], False


def restore(
    path_or_ref, accept_changed_scenario: bool = False, on_turn: Callable[[object, list, object], None] | None = None
) -> Restored:
    """Replay a session log; see the module docstring.  ``on_turn(game, actions, report)`` is called after
    every replayed turn's end (the replay stepper uses it)."""
    from game.engine.game import Game
    from game.scenario.loader import load_scenario
    from game.scenario.problems import ScenarioError

    path = store.find(path_or_ref) if not isinstance(path_or_ref, Path) else path_or_ref
    if not path.is_file():
        raise SessionError(f"no saved game at {path}")
    log = read_log(path)
    info = log.info
    scenario_path, same = locate_scenario(info)
    try:
        scenario = load_scenario(scenario_path)
    except ScenarioError as error:
        raise SessionError(f"the scenario {scenario_path} no longer loads:\n{error}") from None
    except OSError as error:
        raise SessionError(f"cannot read the scenario {scenario_path}: {error.strerror or error}") from None
    warnings = list(log.warnings)

    if not same and not accept_changed_scenario:
        # Try it: the offer to replay anyway is made only if every recorded action still applies.
        trial = _replay(_new_game(Game, scenario, info.seed), log, strict=True)
        if trial.problem:
            raise SessionError(
                f"the scenario {scenario_path} has changed since this game was recorded, and the game cannot "
                f"be replayed on it: {trial.problem}"
            )
        raise SessionError(
            f"the scenario {scenario_path} has changed since this game was recorded; every recorded action "
            "still applies, so it can be replayed anyway, but the figures may differ from the original game",
            scenario_changed=True,
        )

    game = _new_game(Game, scenario, info.seed)
    result = _replay(game, log, strict=same, on_turn=on_turn)
    if not same:
        warnings.append(
            f"the scenario {scenario_path} has changed since this game was recorded; "
            "the game was replayed on the new version and its figures may differ"
        )
    if result.problem:
        game = result.game
        where = f"turn {game.state.turn}" if not game.over else "the end"
        warnings.append(f"{result.problem}; the game was restored up to {where} and the rest of the log ignored")
        from game import __version__

        if info.bashtag != __version__:
            # The likeliest cause, said plainly: an engine change plays the same choices differently.
            warnings.append(
                f"this game was recorded with Bashtag {info.bashtag}; this is {__version__}, whose "
                "engine may play the same choices differently"
            )
    elif log.stop_reason:
        warnings.append(
            f"{log.stop_reason}; the game was restored up to turn {result.game.state.turn} "
            "and the rest of the log ignored"
        )
    state = result.game.state
    final = SessionInfo(
        **{
            **info.__dict__,
            "turn": state.turn,
            "turns_played": len(state.history),
            "reputation": state.reputation,
            "total_posts": state.total_posts,
            "outcome": state.ending.outcome if state.ending else None,
            "valid_bytes": result.valid_bytes,
        }
    )
    return Restored(result.game, final, warnings, result.valid_bytes, scenario_path)


def _engine_failed(error: Exception, what: str) -> SessionError:
    """The game refused: the engine broke on it.  A scenario that validates should never do this, but
    a saved game or an import comes from strangers, and a traceback must not reach the player."""
    detail = str(error).splitlines()[0][:160] if str(error) else ""
    return SessionError(
        f"this game cannot be restored: the engine failed {what} ({type(error).__name__}"
        f"{': ' + detail if detail else ''}). The scenario it was played with is probably broken; "
        "check it with `bashtag validate`"
    )


def _new_game(Game, scenario, seed):
    try:
        return Game(scenario, seed)
    except Exception as error:  # noqa: BLE001 - see _engine_failed
        raise _engine_failed(error, "to start it") from None


@dataclass
class _Result:
    game: object
    valid_bytes: int
    problem: str | None = None


def _replay(game, log: ReadLog, strict: bool, on_turn=None) -> _Result:
    """Apply the log's lines to ``game``.  On the first inconsistent line, return the game as the
    consistent part left it (rebuilt from the last good turn's end if the bad line was a turn's end)."""
    from game.engine.actions import ActionNotAllowed, action_from_dict

    valid = log.header_end
    turn_actions: list = []
    good_turn_end = log.header_end  # byte offset after the last verified end_turn
    good_lines = 0  # lines up to it
    # The turn being played, followed here: ``game.state`` copies every action taken so far, so
    # asking it once a line made restoring quadratic (200,000 injects took minutes to import).
    current = game.state.turn
    for count, line in enumerate(log.lines, start=1):
        entry, number = line.entry, line.number
        kind = entry.get("t")
        turn = entry.get("turn")
        if kind not in ("action", "end_turn"):
            return _Result(game, valid, f"line {number} has an unknown entry kind {kind!r}")
        if not isinstance(turn, int) or isinstance(turn, bool) or turn != current:
            return _Result(
                game,
                valid,
                f"line {number} is for turn {turn!r} but the game is at turn {current} (lines out of order?)",
            )
        if game.over:
            return _Result(game, valid, f"line {number} comes after the end of the game")
        if kind == "action":
            try:
                action = action_from_dict(entry.get("action"))
            except ValueError as error:
                return _Result(game, valid, f"line {number}: {error}")
            try:
                game.apply(action)
            except ActionNotAllowed as error:
                return _Result(
                    game,
                    valid,
                    f"line {number}: the game refuses the recorded action ({_label(entry)}): {error.reason}",
                )
            except Exception as error:  # noqa: BLE001
                # The log is untrusted input: an action the engine's checks missed must still end in a
                # plain message, not a traceback (the engine refuses everything we know of cleanly).
                # It may have failed half-way: rebuild the game from the lines before it.
                return _Result(
                    _rebuild(game, log, count - 1),
                    valid,
                    f"line {number}: the recorded action ({_label(entry)}) cannot be applied ({type(error).__name__})",
                )
            turn_actions.append(action)
        else:
            try:
                report = game.end_turn()
            except Exception as error:  # noqa: BLE001 - see _engine_failed
                raise _engine_failed(error, f"at the end of turn {turn} (line {number})") from None
            record = report.record  # the figures the log recorded from the state, rounded alike
            current = game.state.turn if game.over else record.turn + 1
            if strict:
                for name in _CHECKED:
                    if name in entry and entry[name] != getattr(record, name):
                        rebuilt = _rebuild(game, log, good_lines)
                        return _Result(
                            rebuilt,
                            good_turn_end,
                            f"line {number}: the end of turn {turn} gives {name} {getattr(record, name)} "
                            f"but the log recorded {entry[name]} (the log was edited, or the game "
                            "changed)",
                        )
            if on_turn:
                on_turn(game, turn_actions, report)
            turn_actions = []
            good_turn_end = line.end
            good_lines = count
        valid = line.end
    return _Result(game, valid)


def _rebuild(game, log: ReadLog, lines: int):
    from game.engine.actions import action_from_dict
    from game.engine.game import Game

    try:
        fresh = Game(game.scenario, game.seed, game.world.params)
        for line in log.lines[:lines]:
            if line.entry["t"] == "action":
                fresh.apply(action_from_dict(line.entry["action"]))
            else:
                fresh.end_turn()
    except Exception as error:  # noqa: BLE001 - these lines replayed once already; see _engine_failed
        raise _engine_failed(error, "replaying it a second time") from None
    return fresh


def _label(entry: dict) -> str:
    action = entry.get("action")
    if isinstance(action, dict):
        return ", ".join(f"{k}={v}" for k, v in action.items())
    return repr(action)


def resume(path_or_latest="latest", accept_changed_scenario: bool = False):
    """``(Game, SessionInfo, warnings)`` for a saved game (an id, a path, or ``"latest"``)."""
    restored = restore(path_or_latest, accept_changed_scenario=accept_changed_scenario)
    return restored.game, restored.info, restored.warnings


def quick_info(path: Path) -> SessionInfo:
    """A log's header and last recorded figures, without replaying it (for the list of saved games)."""
    log = read_log(path)
    info = log.info
    turns = 0
    last = None
    for line in log.lines:
        if line.entry.get("t") == "end_turn":
            turns += 1
            last = line.entry
    if last is None:
        return info
    return SessionInfo(
        **{
            **info.__dict__,
            "turns_played": turns,
            "turn": turns + 1,
            "reputation": last.get("reputation"),
            "total_posts": last.get("total_posts"),
            "outcome": last.get("outcome") if isinstance(last.get("outcome"), str) else None,
        }
    )


__all__ = ["Restored", "restore", "resume", "quick_info", "read_log", "locate_scenario"]
