"""What the reader says about a statement or a reply, and why (issue 16, items 2 and 7)."""

from __future__ import annotations

import dataclasses
import json

import pytest

from game.words import REPLY_LIMIT, STATEMENT_LIMIT, read_reply, read_statement


def test_a_conditional_apology_reads_as_an_excuse_and_names_its_phrases():
    reading = read_statement("We are sorry if anyone was offended. It was never our intention.")
    assert reading.posture == "diminish"
    assert reading.features.apology == "conditional"
    assert reading.why[:2] == ("sorry if anyone", "never our intention")
    assert reading.summary == "Reads as: excuse (diminish) — 'sorry if anyone', 'never our intention'"


def test_regret_for_any_upset_caused_is_not_an_apology():
    reading = read_statement("We regret any upset this may have caused to our customers.")
    assert reading.posture == "diminish"
    assert reading.features.apology == "conditional"


def test_a_full_apology_with_responsibility_and_amends_reads_as_rebuild():
    reading = read_statement(
        "We got this wrong and we are sorry. Every affected passenger will receive a full refund, "
        "and we have suspended the staff involved while an independent review takes place."
    )
    assert reading.posture == "rebuild"
    f = reading.features
    assert f.apology == "full" and f.responsibility == "taken"
    assert f.compensation and f.corrective_action
    assert "We got this wrong" in reading.why


def test_blaming_a_supplier_is_responsibility_shifted():
    reading = read_statement("The screen showed a few messages because of a technical fault at a third-party supplier.")
    assert reading.features.responsibility == "shifted"
    assert reading.posture == "diminish"


def test_calling_critics_names_reads_as_an_attack():
    reading = read_statement("The people on this hashtag are trolls and bots, not our customers.")
    assert reading.posture == "attack"
    assert reading.features.hostility


def test_a_phrase_starts_at_a_word_so_an_org_name_is_not_a_pronoun():
    # "Gucci should have" is not "i should have": the reader quoted 'i deeply apologize' from it.
    reading = read_statement("Gucci deeply apologizes for the offense caused. Gucci should have known better.")
    assert all(not phrase.lower().startswith("i ") for phrase in reading.why)
    assert reading.features.apology == "full" and reading.features.responsibility == "none"


def test_data_compromised_in_a_breach_is_not_a_denial():
    reading = read_statement("Whether or not your personal data may have been compromised, I sincerely apologize.")
    assert reading.posture == "rebuild" and not reading.features.denial


def test_blaming_a_hacker_reads_as_denial():
    assert read_statement("Our account was hacked overnight. The post did not come from our team.").posture == "deny"


def test_a_joke_reads_as_humour():
    assert read_statement("Tomorrow's Q&A is cancelled. Bad Idea. Back to the drawing board.").posture == "humour"


def test_a_reading_says_whether_phrases_decided_it():
    assert read_statement("We got this wrong and we are sorry.").decisive
    undecided = read_statement("Our dream was a celebration of the city and its people.")
    assert undecided.posture == "inform" and not undecided.decisive
    assert "no apology, excuse, denial, joke or attack in it" in undecided.summary


def test_plain_facts_read_as_inform_and_count_as_specifics():
    reading = read_statement(
        "The Q&A with Jimmy Lee will not take place on Thursday at 1pm. Registered students will receive an email."
    )
    assert reading.posture == "inform"
    assert "Jimmy Lee" in reading.features.specifics and "1pm" in reading.features.specifics


def test_a_statement_that_names_the_scenario_grievance_counts_it_as_specific():
    grievance = "The financial crisis and bailout; the big banks blamed for foreclosures and lost homes"
    with_it = read_statement("We know the foreclosures hurt families, and we are sorry.", scenario_grievance=grievance)
    without = read_statement("We know this hurt families, and we are sorry.", scenario_grievance=grievance)
    assert "foreclosures" in with_it.features.specifics
    assert "foreclosures" not in without.features.specifics


def test_a_reply_that_answers_the_question_reads_as_informative():
    post = "What does a first year in investment banking at JPM look like? #AskJPM"
    reading = read_reply(
        "A first year analyst rotates through two desks and has eight weeks of banking training.", to=post
    )
    assert reading.tone == "informative" and reading.posture == "inform"
    assert reading.features.answers_question is True
    assert "it answers what the post asked" in reading.summary


def test_the_fixed_empathetic_text_does_not_answer_a_sincere_question():
    post = "What does a first year in investment banking look like? #AskJPM"
    reading = read_reply("That sounds like a hard experience, and we're sorry you went through it.", to=post)
    assert reading.tone == "empathetic"
    assert reading.features.answers_question is False
    assert "does not answer what the post asked" in reading.summary


