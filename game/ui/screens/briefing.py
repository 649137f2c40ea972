"""The briefing: who you are, the organisation and its standing, the campaign you launched (or the
tag you joined, or the tag about you), your objectives, the seed. Enter starts the game."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Footer, Static

from game.ui.literal import followers, join, lit, one_line
from game.ui.tagwords import tag_words

if TYPE_CHECKING:  # pydantic's models load behind the briefing, not in front of it (issue 21)
    from game.scenario.models import Scenario

CRISIS_TYPE = {
    "victim": "the organisation is seen as a victim of this crisis",
    "accidental": "the public sees this crisis as an accident",
    "preventable": "the public holds the organisation responsible: it could have been prevented",
}


def seed_line(ref: str, seed: int) -> Content:
    """The seed, and how to hand this very game on (a facilitator gives it to the next group).

    ``ref`` is what `bashtag play` was given: a built-in's id or a file's path."""
    return join(
        ("Seed ", "$text-muted"),
        (str(seed), "bold"),
        (f"  ·  the same game again: bashtag play {one_line(ref)} --seed {seed}", "$text-muted"),
    )


def _text(value, limit: int = 20_000) -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > limit:
        raise ValueError
    return value


def _number(value, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
        raise ValueError
    return value


BRIEFING_KEYS = {"id", "title", "date", "difficulty", "role", "organisation", "campaign", "clock"}


def briefing_facts(path: Path) -> SimpleNamespace | None:
    """What the briefing shows, read from the file's raw data without pydantic (issue 21: the
    briefing is the first frame; the models, the engine and the game load behind it).

    The answer has the same attributes the briefing reads from a :class:`Scenario`.  Anything not
    plainly of the right shape gives ``None``: the caller then loads the scenario in full first, so a
    broken file says what is wrong exactly as before.  The full load still runs behind the briefing
    and is what the game is built from; tests check both give the same briefing for every built-in.
    """
    from game.ui.catalogue import read_head

    try:
        data = read_head(path, BRIEFING_KEYS)
        if data is None:
            return None
        role, org, campaign, clock = (data[k] for k in ("role", "organisation", "campaign", "clock"))
        if not all(isinstance(part, dict) for part in (role, org, campaign, clock)):
            return None
        history = org.get("history", [])
        objectives = role.get("objectives", [])
        phases = clock["phases"]
        if not (isinstance(history, list) and isinstance(objectives, list) and isinstance(phases, list) and phases):
            return None
        date = data["date"]
        date = date if isinstance(date, dt.date) else dt.date.fromisoformat(_text(date, 10))
        tag = campaign.get("tag", "launched")
        crisis = org["crisis_type"]
        if tag not in ("launched", "joined", "public") or crisis not in CRISIS_TYPE:
            return None
        if data.get("difficulty") not in ("easy", "medium", "hard"):
            return None
        return SimpleNamespace(
            id=_text(data["id"], 200),
            title=_text(data["title"], 200),
            date=date,
            difficulty=data["difficulty"],
            role=SimpleNamespace(
                title=_text(role["title"], 200),
                briefing=_text(role["briefing"]),
                objectives=[_text(o, 2000) for o in objectives],
            ),
            organisation=SimpleNamespace(
                name=_text(org["name"], 200),
                handle=_text(org["handle"], 200),
                followers=int(_number(org["followers"], 0, 500_000_000)),
                reputation=_number(org["reputation"], 0, 100),
                crisis_type=crisis,
                history=[
                    SimpleNamespace(year=int(_number(h["year"], 1, 9999)), what=_text(h["what"], 2000)) for h in history
                ],
            ),
            campaign=SimpleNamespace(
                hashtag=_text(campaign["hashtag"], 80), tag=tag, announcement=_text(campaign["announcement"], 2000)
            ),
            clock=SimpleNamespace(phases=[SimpleNamespace(turns=int(_number(p["turns"], 1, 200))) for p in phases]),
        )
    except (KeyError, TypeError, ValueError, AttributeError, OSError):
        return None


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

    def __init__(self, scenario: Scenario | SimpleNamespace, seed: int | None = None):
        super().__init__()
        self.scenario = scenario  # the full Scenario, or briefing_facts() while the game loads behind
        self.seed = seed

    def compose(self) -> ComposeResult:
        s = self.scenario
        org = s.organisation
        words = tag_words(s)
        with VerticalScroll(id="briefing-scroll"):
            yield Static(
                join((one_line(s.title), "bold"), (f"  ·  {s.date:%d %B %Y}  ·  {s.difficulty}", "$text-muted")),
                id="briefing-title",
            )
            yield Static(
                join(("You are: ", "bold $text-accent"), (one_line(s.role.title), "bold")), classes="briefing-section"
            )
            yield Static(lit(s.role.briefing), classes="briefing-text")
            history = [join("  • ", (f"{c.year}: ", "bold"), (c.what, "")) for c in org.history]
            yield Static(
                Content("\n").join(
                    [
                        join(
                            ("The organisation: ", "bold $text-accent"),
                            (one_line(org.name), "bold"),
                            (f"  @{one_line(org.handle)}", "$text-muted"),
                            f"  ·  {followers(org.followers)} followers",
                        ),
                        Content(f"  Reputation {org.reputation:.0f}/100: {standing(org.reputation)}."),
                        Content(f"  {CRISIS_TYPE[org.crisis_type].capitalize()}."),
                        *([Content("  Past troubles the public remembers:")] + history if history else []),
                    ]
                ),
                classes="briefing-section",
            )
            yield Static(
                Content("\n").join(
                    [
                        join((words.heading, "bold $text-accent"), (one_line(s.campaign.hashtag), "bold")),
                        join(f"  {words.post}“", (s.campaign.announcement, "italic"), "”"),
                    ]
                ),
                classes="briefing-section",
            )
            if s.role.objectives:
                yield Static(
                    Content("\n").join(
                        [Content.styled("Your objectives", "bold $text-accent")]
                        + [join("  • ", (o, "")) for o in s.role.objectives]
                    ),
                    classes="briefing-section",
                )
            turns = sum(p.turns for p in s.clock.phases)
            yield Static(
                Content(
                    f"The game lasts {turns} turns. Each turn: read the feed, spend your attention on actions, "
                    "then press e to let time run. Press ? at any time for help."
                ),
                classes="briefing-section",
            )
            if self.seed is not None:
                ref = getattr(self.app, "scenario_ref", None) or s.id
                yield Static(seed_line(ref, self.seed), classes="briefing-section", id="briefing-seed")
            yield Button(Content("Start (Enter)"), id="briefing-start", variant="primary")
        yield Footer()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_start()

    def on_mount(self) -> None:
        # Only once this first frame is drawn does the app load the models, engine and game (issue 21):
        # a tenth of a second after the screen's first refresh (not after its mount: on a busy machine
        # the frame could come later than that), so the loading thread does not hold the GIL while
        # Textual's writer thread is still putting the frame on the terminal.
        prepare = getattr(self.app, "prepare_game", None)
        if prepare is not None:
            self.call_after_refresh(self.set_timer, 0.1, prepare)

    def action_start(self) -> None:
        self.app.start_game(self.scenario)
