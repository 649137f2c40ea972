"""The facilitator's live dashboard: every team at a glance, and the controls to pace and stir the workshop.

It polls the shared store every second (the teams' processes write to it), so it can be closed and
opened again at any time: nothing lives only here.  Team names and typed headlines are shown as
literal text (rich ``Text``/``Content``), never as markup.

Keys: n open the next turn (lockstep) · t turn timer · p pause/resume all · i inject · u undo the last inject
· o note an observation about the highlighted team · s score it · l lockstep on/off · x end · q quit.
"""

from __future__ import annotations

import datetime as dt
import secrets

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from game.reports.charts import sparkline
from game.workshop.store import Team, WorkshopError, WorkshopStore

POLL_SECONDS = 1.0
TIMER_CHOICES = (0, 2, 5, 10)  # minutes per turn when the turn timer runs (0: off)
ALL = "all"
# An inject waits this long before the teams receive it, so a slip (the wrong team, the wrong inject) can be
# taken back with `u`.  Once a team has it, it is in that team's saved game and stays (the engine records
# every action and has no way to retract one).
UNDO_SECONDS = 10
TYPED = "__typed__"
COLUMNS = (
    "Team",
    "Turn",
    "Time",
    "Rep.",
    "Rep. so far",
    "Posts",
    "Posts/turn",
    "Viral.",
    "Press",
    "Last action",
    "State",
)
# On a video platform the crowd's cheapest verdict is a click: the dislikes, beside the posts.
VIDEO_COLUMN = "Dislikes"


def team_state(team: Team, workshop=None, now: float | None = None) -> str:
    """What the team is doing, in words (never colour alone); true of what its window is doing."""
    if team.outcome:
        return f"finished: {team.outcome}"
    if workshop is not None and workshop.ended:
        return "ended" if team.joined or team.session_path else "ended (never joined)"
    if team.joined is None and team.session_path is None:
        return "not joined"
    state = "reading the briefing" if team.session_path is None else ("WAITING" if team.waiting else "playing")
    if not team.online(now):
        return f"offline ({state})" if state != "WAITING" else "offline (waiting)"
    return state


def first_parting(teams: list[Team]) -> str | None:
    """Where the teams' figures first parted (every team plays the same seed, so figures stay equal until a
    choice changes one): 'Figures first parted at turn 3: Red 45.0, Blue 42.8 (reputation)'."""
    played = [t for t in teams if t.history]
    if len(played) < 2:
        return None
    for turn in range(1, max(len(t.history) for t in played) + 1):
        reached = [t for t in played if len(t.history) >= turn]
        if len(reached) < 2:
            return None
        figures = {(round(t.history[turn - 1][0], 1), t.history[turn - 1][1]) for t in reached}
        if len(figures) > 1:
            values = ", ".join(f"{t.name} {t.history[turn - 1][0]:.1f} / {t.history[turn - 1][1]:,}" for t in reached)
            return (
                f"The teams' figures first parted at turn {turn} (reputation / posts that turn): {values}. "
                "The report shows the choices behind it."
            )
    return "The teams' figures have not parted yet: every choice so far left the same figures."