def test_naming_the_poster_is_not_answering_them():
    post = "@ReformedBroker @jpmorgan what's your favourite type of whale? #AskJPM"
    reading = read_reply("@ReformedBroker thanks for getting in touch! #AskJPM", to=post)
    assert reading.features.answers_question is False
    assert reading.features.shared_with_post == ()


def test_a_template_reads_as_boilerplate_and_its_likeness_is_high():
    reading = read_reply("Thank you for your patience. Your call is important to us.", to="Can I have my house back?")
    assert reading.tone == "boilerplate" and reading.posture == "diminish"
    assert reading.features.boilerplate >= 0.9


def test_sympathy_with_sorry_and_no_fault_is_empathy_not_apology():
    assert read_reply("That sounds really stressful, I am sorry.", to="My parcel is lost again").tone == "empathetic"
    assert read_reply("That was our mistake and we are sorry.", to="You charged me twice").tone == "apologetic"


def test_mocking_the_poster_reads_as_dismissive():
    reading = read_reply("Nice try, bot. We don't talk to trolls.", to="How many orcas died in your tanks?")
    assert reading.tone == "dismissive" and reading.posture == "attack"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("   \n\t ", "empty"),
        ("😬🙏😬", "emoji only"),
        ("!!! ???", "no words"),
        ("ok", "too short"),
        ("Nous sommes désolés pour ce qui s'est passé hier soir.", "not in English"),
        ("Lo sentimos mucho, estamos revisando su caso ahora mismo.", "not in English"),
        ("我们对此深表歉意，并将全面调查。", "not in English"),
    ],
)
def test_text_it_cannot_read_gets_a_plain_answer_and_no_guess(text, reason):
    for reading in (read_statement(text), read_reply(text, to="Is the Q&A still on?")):
        assert not reading.readable
        assert reading.posture is None and reading.tone is None and reading.features is None and reading.why == ()
        assert reading.summary.startswith("Cannot read this: ")
        expected = {
            "empty": "empty",
            "emoji only": "emoji only",
            "no words": "no words",
            "too short": "too short",
            "not in English": "not in English",
        }[reason]
        assert expected in reading.unreadable


@pytest.mark.parametrize("text", ["Another PETA sock puppet. Yawn.", "Shame. Total shame.", "Nice idea, wrong week."])
def test_short_english_without_a_function_word_is_still_english(text):
    assert read_reply(text).readable


def test_words_it_knows_none_of_are_not_read_as_english():
    reading = read_statement("asdf qwer zxcv uiop")
    assert not reading.readable and "does not look like English" in reading.unreadable


def test_a_statement_past_the_cap_is_read_to_the_cap_and_says_so():
    text = "We are sorry for what happened. " * 80  # 2,560 characters
    reading = read_statement(text)
    assert len(reading.text) <= STATEMENT_LIMIT
    assert reading.features.truncated
    assert "only the first 1,500 of 2,559 characters were read" in reading.summary
    assert reading.posture == "rebuild"


def test_a_reply_past_280_characters_is_read_to_280():
    reading = read_reply("Thanks for reaching out! " * 20)
    assert len(reading.text) <= REPLY_LIMIT and reading.features.truncated
    assert "only the first 280 of" in reading.summary


def test_control_characters_and_escapes_are_stripped_before_reading():
    reading = read_statement("We are\x1b[31m sorry\x07 for\u202e this.\x00 It was our fault.")
    assert "\x1b" not in reading.text and "\x07" not in reading.text and "\u202e" not in reading.text
    assert "\x00" not in reading.text
    assert reading.posture == "rebuild"
    assert all("\x1b" not in phrase for phrase in reading.why)


def test_markup_in_the_text_is_kept_literally():
    reading = read_statement("[bold red]We are sorry[/] [@click=app.quit]. It was our fault.")
    assert "[bold red]" in reading.text and "[@click=app.quit]" in reading.text


def test_a_reading_is_frozen_deterministic_and_serialisable():
    a = read_reply("We messed up and we're sorry, Jamie. Your refund goes out today.", to="Where is my refund?")
    b = read_reply("We messed up and we're sorry, Jamie. Your refund goes out today.", to="Where is my refund?")
    assert a == b
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.posture = "attack"  # type: ignore[misc]
    data = json.loads(json.dumps(a.as_dict()))
    assert data["tone"] == "apologetic" and data["posture"] == "rebuild"
    assert data["features"]["apology"] == "full" and data["features"]["compensation"] is True
    assert data["why"] == list(a.why)


def test_statement_labels_are_the_engines_postures_and_reply_labels_its_tones():
    from game.scenario.vocabulary import STRATEGIES, TONES

    texts = [
        "We are sorry, it was our fault.",
        "These claims are false.",
        "Trolls, all of them.",
        "For 150 years we have been proud to serve families.",
        "Bad idea, back to the drawing board.",
    ]
    assert {read_statement(t).posture for t in texts} <= set(STRATEGIES)
    assert read_reply("lol ok, nice try").tone in TONES
