"""Tags a storm spawns elsewhere (copycats, parodies, counter-tags): born hours after their trigger,
fed by the parent, fading on their own, their posts apart from the parent's."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine import Game
from game.engine.simulate import play
from game.scenario.loader import load_scenario, load_scenario_with_warnings
from game.scenario.problems import ScenarioError

MINI = (Path(__file__).parent / "mini.yaml").read_text()


def with_spin_offs(block: str) -> str:
    return MINI.rstrip("\n") + "\nspin_offs:\n" + block


COPYCAT = with_spin_offs('  - {tag: "#MiniCopycat", when: "total_posts >= 1", where: in another city}\n')


def test_a_spin_off_is_born_after_its_lag_and_runs_on_its_own():
    game = Game(load_scenario(COPYCAT), 1)
    world = game.world
    while not game.over and "#MiniCopycat" not in world.spin_off_born:
        game.end_turn()
    born = world.spin_off_born["#MiniCopycat"]
    trigger_turn = game.state.history[-1].start
    assert (born - trigger_turn).total_seconds() / 3600 == pytest.approx(world.params.spin_off.lag_hours)
    while not game.over:
        game.end_turn()
    events = [e for e in game.state.events if e.id.startswith("spin-off-minicopycat")]
    assert events and "in another city" in events[0].headline
    # It shows up in the turn its first posts come, not before.
    assert game.turn_start(events[0].turn) <= born < game.turn_start(events[0].turn + 1)
    assert world.spin_off_posts["#MiniCopycat"] > 0
    # Its posts are its own, not the parent's volume: while it does not trend, the parent plays exactly as without it.
    plain = play(load_scenario(MINI), "historical", 1)
    with_copycat = play(load_scenario(COPYCAT), "historical", 1)
    assert [r["posts"] for r in plain.timeline] == [r["posts"] for r in with_copycat.timeline]


def test_a_spin_off_whose_trigger_never_holds_never_appears_and_one_that_does_is_deterministic():
    never = load_scenario(with_spin_offs('  - {tag: "#Never", when: "total_posts > 1000000000"}\n'))
    result = play(never, "historical", 3)
    assert not any(e.startswith("spin-off") for row in result.timeline for e in row["events"])
    first, again = play(load_scenario(COPYCAT), "historical", 4), play(load_scenario(COPYCAT), "historical", 4)
    assert first.timeline == again.timeline


def test_a_spin_off_fades_once_its_parent_is_quiet():
    game = Game(load_scenario(COPYCAT), 2)
    rates = []
    while not game.over:
        game.end_turn()
        rates.append(game.world.spin_off_rate.get("#MiniCopycat", 0.0))
    peak = max(rates)
    assert peak > 0 and rates[-1] < peak


@pytest.mark.parametrize(
    ("block", "says"),
    [
        ('  - {tag: "MiniCopycat", when: "trending"}\n', "spin_offs[0].tag"),
        ('  - {tag: "#MiniCopycat", when: "trendin"}\n', "spin_offs[0].when"),
    ],
)
def test_a_bad_spin_off_is_refused_with_its_place(block, says):
    with pytest.raises(ScenarioError) as error:
        load_scenario_with_warnings(with_spin_offs(block), "t.yaml")
    assert any(says in str(p) for p in error.value.problems)
