"""Posts that the organisation and the scenario's script put on the tag: where they go, and when.

The crowd's own posts come from the spread model (``spread.py``) and reach the feed through
``visible_feed.py``; this module makes the posts a turn owes to someone's decision — ours, or the
scenario's record (a scripted post, a key account's own words).
"""

from __future__ import annotations

import datetime as dt

from game.engine.state import Post
from game.engine.world import World
from game.scenario.models import ScriptedPost


def open_campaign(w: World) -> None:
    """Turn 1 opens with the campaign's announcement already up."""
    post = org_post(w, w.scenario.campaign.announcement)
    w.org_invitation[post.id] = float(w.scenario.campaign.invitation)
    w.feed = [post]
    w.spread.force_post(w.graph.org_node)


def time_in_turn(w: World, at: dt.datetime | None) -> dt.datetime:
    """A post's time: the scenario's own ``at`` when it falls in this turn (the record's minute),
    else the turn's start."""
    start = w.turn_start()
    return on_clock(at, start) if at is not None and start <= at < w.turn_start(w.turn + 1) else start


def on_clock(moment: dt.datetime, start: dt.datetime) -> dt.datetime:
    """``moment`` in the scenario's clock: a file may write a time with another UTC offset than
    its start, and the player should see every time in one zone."""
    return moment.astimezone(start.tzinfo) if moment.tzinfo and start.tzinfo else moment


def org_post(w: World, text: str, reply_to: str | None = None, at: dt.datetime | None = None) -> Post:
    """One of our posts goes up now (it reaches the feed at the turn's end)."""
    org = w.scenario.organisation
    post = Post(
        id=w.next_post_id(),
        turn=w.turn,
        time=time_in_turn(w, at),
        author=org.handle,
        name=org.name,
        followers=org.followers,
        text=text,
        stance="supportive",
        likes=0,
        reposts=0,
        source="org",
        reply_to=reply_to,
    )
    w.org_posts.append(post)
    w.org_reach[post.id] = 0.0
    w.pending_posts.append(post)
    return post


def scripted_post(w: World, scripted: ScriptedPost) -> None:
    """A scripted post goes out now: by a key account (who then counts as posting) or the crowd."""
    account = next((a for a in w.scenario.audience.key_accounts if a.handle.lower() == scripted.author.lower()), None)
    node = w.graph.key_index.get(scripted.author.lower())
    if account is not None and node is not None:
        w.spread.force_post(node)
        name, followers, source = account.name, account.followers, "key"
    else:
        fp = w.params.feed
        name, source = scripted.name or scripted.author, "scripted"
        followers = int(fp.scripted_least_followers + (w.rng.integers(fp.scripted_follower_span)))
        w.total_posts += 1
        if scripted.stance == "hostile":
            w.negative_posts += 1
    w.pending_posts.append(
        Post(
            id=w.next_post_id(),
            turn=w.turn,
            time=time_in_turn(w, scripted.at),
            author=scripted.author,
            name=name,
            followers=followers,
            text=w.text.fill(scripted.text),
            stance=scripted.stance,
            likes=0,
            reposts=0,
            source=source,
        )
    )
