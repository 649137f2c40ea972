"""The built-in real cases as an author would write them from the record alone, and how the engine
does on them: the evidence behind docs/scenarios.md, "Derived audiences" and "Leave one out".

Each case keeps what its record documents (the clock, the organisation, the campaign, the named
accounts and outlets, the scripted words) and loses every number that was fitted to it: its
segments are left out (the engine derives them from the region, the year, the organisation's
followers and the grievance's breadth), its key accounts are placed by kind, and its outlets'
thresholds come from the guide's table by the outlet's kind.  The region and breadth below follow
docs/authoring.md's rules, with the record's fact that decides each.

    python tests/scenarios/record_fit.py            # the table, two seeds each
    python tests/scenarios/record_fit.py --loo      # and the leave-one-out sweep
    python tests/scenarios/record_fit.py --holdouts # the three development cases, before and after the
                                                    # guide's later facts (news public, adversaries)
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
import sys
from dataclasses import dataclass

from game.engine.params import DEFAULT_PARAMS, ModelParams
from game.engine.simulate import RunResult, play, posts_between
from game.scenario.library import load
from game.scenario.models import Scenario

# docs/authoring.md's outlet tiers: first movers, national web desks and city papers, the rest.
FIRST, NATIONAL, FAR = 25.0, 40.0, 55.0


@dataclass(frozen=True)
class Record:
    region: str
    breadth: str
    why: str  # the record's fact behind the region and breadth
    outlets: dict[str, float]  # outlet id -> the guide's threshold for its kind
    volume: float | None = None  # the documented count...
    window: tuple[str, str] | None = None  # ...over this window of the scenario's clock (None: all of it)
    busiest: str | None = None  # the documented busiest hour (local, "YYYY-MM-DDTHH")
    first_press: str | None = None  # the documented first story (local)
    # The two facts the guide added with the news public and adversaries (docs/authoring.md):
    national_news: bool = False  # national TV news or front pages carried the incident itself
    adversaries: tuple[str, ...] = ()  # key accounts the record shows campaigning against the organisation
    facts: str = ""  # the record's fact behind each


RECORDS = {
    "askjpm": Record(
        "US",
        "national",
        "US bank; the bailouts and the $13bn settlement (a listed national example)",
        {
            "huffpost": FIRST,
            "businessinsider": FIRST,
            "nypost": NATIONAL,
            "dealbook": NATIONAL,
            "wsj": FAR,
            "financialpost": FAR,
            "time": FAR,
            "cnnmoney": NATIONAL,
            "telegraph": FAR,
            "salon": FAR,
        },
        45_621,
        first_press="2013-11-13T17:30",
        adversaries=("OccupyWallSt", "OccupyWallStNYC"),
        facts="Occupy protested JPMorgan Chase by name (branch protests, its 2012 shareholder meeting); "
        "the stories were about the hashtag, not on the TV news as an incident",
    ),
    "askseaworld": Record(
        "US",
        "cause",
        "US parks; the animal-rights movement after Blackfish (an organised movement)",
        {"ibtimes": FIRST, "orlandosentinel": NATIONAL, "techtimes": FIRST, "thedodo": FIRST, "heraldbusiness": NATIONAL},
        59_000,
        adversaries=("peta", "OrcaWatchNet"),
        facts="PETA sued SeaWorld on its orcas' behalf (2011) and campaigned against it by name; the "
        "anti-captivity groups protested at its parks after Blackfish",
    ),
    "askbg": Record(
        "UK",
        "national",
        "UK energy supplier on the day of a 9.2% price rise (energy prices: a listed national example)",
        {"guardian": NATIONAL, "adage": FIRST, "lovesbusiness": NATIONAL, "yorkshirepost": NATIONAL},
        11_466,
        ("2013-10-17T00:00", "2013-10-17T15:18"),
        busiest="2013-10-17T12",
    ),
    "qantasluxury": Record(
        "world",
        "national",
        "still ~25 posts a second 18 h later, at 3 a.m. in Sydney (an international crowd); the fleet "
        "grounding a month before (a listed national example)",
        {
            "mumbrella": FIRST,
            "smh": NATIONAL,
            "conversation": FAR,
            "eturbonews": FIRST,
            "nzherald": FAR,
            "worldofaviation": FIRST,
        },
        22_000,
        ("2011-11-22T09:00", "2011-11-22T16:30"),
        adversaries=("TWU_Voices",),
        facts="the unions' industrial dispute with Qantas led to the grounding a month before",
    ),
    "justine": Record(
        "world",
        "national",
        "the worldwide #1 trend; the post itself is the outrage, one everybody had a view on",
        {"valleywag": FIRST, "buzzfeed": FIRST, "dailymail": NATIONAL, "nyt": FAR},
        98_000,
        first_press="2013-12-20T13:30",
    ),
    "united3411": Record(
        "US",
        "national",
        "US airline; the passenger dragged off on video is itself the outrage, on every national bulletin",
        {"chicago": NATIONAL, "cable": NATIONAL, "weibo": FAR, "business": FAR},
        2_900_000,
        national_news=True,
        facts="the network and cable news led with the video of the passenger dragged off (10-11 Apr)",
    ),
    "cosbymeme": Record(
        "US",
        "national",
        "a star's resurfaced allegations (a listed national example)",
        {"vox": FIRST, "vulture": FIRST, "newsday": NATIONAL, "snopes": FIRST},
    ),
    "digiorno": Record(
        "US", "none", "a pizza joke in a tag about abuse (a listed none example)", {"twitchy": FIRST, "abc15": NATIONAL, "eonline": FIRST}
    ),
    "waitrosereasons": Record(
        "UK", "none", "a contest read the wrong way (a listed none example)", {"guardian": NATIONAL, "telegraph": NATIONAL, "adage": FIRST}
    ),
}


def from_record(scenario: Scenario, record: Record) -> Scenario:
    """``scenario`` with every number fitted to it replaced by what the guide derives."""
    audience = scenario.audience
    keys = [a.model_copy(update={"segment": None}) for a in audience.key_accounts]
    outlets = [o.model_copy(update={"threshold": record.outlets[o.id]}) for o in audience.outlets]
    derived = audience.model_copy(
        update={
            "region": record.region,
            "grievance_breadth": record.breadth,
            "segments": [],
            "key_accounts": keys,
            "outlets": outlets,
        }
    )
    return with_facts(scenario.model_copy(update={"audience": derived}), record.national_news, record.adversaries)


def with_facts(scenario: Scenario, national_news: bool, adversaries: tuple[str, ...]) -> Scenario:
    """``scenario`` with the guide's two later facts: the news public and the adversaries."""
    audience = scenario.audience
    unknown = set(adversaries) - {a.handle for a in audience.key_accounts}
    if unknown:
        raise ValueError(f"no key accounts {sorted(unknown)} in {scenario.id}")
    keys = [a.model_copy(update={"adversary": a.handle in adversaries}) for a in audience.key_accounts]
    return scenario.model_copy(
        update={"audience": audience.model_copy(update={"key_accounts": keys, "national_news": national_news})}
    )


