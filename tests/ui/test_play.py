"""Playing whole games by key presses, and asserting what the screens show."""

from __future__ import annotations

import textual.notifications
from textual.command import CommandList
from textual.widgets import OptionList, RichLog, Static, TextArea
from ui_helpers import option_text
from waiting import wait_until_async

from game.engine.rules import RULES
from game.scenario import library
from game.ui.app import BashtagApp
from game.ui.screens.briefing import BriefingScreen
from game.ui.screens.compose import ReplyWriter, StatementWriter
from game.ui.screens.debrief import DebriefScreen
from game.ui.screens.modals import ConfirmScreen
from game.ui.screens.play import PlayScreen, span_words
from game.ui.screens.title import TitleScreen
from game.ui.widgets.feed import Feed


def header(app) -> str:
    return str(app.screen.query_one("#play-header", Static).render())


async def end_turns_until_feed(pilot, app):
    while not any(p.source != "org" for p in app.controller.game.state.feed):
        await pilot.press("e")
        await pilot.pause()


async def test_a_whole_mini_game_from_briefing_to_debrief(mini, screen_text):
    app = BashtagApp(scenario=mini, seed=3)
    async with app.run_test(size=(100, 40)) as pilot:
        assert isinstance(app.screen, BriefingScreen)
        text = screen_text(app)
        assert "Social media manager" in text and "Mini Bank" in text and "#AskMini" in text
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        assert "Turn 1 of 14" in header(app)

        await end_turns_until_feed(pilot, app)
        game = app.controller.game
        # Reply to the highlighted post: r opens the composer; a tone loads the scenario's words for it.
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ReplyWriter)
        target = app.screen.post
        await pilot.press("tab", "down")  # to the suggestions; from "own words" to the first tone, empathetic
        await pilot.pause()
        words = app.screen.query_one(TextArea).text
        assert words.startswith(f"@{target.author}")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        # What went out is word for word what the composer showed.
        assert game.state.org_posts[-1].text == words
        assert game.state.taken[-1].kind == "reply"
        assert game.state.taken[-1].detail == {"kind": "reply", "post_id": target.id, "tone": "empathetic"}
        assert "1/3" in screen_text(app) or "2/3" in screen_text(app)

        # A prepared statement, loaded in the statement screen and sent as it is.
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, StatementWriter)
        await pilot.press("tab", "down")
        await pilot.pause(0.4)
        assert "The prepared statement, as written" in str(app.screen.query_one("#compose-reading", Static).render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert game.state.taken[-1].kind == "statement"

        # Pause the queue: the header says so.
        await pilot.press("p")
        await pilot.pause()
        assert game.state.campaign == "paused"
        assert "· paused" in str(app.screen.query_one("#play-actions", Static).render())
        log = app.screen.query_one("#play-events", RichLog)
        assert any("You: Pause" in str(line.text) for line in log.lines)

        # Next turn: cancel asks first; "n" keeps the campaign.
        await pilot.press("e", "c")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert game.state.campaign == "paused"

        # Play to the end.
        while isinstance(app.screen, PlayScreen):
            await pilot.press("e")
            await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = screen_text(app)
        assert game.state.ending.title in text
        assert "Your crisis beside what happened" in text  # a fictional case's model play, by its name
        assert "Your decisions" in text and "What if" in text and "Sources" in text
        assert "Reputation (0-100)" in text


async def test_an_action_that_is_not_allowed_says_why(mini, screen_text):
    app = BashtagApp(scenario=mini, seed=1)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("enter", "u")  # resume: nothing is paused
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        messages = [n.message for n in app._notifications]
        assert any("not paused" in m for m in messages)


async def test_help_explains_meters_and_why_they_moved(mini, screen_text):
    app = BashtagApp(scenario=mini, seed=1)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("enter", "e", "m")
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        text = screen_text(app)
        assert "Reputation:" in text and "Virality:" in text and "Press attention:" in text
        assert "Trending:" in text and "old news" in text  # what drives the crowd, in words
        assert "A set hour:" not in text  # the mini Q&A names no hour
        assert "Why the meters moved last turn (turn 1)" in text
        assert "What your actions did this turn" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)


