"""What keeps every key under 50 ms (issue 21 target 2) without changing what the player sees:
the dashboard draws its meters as one widget with Textual's own sparkline bars, a turn's new figures
redraw it without laying the screen out, the help screen opened again shows the page as it is now,
and the game's long-lived objects stay out of Python's full collections while it is played."""

from __future__ import annotations

import gc
import random

from rich.color import Color as RichColor
from rich.console import Console
from textual.renderables.sparkline import Sparkline
from textual.widgets import Static

from game.ui.app import BashtagApp
from game.ui.screens.help import help_page
from game.ui.screens.modals import InfoScreen
from game.ui.screens.play import PlayScreen
from game.ui.widgets.dashboard import Dashboard, spark_cells


def textual_sparkline(data: list[float], width: int) -> list[tuple[str, tuple[int, int, int] | None]]:
    """Textual's own Sparkline renderable, one line: (bar, colour) per cell, black to (200, 100, 50)."""
    console = Console(width=width, color_system="truecolor")
    sparkline = Sparkline(
        data, width=width, min_color=RichColor.from_rgb(0, 0, 0), max_color=RichColor.from_rgb(200, 100, 50)
    )
    cells = []
    for segment in console.render(sparkline, console.options.update(width=width)):
        colour = tuple(segment.style.color.triplet) if segment.style and segment.style.color else None
        cells += [(char, colour) for char in segment.text]
    return cells


def test_the_dashboards_sparklines_are_textuals_bars_and_colours():
    draw = random.Random(7)
    for _ in range(400):
        data = [draw.choice([draw.random() * 100, 5.0]) for _ in range(draw.choice([2, 3, 10, 47, 48, 200]))]
        width = draw.randint(1, 60)
        ours = [(bar, (int(200 * r), int(100 * r), int(50 * r))) for bar, r in spark_cells(data, width)]
        assert ours == textual_sparkline(data, width), (data, width)


async def test_a_turns_figures_redraw_the_dashboard_without_a_layout(mini):
    app = BashtagApp(scenario=mini, seed=4)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "e", "e")
        await pilot.pause()
        dashboard = app.screen.query_one(Dashboard)
        layouts = []
        refresh = dashboard.refresh

        def spy(*regions, **kwargs):
            layouts.append(kwargs.get("layout", False))
            return refresh(*regions, **kwargs)

        dashboard.refresh = spy
        before = dashboard.figure("reputation")
        await pilot.press("e")
        await pilot.pause()
        state = app.controller.game.state
        assert dashboard.figure("reputation") != before or state.history[-1].reputation == state.history[-2].reputation
        assert f"{state.reputation:.0f}/100" in dashboard.figure("reputation")
        assert layouts and not any(layouts)  # redrawn, never laid out
        lines = str(dashboard.render()).split("\n")
        assert len(lines) == 2 * len(dashboard.shown())  # a line and a sparkline per meter
        assert all(len(line) == dashboard.content_size.width for line in lines[1::2])


async def test_help_opened_again_shows_the_page_as_it_is_now_from_its_top(mini, screen_text):
    app = BashtagApp(scenario=mini, seed=1)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "e")
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        first = app.screen
        assert isinstance(first, InfoScreen) and "Why the meters moved last turn (turn 1)" in screen_text(app)
        first.query_one("#info-scroll").scroll_end(animate=False)
        await pilot.press("escape", "e", "m")  # a turn and an action later
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert app.screen is first  # the same screen, not built anew
        text = screen_text(app)
        assert "Why the meters moved last turn (turn 2)" in text and "(turn 1)" not in text
        now = help_page(app.controller, getattr(app, "scenario_ref", None))
        assert str(first.query_one("#info-body", Static).render()) == now.plain
        assert first.query_one("#info-scroll").scroll_y == 0
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)


async def test_the_game_is_kept_out_of_full_collections_while_it_is_played(mini):
    app = BashtagApp(scenario=mini, seed=1)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen) and gc.get_freeze_count() > 0
        while not app.controller.game.over:
            await pilot.press("e")
            await pilot.pause()
        assert not isinstance(app.screen, PlayScreen)  # the debrief
        assert gc.get_freeze_count() == 0


async def test_leaving_mid_game_collects_the_game_again(mini):
    app = BashtagApp(scenario=mini, seed=1)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0  # the app closed with its play screen


