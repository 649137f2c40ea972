"""The reader keeps agreeing with the labelled corpus (tests/data/words_corpus.jsonl).

Floors sit a little below what was measured (docs/engine.md, "Reading the player's words"), on both
halves: the dev half the rules were written against, and the held-out test half.  A change to the
phrase lists that loses texts fails here, and the figures in the docs must then be re-measured.
"""

from __future__ import annotations

import json

import pytest
from agreement import CORPUS, UNSEEN, agreement, load

from game.scenario.vocabulary import STRATEGIES, TONES

# (kind, split): floor.  Measured: statements 53/53 dev, 45/49 test, 12/16 unseen; replies 41/42 dev,
# 32/37 test (31/37 when first measured); the unseen replies are too few, 3, for a floor.
FLOORS = {
    ("statement", "dev"): 0.95,
    ("statement", "test"): 0.88,
    ("statement", "unseen"): 0.70,
    ("reply", "dev"): 0.93,
    ("reply", "test"): 0.80,
}


@pytest.mark.parametrize(("kind", "split"), sorted(FLOORS))
def test_agreement_stays_above_its_floor(kind, split):
    result = agreement(split, kind)
    misses = "\n".join(f"  {r['id']}: {l} read as {p}: {r['text'][:80]}" for l, p, r in result.misses())
    assert result.accuracy >= FLOORS[(kind, split)], f"{result.accuracy:.1%} < floor\n{misses}"


def test_the_corpus_is_what_issue_16_asks_for():
    rows = load()
    assert len(rows) >= 150
    ids = [r["id"] for r in rows]
    assert len(set(ids)) == len(ids)
    for row in rows:
        assert set(row) <= {"id", "as", "label", "split", "text", "to", "source"}
        assert row["split"] in ("dev", "test") and row["source"]
        classes = STRATEGIES if row["as"] == "statement" else tuple(TONES)
        assert row["label"] in classes + ("unreadable",), row
    for kind, classes in (("statement", STRATEGIES), ("reply", tuple(TONES))):
        for label in classes:
            halves = {r["split"] for r in rows if r["as"] == kind and r["label"] == label}
            assert halves == {"dev", "test"}, f"{kind} {label} is not in both halves"
    real = [r for r in rows if r["source"] != "written"]
    assert len(real) >= 40 and all(r["source"].startswith("http") for r in real)


def test_the_corpus_files_are_one_json_object_a_line():
    for path in (CORPUS, UNSEEN):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            assert isinstance(json.loads(line), dict), f"{path.name}:{number}"


def test_the_unseen_texts_are_real_and_new():
    unseen = load("unseen")
    assert len(unseen) >= 15 and all(r["source"].startswith("http") for r in unseen)
    assert not {r["text"] for r in unseen} & {r["text"] for r in load()}
