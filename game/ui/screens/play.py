"""The play screen: the feed, the dashboard, the events log and the actions, one turn at a time.

Keys become engine actions through the app's GameController; after every step the screen redraws
from ``game.state``. No rule lives here: what is allowed, and why not, comes from the engine.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.notifications import Notification, Notify, SeverityLevel
from textual.screen import Screen
from textual.widgets import OptionList, RichLog, Static

from game.engine.actions import ActionNotAllowed, Cancel, Custom, Delete, Escalate, Monitor, Pause, Resume
from game.engine.controller import GameController, TurnGated
from game.engine.rules import RULES
from game.engine.state import ActionOption, FiredEvent, Post, TurnReport
from game.ui.literal import followers, join, lit, one_line
from game.ui.screens.compose import ReplyWriter, StatementWriter
from game.ui.screens.help import help_page
from game.ui.screens.modals import ChoiceScreen, ConfirmScreen, InfoScreen
from game.ui.tagwords import tag_words
from game.ui.widgets.actions import ACTION_KEYS, RESERVED, VIDEO_SIMPLE, ActionBar, key_map
from game.ui.widgets.banner import Banner
from game.ui.widgets.coach import Coach, coaching
from game.ui.widgets.dashboard import Dashboard
from game.ui.widgets.feed import Feed, FeedTitle
from game.ui.widgets.footer import KeysFooter

EVENT_MARK = {
    "press": "▣ PRESS",
    "influencer": "★ JOINS",
    "event": "! EVENT",
    "inject": "! NEWS",
    "campaign": "◆ CAMPAIGN",
    "insight": "ℹ INSIGHT",
}
SIMPLE = {"pause": Pause, "resume": Resume, "monitor": Monitor, "escalate": Escalate, **VIDEO_SIMPLE}


TOAST_KINDS = ("press", "inject", "campaign", "event")
# The dialogs are built ahead, one step at a time, once the player has pressed nothing for
# PREPARE_QUIET seconds, the steps PREPARE_STEP apart: a step is 5-40 ms of work, and a key pressed
# meanwhile is handled before the next step, so it waits at most one step.
PREPARE_QUIET = 0.1
PREPARE_STEP = 0.01
MAX_TOASTS = 2


def span_words(minutes: int) -> str:
    """How long a stretch of the game was, honestly: '30 min', '90 min', '2 h', '2 h 30 min', '24 h'."""
    if minutes < 120:
        return f"{minutes} min"
    hours, rest = divmod(minutes, 60)
    return f"{hours} h" if not rest else f"{hours} h {rest} min"


def turn_summary(record, posts) -> str:
    """The end-of-turn line: posts, how often they were seen, and the biggest account in the feed —
    reach follows followers, so a turn with as many posts can be seen ten times as often."""
    line = f"— end of turn {record.turn}: {record.posts:,} posts, seen {followers(record.reach)} times"
    others = [p for p in posts if p.source != "org"]
    if others:
        loudest = max(others, key=lambda p: p.followers)
        line += f" (biggest account posting: @{one_line(loudest.author)}, {followers(loudest.followers)} followers)"
    return line + f"; reputation {record.reputation:.0f}"


class PlayScreen(Screen):
    """One game, turn by turn."""

    CSS_PATH = "play.tcss"
    BINDINGS = [
        Binding("e", "end_turn", "End turn"),
        Binding("question_mark", "help", "Help / why"),
        Binding("q", "app.quit", "Quit"),
        *(Binding(key, f"act('{kind}')", RULES[kind].short, show=False) for kind, key in ACTION_KEYS.items()),
    ]

    def __init__(self, controller: GameController):
        super().__init__()
        self.controller = controller
        # The toasts the last turn's events raised: the next turn's take their place, and only them
        # (a facilitator's news or a warning that the game is not being saved stays up).
        self._turn_toasts: list[Notification] = []
        self._logged_at_once: set[str] = set()  # events an action fired, logged as it was taken
        self._placeholder = False  # the log's "Nothing has happened yet", taken down by the first line
        self._help: InfoScreen | None = None  # the ? page, kept (installed) while this screen lives
        self._statements: tuple[tuple, StatementWriter] | None = None  # ((choices, cost), its screen), kept likewise
        self._reply: ReplyWriter | None = None  # the reply composer, kept likewise and aimed at each post
        self._dialog_css = False  # whether the dialogs' stylesheets are read (_prepare_dialogs)
        self._preparing = False  # whether a step of _prepare_dialogs is waiting for its moment
        self._busy_at = 0.0  # time.monotonic() of the last redraw: the player is playing

    @property
    def game(self):
        return self.controller.game

    def compose(self) -> ComposeResult:
        yield Static("", id="play-header")
        yield Banner("", id="play-wait")
        with Horizontal(id="play-main"):
            with Vertical(id="play-left"):
                yield FeedTitle("", id="play-feed-title")
                yield Feed(id="play-feed")
            with Vertical(id="play-right"):
                yield Dashboard(id="play-dashboard")
                yield Static("Events", id="play-events-title")
                yield RichLog(id="play-events", markup=False, wrap=True, max_lines=300, min_width=10)
        if coaching(self.game.scenario):
            yield Coach("", id="play-coach")
        yield ActionBar("", id="play-actions")
        yield KeysFooter()

    def on_mount(self) -> None:
        state = self.game.state
        log = self.query_one("#play-events", RichLog)
        for event in state.events:
            self._log_event(event)
        if not state.events and not state.taken:
            log.write(Text("Nothing has happened yet. Watch the feed."))
            self._placeholder = True
        self.refresh_view()
        self.query_one(Feed).focus()
        # Everything alive now (the imports, the game, this screen) lives as long as the game: keep it
        # out of Python's full collections.  Those walked every object each time (100,000s with
        # Textual and the engine loaded), 40-140 ms, and opening a dialog set one off on most presses
        # of ? or s (issue 21: every key under 50 ms).  The screen's own garbage is still collected.
        gc.freeze()
        self.started()
        self.call_after_refresh(self._prepare_soon)  # after the first frame, never before it

    def on_unmount(self) -> None:
        for kept in (self._help, self._statements[1] if self._statements else None, self._reply):
            if kept is not None and kept not in self.app.screen_stack:
                self._drop(kept)
        # The game is over or left: what was frozen with it may be collected again.
        gc.unfreeze()

    # ------------------------------------------------------------------------------ hooks for a subclass
    # A screen that plays the game inside something larger extends these (a workshop team's screen,
    # game/workshop/team_play.py); in solo play they say nothing and lock nothing.

    def started(self) -> None:
        """Called once the screen is drawn (timers of a subclass start here)."""

    def header_badge(self) -> str:
        """Shown first in the header, reversed (whose game this is), or ""."""
        return ""

    def banner_text(self, reason: str | None) -> str | None:
        """The line under the header: ``reason`` (why the turn could not end), or None to hide it."""
        return reason

    def actions_locked(self) -> bool:
        """Whether the action bar shows as locked."""
        return False

    def why_locked(self) -> str | None:
        """Why no action may be taken now, or None."""
        return None

    # ------------------------------------------------------------------------------ the banner, locks

    def _show_wait(self, reason: str | None) -> None:
        """The banner under the header (``reason`` when the subclass has nothing else to say)."""
        self.query_one("#play-wait", Banner).say(self.banner_text(reason), locked=self.actions_locked())

    def _locked(self) -> bool:
        """Whether no action may be taken now (it said why); always False in solo play."""
        reason = self.why_locked()
        if reason:
            self.notify(one_line(reason), title="Locked", severity="warning", markup=False)
            self._show_wait(None)
        return bool(reason)

    # ------------------------------------------------------------------------------ drawing

    def refresh_view(self) -> None:
        """Redraw everything from the game's state."""
        state = self.game.state
        scenario = self.game.scenario
        when = f"{state.time:%a %d %b %Y %H:%M} {one_line(scenario.clock.timezone)}"
        badge = self.header_badge()
        header = join(
            (f"{badge}  ", "bold reverse") if badge else ("", ""),
            (one_line(scenario.campaign.hashtag), "bold"),
            "  ",
            (when, ""),
            "  ",
            (f"Turn {min(state.turn, state.turns_total)} of {state.turns_total}", "bold"),
            (" · ", ""),
            (one_line(state.phase), "italic"),
        )
        if (header.plain, header.spans) != getattr(self, "_header", None):
            self._header = (header.plain, header.spans)
            # One line high (play.tcss): no layout, which would redraw every widget (issue 21).
            self.query_one("#play-header", Static).update(header, layout=False)
        posts = state.feed
        hostile = sum(1 for p in posts if p.stance == "hostile")
        # The feed is what the turn just played brought; the header's clock is the turn ahead.
        if state.history:
            minutes = int((state.history[-1].end - state.history[-1].start).total_seconds() // 60)
            span = f"the last {span_words(minutes)}"
        else:
            span = "the campaign opens"
        self.query_one(FeedTitle).show(span, len(posts), hostile, state.video)
        deleted = {t.detail.get("post_id") for t in state.taken if t.kind == "delete"}
        self.query_one(Feed).show(posts, state.turn, deleted)
        self.query_one(Dashboard).show(state)
        self.query_one(ActionBar).show(state, self.game.available_actions(), tag_words(scenario))
        for coach in self.query(Coach):
            coach.show(state)
        self._busy_at = time.monotonic()
        if self.is_mounted:  # (not on the first drawing: the first frame comes first)
            self._prepare_soon()

    def _log_event(self, event: FiredEvent) -> None:
        mark = EVENT_MARK.get(event.kind, "! " + event.kind.upper())
        line = Text(f"{event.time:%H:%M} {mark} ", style="bold")
        line.append(one_line(event.headline))
        if event.text:
            line.append("\n  " + one_line(event.text), style="dim")
        self._write(line)

    def _log_line(self, text: str, style: str = "") -> None:
        self._write(Text(one_line(text), style=style))

    def _write(self, line: Text) -> None:
        log = self.query_one("#play-events", RichLog)
        if self._placeholder:
            log.clear()  # something has happened: "Nothing has happened yet" would now be false
            self._placeholder = False
        log.write(line)
        # Scrolled to the new line now, before the frame is drawn: the log's own scroll waits for the
        # frame and then draws the log and its scrollbar a second time (issue 21).
        log.scroll_end(animate=False, immediate=True, x_axis=False)

    # ------------------------------------------------------------------------------ acting

    def _option(self, ident: str) -> ActionOption | None:
        for option in self.game.available_actions():
            if option.kind == ident or (option.kind == "custom" and option.action_id == ident):
                return option
        return None

    def action_act(self, ident: str) -> None:
        """Take the action called ``ident`` (a kind, or a custom action's id), asking what is needed first."""
        if self._locked():
            return
        option = self._option(ident)
        if option is None:
            self.notify("This scenario does not offer that action.", severity="warning", markup=False)
            return
        if not option.available:
            self.notify(
                f"{one_line(option.label)}: {one_line(option.reason)}",
                title="Not now",
                severity="warning",
                markup=False,
            )
            return
        if ident == "reply":
            self._reply_to(self._selected_post())
        elif ident == "statement":
            self._choose_statement()
        elif ident in ("cancel", "make_private"):  # calling it off (a video: making it private) is asked first
            detail = (
                lit(self.game.scenario.campaign.cancel_post or "") if self.game.scenario.campaign.cancel_post else ""
            )
            words = tag_words(self.game.scenario)
            call_off = VIDEO_SIMPLE["make_private"]() if ident == "make_private" else Cancel()
            self.app.push_screen(
                ConfirmScreen(Content(words.confirm), detail, yes=words.confirm_yes, no="Keep it"),
                lambda yes: self._apply(call_off) if yes else None,
            )
        elif ident == "delete":
            self._choose_delete()
        elif ident in SIMPLE:
            self._apply(SIMPLE[ident]())
        else:
            self._apply(Custom(ident))

    def _selected_post(self) -> Post | None:
        post_id = self.query_one(Feed).highlighted_post_id
        return self.game.post(post_id) if post_id else None

    def _reply_to(self, post: Post | None) -> None:
        if post is None:
            self.notify("Select a post in the feed first (↑↓), then press r or Enter.", markup=False)
            return
        if post.source == "org":
            self.notify("That is our own post: pick someone else's to reply to.", markup=False)
            return
        tones, cost = self._reply_option()
        # The composer: the team's own words or a tone's suggestion, read before sending (issue 16).
        # One composer for the game, aimed at each post in turn (ReplyWriter.retarget): building it
        # anew for every reply was most of the time `r` took (issue 21).  Usually it is built already
        # (_prepare_dialogs), aimed at another post.
        writer = self._reply_screen(post, tones, cost)
        self.app.push_screen(writer, lambda action: self._apply(action) if action else None)

    def _reply_option(self) -> tuple[list[str], int]:
        option = self._option("reply")
        return ([ident for ident, _ in option.choices] if option else []), (option.cost if option else 1)

    def _statement_writer(self) -> StatementWriter:
        """The statement screen for what is offered now: the kept one, or a new one kept instead."""
        option = self._option("statement")
        choices = tuple(option.choices) if option else ()
        cost = option.cost if option else RULES["statement"].cost
        kept = self._statements
        if kept is not None and kept[0] == (choices, cost):
            return kept[1]
        if kept is not None and kept[1] not in self.app.screen_stack:
            self._drop(kept[1])
        writer = StatementWriter(self.game, choices, cost=cost)
        self.app.install_screen(writer, name=f"bashtag-statement-{id(writer)}")
        self._statements = ((choices, cost), writer)
        return writer

    def _choose_statement(self) -> None:
        # The statement screen: the team's own words, or an open prepared statement as it is or edited.
        # One screen while what it offers stays the same, opened again as new (StatementWriter.reopen):
        # building it anew each time was most of the time `s` took (issue 21).  Usually it is built
        # already (_prepare_dialogs).
        kept = self._statements[1] if self._statements else None
        writer = self._statement_writer()
        if writer is kept:
            writer.reopen()
        self.app.push_screen(writer, lambda action: self._apply(action) if action else None)

    # ------------------------------------------------------------------------------ dialogs built ahead

    def _drop(self, screen: Screen) -> None:
        """Let a kept dialog go: uninstalled, and closed if it was started (opened, or built ahead)."""
        self.app.uninstall_screen(screen)
        if screen.is_attached:
            screen.remove()

    def _prepare_soon(self) -> None:
        """Build the next dialog ahead of its key, once the player has paused (issue 21: the first `?`,
        `s` or `r` of a game took 70-110 ms building its dialog; built ahead, it opens as fast as later)."""
        if not self._preparing and self.is_attached:
            self._preparing = True
            quiet = time.monotonic() - self._busy_at
            self.set_timer(max(PREPARE_STEP, PREPARE_QUIET - quiet), self._prepare_dialogs)

    def _prepare_dialogs(self) -> None:
        """One step of building the dialogs ahead, then the next after another pause.  A step is one of:
        read the dialogs' stylesheets (one re-parse for all), start a dialog off the screen stack (the
        Compose and Mount Textual would run when it is pushed; they run in the dialog's own task, between
        the player's keys), lay a started dialog out at the screen's size.  What is left for its key is
        what every opening does: aim it at what is asked, resume it and draw its first frame."""
        self._preparing = False
        app = self.app
        if app.screen is not self or self.game.over or not self.is_attached:
            return  # a dialog is open (its closing redraws this screen and tries again), or the game ended
        if time.monotonic() - self._busy_at < PREPARE_QUIET:
            self._prepare_soon()  # a key came meanwhile: wait for the next pause
            return
        step = self._next_preparation()
        if step is not None:
            step()
            self._prepare_soon()

    def _next_preparation(self) -> Callable[[], object] | None:
        """The next step of building the dialogs ahead, or None when every one is ready."""
        app = self.app
        if self._help is None:
            return lambda: self._help_screen(self._help_page())  # made (cheap); started in a later step
        if self._statements is None or self._option("statement") is not None:
            self._statement_writer()  # made, or the kept one (a new one if what it offers changed)
        if self._reply is None:
            post = self._selected_post()
            if post is None or post.source == "org":
                # Someone else's post, as `r` asks; else our own (the campaign's, at the start): the
                # composer is re-aimed at the post of the first `r` anyway.
                feed = self.game.state.feed
                post = next((p for p in feed if p.source != "org"), feed[0] if feed else None)
            if post is not None:
                tones, cost = self._reply_option()
                return lambda: self._reply_screen(post, tones, cost)
        for screen in (self._help, self._statements[1] if self._statements else None, self._reply):
            if screen is None or screen in app.screen_stack:
                continue
            if not screen.is_attached:  # (attached to the app: started, if not running yet)
                if not all(app.stylesheet.has_source(str(path), "") for path in screen.css_path):
                    # What push_screen does first (App._load_screen_css): read the stylesheet, then
                    # re-parse and re-apply every stylesheet (20-35 ms): a step of its own.
                    return lambda screen=screen: app._load_screen_css(screen)
                # What push_screen does next (App._get_screen): start the screen, off the stack.  Its
                # Compose and Mount run in its own task, interleaved with the player's keys.
                return lambda screen=screen: app._get_screen(screen)
            if not screen.is_mounted:
                return lambda: None  # still composing: look again after the next pause
            if screen._size != app.size:
                # The layout Screen._on_screen_resume would do at its first opening (reflow at the
                # screen's size; nothing is drawn, as it is not the current screen).
                return lambda screen=screen: screen._refresh_layout(app.size)
        return None

    def _help_page(self) -> Content:
        return help_page(self.controller, getattr(self.app, "scenario_ref", None))

    def _help_screen(self, page: Content) -> InfoScreen:
        """The help screen showing ``page``: the kept one, or one made and kept for the game."""
        if self._help is None:
            # One help screen for the game, opened again and again: a new one each time was composed,
            # styled and laid out twice before its first frame (issue 21: ? under 50 ms).
            self._help = InfoScreen(page, title="Help: meters, actions, and why things moved")
            self.app.install_screen(self._help, name=f"bashtag-help-{id(self)}")
        else:
            self._help.show(page)
        return self._help

    def _reply_screen(self, post: Post, tones: list[str], cost: int) -> ReplyWriter:
        """The reply composer aimed at ``post``: the kept one, or one made and kept for the game."""
        if self._reply is None:
            self._reply = ReplyWriter(self.game, post, tones, cost=cost)
            self.app.install_screen(self._reply, name=f"bashtag-reply-{id(self)}")
        else:
            self._reply.retarget(post, tones, cost)
        return self._reply

    def _choose_delete(self) -> None:
        posts = self.game.state.org_posts
        # Whole texts: the list wraps them (a cut at 70 characters left "Real brea" with room to spare).
        choices = [(p.id, lit(f"{p.time:%H:%M} {one_line(p.text)}")) for p in posts]
        previews = {
            p.id: join(
                ("Our post, up since ", "$text-muted"),
                f"{p.time:%a %H:%M}",
                "\n",
                (p.text, ""),
                (f"\n♥ {p.likes} ⟲ {p.reposts}", "$text-muted"),
            )
            for p in posts
        }

        def confirm(ident: str | None) -> None:
            if not ident:
                return
            self.app.push_screen(
                ConfirmScreen(
                    "Delete this post? It cannot be undone, and screenshots survive.",
                    previews[ident],
                    yes="Delete it",
                    no="Keep it",
                ),
                lambda yes: self._apply(Delete(ident)) if yes else None,
            )

        self.app.push_screen(ChoiceScreen("Delete one of our posts", choices, previews), confirm)

    def _apply(self, action) -> None:
        if self._locked():  # a dialog was open when the actions were locked
            return
        events_before = len(self.game.state.events)
        try:
            changes = self.controller.apply(action)
        except ActionNotAllowed as error:
            self.notify(one_line(error.reason), title="Not allowed", severity="warning", markup=False)
            return
        taken = self.game.state.taken[-1] if self.game.state.taken else None
        label = one_line(taken.label) if taken else action.kind
        effects = "; ".join(one_line(c.describe()) for c in changes) or "no immediate change"
        # The toast says what moved, in figures; the reasons are in Events (and ?), so it stays short
        # enough not to bury the meters on a small screen.
        moved: dict[str, float] = {}
        for change in changes:
            moved[change.meter] = moved.get(change.meter, 0.0) + change.delta
        brief = ", ".join(f"{meter} {'+' if delta >= 0 else '−'}{abs(delta):.1f}" for meter, delta in moved.items())
        self.notify(f"{label}\n{brief or 'no immediate change'}", title="Done", markup=False)
        self._log_line(f"▸ You: {label} ({effects})", "bold")
        # What the action itself brought to light (the listening's findings) shows now, not at the
        # turn's end, when the feed may already say otherwise.
        for event in self.game.state.events[events_before:]:
            if event.kind != "inject":
                self._log_event(event)
                self._logged_at_once.add(event.id)
        self.refresh_view()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if isinstance(event.option_list, Feed):
            event.stop()
            if self._option("reply") and self._option("reply").available:
                self._reply_to(self.game.post(event.option_id or ""))
            else:
                self.action_act("reply")

    def action_end_turn(self) -> None:
        self._end_turn()

    def _end_turn(self) -> None:
        if getattr(self, "_locked_by_error", False):
            self.notify("This game cannot go on: press q to quit, or t from the debrief's title screen.", markup=False)
            return
        if self.game.over:
            self.app.show_debrief()
            return
        try:
            report = self.controller.end_turn()
        except TurnGated as error:
            self._show_wait(error.reason)
            self.notify(one_line(error.reason), title="Not yet", markup=False)
            return
        except (ValueError, ArithmeticError) as error:
            # The engine met a number it cannot play (a scenario the loader should have refused, or a
            # bug): say so and keep the app, rather than a traceback that takes the game with it.
            self.notify(
                f"This turn could not be played: {one_line(error)}. The game is saved up to the end "
                "of the last turn; the scenario may hold a value the engine cannot use.",
                title="The engine stopped",
                severity="error",
                timeout=30,
                markup=False,
            )
            self._locked_by_error = True
            return
        self._show_wait(None)
        if self.game.over:
            # The debrief follows at once: a toast now would land on it, over its outcome and charts,
            # pointing at an events panel it does not have.
            self._withdraw_turn_toasts()
            self.app.show_debrief()
            return
        self._show_report(report)
        self.refresh_view()

    def _show_report(self, report: TurnReport) -> None:
        record = report.record
        self._log_line(turn_summary(record, report.posts), "dim")
        # Every event goes to the log; only the ones that change the game pop up, a few at a time,
        # so the toasts never bury the feed.
        # A facilitator's inject is logged and shown when it arrives (a subclass delivers it); the turn's report
        # lists it again among the turn's events: once is enough.
        events = [e for e in report.events if e.kind != "inject" and e.id not in self._logged_at_once]
        loud = [e for e in events if e.kind in TOAST_KINDS]
        self._withdraw_turn_toasts()  # last turn's events give way (they are in the log)
        for event in events:
            self._log_event(event)
        for event in loud[:MAX_TOASTS]:
            title = EVENT_MARK.get(event.kind, event.kind)
            self._turn_toast(
                one_line(event.headline),
                title=title,
                severity="warning" if event.kind in ("press", "influencer") else "information",
            )
        if len(loud) > MAX_TOASTS:
            self._turn_toast(f"and {len(loud) - MAX_TOASTS} more under Events, on the right")

    def _turn_toast(self, message: str, *, title: str = "", severity: SeverityLevel = "information") -> None:
        """Show a toast for this turn's events, remembered so that the next turn can withdraw it.

        App.notify returns nothing to withdraw later, so the Notification is made here and posted
        the way App.notify posts it.
        """
        notification = Notification(message, title, severity, timeout=4, markup=False)
        self._turn_toasts.append(notification)
        self.app.post_message(Notify(notification))

    def _withdraw_turn_toasts(self) -> None:
        """Take down the toasts of the last turn's events, leaving every other toast up."""
        for notification in self._turn_toasts:
            # Textual 8 has no public call to withdraw one toast; its own Toast widget uses
            # App._unnotify when it expires or is clicked.  Queued on the app behind the Notify
            # that showed it, so a toast not yet on screen is withdrawn too, not shown afterwards.
            self.app.call_later(self.app._unnotify, notification)
        self._turn_toasts = []

    def action_help(self) -> None:
        self.app.push_screen(self._help_screen(self._help_page()))

    def on_screen_resume(self) -> None:
        # Back from a dialog: the player is busy; build what is not ready in the next pause.
        self._busy_at = time.monotonic()
        self._prepare_soon()

    def on_key(self, event) -> None:
        """Custom scenario actions have their own keys (not known until the scenario is loaded)."""
        self._busy_at = time.monotonic()  # (building dialogs ahead waits for a pause)
        options = self.game.available_actions()
        for ident, key in key_map(options).items():
            if (
                key
                and key == event.character
                and key not in RESERVED
                and any(o.kind == "custom" and o.action_id == ident for o in options)
            ):
                event.stop()
                self.action_act(ident)
                return
