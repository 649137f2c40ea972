"""The action bar: every action with its key and cost, greyed out (with a ✗) when it cannot be taken."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from game.engine.state import ActionOption, GameState
from game.ui.literal import clean


def action_key(option: ActionOption) -> str:
    return option.key or ""


class ActionBar(Static):
    """Keys, labels and costs; click an action to take it (it runs the screen's `act` action)."""

    def show(self, state: GameState, options: list[ActionOption]) -> None:
        parts: list[Content] = [
            Content.assemble(
                ("Attention ", "bold"),
                ("●" * state.budget_left + "○" * (state.budget - state.budget_left), "$accent bold"),
                f" {state.budget_left}/{state.budget} left   ",
            )
        ]
        for option in options:
            key = action_key(option)
            if not key:
                continue
            label = clean(option.label)
            ident = option.action_id or option.kind
            style = f"@click=screen.act('{ident}')" if option.available else "$text-disabled"
            mark = "" if option.available else "✗"
            parts.append(Content.assemble(
                (f"[{key}]", "bold $accent" if option.available else "$text-disabled"),
                (f"{mark}{label} ({option.cost}) ", style),
            ))
            parts.append(Content(" "))
        self.update(Content("").join(parts))
