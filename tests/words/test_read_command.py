"""`bashtag read`: a draft's reading for authors and facilitators (issue 16, item 4)."""

from __future__ import annotations

import io
import json

import pytest

from game.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_read_prints_the_reading_then_the_features(capsys):
    code, out, err = run(capsys, "read", "We are sorry if anyone was offended. It was never our intention.")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == "Reads as: excuse (diminish) — 'sorry if anyone', 'never our intention'"
    assert any(line.split()[:2] == ["apology", "conditional"] for line in lines)


def test_read_json_has_the_posture_why_and_features(capsys):
    code, out, _ = run(capsys, "read", "--json", "We got this wrong and we are sorry.")
    data = json.loads(out)
    assert code == 0 and data["as"] == "statement" and data["posture"] == "rebuild"
    assert "We got this wrong" in data["why"]
    assert data["features"]["responsibility"] == "taken" and "tone" not in data


def test_to_reads_a_reply_and_says_whether_it_answers(capsys):
    _, out, _ = run(
        capsys,
        "read",
        "--json",
        "--to",
        "Is the #AskJPM Q&A still happening tomorrow?",
        "The Q&A has been cancelled; there is no new date yet.",
    )
    data = json.loads(out)
    assert data["as"] == "reply" and data["tone"] == "informative" and data["posture"] == "inform"
    assert data["features"]["answers_question"] is True


def test_scenario_says_what_the_crisis_calls_for_and_reads_its_grievance(capsys):
    code, out, _ = run(
        capsys, "read", "--scenario", "askjpm", "--json", "We know the foreclosures hurt families, and we are sorry."
    )
    data = json.loads(out)
    assert code == 0 and data["calls_for"] == "rebuild"
    assert "foreclosures" in data["features"]["specifics"]
    code, out, _ = run(capsys, "read", "--scenario", "askjpm", "Tomorrow's Q&A is cancelled. Bad idea.")
    assert out.splitlines()[1] == "This crisis calls for at least apology (rebuild)."


def test_an_unknown_scenario_is_bad_input(capsys):
    code, out, err = run(capsys, "read", "--scenario", "no-such-scenario", "We are sorry.")
    assert code == 1 and out == "" and "no-such-scenario" in err


def test_text_it_cannot_read_is_answered_plainly_not_as_an_error(capsys):
    code, out, err = run(capsys, "read", "👍👍")
    assert code == 0 and err == ""
    assert out.strip() == "Cannot read this: emoji only: there are no words to read."
    code, out, _ = run(capsys, "read", "--json", "")
    assert json.loads(out)["unreadable"] and json.loads(out)["posture"] is None


def test_control_characters_never_reach_the_terminal(capsys):
    _, out, _ = run(capsys, "read", "We are \x1b[2J sorry\x07, it was our fault.")
    assert "\x1b" not in out and "\x07" not in out


def test_dash_reads_the_text_from_stdin(capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("These claims are false.\n"))
    code, out, _ = run(capsys, "read", "-")
    assert code == 0 and out.startswith("Reads as: denial (deny)")


def test_batch_answers_every_good_line_and_locates_every_bad_one(capsys, tmp_path):
    batch = tmp_path / "drafts.jsonl"
    batch.write_text(
        "\n".join(
            [
                json.dumps({"text": "We are sorry if anyone was offended.", "as": "statement"}),
                "{not json",
                json.dumps({"text": "Nice try, bot.", "as": "reply", "to": "How many orcas died?"}),
                json.dumps({"text": "x", "as": "tweet"}),
                "",
                json.dumps(["a list"]),
                json.dumps({"text": "Thank you for your patience.", "to": "Can I have my house back?"}),
                json.dumps({"txt": "typo"}),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "read", "--batch", str(batch), "--json")
    assert code == 1
    answers = [json.loads(line) for line in out.splitlines()]
    assert [a["line"] for a in answers] == [1, 3, 7]
    assert answers[0]["posture"] == "diminish" and "tone" not in answers[0]
    assert answers[1]["tone"] == "dismissive" and answers[2]["tone"] == "boilerplate"
    assert all("why" in a and "features" in a for a in answers)
    errors = err.splitlines()
    assert errors[0].startswith(f"{batch}:2: error: not JSON")
    assert errors[1] == f'{batch}:4: error: "as" must be "statement" or "reply", not "tweet"'
    assert errors[2] == f"{batch}:6: error: each line must be a JSON object"
    assert errors[3].startswith(f"{batch}:8: error: ")
    assert errors[-1] == "bashtag read: 4 bad lines of 8"


def test_a_clean_batch_exits_0(capsys, tmp_path):
    batch = tmp_path / "ok.jsonl"
    batch.write_text(json.dumps({"text": "We got this wrong and we are sorry."}) + "\n", encoding="utf-8")
    code, out, err = run(capsys, "read", "--batch", str(batch), "--json")
    assert code == 0 and err == "" and json.loads(out)["posture"] == "rebuild"


def test_a_batch_saved_with_a_bom_and_crlf_reads_from_line_1(capsys, tmp_path):
    batch = tmp_path / "windows.jsonl"
    lines = [
        json.dumps({"text": "We got this wrong and we are sorry."}),
        json.dumps({"text": "These claims are false."}),
    ]
    batch.write_bytes(("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8"))
    code, out, err = run(capsys, "read", "--batch", str(batch), "--json")
    assert code == 0 and err == ""
    assert [json.loads(line)["posture"] for line in out.splitlines()] == ["rebuild", "deny"]


def test_a_missing_batch_file_is_bad_input(capsys, tmp_path):
    code, out, err = run(capsys, "read", "--batch", str(tmp_path / "nope.jsonl"), "--json")
    assert code == 1 and out == "" and "cannot read" in err


@pytest.mark.parametrize(
    "argv", [["read"], ["read", "text", "--batch", "f.jsonl", "--json"], ["read", "--batch", "f.jsonl"]]
)
def test_bad_usage_exits_2(capsys, argv):
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == "" and err.startswith("bashtag read:")


def test_an_unknown_kind_is_an_argparse_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["read", "--as", "tweet", "hello there"])
    assert exit_.value.code == 2
