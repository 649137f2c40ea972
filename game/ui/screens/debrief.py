"""The debrief: the outcome, your curve beside history's, the decisions that mattered and why,
"what if", what really happened, the lessons your choices triggered, and the sources."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from game.engine.debrief import in_a_sentence
from game.reports.words import team_words
from game.ui.literal import followers, join, lit, one_line
from game.ui.screens.briefing import seed_line
from game.ui.widgets.chart import LineChart

OUTCOME_MARK = {"success": "✔ SUCCESS", "mixed": "◐ MIXED", "failure": "✖ FAILURE"}


class DebriefScreen(Screen):
    """Reads one :class:`game.engine.debrief.Debrief`."""

    CSS_PATH = "debrief.tcss"
    BINDINGS = [Binding("q", "app.quit", "Quit"), Binding("t", "app.to_title", "Title screen")]

    def __init__(self, game, debrief=None):
        super().__init__()
        self.game = game
        self.debrief = debrief
        self.words: dict = {}

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="debrief-scroll"):
            yield Static("Analysing your game: replaying your decisions the other way…", id="debrief-outcome")
            yield Static("", id="debrief-why", classes="debrief-section")
            yield Static(
                Content.styled("Your crisis beside what really happened", "bold $text-accent"),
                classes="debrief-heading",
                id="debrief-beside",
            )
            yield LineChart(id="debrief-reputation", classes="debrief-chart")
            yield LineChart(id="debrief-posts", classes="debrief-chart")
            for name in ("decisions", "carriers", "whatifs", "history", "lessons", "sources"):
                yield Static("", id=f"debrief-{name}", classes="debrief-section")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#debrief-scroll").focus()
        if self.debrief is not None:
            self.show(self.debrief)
        else:
            # The what-if forks replay the game several times (about a second for #AskJPM): off the UI thread.
            self.run_worker(self._analyse, thread=True, exclusive=True, name="debrief-analysis")

    def _analyse(self) -> None:
        from game.engine.debrief import analyse

        debrief = analyse(self.game)
        words = team_words(self.game)  # a reply's reading needs the post it answered: one replay
        self.app.call_from_thread(self.show, debrief, words)

    def show(self, debrief, words=None) -> None:
        """Fill every section from one :class:`game.engine.debrief.Debrief` and the team's own words
        (game.reports.words; worked out here when not given)."""
        self.debrief = d = debrief
        self.words = team_words(self.game) if words is None else words
        other = in_a_sentence(one_line(d.benchmark))
        self.query_one("#debrief-outcome", Static).update(self._outcome())
        self.query_one("#debrief-why", Static).update(self._why())
        self.query_one("#debrief-beside", Static).update(lit(f"Your crisis beside {other}", "bold $text-accent"))
        self.query_one("#debrief-reputation", LineChart).plot(
            "Reputation (0-100) at the end of each turn",
            [r.reputation for r in d.player],
            [r.reputation for r in d.historical],
            other_name=other,
        )
        self.query_one("#debrief-posts", LineChart).plot(
            "Posts on the hashtag in each turn (turns differ in length)",
            [r.posts for r in d.player],
            [r.posts for r in d.historical],
            other_name=other,
        )
        self.query_one("#debrief-decisions", Static).update(self._decisions())
        self.query_one("#debrief-carriers", Static).update(self._carriers())
        self.query_one("#debrief-whatifs", Static).update(self._what_ifs())
        self.query_one("#debrief-history", Static).update(self._history())
        self.query_one("#debrief-lessons", Static).update(self._lessons())
        self.query_one("#debrief-sources", Static).update(self._sources())

    def _outcome(self) -> Content:
        outcome = self.debrief.outcome
        state = self.game.state
        figures = Content(
            f"Reputation {state.reputation_start:.0f} → {state.reputation:.0f}  ·  "
            f"{state.total_posts:,} posts on the hashtag, {state.negative_share:.0%} hostile  ·  "
            + (
                f"{state.video.reactions.dislikes:,} dislikes and {state.video.reactions.likes:,} likes on the video  ·  "
                if state.video is not None
                else ""
            )
            + f"press attention {state.press:.0f}/100"
        )
        if outcome is None:
            return Content("\n").join([Content.styled("The game was not finished.", "bold"), figures])
        return Content("\n").join(
            [
                join(
                    (OUTCOME_MARK.get(outcome.outcome, outcome.outcome.upper()) + "  ", "bold $text-accent"),
                    (one_line(outcome.title), "bold"),
                ),
                lit(outcome.text),
                figures,
            ]
        )

    def _why(self) -> Content:
        """Why this ending: the clauses that decided it, and what stood before the nearest better one."""
        why = getattr(self.debrief, "why", None)
        outcome = self.debrief.outcome
        if why is None or outcome is None:
            return Content("")
        lines = [Content.styled("Why this ending", "bold $text-accent")]
        lines += [join("  ✔ ", (one_line(text), "")) for text in why.because]
        if why.better_title is None:
            lines.append(Content.styled("  No ending of this scenario is better than this one.", "$text-muted"))
            return Content("\n").join(lines)
        mark = OUTCOME_MARK.get(why.better_outcome or "", (why.better_outcome or "").upper())
        lines.append(
            join(
                "The nearest better ending, ",
                (mark, "bold"),
                " “",
                (one_line(why.better_title), "bold"),
                "”, needed:" if why.stood_between else "”, matched your game too,",
            )
        )
        lines += [join("  ✖ ", (one_line(text), "")) for text in why.stood_between]
        if why.checked_first:
            lines.append(
                join(
                    ("  and “", "$text-muted"),
                    (one_line(outcome.title), "$text-muted"),
                    ("” is checked before it: while that holds, it decides.", "$text-muted"),
                )
            )
        return Content("\n").join(lines)

    def _decisions(self) -> Content:
        lines = [Content.styled("Your decisions, and why they mattered", "bold $text-accent")]
        decisions = self.debrief.decisions
        if not decisions:
            lines.append(Content("You took no action: the crisis ran its course without you."))
        for index, decision in enumerate(decisions):
            lines.append(
                join(
                    (f"{decision.time:%a %H:%M}  ", "$text-muted"),
                    (one_line(decision.label), "bold"),
                    (f"   {decision.impact:+.1f} reputation at once", ""),
                )
            )
            words = self.words.get(index)
            if words:  # the team's own words, and how they read
                lines.append(join("      “", (one_line(words.text), "italic"), "”"))
                lines.append(join(("      " + one_line(words.reading), "$text-accent")))
            for reason in decision.reasons[:3]:
                lines.append(join(("      " + one_line(reason), "$text-muted")))
        biggest = getattr(self.debrief, "biggest_changes", ())
        if biggest:
            lines.append(Content.styled("The biggest swings of the game", "bold"))
            for change in biggest[:6]:
                lines.append(join((f"  turn {change.turn}: ", "$text-muted"), (one_line(change.describe()), "")))
        return Content("\n").join(lines)

    def _carriers(self) -> Content:
        """Who carried the storm (game.engine.carriers), beside what the player did about them."""
        found = getattr(self.debrief, "carriers", None)
        if found is None or not found.amplifiers:
            return Content("")
        lines = [
            Content.styled("Who carried the storm", "bold $text-accent"),
            Content.styled("The loudest voices: their posts' reach, as the Reach meter counts it", "bold"),
        ]
        lines += [line for carrier in found.amplifiers for line in _carrier_lines(carrier)]
        answered = sum(1 for c in found.amplifiers if c.replies)
        lines.append(Content.styled(f"  You answered {answered} of these {len(found.amplifiers)}.", "$text-muted"))
        if found.bridges:
            lines.append(Content.styled("The bridges: who carried it from one community into another", "bold"))
            lines += [line for carrier in found.bridges for line in _carrier_lines(carrier, bridge=True)]
        if found.flows:
            lines.append(Content.styled("Where it flowed", "bold"))
            lines += [
                join(
                    "  ",
                    (one_line(f.source), ""),
                    (" → ", "$text-muted"),
                    (one_line(f.target), ""),
                    (f": {followers(f.reached)} people reached", "$text-muted"),
                )
                for f in found.flows
            ]
        return Content("\n").join(lines)

    def _what_ifs(self) -> Content:
        lines = [Content.styled("What if…", "bold $text-accent")]
        if not self.debrief.what_ifs:
            lines.append(Content("No decision to replay differently."))
        for what in self.debrief.what_ifs:
            better = what.alt_reputation - what.player_reputation
            verdict = "better" if better > 0.5 else "worse" if better < -0.5 else "about the same"
            lines.append(join((f"{what.time:%a %H:%M}  ", "$text-muted"), (one_line(what.label), "bold")))
            lines.append(
                Content(
                    f"      reputation {what.alt_reputation:.0f} instead of {what.player_reputation:.0f} ({verdict}); "
                    f"{what.alt_posts} posts instead of {what.player_posts}; ending: {one_line(what.alt_outcome)}"
                )
            )
        return Content("\n").join(lines)

    def _history(self) -> Content:
        d = self.debrief
        lines = [lit(d.benchmark, "bold $text-accent"), lit(d.summary)]
        for entry in d.timeline:
            lines.append(join((f"  {entry.at:%a %d %b %H:%M}  ", "$text-muted"), (one_line(entry.text), "")))
        return Content("\n").join(lines)

    def _lessons(self) -> Content:
        lines = [Content.styled("Lessons from your game", "bold $text-accent")]
        if not self.debrief.lessons:
            lines.append(Content("No particular lesson was triggered."))
        for lesson in self.debrief.lessons:
            lines.append(join("  • ", (lesson.text, "")))
            if lesson.source:
                lines.append(join(("    source: " + one_line(lesson.source), "$text-muted")))
        questions = getattr(self.debrief, "questions", ())
        if questions:
            lines.append(Content.styled("For discussion", "bold"))
            lines += [join("  ? ", (q, "")) for q in questions]
        return Content("\n").join(lines)

    def _sources(self) -> Content:
        lines = [Content.styled("Sources", "bold $text-accent")]
        lines += [join("  ", (one_line(s), "")) for s in self.debrief.sources] or [Content("  (none listed)")]
        lines.append(Content(""))
        lines.append(seed_line(getattr(self.app, "scenario_ref", None) or self.game.scenario.id, self.game.seed))
        lines.append(Content.styled("q quit · t back to the title screen · ↑↓ scroll", "$text-muted"))
        return Content("\n").join(lines)


def _carrier_lines(carrier, bridge: bool = False) -> list[Content]:
    """One carrier in two lines: who, and what they did and what the player did about them."""
    who = f"@{one_line(carrier.handle)}"
    group = "" if carrier.key or carrier.accounts <= 1 else f" and {carrier.accounts - 1} accounts like it"
    kind = "named account" if carrier.key else "crowd"
    head = join(
        "  ", (who, "bold"), group, (f"  {one_line(carrier.community)} · {carrier.stance} · {kind}", "$text-muted")
    )
    posts = "post" if carrier.posts == 1 else "posts"
    if bridge and carrier.into:
        did = (
            f"{carrier.posts} {posts}; {carrier.outside_share:.0%} of the {followers(carrier.reached)} "
            f"people reached were in {' and '.join(one_line(c) for c in carrier.into)}"
        )
    else:
        did = f"{carrier.posts} {posts} reached {followers(carrier.reached)} people"
        if carrier.outside_share >= 0.005:
            did += f", {carrier.outside_share:.0%} outside its community"
    you = f"you replied ({', '.join(carrier.replies)})" if carrier.replies else "you never answered"
    return [head, join("      ", (did, ""), ("  — ", "$text-muted"), (you, "bold" if carrier.replies else ""))]
