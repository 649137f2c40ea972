"""The reader's agreement with the labelled corpus, as the markdown tables in docs/engine.md
("Reading the player's words"):  python benchmarks/words_agreement.py

Accuracy on each half (dev: the rules were written against it; test: held out), on the real and the
written texts of each half, per-class precision and recall, and a confusion matrix per kind.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "words"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from agreement import Agreement, agreement


def pct(a: Agreement) -> str:
    right = sum(l == p for l, p, _ in a.pairs)
    return f"{right}/{len(a.pairs)} ({a.accuracy:.0%})" if a.pairs else "-"


def subset(a: Agreement, real: bool) -> Agreement:
    return Agreement([(l, p, r) for l, p, r in a.pairs if (r["source"] != "written") == real])


def main() -> None:
    print("| texts | dev (rules written against it) | test (held out) | unseen (real, collected later) |")
    print("|---|---|---|---|")
    for kind, name in (("statement", "statements → posture"), ("reply", "replies → tone")):
        dev, test, unseen = agreement("dev", kind), agreement("test", kind), agreement("unseen", kind)
        print(f"| {name}, all | {pct(dev)} | {pct(test)} | {pct(unseen)} |")
        print(f"| {name}, real | {pct(subset(dev, True))} | {pct(subset(test, True))} | {pct(unseen)} |")
        print(f"| {name}, written | {pct(subset(dev, False))} | {pct(subset(test, False))} | - |")
    for kind in ("statement", "reply"):
        plural = "Statements" if kind == "statement" else "Replies"
        test = agreement("test", kind)
        both = agreement(None, kind)
        classes = both.classes()
        print(f"\n**{plural}, test half: per class** (precision, recall; n = texts labelled so)\n")
        print("| class | n | precision | recall |")
        print("|---|---|---|---|")
        for c, (n, p, r) in test.per_class().items():
            print(f"| {c} | {n} | {p:.2f} | {r:.2f} |")
        print(f"\n**{plural}, test half: confusion** (rows: label; columns: reading)\n")
        short = [c[:6] for c in classes]
        print("| label \\ read | " + " | ".join(short) + " |")
        print("|---" * (len(classes) + 1) + "|")
        confusion = test.confusion()
        for label in classes:
            if not any(l == label for l, _, _ in test.pairs):
                continue
            cells = [str(confusion[(label, c)] or "·") for c in classes]
            print(f"| {label} | " + " | ".join(cells) + " |")
    print("\nMisread in the test half and the unseen texts:")
    for split in ("test", "unseen"):
        for kind in ("statement", "reply"):
            for l, p, r in agreement(split, kind).misses():
                print(f"- {r['id']} ({l} read as {p}): {r['text'][:90]}")


if __name__ == "__main__":
    main()
