"""Reputation and anger at a turn's end: hostile reach wears the organisation's standing (scaled by
the SCCT threat), supporters' reach lifts it, and anger relaxes toward the grievance's baseline."""

from __future__ import annotations

import math

from game.engine.params import ModelParams
from game.engine.wording import people
from game.engine.world import NOISE, World
from game.scenario.models import Organisation


def settle_reputation(
    w: World, hostile: int, hostile_reach: float, supportive: int, supportive_reach: float, hours: float
) -> None:
    """Damage grows with the log of all hostile reach so far (the first million impressions hurt
    most; later ones tell people what they already heard), scaled by the SCCT threat; so the same
    crisis costs the same whether it is played in long or short turns."""
    params = w.params

    def worn(reach: float) -> float:
        return params.reputation.reach_damage * w.threat * math.log1p(reach / params.reputation.reach_scale)

    def lifted(reach: float) -> float:
        return params.reputation.support_gain * math.log1p(reach / params.reputation.reach_scale)

    if hostile_reach > 0:
        damage = worn(w.hostile_reach + hostile_reach) - worn(w.hostile_reach)
        w.change("reputation", -damage, f"{hostile:,} hostile posts reached {people(hostile_reach)}")
    if supportive_reach > 0:
        lift = lifted(w.supportive_reach + supportive_reach) - lifted(w.supportive_reach)
        w.lift(lift, f"{supportive:,} supportive posts reached {people(supportive_reach)}")
    w.hostile_reach += hostile_reach
    w.supportive_reach += supportive_reach
    baseline = 100.0 * w.scenario.organisation.grievance
    drift = (baseline - w.anger) * (1.0 - math.exp(-hours / params.reputation.anger_memory_hours))
    if abs(drift) >= NOISE:
        w.change("anger", drift, "anger cools with time" if drift < 0 else "the grievance simmers on")


def history_share(organisation: Organisation, params: ModelParams) -> float:
    """How heavy the organisation's past crises weigh, 0-1 (a full history is ``history_full``)."""
    return min(1.0, sum(c.severity for c in organisation.history) / params.reputation.history_full)


def threat_of(organisation: Organisation, params: ModelParams) -> float:
    """SCCT's reputational threat: the responsibility its crisis type attributes, raised by a history
    of crises and by a poor prior reputation (Coombs 2007's intensifiers)."""
    rp = params.reputation
    return (
        params.responsibility_of(organisation.crisis_type)
        * (1 + rp.history_weight * history_share(organisation, params))
        * (1 + rp.prior_reputation_weight * (rp.neutral_reputation - organisation.reputation) / rp.neutral_reputation)
    )
