"""The team's own words beside each decision, and how they read (issue 16): for the debrief screen
and the reports alike.

The log keeps the exact words (``TakenAction.detail["text"]``); the reading is worked out again from
them, which is deterministic.  A statement is read against the organisation's record, as the engine
read it.  A reply is read against the post it answered, which has left the feed by the end of the
game: the game is replayed from its seed (one pass, only as far as the last written reply) to find
that post's words, so the reading shown is the one the engine acted on.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.engine import ActionNotAllowed, Game, action_from_dict
from game.words import read_reply


@dataclass(frozen=True)
class Words:
    """What the team wrote for one decision, and how it reads."""

    text: str  # the words that went out: controls stripped, whitespace folded (escape it in reports)
    reading: str  # "Reads as: apology (rebuild) — 'we are sorry', …", or why it could not be read


def team_words(game: Game) -> dict[int, Words]:
    """``{index in game.state.taken: Words}`` for every decision taken in the team's own words
    (prepared statements and chosen tones sent unchanged have none)."""
    written = {
        i: t
        for i, t in enumerate(game.state.taken)
        if t.kind in ("reply", "statement") and t.detail.get("text") is not None
    }
    if not written:
        return {}
    replied_to = _replied_to(game, [t for t in written.values() if t.kind == "reply"])
    out: dict[int, Words] = {}
    for index, entry in written.items():
        text = entry.detail["text"]
        if entry.kind == "statement":
            prepared = next((s for s in game.scenario.actions.statements if s.id == entry.detail.get("option")), None)
            if prepared is not None and prepared.text == text:
                continue  # the prepared statement, as written: the engine did not read it
            reading = game.read_statement(text)
        else:
            reading = read_reply(text, to=replied_to.get(entry.detail.get("post_id", "")))
        out[index] = Words(reading.text, reading.summary)
    return out


def _replied_to(game: Game, replies: list) -> dict[str, str]:
    """The words of the posts these replies answered, from one replay of the game's log."""
    wanted: dict[int, set[str]] = {}
    for entry in replies:
        wanted.setdefault(entry.turn, set()).add(entry.detail.get("post_id", ""))
    if not wanted:
        return {}
    found: dict[str, str] = {}
    by_turn: dict[int, list] = {}
    for entry in game.state.taken:
        by_turn.setdefault(entry.turn, []).append(entry)
    last = max(wanted)
    fresh = Game(game.scenario, game.seed, game.world.params)
    # The same walk as the engine's replay (game.engine.debrief): a logged game replays to itself.
    while not fresh.over and fresh.state.turn <= last:
        for entry in by_turn.get(fresh.state.turn, []):
            if entry.kind == "reply" and entry.detail.get("post_id") in wanted.get(fresh.state.turn, ()):
                post = fresh.post(entry.detail["post_id"])
                if post is not None:
                    found[post.id] = post.text
            try:
                fresh.apply(action_from_dict(entry.detail))
            except (ActionNotAllowed, ValueError):
                continue
        if fresh.state.turn == last:
            break
        fresh.end_turn()
    return found
