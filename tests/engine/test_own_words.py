"""The team's own words: the engine reads a written reply or statement and uses the reading exactly
as it uses a chosen tone or a prepared statement, with the features' reasons in the turn's changes."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from game.engine import ActionNotAllowed, Game, Reply, Statement, action_from_dict, action_to_dict
from game.scenario.models import Scenario

HERE = Path(__file__).parent

FULL_APOLOGY = (
    "We are sorry. We got this wrong and we take full responsibility. "
    "We will refund every customer affected and publish what we changed by Friday."
)
CONDITIONAL = "We are sorry if anyone was offended. It was never our intention."


@pytest.fixture(scope="module")
def mini() -> Scenario:
    return Scenario.model_validate(yaml.safe_load((HERE / "mini.yaml").read_text()))


def hijacked(mini: Scenario, seed: int = 5) -> Game:
    game = Game(mini, seed)
    while not game.world.hijacked and not game.over:
        game.end_turn()
    assert game.world.hijacked, "the mini scenario is hijacked under silence"
    return game


def hostile_post(game: Game):
    return next(p for p in game.state.feed if p.stance == "hostile" and p.source != "org")


def test_a_written_statement_is_read_and_its_posture_decides_its_effect(mini):
    apology, excuse = hijacked(mini), hijacked(mini)
    calm = apology.apply(Statement(text=FULL_APOLOGY))
    evasive = excuse.apply(Statement(text=CONDITIONAL))
    assert apology.state.taken[-1].label.endswith("(rebuild)")
    assert excuse.state.taken[-1].label.endswith("(diminish)")
    assert sum(c.delta for c in calm if c.meter == "anger") < 0
    assert sum(c.delta for c in evasive if c.meter == "anger") > 0
    assert any("read as evasive" in c.reason for c in evasive)
    # What went out is the team's words, cleaned, not a prepared text.
    assert apology.state.org_posts[-1].text == FULL_APOLOGY


def test_saying_what_will_change_makes_an_apology_count_for_more_and_says_so(mini):
    plain, corrective = hijacked(mini), hijacked(mini)
    bare = plain.apply(Statement(text="We are sorry. We got this wrong and we take full responsibility."))
    full = corrective.apply(Statement(text=FULL_APOLOGY))
    assert sum(c.delta for c in full if c.meter == "anger") < sum(c.delta for c in bare if c.meter == "anger")
    assert any("saying what will change" in c.reason for c in full)
    assert not any("saying what will change" in c.reason for c in bare)


def test_a_written_reply_is_read_for_its_tone(mini):
    game = hijacked(mini)
    post = hostile_post(game)
    game.apply(Reply(post.id, text="You're right to call this out. We're sorry, and we take responsibility."))
    assert "read as apologetic" in game.state.taken[-1].label
    assert game.state.org_posts[-1].text.startswith(f"@{post.author} ")  # addressed as on the platform


def test_calling_critics_names_in_your_own_words_is_the_attack_it_is(mini):
    game = hijacked(mini)
    post = hostile_post(game)
    changes = game.apply(Reply(post.id, text="Nobody cares what a bunch of trolls think."))
    assert "read as dismissive" in game.state.taken[-1].label
    assert any("troll" in c.reason for c in changes)


def test_a_warm_reply_that_ignores_the_question_lands_as_a_template(mini):
    game = hijacked(mini)
    asked = next(p for p in game.state.feed if p.source != "org" and p.stance == "hostile")
    asked = asked.__class__(**{**asked.__dict__, "text": "How much did you pay in fines last year? #AskMini"})
    game.world.feed = [asked if p.id == asked.id else p for p in game.world.feed]
    changes = game.apply(Reply(asked.id, text="We hear you and we value your feedback."))
    assert any("does not answer what they asked" in c.reason for c in changes)


@pytest.mark.parametrize("text", ["", "   ", "🙂🙂🙂", "Nous sommes désolés pour la gêne occasionnée."])
def test_words_the_engine_cannot_read_are_refused_with_the_reason(mini, text):
    game = hijacked(mini)
    before = game.state
    with pytest.raises(ActionNotAllowed) as refused:
        game.apply(Statement(text=text))
    assert "cannot be read" in refused.value.reason
    assert game.state.budget_left == before.budget_left and game.state.org_posts == before.org_posts


def test_the_exact_words_survive_the_log_and_replay_to_the_same_game(mini):
    first = hijacked(mini)
    post = hostile_post(first)
    actions = [Reply(post.id, text="We're sorry. We will fix the fees by Monday."), Statement(text=FULL_APOLOGY)]
    logged = [action_to_dict(a) for a in actions]
    assert logged[1] == {"kind": "statement", "option": "", "text": FULL_APOLOGY}
    for action in actions:
        first.apply(action)
    first.end_turn()
    second = hijacked(mini)
    for data in logged:
        second.apply(action_from_dict(data))
    second.end_turn()
    assert second.state == first.state


def test_a_prepared_statement_sent_unchanged_is_the_prepared_statement(mini):
    game = hijacked(mini)
    game.apply(Statement("inform"))
    assert game.state.taken[-1].label == "Statement: Postpone (inform)"
    assert game.state.org_posts[-1].text == "We are postponing the Q&A."


def test_a_statement_is_always_open_for_the_teams_own_words(mini):
    game = Game(mini, 1)
    statement = next(o for o in game.available_actions() if o.kind == "statement")
    assert statement.available


def test_the_what_if_on_an_excuse_in_your_own_words_is_a_full_apology(mini):
    from game.engine.debrief import FULL_APOLOGY, analyse
    from game.words import read_statement

    assert read_statement(FULL_APOLOGY).posture == "rebuild"
    game = hijacked(mini)
    game.apply(Statement(text=CONDITIONAL))
    while not game.over:
        game.end_turn()
    debrief = analyse(game)
    labels = [w.label for w in debrief.what_ifs]
    assert any(label.startswith("If this had been a full apology") for label in labels)
