"""Agreement between the reader and the labelled corpus (tests/data/words_corpus.jsonl):
accuracy, per-class precision and recall, and a confusion matrix.  Shared by the floor tests and by
benchmarks/words_agreement.py, which prints the figures in docs/engine.md."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from game.words import read_reply, read_statement

CORPUS = Path(__file__).resolve().parents[1] / "data" / "words_corpus.jsonl"
# Real texts collected after the reader was written and measured once (tests/data/README.md).
UNSEEN = CORPUS.with_name("words_unseen.jsonl")


def load(split: str | None = None, kind: str | None = None) -> list[dict]:
    """Rows of the corpus, or of the unseen real texts when ``split`` is "unseen"."""
    source = UNSEEN if split == "unseen" else CORPUS
    rows = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if (split is None or r["split"] == split) and (kind is None or r["as"] == kind)]


def predict(row: dict) -> str:
    if row["as"] == "statement":
        reading = read_statement(row["text"])
    else:
        reading = read_reply(row["text"], to=row.get("to"))
    return reading.label if reading.readable else "unreadable"


@dataclass
class Agreement:
    pairs: list[tuple[str, str, dict]]  # (label, predicted, row)

    @property
    def accuracy(self) -> float:
        return sum(l == p for l, p, _ in self.pairs) / len(self.pairs)

    def classes(self) -> list[str]:
        return sorted({l for l, _, _ in self.pairs} | {p for _, p, _ in self.pairs})

    def per_class(self) -> dict[str, tuple[int, float, float]]:
        """class -> (support, precision, recall)."""
        out = {}
        for c in self.classes():
            tp = sum(l == c and p == c for l, p, _ in self.pairs)
            predicted = sum(p == c for _, p, _ in self.pairs)
            support = sum(l == c for l, _, _ in self.pairs)
            out[c] = (support, tp / predicted if predicted else 0.0, tp / support if support else 0.0)
        return out

    def confusion(self) -> Counter:
        return Counter((l, p) for l, p, _ in self.pairs)

    def misses(self) -> list[tuple[str, str, dict]]:
        return [(l, p, r) for l, p, r in self.pairs if l != p]


def agreement(split: str | None, kind: str) -> Agreement:
    return Agreement([(r["label"], predict(r), r) for r in load(split, kind)])
