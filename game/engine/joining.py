"""Key accounts coming onto the tag: the first time a named account posts, it is announced, and a
journalist's arrival raises the press's attention."""

from __future__ import annotations

import numpy as np

from game.engine.world import World


def announce_arrivals(w: World, crowd_posts: np.ndarray) -> None:
    for account in w.scenario.audience.key_accounts:
        handle = account.handle.lower()
        node = w.graph.key_index[handle]
        if crowd_posts[node] and handle not in w.joined:
            w.joined.add(handle)
            w.fire(f"joined-{account.handle}", "influencer",
                   f"@{account.handle} joins {w.scenario.campaign.hashtag}",
                   f"{account.name} ({account.followers:,} followers, {account.stance}) is posting about it.")
            if account.kind == "journalist":
                w.change("press", w.params.press.journalist_arrival, f"@{account.handle}, a journalist, is on it")
