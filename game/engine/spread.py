"""Self-exciting spread over the follower graph: how posts make more posts.

Each post exposes the poster's interested followers.  An exposed account may post in turn, at a
rate that follows a memory kernel fitted to real retweet cascades (SEISMIC, research/models.md M2):
most reactions come within the hour, a long tail over the next two days.  The kernel is a sum of
exponentials, so the whole exposure history of an account is a few numbers that decay in place —
one step costs O(accounts + links of this step's posters), never O(history).

An account's chance to post also depends on its stance and the crowd's anger (hostile accounts are
driven by grievance: SCCT, M4), on the time of day, and on fatigue (each post an account makes
lowers its urge to post again).  Three channels bring exposure from outside the follow links:
the campaign's invitation (watchers of the brand see it), the trending list (while the tag trends,
each post shows it to outsiders: M3 "Trending and search exposure"), and bursts such as press
stories or a TV segment.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from game.engine.graph import FollowerGraph
from game.engine.params import DEFAULT_PARAMS, ModelParams, PostingParams
from game.engine.stance import Stance


def circadian(hour: float, posting: PostingParams = DEFAULT_PARAMS.posting) -> float:
    """Relative posting activity by local hour: lowest before dawn, highest mid-afternoon."""
    return posting.rhythm_mean - posting.rhythm_swing * math.cos(math.tau * (hour - posting.rhythm_low_hour) / 24.0)


def deadline_rush(hours_left_from: float, hours_left_to: float, pressure: float, lead: float) -> float:
    """The mean multiplier on the urge to post over a step that runs from ``hours_left_from`` to
    ``hours_left_to`` hours before a deadline (negative once it has passed): 1 + pressure × lead /
    (lead + hours left), averaged exactly so that a long step does not step over the peak."""
    span = hours_left_from - hours_left_to
    if span <= 0 or hours_left_from <= 0:
        return 1.0
    upto = max(hours_left_to, 0.0)  # only the part of the step before the deadline rushes
    extra = pressure * lead * math.log((lead + hours_left_from) / (lead + upto))
    return 1.0 + extra / span


@dataclass
class StepResult:
    posts: np.ndarray  # posts per node in the step (int64)
    expected_offspring: float
    posters: np.ndarray | None = None  # the nodes that posted (ascending), so callers need not search
    total: int | None = None  # posts.sum()


def _poisson_counts(rng: np.random.Generator, mean: np.ndarray) -> np.ndarray:
    """Independent Poisson counts with the given means (see ``_poisson_draw``)."""
    return _poisson_draw(rng, mean)[0]


def _poisson_draw(
    rng: np.random.Generator, mean: np.ndarray, scratch: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray | None]:
    """Independent Poisson counts with the given means, drawn as one Poisson total split
    multinomially (the same distribution) — three times cheaper than a draw per account when,
    as in most storms, most means are tiny.  When the expected posts pass a tenth of the accounts (a
    storm of millions), counting arrivals account by account is the cheaper way to the same
    distribution.  Also returns the accounts drawn (with repeats, ascending) when the split drew
    them, so the caller can find the posters without searching every account (None otherwise);
    ``scratch``, an array like ``mean``, saves allocating the running sum."""
    expected = float(mean.sum())
    if expected > 0.1 * mean.shape[0]:  # not a parameter: which algorithm is cheaper
        return _poisson_by_arrivals(rng, mean), None
    total = int(rng.poisson(expected)) if mean.size else 0
    if total == 0:
        return np.zeros(mean.shape[0], dtype=np.int64), np.zeros(0, dtype=np.intp)
    accounts = mean.shape[0]
    expecting = mean != 0.0
    if np.count_nonzero(expecting) * 4 < accounts:  # not a parameter: which pass is cheaper
        # Before the tag trends most accounts have seen nothing and expect no post: the running sum
        # over the others has the very same partial sums (adding zero changes no bit), and every
        # search ends on one of them, so it is summed over them alone (a fifth of the work).
        among: np.ndarray | None = np.flatnonzero(expecting)
        cumulative = np.cumsum(mean[among])
    else:
        among = None
        cumulative = np.cumsum(mean, out=scratch)
    draws = rng.random(total)
    draws *= cumulative[-1]
    # Sorted, the searches walk the running sum once (2x faster for thousands of posts); the counts
    # do not depend on the order the accounts were drawn in.
    draws.sort()
    picks = np.searchsorted(cumulative, draws, side="right")
    if among is None:
        np.minimum(picks, accounts - 1, out=picks)
    else:
        # A draw past the end (rounding) goes to the last account, as a search of every account says.
        picks = np.where(picks < among.size, among[np.minimum(picks, among.size - 1)], accounts - 1)
    return np.bincount(picks, minlength=accounts).astype(np.int64, copy=False), picks


def _poisson_by_arrivals(rng: np.random.Generator, mean: np.ndarray) -> np.ndarray:
    """Independent Poisson counts as the arrivals of a unit-rate process within each mean: one
    exponential gap per account, then more only for the few whose first arrival came in time.
    Exact, and 1.3-1.7x as fast as numpy's Poisson draw per account when most means are below one
    (a storm of millions over aggregated accounts); large means still take numpy's draw."""
    counts = np.zeros(mean.shape[0], dtype=np.int64)
    large = mean > 2.0  # not a parameter: which algorithm is cheaper
    if large.any():
        counts[large] = rng.poisson(mean[large])
    accounts: int = mean.shape[0]
    clock = rng.standard_exponential(accounts)
    clock[large] = np.inf
    active = np.flatnonzero(clock <= mean)
    clock, limit = clock[active], mean[active]
    while active.size:
        counts[active] += 1
        clock += rng.standard_exponential(active.size)
        still = clock <= limit
        active, clock, limit = active[still], clock[still], limit[still]
    return counts


