"""The one error the sessions package raises: a plain sentence, fit to show as it is."""

from __future__ import annotations


class SessionError(Exception):
    """A session log that cannot be read, found or restored; ``str(error)`` says why in plain words.

    ``scenario_changed`` is set when the only problem is that the scenario file differs from the one
    the game was recorded with and every recorded action still applies: the caller may offer to
    replay anyway (``resume(..., accept_changed_scenario=True)``).
    """

    def __init__(self, message: str, *, scenario_changed: bool = False):
        super().__init__(message)
        self.message = message
        self.scenario_changed = scenario_changed
