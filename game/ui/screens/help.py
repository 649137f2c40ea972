"""The `?` page: what each meter means, what each action does (and why it is closed now), and why
each meter moved this turn — read from the engine's own reasons, never worked out here."""

from __future__ import annotations

from textual.content import Content

from game.engine.state import Change
from game.ui.controller import GameController
from game.ui.literal import join, one_line
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
CROWD = (
    ("Anger", "critics post more the angrier they are. A fitting, early answer cools them; evasion, "
              "boilerplate and attacks heat them up."),
    ("Trending", "past about ten posts a minute the tag trends and strangers come to look. After a day "
                 "it is old news and half as many do, unless something new happens."),
    ("The press", "newsrooms follow hostile reach (or a big trending spectacle) and the journalists "
                  "posting on the tag. A story brings its readers to the tag."),
)


def crowd_lines(campaign) -> list[tuple[str, str]]:
    """CROWD, with the pull of the campaign's own hour when it names one."""
    lines = list(CROWD)
    if campaign.deadline is not None:
        lines.insert(1, ("A set hour", f"your campaign names {campaign.deadline:%a %d %b %H:%M}. Posts rush in "
                                       "during the hour before it; call it off and the rush has nothing to aim at."))
    return lines


def help_page(controller: GameController) -> Content:
    game = controller.game
    lines: list[Content] = [Content.assemble(("The meters", "bold $text-accent"))]
    for spec in METERS:
        lines.append(Content.assemble((f"  {spec.label}: ", "bold"), spec.explain))
    lines.append(Content(""))
    lines.append(Content.assemble(("What drives the crowd", "bold $text-accent")))
    for name, text in crowd_lines(game.scenario.campaign):
        lines.append(Content.assemble((f"  {name}: ", "bold"), text))
    lines.append(Content(""))
    lines.append(Content.assemble(("The actions", "bold $text-accent"),
                                  f"  (each costs attention; you have {game.state.budget} points a turn)"))
    options = game.available_actions()
    keys = key_map(options)
    for option in options:
        key = keys.get(ident_of(option), "") or " "
        status = "" if option.available else f" — not now: {one_line(option.reason)}"
        lines.append(join((f"  {key}  {one_line(option.label)} ({option.cost}): ", "bold"),
                          (option.description, ""), (status, "$text-warning")))
    lines.append(Content.assemble("  e  End the turn: the crowd, the press and events play out.   ?  this help.   "
                                  "q  quit.   Ctrl+P: every action by name."))
    lines.append(Content(""))
    last = controller.last_report
    lines += _changes("Why the meters moved last turn" + (f" (turn {last.record.turn})" if last else ""),
                      last.changes if last else ())
    lines.append(Content(""))
    lines += _changes("What your actions did this turn", controller.changes_this_turn)
    return Content("\n").join(lines)
