"""The action bar: every action with its key and cost, greyed out (with a ✗) when it cannot be taken."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from game.engine.state import ActionOption, GameState
from game.ui.literal import one_line

# Keys the play screen itself uses: a scenario's custom action may not take them.
RESERVED = set("rspucdmxeqt?") | {"question_mark"}
SHORT = {"reply": "Reply", "statement": "Statement", "pause": "Pause queue", "resume": "Resume queue",
         "cancel": "Cancel campaign", "delete": "Delete post", "monitor": "Monitor", "escalate": "Escalate"}


def ident_of(option: ActionOption) -> str:
    return option.action_id or option.kind if option.kind == "custom" else option.kind


def key_map(options: list[ActionOption]) -> dict[str, str]:
    """Action ident -> key. A custom action keeps its own key unless the screen already uses it
    (then it gets the next free digit), so a scenario can never take `e` (end turn) away."""
    keys: dict[str, str] = {}
    used = set(RESERVED)
    digits = iter("123456789")
    for option in options:
        if option.kind != "custom":
            keys[option.kind] = option.key
    for option in options:
        if option.kind == "custom":
            key = option.key if option.key and option.key not in used else next(digits, "")
            used.add(key)
            keys[ident_of(option)] = key
    return keys


class ActionBar(Static):
    """Keys, labels and costs; click an action to take it (it runs the screen's `act` action)."""

    def show(self, state: GameState, options: list[ActionOption]) -> None:
        keys = key_map(options)
        parts: list[Content] = [
            Content.assemble(
                ("Attention ", "bold"),
                ("●" * state.budget_left + "○" * (state.budget - state.budget_left), "$text-accent bold"),
                f" {state.budget_left}/{state.budget} · ",
                ("Campaign: ", "bold"), (state.campaign, "bold $text-warning" if state.campaign != "live" else ""),
                "  ",
            )
        ]
        for option in options:
            ident = ident_of(option)
            key = keys.get(ident, "")
            label = SHORT.get(option.kind) or one_line(option.label)[:22]
            style = f"@click=screen.act('{ident}')" if option.available else "$text-disabled strike"
            parts.append(Content.assemble(
                (key or "·", "bold $text-accent" if option.available else "$text-disabled"),
                (f" {label}({option.cost})" if option.available else f" {label}", style),
                "  ",
            ))
        self.update(Content("").join(parts))
