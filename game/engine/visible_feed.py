"""The posts a player sees at a turn's end: ours and the scripted ones, the key accounts that
posted, then a sample of the crowd weighted by how visible each poster is, with likes and reposts."""

from __future__ import annotations

import datetime as dt

import numpy as np

from game.engine.conditions import Conditions
from game.engine.stance import STANCE_NAMES, Stance
from game.engine.state import Post
from game.engine.world import World


def build_feed(w: World, crowd_posts: np.ndarray, scripted_nodes: set[int], conditions: Conditions) -> list[Post]:
    """This turn's visible posts: ours and the scripted ones, key accounts, then a sample of the crowd."""
    graph, rng, params = w.graph, w.rng, w.params
    situational = w.scenario.templates.situational
    if situational:
        env = conditions.env(w)
        w.text.set_situation(tuple(i for i, pool in enumerate(situational) if conditions.holds(pool.when, env)))
    feed: list[Post] = list(w.pending_posts)
    texts = {p.text for p in feed}
    fp = params.feed
    heat = 1.0 + w.anger / fp.heat_scale
    minutes = max(1, w.turn_minutes())
    accounts = {a.handle.lower(): a for a in w.scenario.audience.key_accounts}
    index_to_handle = {node: handle for handle, node in graph.key_index.items()}

    def engagement(followers: float, stance_code: int) -> tuple[int, int]:
        hostile = stance_code == Stance.HOSTILE
        rate = (fp.hostile_engagement if hostile else fp.other_engagement) * (heat if hostile else 1.0)
        mean = followers * params.graph.see_share * rate * fp.repost_window
        reposts = int(rng.poisson(min(mean, 1e6)))  # not a parameter: keeps the draw in range
        likes = int(rng.poisson(reposts * fp.likes_per_repost + 0.5))
        return likes, reposts

    def moment() -> dt.datetime:
        return w.turn_start() + dt.timedelta(minutes=float(rng.integers(minutes)))

    for position, post in enumerate(feed):
        likes, reposts = engagement(post.followers, Stance.of(post.stance))
        feed[position] = Post(
            **{
                **post.__dict__,
                "likes": likes if post.source != "org" else 0,
                "reposts": reposts if post.source != "org" else 0,
            }
        )
    posters = np.flatnonzero(crowd_posts)
    first_key = graph.org_node - len(graph.key_index)  # crowd nodes, then key accounts, then us
    key_nodes = [
        int(n) for n in posters[(posters >= first_key) & (posters < graph.org_node)] if int(n) not in scripted_nodes
    ]
    for node in key_nodes:
        account = accounts[index_to_handle[node]]
        stance: str = account.stance
        held = w.held_words.get(node)
        if held:
            # The record's words for this account, said now that something moved it to post.
            scripted = held.pop(0)
            text, stance = w.text.fill(scripted.text), scripted.stance
        else:
            text = w.text.text(stance, texts)
        texts.add(text)
        likes, reposts = engagement(account.followers, graph.stance[node])
        feed.append(
            Post(
                w.next_post_id(),
                w.turn,
                moment(),
                account.handle,
                account.name,
                account.followers,
                text,
                stance,
                likes,
                reposts,
                "key",
            )
        )
    crowd = posters[posters < first_key].astype(np.int64)
    room = max(0, min(fp.crowd, fp.size - len(feed)))
    if crowd.size and room:
        visibility = crowd_posts[crowd] * graph.followers[crowd] ** 0.5
        chosen = rng.choice(crowd, size=min(room, crowd.size), replace=False, p=visibility / visibility.sum())
        for node in chosen:
            stance = STANCE_NAMES[int(graph.stance[node])]
            text = w.text.text(stance, texts)
            texts.add(text)
            handle = w.text.handle_for(int(node))
            followers = int(graph.followers[node])
            likes, reposts = engagement(followers, int(graph.stance[node]))
            feed.append(
                Post(
                    w.next_post_id(),
                    w.turn,
                    moment(),
                    handle,
                    w.text.display_name(handle),
                    followers,
                    text,
                    stance,
                    likes,
                    reposts,
                    "crowd",
                )
            )
    feed.sort(key=lambda p: (p.source != "org", -(p.likes + fp.repost_weight * p.reposts)))
    return feed