def volume(result: RunResult, record: Record) -> float:
    if record.window is None:
        return float(result.total_posts)
    lo, hi = (dt.datetime.fromisoformat(t) for t in record.window)
    return posts_between(result.timeline, lo, hi)


def busiest_hour(result: RunResult) -> str:
    def rate(row: dict[str, object]) -> float:
        hours = (dt.datetime.fromisoformat(str(row["end"])) - dt.datetime.fromisoformat(str(row["time"]))).total_seconds() / 3600
        return float(row["posts"]) / max(hours, 1e-9)  # type: ignore[arg-type]

    return str(max(result.timeline, key=rate)["time"])[:16]


def first_press(result: RunResult) -> str | None:
    row = next((r for r in result.timeline if any(str(e).startswith("press-") for e in r["events"])), None)
    return None if row is None else str(row["time"])[:16]


def scaled(scale: float) -> ModelParams:
    """The model with the two constants fitted across cases (the national breadth, with the others
    in proportion, and the public's share) multiplied by ``scale``."""
    ap = DEFAULT_PARAMS.audience
    breadth = tuple((tier, share * scale) for tier, share in ap.breadth)
    return DEFAULT_PARAMS.with_(audience_breadth=breadth, audience_public_share=ap.public_share * scale)


def run(case: str, seeds: tuple[int, ...] = (1, 2), params: ModelParams = DEFAULT_PARAMS) -> list[RunResult]:
    scenario = from_record(load(case), RECORDS[case])
    return [play(scenario, "historical", seed, params) for seed in seeds]