async def test_quitting_mid_game_asks_first(mini, screen_text):
    app = BashtagApp(scenario=mini, seed=1)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("enter", "q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        await pilot.press("q", "y")
        await pilot.pause()
    assert app.return_code == 0


async def test_title_lists_scenarios_by_difficulty_and_opens_the_briefing(screen_text):
    app = BashtagApp.for_title()
    async with app.run_test(size=(100, 40)) as pilot:
        assert isinstance(app.screen, TitleScreen)
        menu = app.screen.query_one("#title-menu", OptionList)
        prompts = [option_text(menu.get_option_at_index(i).prompt) for i in range(menu.option_count)]
        joined = "\n".join(prompts)
        assert "#AskJPM" in joined and "Easy" in joined and "Hard" in joined
        assert "Continue" not in joined  # nothing saved yet
        await pilot.press("enter")  # the first (easiest) scenario
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)


async def test_bashtag_play_alone_opens_the_title_screen_with_the_seed_and_saving_asked_for(monkeypatch):
    from game.cli import main
    from game.commands.play import record_new_game

    started: list[BashtagApp] = []
    monkeypatch.setattr(BashtagApp, "run", lambda app: started.append(app))
    assert main(["play"]) == 0
    assert main(["play", "--seed", "7", "--no-save"]) == 0
    saving, unsaved = started
    assert saving.recorder_factory is record_new_game and unsaved.recorder_factory is None
    assert unsaved.seed == 7
    async with unsaved.run_test(size=(100, 40)):
        assert isinstance(unsaved.screen, TitleScreen)


async def test_title_offers_continue_when_the_hook_has_a_game():
    resumed = []
    app = BashtagApp.for_title(continue_hook=lambda: ("#AskJPM, turn 7", lambda: resumed.append(True)))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
    assert resumed == [True]


async def test_askjpm_smoke_a_few_turns_at_80x24(screen_text):
    app = BashtagApp(scenario=library.load("askjpm"), seed=1)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        for _ in range(5):
            await pilot.press("e")
            await pilot.pause()
        state = app.controller.game.state
        assert f"Turn {state.turn} of {state.turns_total}" in header(app)
        feed = app.screen.query_one(Feed)
        assert feed.option_count > 0
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ReplyWriter)
        await pilot.press("tab", "down", "down", "down", "ctrl+s")  # own words, empathetic, apologetic, informative
        await pilot.pause()
        assert app.controller.game.state.taken[-1].detail["tone"] == "informative"
        await pilot.press("question_mark")
        await pilot.pause()
        assert "A set hour: your campaign names Thu 14 Nov 13:00" in " ".join(screen_text(app).split())


async def test_actions_are_in_the_command_palette(mini):
    app = BashtagApp(scenario=mini, seed=1)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Monitor the")

        def monitor_is_highlighted() -> bool:  # the palette searches in the background
            found = app.screen.query(CommandList)
            if not found or found.first().has_class("--populating") or found.first().highlighted is None:
                return False
            listed = found.first()
            return "Monitor" in str(listed.get_option_at_index(listed.highlighted).prompt)

        await wait_until_async(monitor_is_highlighted, 5, "the palette to offer Monitor")
        await pilot.press("enter")
        await wait_until_async(lambda: app.controller.game.state.taken, 5, "an action to be taken")
        assert app.controller.game.state.taken[-1].kind == "monitor"


async def test_the_action_bar_fits_a_narrow_terminal_without_cutting_words():
    app = BashtagApp(scenario=library.load("askjpm"), seed=1)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        bar = app.screen.query_one("#play-actions", Static)
        options = app.controller.game.available_actions()
        narrow = str(bar.render())
        assert "Campaign:" not in narrow and "Resume" not in narrow  # nothing paused: not offered
        assert "Pull the promoted posts(1)" in narrow  # whole: it fits (issue 17)
        assert bar.size.height <= 3
        for line in narrow.splitlines():  # a key never ends a line with its label on the next
            assert len(line.split()[-1]) > 1 and len(line) <= bar.size.width, line
        title = app.screen.query_one("#play-feed-title", Static)
        assert str(title.render()).endswith("0 hostile")  # shortened, not cut mid-count
        assert len(str(title.render())) <= title.size.width
        await pilot.resize_terminal(130, 40)
        await pilot.pause()
        wide = str(bar.render())
        assert "Campaign: live" in wide and "Pull the promoted posts" in wide
        labels = [RULES[o.kind].short if o.kind in RULES else o.label for o in options]
        assert all(label[:12] in wide for label in labels)  # every action, available or not


async def test_toasts_from_an_earlier_turn_give_way_when_turns_go_by_fast():
    app = BashtagApp(scenario=library.load("askbg"), seed=1)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        most = 0
        for _ in range(14):  # through the run-up and the session: events nearly every turn
            await pilot.press("e")
            await pilot.pause()
            most = max(most, len(app.screen.query("Toast")))
        assert 0 < most <= 3  # two events and an 'and N more' line at most, never a pile


