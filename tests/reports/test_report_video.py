"""A report on a video platform sets the video's dislikes and likes beside the posts (issue 22); a
hashtag's report has no such rows."""

from __future__ import annotations

from pathlib import Path

from game.engine import Game, analyse
from game.reports import render
from game.scenario.library import load
from game.scenario.loader import load_scenario

HERE = Path(__file__).resolve().parent


def test_a_video_report_has_the_counts_and_a_dislikes_chart():
    game = Game(load("perrystrong"), 2)
    for _ in range(4):  # an unfinished game: the report covers the turns played
        game.end_turn()
    debrief = analyse(game)
    md = render(game, "md", debrief=debrief)
    dislikes = f"{game.state.video.reactions.dislikes:,}"
    assert f"| Dislikes on the video | {dislikes} |" in md
    assert "Likes on the video" in md and "Response videos" in md
    assert "### Dislikes per turn" in md and "| Dislikes | Historical |" in md
    page = render(game, "html", debrief=debrief)
    assert "Dislikes per turn" in page and page.count("<svg") >= 4


def test_a_hashtag_report_has_no_video_rows():
    game = Game(load_scenario(HERE / "mini.yaml"), 3)
    for _ in range(3):
        game.end_turn()
    md = render(game, "md")
    assert "Dislikes" not in md and "Likes on the video" not in md