def table(cases: list[str]) -> None:
    print("| case | region, breadth | documented | derived (median) | ratio | busiest hour | first press |")
    print("|---|---|---|---|---|---|---|")
    for case in cases:
        record = RECORDS[case]
        results = run(case)
        simulated = statistics.median(volume(r, record) for r in results)
        ratio = f"{simulated / record.volume:.2f}" if record.volume else "-"
        busiest = ", ".join(sorted({busiest_hour(r)[5:] for r in results}))
        press = ", ".join(str(first_press(r))[5:] for r in results)
        documented = f"{record.volume:,.0f}" if record.volume else "not found"
        print(
            f"| {case} | {record.region}, {record.breadth} | {documented} | {simulated:,.0f} | {ratio} "
            f"| {busiest} | {press} |",
            flush=True,
        )


SCALES = (0.35, 0.5, 0.7, 1.0, 1.4, 2.0, 2.8)


def leave_one_out(cases: list[str]) -> None:
    """Each documented case predicted with the fitted scale chosen on the others."""
    curves: dict[str, list[float]] = {}
    for case in cases:
        record = RECORDS[case]
        curves[case] = [
            math.log(max(1.0, statistics.median(volume(r, record) for r in run(case, (1, 2), scaled(s)))) / record.volume)
            for s in SCALES
        ]
        print(case, [f"{math.exp(v):.2f}" for v in curves[case]], file=sys.stderr, flush=True)

    def best(fit_on: list[str], power: int) -> int:
        return min(range(len(SCALES)), key=lambda i: sum(abs(curves[c][i]) ** power for c in fit_on))

    # Least absolute log error first: a case the derivation cannot reach (United's three million)
    # must not drag every other case's prediction; least squares shown beside it, for comparison.
    for power, name in ((1, "least absolute log error"), (2, "least squares of the log error")):
        everyone = best(cases, power)
        print(f"\n{name}: fitted on all, factor {SCALES[everyone]}\n")
        print("| case left out | factor fitted on the others | predicted / documented |")
        print("|---|---|---|")
        for case in cases:
            i = best([c for c in cases if c != case], power)
            print(f"| {case} | {SCALES[i]} | {math.exp(curves[case][i]):.2f} |")


# The three hold-outs of docs/scenarios.md, now DEVELOPMENT cases: their misses motivated the news public
# and adversaries, so their figures with those facts are no longer out of sample.  The files are not
# changed; the guide's two later facts are applied here, with the record's fact behind each.
HOLDOUT_FACTS = {
    "mynypd": (
        False,
        ("OccupyWallStNYC", "Copwatch"),
        "Occupy's protesters were arrested and struck by the NYPD (2011-12) and Copwatch films its officers; "
        "the stories were about the hashtag",
    ),
    "pepsilivefornow": (True, (), "CBS and NBC News reported the ad itself and its pull (4-5 Apr)"),
    "racetogether": (False, (), "the stories were about the campaign's backlash online, not TV news of an act"),
}


def holdouts(seeds: tuple[int, ...] = (1, 2, 3, 4)) -> None:
    """The development cases as written (before) and with the guide's later facts (after)."""
    from pathlib import Path

    folder = Path(__file__).resolve().parents[1] / "holdouts"
    print("| case | facts | before: posts (median) | first press | after: posts (median) | first press |")
    print("|---|---|---|---|---|---|")
    for case, (news, adversaries, _why) in HOLDOUT_FACTS.items():
        written = load(str(folder / f"{case}.yaml"))
        cells = []
        for scenario in (written, with_facts(written, news, adversaries)):
            results = [play(scenario, "historical", seed) for seed in seeds]
            posts = statistics.median(r.total_posts for r in results)
            cells += [f"{posts:,.0f}", ", ".join(str(first_press(r))[5:] for r in results)]
        facts = ("national news; " if news else "") + ("adversaries " + ", ".join(adversaries) if adversaries else "")
        print(f"| {case} | {facts or '-'} | {' | '.join(cells)} |", flush=True)


if __name__ == "__main__":
    if "--holdouts" in sys.argv:
        holdouts()
        sys.exit()
    documented = [c for c, r in RECORDS.items() if r.volume]
    table(list(RECORDS))
    if "--loo" in sys.argv:
        leave_one_out(documented)
