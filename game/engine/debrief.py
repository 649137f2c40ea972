"""The debrief's analysis: the player's path beside history, the decisions that mattered, and
"what if" — the same game forked at a decision and played on with another choice.

Pure and deterministic like the rest of the engine: the debrief screen and the reports both read
the same :class:`Debrief`.  A fork is made by replaying the decision log from the seed (the engine
is deterministic, so a replay is the game), then taking the other choice and the player's later
actions, as far as the new situation allows them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from game.engine.actions import Action, ActionNotAllowed, Cancel, MakePrivate, Reply, Statement, action_from_dict
from game.engine.carriers import Carriers, carriers
from game.engine.explain import judge, labels_of
from game.engine.game import Game
from game.engine.responses import POSTURE_RANK
from game.engine.rules import RULES
from game.engine.state import Change, EndingInfo, TakenAction, TurnRecord
from game.engine.strategies import make_strategy, take_turn
from game.scenario.models import Lesson, Scenario, TimelineEntry


@dataclass(frozen=True)
class Decision:
    turn: int
    time: dt.datetime
    label: str
    impact: float  # reputation points it moved at once
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class WhatIf:
    turn: int
    time: dt.datetime
    label: str  # "If you had cancelled at 15:00"
    player_reputation: float
    alt_reputation: float
    player_posts: int
    alt_posts: int
    alt_outcome: str
    alt_history: tuple[TurnRecord, ...]


@dataclass(frozen=True)
class EndingWhy:
    """Why the game ended as it did, from the clauses of the endings' conditions, in the player's terms.

    ``because``: the clauses of the reached ending's condition that held.  ``better``: the nearest
    better ending (fewest clauses away), if any, with the clauses that stood in its way
    (``stood_between``); ``checked_first`` is set when that ending held too, or would have, but the
    reached one comes before it in the scenario and so decided (one slip deciding a good game).
    """

    ending_id: str
    because: tuple[str, ...]
    better_title: str | None = None
    better_outcome: str | None = None
    stood_between: tuple[str, ...] = ()
    checked_first: bool = False


@dataclass(frozen=True)
class Debrief:
    outcome: EndingInfo | None
    finished: bool
    player: tuple[TurnRecord, ...]
    historical: tuple[TurnRecord, ...]
    decisions: tuple[Decision, ...]
    biggest_changes: tuple[Change, ...]
    what_ifs: tuple[WhatIf, ...]
    lessons: tuple[Lesson, ...]
    summary: str
    timeline: tuple[TimelineEntry, ...]
    sources: tuple[str, ...]
    questions: tuple[str, ...]
    # What the historical path is called beside the player's: the record for a real case, the
    # scenario's own name for its model play in a fictional one ("What a seasoned manager did").
    benchmark: str = "What really happened"
    why: EndingWhy | None = None
    carriers: Carriers | None = None


def replay(game: Game, until_turn: int, taken: Sequence[TakenAction] | None = None) -> Game:
    """A new game from ``game``'s scenario and seed, with its decisions replayed up to the start of
    ``until_turn`` (no action of that turn taken yet)."""
    fresh = Game(game.scenario, game.seed, game.model_params)
    _play_log(fresh, taken if taken is not None else game.state.taken, until_turn)
    return fresh


def _play_log(game: Game, taken: Iterable[TakenAction], until_turn: int | None) -> None:
    by_turn: dict[int, list[TakenAction]] = {}
    for entry in taken:
        by_turn.setdefault(entry.turn, []).append(entry)
    while not game.over and (until_turn is None or game.state.turn < until_turn):
        for entry in by_turn.get(game.state.turn, []):
            try:
                game.apply(_translate(game, action_from_dict(entry.detail)))
            except (ActionNotAllowed, ValueError):
                continue  # the new situation does not allow it (the post is not in this feed)
        game.end_turn()


def _translate(game: Game, action: Action) -> Action:
    """A reply's target may not exist in a forked feed: answer the loudest critic instead."""
    if isinstance(action, Reply) and game.post(action.post_id) is None:
        hostile = [p for p in game.state.feed if p.source != "org" and p.stance == "hostile"]
        if hostile:
            return Reply(hostile[0].id, action.tone, action.text)
    return action


