"""Suite-wide fixtures (no test ever writes into the user's real data directory) and the slow lane.

`python -m pytest` runs everything, as CI does; `python -m pytest -m "not slow"` is the fast lane
for a developer: it leaves out the calibration runs, the walk through every built-in scenario in the
app, the property test that plays random scenarios, the multi-process and browser workshops, and
single tests of 0.7 s or more (the README gives the lane's time).  The list is here, in one place, so a
new slow file or test is one line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent

# Whole files of slow tests (relative to tests/).
SLOW_FILES = (
    "scenarios/",  # every calibration: whole games, several seeds
    "engine/test_caused_storms.py",  # counterfactuals over every built-in
    "engine/test_calibration_askjpm.py",
    "ui/test_every_scenario.py",  # each built-in from the title screen to its debrief
    "workshop/test_workshop_multiprocess.py",
    "workshop/test_workshop_browser.py",
)
# Single tests that took 0.7 s or more each on the shared 2-core machine (2026-11-29, three `--durations`
# runs), by file: mostly Pilot tests that type or play several turns (Pilot waits for the screen after
# every key), whole games replayed from logs, hypothesis and the type checker.  The fast lane keeps each
# file's quicker tests, so every part of the game still has some (and, on purpose, one Pilot test of a
# workshop team's screen and one of the dashboard).  tests/test_slow_lane.py checks every name exists.
SLOW_TESTS: dict[str, tuple[str, ...]] = {
    "engine/test_derived_audience.py": ("test_a_derived_game_is_deterministic_and_the_grievance_drives_it",),
    "ui/test_video_screen.py": ("test_a_video_shows_its_counts_and_its_comments_then_posts_elsewhere",),
    "ui/test_keys_fast.py": (
        "test_one_reply_composer_is_aimed_at_each_post_as_a_new_one_would_be",
        "test_the_statement_screen_opened_again_starts_as_a_new_one",
        "test_the_game_is_kept_out_of_full_collections_while_it_is_played",
        "test_help_opened_again_shows_the_page_as_it_is_now_from_its_top",
        "test_a_turns_figures_redraw_the_dashboard_without_a_layout",
    ),
    "engine/test_carriers.py": (
        "test_amplifiers_are_ranked_by_the_reach_the_game_counts",
        "test_bridges_carry_the_storm_into_other_communities",
        "test_carriers_are_deterministic_and_fast",
        "test_what_the_player_did_about_a_carrier_is_shown",
    ),
    "engine/test_ending_why.py": (
        "test_attacking_statement_still_decides_askjpm",
        "test_every_builtin_ending_is_explained_in_words_not_names",
        "test_one_dismissive_reply_in_a_good_askjpm_game_is_named_not_called_a_fight",
    ),
    "engine/test_engine.py": (
        "test_a_cancelled_campaign_leaves_no_deadline_to_beat",
        "test_a_long_turn_of_trending_jokes_draws_the_press_even_if_it_ebbs_by_night",
        "test_a_trending_storm_of_jokes_draws_the_press_without_anger",
        "test_a_trending_tag_draws_half_the_glances_after_a_day_of_trending",
        "test_each_crowd_keeps_the_daily_rhythm_of_its_own_clock",
        "test_extreme_numbers_in_a_scenario_stay_bounded",
        "test_posts_rush_in_before_a_deadline_and_ease_once_it_passes",
        "test_the_player_is_told_once_when_the_tag_turns_into_old_news",
        "test_the_press_follows_up_a_move_and_only_a_new_round_makes_the_tag_new_again",
    ),
    "engine/test_engine_properties.py": (
        "test_any_valid_numbers_play_to_an_ending_with_sane_meters",  # hypothesis plays whole games (26 s)
    ),
    "engine/test_press_cycle_and_promotion.py": (
        "test_a_weekly_title_runs_its_piece_a_day_after_the_storm_passed_its_threshold",
    ),
    "engine/test_simulate_cli.py": (
        "test_posts_by_day_share_a_turn_across_midnight_by_its_hours_and_add_up",
        "test_the_balance_report_names_situational_posts_whose_time_never_comes",
        "test_the_balance_report_names_what_an_author_should_look_at",
        "test_the_balance_report_says_never_tried_for_an_action_no_strategy_took",
        "test_the_same_seed_gives_the_same_output_serial_or_parallel",
        "test_the_table_is_for_people_and_errors_are_usage",
    ),
    "reports/test_comparison.py": ("test_a_lesson_some_teams_got_is_said_once_with_every_team_that_got_it",),
    "reports/test_report.py": (
        "test_an_unfinished_game_is_reported_up_to_where_it_stopped",
        "test_both_reports_say_why_this_ending",
        "test_markdown_goes_to_stdout_without_output_file",
        "test_scenario_and_player_text_is_escaped_in_html",
        "test_the_html_report_has_every_section_and_three_charts",
        "test_the_html_report_is_self_contained_and_runs_nothing",
        "test_the_markdown_report_has_every_section_and_escapes_text",
        "test_the_markdown_report_reads_as_plain_text_too",
    ),
    "scenario/test_cli.py": ("test_version_list_and_validate_do_not_import_heavy_modules",),
    "scenario/test_expr.py": ("test_no_input_makes_parse_raise_anything_but_an_expression_error",),
    "scenario/test_hostile_input.py": ("test_a_file_validate_accepts_plays_to_its_end_whatever_its_numbers",),
    "scenario/test_library.py": (
        "test_an_unknown_name_lists_the_builtins",
        "test_builtins_resolve_by_id_and_carry_list_fields",
    ),
    "scenario/test_loader.py": ("test_too_many_values_are_refused",),
    "scenario/test_properties.py": (
        "test_changing_a_character",
        "test_deleting_a_line",
        "test_prefixing_a_line",
        "test_swapping_two_lines",
    ),
    "scenario/test_schema.py": (
        "test_every_built_in_passes_the_schema_as_an_editor_reads_it",
        "test_the_schema_and_the_loader_agree_on_every_way_of_writing_a_time",
    ),
    "sessions/test_bundle_and_commands.py": (
        "test_an_exported_game_imports_where_the_scenario_is_missing",
        "test_commands_exit_1_on_bad_input_and_2_on_bad_usage",
    ),
    "sessions/test_hostile_logs.py": (
        "test_an_import_that_fails_half_way_leaves_nothing_behind",
        "test_import_into_a_data_folder_that_cannot_be_written_says_what_and_where",
        "test_restore_refuses_a_game_the_engine_cannot_play",
        "test_restoring_asks_for_the_whole_state_once_a_turn_not_once_a_line",
    ),
    "sessions/test_resume.py": (
        "test_a_changed_scenario_is_refused_with_an_offer_when_every_action_still_applies",
        "test_a_changed_scenario_that_refuses_an_action_says_which",
        "test_a_game_from_an_older_bashtag_that_replays_differently_says_which_versions",
        "test_a_hand_edited_line_stops_the_replay_where_it_is",
        "test_a_kill_in_a_turns_end_line_goes_back_to_the_previous_turn",
        "test_a_kill_in_the_middle_of_a_line_loses_only_that_line",
        "test_a_missing_scenario_is_a_plain_error",
        "test_an_action_the_engine_fails_on_ends_in_a_message_and_the_game_before_it",
        "test_an_edited_figure_is_caught_and_the_game_goes_back_to_the_turn_before",
        "test_continue_offers_the_latest_unfinished_game_and_records_on",
        "test_recording_carries_on_after_a_resume_from_the_good_part",
        "test_the_ui_can_start_recording_from_a_built_in_id",
    ),
    "sessions/test_ui_recording.py": ("test_a_game_played_in_the_app_is_recorded_and_resumes_the_same",),
    "test_types.py": (
        "test_mypy_finds_no_type_error",  # mypy over the whole package (30 s cold)
    ),
    "ui/test_app_resume.py": (
        "test_a_game_killed_mid_turn_resumes_with_the_same_figures_and_feed",
        "test_continue_names_a_built_in_case_by_its_title_and_a_file_by_its_id",
        "test_resuming_opens_the_play_screen_at_the_saved_turn",
    ),
    "ui/test_compose.py": (
        "test_a_draft_started_from_a_prepared_statement_is_still_that_statement_when_sent_later",
        "test_a_prepared_statement_sent_unchanged_is_the_prepared_one_and_edited_it_is_read",
        "test_a_reply_longer_than_280_characters_is_counted_and_not_sent",
        "test_a_reply_typed_in_your_own_words_is_read_against_the_post_and_sent_addressed",
        "test_a_statement_typed_in_your_own_words_shows_its_reading_and_goes_out_as_written",
        "test_a_tone_loads_the_scenarios_words_which_sent_unchanged_are_that_tone",
        "test_escape_backs_out_and_keeps_the_draft_for_next_time",
        "test_hostile_markup_and_escapes_typed_or_pasted_are_shown_literally_and_cannot_act",
        "test_the_composer_fits_80_by_24_with_the_reading_and_the_send_key_in_view",
        "test_the_debrief_shows_the_words_the_team_wrote_and_how_they_read",
        "test_the_editor_has_the_focus_so_a_burst_of_keys_arrives_whole_and_in_order",
        "test_words_that_cannot_be_read_get_the_plain_reason_and_are_not_sent",
    ),
    "ui/test_debrief_feedback.py": ("test_the_debrief_says_why_this_ending_under_the_ending",),
    "ui/test_first_frame.py": (
        "test_enter_before_the_game_is_built_waits_for_it_and_starts_the_seeds_game",
        "test_the_title_list_read_from_the_heads_is_the_library_list",
        "test_a_scenario_that_fails_its_full_load_behind_the_briefing_ends_with_its_problems",
    ),
    "ui/test_help.py": ("test_the_help_page_reads_the_figures_of_the_game_being_played",),
    "ui/test_hostile_text.py": (
        "test_an_engine_error_at_a_turns_end_is_said_and_the_app_lives",
        "test_hostile_text_is_shown_as_written_through_a_whole_game",
    ),
    "ui/test_layout_words.py": (
        "test_the_action_bar_keeps_whole_action_names_on_a_wide_screen",
        "test_the_delete_picker_shows_whole_posts",
    ),
    "ui/test_listening_screen.py": (
        "test_crowd_anger_is_on_the_dashboard",
        "test_the_listenings_findings_show_when_the_team_listens_and_again_at_the_turns_end",
    ),
    "ui/test_play.py": (
        "test_a_header_too_long_for_80_columns_ends_in_an_ellipsis_on_one_line",
        "test_a_new_turn_replaces_last_turns_event_toasts_but_not_the_facilitators_or_a_save_warning",
        "test_a_turn_of_two_and_a_half_hours_is_not_called_two",
        "test_a_whole_mini_game_from_briefing_to_debrief",
        "test_actions_are_in_the_command_palette",
        "test_askjpm_smoke_a_few_turns_at_80x24",
        "test_at_80_columns_the_feed_title_shortens_but_still_says_these_are_the_top_posts",
        "test_help_explains_meters_and_why_they_moved",
        "test_quitting_mid_game_asks_first",
        "test_the_action_bar_fits_a_narrow_terminal_without_cutting_words",
        "test_the_feed_title_names_the_stretch_of_time_the_feed_covers",
        "test_title_lists_scenarios_by_difficulty_and_opens_the_briefing",
        "test_toasts_from_an_earlier_turn_give_way_when_turns_go_by_fast",
    ),
    "ui/test_prebuilt_game.py": (
        "test_a_new_game_of_the_same_scenario_and_seed_starts_from_the_prebuilt_one",
        "test_another_seed_builds_its_own",
    ),
    "ui/test_redraw.py": ("test_an_action_keeps_the_feed_and_a_turn_replaces_it",),
    "ui/test_seed.py": (
        "test_a_seed_given_is_kept_for_every_game_from_the_title",
        "test_each_new_game_from_the_title_draws_a_fresh_seed",
        "test_the_seed_is_shown_on_the_briefing_the_help_and_the_debrief",
    ),
    "ui/test_snapshots.py": (
        "test_debrief_snapshot",
        "test_mid_crisis_play_snapshot",
        "test_statement_screen_snapshot",
    ),
    "ui/test_tag_words.py": (
        "test_a_joined_tag_is_worded_as_joined_on_the_briefing_and_the_actions",
        "test_a_launched_campaign_keeps_its_words",
    ),
    "ui/test_toasts.py": (
        "test_a_toast_does_not_cover_the_reply_composer_at_80x24",
        "test_the_last_turns_events_do_not_toast_over_the_debrief",
    ),
    "ui/test_tutorial_coach.py": (
        "test_other_scenarios_have_no_coach",
        "test_the_tutorial_coaches_the_first_actions_from_the_first_turn",
    ),
    "ui/test_what_happened.py": (
        "test_a_deleted_post_is_marked_in_the_feed",
        "test_a_turns_reach_is_explained_where_it_is_shown",
        "test_the_events_log_drops_its_placeholder_once_something_happened",
        "test_the_reputation_arrow_follows_an_action_at_once",
    ),
    "words/test_read_command.py": ("test_scenario_says_what_the_crisis_calls_for_and_reads_its_grievance",),
    "words/test_reader_properties.py": (
        "test_trailing_punctuation_does_not_flip_a_reading",
        "test_very_long_text_is_read_to_its_cap_and_says_so",
    ),
    "workshop/test_workshop_answers.py": (
        "test_the_report_says_who_answered_the_inject",
        "test_a_video_workshop_shows_each_teams_dislikes_on_the_dashboard_and_in_status",
        "test_the_dashboards_timeline_shows_answered_beside_received",
    ),
    "workshop/test_workshop_layering.py": ("test_only_the_store_module_talks_to_sqlite",),
    "workshop/test_workshop_screens.py": (
        "test_a_team_sees_a_pause_the_timer_and_its_own_wait_at_once_and_may_take_its_end_turn_back",
        "test_a_teams_event_list_shows_an_inject_once",
        "test_after_the_end_nothing_more_is_written_to_a_teams_game",
        "test_dashboard_opens_the_next_turn_and_injects_to_one_team",
        "test_dashboard_typed_inject_to_all_teams",
        "test_ending_the_workshop_asks_first_and_then_refuses_new_turns",
        "test_the_dashboard_keeps_polling_while_the_inject_dialog_is_open",
        "test_the_dashboard_tells_true_states_notes_observations_and_switches_lockstep_on",
        "test_the_facilitator_scores_a_team_on_the_objectives_and_the_report_shows_it",
        "test_the_inject_dialog_schedules_for_a_turn_and_the_dashboard_shows_the_timeline",
        "test_the_inject_dialog_shows_what_an_inject_does_and_u_takes_it_back",
        "test_the_join_screen_refuses_a_wrong_code_and_accepts_a_right_one",
        "test_the_turn_timer_opens_the_next_turn_when_it_runs_out",
    ),
    "workshop/test_workshop_serve.py": (
        "test_served_teams_are_forked_from_one_preloaded_server_and_play",
        "test_the_page_loads_nothing_from_outside_and_says_so_in_its_policy",
        "test_the_socket_refuses_pages_of_other_sites_and_caps_live_windows",
    ),
    "workshop/test_workshop_store.py": ("test_an_inject_is_scheduled_at_the_turn_a_simulated_time_falls_in",),
}


def pytest_collection_modifyitems(config, items):
    for item in items:
        path = Path(str(item.fspath)).resolve()
        relative = path.relative_to(HERE).as_posix() if path.is_relative_to(HERE) else ""
        if relative.startswith(SLOW_FILES) or item.originalname in SLOW_TESTS.get(relative, ()):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("BASHTAG_DATA_DIR", str(tmp_path_factory.mktemp("bashtag-data")))
