"""Properties of the reader (issue 16): case, whitespace and trailing punctuation never flip a
reading; empty, emoji-only and foreign text get the plain answer; any text at all, however long or
strange, gives a reading or a reason, never an exception or a control character."""

from __future__ import annotations

import re
import unicodedata

from agreement import load
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.words import REPLY_LIMIT, STATEMENT_LIMIT, read_reply, read_statement

READABLE = [r for r in load() if r["label"] != "unreadable"]
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def read(row: dict, text: str):
    if row["as"] == "statement":
        return read_statement(text)
    return read_reply(text, to=row.get("to"))


def label(row: dict, text: str) -> str | None:
    reading = read(row, text)
    return reading.label if reading.readable else f"unreadable: {reading.unreadable}"


recase = st.sampled_from([str.upper, str.lower, str.title, str.capitalize, lambda s: s])
whitespace = st.text(alphabet=" \t\n\r\u00a0\u2003", min_size=1, max_size=4)


@SETTINGS
@given(row=st.sampled_from(READABLE), change=recase)
def test_case_does_not_flip_a_reading(row, change):
    assert label(row, change(row["text"])) == label(row, row["text"])


@SETTINGS
@given(row=st.sampled_from(READABLE), data=st.data())
def test_whitespace_does_not_flip_a_reading(row, data):
    gaps = data.draw(st.lists(whitespace, min_size=1, max_size=40))
    parts = row["text"].split(" ")
    spaced = "".join(part + (gaps[i % len(gaps)] if i < len(parts) - 1 else "") for i, part in enumerate(parts))
    spaced = data.draw(whitespace) + spaced + data.draw(whitespace)
    assert label(row, spaced) == label(row, row["text"])


@SETTINGS
@given(row=st.sampled_from(READABLE), tail=st.sampled_from(["", ".", "!", "!!!", "?", "...", " .", "!?", "…"]))
def test_trailing_punctuation_does_not_flip_a_reading(row, tail):
    bare = row["text"].rstrip(".!?… ")
    if len(bare) < 0.9 * len(row["text"]):
        return
    assert label(row, bare + tail) == label(row, bare)


@SETTINGS
@given(st.text(alphabet=st.sampled_from(" \t\n\r\x00\x07\x1b\u200e\u202e\u2066"), max_size=50))
def test_empty_or_invisible_text_is_answered_as_empty(text):
    for reading in (read_statement(text), read_reply(text, to="Is the Q&A still on?")):
        assert not reading.readable and "empty" in reading.unreadable and reading.posture is None


EMOJI = st.sampled_from(list("😂😅🙃🙏👍🐋🦢🔥💀😬❤️✨") + ["👍🏽", "👨‍👩‍👧", "🏳️‍🌈"])


@SETTINGS
@given(st.lists(EMOJI, min_size=1, max_size=12), st.sampled_from(["", " ", "  "]))
def test_emoji_only_text_is_answered_as_emoji_only(emoji, gap):
    text = gap.join(emoji)
    for reading in (read_statement(text), read_reply(text)):
        assert not reading.readable and "emoji only" in reading.unreadable


FOREIGN = {
    "fr": "nous sommes très désolés pour ce qui est arrivé et nous allons rembourser tous les clients avec une lettre",
    "es": "lo sentimos mucho por lo que pasó y estamos revisando su caso con nuestro equipo ahora mismo",
    "de": "es tut uns sehr leid was passiert ist und wir werden alle kunden mit einem brief entschädigen",
    "it": "siamo molto dispiaciuti per quello che è successo e non lo faremo più grazie per la pazienza",
    "pt": "estamos muito tristes com o que aconteceu e vamos devolver o dinheiro para todos os clientes",
}


@SETTINGS
@given(language=st.sampled_from(sorted(FOREIGN)), data=st.data(), change=recase)
def test_text_in_another_language_is_answered_as_such(language, data, change):
    words = FOREIGN[language].split()
    start = data.draw(st.integers(0, len(words) - 6))
    length = data.draw(st.integers(6, len(words) - start))
    text = change(" ".join(words[start : start + length]))
    for reading in (read_statement(text), read_reply(text)):
        assert not reading.readable and "English" in reading.unreadable, text


@SETTINGS
@given(row=st.sampled_from(READABLE), times=st.integers(2, 40))
def test_very_long_text_is_read_to_its_cap_and_says_so(row, times):
    text = " ".join([row["text"]] * times)
    reading = read(row, text)
    cap = STATEMENT_LIMIT if row["as"] == "statement" else REPLY_LIMIT
    assert len(reading.text) <= cap
    if len(text) > cap and read(row, row["text"]).readable:
        assert reading.readable and reading.features.truncated
        assert f"only the first {cap:,} of" in reading.summary


@SETTINGS
@given(text=st.text(max_size=2000), to=st.one_of(st.none(), st.text(max_size=300)))
def test_any_text_gives_a_reading_or_a_reason_and_nothing_unsafe(text, to):
    for reading in (read_statement(text), read_reply(text, to=to)):
        assert reading.readable == (reading.unreadable is None)
        assert "\n" not in reading.summary
        assert not any(unicodedata.category(ch) == "Cc" for ch in reading.summary + reading.text)
        assert not re.search("[\u202a-\u202e\u2066-\u2069]", reading.summary + reading.text)
        for phrase in reading.why:
            assert phrase.lower() in reading.text.lower() or reading.kind == "reply"
