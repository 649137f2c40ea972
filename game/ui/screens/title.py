"""The title screen: pick a scenario (grouped by difficulty), continue a saved game, or quit."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.geometry import Spacing
from textual.screen import Screen
from textual.visual import Padding, Visual
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from game.ui.catalogue import Entry
from game.ui.literal import join, one_line

LOGO = "#  B A S H T A G"
TAGLINE = "Live through a social-media crisis, turn by turn, and learn from it."
# Every group says what makes it hard, not whether its cases are real: real cases are in all three
# (a real case shows its year beside its title).
DIFFICULTY_NAMES = {
    "easy": "Easy: a mild or teasing crowd, to learn the ropes",
    "medium": "Medium: real anger, but a good answer turns it",
    "hard": "Hard: a grievance no answer ends; limit the damage",
}


class _Entry(Visual):
    """A scenario in the menu: its title, and under it its summary, indented (a wrapped summary keeps
    its indent).  Textual's own Content and Padding: the Rich Group of two Paddings drawn before cost
    about 8 ms more of the title screen's layout and rendering in front of its first frame (issue 21)."""

    def __init__(self, heading: Content, summary: Content):
        self.heading, self.summary = heading, summary
        self._parts = (Padding(heading, Spacing(0, 0, 0, 2)), Padding(summary, Spacing(0, 0, 0, 4)))

    @property
    def plain(self) -> str:
        """The two lines' text, unwrapped (as a Content's ``plain``)."""
        return f"  {self.heading.plain}\n    {self.summary.plain}"

    def __str__(self) -> str:
        return self.plain

    def render_strips(self, width, height, style, options):
        strips = [strip for part in self._parts for strip in part.render_strips(width, None, style, options)]
        return strips if height is None else strips[:height]

    def get_optimal_width(self, rules, container_width: int) -> int:
        return max(part.get_optimal_width(rules, container_width) for part in self._parts)

    def get_height(self, rules, width: int) -> int:
        return sum(part.get_height(rules, width) for part in self._parts)


class TitleScreen(Screen):
    """The first screen of a bare `bashtag`."""

    CSS_PATH = "title.tcss"
    BINDINGS = [Binding("q", "app.quit", "Quit")]

    def __init__(self, entries: list[Entry], saved: tuple[str, object] | None = None):
        super().__init__()
        self.entries = entries
        self.saved = saved  # (label, resume callable) from the app's continue hook, or None

    def compose(self) -> ComposeResult:
        with Vertical(id="title-box"):
            yield Static(LOGO, id="title-logo")
            yield Static(TAGLINE, id="title-tagline")
            yield OptionList(*self._options(), id="title-menu")
            yield Static("↑↓ choose · Enter open · q quit", id="title-hint")
        yield Footer()

    def _options(self) -> list:
        options: list = []
        if self.saved:
            options.append(Option(join(("▶ Continue: ", "bold"), (self.saved[0], "")), id="continue"))
            options.append(None)
        difficulty = None
        for entry in self.entries:
            if entry.difficulty != difficulty:
                difficulty = entry.difficulty
                options.append(
                    Option(
                        Content.styled(DIFFICULTY_NAMES.get(difficulty, difficulty), "bold $text-accent"), disabled=True
                    )
                )
            # Content is never parsed for markup (literal.join cleans each piece).
            heading = join((one_line(entry.title), "bold"), (f" ({entry.year})" if entry.year else "", "bold dim"))
            summary = Content(one_line(entry.summary))
            options.append(Option(_Entry(heading, summary), id=f"scenario:{entry.id}"))
        if not self.entries:
            options.append(Option(Content("No scenarios found."), disabled=True))
        options.append(None)
        options.append(Option(Content("✕ Quit"), id="quit"))
        return options

    def on_mount(self) -> None:
        menu = self.query_one("#title-menu", OptionList)
        menu.focus()
        menu.action_first()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        ident = event.option_id or ""
        if ident == "quit":
            self.app.exit()
        elif ident == "continue" and self.saved:
            self.saved[1]()
        elif ident.startswith("scenario:"):
            entry = next(e for e in self.entries if f"scenario:{e.id}" == ident)
            from game.ui.screens.briefing import briefing_facts

            # The briefing shows at once from the file's facts; the full scenario loads behind it.
            facts = briefing_facts(entry.path) if entry.path is not None else None
            if facts is None:
                self.app.show_briefing(entry.load(), ref=entry.id)
            else:
                self.app.show_briefing(facts, ref=entry.id, load=entry.load)