# What "a full apology" means for the what-if on the team's own words: it says sorry without a
# condition, owns the fault and says what will change (the reader reads it as rebuild; a test checks).
FULL_APOLOGY = (
    "We are sorry. We got this wrong and we take full responsibility. We will put it right, "
    "and we will tell you what we change."
)


def _alternatives(game: Game, entry: TakenAction) -> tuple[str, list[Action]] | None:
    """Another choice at the moment of ``entry``: (label, actions replacing it) or None."""
    when = entry.detail
    kind = entry.kind
    if kind in ("cancel", "pause", "delete", "monitor", "escalate", "hold_comments", "disable_ratings", "make_private"):
        return (f"If you had not {RULES[kind].past}", [])
    if kind == "reply" and when.get("tone") != "empathetic":
        return ("If you had replied with empathy", [Reply(when.get("post_id", ""), "empathetic")])
    if kind == "statement" and when.get("text"):
        # The team's own words: had they been a full apology, owning the fault and saying what changes.
        reading = game.read_statement(when["text"])
        if reading.posture and POSTURE_RANK[reading.posture] < POSTURE_RANK["rebuild"]:
            return ("If this had been a full apology", [Statement(text=FULL_APOLOGY)])
        return ("If you had said nothing", [])
    if kind == "statement":
        options = sorted(game.scenario.actions.statements, key=lambda s: -POSTURE_RANK[s.strategy])
        said = next((s for s in options if s.id == when.get("option")), None)
        best = next((s for s in options if not s.needs_escalation), None)
        if best and said and best.id != said.id and POSTURE_RANK[best.strategy] > POSTURE_RANK[said.strategy]:
            return (f"If you had said “{best.label}” instead", [Statement(best.id)])
        return ("If you had said nothing", [])
    return None


def _fork_and_play(
    game: Game, turn: int, replace: TakenAction | None, extra: list[Action], later: list[TakenAction]
) -> Game:
    taken = list(game.state.taken)
    fork = replay(game, turn, [t for t in taken if t.turn < turn])
    for entry in [t for t in taken if t.turn == turn and t is not replace]:
        try:
            fork.apply(_translate(fork, action_from_dict(entry.detail)))
        except (ActionNotAllowed, ValueError):
            pass
    for action in extra:
        try:
            fork.apply(_translate(fork, action))
        except ActionNotAllowed:
            pass
    if not fork.over:
        fork.end_turn()
    _play_log(fork, later, until_turn=None)
    return fork


def analyse(game: Game, what_if_limit: int = 3) -> Debrief:
    """Everything the debrief shows, for a finished (or unfinished) game."""
    state = game.state
    scenario = game.scenario
    decisions = tuple(
        Decision(
            turn=t.turn,
            time=game.world.turn_start(t.turn),
            label=t.label,
            impact=round(sum(c.delta for c in t.changes if c.meter == "reputation"), 2),
            reasons=tuple(c.describe() for c in t.changes),
        )
        for t in state.taken
    )
    all_changes = [c for record in state.history for c in record.changes if c.meter == "reputation"]
    biggest = tuple(sorted(all_changes, key=lambda c: -abs(c.delta))[:6])

    historical_game_history = play_strategy(game, "historical").state.history

    what_ifs: list[WhatIf] = []
    if state.history:
        ranked = sorted(state.taken, key=lambda t: -abs(sum(c.delta for c in t.changes)))
        seen_kinds: set[str] = set()
        for entry in ranked:
            if len(what_ifs) >= what_if_limit:
                break
            if entry.kind in seen_kinds or entry.kind == "inject":
                continue
            alternative = _alternatives(game, entry)
            if alternative is None:
                continue
            seen_kinds.add(entry.kind)
            label, extra = alternative
            later = [t for t in state.taken if t.turn > entry.turn]
            fork = _fork_and_play(game, entry.turn, entry, extra, later)
            what_ifs.append(_what_if(game, fork, entry.turn, f"{label} at {_clock(game, entry.turn)}"))
        hijack = game.world.hijack_turn
        # Calling it off: cancelling a campaign; on a video platform, making the video private.
        video = scenario.platform == "video"
        call_off, called_off = (MakePrivate(), "made the video private") if video else (Cancel(), "cancelled")
        if (
            len(what_ifs) < what_if_limit
            and hijack
            and not game.world.cancelled_turn
            and call_off.kind not in scenario.actions.disabled
            and hijack <= len(state.history)
        ):
            fork = _fork_and_play(game, hijack + 1, None, [call_off], [t for t in state.taken if t.turn > hijack + 1])
            what_ifs.append(_what_if(game, fork, hijack + 1, f"If you had {called_off} at {_clock(game, hijack + 1)}"))

    return Debrief(
        outcome=state.ending,
        finished=state.over,
        player=state.history,
        historical=historical_game_history,
        decisions=decisions,
        biggest_changes=biggest,
        what_ifs=tuple(what_ifs),
        lessons=tuple(game.lessons()),
        summary=scenario.debrief.summary,
        timeline=tuple(scenario.debrief.timeline),
        sources=tuple(scenario.sources),
        questions=tuple(scenario.debrief.questions),
        benchmark=benchmark_name(scenario),
        why=why_ending(game),
        carriers=carriers(game),
    )


