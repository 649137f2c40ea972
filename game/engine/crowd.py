"""The crowd's part of a turn: the spread model stepped through the turn in sub-steps of at most ten
simulated minutes, driven by anger, the trend, goodwill, the invitation and a deadline's pull."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import numpy as np

from game.engine.params import DEFAULT_PARAMS, ModelParams
from game.engine.posting import on_clock
from game.engine.spread import deadline_rush
from game.engine.stance import Stance
from game.engine.world import World


@dataclass(frozen=True)
class CrowdTurn:
    """What the crowd did in one turn."""

    node_posts: np.ndarray
    """Posts per account (node) in the turn, the organisation's own included."""
    offspring: float
    """Posts the turn's posts are expected to cause (virality = offspring / posts)."""
    trending_share: float
    """The share of the turn's talk that fell while the tag trended (0-1)."""


def steps_for(minutes: float, params: ModelParams = DEFAULT_PARAMS) -> int:
    """How many spread steps a turn of ``minutes`` is simulated in (at most ten minutes each, up
    to a ceiling, so a day-long turn costs no more than a few hours' worth)."""
    posting = params.posting
    return min(posting.max_steps, max(1, math.ceil(minutes / posting.max_step_minutes)))


def play_out_crowd(w: World, start: dt.datetime, minutes: float) -> CrowdTurn:
    """Step the spread model through the turn and fire the crowd's own events (old news, the rush
    before a deadline)."""
    params, graph = w.params, w.graph
    steps = steps_for(minutes, params)
    step_minutes = minutes / steps
    drive = np.zeros(len(Stance))  # one urge per camp
    trended_before = w.spread.trending_hours
    node_posts = np.zeros(graph.size, dtype=np.int64)
    offspring = 0.0
    peak_rush = 1.0
    trending_posts = all_posts = 0.0  # how much of the turn's talk happened while it trended
    for index in range(steps):
        moment = start.hour + start.minute / 60.0 + (index + 0.5) * step_minutes / 60.0
        drive[Stance.HOSTILE] = params.posting.hostile_drive[0] + params.posting.hostile_drive[1] * w.anger / 100.0
        drive[Stance.NEUTRAL] = params.posting.neutral_drive * (1.0 + params.posting.spectacle * w.spread.trend)
        drive[Stance.SUPPORTIVE] = params.posting.supportive_drive * (1.0 + params.posting.goodwill_drive * w.goodwill)
        rush = _deadline_rush(w, start, index * step_minutes, step_minutes)
        peak_rush = max(peak_rush, rush)
        drive *= rush
        # Salience is steep: a vague invitation a week away is ignored, a named executive at a
        # set hour is a target (#AskJPM: little traffic for six days, a flood within hours).
        opening = 0.0 if w.cancelled_turn else (w.invitation / 100.0) ** params.posting.invitation_salience
        w.spread.opening = opening  # what an adversary reads in the organisation's posts
        invite = params.posting.invitation_rate * opening
        direct = invite + (0.0 if w.cancelled_turn else params.posting.baseline_rate * params.posting.brand_content)
        result = w.spread.step(w.rng, step_minutes, moment % 24.0, drive, direct)
        # A few hundred posters: add theirs, not a count for every account.
        sparse = result.posters is not None and result.posters.size * 4 <= graph.size  # not a parameter: cost
        if sparse:
            node_posts[result.posters] += result.posts[result.posters]
        else:
            node_posts += result.posts
        offspring += result.expected_offspring
        step_posts = float(result.total if result.total is not None else result.posts.sum())
        trending_posts += w.spread.trend * step_posts
        all_posts += step_posts

    half_life = params.trend.novelty_half_hours
    if trended_before < half_life <= w.spread.trending_hours:
        w.fire(
            "old-news",
            "campaign",
            f"{w.scenario.campaign.hashtag} is turning into old news",
            "A day on the trending list: half as many people come to look as on the first day. "
            "A new round would bring them back: a defence or an attack the press writes up.",
        )
    # The busiest step tells: a long turn that ends at the hour rushes at its end, not on average.
    # (Only with a deadline: without one the rush is 1.0, below the default threshold, but a params
    # file may set the threshold at 1 or lower.)
    campaign_deadline = w.scenario.campaign.deadline
    if (
        campaign_deadline is not None
        and peak_rush >= params.posting.deadline_rush_event
        and not any(e.id == "deadline-rush" for e in w.events)
    ):
        deadline = on_clock(campaign_deadline, start)
        w.fire(
            "deadline-rush",
            "campaign",
            f"{w.scenario.campaign.hashtag} fills up before {deadline:%H:%M}",
            "People want their say in before the hour: the less time is left, the harder they "
            "push. Call it off, and there is no hour left to beat.",
        )
    return CrowdTurn(node_posts, offspring, trending_posts / all_posts if all_posts else 0.0)


def _deadline_rush(w: World, start: dt.datetime, offset_minutes: float, step_minutes: float) -> float:
    """How much the campaign's deadline (a Q&A's start) presses people to post in this step: only
    while the campaign stands — a cancelled session, or one whose invitation is gone, has no hour
    to beat."""
    deadline = w.scenario.campaign.deadline
    if deadline is None or w.cancelled_turn or w.invitation <= 0:
        return 1.0
    left = (deadline - start).total_seconds() / 3600.0 - offset_minutes / 60.0
    return deadline_rush(
        left, left - step_minutes / 60.0, w.params.posting.deadline_pressure, w.params.posting.deadline_lead_hours
    )
