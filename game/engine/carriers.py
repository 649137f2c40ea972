"""Who carried the storm: the accounts whose posts reached the most people (the amplifiers) and the
accounts that carried it from one community into another (the bridges), with what the player did
about each of them.

Computed once, for the debrief, from the follower graph and how much every account posted in the
game (``Spread.posted``).  The reach of an account is its posts times the people one of its posts
reaches (the graph's edge weights, which already stand for real exposures).  The communities are the
scenario's audience segments.  The bridges come from networkx: a small flow graph joins each
community to the accounts in it and each account to the communities its posts reached, with the
people reached as the strength of a link; an account's betweenness in that graph counts the pairs of
communities for which it was the strongest way across.  Only the few hundred loudest accounts enter
that graph, and only paths between communities are counted, so it stays near a tenth of a second
on a 60,000-node audience.  A crowd node stands for several similar accounts when the audience is
bigger than the graph (``accounts``): the screen says so rather than crediting one invented handle.

Pure and deterministic: no randomness (betweenness is computed exactly on the small graph), and ties
are broken by node number.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from game.engine.graph import FollowerGraph
from game.engine.world import World

if TYPE_CHECKING:  # game.py's module imports this one's users: the name only, for the checker
    from game.engine.game import Game

AMPLIFIERS = 5
BRIDGES = 3
CANDIDATES = 300  # the loudest accounts that may be bridges (the rest carry too little to matter)
_REPLY_LABEL = re.compile(r"^Reply \((?P<tone>[a-z]+)\) to @(?P<handle>\S+)$")


@dataclass(frozen=True)
class Carrier:
    """One account that carried the storm."""

    handle: str
    name: str
    community: str  # the segment's name, or "named account" for a key account
    stance: str  # hostile | neutral | supportive
    key: bool  # one of the scenario's named accounts
    accounts: int  # how many similar accounts the crowd node stands for (1 for a named one)
    posts: int  # posts on the hashtag in the game
    reached: int  # people its posts reached
    outside_share: float  # of those, the share in other communities than its own
    into: tuple[str, ...]  # the other communities it reached most
    replies: tuple[str, ...]  # the tones the player answered it in, in order ("" = never answered)


@dataclass(frozen=True)
class Flow:
    """People in one community reached by posts from another."""

    source: str
    target: str
    reached: int


@dataclass(frozen=True)
class Carriers:
    amplifiers: tuple[Carrier, ...]
    bridges: tuple[Carrier, ...]
    flows: tuple[Flow, ...]  # the strongest flows between communities, strongest first


def carriers(game: Game) -> Carriers:
    """The amplifiers, the bridges and the flows between communities of ``game`` so far."""
    import networkx as nx

    w = game.world
    graph, posted = w.graph, np.asarray(w.spread.posted, dtype=float)
    segments = [s.name for s in w.scenario.audience.segments]
    n = graph.size
    source = np.repeat(np.arange(n), np.diff(graph.indptr))
    # Reach as the game counts it (the Reach meter): posts × followers × the share that see a post.
    reached = posted * graph.followers * w.params.graph.see_share
    reached[graph.org_node] = 0.0  # the organisation is not the crowd
    if not reached.any():
        return Carriers((), (), ())
    # Where those people are: spread over the communities as the account's follow links are.
    people = graph.data * graph.weight[graph.indices]  # exposures one post of the source makes
    per_post = np.bincount(source, weights=people, minlength=n)
    target_segment = graph.segment[graph.indices].astype(np.int64)
    k = len(segments)

    order = np.lexsort((np.arange(n), -reached))
    loud = [int(u) for u in order[:CANDIDATES] if reached[u] > 0]
    by_segment: dict[int, np.ndarray] = {}
    for u in loud:
        lo, hi = graph.indptr[u], graph.indptr[u + 1]
        spread = np.bincount(target_segment[lo:hi], weights=people[lo:hi], minlength=k)
        by_segment[u] = spread / per_post[u] * reached[u] if per_post[u] else np.zeros(k)

    # Flows between communities, over every account that posted (numpy, not networkx: 300k edges).
    share = np.divide(people, per_post[source], out=np.zeros_like(people), where=per_post[source] > 0)
    pair = graph.segment[source].astype(np.int64) * k + target_segment
    flow = np.bincount(pair, weights=share * reached[source], minlength=k * k).reshape(k, k)
    flows = sorted(
        ((flow[a, b], a, b) for a in range(k) for b in range(k) if a != b and flow[a, b] >= 1),
        key=lambda f: (-f[0], f[1], f[2]),
    )

    # The flow graph for networkx: community -> account in it -> communities its posts reached.
    bridge_graph = nx.DiGraph()
    for u in loud:
        home = _home(graph, u)
        for target, amount in enumerate(by_segment[u]):
            if target != home and amount >= 1:
                bridge_graph.add_edge(("c", home), ("a", u), distance=1.0)
                bridge_graph.add_edge(("a", u), ("c", target), distance=1.0 / amount)
    communities = [node for node in bridge_graph if node[0] == "c"]
    # Only paths between communities count, so only they are sources and targets (k Dijkstra runs).
    betweenness = (
        nx.betweenness_centrality_subset(bridge_graph, communities, communities, normalized=False, weight="distance")
        if bridge_graph.number_of_edges()
        else {}
    )
    bridges = sorted(
        ((score, node[1]) for node, score in betweenness.items() if node[0] == "a" and score > 0),
        key=lambda b: (-b[0], -reached[b[1]], b[1]),
    )

    answered = _answered(game)

    def make(u: int) -> Carrier:
        return _carrier(w, u, segments, reached[u], posted[u], by_segment[u], answered)

    return Carriers(
        amplifiers=tuple(make(u) for u in loud[:AMPLIFIERS]),
        bridges=tuple(make(u) for _, u in bridges[:BRIDGES]),
        flows=tuple(Flow(segments[a], segments[b], int(amount)) for amount, a, b in flows[:3]),
    )


def _home(graph: FollowerGraph, node: int) -> int:
    return int(graph.segment[node])


def _answered(game: Game) -> dict[str, list[str]]:
    """Handle (lower case) -> the tones the player replied to it in."""
    replies: dict[str, list[str]] = {}
    for taken in game.state.taken:
        match = _REPLY_LABEL.match(taken.label) if taken.kind == "reply" else None
        if match:
            replies.setdefault(match["handle"].lower(), []).append(match["tone"])
    return replies


def _carrier(
    w: World,
    node: int,
    segments: Sequence[str],
    reached: float,
    posted: float,
    into: np.ndarray,
    answered: dict[str, list[str]],
) -> Carrier:
    graph = w.graph
    keyed = {index: handle for handle, index in graph.key_index.items()}
    account = None
    if node in keyed:
        account = next((a for a in w.scenario.audience.key_accounts if a.handle.lower() == keyed[node]), None)
    handle = account.handle if account else w.text.handle_for(node)
    name = account.name if account else w.text.display_name(handle)
    home = _home(graph, node)
    total = float(into.sum())
    others = sorted((amount, index) for index, amount in enumerate(into) if index != home and amount >= 1)
    outside = sum(amount for amount, _ in others)
    stance = ("hostile", "neutral", "supportive")[int(graph.stance[node])]
    return Carrier(
        handle=handle,
        name=name,
        community=segments[home] if home < len(segments) else "",
        stance=stance,
        key=account is not None,
        accounts=max(1, round(float(graph.weight[node]))),
        posts=round(float(posted)),
        reached=int(reached),
        outside_share=float(outside / total) if total else 0.0,
        into=tuple(segments[index] for _, index in reversed(others[-2:])),
        replies=tuple(answered.get(handle.lower(), ())),
    )