class ObservationScreen(ModalScreen["tuple[int, str] | None"]):
    """Note an observation about one team, at the turn it is on (it goes into the report)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, team: Team):
        super().__init__()
        self.team = team

    def compose(self) -> ComposeResult:
        with Vertical(id="inject-box"):
            yield Static(
                Content(f"An observation about Team {self.team.name}, turn {self.team.turn}"), id="inject-title"
            )
            yield Static(
                "What did you see? It goes into the report with the team and the turn. Enter saves, Escape cancels.",
                id="inject-help",
                markup=False,
            )
            yield Input(
                placeholder="e.g. argued about escalating; the keyboard changed hands",
                id="observe-text",
                max_length=400,
            )

    def on_mount(self) -> None:
        self.query_one("#observe-text", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        self.dismiss((self.team.id, text) if text else None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ScoreScreen(ModalScreen[None]):
    """Score one team on each objective: ↑↓ choose an objective, 1–4 set its level (0 clears); saved at once."""

    BINDINGS = [
        Binding("escape,enter", "close", "Done"),
        *[Binding(str(n), f"level({n})", show=False) for n in range(5)],
    ]

    def __init__(self, store: WorkshopStore, workshop_id: str, team: Team, objectives: tuple[str, ...]):
        super().__init__()
        self.store, self.workshop_id, self.team, self.objectives = store, workshop_id, team, objectives
        self.levels = {
            objective: level for name, team_id, objective, level in store.scores(workshop_id) if team_id == team.id
        }

    def compose(self) -> ComposeResult:
        from game.workshop.rubric import LEVELS

        with Vertical(id="inject-box"):
            yield Static(Content(f"Score Team {self.team.name}"), id="inject-title")
            yield Static(
                Content(
                    "↑↓ an objective, then 1–4 for its level (0 clears); Enter or Escape when done. "
                    "Scores go into the report."
                ),
                id="inject-help",
            )
            yield OptionList(*self._options(), id="score-objectives")
            yield Static(Content("\n".join(f"{n} {label}: {anchor}" for n, label, anchor in LEVELS)), id="score-levels")

    def _options(self) -> list[Option]:
        from game.workshop.rubric import level_label

        options = []
        for index, objective in enumerate(self.objectives):
            level = self.levels.get(objective)
            mark = f"[{level} {level_label(level)}]" if level else "[– not scored]"
            options.append(Option(Content(f"{mark:<14} {objective}"), id=str(index)))
        return options

    def on_mount(self) -> None:
        listing = self.query_one("#score-objectives", OptionList)
        listing.highlighted = 0
        listing.focus()

    def action_level(self, level: int) -> None:
        listing = self.query_one("#score-objectives", OptionList)
        index = listing.highlighted or 0
        objective = self.objectives[index]
        try:
            self.store.score(self.workshop_id, self.team.id, objective, level)
        except WorkshopError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        if level:
            self.levels[objective] = level
        else:
            self.levels.pop(objective, None)
        listing.clear_options()
        listing.add_options(self._options())
        listing.highlighted = min(index + 1, len(self.objectives) - 1) if level else index

    def action_close(self) -> None:
        self.dismiss(None)


def effect_words(effects: dict) -> str:
    """An inject's effects in words: 'press +6, anger +2' (an expression is shown as written)."""
    parts = []
    for meter, value in effects.items():
        if isinstance(value, (int, float)):
            parts.append(f"{meter} {value:+g}")
        else:
            parts.append(f"{meter} {value}")
    return ", ".join(parts)


def answer_words(inject, scenario=None) -> str:
    """What answers an inject, in the action bar's words: 'Give the press a one-line comment; Statement'."""
    from game.engine.rules import RULES

    labels: dict[str, str] = {kind: rule.short for kind, rule in RULES.items()}
    if scenario is not None:
        labels.update({x.id: x.label for x in scenario.actions.statements})
        labels.update({x.id: x.label for x in scenario.actions.custom})
    return "; ".join(labels.get(name, name) for name in inject.answered_by)


def inject_preview(inject, scenario=None) -> Content:
    """What a prepared inject does, shown before it is sent: its headline, text, effects, posts and
    what answers it (so the facilitator knows what the timeline's "answered" will mean)."""
    parts: list = [("Headline: ", "bold"), inject.headline]
    if inject.text:
        parts += ["\n", ("Text: ", "bold"), inject.text]
    parts += ["\n", ("Effects: ", "bold"), effect_words(inject.effects) or "none on the figures (news to react to)"]
    if inject.posts:
        parts += ["\n", ("Posts: ", "bold"), f"{len(inject.posts)} post(s) appear in the feed"]
    if inject.answered_by:
        parts += ["\n", ("Answered by: ", "bold"), answer_words(inject, scenario)]
    return Content.assemble(*parts)


