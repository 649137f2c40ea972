"""The action bar: every action with its key and cost, greyed out (with a ✗) when it cannot be taken."""

from __future__ import annotations

from rich.cells import cell_len
from textual.content import Content
from textual.widgets import Static

from game.engine.actions import DisableRatings, HoldComments, MakePrivate
from game.engine.rules import RULES, words_of
from game.engine.state import ActionOption, GameState
from game.scenario.vocabulary import RESERVED_KEYS
from game.ui.literal import one_line
from game.ui.tagwords import TagWords

# The keyboard belongs to the UI: the key of each built-in action on the play screen.
ACTION_KEYS = {
    "reply": "r",
    "statement": "s",
    "pause": "p",
    "resume": "u",
    "cancel": "c",
    "delete": "d",
    "monitor": "m",
    "escalate": "x",
    "hold_comments": "o",  # a video platform: comments Off
    "disable_ratings": "n",  # No ratings
    "make_private": "v",  # hide the Video
}
# The video platform's actions take no argument: a key takes them at once.
VIDEO_SIMPLE = {"hold_comments": HoldComments, "disable_ratings": DisableRatings, "make_private": MakePrivate}
# Keys the play screen itself uses: a scenario's custom action may not take them.  The format owns the
# list (validate refuses a custom key in it); these keys must stay inside it (a test checks).
RESERVED = set(RESERVED_KEYS) | {"question_mark"}
COMPACT = {"pause": "Pause", "resume": "Resume", "cancel": "Cancel", "delete": "Delete"}
WIDE = 110
"""Below this many columns the bar shortens names and leaves out what cannot be done this turn, so
at 80 columns it takes two lines, not three."""


def clipped(text: str, limit: int) -> str:
    """``text`` on one line, cut at a word boundary with an ellipsis when longer than ``limit``."""
    text = one_line(text)
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    if " " in head and text[limit - 1] != " ":
        head = head.rsplit(" ", 1)[0]  # do not end on half a word
    return head.rstrip(" ,.;:-") + "…"


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
            keys[option.kind] = ACTION_KEYS.get(option.kind, "")
    for option in options:
        if option.kind == "custom":
            key = option.key if option.key and option.key not in used else next(digits, "")
            used.add(key)
            keys[ident_of(option)] = key
    return keys


class ActionBar(Static):
    """Keys, labels and costs; click an action to take it (it runs the screen's `act` action)."""

    _shown: tuple[GameState, list[ActionOption], TagWords | None] | None = None

    def on_resize(self) -> None:
        if self._shown is not None:
            self.show(*self._shown)

    def show(self, state: GameState, options: list[ActionOption], words: TagWords | None = None) -> None:
        self._shown = (state, options, words)
        compact = 0 < self.size.width < WIDE
        keys = key_map(options)
        status = words.status.get(state.campaign, state.campaign) if words else state.campaign
        parts: list[Content] = [
            Content.assemble(
                ("" if compact else "Attention ", "bold"),
                ("●" * state.budget_left + "○" * (state.budget - state.budget_left), "$text-accent bold"),
                f" {state.budget_left}/{state.budget} · ",
                ("" if compact else f"{words.status_label if words else 'Campaign'}: ", "bold"),
                (status, "bold $text-warning" if state.campaign != "live" else ""),
            )
        ]
        for option in options:
            if compact and not option.available:
                continue  # narrow screens list what can be done now; ? and the palette list the rest
            ident = ident_of(option)
            key = keys.get(ident, "")
            if option.kind == "cancel" and words is not None:
                label = words.cancel_compact if compact else words.cancel_short
            else:
                rule = RULES.get(option.kind)
                label = (
                    (compact and COMPACT.get(option.kind))
                    or (words_of(rule, "video" if state.video else "microblog")[1] if rule else "")
                    or clipped(option.label, 32 if compact else 50)
                )  # the built-ins' longest is 48
            style = f"@click=screen.act('{ident}')" if option.available else "$text-disabled strike"
            parts.append(
                Content.assemble(
                    (key or "·", "bold $text-accent" if option.available else "$text-disabled"),
                    (f" {label}({option.cost})" if option.available else f" {label}", style),
                )
            )
        self._draw(self._lines(parts))

    _drawn: tuple | None = None  # (words, styles) on screen now

    def _draw(self, content: Content) -> None:
        """Redraw only when the words or styles changed, and lay the screen out again only when the
        bar's height may have (issue 21: an action or a closed dialog redraws the bar unchanged, and a
        layout redraws every widget on the screen)."""
        drawn = (content.plain, tuple(content.spans))
        if drawn == self._drawn:
            return
        lines = content.plain.split("\n")
        width = self.size.width
        same_height = (
            self._drawn is not None
            and self._drawn[0].count("\n") == len(lines) - 1
            and width > 0
            and max(cell_len(line) for line in lines) <= width
        )
        self._drawn = drawn
        self.update(content, layout=not same_height)

    def _lines(self, parts: list[Content]) -> Content:
        """The parts two spaces apart, each kept whole on one line: left to the wrapper, a key
        could end one line and its label start the next."""
        width = self.size.width
        joined: list[Content] = []
        used = 0
        for part in parts:
            if used and width and used + 2 + part.cell_length > width:
                joined.append(Content("\n"))
                used = 0
            elif used:
                joined.append(Content("  "))
                used += 2
            joined.append(part)
            used += part.cell_length
        return Content("").join(joined)