OUTCOME_RANK = {"failure": 0, "mixed": 1, "success": 2}


def why_ending(game: Game) -> EndingWhy | None:
    """What decided the ending, and what stood between the player and the nearest better one."""
    ending = game.state.ending
    if ending is None:
        return None
    env = game.env()
    clock = game.world.turn_start
    labels = labels_of(game.scenario)
    endings = list(game.scenario.endings)
    reached = next((e for e in endings if e.id == ending.id), None)
    if reached is None:  # the engine's own ending when none of the scenario's held
        because: tuple[str, ...] = (
            "none of the scenario's endings matched your game, so reputation decided: "
            + ending.text[:1].lower()
            + ending.text[1:],
        )
        position = len(endings)
    else:
        judged = judge(reached.when, env, clock, labels)
        because = tuple(c.text for c in judged.deciding() if c.source not in ("true",))
        if str(reached.when).strip() == "true" or not because:
            because = ("none of the endings before it matched your game (this one is for every other game)",)
        position = endings.index(reached)
    rank = OUTCOME_RANK.get(ending.outcome, 0)
    candidates = []
    for order, other in enumerate(endings):
        if OUTCOME_RANK.get(other.outcome, 0) <= rank:
            continue
        judged = judge(other.when, env, clock, labels)
        first = order > position  # the reached ending is checked before this one
        missing = judged.missing() + (1 if first else 0)
        candidates.append((missing, -OUTCOME_RANK[other.outcome], order, other, judged, first))
    if not candidates:
        return EndingWhy(ending.id, because)
    _, _, _, better, judged, first = min(candidates, key=lambda c: c[:3])
    return EndingWhy(
        ending.id, because, better.title, better.outcome, tuple(c.text for c in judged.blocking()), checked_first=first
    )


def benchmark_name(scenario: Scenario) -> str:
    """ "What really happened" for a real case; a fictional one has no record, only model play."""
    return "What really happened" if scenario.kind == "real" else scenario.historical.name


def in_a_sentence(name: str) -> str:
    """A heading's words inside a sentence: "beside what really happened"."""
    return name[:1].lower() + name[1:]


def play_strategy(game: Game, strategy: str) -> Game:
    """The same scenario and seed as ``game``, played whole by ``strategy``."""
    other = Game(game.scenario, game.seed, game.model_params)
    chooser = make_strategy(strategy, other)
    while not other.over:
        take_turn(other, chooser)
        other.end_turn()
    return other


def _what_if(game: Game, fork: Game, turn: int, label: str) -> WhatIf:
    state, alt = game.state, fork.state
    return WhatIf(
        turn=turn,
        time=game.world.turn_start(turn),
        label=label,
        player_reputation=state.reputation,
        alt_reputation=alt.reputation,
        player_posts=state.total_posts,
        alt_posts=alt.total_posts,
        alt_outcome=alt.ending.outcome if alt.ending else "unfinished",
        alt_history=alt.history,
    )


def _clock(game: Game, turn: int) -> str:
    moment = game.world.turn_start(turn)
    return moment.strftime("%d %b %H:%M")
