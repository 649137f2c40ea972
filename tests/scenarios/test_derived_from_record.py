"""The built-in real cases rewritten from their records alone (their crowds derived, their outlets'
thresholds by kind: tests/scenarios/record_fit.py) stay within a factor of two of the documented
volume where docs/scenarios.md says they do; United's storm, which the national news carried to
everyone, draws the news audience (still short of its record, as docs/scenarios.md reports)."""

from __future__ import annotations

import statistics

import pytest
from record_fit import RECORDS, from_record, run, volume, with_facts

from game.engine.simulate import play
from game.scenario.library import load

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


def test_a_storm_the_national_news_carried_draws_the_news_audience():
    """United 3411 written from its record: with the fact that the network news led with the video,
    its crowd is the news audience; without it, the tag's users make a fiftieth of the record."""
    record = RECORDS["united3411"]
    assert record.national_news and record.volume is not None
    written = from_record(load("united3411"), record)
    with_news = play(written, "historical", 1).total_posts
    without = play(with_facts(written, False, ()), "historical", 1).total_posts
    assert with_news > 10 * without
    assert 0.3 <= with_news / record.volume <= 2.0  # 0.44 today: nearer, still short of the record
