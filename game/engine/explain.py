"""Why this ending: a scenario condition said in the player's terms.

A condition is split into its clauses (at the top-level `and`/`or`, through brackets), each clause is
evaluated on its own and said as a fact about the player's game with what the condition needs ("you
apologised 3 times — needs 4 times or more").  Each clause is parsed by the same grammar as the
whole (game.scenario.expr), so an explanation can never disagree with the verdict it explains.  The
debrief (game.engine.debrief.why_ending) reads the reached ending and the nearest better one.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from dataclasses import dataclass

from game.scenario.expr import ExpressionError, Source, _tokenize, parse
from game.scenario.models import Scenario
from game.scenario.vocabulary import NAMES, TONES

_COMPARE = ("<", "<=", ">", ">=", "==", "!=")

# What a count says in the player's words: "you {verb} 3 times (gloss)", "you never {verb}".
_COUNT_VERBS: dict[str, tuple[str, str]] = {
    "n_reply": ("replied to someone", ""),
    "n_statement": ("posted a statement", ""),
    "n_delete": ("deleted a post", ""),
    "n_custom": ("took one of the scenario's own actions", ""),
    "actions_taken": ("took an action", ""),
    "n_rebuild": ("apologised or showed concern", "empathetic or apologetic replies, rebuild statements"),
    "n_bolster": ("reminded people of your good deeds", "bolster statements"),
    "n_inform": ("gave facts", "informative replies and statements"),
    "n_humour": ("joked", "humorous replies and statements"),
    "n_diminish": ("played it down", "defensive or boilerplate replies, diminish statements"),
    "n_deny": ("denied it", "deny statements"),
    "n_attack": ("attacked your critics", "dismissive replies, attacking statements"),
    "key_accounts_joined": ("saw a named account join in", ""),
    "press_stories": ("saw a press story run", ""),
}
for _tone in TONES:
    _COUNT_VERBS[f"n_reply_{_tone}"] = (f"replied in the {_tone} tone", "")

# Flags: (what is true when set, when not).
_FLAGS: dict[str, tuple[str, str]] = {
    "cancelled": ("you cancelled the campaign", "the campaign was never cancelled"),
    "paused": ("the scheduled posts were paused", "the scheduled posts were not paused"),
    "escalated": ("you escalated to leadership", "you never escalated to leadership"),
    "monitored": ("you monitored the conversation", "you never monitored the conversation"),
    "trending": ("the hashtag was trending", "the hashtag was not trending"),
    "hijacked": ("hostile posts took over the hashtag", "hostile posts never took over the hashtag"),
}

# Turns: what happened in that turn, and what it is when it never happened (0).
_TURNS: dict[str, tuple[str, str]] = {
    "first_response_turn": ("your first reply or statement came", "you never replied or made a statement"),
    "cancel_turn": ("you cancelled", "you never cancelled"),
    "hijack_turn": ("hostile posts took over the hashtag", "hostile posts never took over the hashtag"),
    "first_press_turn": ("the first press story ran", "no press story ran"),
    "turn": ("it was", "the game had not begun"),
}

# Meters and figures: a noun and how to print the value.
_FIGURES: dict[str, tuple[str, Callable[[float], str]]] = {
    "reputation": ("reputation ended at", lambda v: f"{v:.0f}"),
    "press": ("press attention ended at", lambda v: f"{v:.0f}/100"),
    "anger": ("the crowd's anger ended at", lambda v: f"{v:.0f}/100"),
    "invitation": ("the campaign's invitation ended at", lambda v: f"{v:.0f}/100"),
    "negative_share": ("the share of hostile posts was", lambda v: f"{v:.0%}"),
    "total_posts": ("the hashtag carried", lambda v: f"{v:,.0f} posts"),
    "negative_posts": ("hostile posts numbered", lambda v: f"{v:,.0f}"),
    "reach": ("posts on the hashtag were seen", lambda v: f"{v:,.0f} times"),
}


@dataclass(frozen=True)
class Clause:
    """One clause of a condition, judged: its source, whether it held, and a sentence saying so."""

    source: str
    held: bool
    text: str


@dataclass(frozen=True)
class Judged:
    """A condition split into clauses: ``mode`` is "all" (and), "any" (or) or "one" (a single clause)."""

    mode: str
    held: bool
    parts: tuple[Judged | Clause, ...]

    def clauses(self) -> list[Clause]:
        out: list[Clause] = []
        for part in self.parts:
            out += part.clauses() if isinstance(part, Judged) else [part]
        return out

    def missing(self) -> int:
        """How many clauses would have to change for the condition to hold (0 when it holds)."""
        if self.held:
            return 0
        costs = [p.missing() if isinstance(p, Judged) else (0 if p.held else 1) for p in self.parts]
        return min(costs) if self.mode == "any" else sum(costs)

    def blocking(self) -> list[Clause]:
        """The clauses that kept it from holding: every failed one of an "all", the nearest branch of an "any"."""
        if self.held:
            return []
        if self.mode == "any":

            def cost(part: Judged | Clause) -> int:
                return part.missing() if isinstance(part, Judged) else (0 if part.held else 1)

            least = min(cost(p) for p in self.parts)
            nearest = [p if isinstance(p, Clause) else p.blocking() for p in self.parts if cost(p) == least]
            clauses = [p for p in nearest if isinstance(p, Clause)]
            if len(nearest) > 1 and len(clauses) == len(nearest):
                # Equally near branches: say them all, since only the player knows which was in reach.
                return [
                    Clause(
                        " or ".join(c.source for c in clauses), False, "either " + "; or ".join(c.text for c in clauses)
                    )
                ]
            first = nearest[0]
            return [first] if isinstance(first, Clause) else first
        out: list[Clause] = []
        for part in self.parts:
            if isinstance(part, Judged):
                out += part.blocking()
            elif not part.held:
                out.append(part)
        return out

    def deciding(self) -> list[Clause]:
        """The clauses that made it hold: all of an "all", the held branches of an "any"."""
        if not self.held:
            return []
        out: list[Clause] = []
        for part in self.parts:
            if isinstance(part, Judged):
                out += part.deciding()
            elif part.held:
                out.append(part)
        return out


def labels_of(scenario: Scenario) -> dict[str, str]:
    """What a dotted name is called on screen: said.apologise → the statement's label."""
    labels: dict[str, str] = {}
    for statement in scenario.actions.statements:
        labels[f"said.{statement.id}"] = statement.label
    for custom in scenario.actions.custom:
        labels[f"took.{custom.id}"] = custom.label
    for event in scenario.events:
        labels[f"fired.{event.id}"] = event.headline
    for inject in scenario.injects:
        labels[f"injected.{inject.id}"] = inject.label
    # Cancelling a tag the organisation only joined (or is only the subject of) is withdrawing.
    tag = getattr(scenario.campaign, "tag", "launched")
    if tag != "launched":
        labels["cancelled"] = "withdrew from the tag" if tag == "joined" else "stepped back from the tag"
    return labels