class Spread:
    """The mutable spread state of one game (copied whole when a game is forked)."""

    def __init__(
        self,
        graph: FollowerGraph,
        params: ModelParams,
        elite: np.ndarray | None = None,
        adversaries: np.ndarray | None = None,
    ):
        self.graph = graph
        self.params = params
        # Named adversaries of the organisation follow its account: each of its posts reaches them,
        # as an opening in proportion to how openly it invites replies (``opening``, set each step).
        self.adversaries = np.asarray(adversaries if adversaries is not None else [], dtype=np.int64)
        self.opening = 0.0
        # Named accounts that watch one another and the trending list (journalists, influencers,
        # activists, celebrities, politicians): their second way onto a tag (research/ignition.md §1).
        self.elite = np.asarray(elite if elite is not None else [], dtype=np.int64)
        self.first_key = graph.org_node - len(graph.key_index)
        n = graph.size
        self.taus = np.array(params.posting.kernel_minutes, dtype=float)
        self.kernel_weights = np.array(params.posting.kernel_weights, dtype=float)
        self.exposure = np.zeros((len(self.taus), n))  # per account of each node, per kernel part
        self.outside = np.zeros(len(self.taus))  # the same, shared by every account
        self.posted = np.zeros(n)  # real posts so far per node
        self.watchers = np.flatnonzero(graph.watcher)
        self.base = graph.weight * graph.susceptibility  # accounts × chance per exposure
        self.capacity = graph.weight * params.posting.fatigue_posts
        self.most_posts = graph.weight * params.posting.max_posts_per_hour
        self.fatigue = np.ones(n)  # 1 / (1 + posted / capacity)
        self._drive = [math.nan] * len(Stance)  # the drive per camp that urge holds now
        self.urge = np.zeros(n)  # base × drive × fatigue, kept current
        # The nodes of each camp (ascending; the graph's camps never change), and base × drive per
        # node kept per camp: a step usually moves one camp's drive (the neutral camp's spectacle
        # follows the trend), so only that camp's nodes are recomputed, no drive gathered per node.
        self.camp_nodes = tuple(np.flatnonzero(graph.stance == stance) for stance in Stance)
        self._camp_base = tuple(self.base[nodes] for nodes in self.camp_nodes)
        self._base_drive = np.zeros(n)
        self._by_minutes: dict[float, tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = {}
        self._live = np.empty(n)  # this step's expected posts per node (reused: no allocation a step)
        self._running = np.empty(n)  # the running sum the posts are drawn from
        # Forced posts (scripted, key accounts): raised only through force_post, which the step
        # relies on to know whether to look (a take-back may lower them: responses.py).
        self.pending = np.zeros(n, dtype=np.int64)
        self._forced = False  # whether force_post was called since the last step (pending may be > 0)
        self.degree = np.diff(graph.indptr)  # links per node
        self.edge_source = np.repeat(np.arange(n), self.degree)  # for storms where most post
        self.trend = 0.0  # 0-1: how firmly the tag is trending
        self.trending_hours = 0.0  # how long it has trended: its novelty wears off
        self.promoted_minutes = 0.0  # a bought slot at the top of the trending list
        # Crowds in other time zones keep their own day (a worldwide trend is busy through the
        # scenario's night); when all share one clock the rhythm stays one number per step.
        lead = graph.hours_ahead
        self.one_clock = float(lead[0]) if np.all(lead == lead[0]) else None

    def force_post(self, node: int, count: int = 1) -> None:
        """Make ``node`` post in the next step (a scripted post, a key account joining)."""
        self.pending[node] += count
        self._forced = True

    def renew(self) -> None:
        """News about the tag (a follow-up story) makes it new again: its trending pull starts over."""
        self.trending_hours = 0.0

    def add_outside_exposure(self, people_looking: float) -> None:
        """People from outside the follow links come to look at the tag (a story, a trend)."""
        self.outside += people_looking / max(self.graph.population, 1.0)

    def step(
        self, rng: np.random.Generator, minutes: float, hour: float, drive_by_stance: np.ndarray, invitation_rate: float
    ) -> StepResult:
        """Advance ``minutes`` of simulated time; return the posts each node made."""
        params, graph = self.params, self.graph
        decay, decay_column, react, most = self._for_minutes(minutes)

        # Watchers of the brand see the invitation and the background talk as a steady trickle.
        inflow = invitation_rate * minutes / 60.0
        if inflow > 0 and self.watchers.size:
            for part in self.exposure:  # row by row: a third faster than one 2-D fancy index
                part[self.watchers] += inflow
        live = np.matmul(react, self.exposure, out=self._live)
        live += float(react @ self.outside)
        self._set_drive(drive_by_stance)
        rhythm = self._rhythm(hour)
        live *= self.urge
        live *= rhythm
        # Nobody keeps up more than one post every two minutes: whatever a scenario's numbers say,
        # an account's expected posts are bounded.
        np.minimum(live, most, out=live)
        posts, picked = _poisson_draw(rng, live, self._running)
        forced = None
        if self._forced:
            self._forced = False
            if self.pending.any():  # a forced post may have been taken back since (responses.py)
                forced = np.flatnonzero(self.pending)
                posts += self.pending
                self.pending[:] = 0

        self.exposure *= decay_column
        self.outside *= decay
        posters = self._posters(posts, picked, forced)
        offspring = self._expose(posts, posters, rhythm)
        if self.adversaries.size and posts[graph.org_node] and self.opening > 0:
            read = np.full(self.adversaries.size, posts[graph.org_node] * params.posting.adversary_read * self.opening)
            self.exposure[:, self.adversaries] += read
            offspring += self._expected_posts(rhythm, read, self.adversaries)
        if posters.size * 4 > posts.size:  # not a parameter: which update is cheaper
            # In a storm of millions most accounts post each step: whole-array updates beat indexing.
            self.posted += posts
            np.divide(1.0, 1.0 + self.posted / self.capacity, out=self.fatigue)
            np.multiply(self._base_drive, self.fatigue, out=self.urge)
        elif posters.size:
            self.posted[posters] += posts[posters]
            self.fatigue[posters] = 1.0 / (1.0 + self.posted[posters] / self.capacity[posters])
            self.urge[posters] = self._base_drive[posters] * self.fatigue[posters]

        if self.elite.size:
            self._elites_look(posts, minutes)
        total = int(posts.sum())
        hourly = total * 60.0 / minutes
        self.trend = 1.0 / (1.0 + (params.trend.threshold / hourly) ** params.trend.sharpness) if hourly > 0 else 0.0
        if self.promoted_minutes > 0:
            # A Promoted Trend sits at the top of the list whoever posts: shown to everyone, as if trending.
            self.trend = 1.0
            self.promoted_minutes = max(0.0, self.promoted_minutes - minutes)
        if self.trend > 0.01:  # not a parameter: below 1% the channel is off
            # While the tag trends, a share of everyone glances at it each hour: the trending list
            # shows a tag to a set audience, however many post, so this channel saturates.  The
            # glances thin out as the tag grows old news (novelty decay).
            novelty = 0.5 ** (self.trending_hours / params.trend.novelty_half_hours)
            self.trending_hours += self.trend * minutes / 60.0
            looking = params.trend.look_rate * self.trend * novelty * minutes / 60.0 * graph.population
            self.add_outside_exposure(looking)
            offspring += looking * self._expected_posts(rhythm) / max(graph.population, 1.0)
        return StepResult(posts=posts, expected_offspring=offspring, posters=posters, total=total)

    def _for_minutes(self, minutes: float) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """A step's kernel decay (flat and as a column), the share of each kernel part that reacts
        within it, and the cap on an account's posts: the same for every step of a turn's length,
        so computed once per length."""
        cached = self._by_minutes.get(minutes)
        if cached is None:
            decay = np.exp(-minutes / self.taus)
            react = self.kernel_weights * (1.0 - decay)
            cached = (decay, decay[:, None], react, self.most_posts * (minutes / 60.0))
            self._by_minutes[minutes] = cached
        return cached

    def _set_drive(self, drive_by_stance: np.ndarray) -> None:
        """Bring ``urge`` (base × drive × fatigue) up to this step's drive per camp, recomputing
        only the camps whose drive moved (as plain floats: three numbers, compared every step)."""
        new = np.asarray(drive_by_stance, dtype=float).tolist()
        old = self._drive
        if new == old:  # as np.array_equal: 0.0 and -0.0 count as the same drive
            return
        self._drive = new
        for camp, (now, before) in enumerate(zip(new, old)):
            # A camp is recomputed if its drive moved, even only the sign of a zero (it shows in urge).
            if now != before or math.copysign(1.0, now) != math.copysign(1.0, before):
                self._base_drive[self.camp_nodes[camp]] = self._camp_base[camp] * now
        np.multiply(self._base_drive, self.fatigue, out=self.urge)

    @staticmethod
    def _posters(posts: np.ndarray, picked: np.ndarray | None, forced: np.ndarray | None) -> np.ndarray:
        """The nodes with posts this step, ascending: from the accounts the draw picked and the
        forced posts when known (a few hundred numbers), else by searching every account."""
        if picked is None:
            return np.flatnonzero(posts)
        nodes = picked if forced is None else np.sort(np.concatenate([picked, forced]))
        if nodes.size == 0:
            return nodes.astype(np.intp, copy=False)
        first = np.empty(nodes.size, dtype=bool)
        first[0] = True
        np.not_equal(nodes[1:], nodes[:-1], out=first[1:])
        nodes = nodes[first]
        return nodes if forced is None else nodes[posts[nodes] != 0]

    def alert_elites(self, exposures: float) -> None:
        """Every named account that watches the news gets ``exposures`` (a press story on the tag)."""
        if self.elite.size and exposures > 0:
            self.exposure[:, self.elite] += exposures

    def _elites_look(self, posts: np.ndarray, minutes: float) -> None:
        """Named accounts see what other named accounts post (elites read elites; journalists source
        stories from known accounts), and check a trending tag as they would a wire; the exposures
        count from the next step."""
        posting = self.params.posting
        by_named = float(posts[self.first_key : self.graph.org_node].sum())
        seen = posting.elite_watch * (by_named - posts[self.elite])
        if self.trend > 0.01:  # not a parameter: below 1% the channel is off
            seen = seen + posting.elite_trend_rate * self.trend * minutes / 60.0
        if np.any(seen > 0):
            self.exposure[:, self.elite] += np.maximum(seen, 0.0)

    def _rhythm(self, hour: float) -> float | np.ndarray:
        """This step's daily-rhythm factor: one number, or one per node when crowds keep
        different clocks."""
        if self.one_clock is not None:
            return circadian((hour + self.one_clock) % 24.0, self.params.posting)
        by_segment = np.array([circadian((hour + lead) % 24.0, self.params.posting) for lead in self.graph.hours_ahead])
        per_node: np.ndarray = by_segment[self.graph.segment]
        return per_node

    def _expected_posts(
        self, rhythm: float | np.ndarray, received: np.ndarray | None = None, targets: np.ndarray | None = None
    ) -> float:
        """Posts that ``received`` exposures (one per account when None) are expected to cause,
        at ``targets`` (every node when None), in this step's rhythm."""
        urge = self.urge if targets is None else self.urge[targets]
        if isinstance(rhythm, np.ndarray):
            urge = urge * (rhythm if targets is None else rhythm[targets])
            rhythm = 1.0
        # An explicit multiply-sum, not np.dot: BLAS splits a long dot product across threads, so
        # its last bits depended on the machine's cores (and a second thread only waits for a core
        # on a busy machine).
        total = float(urge.sum()) if received is None else float(np.multiply(urge, received).sum())
        return total * rhythm

    def _expose(self, posts: np.ndarray, posters: np.ndarray, rhythm: float | np.ndarray) -> float:
        """Add the exposures this step's posts give the posters' followers; return the posts
        those exposures are expected to cause in all (for the virality figure)."""
        graph = self.graph
        if posters.size == 0:
            return 0.0
        starts = graph.indptr[posters]
        lengths = self.degree[posters]
        ends = np.cumsum(lengths)
        total = int(ends[-1])
        if total == 0:
            return 0.0
        if total * 3 > graph.indices.size:  # not a parameter: which pass is cheaper
            # Most links carry a post: one pass over every link beats gathering them.
            weights = graph.data * posts[self.edge_source]
            return self._add_exposure(np.bincount(graph.indices, weights=weights, minlength=graph.size), rhythm)
        # Positions of every link of every poster, without a Python loop.
        positions = np.repeat(starts - (ends - lengths), lengths)
        positions += np.arange(total)
        targets = graph.indices[positions]
        weights = graph.data[positions] * np.repeat(posts[posters], lengths)
        if total * 8 < graph.size:  # not a parameter: which pass is cheaper
            for row in self.exposure:
                np.add.at(row, targets, weights)
            return self._expected_posts(rhythm, weights, targets)
        return self._add_exposure(np.bincount(targets, weights=weights, minlength=graph.size), rhythm)

    def _add_exposure(self, received: np.ndarray, rhythm: float | np.ndarray) -> float:
        """Add each account's new exposure to every part of its kernel; return the posts it is
        expected to cause."""
        self.exposure += received
        return self._expected_posts(rhythm, received)
