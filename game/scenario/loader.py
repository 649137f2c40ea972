"""Loading a scenario: the guarded reader (``yaml_reader.py``) turns untrusted YAML into data with
places, then ``validate.py`` checks it into a :class:`Scenario` — or every problem, with its line and
column, is raised as one :class:`ScenarioError`.  Warnings (stripped characters, wording) come back
beside the scenario."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from game.scenario.problems import Problem, ScenarioError
from game.scenario.yaml_reader import MAX_BYTES, read_data

if TYPE_CHECKING:  # pydantic is imported only to validate, not to list scenarios
    from game.scenario.models import Scenario

__all__ = ["MAX_BYTES", "Problem", "ScenarioError", "load_scenario", "load_scenario_with_warnings", "read_data"]


def load_scenario_with_warnings(source: str | bytes | Path, name: str | None = None) -> tuple[Scenario, list[Problem]]:
    """Load and fully validate a scenario; returns it with the warnings (stripped characters...).

    ``source`` is a :class:`~pathlib.Path` to read, or the YAML itself as ``str`` or ``bytes``.
    ``name`` is the file name shown in messages (default: the path, or ``<text>``).
    Raises :class:`ScenarioError` carrying every problem when there is at least one error.
    """
    from game.scenario.validate import validate_data

    data, positions, problems = read_data(source, name)
    scenario = None
    if data is not None:
        if not isinstance(data, dict):
            kind = "a list" if isinstance(data, list) else "a single value"
            problems.append(
                Problem(
                    positions.name,
                    1,
                    1,
                    "",
                    f"the file holds {kind}; a scenario is a mapping of keys such as 'format: 1', 'id: ...'",
                )
            )
        else:
            scenario, found = validate_data(data, positions)
            # A value the YAML step already refused (a tag, an unreadable date) was read as nothing;
            # the model's complaint about that nothing would only repeat the first message.
            refused = {p.where for p in problems if p.is_error and p.where}
            problems.extend(p for p in found if not _under(p.where, refused))
    if scenario is None or any(p.is_error for p in problems):
        if not any(p.is_error for p in problems):  # cannot happen, but never return None silently
            problems.append(Problem(positions.name, None, None, "", "invalid scenario"))
        raise ScenarioError(problems)
    return scenario, sorted(problems, key=Problem.sort_key)


def _under(where: str, places: set[str]) -> bool:
    return any(where == place or where.startswith((place + ".", place + "[")) for place in places)


def load_scenario(source: str | bytes | Path, name: str | None = None) -> Scenario:
    """Load and fully validate a scenario, dropping warnings; raises :class:`ScenarioError`."""
    return load_scenario_with_warnings(source, name)[0]