class InjectScreen(ModalScreen["dict | None"]):
    """Choose who gets the inject and what it is: a prepared one, or a headline typed now.

    It opens on "All teams" whatever team is highlighted on the dashboard (an "all teams" call once went to
    one team), shows what the highlighted inject does, and asks for a confirmation that names every
    recipient."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, teams: list[Team], injects: list, scenario=None):
        super().__init__()
        self.teams, self.injects = teams, injects
        self.scenario = scenario  # for the labels of the actions that answer an inject

    def compose(self) -> ComposeResult:
        with Vertical(id="inject-box"):
            yield Static("Inject an event", id="inject-title")
            yield Static(
                "Tab moves between the lists, ↑↓ choose: the highlighted team(s) get the highlighted "
                "inject, or the headline you type below. You confirm before it goes.",
                id="inject-help",
                markup=False,
            )
            with Horizontal(id="inject-lists"):
                targets = [Option(Content(f"All teams ({len(self.teams)})"), id=ALL)]
                targets += [Option(Content("Team " + t.name), id=str(t.id)) for t in self.teams]
                yield OptionList(*targets, id="inject-target")
                what = [Option(Content(i.label), id=i.id) for i in self.injects]
                what.append(Option(Content("A headline typed below…"), id=TYPED))
                yield OptionList(*what, id="inject-what")
            yield Static("", id="inject-preview")
            yield Input(placeholder="headline (for a typed inject)", id="inject-headline", max_length=200)
            yield Input(placeholder="details (optional)", id="inject-text", max_length=600)
            yield Input(
                placeholder="at turn … (empty: now; a number: each team gets it when it reaches that turn)",
                id="inject-turn",
                max_length=4,
                restrict=r"[0-9]*",
            )
            yield Static("", id="inject-error")
            with Horizontal(id="inject-buttons"):
                yield Button("Send…", variant="warning", id="inject-send")
                yield Button("Cancel", id="inject-cancel")

    def on_mount(self) -> None:
        target = self.query_one("#inject-target", OptionList)
        target.highlighted = 0  # all teams, always
        self.query_one("#inject-what", OptionList).highlighted = 0
        self._preview()
        target.focus()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id == "inject-what":
            self._preview()

    def _chosen_inject(self):
        what_list = self.query_one("#inject-what", OptionList)
        ident = what_list.get_option_at_index(what_list.highlighted or 0).id
        return next((i for i in self.injects if i.id == ident), None)

    def _preview(self) -> None:
        inject = self._chosen_inject()
        self.query_one("#inject-preview", Static).update(
            inject_preview(inject, self.scenario)
            if inject is not None
            else Content("A typed headline: news the team must react to, with no effect on the figures.")
        )

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "inject-cancel":
            self.dismiss(None)
            return
        self.send()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.send()

    def recipients(self, target: str) -> list[str]:
        return [t.name for t in self.teams] if target == ALL else [t.name for t in self.teams if str(t.id) == target]

    def send(self) -> None:
        from game.ui.screens.modals import ConfirmScreen

        target_list = self.query_one("#inject-target", OptionList)
        what_list = self.query_one("#inject-what", OptionList)
        target = target_list.get_option_at_index(target_list.highlighted or 0).id
        what = what_list.get_option_at_index(what_list.highlighted or 0).id
        headline = self.query_one("#inject-headline", Input).value.strip()
        text = self.query_one("#inject-text", Input).value.strip()
        if headline:  # something typed wins over the highlighted prepared inject
            what = TYPED
        if what == TYPED and not headline:
            self.query_one("#inject-error", Static).update(Content("Type a headline, or pick a prepared inject."))
            return
        turn_text = self.query_one("#inject-turn", Input).value.strip()
        at_turn = int(turn_text) if turn_text else None
        if at_turn is not None and at_turn < 1:
            self.query_one("#inject-error", Static).update(Content("A turn is 1 or more (empty: send now)."))
            return
        choice = {
            "team": None if target == ALL else int(target),
            "inject_id": None if what == TYPED else what,
            "headline": headline if what == TYPED else None,
            "text": (text or None) if what == TYPED else None,
            "at_turn": at_turn,
        }
        names = self.recipients(target)
        inject = None if what == TYPED else next((i for i in self.injects if i.id == what), None)
        label = inject.label if inject is not None else headline
        who = (f"all {len(names)} teams: " if target == ALL else "only Team ") + ", ".join(names)
        detail = (
            inject_preview(inject, self.scenario)
            if inject is not None
            else Content.assemble(
                ("Headline: ", "bold"),
                headline,
                *(["\n", ("Text: ", "bold"), text] if text else []),
                "\n",
                ("Effects: ", "bold"),
                "none on the figures",
            )
        )
        choice["names"] = names
        choice["label"] = label

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.dismiss(choice)  # not returned: the callback's caller would await it

        question = (
            f"Schedule “{label}” for turn {at_turn}, to {who}?" if at_turn is not None else f"Send “{label}” to {who}?"
        )
        self.app.push_screen(
            ConfirmScreen(Content(question), detail, yes="Schedule" if at_turn else "Send", no="Back"), confirmed
        )

    def action_cancel(self) -> None:
        self.dismiss(None)


class DashboardApp(App):
    """The facilitator's screen for one workshop."""

    CSS_PATH = "dashboard.tcss"
    TITLE = "Bashtag workshop"
    BINDINGS = [
        Binding("n", "next_turn", "Next turn"),
        Binding("t", "timer", "Turn timer"),
        Binding("p", "pause", "Pause all"),
        Binding("i", "inject", "Inject"),
        Binding("u", "undo_inject", "Undo inject"),
        Binding("o", "observe", "Note"),
        Binding("s", "score", "Score"),
        Binding("l", "lockstep", "Lockstep"),
        Binding("x", "end", "End"),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(self, store: WorkshopStore, workshop_id: str):
        super().__init__()
        self.store = store
        self.workshop = store.workshop(workshop_id)
        self.injects: list = []
        self.turns_total: int | None = None
        self.scenario = None
        try:
            from game.scenario.library import load

            scenario = load(self.workshop.scenario_ref)
            self.scenario = scenario
            self.injects = list(scenario.injects)
        except Exception:  # noqa: BLE001 - typed injects still work without the scenario file
            self.notify(
                "The scenario's prepared injects could not be loaded; typed ones still work.",
                severity="warning",
                markup=False,
            )
        self.on_video = self.scenario is not None and self.scenario.platform == "video"
        self.teams: list[Team] = []
        self.table: DataTable | None = None
        self.last_batch: tuple[str, str] | None = None  # the last inject sent: (batch, label), for `u`

    def compose(self) -> ComposeResult:
        yield Static("", id="dash-header")
        yield Static("", id="dash-status")
        table = DataTable(id="dash-teams", cursor_type="row", zebra_stripes=True)
        yield table
        yield Static("", id="dash-detail")
        yield Static("", id="dash-injects")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = self.workshop.name
        # The widgets of the main screen, kept: the timer also fires while the inject dialog is on top
        # (where App.query_one would look) and while the app shuts down.
        self.table = self.query_one(DataTable)
        self.header_line = self.query_one("#dash-header", Static)
        self.status_line = self.query_one("#dash-status", Static)
        self.detail_line = self.query_one("#dash-detail", Static)
        self.injects_panel = self.query_one("#dash-injects", Static)
        columns = list(COLUMNS)
        if self.on_video:
            columns.insert(columns.index("Viral."), VIDEO_COLUMN)
        self.table.add_columns(*columns)
        self.poll()
        self.set_interval(POLL_SECONDS, self.poll)

    # ------------------------------------------------------------------------------ drawing

    def poll(self) -> None:
        """Read the store and redraw; runs the turn timer."""
        if self.table is None or not self.table.is_attached:
            return
        try:
            self.workshop = self.store.workshop(self.workshop.id)
            self.teams = self.store.teams(self.workshop.id)
            sent, pending = self.store.inject_counts(self.workshop.id)
        except Exception as error:  # noqa: BLE001 - the store is busy: try again next second
            self.status_line.update(Content(f"Cannot read the workshop right now: {error}"))
            return
        # The timer lives in the store (teams see its countdown; it runs with this dashboard closed).
        try:
            opened = self.store.tick_timer(self.workshop.id)
        except Exception:  # noqa: BLE001 - busy: the next second ticks it
            opened = None
        if opened is not None:
            self.notify(f"Time is up: turn {opened} is open for every team.", markup=False)
            self.workshop = self.store.workshop(self.workshop.id)
        self._draw(sent, pending)

    def _draw(self, sent: int, pending: int) -> None:
        w = self.workshop
        self.header_line.update(
            Content.assemble((w.name, "bold"), f"  ·  {w.scenario_id}, seed {w.seed}  ·  workshop {w.id}")
        )
        flags = []
        if w.ended:
            flags.append("ENDED: teams can no longer act; `bashtag workshop report --code …` writes the debrief")
        if w.paused:
            flags.append("PAUSED (teams cannot end turns)")
        if w.lockstep:
            flags.append(f"lockstep: turn {w.open_turn} is open (teams wait at its end until you press n)")
        else:
            flags.append("free pace")
        remaining = w.timer_remaining()
        if remaining is not None:
            left = int(remaining + 0.999)
            minutes = w.timer_seconds // 60
            if w.paused:
                flags.append(f"turn timer {minutes} min: stopped at {left // 60}:{left % 60:02d} while paused")
            elif left == 0:
                flags.append(
                    f"turn timer {minutes} min: run out, waiting for the leading team to reach turn {w.open_turn}"
                )
            else:
                flags.append(f"turn timer {minutes} min: next turn in {left // 60}:{left % 60:02d}")
        waiting = sum(1 for t in self.teams if t.waiting and not t.outcome)
        flags.append(f"{waiting} of {len(self.teams)} waiting")
        flags.append(f"injects sent {sent}, not yet received {pending}")
        self.status_line.update(Content(" · ".join(flags)))
        table = self.table
        row = table.cursor_row
        table.clear()
        for team in self.teams:
            table.add_row(*self._cells(team), key=str(team.id))
        if self.teams:
            table.move_cursor(row=min(row, len(self.teams) - 1))
        self._show_detail()
        self._show_injects()
        self.refresh_bindings()  # n and t follow lockstep; the controls go once the workshop has ended

    def _cells(self, team: Team) -> list[Text]:
        def num(value, fmt):
            return Text(fmt.format(value) if value is not None else "—", justify="right")

        when = "—"
        if team.sim_time:
            try:
                when = f"{dt.datetime.fromisoformat(team.sim_time):%a %H:%M}"
            except ValueError:
                pass
        turn = f"{team.turn}/{team.turns_total}" if team.turns_total else str(team.turn)
        state = team_state(team, self.workshop)
        # Sparklines on one scale for every team, so the rows compare at a glance.
        reps = [r for t in self.teams for r, _ in t.history]
        posts = [p for t in self.teams for _, p in t.history]
        video = [num(team.reactions[1] if team.reactions else None, "{:,}")] if self.on_video else []
        return [
            Text(team.name, style="bold"),
            Text(turn, justify="right"),
            Text(when),
            num(team.reputation, "{:.1f}"),
            Text(sparkline([r for r, _ in team.history][-16:], reps) or "—"),
            num(team.total_posts, "{:,}"),
            Text(sparkline([p for _, p in team.history][-16:], posts) or "—"),
            *video,
            num(team.virality, "{:.2f}"),
            num(team.press, "{:.0f}"),
            Text(team.last_actions[-1] if team.last_actions else "—"),
            Text(state, style="bold reverse" if state == "WAITING" else ""),
        ]

    def selected_team(self) -> Team | None:
        table = self.table
        if not self.teams or table.cursor_row is None or table.cursor_row >= len(self.teams):
            return None
        return self.teams[table.cursor_row]

    def _show_detail(self) -> None:
        team = self.selected_team()
        detail = self.detail_line
        if team is None:
            detail.update("")
            return
        lines = Text()
        lines.append(f"Team {team.name}", style="bold")
        lines.append(" — last actions: ")
        lines.append("; ".join(team.last_actions) or "none yet")
        parted = first_parting(self.teams)
        if parted:
            lines.append("\n")
            lines.append(parted)
        detail.update(lines)

    def _show_injects(self) -> None:
        """The injects sent and scheduled, newest last, with each team's state: the timeline of the session."""
        try:
            timeline = self.store.inject_timeline(self.workshop.id)
        except Exception:  # noqa: BLE001 - busy: the next second draws it
            return
        labels = {i.id: i.label for i in self.injects}
        lines = Text()
        lines.append("Injects", style="bold")
        if not timeline:
            lines.append(" — none yet (i sends or schedules one)")
        for entry in timeline[-6:]:
            label = labels.get(entry["inject_id"]) or entry["headline"] or entry["inject_id"] or "inject"
            when = f"turn {entry['at_turn']}" if entry["at_turn"] else f"{entry['created'][11:16]}"
            lines.append(f"\n  {when:>8}  ")
            lines.append(label, style="bold")
            lines.append(" — " + ", ".join(f"{team}: {state}" for team, state in entry["teams"]))
        self.injects_panel.update(lines)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail()

    # ------------------------------------------------------------------------------ controls

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`n` and `t` only where lockstep is on; nothing that changes the workshop once it has ended."""
        workshop = getattr(self, "workshop", None)
        if workshop is None:
            return True
        # Observations and scores stay: the facilitator often writes them after the end, before the debrief.
        if workshop.ended and action in ("next_turn", "timer", "pause", "inject", "undo_inject", "lockstep", "end"):
            return False
        if action in ("next_turn", "timer") and not workshop.lockstep:
            return False
        return True

    def action_lockstep(self) -> None:
        on = not self.workshop.lockstep
        turn = self.store.set_lockstep(self.workshop.id, on)
        self.notify(
            f"Lockstep on: the leading teams wait at the end of turn {turn}; n opens the next turn."
            if on
            else "Lockstep off: every team plays at its own pace (the turn timer is off).",
            markup=False,
        )
        self.poll()
        self.refresh_bindings()

    def action_score(self) -> None:
        from game.workshop.rubric import objectives

        team = self.selected_team()
        if team is None:
            return
        self.push_screen(ScoreScreen(self.store, self.workshop.id, team, objectives(self.scenario)))

    def action_observe(self) -> None:
        team = self.selected_team()
        if team is None:
            return
        self.push_screen(ObservationScreen(team), self._save_observation)

    def _save_observation(self, result: tuple[int, str] | None) -> None:
        if not result:
            return
        try:
            note = self.store.observe(self.workshop.id, *result)
        except WorkshopError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.notify(f"Noted for Team {note.team} at turn {note.turn}; it goes into the report.", markup=False)

    def action_next_turn(self) -> None:
        if not self.workshop.lockstep:
            self.notify(
                "This workshop runs at the teams' own pace (create it with --lockstep to pace it).", markup=False
            )
            return
        turn, moved = self.store.open_next_turn(self.workshop.id)
        if moved:
            self.notify(f"Turn {turn} is open for every team.", markup=False)
        else:
            self.notify(
                f"Turn {turn} is already open and no team has reached it yet: teams can end turn "
                f"{turn - 1} now. The next one opens when a team is on turn {turn}.",
                markup=False,
            )
        self.poll()

    def action_timer(self) -> None:
        if not self.workshop.lockstep:
            self.notify("The turn timer paces lockstep workshops only.", markup=False)
            return
        minutes = self.workshop.timer_seconds // 60
        index = TIMER_CHOICES.index(minutes) if minutes in TIMER_CHOICES else 0
        minutes = TIMER_CHOICES[(index + 1) % len(TIMER_CHOICES)]
        self.store.set_timer(self.workshop.id, minutes * 60)
        self.notify(
            f"Turn timer: every {minutes} minutes" + (" (stopped while paused)." if self.workshop.paused else ".")
            if minutes
            else "Turn timer off.",
            markup=False,
        )
        self.poll()

    def action_pause(self) -> None:
        paused = not self.workshop.paused
        self.store.set_paused(self.workshop.id, paused)
        self.notify("Paused: no team can end a turn." if paused else "Resumed.", markup=False)
        self.poll()

    def action_inject(self) -> None:
        self.push_screen(InjectScreen(self.teams, self.injects, self.scenario), self.send_inject)

    def send_inject(self, choice: dict | None) -> None:
        """Queue the inject chosen in the InjectScreen (``None``: cancelled), held UNDO_SECONDS for `u`."""
        if not choice:
            return
        batch = secrets.token_hex(6)
        try:
            count = self.store.send_inject(
                self.workshop.id,
                choice["team"],
                inject_id=choice["inject_id"],
                headline=choice["headline"],
                text=choice["text"],
                hold_seconds=0 if choice.get("at_turn") else UNDO_SECONDS,
                batch=batch,
                at_turn=choice.get("at_turn"),
            )
        except WorkshopError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.last_batch = (batch, choice.get("label") or "the inject")
        who = ", ".join(choice.get("names", [])) or f"{count} team(s)"
        if choice.get("at_turn"):
            self.notify(
                f"“{choice.get('label')}” is scheduled for turn {choice['at_turn']}: {who} each get it on "
                "reaching that turn (u takes it back until then).",
                markup=False,
            )
        else:
            self.notify(
                f"“{choice.get('label')}” goes to {who} in {UNDO_SECONDS} seconds: press u to take it back "
                "before then.",
                markup=False,
            )
        self.poll()

    def action_undo_inject(self) -> None:
        if self.last_batch is None:
            self.notify("No inject to take back.", markup=False)
            return
        batch, label = self.last_batch
        taken, kept = self.store.undo_injects(self.workshop.id, batch)
        self.last_batch = None
        if taken:
            self.notify(
                f"“{label}” taken back from {', '.join(taken)}."
                + (f" {', '.join(kept)} already had it: it stays in their games." if kept else ""),
                markup=False,
            )
        else:
            self.notify(
                f"Too late: {', '.join(kept) or 'every team'} already received “{label}”; it stays in their games.",
                markup=False,
            )
        self.poll()

    def action_end(self) -> None:
        from game.ui.screens.modals import ConfirmScreen

        def end(yes: bool | None) -> None:
            if yes:
                self.store.end(self.workshop.id)
                self.notify(
                    "The workshop has ended. `bashtag workshop report --code …` writes the debrief.", markup=False
                )
                self.poll()

        self.push_screen(
            ConfirmScreen(
                "End the workshop?",
                "Teams can no longer end turns or join; the games stay for the report.",
                yes="End it",
                no="Keep going",
            ),
            end,
        )
