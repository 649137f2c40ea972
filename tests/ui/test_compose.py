"""Writing in your own words: the reply composer and the statement screen read what is typed, show
how it will read before it is sent, refuse what cannot be read, and send exactly what was written."""

from __future__ import annotations

from textual import events
from textual.widgets import Static, TextArea

from game.scenario import library
from game.ui.app import BashtagApp
from game.ui.screens.compose import READ_DELAY, ReplyWriter, StatementWriter
from game.ui.screens.play import PlayScreen

APOLOGY = (
    "We are sorry. We got this wrong and we take full responsibility. "
    "We will refund every customer affected and publish what we changed by Friday."
)
EXCUSE = "We are sorry if anyone was offended. It was never our intention."


def reading(app) -> str:
    return str(app.screen.query_one("#compose-reading", Static).render())


def counter(app) -> str:
    return str(app.screen.query_one("#compose-counter", Static).render())


async def settle(pilot) -> None:
    """Let the debounced reading catch up with the typing."""
    await pilot.pause(READ_DELAY + 0.15)


async def to_the_storm(pilot, app) -> None:
    """Start the mini game and end turns until someone else has posted (something to reply to)."""
    await pilot.press("enter")
    await pilot.pause()
    while not any(p.source != "org" for p in app.controller.game.state.feed):
        await pilot.press("e")
        await pilot.pause()


async def test_a_statement_typed_in_your_own_words_shows_its_reading_and_goes_out_as_written(mini):
    app = BashtagApp(scenario=mini, seed=3)
    async with app.run_test(size=(100, 40)) as pilot:
        await to_the_storm(pilot, app)
        game = app.controller.game
        called = game.posture_called_for()
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, StatementWriter)
        assert "how it reads shows here" in reading(app)  # blank: nothing to read yet
        await pilot.press("tab", *EXCUSE)  # typed on the suggestions list: goes to the editor
        await settle(pilot)
        assert app.screen.query_one(TextArea).text == EXCUSE
        shown = reading(app)
        assert "Reads as: excuse (diminish)" in shown and "'sorry if anyone'" in shown.lower()
        assert "calls for at least" in shown and f"({called})" in shown
        assert counter(app).startswith(f"{len(EXCUSE)}/1,500")
        # Rewrite it as an apology: the reading follows the words.
        for _ in EXCUSE:
            await pilot.press("backspace")
        await pilot.press(*APOLOGY)
        await settle(pilot)
        shown = reading(app)
        assert "Reads as: apology (rebuild)" in shown and "this meets it" in shown
        assert "says what will change" in shown  # the engine counts it for more, and so says the screen
        budget = game.state.budget_left
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        assert game.state.taken[-1].detail == {"kind": "statement", "option": "", "text": APOLOGY}
        assert game.state.taken[-1].label.endswith("(rebuild)")
        assert game.state.org_posts[-1].text == APOLOGY
        assert game.state.budget_left == budget - 2


async def test_words_that_cannot_be_read_get_the_plain_reason_and_are_not_sent(mini):
    app = BashtagApp(scenario=mini, seed=3)
    async with app.run_test(size=(100, 40)) as pilot:
        await to_the_storm(pilot, app)
        game = app.controller.game
        taken = len(game.state.taken)
        await pilot.press("s")
        await pilot.pause()
        await pilot.press(*"Nous sommes désolés pour la gêne occasionnée.")
        await settle(pilot)
        assert "Cannot send this:" in reading(app) and "English" in reading(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, StatementWriter)  # still writing: nothing went out
        assert len(game.state.taken) == taken
        assert any("cannot be sent" in n.message for n in app._notifications)
        # An empty statement is refused too, before the engine is asked.
        app.screen.query_one(TextArea).clear()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, StatementWriter) and len(game.state.taken) == taken


