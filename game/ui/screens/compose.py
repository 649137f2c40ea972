"""Writing in the team's own words (issue 16): the reply composer and the statement screen.

The player writes free text — a reply up to 280 characters, a statement up to 1,500 — starting blank
or from a suggestion (the scenario's reply for a tone, or a prepared statement) and edits it.  While
they type, the screen shows how the engine will read it (``Game.read_reply`` / ``read_statement``,
debounced) and, for a statement, what the crisis calls for.  Text the engine cannot read gets the
plain reason and cannot be sent.  Each screen dismisses with the engine action to take (``None`` when
the player backs out); the play screen applies it, as it does every other answer.

The words are the player's: shown literally (TextArea never reads markup; the reading, which quotes
them, goes out as Content), and control characters never enter the editor.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Sequence
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import OptionList, Static, TextArea
from textual.widgets.option_list import Option
from textual.widgets.text_area import Edit, EditResult

from game.engine import responses
from game.engine.actions import Reply, Statement
from game.engine.state import Post
from game.scenario.vocabulary import TONES
from game.ui.literal import followers, join, lit, one_line
from game.words import POSTURE_NAMES, REPLY_LIMIT, STATEMENT_LIMIT, Reading, strip_controls

# How long typing must pause before the reading is redrawn.  A reading takes well under 5 ms, but
# redrawing it on every key makes the line flicker while the player is mid-word.
READ_DELAY = 0.25
BLANK = "__blank__"  # the "your own words" entry of the suggestions list
SEND_KEY = "ctrl+s"  # Enter is a newline in a TextArea; Ctrl+S is free in Textual's TextArea and App

# Control characters (a pasted terminal escape, a bidi override) never enter the editor: the engine
# strips them from what it reads and posts, so what the player sees is what goes out.  Newlines stay
# (the engine folds them into spaces); a tab becomes a space.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]")


def plain(text: str) -> str:
    """``text`` without control characters, tabs as spaces, ``\\r\\n`` as ``\\n``."""
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\t", " "))


def folded(text: str) -> str:
    """``text`` as the engine reads it: controls stripped, whitespace folded (game.words.clean)."""
    return " ".join(strip_controls(text).split())


class WordsArea(TextArea):
    """A TextArea whose every edit (typed, pasted, loaded) is stripped of control characters."""

    def edit(self, edit: Edit) -> EditResult:
        edit.text = plain(edit.text)
        return super().edit(edit)


@dataclass(frozen=True)
class Suggestion:
    """Words the player may start from: a tone's reply or a prepared statement."""

    key: str  # the tone, or the prepared statement's id
    prompt: Content  # its line in the list
    text: str  # the words it loads into the editor
    posture: str  # what it counts as if sent unchanged


# Unsent drafts, per game and per thing written (a reply to a post, a statement): Esc keeps what the
# player wrote (and the suggestion it was started from), and opening the same composer brings it back.
_DRAFTS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _drafts(game) -> dict[str, tuple[str, str | None]]:
    return _DRAFTS.setdefault(game, {})


