"""The spread step's shortcuts (issue 21: games by the thousand) keep what they stand in for.

The step no longer searches every account for posters, no longer recomputes every account's urge
when one camp's drive moves, and finds a moment's turn in the world's own list: each test below
checks the shortcut against the plain computation it replaced, over real steps of a real game.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from game.engine import Game
from game.engine.spread import Spread, _poisson_draw
from game.scenario.library import load


@pytest.fixture(scope="module")
def askjpm():
    return load("askjpm")


def _steps(spread: Spread, rng: np.random.Generator, drives: list[np.ndarray], force: dict[int, list[int]]):
    """Step ``spread`` once per drive, forcing the listed nodes' posts before the given steps."""
    for index, drive in enumerate(drives):
        for node in force.get(index, []):
            spread.force_post(node)
        yield spread.step(rng, 10.0, 14.0, drive, 0.5)


def test_the_posters_a_step_reports_are_exactly_the_accounts_that_posted(askjpm):
    game = Game(askjpm, 5)
    spread, graph = game.world.spread, game.world.graph
    key = graph.org_node - 1
    # Calm steps, a storm, and forced posts (one of them taken back, as a cancelled reply does).
    drives = [np.array([1.0, 0.5, 0.4])] * 4 + [np.array([60.0, 30.0, 20.0])] * 3 + [np.array([1.0, 0.5, 0.4])] * 3
    spread.force_post(graph.org_node)
    spread.pending[graph.org_node] -= 1
    seen = 0
    for result in _steps(spread, np.random.default_rng(2), drives, {1: [key, graph.org_node], 5: [key]}):
        np.testing.assert_array_equal(result.posters, np.flatnonzero(result.posts))
        assert result.total == int(result.posts.sum())
        seen += result.posters.size
    assert seen > 0


def test_urge_is_base_times_drive_times_fatigue_whichever_camps_moved(askjpm):
    game = Game(askjpm, 9)
    spread, graph = game.world.spread, game.world.graph
    hostile, neutral, supportive = 1.3, 0.6, 0.4
    drives = []
    for step in range(12):
        neutral *= 1.1  # the spectacle follows the trend: only the neutral camp moves ...
        if step % 4 == 0:
            hostile += 0.2  # ... and now and then anger moves the hostile camp too
        drives.append(np.array([hostile, neutral, supportive]))
    drives.append(np.array([hostile, -0.0, supportive]))  # a drive of zero, then its other sign
    drives.append(np.array([hostile, 0.0, supportive]))
    for result, drive in zip(_steps(spread, np.random.default_rng(4), drives, {}), drives, strict=True):
        assert result.posts.sum() >= 0
        expected = spread.base * np.asarray(spread._drive)[graph.stance] * spread.fatigue
        np.testing.assert_array_equal(spread.urge, expected)
        assert (np.asarray(spread._drive) == drive).all()


def test_the_draw_picks_the_accounts_it_counts():
    rng = np.random.default_rng(11)
    means = np.random.default_rng(3).random(5000) ** 6 * 0.05
    counts, picked = _poisson_draw(rng, means)
    assert picked is not None and picked.size == counts.sum()
    assert np.all(np.diff(picked) >= 0)  # ascending
    np.testing.assert_array_equal(np.bincount(picked, minlength=means.size), counts)


def test_a_moment_falls_in_the_same_turn_by_the_world_as_by_the_scenario(askjpm):
    world = Game(askjpm, 1).world
    starts = world.turn_starts
    moments = [starts[0] - dt.timedelta(minutes=1), starts[-1], starts[-1] + dt.timedelta(days=1)]
    for begin, end in zip(starts, starts[1:]):
        moments += [begin, begin + (end - begin) / 2, end - dt.timedelta(seconds=1)]
    for moment in moments:
        assert world.turn_at(moment) == askjpm.turn_at(moment)


def _draw_as_before(rng: np.random.Generator, mean: np.ndarray) -> np.ndarray:
    """The split draw as it was written before the shortcuts: a running sum over every account."""
    total = int(rng.poisson(float(mean.sum())))
    if total == 0:
        return np.zeros(mean.shape[0], dtype=np.int64)
    cumulative = np.cumsum(mean)
    picks = np.searchsorted(cumulative, rng.random(total) * cumulative[-1], side="right")
    return np.bincount(np.minimum(picks, mean.shape[0] - 1), minlength=mean.shape[0]).astype(np.int64)


@pytest.mark.parametrize("expecting", [1.0, 0.5, 0.1, 0.01])  # share of accounts that expect a post
def test_the_draw_gives_the_counts_of_a_running_sum_over_every_account(expecting):
    means_rng = np.random.default_rng(21)
    for trial in range(20):
        mean = means_rng.random(20_000) ** 5 * 0.01
        mean[means_rng.random(mean.size) >= expecting] = 0.0
        if trial % 5 == 0:
            mean[-1] = 0.0  # a draw that rounds past the end falls on the last account either way
        ours, before = np.random.default_rng(trial), np.random.default_rng(trial)
        counts, picked = _poisson_draw(ours, mean)
        np.testing.assert_array_equal(counts, _draw_as_before(before, mean))
        assert picked is not None and np.array_equal(np.bincount(picked, minlength=mean.size), counts)
        assert ours.random() == before.random()  # the same draws were taken from the stream
