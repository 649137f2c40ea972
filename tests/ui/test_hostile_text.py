"""Scenario text is shown literally: markup and escape codes in posts, names and headlines are
displayed as characters, never interpreted, never a crash."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml
from textual.widgets import OptionList, Static, TextArea
from ui_helpers import option_text

from game.engine.state import Post
from game.scenario.models import Scenario
from game.ui.app import BashtagApp
from game.ui.catalogue import Entry
from game.ui.literal import clean
from game.ui.screens.compose import ReplyWriter, StatementWriter
from game.ui.screens.debrief import DebriefScreen
from game.ui.screens.play import PlayScreen
from game.ui.widgets.feed import Feed, post_prompt

HOSTILE = [
    "[bold]not bold[/bold]",
    "[@click=app.quit]click me[/]",
    "unbalanced [/",
    "half open [b",
    "\x1b[31mred?\x1b[0m and a bell\x07",
]


def hostile_scenario() -> Scenario:
    """The mini scenario with hostile text everywhere text can go (built in code, bypassing the
    loader's own control-character stripping, so the UI's defence is what is tested)."""
    data = yaml.safe_load((Path(__file__).parent / "mini.yaml").read_text())
    data["templates"]["hostile"] = [f"{text} {{hashtag}}" for text in HOSTILE]
    data["templates"]["neutral"] = ["[i]x[/i] {hashtag}"]
    data["posts"] = [{"author": "someone", "name": "[@click=app.quit]Evil[/]", "text": HOSTILE[1], "turn": 2}]
    data["audience"]["key_accounts"][0]["name"] = "[red]Big[/red] \x1b]0;pwned\x07"
    data["organisation"]["name"] = "Mini [b]Bank"
    data["role"]["briefing"] = "Brief [@click=app.quit]me[/] \x1b[2J"
    data["role"]["objectives"] = ["[/"]
    data["events"][0]["headline"] = "[@click=app.quit]Surge[/] \x1b[31m"
    data["events"][0]["when"] = "turn >= 2"
    data["actions"]["statements"][1]["label"] = "Post [b]now"
    data["actions"]["statements"][1]["text"] = "We [/ postpone \x1b[5m"
    data["endings"][0]["title"] = "[b]Held"
    data["endings"][1]["title"] = "[@click=app.quit]Lost[/]"
    data["debrief"]["summary"] = "[/] summary \x1b[0m"
    data["historical"]["name"] = "[@click=app.quit]Model play[/]"  # a fictional case's benchmark
    return Scenario.model_validate(data)


def shown(app) -> str:
    return "\n".join(str(w.render()) for w in app.screen.query(Static))


def test_control_characters_become_visible_stand_ins():
    assert clean("\x1b[31mred") == "␛[31mred"
    assert "\x07" not in clean("bell\x07") and "\u202e" not in clean("a\u202eb")


def test_a_post_with_a_hostile_handle_renders_literally():
    post = Post(
        "p1",
        1,
        dt.datetime(2020, 1, 1, 12),
        "[@click=app.quit]x\x1b[2J",
        "[/",
        10,
        HOSTILE[1],
        "hostile",
        1,
        1,
        "crowd",
    )
    text = str(post_prompt(post))
    assert "@[@click=app.quit]x␛[2J" in text and "[/" in text and "\x1b" not in text


async def test_hostile_text_is_shown_as_written_through_a_whole_game():
    app = BashtagApp(scenario=hostile_scenario(), seed=2)
    async with app.run_test(size=(100, 40)) as pilot:
        assert "Brief [@click=app.quit]me[/] ␛[2J" in shown(app)
        # Were the markup read, the briefing would say "Brief me" with "me" (columns 6-7) a live
        # link to app.quit: click exactly there, and the app must still be running after.
        for column in (6, 7):
            await pilot.click(".briefing-text", offset=(column, 0))
            await pilot.pause()
        assert app.is_running and app.screen.query(".briefing-text")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("e", "e")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        feed = app.screen.query_one(Feed)
        prompts = "\n".join(str(feed.get_option_at_index(i).prompt) for i in range(feed.option_count))
        assert "[@click=app.quit]click me[/]" in prompts or "unbalanced [/" in prompts or "[bold]" in prompts
        assert "\x1b" not in prompts
        # the event headline reached a notification and the log unchanged (escape made visible)
        assert any("[@click=app.quit]Surge[/]" in n.message for n in app._notifications)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ReplyWriter)
        await pilot.press("escape", "s")
        await pilot.pause()
        assert isinstance(app.screen, StatementWriter)
        suggestions = app.screen.query_one("#compose-suggestions", OptionList)
        labels = [option_text(suggestions.get_option_at_index(i).prompt) for i in range(suggestions.option_count)]
        assert any("Post [b]now" in label for label in labels)
        await pilot.press("tab", "down")  # the hostile prepared statement (the first open one), loaded into the editor
        await pilot.pause()
        editor = app.screen.query_one(TextArea)
        assert "We [/ postpone [5m" in editor.text and "\x1b" not in editor.text
        await pilot.press("escape", "question_mark")
        await pilot.pause()
        await pilot.press("escape")
        while isinstance(app.screen, PlayScreen):
            await pilot.press("e")
            await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = shown(app)
        assert "[/] summary ␛[0m" in text
        assert "Your crisis beside [@click=app.quit]Model play[/]" in text


async def test_the_title_screen_shows_hostile_titles_and_summaries_as_written():
    scenario = hostile_scenario()
    entries = [
        Entry(
            id="hostile",
            title=HOSTILE[0],
            year=2020,
            difficulty="easy",
            summary=HOSTILE[1] + " " + HOSTILE[4],
            load=lambda: scenario,
        )
    ]
    app = BashtagApp.for_title(entries=entries)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        menu = app.screen.query_one("#title-menu", OptionList)
        text = "\n".join(option_text(menu.get_option_at_index(i).prompt) for i in range(menu.option_count))
        assert "[bold]not bold[/bold]" in text and "[@click=app.quit]click me[/]" in text
        assert "\x1b" not in text and "\x07" not in text


def test_invisible_marks_are_shown_as_stand_ins_but_emoji_keep_their_joiners():
    from game.ui.literal import clean

    assert clean("a\u200bb\u200ec\u2028d\ufeffe") == "a\ufffdb\ufffdc\ufffdd\ufffde"
    assert clean("x\u200dy") == "x\ufffdy"
    assert clean("lone \ud800 half") == "lone \ufffd half"  # a lone surrogate breaks a terminal's cells
    assert clean("👩\u200d💻") == "👩\u200d💻"


async def test_an_engine_error_at_a_turns_end_is_said_and_the_app_lives(mini, monkeypatch):
    from game.ui.app import BashtagApp

    app = BashtagApp(scenario=mini, seed=3)
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()

        def broken():
            raise ValueError("non-finite change to press: inf")

        monkeypatch.setattr(app.controller.game, "end_turn", broken)
        await pilot.press("e")
        await pilot.pause()
        assert app.is_running
        assert any("could not be played" in n.message for n in app._notifications)
