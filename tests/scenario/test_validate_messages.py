"""validate's messages in the project's words (issue 17 item 12): no pydantic phrasing, a hint for
the unquoted hashtag, and a success line that names the file."""

from __future__ import annotations

import pytest
from scenario_helpers import edit, errors_of

from game.cli import main


@pytest.mark.parametrize(
    "old, new, says",
    [
        ("grievance: 0.6", "grievance: 1.5", "should be at most 1 (found 1.5)"),
        ("budget: 3 ", "budget: 50 ", "should be at most 20 (found 50)"),
        ("turns: 4", "turns: 0", "should be at least 1 (found 0)"),
        ('title: "Demo"', 'title: "' + "x" * 200 + '"', "is too long: at most 120 characters (this one has 200)"),
        ("tags: [qna, retail]", 'tags: [qna, ""]', "should not be empty"),
        ("tags: [qna, retail]", "tags: [" + ", ".join(["x"] * 25) + "]", "has too many items: at most 20 (found 25)"),
    ],
)
def test_range_and_length_errors_are_in_our_words(valid_text, old, new, says):
    [error] = errors_of(edit(valid_text, old, new))
    assert error.message == says
    assert "input should" not in error.message and "String should" not in error.message


@pytest.mark.parametrize(
    "old, new",
    [
        ('hashtag: "#AskBeanCo"', "hashtag: #AskBeanCo"),
        ('  - "Dear {org}, {price} for coffee? {hashtag}"', "  - #AskBeanCo is a joke"),
    ],
)
def test_an_unquoted_hashtag_gets_the_comment_hint(valid_text, old, new):
    [error] = errors_of(edit(valid_text, old, new))
    assert "a '#' starts a comment in YAML" in error.message and "quotes" in error.message


def test_a_value_left_empty_on_purpose_gets_no_hashtag_hint(valid_text):
    [error] = errors_of(edit(valid_text, 'hashtag: "#AskBeanCo"', "hashtag:"))
    assert "comment" not in error.message


def test_the_success_line_names_the_file(tmp_path, capsys, valid_text):
    path = tmp_path / "beanco.yaml"
    path.write_text(valid_text)
    assert main(["validate", str(path)]) == 0
    assert capsys.readouterr().err == f"{path}: valid (0 errors, 0 warnings)\n"
    assert main(["validate", str(path), "tutorial"]) == 0
    assert capsys.readouterr().err.endswith("all 2 files valid (0 errors, 0 warnings)\n")


def test_value_errors_and_cross_reference_errors_come_in_one_pass(valid_text):
    """An author saw 2 errors, fixed them, then met 4 more: the cross-references were checked only
    once every value was right.  Now one run of validate names them all."""
    text = edit(valid_text, "difficulty: easy", "difficulty: esay")
    text = edit(text, "  followers: 80000", "  followers: lots")
    text = edit(text, "segment: jokers ", "segment: jokerz ")
    text = edit(text, "when: press >= 40 and not cancelled", "when: pres >= 40")
    assert sorted(p.where for p in errors_of(text)) == [
        "audience.key_accounts[0].segment",
        "difficulty",
        "events[0].when",
        "organisation.followers",
    ]


def test_a_wrong_id_does_not_also_break_what_refers_to_it(valid_text):
    """'Jokers' is not an id; the key account that names 'jokers' will be right once it is fixed."""
    [error] = errors_of(edit(valid_text, "    - id: jokers", "    - id: Jokers"))
    assert error.where == "audience.segments[1].id"


def test_nothing_the_stand_in_brings_is_reported(valid_text):
    """Wrong values are checked on a stand-in (the scaffold's values in their place): the only
    problems are the file's own."""
    text = edit(valid_text, "    - id: jokers", "    - id: '!!!'")
    errors = errors_of(text)
    assert [e.where for e in errors] == ["audience.segments[1].id"]
