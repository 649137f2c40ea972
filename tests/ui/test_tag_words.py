"""Whose tag it is (issue 17, item 9): a tag the organisation joined is not "the campaign you
launched", and the title screen labels every group without implying only some cases are real."""

from __future__ import annotations

from textual.widgets import OptionList, Static
from ui_helpers import option_text

from game.scenario import library
from game.ui.app import BashtagApp
from game.ui.screens.modals import ConfirmScreen
from game.ui.screens.title import TitleScreen


async def test_a_joined_tag_is_worded_as_joined_on_the_briefing_and_the_actions(screen_text):
    scenario = library.load("digiorno")
    assert scenario.campaign.tag == "joined"
    app = BashtagApp(scenario=scenario, seed=1)
    async with app.run_test(size=(120, 40)) as pilot:
        text = screen_text(app)
        assert "The tag you joined: #WhyIStayed" in text and "campaign you launched" not in text
        await pilot.press("enter")
        await pilot.pause()
        bar = str(app.screen.query_one("#play-actions", Static).render())
        assert "Withdraw" in bar and "Cancel campaign" not in bar and "Campaign:" not in bar
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "Withdraw from #WhyIStayed?" in screen_text(app)


async def test_a_launched_campaign_keeps_its_words(mini, screen_text):
    assert mini.campaign.tag == "launched"  # the default: every older file means what it meant
    app = BashtagApp(scenario=mini, seed=1)
    async with app.run_test(size=(120, 40)) as pilot:
        assert "The campaign you launched:" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert "Cancel campaign" in str(app.screen.query_one("#play-actions", Static).render())


async def test_the_title_screen_labels_every_group_by_difficulty_not_by_realness():
    app = BashtagApp.for_title()
    async with app.run_test(size=(100, 40)):
        assert isinstance(app.screen, TitleScreen)
        menu = app.screen.query_one("#title-menu", OptionList)
        headings = [
            option_text(menu.get_option_at_index(i).prompt)
            for i in range(menu.option_count)
            if menu.get_option_at_index(i).disabled
        ]
        assert len(headings) == 3
        assert all(":" in heading for heading in headings), headings
        assert not any("real crises" in heading for heading in headings)