async def test_the_statement_screen_opened_again_starts_as_a_new_one(mini):
    from textual.widgets import OptionList, TextArea

    from game.ui.screens.compose import StatementWriter

    app = BashtagApp(scenario=mini, seed=3)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        while not any(p.source != "org" for p in app.controller.game.state.feed):
            await pilot.press("e")
            await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        first = app.screen
        assert isinstance(first, StatementWriter)
        await pilot.press(*"We are sorry and we will fix it by Friday.", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        assert app.controller.game.state.taken[-1].kind == "statement"
        await pilot.press("e")  # attention refills
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        writer = app.screen
        assert isinstance(writer, StatementWriter)
        editor = writer.query_one(TextArea)
        assert editor.text == "" and writer.loaded is None  # not the words already sent
        assert app.focused is editor and writer.query_one(OptionList).highlighted == 0
        reading = str(writer.query_one("#compose-reading", Static).render())
        assert "how it reads shows here" in reading
        assert f"({app.controller.game.posture_called_for()})" in reading  # as the game stands now
        assert str(writer.query_one("#compose-counter", Static).render()).startswith("0/1,500")
        await pilot.press("ctrl+z")  # nothing to undo: the sent words do not come back
        await pilot.pause()
        assert editor.text == ""
        assert writer is first  # the same screen: it offers the same prepared statements
        await pilot.press(*"Draft", "escape", "s")
        await pilot.pause()
        assert app.screen is first and editor.text == "Draft"
        # Emptied by hand and left: opened again, its undo does not bring the words back.
        await pilot.press(*["backspace"] * 5, "escape", "s")
        await pilot.pause()
        assert app.screen is first and editor.text == ""
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert editor.text == ""


async def test_the_footer_keeps_its_keys_through_a_dialog_and_redraws_when_they_change(mini):
    from game.ui.widgets.footer import KeysFooter

    app = BashtagApp(scenario=mini, seed=1)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        footer = app.screen.query_one(KeysFooter)
        keys = list(footer.children)
        shown = {key.description for key in keys}
        assert {"End turn", "Help / why", "Quit"} <= shown
        await pilot.press("question_mark")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        assert list(footer.children) == keys  # the same keys, not rebuilt
        footer._shown = None  # as if the bindings had changed since it was drawn
        app.screen.refresh_bindings()
        await pilot.pause()
        assert list(footer.children) != keys and {key.description for key in footer.children} == shown


async def test_one_reply_composer_is_aimed_at_each_post_as_a_new_one_would_be(mini):
    from textual.widgets import OptionList, TextArea

    from game.ui.screens.compose import ReplyWriter
    from game.ui.widgets.feed import Feed

    app = BashtagApp(scenario=mini, seed=3)
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        game = app.controller.game
        while sum(p.source != "org" for p in game.state.feed) < 2:
            await pilot.press("e")
            await pilot.pause()
        feed = app.screen.query_one(Feed)
        first, second = [p for p in game.state.feed if p.source != "org"][:2]

        async def reply_to(post):
            feed.highlighted = feed.get_option_index(post.id)
            await pilot.press("r")
            await pilot.pause()
            assert isinstance(app.screen, ReplyWriter) and app.screen.post is post
            return app.screen

        writer = await reply_to(first)
        await pilot.press(*"Draft for the first", "escape")
        await pilot.pause()
        assert await reply_to(second) is writer  # the same screen, aimed at the second post
        editor = writer.query_one(TextArea)
        assert editor.text == "" and writer.loaded is None
        assert f"@{second.author}" in str(writer.query_one("#compose-title", Static).render())
        assert second.text[:20] in str(writer.query_one("#compose-context", Static).render())
        listing = writer.query_one(OptionList)
        assert listing.highlighted == 0 and listing.option_count == 1 + len(writer.suggestions)
        assert all(s.text for s in writer.suggestions.values())
        assert [s.text for s in writer.suggestions.values()] == [
            words for tone in writer.suggestions if (words := game.reply_text(second.id, tone))
        ]
        assert f"@{second.author}" in str(editor.placeholder)
        await pilot.press("escape")
        await pilot.pause()
        await reply_to(first)
        assert editor.text == "Draft for the first"  # its draft, kept
        await pilot.press("escape")
        await pilot.pause()
        await reply_to(second)
        await pilot.press(*"Thank you, we hear you.", "ctrl+s")
        await pilot.pause()
        taken = game.state.taken[-1]
        assert taken.kind == "reply" and taken.detail.get("post_id") == second.id


async def test_the_dashboards_bars_take_the_new_themes_colours_at_once(mini):
    app = BashtagApp(scenario=mini, seed=4)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "e", "e", "e")
        await pilot.pause()
        dashboard = app.screen.query_one(Dashboard)

        def colours() -> set[str]:
            content = dashboard.render()
            return {str(span.style) for span in getattr(content, "spans", [])}

        before = colours()
        app.theme = "nord" if app.theme != "nord" else "gruvbox"
        await pilot.pause()
        await pilot.pause()
        assert colours() != before  # redrawn in the new theme's colours, not at the next turn


