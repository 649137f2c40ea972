"""Layout (issue 17, item 8): a stance keeps its distance from the name, the delete picker shows
whole posts, and the action bar does not cut an action's name with room to spare."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Static
from ui_helpers import option_text

from game.engine.state import Post
from game.scenario import library
from game.ui.app import BashtagApp
from game.ui.screens.modals import ChoiceScreen
from game.ui.widgets.feed import post_prompt


def _post(stance: str) -> Post:
    return Post("p1", 1, dt.datetime(2024, 1, 1, 9), "alex", "Alex", 120, "Lovely bread.", stance, 1, 0, "crowd")


def test_every_stance_word_is_followed_by_a_space_before_the_name():
    for stance in ("hostile", "neutral", "supportive"):
        first_line = str(post_prompt(_post(stance))).splitlines()[0]
        assert f"{stance} " in first_line and f"{stance}Alex" not in first_line, first_line


async def test_the_delete_picker_shows_whole_posts():
    scenario = library.load("tutorial")  # its announcement is 160 characters long
    app = BashtagApp(scenario=scenario, seed=1)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        text = app.controller.game.state.org_posts[0].text
        assert len(text) > 70
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        menu = app.screen.query_one("OptionList")
        shown = " ".join(option_text(menu.get_option_at_index(0).prompt).split())
        assert " ".join(text.split()) in shown


async def test_the_action_bar_keeps_whole_action_names_on_a_wide_screen():
    scenario = library.load("askjpm")
    app = BashtagApp(scenario=scenario, seed=1)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        bar = " ".join(str(app.screen.query_one("#play-actions", Static).render()).split())
        for custom in scenario.actions.custom:
            assert custom.label in bar, custom.label


async def test_two_supportive_posts_in_a_row_keep_their_separator():
    from textual.app import App

    from game.ui.widgets.feed import Feed

    class One(App):
        def compose(self):
            yield Feed()

    posts = tuple(
        Post(
            f"p{i}",
            1,
            dt.datetime(2024, 1, 1, 9),
            f"alex{i}",
            "Alex",
            120,
            "Lovely bread.",
            "supportive",
            1,
            0,
            "crowd",
        )
        for i in range(2)
    )
    app = One()
    async with app.run_test(size=(60, 20)) as pilot:
        feed = app.query_one(Feed)
        feed.show(posts, 1)
        await pilot.pause()
        lines = ["".join(segment.text for segment in feed.render_line(y)) for y in range(feed.size.height)]
        between = lines[3:5]  # each post is three lines; the separator follows the first
        assert any(set(line.strip()) == {"─"} for line in between), lines[:8]