class DiskFills:
    """A session recorder whose disk has filled: the app warns once that the game is not being saved."""

    problem = "No space left on device"

    def on_action(self, game, action, changes) -> None:
        pass

    def on_end_turn(self, game, report) -> None:
        pass


async def test_a_new_turn_replaces_last_turns_event_toasts_but_not_the_facilitators_or_a_save_warning(monkeypatch):
    # Toasts expire by the wall clock; frozen, only the game takes them down.
    monkeypatch.setattr(textual.notifications, "time", lambda: 1_000_000.0)
    app = BashtagApp(scenario=library.load("askbg"), seed=1, recorder_factory=lambda *_: DiskFills())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        shown = lambda: list(app._notifications)  # noqa: E731
        messages = lambda: [n.message for n in shown()]  # noqa: E731
        others: list[str] = []
        previous: list = []
        replaced = 0
        for _ in range(app.controller.game.state.turns_total - 1):
            await pilot.press("e")
            await pilot.pause()
            current = list(screen._turn_toasts)
            assert all(n in shown() for n in current)  # this turn's events are up
            assert not any(n in shown() for n in previous)  # last turn's have given way
            assert all(m in messages() for m in others)  # and nobody else's toasts with them
            replaced += bool(previous and current)
            if current and not others:
                # The recorder's warning went up with this turn's end; the facilitator's news comes now.
                screen.notify(
                    "The bank's chief executive resigns",
                    title="! NEWS from the facilitator",
                    severity="warning",
                    markup=False,
                    timeout=8,
                )
                await pilot.pause()
                others = [
                    m for m in messages() if "no longer being saved" in m or m == "The bank's chief executive resigns"
                ]
                assert len(others) == 2
            previous = current
        assert others and replaced  # both cases met: a turn's toasts replaced by the next turn's


def test_the_feed_title_says_how_long_a_turn_was_without_rounding():
    assert span_words(30) == "30 min"
    assert span_words(90) == "90 min"
    assert span_words(120) == "2 h"
    assert span_words(150) == "2 h 30 min"
    assert span_words(1440) == "24 h"


async def test_the_feed_title_names_the_stretch_of_time_the_feed_covers(mini):
    app = BashtagApp(scenario=mini, seed=3)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        title = lambda: str(app.screen.query_one("#play-feed-title", Static).render())  # noqa: E731
        assert title().startswith("Feed, the campaign opens")
        await pilot.press("e", "e")  # two day-long turns; the next is half an hour
        await pilot.pause()
        assert app.controller.game.state.turn_minutes == 30
        assert title().startswith("Feed, the last 24 h")  # what just happened, not the turn ahead
        await pilot.press("e")
        await pilot.pause()
        assert title().startswith("Feed, the last 30 min")


async def test_at_80_columns_the_feed_title_shortens_but_still_says_these_are_the_top_posts(mini):
    app = BashtagApp(scenario=mini, seed=3)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "e", "e", "e")
        await pilot.pause()
        state = app.controller.game.state
        while state.history[-1].posts <= len(state.feed):  # until a turn makes more than it shows
            await pilot.press("e")
            await pilot.pause()
            state = app.controller.game.state
        title = str(app.screen.query_one("#play-feed-title", Static).render())
        hostile = sum(p.stance == "hostile" for p in state.feed)
        assert title == f"The last 30 min: top {len(state.feed)}, {hostile} hostile"


async def test_a_header_too_long_for_80_columns_ends_in_an_ellipsis_on_one_line(mini):
    first, day = mini.clock.phases
    long_name = first.model_copy(update={"name": "The long build-up before the boss answers questions"})
    clock = mini.clock.model_copy(update={"phases": [long_name, day]})
    app = BashtagApp(scenario=mini.model_copy(update={"clock": clock}), seed=3)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        header = app.screen.query_one("#play-header", Static)
        shown = header.render_line(0).text.rstrip()
        assert header.size.height == 1 and shown.endswith("…") and "Turn 1 of 14 · The long" in shown


async def test_a_turn_of_two_and_a_half_hours_is_not_called_two(mini):
    build_up, day = mini.clock.phases
    clock = mini.clock.model_copy(update={"phases": [build_up.model_copy(update={"turn_minutes": 150}), day]})
    app = BashtagApp(scenario=mini.model_copy(update={"clock": clock}), seed=3)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "e")
        await pilot.pause()
        assert str(app.screen.query_one("#play-feed-title", Static).render()).startswith("Feed, the last 2 h 30 min")
