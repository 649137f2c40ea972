"""What falls due in a turn by the scenario's clock or conditions: the organisation's queued posts
(unless paused or cancelled), scripted posts, and key accounts whose ``joins`` names a moment.

A due item is placed by ``turn``, by ``at`` (the turn that holds that moment) or by ``when`` (a
condition checked at the turn's end).  The clock never makes an outside account act on the
organisation's tag: a key account's fixed ``joins`` or fixed post is followed only when the scenario
gives the ``reason`` the record shows it was independent of the organisation (a passenger filming, a
reporter finding an old post).  Otherwise its arrival is caused (``spread.py``: what it sees), and a
fixed post by it is the words it says when it does arrive (``held_words``).
"""

from __future__ import annotations

import datetime as dt

from game.engine.conditions import Conditions
from game.engine.posting import org_post, scripted_post
from game.engine.world import World
from game.scenario.models import ScheduledPost, Timing


def turn_of(w: World, turn: int | None, at: dt.datetime | None) -> int | None:
    """The turn an item is placed in by its ``turn`` or ``at``, or None if neither is given."""
    if turn is not None:
        return turn
    if at is not None:
        return w.turn_at(at)
    return None


def is_due(w: World, item: Timing | ScheduledPost, conditions: Conditions, env: dict[str, float]) -> bool:
    """Whether ``item`` falls due this turn: by its place on the clock, else by its condition."""
    due_turn = turn_of(w, item.turn, item.at)
    if due_turn is not None:
        return due_turn == w.turn
    when: str | None = getattr(item, "when", None)
    if not when:
        return False
    return conditions.holds(when, env)


def things_due(w: World, conditions: Conditions) -> set[int]:
    """Scheduled posts, key accounts joining and scripted posts due this turn; returns key nodes
    whose post this turn already has scripted words."""
    env = conditions.env(w)
    for index, scheduled in enumerate(w.scenario.scheduled_posts):
        if index in w.used_scheduled or turn_of(w, scheduled.turn, scheduled.at) != w.turn:
            continue
        w.used_scheduled.add(index)
        if w.cancelled_turn or w.paused:
            continue
        post = org_post(w, w.text.fill(scheduled.text), at=scheduled.at)
        w.spread.force_post(w.graph.org_node)
        if scheduled.invitation:
            added = w.change(
                "invitation", scheduled.invitation, f"our scheduled post: “{post.text[:50]}…”"
            )  # not a parameter: words
            w.org_invitation[post.id] = added
        rp = w.params.responses
        if w.hijacked and w.anger > rp.queue_anger_above:
            w.change("anger", rp.queue_anger, "a cheerful scheduled post lands in a hostile crowd")
            w.change(
                "reputation", -rp.queue_reputation * w.threat, "the queue keeps inviting questions while the tag burns"
            )
    scripted_nodes: set[int] = set()
    for index, scripted in enumerate(w.scenario.posts):
        if index in w.used_scripted or index in w.held_scripted or not is_due(w, scripted, conditions, env):
            continue
        w.used_scripted.add(index)
        if w.withdrawn_unseen and not scripted.independent:
            continue  # the record's voices talk about a campaign that, here, nobody ever saw
        scripted_post(w, scripted)
        node = w.graph.key_index.get(scripted.author.lower())
        if node is not None:
            scripted_nodes.add(node)
    for account in w.scenario.audience.key_accounts:
        if account.joins is None or account.handle.lower() in w.joined:
            continue
        node = w.graph.key_index[account.handle.lower()]
        if node in scripted_nodes:
            continue
        if account.joins.fixed and not account.joins.independent:
            continue  # the record's time: a target the simulation is checked against, not an input
        if is_due(w, account.joins, conditions, env):
            w.spread.force_post(node)
    return scripted_nodes


def hold_words(w: World) -> None:
    """Set aside, at the start, the posts of key accounts that no condition and no independent move
    places: they are what each account says when (and if) something moves it to post."""
    for index, scripted in enumerate(w.scenario.posts):
        node = w.graph.key_index.get(scripted.author.lower())
        if node is not None and not scripted.independent and scripted.when is None:
            w.held_scripted.add(index)
            w.held_words.setdefault(node, []).append(scripted)