def judge(
    source: Source,
    env: dict[str, float],
    clock: Callable[[int], _dt.datetime] | None = None,
    labels: dict[str, str] | None = None,
    purpose: str = "this ending",
    present: bool = False,
) -> Judged:
    """Split ``source`` into clauses and judge each against ``env``, in words a player reads.

    ``clock`` turns a turn number into its start time; ``labels`` names dotted names (see labels_of).
    """
    text = str(source) if not isinstance(source, bool) else ("true" if source else "false")
    try:
        return _judge(text, env, _Words(clock, labels or {}, purpose, present))
    except ExpressionError:
        return Judged("one", False, (Clause(text, False, "this condition cannot be read"),))


def _top_level(source: str, words: tuple[str, ...]) -> list[tuple[int, int, str]]:
    """(start, end, text) of each token among ``words`` outside brackets."""
    depth, found = 0, []
    for token in _tokenize(source):
        if token.text == "(" and token.kind not in ("name", "number"):
            depth += 1
        elif token.text == ")" and token.kind not in ("name", "number"):
            depth -= 1
        elif depth == 0 and token.kind not in ("name", "number") and token.text in words:
            start = token.column - 1
            found.append((start, start + len(token.text), token.text))
    return found


def _split(source: str, at: list[tuple[int, int, str]]) -> list[str]:
    parts, begin = [], 0
    for start, end, _ in at:
        parts.append(source[begin:start].strip())
        begin = end
    parts.append(source[begin:].strip())
    return parts


