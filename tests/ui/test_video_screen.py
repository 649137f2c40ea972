"""The play screen on a video platform (issue 22): the counts under the video over its comments, the
dislikes and likes on the dashboard, the video's own actions on their keys; a hashtag shows none of it."""

from __future__ import annotations

from game.scenario import library
from game.ui.app import BashtagApp
from game.ui.screens.modals import ConfirmScreen
from game.ui.screens.play import PlayScreen
from game.ui.widgets.dashboard import Dashboard
from game.ui.widgets.feed import FeedTitle


def meters_shown(app) -> set[str]:
    return set(app.screen.query_one(Dashboard).shown())


async def start(app, pilot):
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, PlayScreen)


async def test_a_video_shows_its_counts_and_its_comments_then_posts_elsewhere(screen_text):
    app = BashtagApp(scenario=library.load("perrystrong"), seed=3)
    async with app.run_test(size=(140, 40)) as pilot:
        await start(app, pilot)
        assert {"dislikes", "likes"} <= meters_shown(app)
        await pilot.press("e")
        await pilot.pause()
        video = app.controller.game.state.video
        title = str(app.screen.query_one(FeedTitle).render())
        assert f"{video.reactions.dislikes:,} dislikes" in title and "comments" in title
        text = screen_text(app)
        assert "Ratings off" in text and "Make private" in text and "Video: public" in text
        await pilot.press("o")  # hold the comments
        await pilot.pause()
        assert not app.controller.game.state.video.comments_open
        assert "posts elsewhere" in str(app.screen.query_one(FeedTitle).render())
        await pilot.press("n")  # ratings off
        await pilot.pause()
        title = str(app.screen.query_one(FeedTitle).render())
        assert "ratings off" in title
        assert "Dislikes" in text and "off" in app.screen.query_one(Dashboard).figure("dislikes")
        await pilot.press("v")  # make it private: asked first, as cancelling is
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "Make the video private?" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.controller.game.state.video.public


async def test_a_hashtag_shows_no_video_counts(mini, screen_text):
    app = BashtagApp(scenario=mini, seed=3)
    async with app.run_test(size=(140, 40)) as pilot:
        await start(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        assert not {"dislikes", "likes"} & meters_shown(app)
        assert "dislikes" not in str(app.screen.query_one(FeedTitle).render())
        assert "Ratings off" not in screen_text(app)
