"""What a workshop's comparative debrief says: every team's game side by side, gathered once.

The workshop (game/workshop/report.py) replays each team's log and hands over a :class:`Comparison`;
this module works out what to say (where the teams diverged, the lessons all or some got, the
statements each posted), and ``comparison_markdown`` / ``comparison_html`` lay it out with the
shared escaping, chart style and page of the single-game reports.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # types only: the reports layer reads these, the workshop builds them
    from game.engine.debrief import Debrief
    from game.engine.game import Game
    from game.engine.injects import InjectAnswer
    from game.engine.state import TakenAction, TurnRecord
    from game.scenario.models import Scenario


@dataclass(frozen=True)
class Observation:
    """A facilitator's note about a team at a turn (taken on the dashboard)."""

    team: str
    turn: int
    text: str


@dataclass(frozen=True)
class Score:
    """A team's level on one objective of the scenario's rubric (0 = not scored)."""

    team: str
    objective: str
    level: int
    level_label: str


@dataclass(frozen=True)
class TeamGame:
    """One team: its replayed game and the engine's debrief of it (both None when it never started)."""

    name: str
    game: Game | None = None
    debrief: Debrief | None = None
    warnings: tuple[str, ...] = ()

    @property
    def played(self) -> bool:
        return self.game is not None

    @property
    def outcome(self) -> str:
        if self.game is None:
            return "did not play"
        state = self.game.state
        if state.ending:
            return f"{state.ending.title} ({state.ending.outcome})"
        return f"unfinished (turn {state.turn} of {state.turns_total})"

    @property
    def history(self) -> tuple[TurnRecord, ...]:
        return tuple(self.game.state.history) if self.game is not None else ()

    def decisions(self) -> list[TakenAction]:
        return [t for t in self.game.state.taken if t.kind != "inject"] if self.game else []

    def injects(self) -> list[TakenAction]:
        return [t for t in self.game.state.taken if t.kind == "inject"] if self.game else []

    def inject_answers(self) -> list[InjectAnswer]:
        """Each inject the team received and the action that answered it (the inject's answered_by)."""
        from game.engine.injects import inject_answers

        return inject_answers(self.game.scenario, self.game.state.taken) if self.game else []

    def injects_summary(self) -> str:
        """ "2" — or, when some asked for an answer, "2 (1 of 2 answered)"."""
        found = self.inject_answers()
        asked = [a for a in found if a.asks]
        if not asked:
            return str(len(found))
        return f"{len(found)} ({sum(1 for a in asked if a.answered)} of {len(asked)} answered)"

    def answer_note(self, received: TakenAction) -> str:
        """For an inject in the decision timeline: "answered at turn 5: …", "not answered", or "" (it
        asked for nothing in particular)."""
        for item in self.inject_answers():
            if item.received is received and item.asks:
                answer = item.answer
                return f"answered at turn {answer.turn}: {answer.label}" if answer else "not answered"
        return ""


@dataclass(frozen=True)
class Divergence:
    """A turn where the teams did not all do the same, and each team's figures then and at the end."""

    turn: int
    time: dt.datetime | None  # the turn's start
    choices: dict[str, list[str]]  # team -> what it chose that turn
    after: dict[str, tuple[float, int, float, int]]  # team -> (rep, posts at turn end, rep, posts at the end)


@dataclass(frozen=True)
class Comparison:
    """Everything the comparative report shows (built by the workshop; see the module docstring)."""

    title: str
    workshop_name: str
    workshop_id: str
    scenario_id: str
    seed: int
    scenario: Scenario | None
    teams: tuple[TeamGame, ...]
    historical: tuple[TurnRecord, ...]  # the benchmark (what really happened), same seed
    benchmark: str  # its name: "What really happened", or a fictional case's model play
    observations: tuple[Observation, ...] = ()
    scores: tuple[Score, ...] = ()
    warnings: tuple[str, ...] = ()
    # Analysis, filled by analyse():
    divergences: tuple[Divergence, ...] = ()
    quiet_differences: tuple[int, ...] = ()  # earlier turns where choices differed and no figure moved
    shared_lessons: tuple[str, ...] = ()
    own_lessons: dict[tuple[str, ...], list[str]] = field(default_factory=dict)  # (team, …) -> only theirs
    questions: tuple[str, ...] = ()

    @property
    def played(self) -> list[TeamGame]:
        return [t for t in self.teams if t.played]

    @property
    def turns_compared(self) -> int:
        """How far the furthest team got (turns played): the benchmark is read at this same turn."""
        return max((len(t.history) for t in self.played), default=0)

    def benchmark_at(self, turns: int) -> TurnRecord | None:
        """The benchmark's record at the end of turn ``turns`` (or its last, if it ended sooner)."""
        if not self.historical or turns <= 0:
            return None
        return self.historical[min(turns, len(self.historical)) - 1]

    @property
    def benchmark_in_a_sentence(self) -> str:
        from game.engine.debrief import in_a_sentence

        return in_a_sentence(self.benchmark)