def _wrapped(source: str) -> bool:
    """True when brackets enclose the whole of ``source``."""
    s = source.strip()
    if not (s.startswith("(") and s.endswith(")")):
        return False
    depth = 0
    for index, char in enumerate(s):
        depth += char == "("
        depth -= char == ")"
        if depth == 0 and index < len(s) - 1:
            return False
    return True


@dataclass(frozen=True)
class _Words:
    clock: Callable[[int], _dt.datetime] | None
    labels: dict[str, str]
    purpose: str = "this ending"  # what needs the clause: an ending, or an action not open yet
    present: bool = False  # an action's condition is read now, an ending's at the game's end


def _judge(source: str, env: dict[str, float], words: _Words) -> Judged:
    source = source.strip()
    while _wrapped(source):
        source = source.strip()[1:-1].strip()
    for word, mode in (("or", "any"), ("and", "all")):
        at = _top_level(source, (word,))
        if at:
            judged = tuple(_judge(part, env, words) for part in _split(source, at))
            parts = tuple(p.parts[0] if p.mode == "one" else p for p in judged)
            held = any(_held(p) for p in parts) if mode == "any" else all(_held(p) for p in parts)
            return Judged(mode, held, parts)
    held = parse(source).holds(env)
    return Judged("one", held, (Clause(source, held, _say(source, env, held, words)),))


def _held(part: Judged | Clause) -> bool:
    return part.held


def _times(n: float) -> str:
    n = round(n)
    return "once" if n == 1 else "twice" if n == 2 else f"{n} times"


def _needs_count(op: str, k: float) -> str:
    k = round(k)
    if op in (">", ">="):
        least = k + 1 if op == ">" else k
        return "at least once" if least <= 1 else f"{least} times or more"
    if op in ("<", "<="):
        most = k - 1 if op == "<" else k
        return "never" if most <= 0 else f"at most {_times(most)}"
    if op == "==":
        return "never" if k == 0 else f"exactly {_times(k)}"
    return f"anything but {_times(k)}" if k else "at least once"


_OP_WORDS = {
    ">": "above {}",
    ">=": "{} or more",
    "<": "below {}",
    "<=": "{} or less",
    "==": "exactly {}",
    "!=": "anything but {}",
}


def _say(source: str, env: dict[str, float], held: bool, words: _Words) -> str:
    """One clause in the player's words."""
    if source.startswith(("not ", "not(")):
        inner = source[3:].strip()
        while _wrapped(inner):
            inner = inner[1:-1].strip()
        if _is_name(inner):
            return _flag_fact(inner, env, words) + ("" if held else " — " + words.purpose + " needs the opposite")
    if _is_name(source):
        return _flag_fact(source, env, words) + ("" if held else " — " + words.purpose + " needs the opposite")
    if source in ("true", "false"):
        return "always" if source == "true" else "never"
    at = _top_level(source, _COMPARE)
    if len(at) != 1:
        return f"{source} ({'holds' if held else 'does not hold'})"
    ((start, end, op),) = at
    left, right = source[:start].strip(), source[end:].strip()
    lvalue, rvalue = parse(left).evaluate(env), parse(right).evaluate(env)
    if _is_name(left):
        name = left
        if name in _COUNT_VERBS or name.startswith("took."):
            verb, gloss = _COUNT_VERBS.get(name) or (f"took “{words.labels.get(name, name[5:])}”", "")
            fact = f"you never {verb}" if round(lvalue) == 0 else f"you {verb} {_times(lvalue)}"
            fact += f" ({gloss})" if gloss else ""
            return f"{fact} — needs {_needs_count(op, rvalue)}"
        if _is_flag(name):
            want = (op in ("==", ">=") and rvalue >= 1) or (op in (">", "!=") and rvalue == 0)
            fact = _flag_fact(name, env, words)
            return fact if held else f"{fact} — {words.purpose} needs {'it' if want else 'the opposite'}"
        if name in _TURNS:
            return _turn_fact(name, lvalue, op, rvalue, words)
        if name in _FIGURES:
            noun, show = _FIGURES[name]
            return f"{noun} {show(lvalue)} — needs {_OP_WORDS[op].format(show(rvalue))}{_relative(right, env, rvalue)}"
        described = NAMES.get(name, name)
        return f"{described}: {lvalue:g} — needs {_OP_WORDS[op].format(f'{rvalue:g}')}"
    counts = [t for t in _tokenize(left) if t.kind == "name"]
    if (
        counts
        and all(t.text in _COUNT_VERBS for t in counts)
        and all(t.text == "+" for t in _tokenize(left) if t.kind not in ("name", "end"))
    ):
        verbs = ", or ".join(_COUNT_VERBS[t.text][0] for t in counts)
        fact = f"you never {verbs}" if round(lvalue) == 0 else f"you {verbs}, {_times(lvalue)} in all"
        return f"{fact} — needs {_needs_count(op, rvalue)}"
    return f"{_describe_sum(left)}: {lvalue:g} — needs {_OP_WORDS[op].format(f'{rvalue:g}')}"


