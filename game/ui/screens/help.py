"""The `?` page: what each meter means, what each action does (and why it is closed now), and why
each meter moved this turn — read from the engine's own reasons, never worked out here."""

from __future__ import annotations

from textual.content import Content

from game.engine.controller import GameController
from game.engine.params import ModelParams
from game.engine.state import Change
from game.scenario.models import Scenario
from game.ui.literal import join, one_line
from game.ui.screens.briefing import seed_line
from game.ui.tagwords import action_label
from game.ui.widgets.actions import ident_of, key_map
from game.ui.widgets.dashboard import METERS


def _changes(title: str, changes: list[Change] | tuple[Change, ...]) -> list[Content]:
    lines = [Content.assemble((title, "bold $text-accent"))]
    if not changes:
        lines.append(Content("  (nothing yet)"))
    by_meter: dict[str, list[Change]] = {}
    for change in changes:
        by_meter.setdefault(change.meter, []).append(change)
    for meter, items in by_meter.items():
        total = sum(c.delta for c in items)
        lines.append(join((f"  {meter}: {total:+.1f}", "bold")))
        for change in sorted(items, key=lambda c: -abs(c.delta))[:8]:
            lines.append(join(("    " + one_line(change.describe()), "")))
    return lines


# The engine's mechanisms in a player's words (docs/engine.md has the figures and the sources).
# Where a sentence names a figure, it is built from the game's ModelParams so it stays true.
ANGER = (
    "Anger",
    "critics post more the angrier they are. A fitting, early answer cools them; evasion, "
    "boilerplate and attacks heat them up.",
)
PRESS = (
    "The press",
    "newsrooms follow hostile reach (or a big trending spectacle) and the journalists "
    "posting on the tag. A story brings its readers to the tag, and each move you make "
    "while they are still on it can bring another; pulling the campaign ends the story.",
)

_NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")


def _count(n: int, noun: str) -> str:
    """``n noun(s)`` in words when small: 'one post', 'ten posts', '25 posts'."""
    word = _NUMBERS[n] if 0 <= n < len(_NUMBERS) else str(n)
    return f"{word} {noun}{'' if n == 1 else 's'}"


def rate_words(per_hour: float) -> str:
    """A posting rate as a player would say it: 'about ten posts a minute', 'about 40 posts an hour'."""
    if per_hour >= 60:
        return f"about {_count(round(per_hour / 60), 'post')} a minute"
    return f"about {_count(max(1, round(per_hour)), 'post')} an hour"


def span_words(hours: float) -> str:
    """A stretch of time as a player would say it: 'a day', 'two days', '12 hours', 'an hour', '45 minutes'."""
    minutes = round(hours * 60)
    if minutes % 1440 == 0:
        return "a day" if minutes == 1440 else _count(minutes // 1440, "day")
    if minutes % 60 == 0:
        return "an hour" if minutes == 60 else f"{minutes // 60} hours"
    return f"{minutes} minutes"


def trending_line(params: ModelParams) -> tuple[str, str]:
    """The trending channel in words, its threshold and novelty half-life read from ``params``."""
    return (
        "Trending",
        f"past {rate_words(params.trend.threshold)} the tag trends and strangers come to look. "
        f"After {span_words(params.trend.novelty_half_hours)} it is old news and half as many "
        "do, unless a new round (a defence, an attack on critics) puts it back in the news.",
    )


def deadline_words(scenario: Scenario) -> str | None:
    """The campaign's set hour on the scenario's clock (the offset of clock.start, as everywhere else)."""
    deadline, start = scenario.campaign.deadline, scenario.clock.start
    if deadline is None:
        return None
    if deadline.tzinfo is not None and start.tzinfo is not None:
        # An author may write the deadline with another offset; the player reads one clock.
        # (Naive times are left alone: astimezone would read them as this computer's zone.)
        deadline = deadline.astimezone(start.tzinfo)
    return f"{deadline:%a %d %b %H:%M}"


def crowd_lines(scenario: Scenario, params: ModelParams) -> list[tuple[str, str]]:
    """What drives the crowd, with the pull of the campaign's own hour when it names one."""
    lines = [ANGER, trending_line(params), PRESS]
    when = deadline_words(scenario)
    if when is not None:
        lines.insert(
            1,
            (
                "A set hour",
                f"your campaign names {when}. Posts rush in "
                "during the hour before it; call it off and the rush has nothing to aim at.",
            ),
        )
    return lines


def help_page(controller: GameController, ref: str | None = None) -> Content:
    """The whole page; ``ref`` is what `bashtag play` was given, for the seed's line."""
    game = controller.game
    lines: list[Content] = [Content.assemble(("The meters", "bold $text-accent"))]
    for spec in METERS:
        if spec.video and game.scenario.platform != "video":
            continue  # a video platform's counts: not a meter of a hashtag
        lines.append(Content.assemble((f"  {spec.label}: ", "bold"), spec.explain))
    lines.append(Content(""))
    lines.append(Content.assemble(("What drives the crowd", "bold $text-accent")))
    for name, text in crowd_lines(game.scenario, game.params):
        lines.append(Content.assemble((f"  {name}: ", "bold"), text))
    lines.append(Content(""))
    lines.append(
        Content.assemble(
            ("The actions", "bold $text-accent"),
            f"  (each costs attention; you have {game.state.budget} points a turn)",
        )
    )
    options = game.available_actions()
    keys = key_map(options)
    for option in options:
        key = keys.get(ident_of(option), "") or " "
        status = "" if option.available else f" — not now: {one_line(option.reason)}"
        lines.append(
            join(
                (f"  {key}  {one_line(action_label(game.scenario, option))} ({option.cost}): ", "bold"),
                (option.description, ""),
                (status, "$text-warning"),
            )
        )
    lines.append(
        Content.assemble(
            "  e  End the turn: the crowd, the press and events play out.   ?  this help.   "
            "q  quit.   Ctrl+P: every action by name."
        )
    )
    lines.append(
        Content.assemble(
            ("  Your own words: ", "bold"),
            "r and s open a writer. Type your reply or statement, or start from a suggestion "
            "(a tone's reply, a prepared statement) and edit it; below it you see how it will "
            "read, and what the crisis calls for. Tab moves to the suggestions; Enter is a new "
            "line; Ctrl+S sends; Esc backs out and keeps your draft.",
        )
    )
    lines.append(Content(""))
    last = controller.last_report
    lines += _changes(
        "Why the meters moved last turn" + (f" (turn {last.record.turn})" if last else ""), last.changes if last else ()
    )
    lines.append(Content(""))
    lines += _changes("What your actions did this turn", controller.changes_this_turn)
    lines.append(Content(""))
    lines.append(seed_line(ref or game.scenario.id, game.seed))
    return Content("\n").join(lines)
