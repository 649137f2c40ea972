"""The calibration runs, played once per session and shared by every calibration test.

A calibration module names its scenario and the strategies it compares::

    SCENARIO = "askbg"
    STRATEGIES = {"historical": RUNS, "postpone-early": RUNS}     # strategy -> number of runs

and its tests take ``runs`` (strategy -> the batch's results) and ``scenario`` (the loaded scenario).
``calibrate(scenario, strategy, runs, seed)`` plays any other batch (another scenario to compare with,
a strategy only one test needs) through the same cache, so a batch two modules need is played once.
Every batch uses seed ``SEED`` unless asked otherwise: the figures the assertions see are those of
``run_batch(load(name), strategy, runs, SEED)``.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor

import pytest

from game.engine.simulate import RunResult, run_batch
from game.scenario.library import load
from game.scenario.models import Scenario

RUNS, SEED = 8, 1

Calibrate = Callable[..., list[RunResult]]


@pytest.fixture(scope="session")
def calibrate() -> Calibrate:
    """``calibrate(name, strategy, runs=RUNS, seed=SEED, parallel=False)``: that batch, played once."""
    scenarios: dict[str, Scenario] = {}
    played: dict[tuple[str, str, int, int], list[RunResult]] = {}

    def batch(name: str, strategy: str, runs: int = RUNS, seed: int = SEED, parallel: bool = False) -> list[RunResult]:
        key = (name, strategy, runs, seed)
        if key not in played:
            scenario = scenarios.setdefault(name, load(name))
            if parallel:        # the scale cases (millions of posts): one process per core
                with ProcessPoolExecutor(2) as pool:
                    played[key] = run_batch(scenario, strategy, runs, seed, mapper=pool.map)
            else:
                played[key] = run_batch(scenario, strategy, runs, seed)
        return played[key]

    return batch


@pytest.fixture(scope="module")
def scenario(request: pytest.FixtureRequest) -> Scenario:
    """The module's SCENARIO, loaded."""
    return load(request.module.SCENARIO)


@pytest.fixture(scope="module")
def runs(request: pytest.FixtureRequest, calibrate: Calibrate) -> dict[str, list[RunResult]]:
    """The module's STRATEGIES, each played RUNS times from SEED (PARALLEL = True plays on two cores)."""
    module = request.module
    parallel = getattr(module, "PARALLEL", False)
    return {strategy: calibrate(module.SCENARIO, strategy, count, parallel=parallel)
            for strategy, count in module.STRATEGIES.items()}
