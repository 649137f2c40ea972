"""Reading a statement or a reply: which posture or tone its words take, and why.

Plain rules over phrase lists (``phrases.py``), weighed per class; the class with the most weight
wins, ties going to the less accommodating class (a defence with an apology in it is still read as a
defence: SCCT's audiences hear the excuse, United 3411's first statement).  Deterministic: no
randomness, no model, no network; the same words always read the same.
"""

from __future__ import annotations

from typing import Literal

from game.scenario.vocabulary import STRATEGIES, TONES
from game.words.clean import REPLY_LIMIT, STATEMENT_LIMIT, clean, unreadable_reason, words
from game.words.features import Hits, content_words, find_phrases, is_question, specifics
from game.words.phrases import KNOWN_WORDS
from game.words.reading import POSTURE_NAMES, Features, Reading

# Ties go to the first class here: the least accommodating reading of the words.
_STATEMENT_ORDER = ("attack", "deny", "diminish", "rebuild", "humour", "bolster", "inform")
_REPLY_ORDER = ("dismissive", "defensive", "apologetic", "empathetic", "humorous", "boilerplate", "informative")
assert set(_STATEMENT_ORDER) == set(STRATEGIES) and set(_REPLY_ORDER) == set(TONES)


def _features(text: str, hits: Hits, *, truncated: bool, grievance: str | None, to: str | None) -> Features:
    apology: Literal["full", "conditional", "none"]
    responsibility: Literal["taken", "shifted", "none"]
    full, conditional = hits["full_apology"], hits["conditional_apology"]
    if conditional and len(conditional) >= len(full):
        apology, apology_phrases = "conditional", conditional + full
    elif full:
        apology, apology_phrases = "full", full + conditional
    else:
        apology, apology_phrases = "none", ()
    taken, shifted = hits["responsibility_taken"], hits["responsibility_shifted"]
    if taken and len(taken) >= len(shifted):
        responsibility, responsibility_phrases = "taken", taken + shifted
    elif shifted:
        responsibility, responsibility_phrases = "shifted", shifted + taken
    else:
        responsibility, responsibility_phrases = "none", ()
    answers = None
    post_words = content_words(to) if to is not None else set()
    shared = tuple(dict.fromkeys(w for w in words(text) if w in post_words))
    if to is not None and is_question(to):
        engaged = bool(shared) or bool(hits["inform"])
        answers = engaged and not hits["boilerplate"] and not hits["hostility"]
    boiler = hits["boilerplate"]
    likeness = min(1.0, 0.45 * len(boiler)) if boiler else 0.0
    if boiler and to is not None and not shared:
        likeness = min(1.0, likeness + 0.25)  # a template that does not touch the post at all
    return Features(
        apology=apology,
        apology_phrases=apology_phrases,
        responsibility=responsibility,
        responsibility_phrases=responsibility_phrases,
        corrective_action=hits["corrective_action"],
        compensation=hits["compensation"],
        sympathy=hits["sympathy_sorry"] + hits["sympathy"],
        specifics=specifics(text, grievance=grievance, to=to),
        answers_question=answers,
        shared_with_post=shared,
        boilerplate=likeness,
        boilerplate_phrases=boiler,
        humour=hits["humour"],
        hostility=hits["hostility"],
        denial=hits["denial"],
        minimising=hits["minimising"],
        bolstering=hits["bolster"],
        length=len(text),
        words=len(words(text)),
        truncated=truncated,
    )


# For each class (a posture, a tone): weighted groups of the phrases found that speak for it.
Evidence = dict[str, list[tuple[float, tuple[str, ...]]]]


def _weigh(evidence: Evidence, order: tuple[str, ...]) -> tuple[str | None, tuple[str, ...]]:
    """The winning class and its phrases, most decisive first."""
    scores = {name: sum(w * len(p) for w, p in evidence.get(name, [])) for name in order}
    best = max(order, key=lambda name: (scores[name], -order.index(name)))
    if scores[best] <= 0:
        return None, ()
    ranked = sorted(evidence[best], key=lambda wp: -wp[0])
    why: list[str] = []
    for _, phrases in ranked:
        for phrase in phrases:
            if phrase.lower() not in (w.lower() for w in why):
                why.append(phrase)
    return best, tuple(why[:4])


def _statement_evidence(hits: Hits) -> Evidence:
    owned = bool(hits["full_apology"] or hits["responsibility_taken"])
    amends = hits["corrective_action"] + hits["compensation"]
    return {
        "rebuild": [
            (2.0, hits["full_apology"]),
            (2.0, hits["responsibility_taken"]),
            (1.0 if owned else 0.0, amends),
            (0.5, hits["sympathy"] + hits["sympathy_sorry"]),
        ],
        "diminish": [
            (2.0, hits["conditional_apology"]),
            (1.5, hits["minimising"]),
            (1.5, hits["responsibility_shifted"]),
        ],
        "deny": [(2.5, hits["denial"])],
        "attack": [(3.0, hits["hostility"])],
        "humour": [(1.5, hits["humour"])],
        "bolster": [(1.2, hits["bolster"])],
        "inform": [(0.6, hits["inform"]), (0.0 if owned else 0.5, amends)],
    }