async def test_the_dialogs_are_built_in_a_pause_before_their_first_key(mini):
    from game.ui.screens.compose import ReplyWriter, StatementWriter
    from game.ui.widgets.feed import Feed

    app = BashtagApp(scenario=mini, seed=3)
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        play = app.screen
        assert isinstance(play, PlayScreen)
        game = app.controller.game
        while not any(p.source != "org" for p in game.state.feed):
            await pilot.press("e")
            await pilot.pause()
        await pilot.pause(0.6)  # the player reads the screen
        ahead = [play._help, play._statements[1] if play._statements else None, play._reply]
        assert [type(screen) for screen in ahead] == [InfoScreen, StatementWriter, ReplyWriter]
        for screen in ahead:
            assert screen.is_mounted and screen._size == app.size  # composed, styled and laid out
            assert screen not in app.screen_stack  # never shown
        assert app.screen is play and isinstance(app.focused, Feed)  # the player's focus untouched
        await pilot.press("question_mark")
        await pilot.pause()
        assert app.screen is ahead[0]  # opened, not built anew
        now = help_page(app.controller, getattr(app, "scenario_ref", None))
        assert str(ahead[0].query_one("#info-body", Static).render()) == now.plain
        await pilot.press("escape", "s")
        await pilot.pause()
        assert app.screen is ahead[1]
        await pilot.press("escape")
        await pilot.pause()
        other = next(p for p in game.state.feed if p.source != "org")
        feed = play.query_one(Feed)
        feed.highlighted = feed.get_option_index(other.id)
        await pilot.press("r")
        await pilot.pause()
        assert app.screen is ahead[2] and ahead[2].post is other
        assert f"@{other.author}" in str(ahead[2].query_one("#compose-title", Static).render())


async def test_a_dialog_opened_while_it_is_being_built_ahead_opens_as_the_game_stands(mini, monkeypatch):
    from textual.widgets import TextArea

    from game.ui.screens import play as play_module
    from game.ui.widgets.feed import Feed

    monkeypatch.setattr(play_module, "PREPARE_QUIET", 1000.0)  # no pause is long enough: steps by hand
    app = BashtagApp(scenario=mini, seed=3)
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        play = app.screen
        game = app.controller.game

        async def start(screen_of) -> None:
            """Steps until the screen is started, its Compose and Mount still to run."""
            while True:
                step = play._next_preparation()
                assert step is not None
                step()
                if (screen := screen_of()) is not None and screen.is_attached:
                    break
                await pilot.pause()  # (another dialog's steps may wait for its mounting)
            assert not screen.is_mounted

        assert play._help is None
        play._next_preparation()()  # the help screen made...
        help_screen = play._help
        made = help_screen.body.plain
        await pilot.press("e")  # ...then a turn: the page now says why the meters moved in it
        await pilot.pause()
        await start(lambda: play._help)
        play.action_help()  # the key, before the help screen has composed
        await pilot.pause()
        assert app.screen is help_screen
        now = help_page(app.controller, getattr(app, "scenario_ref", None))
        assert now.plain != made
        assert str(help_screen.query_one("#info-body", Static).render()) == now.plain
        await pilot.press("escape")
        await pilot.pause()
        while sum(p.source != "org" for p in game.state.feed) < 2:
            await pilot.press("e")
            await pilot.pause()
        first, second = [p for p in game.state.feed if p.source != "org"][:2]
        feed = play.query_one(Feed)
        feed.highlighted = feed.get_option_index(first.id)
        while play._reply is None:  # the statement screen started and mounted, the composer made
            step = play._next_preparation()
            assert step is not None
            step()
            await pilot.pause()
        writer = play._reply
        target = second if writer.post is not second else first  # a post it is not aimed at
        await start(lambda: play._reply)
        feed.highlighted = feed.get_option_index(target.id)
        play.action_act("reply")  # the key, aimed at another post before the composer has composed
        await pilot.pause()
        assert app.screen is writer and writer.post is target
        assert f"@{target.author}" in str(writer.query_one("#compose-title", Static).render())
        assert target.text[:20] in str(writer.query_one("#compose-context", Static).render())
        editor = writer.query_one(TextArea)
        assert editor.text == "" and app.focused is editor
        assert [s.text for s in writer.suggestions.values()] == [
            words for tone in writer.suggestions if (words := game.reply_text(target.id, tone))
        ]


async def test_no_dialog_of_a_finished_game_stays_in_the_app(mini):
    import gc as collector

    from game.ui.screens.compose import WriterScreen
    from game.ui.screens.modals import InfoScreen

    app = BashtagApp(scenario=mini, seed=3)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        game = app.controller.game
        for key in ("question_mark", "escape", "s", "escape"):
            await pilot.press(key)
            await pilot.pause()
        while not game.over:
            await pilot.press("e")
            await pilot.pause()
        await pilot.pause()
        left = [node for node in app._nodes if isinstance(node, (InfoScreen, WriterScreen))]
        assert left == [] and not app._installed_screens  # kept dialogs go with their game
        assert collector.get_freeze_count() == 0  # and the game is collectable again