def _relative(right: str, env: dict[str, float], value: float) -> str:
    """'(where it started)' for a threshold read from the start: reputation_start - 3."""
    if "reputation_start" not in right:
        return ""
    offset = value - env.get("reputation_start", 0.0)
    if abs(offset) < 1e-9:
        return " (where it started)"
    return f" ({abs(offset):g} {'below' if offset < 0 else 'above'} where it started)"


def _is_name(source: str) -> bool:
    tokens = _tokenize(source)
    return len(tokens) == 2 and tokens[0].kind == "name"


def _is_flag(name: str) -> bool:
    return name in _FLAGS or name.split(".", 1)[0] in ("fired", "joined", "said", "injected")


def _flag_fact(name: str, env: dict[str, float], words: _Words) -> str:
    on = bool(env.get(name, 0.0))
    if name in words.labels and "." not in name:
        return f"you {words.labels[name]}" if on else f"you never {words.labels[name]}"
    if name in _FLAGS:
        return _FLAGS[name][0 if on else 1]
    kind, _, ident = name.partition(".")
    phrases = {
        "fired": ("the event “{}” happened", "the event “{}” did not happen"),
        "joined": ("@{} joined in", "@{} never joined in"),
        "said": ("you posted the statement “{}”", "you never posted the statement “{}”"),
        "injected": ("the facilitator's news “{}” came", "the facilitator's news “{}” never came"),
    }
    if kind in phrases:
        return phrases[kind][0 if on else 1].format(words.labels.get(name, ident))
    return f"{name} {'held' if on else 'did not hold'}"


def _turn_fact(name: str, value: float, op: str, limit: float, words: _Words) -> str:
    did, never = _TURNS[name]
    clock = words.clock
    if name == "cancel_turn" and "cancelled" in words.labels:
        did, never = f"you {words.labels['cancelled']}", f"you never {words.labels['cancelled']}"

    def when(turn: float) -> str:
        moment = None
        if clock is not None:
            try:
                moment = clock(int(turn))
            except (IndexError, ValueError):
                moment = None
        return f"turn {turn:.0f}" + (f" ({moment:%a %H:%M})" if moment else "")

    fact = never if value == 0 else f"{did} in {when(value)}"
    if op in (">", ">=") and limit <= (0 if op == ">" else 1):
        return f"{fact} — needs it to have happened"
    if op == "==" and limit == 0:
        return f"{fact} — needs it never to happen"
    if name == "turn":
        fact = f"it {'is' if words.present else 'was'} {when(value)}"
    needs = {
        "<=": "by {} at the latest",
        "<": "before {}",
        ">=": "at {} or later",
        ">": "after {}",
        "==": "in {}",
        "!=": "in any turn but {}",
    }
    return f"{fact} — needs it {needs[op].format(when(limit))}"


def _describe_sum(source: str) -> str:
    """A sum of names in words: 'apologies plus jokes'."""
    words = []
    for token in _tokenize(source):
        if token.kind == "name":
            verb = _COUNT_VERBS.get(token.text, (NAMES.get(token.text, token.text), ""))[0]
            words.append(verb)
        elif token.text == "+":
            words.append("plus")
        elif token.text == "-":
            words.append("minus")
        elif token.kind != "end":
            words.append(token.text)
    return "times you " + " ".join(words) if words else source
