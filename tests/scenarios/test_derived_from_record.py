"""The built-in real cases rewritten from their records alone (their crowds derived, their outlets'
thresholds by kind: tests/scenarios/record_fit.py) stay within a factor of two of the documented
volume where docs/scenarios.md says they do, and the miss it reports stays a miss until the model
learns what United's storm needs."""

from __future__ import annotations

import statistics

import pytest

from record_fit import RECORDS, run, volume

WITHIN_TWO = ("askjpm", "askseaworld", "askbg", "qantasluxury", "justine")


@pytest.mark.parametrize("case", WITHIN_TWO)
def test_a_case_written_from_its_record_lands_within_a_factor_of_two(case):
    record = RECORDS[case]
    assert record.volume is not None
    simulated = statistics.median(volume(result, record) for result in run(case, (1, 2)))
    assert 0.5 <= simulated / record.volume <= 2.0, f"{case}: {simulated:,.0f} against {record.volume:,.0f}"


def test_the_derived_grievance_breadth_decides_ignition():
    """A joke with nobody aggrieved stays small; the same engine ignites a national grievance."""
    joke = statistics.median(result.total_posts for result in run("digiorno", (1, 2)))
    grievance = statistics.median(result.total_posts for result in run("cosbymeme", (1, 2)))
    assert joke < 1_000 < 10_000 < grievance