async def test_a_prepared_statement_sent_unchanged_is_the_prepared_one_and_edited_it_is_read(mini):
    app = BashtagApp(scenario=mini, seed=3)
    async with app.run_test(size=(100, 40)) as pilot:
        await to_the_storm(pilot, app)
        game = app.controller.game
        prepared = {s.id: s for s in mini.actions.statements}
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("tab", "down")  # the first open prepared statement
        await settle(pilot)
        first = app.screen.loaded
        assert first is not None and app.screen.query_one(TextArea).text == prepared[first.key].text
        assert "The prepared statement, as written" in reading(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert game.state.taken[-1].detail == {"kind": "statement", "option": first.key}
        # The next one, edited: the words are read, and the prepared one is still the one said.
        await pilot.press("e", "s")
        await pilot.pause()
        await pilot.press("tab", "down", "enter")  # Enter loads it and moves to the editor
        await pilot.pause()
        second = app.screen.loaded
        assert second is not None and second.key != first.key
        await pilot.press(*" Sorry if anyone was offended.")
        await settle(pilot)
        read = game.read_statement(app.screen.query_one(TextArea).text)
        assert reading(app).startswith(read.summary) and "as written" not in reading(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        detail = game.state.taken[-1].detail
        assert detail["option"] == second.key
        assert detail["text"] == prepared[second.key].text + " Sorry if anyone was offended."
        assert game.state.taken[-1].label.endswith(f"({read.posture})")


async def test_a_reply_typed_in_your_own_words_is_read_against_the_post_and_sent_addressed(mini):
    app = BashtagApp(scenario=mini, seed=3)
    async with app.run_test(size=(100, 40)) as pilot:
        await to_the_storm(pilot, app)
        game = app.controller.game
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ReplyWriter)
        post = app.screen.post
        words = "You're right to call this out. We're sorry, and we take responsibility."
        await pilot.press(*words)
        await settle(pilot)
        shown = reading(app)
        assert "Reads as: apologetic (rebuild)" in shown and "take responsibility" in shown
        assert counter(app).startswith(f"{len(words)}/280")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        assert game.state.taken[-1].detail == {"kind": "reply", "post_id": post.id, "tone": "", "text": words}
        assert "read as apologetic" in game.state.taken[-1].label
        assert game.state.org_posts[-1].text == f"@{post.author} {words}"


async def test_a_tone_loads_the_scenarios_words_which_sent_unchanged_are_that_tone(mini):
    app = BashtagApp(scenario=mini, seed=3)
    async with app.run_test(size=(100, 40)) as pilot:
        await to_the_storm(pilot, app)
        game = app.controller.game
        await pilot.press("r")
        await pilot.pause()
        post = app.screen.post
        await pilot.press("tab", "down", "down")  # own words → empathetic → apologetic
        await settle(pilot)
        exact = game.reply_text(post.id, "apologetic")
        assert app.screen.query_one(TextArea).text == exact
        assert "counts as apologetic (rebuild)" in reading(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert game.state.taken[-1].detail == {"kind": "reply", "post_id": post.id, "tone": "apologetic"}
        assert game.state.org_posts[-1].text == exact  # word for word what the composer showed


async def test_a_reply_longer_than_280_characters_is_counted_and_not_sent(mini):
    app = BashtagApp(scenario=mini, seed=3)
    async with app.run_test(size=(100, 40)) as pilot:
        await to_the_storm(pilot, app)
        taken = len(app.controller.game.state.taken)
        await pilot.press("r")
        await pilot.pause()
        app.screen.query_one(TextArea).insert("We are sorry. " * 21)  # 293 characters, folded
        await settle(pilot)
        assert "293/280" in counter(app) and "13 too many" in counter(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReplyWriter) and len(app.controller.game.state.taken) == taken


async def test_escape_backs_out_and_keeps_the_draft_for_next_time(mini):
    app = BashtagApp(scenario=mini, seed=3)
    async with app.run_test(size=(100, 40)) as pilot:
        await to_the_storm(pilot, app)
        taken = len(app.controller.game.state.taken)
        await pilot.press("s")
        await pilot.pause()
        await pilot.press(*"We are sorry", "enter", *"and we")  # Enter is a new line, not send
        await pilot.pause()
        assert app.screen.query_one(TextArea).text == "We are sorry\nand we"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen) and len(app.controller.game.state.taken) == taken
        await pilot.press("s")
        await pilot.pause()
        assert app.screen.query_one(TextArea).text == "We are sorry\nand we"


async def test_hostile_markup_and_escapes_typed_or_pasted_are_shown_literally_and_cannot_act(mini):
    app = BashtagApp(scenario=mini, seed=3)
    async with app.run_test(size=(100, 40)) as pilot:
        await to_the_storm(pilot, app)
        game = app.controller.game
        await pilot.press("s")
        await pilot.pause()
        await pilot.press(*"We are sorry [@click=app.quit]x[/] and [b]bold")
        editor = app.screen.query_one(TextArea)
        editor.post_message(events.Paste(" we [/ take responsibility \x1b[2J\x1b]0;pwned\x07 \u202eevil"))
        await settle(pilot)
        text = editor.text
        assert "[@click=app.quit]x[/]" in text and "[b]bold" in text and "[/ take" in text
        assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text  # controls never enter
        # The editor draws the characters as written (no link, no bold, no cleared screen).
        drawn = "\n".join(editor.render_line(y).text for y in range(editor.size.height))
        assert "[@click=app.quit]x[/]" in drawn and "\x1b" not in drawn
        # The reading quotes the words literally; a click where the link would be does nothing.
        assert "Reads as:" in reading(app)
        for column in range(2, 12):
            await pilot.click("#compose-editor", offset=(column, 0))
        await pilot.pause()
        assert app.is_running
        await pilot.press("ctrl+s")
        await pilot.pause()
        sent = game.state.org_posts[-1].text
        assert "[@click=app.quit]x[/]" in sent and "\x1b" not in sent
        assert isinstance(app.screen, PlayScreen) and app.is_running


async def test_the_composer_fits_80_by_24_with_the_reading_and_the_send_key_in_view():
    app = BashtagApp(scenario=library.load("askjpm"), seed=1)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        for _ in range(3):
            await pilot.press("e")
            await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        await pilot.press(*"We're sorry. You deserve a straight answer and we will give one by Friday.")
        await settle(pilot)
        for widget_id in ("#compose-editor", "#compose-counter", "#compose-reading", "#compose-hint"):
            widget = app.screen.query_one(widget_id)
            region = widget.region
            assert region.height > 0 and region.bottom <= 24 and region.right <= 80, widget_id
        assert "Ctrl+S" in str(app.screen.query_one("#compose-hint", Static).render())
        assert "Reads as:" in reading(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.controller.game.state.taken[-1].detail.get("text", "").startswith("We're sorry.")


async def test_the_debrief_shows_the_words_the_team_wrote_and_how_they_read(mini, screen_text):
    app = BashtagApp(scenario=mini, seed=3)
    async with app.run_test(size=(100, 40)) as pilot:
        await to_the_storm(pilot, app)
        await pilot.press("s")
        await pilot.pause()
        await pilot.press(*EXCUSE, "ctrl+s")
        await pilot.pause()
        while isinstance(app.screen, PlayScreen):
            await pilot.press("e")
            await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = screen_text(app)
        assert f"“{EXCUSE}”" in text
        assert "Reads as: excuse (diminish) — 'sorry if anyone', 'never our intention'" in text


async def test_a_draft_started_from_a_prepared_statement_is_still_that_statement_when_sent_later(mini):
    app = BashtagApp(scenario=mini, seed=3)
    async with app.run_test(size=(100, 40)) as pilot:
        await to_the_storm(pilot, app)
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("tab", "down", "enter", *" Thank you.", "escape")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        started_from = app.screen.loaded
        assert started_from is not None and app.screen.query_one(TextArea).text.endswith(" Thank you.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.controller.game.state.taken[-1].detail["option"] == started_from.key


async def test_the_editor_has_the_focus_so_a_burst_of_keys_arrives_whole_and_in_order(mini):
    # Keys typed faster than the app handles them (a fast typist, a terminal's paste): none is lost.
    from textual import events

    app = BashtagApp(scenario=mini, seed=3)
    async with app.run_test(size=(100, 40)) as pilot:
        await to_the_storm(pilot, app)
        await pilot.press("s")
        await pilot.pause()
        assert app.focused is app.screen.query_one(TextArea)
        for ch in APOLOGY:
            app.post_message(events.Key("space" if ch == " " else ch, ch))
        await pilot.pause(0.5)
        assert app.screen.query_one(TextArea).text == APOLOGY
