"""The follower graph: who sees whose posts, built from a scenario's audience and a seed.

Nodes are the crisis's *interested population* (research/models.md M1: cascades live on interest
subgraphs): each crowd segment gives a community of accounts with heavy-tailed follower counts, the
named key accounts are wired in with reach matching their documented follower counts, and the
organisation's account reaches the segments' watchers.  An edge u→v means v follows u and sees u's
posts; its weight is the expected number of real exposures it carries per post of u, per account
that node v stands for (a crowd node may stand for several similar accounts when the audience is
bigger than the node budget; named accounts are always individual).

Edges are drawn with numpy for speed (a game must build in well under a second) and stored as CSR
arrays; :meth:`FollowerGraph.to_networkx` gives the same graph as a networkx DiGraph for analysis.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from game.engine.audience import Crowd, crowds
from game.engine.params import ModelParams
from game.engine.stance import Stance
from game.scenario.models import Scenario

STANCE_CODES = {stance.word: stance for stance in Stance}


@dataclass
class FollowerGraph:
    """Node attributes and CSR follow links (arrays are never mutated after building)."""

    segment: np.ndarray  # int16, index into scenario.audience.segments
    stance: np.ndarray  # int8, 0 hostile / 1 neutral / 2 supportive
    followers: np.ndarray  # float64, real follower count of one account of the node
    weight: np.ndarray  # float64, accounts the node stands for
    watcher: np.ndarray  # bool, follows the brand/topic unprompted
    susceptibility: np.ndarray  # float64, chance an exposure makes one account post
    indptr: np.ndarray  # CSR over source nodes
    indices: np.ndarray  # int32 targets
    data: np.ndarray  # float64 exposures per post, per account of the target node
    key_index: dict[str, int]  # handle -> node of each key account
    org_node: int
    hours_ahead: np.ndarray  # float64 per segment: its local clock's lead on the scenario's

    @property
    def size(self) -> int:
        return int(self.segment.shape[0])

    @property
    def population(self) -> float:
        return float(self.weight.sum())

    def out_degree(self) -> np.ndarray:
        return np.diff(self.indptr)

    def to_networkx(self) -> Any:  # Any: a networkx.DiGraph (networkx ships no types)
        """The graph as a networkx DiGraph (edge u→v: v follows u), with node attributes."""
        import networkx as nx

        graph = nx.DiGraph()
        for node in range(self.size):
            graph.add_node(
                node,
                segment=int(self.segment[node]),
                stance=int(self.stance[node]),
                followers=float(self.followers[node]),
                weight=float(self.weight[node]),
            )
        sources = np.repeat(np.arange(self.size), np.diff(self.indptr))
        graph.add_weighted_edges_from(zip(sources.tolist(), self.indices.tolist(), self.data.tolist()))
        return graph


def build_graph(scenario: Scenario, rng: np.random.Generator, params: ModelParams) -> FollowerGraph:
    """Build the graph for ``scenario``; the same scenario and generator state give the same graph."""
    segments = crowds(scenario)
    sizes = np.array([s.size for s in segments], dtype=float)
    # Aggregate only where the audience exceeds the budget, each segment keeping its share.
    scale = min(1.0, params.graph.node_budget / sizes.sum())
    counts = np.maximum(1, np.round(sizes * scale)).astype(int)

    seg_parts, stance_parts, foll_parts, weight_parts, watch_parts, susc_parts = [], [], [], [], [], []
    for index, (segment, count) in enumerate(zip(segments, counts)):
        mix = np.array(segment.stance)
        seg_parts.append(np.full(count, index, dtype=np.int16))
        stance_parts.append(rng.choice(len(Stance), size=count, p=mix / mix.sum()).astype(np.int8))
        foll_parts.append(np.exp(np.log(segment.followers) + params.graph.follower_sigma * rng.standard_normal(count)))
        weight_parts.append(np.full(count, segment.size / count))
        watch_parts.append(rng.random(count) < segment.activity)
        susc_parts.append(np.full(count, segment.susceptibility))

    key_accounts = scenario.audience.key_accounts
    segment_ids = {s.id: i for i, s in enumerate(segments)}
    for account in key_accounts:
        seg = segment_ids.get(account.segment or "", 0)
        seg_parts.append(np.array([seg], dtype=np.int16))
        stance_parts.append(np.array([STANCE_CODES[account.stance]], dtype=np.int8))
        foll_parts.append(np.array([float(max(account.followers, 1))]))
        weight_parts.append(np.array([1.0]))
        # Named accounts join on cue (their `joins`) or when the storm reaches them, not by
        # watching the brand's own posts.
        watch_parts.append(np.array([False]))
        susc_parts.append(np.array([min(1.0, segments[seg].susceptibility * params.posting.key_engagement)]))
    # The organisation's own account: it never posts on its own through the crowd model.
    org_seg = 0
    seg_parts.append(np.array([org_seg], dtype=np.int16))
    stance_parts.append(np.array([Stance.SUPPORTIVE], dtype=np.int8))
    foll_parts.append(np.array([float(max(scenario.organisation.followers, 1))]))
    weight_parts.append(np.array([1.0]))
    watch_parts.append(np.array([False]))
    susc_parts.append(np.array([0.0]))

    segment_arr = np.concatenate(seg_parts)
    stance_arr = np.concatenate(stance_parts)
    followers = np.concatenate(foll_parts)
    weight = np.concatenate(weight_parts)
    watcher = np.concatenate(watch_parts)
    susceptibility = np.concatenate(susc_parts)
    n = segment_arr.shape[0]
    n_crowd = int(counts.sum())
    key_index = {account.handle.lower(): n_crowd + i for i, account in enumerate(key_accounts)}
    org_node = n - 1

    indptr, indices, data = _wire(segment_arr, followers, weight, watcher, counts, segments, org_node, rng, params)
    return FollowerGraph(
        segment=segment_arr,
        stance=stance_arr,
        followers=followers,
        weight=weight,
        watcher=watcher,
        susceptibility=susceptibility,
        indptr=indptr,
        indices=indices,
        data=data,
        key_index=key_index,
        org_node=org_node,
        hours_ahead=np.array([s.hours_ahead for s in segments], dtype=float),
    )


def _wire(
    segment_arr: np.ndarray,
    followers: np.ndarray,
    weight: np.ndarray,
    watcher: np.ndarray,
    counts: np.ndarray,
    segments: Sequence[Crowd],
    org_node: int,
    rng: np.random.Generator,
    params: ModelParams,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Draw follow links: each account's interested followers, mostly inside its own segment."""
    n = segment_arr.shape[0]
    n_crowd = int(counts.sum())
    starts = np.concatenate([[0], np.cumsum(counts)])
    sizes = np.array([s.size for s in segments], dtype=float)
    cohesion = np.array([s.cohesion for s in segments])

    # Real interested viewers of one post, and how many links we sample to carry them.
    viewers = followers * params.graph.see_share * params.graph.affinity
    viewers[org_node] = 0.0  # the organisation reaches its watchers below, not through this rule
    links = np.minimum(np.maximum(np.rint(viewers), 0), params.graph.edge_cap).astype(np.int64)
    links = np.minimum(links, n_crowd - 1)
    if links.sum() > params.graph.edge_budget:
        # A huge audience of huge accounts: fewer links, each carrying more exposure, so memory
        # and time stay bounded whatever a scenario file claims.
        links = np.where(
            links > 0, np.maximum(1, (links * (params.graph.edge_budget / links.sum())).astype(np.int64)), 0
        )
    total = int(links.sum())
    sources = np.repeat(np.arange(n), links)

    # Target segment: own segment with probability `cohesion`, else one chosen by size.
    own = segment_arr[sources].astype(np.int64)
    stay = rng.random(total) < cohesion[own]
    other = rng.choice(len(segments), size=total, p=sizes / sizes.sum())
    target_seg = np.where(stay, own, other)
    offsets = (rng.random(total) * counts[target_seg]).astype(np.int64)
    targets = starts[target_seg] + offsets
    targets = np.where(targets == sources, (targets + 1) % n_crowd, targets)

    per_link = np.where(links > 0, viewers / np.maximum(links, 1), 0.0)
    link_weight = per_link[sources] / weight[targets]

    # The organisation's account: one link to every watcher.  Its posts are brand content, which
    # moves people to post at a fraction of the rate outrage does (params.posting.brand_content).
    org_targets = np.flatnonzero(watcher[:n_crowd])
    sources = np.concatenate([sources, np.full(org_targets.shape[0], org_node)])
    targets = np.concatenate([targets, org_targets])
    link_weight = np.concatenate([link_weight, np.full(org_targets.shape[0], params.posting.brand_content)])

    # Two draws of the same follower are one follow link carrying both exposures.
    pair = sources.astype(np.int64) * n + targets
    unique_pairs, inverse = np.unique(pair, return_inverse=True)
    link_weight = np.bincount(inverse, weights=link_weight)
    sources, targets = unique_pairs // n, unique_pairs % n
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.add.at(indptr, sources + 1, 1)
    indptr = np.cumsum(indptr)
    return indptr, targets.astype(np.int32), link_weight
