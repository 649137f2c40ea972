"""The comparative debrief of a workshop: the workshop gathers, game/reports lays out.

    text, warnings = render(store, workshop_id, "html")

Each team's game is replayed from its session log (exact) and analysed by the engine's debrief like a
single game; with the facilitator's observations they make a
:class:`game.reports.comparison.Comparison`, which game/reports analyses and renders with the same
chart, escaping and page as a single game's report.
"""

from __future__ import annotations

from pathlib import Path

from game.reports.comparison import Comparison, Observation, Score, TeamGame, analyse
from game.workshop.store import WorkshopStore


def gather(store: WorkshopStore, workshop_id: str | None) -> Comparison:
    """Replay every team's log and put the games side by side (analysed)."""
    from game.engine.debrief import analyse as debrief_of
    from game.engine.debrief import benchmark_name
    from game.sessions.errors import SessionError
    from game.sessions.restore import restore

    workshop = store.workshop(workshop_id)
    teams: list[TeamGame] = []
    warnings: list[str] = []
    for team in store.teams(workshop.id):
        if not (team.session_path and Path(team.session_path).is_file()):
            teams.append(TeamGame(team.name))
            continue
        try:
            restored = restore(Path(team.session_path))
        except SessionError as error:
            warnings.append(f"team {team.name}: {error}")
            teams.append(TeamGame(team.name))
            continue
        teams.append(
            TeamGame(team.name, restored.game, debrief_of(restored.game, what_if_limit=0), tuple(restored.warnings))
        )  # what-ifs are per game, not compared
        warnings += [f"team {team.name}: {w}" for w in restored.warnings]
    played = [t for t in teams if t.played]
    scenario = played[0].game.scenario if played else _load(workshop.scenario_ref)
    historical = tuple(played[0].debrief.historical) if played else ()
    from game.workshop.rubric import level_label, objectives

    observations = tuple(Observation(o.team, o.turn, o.text) for o in store.observations(workshop.id))
    order = {objective: index for index, objective in enumerate(objectives(scenario))}
    scores = tuple(
        sorted(
            (
                Score(name, objective, level, level_label(level))
                for name, _, objective, level in store.scores(workshop.id)
            ),
            key=lambda s: order.get(s.objective, len(order)),
        )
    )
    return analyse(
        Comparison(
            title=scenario.title if scenario is not None else workshop.scenario_id,
            workshop_name=workshop.name,
            workshop_id=workshop.id,
            scenario_id=workshop.scenario_id,
            seed=workshop.seed,
            scenario=scenario,
            teams=tuple(teams),
            historical=historical,
            benchmark=benchmark_name(scenario) if scenario is not None else "What really happened",
            observations=observations,
            scores=scores,
            warnings=tuple(warnings),
        )
    )


def _load(ref: str):
    """The workshop's scenario when no team played (for the report's title), or None."""
    from game.scenario.library import load
    from game.scenario.problems import ScenarioError

    try:
        return load(ref)
    except (ScenarioError, OSError):
        return None


def render(store: WorkshopStore, workshop_id: str | None, fmt: str = "md") -> tuple[str, list[str]]:
    """The comparative report as text, and the warnings met while replaying the teams' logs."""
    from game.reports.comparison_pages import comparison_html, comparison_markdown

    comparison = gather(store, workshop_id)
    text = comparison_html(comparison) if fmt == "html" else comparison_markdown(comparison)
    return text, list(comparison.warnings)
