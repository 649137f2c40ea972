"""How the facilitator scores a team: the scenario's objectives, each on one rubric of anchored levels.

The objectives are the scenario's (``role.objectives``: what the briefing asks of the team); a scenario
without any gets the defaults below, drawn from the crisis-communication practice the built-in cases
teach (listen first, stop what fuels the storm, answer honestly with one voice, keep leadership
informed).  Each level is anchored by what the facilitator saw, so two facilitators score alike.
"""

from __future__ import annotations

DEFAULT_OBJECTIVES = (
    "Listen before acting: read the feed and the press before the first public move",
    "Stop what fuels the storm: pause or cancel the scheduled posts that invite more of it",
    "Answer honestly, with one voice: statements and replies that match",
    "Keep leadership informed: escalate when the crisis outgrows the team's authority",
)

# (level, short label, the anchor: what the facilitator saw)
LEVELS = (
    (1, "not yet", "did not do it, or did the opposite"),
    (2, "partly", "did it late, or only once prompted (by an inject, by the facilitator)"),
    (3, "met", "did it on its own, in time to matter"),
    (4, "model", "did it early and explained why: another team could learn from it"),
)


def objectives(scenario) -> tuple[str, ...]:
    """The objectives a team is scored on: the scenario's, or the defaults."""
    given = tuple(getattr(getattr(scenario, "role", None), "objectives", ()) or ())
    return given or DEFAULT_OBJECTIVES


def level_label(level: int) -> str:
    for number, label, _ in LEVELS:
        if number == level:
            return label
    return "?"