def choice_key(taken: TakenAction) -> str:
    """A decision without the post it answered: ``reply (empathetic)``, ``statement: apology``, ``cancel``."""
    detail = taken.detail or {}
    if taken.kind == "reply":
        return f"reply ({detail.get('tone')})"
    if taken.kind == "statement":
        return f"statement: {detail.get('option')}"
    if taken.kind == "custom":
        return f"{detail.get('action_id')}"
    return taken.kind


def analyse(comparison: Comparison, limit: int = 6) -> Comparison:
    """The comparison with its analysis filled in (divergences, lessons, questions)."""
    from dataclasses import replace

    divergences, quiet = _divergences(comparison.played, limit)
    shared, own = _lessons(comparison.played)
    return replace(
        comparison,
        divergences=tuple(divergences),
        quiet_differences=tuple(quiet),
        shared_lessons=tuple(shared),
        own_lessons=own,
        questions=tuple(_questions(comparison.played)),
    )


def _figures(team: TeamGame, turn: int) -> tuple[float, int] | None:
    history = team.history
    if len(history) < turn:
        return None
    record = history[turn - 1]
    return round(record.reputation, 1), record.total_posts


def _divergences(played: list[TeamGame], limit: int) -> tuple[list[Divergence], list[int]]:
    """Turns where the teams chose differently, starting at the first whose choices changed a figure.

    Every team plays the same seed, so their figures are equal until a choice changes one; turns before
    that where the choices differed (one team monitored, another did nothing) changed nothing, and are
    only listed by number."""
    if len(played) < 2:
        return [], []
    last_turn = max(len(t.history) for t in played)
    found: list[Divergence] = []
    quiet: list[int] = []
    started = False
    for turn in range(1, last_turn + 1):
        reached = [t for t in played if len(t.history) >= turn]
        choices = {t.name: sorted({choice_key(x) for x in t.decisions() if x.turn == turn}) for t in reached}
        if len(choices) < 2 or len({tuple(c) for c in choices.values()}) < 2:
            continue
        if not started:
            if len({_figures(t, turn) for t in reached}) < 2:
                quiet.append(turn)
                continue
            started = True
        after = {}
        for t in reached:
            history = t.history
            after[t.name] = (
                history[turn - 1].reputation,
                history[turn - 1].total_posts,
                history[-1].reputation,
                history[-1].total_posts,
            )
        found.append(Divergence(turn, reached[0].history[turn - 1].start, choices, after))
        if len(found) >= limit:
            break
    return found, quiet


def _lessons(played: list[TeamGame]) -> tuple[list[str], dict[tuple[str, ...], list[str]]]:
    """The lessons every team got (said once), and the others grouped by the teams that got them
    ({("Blue", "Green"): [lesson, …], ("Red",): […]}), each lesson said once."""
    if not played:
        return [], {}
    texts = [[lesson.text for lesson in t.debrief.lessons] for t in played]
    shared = [text for text in texts[0] if all(text in other for other in texts[1:])] if len(played) > 1 else []
    groups: dict[tuple[str, ...], list[str]] = {}
    seen: set[str] = set(shared)
    for got in texts:
        for text in got:
            if text in seen:
                continue
            seen.add(text)
            who = tuple(t.name for t, other in zip(played, texts) if text in other)
            groups.setdefault(who, []).append(text)
    return shared, groups


def _questions(played: list[TeamGame]) -> list[str]:
    questions = []
    if len(played) >= 2:
        best = max(played, key=lambda t: t.game.state.reputation)
        worst = min(played, key=lambda t: t.game.state.reputation)
        if best is not worst:
            questions.append(
                f"Team {best.name} ended with the best reputation and team {worst.name} with the "
                "worst: what did each see in the feed that made it act as it did?"
            )
        questions.append("Where did your team's choices first part from the others', and what did you know then?")
        if any(t.injects() for t in played):
            questions.append("Which inject changed your plan, and would you have acted the same without it?")
    for t in played:
        for q in t.debrief.questions:
            if q not in questions:
                questions.append(q)
    return questions


def statements(comparison: Comparison) -> list[tuple[int, dict[str, list[str]]]]:
    """(turn, {team: [statement posted that turn, as 'label (posture)']}) for every turn any team posted one."""
    by_id = {}
    if comparison.scenario is not None:
        by_id = {s.id: s for s in comparison.scenario.actions.statements}
    rows: dict[int, dict[str, list[str]]] = {}
    for team in comparison.played:
        for taken in team.decisions():
            if taken.kind != "statement":
                continue
            option = (taken.detail or {}).get("option")
            statement = by_id.get(option)
            text = f"{statement.label} ({statement.strategy})" if statement else taken.label
            rows.setdefault(taken.turn, {}).setdefault(team.name, []).append(text)
    return sorted(rows.items())
