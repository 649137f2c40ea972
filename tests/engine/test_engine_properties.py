"""Whatever numbers a valid scenario holds, a game plays to its end with sane meters.

The built-in cases are calibrated; a scenario written for another documented case will bring
numbers none of them has (a 40-million audience, a one-minute turn, a deadline in the past).
Hypothesis draws such scenarios from the mini case and plays them with random actions."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine import Game
from game.engine.strategies import make_strategy, take_turn
from game.scenario.models import Scenario

MINI = Scenario.model_validate(yaml.safe_load((Path(__file__).parent / "mini.yaml").read_text()))

segment_numbers = st.fixed_dictionaries(
    {
        "size": st.integers(1, 50_000_000),
        "followers": st.integers(1, 10_000_000),
        "activity": st.floats(0, 1),
        "susceptibility": st.floats(0, 1),
        "hostile": st.floats(0, 1),
    }
)


@st.composite
def scenarios(draw) -> Scenario:
    segments = []
    for segment in MINI.audience.segments:
        numbers = draw(segment_numbers)
        hostile = numbers.pop("hostile")
        stance = {"hostile": hostile, "neutral": (1 - hostile) * 0.8, "supportive": (1 - hostile) * 0.2}
        segments.append(segment.model_copy(update={**numbers, "stance": segment.stance.model_copy(update=stance)}))
    phases = [phase.model_copy(update={"turn_minutes": draw(st.integers(1, 10080))}) for phase in MINI.clock.phases]
    start = MINI.clock.start
    deadline = draw(st.none() | st.integers(-48 * 60, 30 * 24 * 60).map(lambda m: start + dt.timedelta(minutes=m)))
    return MINI.model_copy(
        update={
            "audience": MINI.audience.model_copy(update={"segments": segments}),
            "clock": MINI.clock.model_copy(update={"phases": phases}),
            "campaign": MINI.campaign.model_copy(update={"invitation": draw(st.floats(0, 100)), "deadline": deadline}),
            "organisation": MINI.organisation.model_copy(
                update={
                    "reputation": draw(st.floats(0, 100)),
                    "grievance": draw(st.floats(0, 1)),
                    "followers": draw(st.integers(0, 500_000_000)),
                    "crisis_type": draw(st.sampled_from(["victim", "accidental", "preventable"])),
                }
            ),
        }
    )


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios(), st.integers(0, 2**31 - 1))
def test_any_valid_numbers_play_to_an_ending_with_sane_meters(scenario, seed):
    game = Game(scenario, seed)
    strategy = make_strategy("random", game)
    while not game.over:
        take_turn(game, strategy)
        game.end_turn()
        state = game.state
        for meter in (state.reputation, state.press, state.anger, state.invitation):
            assert math.isfinite(meter) and 0 <= meter <= 100
        assert math.isfinite(state.virality) and state.virality >= 0
        assert 0 <= state.negative_share <= 1 and state.total_posts >= 0
    assert game.state.ending is not None
