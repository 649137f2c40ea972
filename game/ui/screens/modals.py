"""Small dialogs over the play screen: confirm, pick one of several choices, compose a reply.

Each is a ModalScreen that dismisses with its answer (``None`` when the player backs out), so the
play screen stays the one place that turns answers into engine actions.
"""

from __future__ import annotations

from typing import Callable, Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from game.engine.state import Post
from game.scenario.models import Scenario
from game.scenario.vocabulary import TONES
from game.ui.literal import followers, join, lit, one_line

TONE_HINTS = {
    "empathetic": "concern for the person, in your own words",
    "apologetic": "take responsibility",
    "informative": "facts and next steps",
    "humorous": "play along with the joke",
    "boilerplate": "the corporate template",
    "defensive": "justify, explain it away",
    "dismissive": "brush them off",
}
GENERIC_REPLY = {
    "empathetic": "@{handle} We hear you, and we understand why you're angry. We want to help.",
    "apologetic": "@{handle} You're right, and we're sorry. We got this wrong.",
    "informative": "@{handle} Here are the facts and what we're doing next.",
    "humorous": "@{handle} Fair point. We walked into that one.",
    "boilerplate": "@{handle} Thank you for your feedback. We value all our customers.",
    "defensive": "@{handle} We have always followed the rules and will continue to do so.",
    "dismissive": "@{handle} We won't be engaging with trolls.",
}


def reply_preview(scenario: Scenario, tone: str, handle: str) -> str:
    """The first of the scenario's texts for ``tone``, with the handle filled in, else a generic line."""
    texts = scenario.actions.replies.get(tone) or []
    template = texts[0] if texts else GENERIC_REPLY.get(tone, "@{handle} …")
    # str.replace, not str.format: a scenario's text may hold other braces.
    return template.replace("{handle}", handle).replace("{hashtag}", scenario.campaign.hashtag).replace(
        "{org}", scenario.organisation.name)


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

    def __init__(self, title: str, choices: Sequence[tuple[str, Content]], previews: dict[str, Content],
                 hint: str = "↑↓ choose · Enter confirm · Esc back"):
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


class ReplyComposer(ModalScreen[str | None]):
    """Reply to one post: choose a tone and see a preview of the reply before it goes."""

    CSS_PATH = "modals.tcss"
    BINDINGS = [Binding("escape", "back", "Back")]

    def __init__(self, post: Post, scenario: Scenario, tones: Sequence[str] = tuple(TONES),
                 words: "Callable[[str], str] | None" = None):
        super().__init__(classes="modal")
        self.post, self.scenario, self.tones = post, scenario, tuple(tones)
        self.words = words  # the engine's exact wording for a tone, when the game can tell it

    def compose(self) -> ComposeResult:
        post = self.post
        with Vertical(classes="modal-box"):
            yield Static(join("Reply to ", (f"{one_line(post.name)} @{one_line(post.author)}", "bold"),
                              f" · {followers(post.followers)} followers"), classes="modal-title")
            yield Static(lit(post.text), classes="modal-detail", id="reply-original")
            yield OptionList(*[
                Option(Content.assemble((f"{tone:<12}", "bold"), (TONE_HINTS.get(tone, ""), "$text-muted")), id=tone)
                for tone in self.tones
            ], id="reply-tones")
            yield Static("", id="reply-preview", classes="modal-preview")
            yield Static("↑↓ tone · Enter send (costs 1 attention) · Esc back", classes="modal-hint")

    def on_mount(self) -> None:
        tones = self.query_one("#reply-tones", OptionList)
        tones.focus()
        tones.highlighted = 0
        if self.tones:
            self._preview(self.tones[0])

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._preview(event.option_id or "")

    def _preview(self, tone: str) -> None:
        exact = self.words(tone) if self.words and tone else ""
        if exact:
            heading, text = "Your reply, as it will go out:\n", exact
        else:
            heading, text = "Preview (the exact wording may vary):\n", reply_preview(self.scenario, tone, self.post.author)
        self.query_one("#reply-preview", Static).update(join((heading, "$text-muted italic"), (lit(text), "")))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option_id)

    def action_back(self) -> None:
        self.dismiss(None)


class InfoScreen(ModalScreen[None]):
    """A scrollable page of text (the help); any of Esc, q or ? closes it."""

    CSS_PATH = "modals.tcss"
    BINDINGS = [Binding("escape,q,question_mark", "close", "Close")]

    def __init__(self, body: Content, title: str = "Help"):
        super().__init__(classes="modal")
        self.body, self.title_text = body, title

    def compose(self) -> ComposeResult:
        from textual.containers import VerticalScroll

        with Vertical(classes="modal-box info-box"):
            yield Static(self.title_text, classes="modal-title")
            with VerticalScroll(id="info-scroll"):
                yield Static(self.body, id="info-body")
            yield Static("↑↓ PgUp PgDn scroll · Esc close", classes="modal-hint")

    def on_mount(self) -> None:
        self.query_one("#info-scroll").focus()

    def action_close(self) -> None:
        self.dismiss(None)
