"""Tags a storm spawns elsewhere: copycats in other cities, parodies, counter-tags (#myLAPD after
#myNYPD, #NewUnitedAirlinesMottos, #AnswerTheQ).  A scenario lists the ones its record shows, each
with what sets it off; this module gives each its own small storm.

No systematic rate of spin-offs is known (research/ignition.md §5), so the shape follows the few
documented ones: a tag is born some hours after its trigger, runs at a share of its parent's rate
while the parent runs, keeps its own momentum as the parent fades, and wears thin within a day or
two.  It may trend on its own, and a second trending tag gives the press a second angle.  Its posts
are its own: they are not the parent's volume, which is what records count.
"""

from __future__ import annotations

import datetime as dt

from game.engine.conditions import Conditions
from game.engine.wording import people
from game.engine.world import World


def spin_offs_turn(w: World, conditions: Conditions, parent_per_hour: float, hours: float) -> None:
    """Set off the spin-offs whose trigger holds this turn; play those already born."""
    if not w.scenario.spin_offs:
        return
    sp = w.params.spin_off
    env = conditions.env(w)
    start, end = w.turn_start(), w.turn_start(w.turn + 1)
    for spin_off in w.scenario.spin_offs:
        tag = spin_off.tag
        if tag not in w.spin_off_born and conditions.holds(spin_off.when, env):
            w.spin_off_born[tag] = start + dt.timedelta(hours=sp.lag_hours)
        born = w.spin_off_born.get(tag)
        if born is None or born >= end:
            continue
        live = min(hours, (end - max(born, start)).total_seconds() / 3600.0)
        before = w.spin_off_rate.get(tag, 0.0)
        # Fed by the parent while it runs; its own momentum wears thin as the joke does.
        rate = max(sp.feed_share * parent_per_hour, before * 0.5 ** (live / sp.half_life_hours))
        w.spin_off_rate[tag] = rate
        posts = int(w.spin_off_rng.poisson(rate * live))
        first = tag not in w.spin_off_posts
        w.spin_off_posts[tag] = w.spin_off_posts.get(tag, 0) + posts
        where = f" {spin_off.where}" if spin_off.where else ""
        if first:
            w.fire(
                f"spin-off-{tag[1:].lower()}",
                "event",
                f"A new tag, {tag}, riffs on {w.scenario.campaign.hashtag}{where}",
                f"{posts:,} posts on {tag} so far; it runs as its own storm now.",
            )
        if tag not in w.spin_off_trended and rate >= w.params.trend.threshold:
            w.spin_off_trended.add(tag)
            w.fire(
                f"spin-off-{tag[1:].lower()}-trending",
                "event",
                f"{tag} is trending{where}",
                f"About {people(rate)} posts an hour: a second tag is a second angle for the press.",
            )
            w.change("press", sp.press, f"{tag} trends: a second angle for the story")