def _reply_evidence(hits: Hits, features: Features) -> Evidence:
    owned = bool(hits["full_apology"] or hits["responsibility_taken"])
    amends = hits["corrective_action"] + hits["compensation"]
    # What the reply shares with the question is the evidence that it answers it.
    answered = features.shared_with_post if features.answers_question else ()
    sympathy = hits["sympathy_sorry"] + hits["sympathy"]
    # "That sounds stressful, I'm sorry": beside sympathy and with no fault admitted, sorry condoles.
    condoling = bool(sympathy) and not hits["responsibility_taken"]
    return {
        "apologetic": [
            (0.0 if condoling else 2.0, hits["full_apology"]),
            (2.0, hits["responsibility_taken"]),
            (0.5 if owned else 0.0, amends),
        ],
        "empathetic": [(2.0, sympathy), (1.0 if condoling else 0.0, hits["full_apology"])],
        # Answering counts once, however many of the post's words the answer repeats.
        "informative": [
            (1.0, hits["inform"]),
            (0.5 if not owned else 0.0, amends),
            (1.0 / len(answered) if answered else 0.0, answered),
        ],
        "humorous": [(2.0, hits["humour"])],
        "boilerplate": [(2.0, hits["boilerplate"])],
        "defensive": [
            (1.5, hits["minimising"]),
            (1.5, hits["responsibility_shifted"]),
            (1.5, hits["denial"]),
            (1.0, hits["conditional_apology"]),
        ],
        "dismissive": [(3.0, hits["hostility"])],
    }


def _quote(phrases: tuple[str, ...]) -> str:
    return ", ".join(f"'{p}'" for p in phrases)


def _cut_note(features: Features, limit: int, original: int) -> str:
    return f" (only the first {limit:,} of {original:,} characters were read)" if features.truncated else ""


def read_statement(text: str, *, scenario_grievance: str | None = None) -> Reading:
    """How ``text`` reads as a public statement: its SCCT posture and the phrases that decided it.

    ``scenario_grievance`` is what the public is angry about, in words (e.g. a scenario's prior
    crises); a statement that names it counts it among its specifics.
    """
    cleaned = clean(text, STATEMENT_LIMIT)
    reason = unreadable_reason(cleaned.text, KNOWN_WORDS)
    if reason:
        return Reading("statement", cleaned.text, None, None, (), None, reason, f"Cannot read this: {reason}.")
    hits = find_phrases(cleaned.text)
    features = _features(cleaned.text, hits, truncated=cleaned.truncated, grievance=scenario_grievance, to=None)
    posture, why = _weigh(_statement_evidence(hits), _STATEMENT_ORDER)
    if posture is None:
        posture = "inform"
        summary = "Reads as: information (inform) — no apology, excuse, denial, joke or attack in it"
    else:
        summary = f"Reads as: {POSTURE_NAMES[posture]} ({posture}) — {_quote(why)}"
    summary += _cut_note(features, STATEMENT_LIMIT, cleaned.original_length)
    return Reading("statement", cleaned.text, posture, None, why, features, None, summary)


def read_reply(text: str, *, to: str | None = None) -> Reading:
    """How ``text`` reads as a reply (to the post ``to``, if given): its tone, and the posture that
    tone expresses (``vocabulary.TONES``), with the phrases that decided it."""
    cleaned = clean(text, REPLY_LIMIT)
    post = clean(to, STATEMENT_LIMIT).text if to is not None else None
    reason = unreadable_reason(cleaned.text, KNOWN_WORDS)
    if reason:
        return Reading("reply", cleaned.text, None, None, (), None, reason, f"Cannot read this: {reason}.")
    hits = find_phrases(cleaned.text)
    features = _features(cleaned.text, hits, truncated=cleaned.truncated, grievance=None, to=post)
    tone, why = _weigh(_reply_evidence(hits, features), _REPLY_ORDER)
    if tone is None:
        if features.answers_question:
            tone, why = "informative", ()
            summary = "Reads as: informative (inform) — it takes up what the post asked"
        elif post is not None and features.answers_question is False:
            tone = "boilerplate"
            summary = "Reads as: boilerplate (diminish) — it does not answer what the post asked"
        else:
            tone = "informative"
            summary = "Reads as: informative (inform) — no apology, sympathy, excuse, joke or attack in it"
    else:
        summary = f"Reads as: {tone} ({TONES[tone]}) — {_quote(why)}"
    if features.answers_question is False and "does not answer" not in summary:
        summary += "; it does not answer what the post asked"
    elif features.answers_question and "takes up" not in summary:
        summary += "; it answers what the post asked"
    summary += _cut_note(features, REPLY_LIMIT, cleaned.original_length)
    return Reading("reply", cleaned.text, TONES[tone], tone, why, features, None, summary)
