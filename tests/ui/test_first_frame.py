"""The first frame comes first (issue 21 target 1): the briefing and the title screen are drawn from
the scenario files' heads, without pydantic, numpy or the engine; the full scenario and the game are
built behind the briefing, and the game that starts is the very game the seed gives."""

from __future__ import annotations

import subprocess
import sys
import threading

from game.engine.game import Game
from game.scenario import library
from game.scenario.problems import Problem, ScenarioError
from game.ui import catalogue
from game.ui.app import BashtagApp
from game.ui.screens.briefing import BriefingScreen, briefing_facts
from game.ui.screens.play import PlayScreen


def test_the_first_frame_imports_neither_pydantic_nor_numpy_nor_the_engine():
    probe = (
        "import sys\n"
        "from game.commands.play import _builtin_file\n"
        "from game.ui.app import BashtagApp\n"
        "from game.ui.screens.briefing import briefing_facts\n"
        "from game.ui import catalogue\n"
        "assert briefing_facts(_builtin_file('askjpm')) is not None\n"
        "assert catalogue.builtin()\n"
        "print(sorted(m for m in ('pydantic', 'numpy', 'networkx', 'game.engine', 'game.scenario.models')"
        " if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_the_briefing_read_from_the_head_says_what_the_full_scenario_says():
    for info in library.builtin_scenarios():
        facts, full = briefing_facts(info.path), library.load(info.path)
        assert facts is not None, info.id
        for field in ("id", "title", "date", "difficulty"):
            assert getattr(facts, field) == getattr(full, field), (info.id, field)
        for part, fields in {
            "role": ("title", "briefing", "objectives"),
            "organisation": ("name", "handle", "followers", "reputation", "crisis_type"),
            "campaign": ("hashtag", "tag", "announcement"),
        }.items():
            for field in fields:
                seen, truth = getattr(getattr(facts, part), field), getattr(getattr(full, part), field)
                assert seen == truth, (info.id, part, field)
        assert [(h.year, h.what) for h in facts.organisation.history] == [
            (h.year, h.what) for h in full.organisation.history
        ]
        assert [p.turns for p in facts.clock.phases] == [p.turns for p in full.clock.phases]


def test_the_title_list_read_from_the_heads_is_the_library_list():
    assert [(e.id, e.title, e.year, e.difficulty, e.summary, e.path) for e in catalogue.builtin()] == [
        (i.id, i.title, i.year, i.difficulty, i.summary, i.path) for i in library.builtin_scenarios()
    ]


def test_built_in_scenarios_are_named_for_their_ids():
    # `bashtag play ID` finds a built-in's file by its name without reading every built-in.
    from game.commands.play import _builtin_file

    for info in library.builtin_scenarios():
        assert _builtin_file(info.id) == info.path


def test_a_file_not_plainly_well_formed_is_loaded_in_full_first(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text((library.builtin_dir() / "askjpm.yaml").read_text().replace("difficulty: hard", "difficulty: 3"))
    assert briefing_facts(broken) is None


async def test_enter_before_the_game_is_built_waits_for_it_and_starts_the_seeds_game():
    path = library.builtin_dir() / "askjpm.yaml"
    gate = threading.Event()

    def slow_load():
        gate.wait(10)  # the player is quicker than the load
        return library.load(path)

    app = BashtagApp(scenario=briefing_facts(path), seed=7, load_scenario=slow_load)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause(0.2)
        assert isinstance(app.screen, BriefingScreen)
        assert app._preparation is not None and not app._preparation.done.is_set()
        threading.Timer(0.3, gate.set).start()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        game = app.controller.game
        same = Game(library.load(path), 7)
        assert game is not None and type(app.scenario).__name__ == "Scenario"
        for _ in range(3):
            game.end_turn()
            same.end_turn()
        assert repr(game.state) == repr(same.state)  # frozen dataclasses: the same game, field by field


async def test_a_scenario_that_fails_its_full_load_behind_the_briefing_ends_with_its_problems():
    path = library.builtin_dir() / "askjpm.yaml"

    def failing_load():
        raise ScenarioError([Problem("askjpm.yaml", 3, 1, "posts", "something the head did not show")])

    app = BashtagApp(scenario=briefing_facts(path), seed=7, load_scenario=failing_load)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
    assert app.return_code == 1
    assert "something the head did not show" in str(app.load_error)


async def test_the_title_screen_is_the_first_screen_itself_styled_by_its_own_css():
    # Pushed over Textual's blank default screen, the title was laid out and rendered twice before the
    # first frame and its CSS re-parsed every stylesheet; as the default screen, its CSS must be read
    # with the app's (Textual does not read a default screen's CSS_PATH).
    from textual.css.stylesheet import Stylesheet

    from game.ui.screens.title import TitleScreen

    reparsed = []
    original = Stylesheet.reparse
    app = BashtagApp.for_title(seed=1)
    try:
        Stylesheet.reparse = lambda self: (reparsed.append(self), original(self))[1]
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            assert [type(screen) for screen in app.screen_stack] == [TitleScreen]
            assert not reparsed
            box = app.screen.query_one("#title-box")
            assert box.styles.border_top[0] == "heavy" and box.styles.max_width.value == 90  # title.tcss
            await pilot.press("enter")  # the first scenario's briefing, over the title
            await pilot.pause()
            assert isinstance(app.screen, BriefingScreen)
            assert app.screen.query_one("#briefing-title").styles.margin.bottom == 1  # briefing.tcss
    finally:
        Stylesheet.reparse = original


async def test_the_briefing_is_the_first_screen_and_enter_still_plays_the_seeds_game():
    path = library.builtin_dir() / "askjpm.yaml"
    app = BashtagApp(scenario=briefing_facts(path), seed=3, load_scenario=lambda: library.load(path))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert [type(screen) for screen in app.screen_stack] == [BriefingScreen]
        assert app.screen.query_one("#briefing-title").styles.margin.bottom == 1  # briefing.tcss
        app._preparation.done.wait(30) if app._preparation is not None else None
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        assert app.controller.game.seed == 3
        await pilot.press("q")  # the quit dialog goes over the play screen, not the briefing below it
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmScreen"


def test_continue_names_a_built_in_case_without_reading_every_built_in_in_full(monkeypatch, tmp_path):
    # The "Continue" item is drawn in the title's first frame: reading the ten files in full to name
    # the case cost 0.1 s there.
    from game.commands.play import record_new_game, saved_game_to_continue

    monkeypatch.setenv("BASHTAG_DATA_DIR", str(tmp_path))
    record_new_game("justine", library.load("justine"), 1).close()

    def no_full_reads(*args, **kwargs):
        raise AssertionError("a built-in scenario was read in full")

    monkeypatch.setattr(library, "builtin_scenarios", no_full_reads)
    monkeypatch.setattr(library, "load", no_full_reads)
    label, _ = saved_game_to_continue(catalogue.builtin())
    assert label.startswith("#HasJustineLandedYet, turn 1 ")
    label, _ = saved_game_to_continue()
    assert label.startswith("#HasJustineLandedYet, turn 1 ")


def test_a_command_line_is_parsed_by_its_command_alone_with_the_same_help_and_errors():
    from game.cli import COMMANDS, build_parser

    full = build_parser()
    for command in COMMANDS:
        alone = build_parser(only=command)
        helps = [
            next(a for a in parser._actions if a.dest == "command").choices[command].format_help()
            for parser in (full, alone)
        ]
        assert helps[0] == helps[1], command
    probe = (
        "import sys\n"
        "from game.cli import build_parser\n"
        "build_parser(only='play').parse_args(['play', 'askjpm', '--seed', '3'])\n"
        "print(sorted(m for m in sys.modules if m.startswith('game.commands.')))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "['game.commands.play']"
