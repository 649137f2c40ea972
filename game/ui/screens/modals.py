"""Small dialogs over the play screen: confirm, pick one of several choices, read the help.

Writing a reply or a statement has screens of its own (compose.py).

Each is a ModalScreen that dismisses with its answer (``None`` when the player backs out), so the
play screen stays the one place that turns answers into engine actions.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option


class ConfirmScreen(ModalScreen[bool]):
    """Yes or no, for what cannot be undone (and for quitting)."""

    CSS_PATH = "modals.tcss"
    BINDINGS = [Binding("y", "answer(True)", "Yes"), Binding("n,escape", "answer(False)", "No")]

    def __init__(self, question: str | Content, detail: str | Content = "", yes: str = "Yes", no: str = "No"):
        super().__init__(classes="modal")
        self.question, self.detail, self.yes, self.no = question, detail, yes, no

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-box"):
            yield Static(self.question, classes="modal-title")
            if self.detail:
                yield Static(self.detail, classes="modal-detail")
            with Horizontal(classes="modal-buttons"):
                yield Button(Content(f"{self.yes} (y)"), variant="error", id="confirm-yes")
                yield Button(Content(f"{self.no} (n)"), variant="primary", id="confirm-no")

    def on_mount(self) -> None:
        self.query_one("#confirm-no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "confirm-yes")

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)


class ChoiceScreen(ModalScreen[str | None]):
    """Pick one of several choices (a statement, a post to delete); the highlighted one is previewed."""

    CSS_PATH = "modals.tcss"
    BINDINGS = [Binding("escape", "back", "Back")]

    def __init__(
        self,
        title: str,
        choices: Sequence[tuple[str, Content]],
        previews: dict[str, Content],
        hint: str = "↑↓ choose · Enter confirm · Esc back",
    ):
        super().__init__(classes="modal")
        self.title_text, self.choices, self.previews, self.hint = title, choices, previews, hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-box"):
            yield Static(self.title_text, classes="modal-title")
            yield OptionList(*[Option(prompt, id=ident) for ident, prompt in self.choices], id="choice-list")
            yield Static("", id="choice-preview", classes="modal-preview")
            yield Static(self.hint, classes="modal-hint")

    def on_mount(self) -> None:
        options = self.query_one("#choice-list", OptionList)
        options.focus()
        if self.choices:
            options.highlighted = 0
            self.query_one("#choice-preview", Static).update(self.previews.get(self.choices[0][0], Content("")))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.query_one("#choice-preview", Static).update(self.previews.get(event.option_id or "", Content("")))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option_id)

    def action_back(self) -> None:
        self.dismiss(None)


class InfoScreen(ModalScreen[None]):
    """A scrollable page of text (the help); any of Esc, q or ? closes it."""

    CSS_PATH = "modals.tcss"
    BINDINGS = [Binding("escape,q,question_mark", "close", "Close")]

    def __init__(self, body: Content, title: str = "Help"):
        super().__init__(classes="modal -info")
        self.body, self.title_text = body, title

    def compose(self) -> ComposeResult:
        from textual.containers import VerticalScroll

        with Vertical(classes="modal-box info-box"):
            yield Static(self.title_text, classes="modal-title")
            with VerticalScroll(id="info-scroll"):
                yield Static(self.body, id="info-body")
            yield Static("↑↓ PgUp PgDn scroll · Esc close", classes="modal-hint")
        self._shown = self.body  # what the page shows (it may be given another before it mounts)

    def on_mount(self) -> None:
        self._show_body()
        self.query_one("#info-scroll").focus()

    def show(self, body: Content) -> None:
        """Show ``body`` from its top: the same screen opened again with the page as it is now.  Also
        before it is mounted (the play screen builds it ahead, issue 21): it mounts showing ``body``."""
        self.body = body
        if self.is_mounted:
            self._show_body()
            self.query_one("#info-scroll").scroll_home(animate=False)

    def _show_body(self) -> None:
        shown = self._shown
        if (self.body.plain, self.body.spans) != (shown.plain, shown.spans):  # Content's == reads the text only
            self._shown = self.body
            self.query_one("#info-body", Static).update(self.body)

    def action_close(self) -> None:
        self.dismiss(None)
