"""The briefing: who you are, the organisation and its standing, the campaign you launched (or the
tag you joined, or the tag about you), your objectives, the seed. Enter starts the game."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Footer, Static

from game.scenario.models import Scenario
from game.ui.literal import followers, join, lit, one_line
from game.ui.tagwords import tag_words

CRISIS_TYPE = {
    "victim": "the organisation is seen as a victim of this crisis",
    "accidental": "the public sees this crisis as an accident",
    "preventable": "the public holds the organisation responsible: it could have been prevented",
}


def seed_line(ref: str, seed: int) -> Content:
    """The seed, and how to hand this very game on (a facilitator gives it to the next group).

    ``ref`` is what `bashtag play` was given: a built-in's id or a file's path."""
    return join(("Seed ", "$text-muted"), (str(seed), "bold"),
                (f"  ·  the same game again: bashtag play {one_line(ref)} --seed {seed}", "$text-muted"))


def standing(reputation: float) -> str:
    if reputation >= 65:
        return "well liked"
    if reputation >= 50:
        return "neutral to positive"
    if reputation >= 35:
        return "distrusted"
    return "widely disliked"


class BriefingScreen(Screen):
    """What the player reads before the first turn."""

    CSS_PATH = "briefing.tcss"
    BINDINGS = [Binding("enter", "start", "Start", priority=True), Binding("q", "app.quit", "Quit")]

    def __init__(self, scenario: Scenario, seed: int | None = None):
        super().__init__()
        self.scenario = scenario
        self.seed = seed

    def compose(self) -> ComposeResult:
        s = self.scenario
        org = s.organisation
        words = tag_words(s)
        with VerticalScroll(id="briefing-scroll"):
            yield Static(join((one_line(s.title), "bold"), (f"  ·  {s.date:%d %B %Y}  ·  {s.difficulty}", "$text-muted")),
                         id="briefing-title")
            yield Static(join(("You are: ", "bold $text-accent"), (one_line(s.role.title), "bold")),
                          classes="briefing-section")
            yield Static(lit(s.role.briefing), classes="briefing-text")
            history = [join("  • ", (f"{c.year}: ", "bold"), (c.what, "")) for c in org.history]
            yield Static(Content("\n").join([
                join(("The organisation: ", "bold $text-accent"), (one_line(org.name), "bold"),
                     (f"  @{one_line(org.handle)}", "$text-muted"), f"  ·  {followers(org.followers)} followers"),
                Content(f"  Reputation {org.reputation:.0f}/100: {standing(org.reputation)}."),
                Content(f"  {CRISIS_TYPE[org.crisis_type].capitalize()}."),
                *([Content("  Past troubles the public remembers:")] + history if history else []),
            ]), classes="briefing-section")
            yield Static(Content("\n").join([
                join((words.heading, "bold $text-accent"), (one_line(s.campaign.hashtag), "bold")),
                join(f"  {words.post}“", (s.campaign.announcement, "italic"), "”"),
            ]), classes="briefing-section")
            if s.role.objectives:
                yield Static(Content("\n").join(
                    [Content.styled("Your objectives", "bold $text-accent")]
                    + [join("  • ", (o, "")) for o in s.role.objectives]), classes="briefing-section")
            turns = sum(p.turns for p in s.clock.phases)
            yield Static(Content(
                f"The game lasts {turns} turns. Each turn: read the feed, spend your attention on actions, "
                "then press e to let time run. Press ? at any time for help."), classes="briefing-section")
            if self.seed is not None:
                ref = getattr(self.app, "scenario_ref", None) or s.id
                yield Static(seed_line(ref, self.seed), classes="briefing-section", id="briefing-seed")
            yield Button(Content("Start (Enter)"), id="briefing-start", variant="primary")
        yield Footer()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_start()

    def action_start(self) -> None:
        self.app.start_game(self.scenario)
