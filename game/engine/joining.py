"""Key accounts coming onto the tag: the first time a named account posts, it is announced with what
moved it (posts by accounts it follows, named accounts it watches, the trending list, the press, the
campaign's invitation, or the independent move the record shows), and a journalist's arrival raises
the press's attention.

No outside account is put on the tag by the clock (``schedule.py``): every arrival here was caused by
what the account saw, so its causes can be told."""

from __future__ import annotations

import numpy as np

from game.engine.world import World


def announce_arrivals(w: World, crowd_posts: np.ndarray) -> None:
    for account in w.scenario.audience.key_accounts:
        handle = account.handle.lower()
        node = w.graph.key_index[handle]
        if crowd_posts[node] and handle not in w.joined:
            w.joined.add(handle)
            causes = independent_move(w, handle) or what_moved(w, node)
            w.fire(
                f"joined-{account.handle}",
                "influencer",
                f"@{account.handle} joins {w.scenario.campaign.hashtag}",
                f"{account.name} ({account.followers:,} followers, {account.stance}) is posting about it. "
                f"What moved them: {causes}.",
            )
            if account.kind == "journalist":
                w.change("press", w.params.press.journalist_arrival, f"@{account.handle}, a journalist, is on it")


def independent_move(w: World, handle: str) -> str:
    """The reason the scenario gives for a move the record shows the organisation did not cause."""
    for account in w.scenario.audience.key_accounts:
        if account.handle.lower() == handle and account.joins and account.joins.independent:
            return f"on their own ({account.joins.reason})"
    for post in w.scenario.posts:
        if post.author.lower() == handle and post.independent:
            return f"on their own ({post.reason})"
    return ""


def what_moved(w: World, node: int) -> str:
    """The exposures that reached ``node`` so far, in the player's words."""
    graph, spread = w.graph, w.spread
    parts = []
    sources = spread.edge_source[np.flatnonzero(graph.indices == node)]  # the accounts it follows
    seen = int(spread.posted[sources].sum()) if sources.size else 0
    if seen:
        parts.append(f"{seen:,} post{'s' if seen != 1 else ''} by accounts they follow")
    if node in spread.elite:  # a numpy array: `in` compares element by element, no set to build
        named = [
            a.handle
            for a in w.scenario.audience.key_accounts
            if a.handle.lower() in w.joined and graph.key_index[a.handle.lower()] != node
        ]
        if named:
            parts.append("named accounts they watch are on it (" + ", ".join("@" + h for h in named[:3]) + ")")
        if spread.trend > 0.01:  # not a parameter: the channel's floor, as in spread.py
            parts.append(f"{w.scenario.campaign.hashtag} trending")
    if w.published:
        parts.append(f"{len(w.published)} press stor{'ies' if len(w.published) > 1 else 'y'}")
    if node in spread.adversaries and w.org_posts:  # an adversary follows the account
        parts.append(f"they watch @{w.scenario.organisation.handle}'s own posts")
    if graph.watcher[node] and w.invitation > 0 and not w.cancelled_turn:
        parts.append("the campaign's invitation in their feed")
    if w.trending and not any("trending" in p for p in parts):
        parts.append(f"{w.scenario.campaign.hashtag} trending")
    return "; ".join(parts) or "the tag, seen in passing"
