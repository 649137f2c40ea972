"""A keypress redraws only what changed (issue 21 target 2): an action that leaves the feed as it
was does not rebuild the feed's list (a whole re-render), and the next turn's feed still replaces it."""

from __future__ import annotations

from game.ui.app import BashtagApp
from game.ui.screens.play import PlayScreen
from game.ui.widgets.feed import Feed


async def test_an_action_keeps_the_feed_and_a_turn_replaces_it(mini):
    app = BashtagApp(scenario=mini, seed=4)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        await pilot.press("e")
        await pilot.pause()
        feed = app.screen.query_one(Feed)
        assert feed.option_count > 1
        await pilot.press("down")
        before = [feed.get_option_at_index(i) for i in range(feed.option_count)]
        highlighted = feed.highlighted
        app.screen.refresh_view()  # what every action and closed dialog does
        await pilot.pause()
        assert [feed.get_option_at_index(i) for i in range(feed.option_count)] == before
        assert all(a is b for a, b in zip(before, (feed.get_option_at_index(i) for i in range(feed.option_count))))
        assert feed.highlighted == highlighted
        await pilot.press("e")
        await pilot.pause()
        after = [feed.get_option_at_index(i) for i in range(feed.option_count)]
        assert not any(a is b for a, b in zip(before, after))  # a new turn: a new list
