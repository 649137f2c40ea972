"""Warnings: what validates but would read badly or mislead — a fill that garbles its sentence, a real
case without sources or with too few templates, a key account put on the clock without the record's
reason."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

from game.scenario import vocabulary
from game.scenario.checks import _filled_texts
from game.scenario.models import Scenario
from game.scenario.problems import Positions, Problem

# Words that take a noun after them; a fill that starts with one doubles up after another:
# "open a {product}" with "a Chase mortgage" reads "open a a Chase mortgage".
_DETERMINERS = ("a", "an", "the", "my", "your", "our", "their", "his", "her", "its", "this", "that")
_BEFORE_SLOT = re.compile(r"(?i)(?<![\w'])(" + "|".join(_DETERMINERS) + r")\s+\{([a-z0-9_-]+)\}")
_STARTS_WITH_DETERMINER = re.compile(r"(?i)^(" + "|".join(_DETERMINERS) + r")\s")
_MARK_BEFORE_SLOT = re.compile(r"([@#])\{([a-z0-9_-]+)\}")


def _fill_values(s: Scenario, slot: str) -> list[str]:
    """What ``{slot}`` can become (game/engine/feed.py TextMaker.fill): a fill's words, or the
    built-in ones. ``{handle}`` is the organisation's handle with its '@'."""
    builtin = {"hashtag": [s.campaign.hashtag], "org": [s.organisation.name], "handle": ["@" + s.organisation.handle]}
    return list(s.templates.fills.get(slot) or builtin.get(slot, []))


def check_wording(s: Scenario, pos: Positions) -> Iterator[Problem]:
    """Warnings about text its fills will garble, and crowd handles that repeat a word."""
    for path, text in _filled_texts(s):
        is_reply = path[:2] == ("actions", "replies")
        for match in _BEFORE_SLOT.finditer(text):
            word, slot = match.group(1), match.group(2)
            doubled = [f for f in _fill_values(s, slot) if _STARTS_WITH_DETERMINER.match(f)]
            if doubled:
                before = text[: match.start()].split()[-1:]  # a word of context: "open a {product}"
                written = " ".join(before + [match.group(0)])
                shown = " ".join(before + [text[match.start() : match.start(2) - 1] + doubled[0]])
                yield pos.problem(
                    path,
                    f"'{written}' will read '{shown}' (the fill {doubled[0]!r} of {{{slot}}} "
                    f"begins with '{doubled[0].split()[0]}'{' too' if len(doubled) == 1 else f', as {len(doubled) - 1} more do'}); "
                    f"drop '{word}' from the text or the article from the fills",
                    "warning",
                    col_offset=match.start(),
                )
        for match in _MARK_BEFORE_SLOT.finditer(text):
            mark, slot = match.group(1), match.group(2)
            if is_reply and slot == "handle":
                continue  # a reply's {handle} is the person answered; the engine writes one '@'
            clash = [f for f in _fill_values(s, slot) if f.startswith(mark)]
            if clash:
                yield pos.problem(
                    path,
                    f"'{match.group(0)}' will read '{mark}{clash[0]}': {{{slot}}} brings its own "
                    f"'{mark}'; write '{{{slot}}}' alone",
                    "warning",
                    col_offset=match.start(),
                )
    words: dict[str, list[int]] = {}
    for i, part in enumerate(s.templates.handles):
        for word in {w.lower() for w in re.findall(r"[A-Z]?[a-z]+", part)}:
            words.setdefault(word, []).append(i)
    for word, indexes in words.items():
        if len(indexes) > 1:
            first, second = (s.templates.handles[i] for i in indexes[:2])
            yield pos.problem(
                ("templates", "handles", indexes[1]),
                f"the handle parts {first!r} and {second!r} are the same word, so the crowd gets handles "
                f"such as '{first}{second.capitalize() if second[0].isalpha() else second}' "
                f"(shown as '{word.capitalize()} {word.capitalize()}'); keep one",
                "warning",
            )


# A turn's feed shows up to this many crowd posts (game/engine/turn.py CROWD_IN_FEED; a test keeps
# the two equal): a stance needs at least its share of them in templates, or one turn repeats a post.
FEED_CROWD_POSTS = 22


def check_real_case(s: Scenario, pos: Positions) -> Iterator[Problem]:
    """A real case must say where its figures come from, and its feed must not repeat itself."""
    if s.kind != "real":
        return
    if not s.sources:
        yield pos.problem(
            ("kind",),
            "a real case (kind: real) lists no sources: add the addresses where "
            "a reader can check its figures, or make it kind: fictional",
            "warning",
        )
    # Crowds the engine derives have no size here yet: the advice weighs the ones written in full.
    written = [(seg.size, seg.stance) for seg in s.audience.segments if seg.size is not None and seg.stance]
    people = sum(size for size, _ in written) or 1
    for stance in vocabulary.STANCES:
        if not written:
            break
        share = sum(size * getattr(mix, stance) for size, mix in written) / people
        needed = math.ceil(FEED_CROWD_POSTS * share)
        have = len(getattr(s.templates, stance))
        if have < needed:
            yield pos.problem(
                ("templates", stance) if getattr(s.templates, stance) else ("templates",),
                f"{have} {stance} template{'s' * (have != 1)} for a feed that shows about {needed} {stance} "
                f"posts a turn ({share:.0%} of the audience is {stance}): the same post would repeat within "
                f"a turn; write at least {needed - have} more",
                "warning",
            )


def check_caused_joins(s: Scenario, pos: Positions) -> Iterator[Problem]:
    """In a real case, a key account's fixed join or fixed post without a ``reason`` is the record's
    time, not an input: the engine causes the account's arrival.  Say so, so the author either gives
    the reason the move was independent of the organisation or knows the time is a target."""
    if s.kind != "real":
        return
    named = {a.handle.lower() for a in s.audience.key_accounts}
    for i, account in enumerate(s.audience.key_accounts):
        if account.joins and account.joins.fixed and not account.joins.reason:
            yield pos.problem(
                ("audience", "key_accounts", i, "joins"),
                f"@{account.handle} joins at a fixed time without a reason: the engine will not follow the "
                "clock, it causes the arrival (what the account sees), and the time is the record's, a "
                "target; add `reason:` if the record shows the move was independent of the organisation",
                severity="warning",
            )
    for i, post in enumerate(s.posts):
        if post.author.lower() in named and post.fixed and not post.reason:
            yield pos.problem(
                ("posts", i),
                f"@{post.author}'s post has a fixed time but no reason: it will be what @{post.author} says "
                "when something moves them to post, not a post at that time; add `reason:` if the record "
                "shows it was independent of the organisation",
                severity="warning",
            )