class WriterScreen(ModalScreen[object]):
    """What the reply composer and the statement screen share: suggestions, the editor, the counter,
    the reading, and the keys.  Subclasses say what is written, how it reads and what action sends it."""

    CSS_PATH = "compose.tcss"
    BINDINGS = [Binding(SEND_KEY, "send", "Send", priority=True), Binding("escape", "back", "Back")]
    limit = REPLY_LIMIT
    noun = "reply"

    def __init__(self, game, cost: int, draft_key: str, classes: str):
        super().__init__(classes=classes)
        self.game, self.cost, self.draft_key = game, cost, draft_key
        self.suggestions: dict[str, Suggestion] = {}
        self.loaded: Suggestion | None = None  # the suggestion the editor was filled from, if any
        self._timer: Timer | None = None
        self._ready = False  # mounted (Textual's is_mounted is set only after on_mount has run)

    # -------------------------------------------------------------- what subclasses provide

    def heading(self) -> Content:
        raise NotImplementedError

    def situation(self) -> Content:
        raise NotImplementedError

    def read(self, text: str) -> Reading:
        raise NotImplementedError

    def action_for(self, text: str) -> object:
        raise NotImplementedError

    def placeholder(self) -> str:
        raise NotImplementedError

    def call_for(self, posture: str | None) -> Content | None:
        """A line saying what the situation calls for and whether ``posture`` meets it (statements only)."""
        return None

    def unchanged_note(self, suggestion: Suggestion) -> Content:
        raise NotImplementedError

    # -------------------------------------------------------------- the screen

    def compose(self) -> ComposeResult:
        with Vertical(id="compose-box"):
            yield Static(self.heading(), id="compose-title")
            yield Static(self.situation(), id="compose-context")
            with Horizontal(id="compose-row"):
                with Vertical(id="compose-side"):
                    yield Static("Start from", id="compose-side-title")
                    yield OptionList(*self._options(), id="compose-suggestions", compact=True)
                with Vertical(id="compose-main"):
                    yield WordsArea(
                        id="compose-editor",
                        soft_wrap=True,
                        tab_behavior="focus",
                        show_line_numbers=False,
                        highlight_cursor_line=False,
                        placeholder=self.placeholder(),
                    )
                    yield Static("", id="compose-counter")
            yield Static("", id="compose-reading")
            yield Static(self._hint(), id="compose-hint")
        self._composed_for = self._aimed_at()

    def _aimed_at(self) -> object:
        """What the composed widgets show (a reply composer may be re-aimed before it is mounted)."""
        return None

    def _options(self) -> list[Option]:
        """The suggestions list: the player's own words first, then each suggestion."""
        return [
            Option(Content.styled("✎ own words", "italic"), id=BLANK),
            *[Option(s.prompt, id=s.key) for s in self.suggestions.values()],
        ]

    def _hint(self) -> Content:
        return Content.assemble(
            ("Ctrl+S", "bold"),
            f" send ({self.cost} attention) · ",
            ("Esc", "bold"),
            " back, draft kept · ",
            ("Tab", "bold"),
            " suggestions · ",
            ("Ctrl+Z", "bold"),
            " undo",
        )

    @property
    def editor(self) -> WordsArea:
        return self.query_one("#compose-editor", WordsArea)

    def on_mount(self) -> None:
        self._ready = True
        if self._aimed_at() != self._composed_for:
            self._show_aim()
        self.reopen()

    def _show_aim(self) -> None:
        """Show what it is aimed at now (ReplyWriter.retarget)."""

    def reopen(self) -> None:
        """Start as a new screen would: the kept draft (or nothing) in the editor, with no undo history,
        the list on its first entry, the reading as the game stands now.  Called when it mounts, and
        when the play screen opens the same screen again (issue 21: building it anew each time made
        `s` slow to open).  Before it is mounted (the play screen builds it ahead), its mounting does this."""
        if not self._ready:
            return
        listing = self.query_one("#compose-suggestions", OptionList)
        listing.highlighted = 0
        listing.scroll_home(animate=False)
        draft, started_from = _drafts(self.game).get(self.draft_key, ("", None))
        self.loaded = self.suggestions.get(started_from or "") if draft else None
        if draft or self.editor.text:
            self.editor.load_text(draft)
            self.editor.move_cursor(self.editor.document.end)
        else:  # emptied by hand: the same blank, but its undo must not bring back the words typed for another post
            self.editor.history.clear()
        # The editor has the focus from the start: keys typed in a burst would otherwise be queued on
        # the list while the focus moved, and arrive out of order.  Tab goes to the suggestions.
        self.editor.focus()
        self._update_counter()
        self._show_reading()

    # -------------------------------------------------------------- suggestions

    def _pristine(self) -> bool:
        """Nothing of the player's own is in the editor: it is blank or holds a suggestion as loaded."""
        text = folded(self.editor.text)
        return not text or (self.loaded is not None and text == folded(self.loaded.text))

    def _load(self, key: str) -> None:
        """Fill the editor from a suggestion (or empty it), as one edit that Ctrl+Z undoes."""
        suggestion = self.suggestions.get(key)
        editor = self.editor
        editor.replace(
            suggestion.text if suggestion else "", (0, 0), editor.document.end, maintain_selection_offset=False
        )
        self.loaded = suggestion
        editor.move_cursor(editor.document.end)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        # Browsing the list shows each suggestion in the editor, until the player has written
        # something of their own: then only Enter replaces it (and Ctrl+Z brings it back).
        event.stop()
        if self.is_mounted and self._pristine() and event.option_id:
            self._load(event.option_id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_id:
            self._load(event.option_id)
        self.editor.focus()

    def on_key(self, event) -> None:
        """Typing on the suggestions list writes in the editor.  The editor consumes the keys it types,
        so a printable key that reaches the screen came from the list — even one queued there before
        the focus moved (a fast typist's burst), which a check of the focus would drop."""
        if event.is_printable and event.character:
            event.stop()
            event.prevent_default()
            self.editor.focus()
            self.editor.insert(event.character)

    # -------------------------------------------------------------- counting and reading

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        if not folded(self.editor.text):
            self.loaded = None  # emptied: what is written next is the player's own
        self._update_counter()
        self._stop_timer()
        self._timer = self.set_timer(READ_DELAY, self._show_reading)

    def _length(self) -> int:
        return len(folded(self.editor.text))

    def _update_counter(self) -> None:
        length, limit = self._length(), self.limit
        counter = self.query_one("#compose-counter", Static)
        if length > limit:
            counter.update(
                Content.assemble(
                    (f"{length:,}/{limit:,}", "bold $text-error"),
                    (f" — {length - limit:,} too many: shorten it to send", "$text-error"),
                )
            )
        else:
            counter.update(Content.styled(f"{length:,}/{limit:,} characters", "$text-muted"))
        counter.set_class(length > limit, "-over")

    def assess(self) -> tuple[Content, str | None]:
        """What the reading line says now, and why the text cannot be sent (None if it can)."""
        text = self.editor.text
        if self._length() > self.limit:
            over = f"it is {self._length() - self.limit:,} characters too long for a {self.noun}"
        else:
            over = None
        if self.loaded is not None and folded(text) == folded(self.loaded.text):
            lines = [self.unchanged_note(self.loaded)]
            call = self.call_for(self.loaded.posture)
            if call is not None:
                lines.append(call)
            return Content("\n").join(lines), over
        if not folded(text):
            lines = [
                Content.styled(
                    f"Write your {self.noun}, or start from a suggestion: how it reads shows here as you type.",
                    "$text-muted",
                )
            ]
            call = self.call_for(None)
            if call is not None:
                lines.append(call)
            return Content("\n").join(lines), f"there is nothing in your {self.noun} yet"
        reading = self.read(text)
        if not reading.readable:
            return (
                join(("Cannot send this: ", "bold $text-warning"), (reading.unreadable or "", "")),
                reading.unreadable,
            )
        lines = [join((reading.summary, "bold"))]
        credit = _credit(reading)
        if credit is not None:
            lines.append(credit)
        if not reading.decisive:
            lines.append(
                Content.styled("Nothing in it decided the reading, so it counts as plain information.", "$text-muted")
            )
        call = self.call_for(reading.posture or "inform")
        if call is not None:
            lines.append(call)
        return Content("\n").join(lines), over

    def _show_reading(self) -> None:
        self._timer = None
        content, _ = self.assess()
        self.query_one("#compose-reading", Static).update(content)

    # -------------------------------------------------------------- sending and backing out

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def action_send(self) -> None:
        # The reading is worked out afresh: a send never goes on a reading the debounce left stale.
        self._stop_timer()
        self._show_reading()
        _, why_not = self.assess()
        if why_not:
            self.app.bell()
            self.notify(
                f"This {self.noun} cannot be sent: {one_line(why_not)}.",
                title="Not sent",
                severity="warning",
                markup=False,
            )
            return
        action = self.action_for(self.editor.text)
        _drafts(self.game).pop(self.draft_key, None)
        self.dismiss(action)

    def action_back(self) -> None:
        self._stop_timer()
        drafts = _drafts(self.game)
        if self._pristine():
            drafts.pop(self.draft_key, None)
        else:
            drafts[self.draft_key] = (self.editor.text, self.loaded.key if self.loaded else None)
        self.dismiss(None)


def _credit(reading: Reading) -> Content | None:
    """What makes the words count for more, as the engine weighs them (responses.credibility)."""
    features = reading.features
    if features is None:
        return None
    parts = []
    if features.specifics:
        parts.append("names " + ", ".join(f"‘{p}’" for p in features.specifics[:2]))
    if features.corrective_action:
        parts.append("says what will change (" + ", ".join(f"‘{p}’" for p in features.corrective_action[:2]) + ")")
    if not parts:
        return None
    return join(("Counts for more: it ", "$text-success"), ("; it ".join(parts), "$text-success"))


class ReplyWriter(WriterScreen):
    """Reply to one post in your own words, or from the scenario's reply for a tone."""

    limit = REPLY_LIMIT
    noun = "reply"

    def __init__(self, game, post: Post, tones: Sequence[str] = tuple(TONES), cost: int = 1):
        super().__init__(game, cost, f"reply:{post.id}", classes="-reply")
        self._aim(post, tones)

    def _aim(self, post: Post, tones: Sequence[str]) -> None:
        """Write to ``post``: its draft, and each tone's words for it."""
        self.post = post
        self.draft_key = f"reply:{post.id}"
        self.suggestions = {}
        for tone in tones:
            words = self.game.reply_text(post.id, tone)
            if not words:
                continue
            self.suggestions[tone] = Suggestion(
                tone,
                Content.assemble((tone, "bold"), (f" ({TONES.get(tone, '?')})", "$text-muted")),
                plain(words),
                TONES.get(tone, "inform"),
            )

    def retarget(self, post: Post, tones: Sequence[str], cost: int) -> None:
        """Open again to reply to ``post``, as a new composer for it would open (issue 21: building the
        composer anew for every reply was most of the time `r` took)."""
        self.cost = cost
        self._aim(post, tones)
        if self._ready:  # (built ahead and not mounted yet: its mounting shows the new aim)
            self._show_aim()
            self.reopen()

    def _aimed_at(self) -> object:
        return (self.post.id, self.cost, tuple((s.key, s.text) for s in self.suggestions.values()))

    def _show_aim(self) -> None:
        self.query_one("#compose-title", Static).update(self.heading())
        self.query_one("#compose-context", Static).update(self.situation())
        self.query_one("#compose-hint", Static).update(self._hint())
        listing = self.query_one("#compose-suggestions", OptionList)
        listing.clear_options()
        listing.add_options(self._options())
        self.editor.placeholder = self.placeholder()

    def heading(self) -> Content:
        post = self.post
        return join(
            "Reply to ",
            (f"{one_line(post.name)} @{one_line(post.author)}", "bold"),
            f" · {followers(post.followers)} followers",
        )

    def situation(self) -> Content:
        return lit(self.post.text)

    def placeholder(self) -> str:
        return f"Write your reply to @{one_line(self.post.author)} (up to {REPLY_LIMIT} characters)…"

    def read(self, text: str) -> Reading:
        return self.game.read_reply(self.post.id, text)

    def unchanged_note(self, suggestion: Suggestion) -> Content:
        return join(
            ("The scenario's ", "bold"),
            (f"{suggestion.key}", "bold"),
            (
                f" reply, as written: it counts as {suggestion.key} ({suggestion.posture}). "
                "Edit it and your words are read instead.",
                "",
            ),
        )

    def action_for(self, text: str) -> object:
        if self.loaded is not None and folded(text) == folded(self.loaded.text):
            return Reply(self.post.id, self.loaded.key)
        return Reply(self.post.id, text=text.strip())


class StatementWriter(WriterScreen):
    """Post a statement in your own words, or one of the open prepared statements, as it is or edited."""

    limit = STATEMENT_LIMIT
    noun = "statement"

    def __init__(self, game, choices: Sequence[tuple[str, str]] = (), cost: int = 2):
        super().__init__(game, cost, "statement", classes="-statement")
        by_id = {s.id: s for s in game.scenario.actions.statements}
        for ident, label in choices:
            prepared = by_id.get(ident)
            if prepared is None:
                continue
            self.suggestions[ident] = Suggestion(
                ident,
                Content.assemble(lit(one_line(label)), (f" ({prepared.strategy})", "$text-muted")),
                plain(prepared.text),
                prepared.strategy,
            )

    def heading(self) -> Content:
        return Content.styled("Post a statement", "bold")

    def situation(self) -> Content:
        return Content("Everyone following the hashtag reads it.")

    def placeholder(self) -> str:
        return f"Write your statement (up to {STATEMENT_LIMIT:,} characters), or start from a prepared one…"

    def read(self, text: str) -> Reading:
        return self.game.read_statement(text)

    def unchanged_note(self, suggestion: Suggestion) -> Content:
        name = POSTURE_NAMES.get(suggestion.posture, suggestion.posture)
        return join(
            ("The prepared statement, as written: ", "bold"),
            (f"it counts as {name} ({suggestion.posture}). Edit it and your words are read instead.", ""),
        )

    def call_for(self, posture: str | None) -> Content | None:
        """What SCCT asks of this crisis and whether the posture meets it, by the engine's own rule
        (responses.effective_rank against the world's required posture, as responses.speak weighs it)."""
        world = self.game.world
        called = self.game.posture_called_for()
        need = f"This crisis calls for at least {responses.POSTURE_WORDS[called]} ({called})"
        if posture is None:
            return Content(need + ".")
        fit = responses.effective_rank(world, posture) - world.required_posture
        if fit >= 0:
            return Content.assemble((need, ""), (": this meets it.", "bold $text-success"))
        joke = posture == "humour" and responses.POSTURE_RANK["humour"] >= world.required_posture
        why = " (a joke into this much anger reads as an excuse)" if joke else ""
        return Content.assemble(
            (need, ""), (f": this falls short and will read as evasive{why}.", "bold $text-warning")
        )

    def action_for(self, text: str) -> object:
        if self.loaded is None:
            return Statement(text=text.strip())
        if folded(text) == folded(self.loaded.text):
            return Statement(self.loaded.key)
        return Statement(self.loaded.key, text=text.strip())
