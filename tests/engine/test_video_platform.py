"""A crisis on a video platform (issue 22): the crowd rates the video far more often than it writes
about it; holding the comments, turning the ratings off and making the video private each have their
cost and consequence; a microblog game knows nothing of any of it."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from game.engine import ActionNotAllowed, Game
from game.engine.actions import DisableRatings, HoldComments, MakePrivate
from game.engine.simulate import play
from game.scenario.library import load
from game.scenario.models import Scenario

HERE = Path(__file__).parent
VIDEO_ACTIONS = {"hold_comments", "disable_ratings", "make_private"}


@pytest.fixture(scope="module")
def mini() -> Scenario:
    return Scenario.model_validate(yaml.safe_load((HERE / "mini.yaml").read_text()))


@pytest.fixture(scope="module")
def perry() -> Scenario:
    return load("perrystrong")


def turns(game: Game, count: int) -> Game:
    for _ in range(count):
        game.end_turn()
    return game


def test_a_microblog_game_has_no_video_and_no_video_actions(mini):
    game = turns(Game(mini, seed=1), 3)
    assert game.state.video is None
    assert all(record.reactions is None for record in game.state.history)
    assert not VIDEO_ACTIONS & {option.kind for option in game.available_actions()}
    with pytest.raises(ActionNotAllowed, match="no such action on a microblog platform"):
        game.apply(DisableRatings())


def test_a_video_game_offers_the_video_actions_and_not_the_campaign_queue(perry):
    kinds = {option.kind for option in Game(perry, seed=1).available_actions()}
    assert VIDEO_ACTIONS <= kinds
    assert not {"pause", "resume", "cancel"} & kinds


def test_the_crowd_rates_the_video_far_more_often_than_it_posts(perry):
    game = turns(Game(perry, seed=1), 4)
    video = game.state.video
    assert video is not None and video.ratings_shown and video.public
    posts = game.state.total_posts
    assert posts > 0
    assert video.reactions.dislikes + video.reactions.likes >= 5 * posts
    assert video.reactions.dislikes > 10 * video.reactions.likes  # critics dislike; few supporters like
    assert sum(r.reactions.dislikes for r in game.state.history) == video.reactions.dislikes


def test_ratings_off_at_once_leave_no_count_and_no_story_and_the_same_crowd(perry):
    left_on, turned_off = Game(perry, seed=4), Game(perry, seed=4)
    changes = turned_off.apply(DisableRatings())
    assert changes == ()  # nothing to hide yet: no press, no reputation cost
    first_on, first_off = left_on.end_turn().record, turned_off.end_turn().record
    assert first_off.reactions.dislikes == 0 and first_on.reactions.dislikes > 0
    # The grievance is untouched: the crowd posts and seethes exactly as without the switch.
    assert (first_off.posts, first_off.negative_posts, first_off.anger) == (
        first_on.posts,
        first_on.negative_posts,
        first_on.anger,
    )
    turns(turned_off, 3)
    assert turned_off.state.video.reactions.dislikes == 0
    with pytest.raises(ActionNotAllowed, match="already off"):
        turned_off.apply(DisableRatings())


def test_turning_ratings_off_after_the_storm_is_a_story(perry):
    game = turns(Game(perry, seed=1), 12)  # past Thursday morning: the count is in the hundreds of thousands
    counted = game.state.video.reactions.dislikes
    assert counted > 10_000
    changes = game.apply(DisableRatings())
    assert any(c.meter == "press" and c.delta > 0 and "hiding a count" in c.reason for c in changes)
    assert any(c.meter == "reputation" and c.delta < 0 for c in changes)
    assert any(e.id == "ratings-off" and f"{counted:,}" in e.text for e in game.state.events)
    turns(game, 2)
    assert game.state.video.reactions.dislikes == counted  # the count stops where it was hidden


def test_holding_the_comments_moves_the_talk_elsewhere(perry):
    game = Game(perry, seed=2)
    game.apply(HoldComments())
    turns(game, 2)
    assert not game.state.video.comments_open
    assert game.state.history[-1].posts > 0  # the crowd still talks, on other sites
    with pytest.raises(ActionNotAllowed, match="already held"):
        game.apply(HoldComments())


def test_a_private_video_gathers_no_more_ratings_and_is_called_off(perry):
    game = turns(Game(perry, seed=1), 2)
    game.apply(MakePrivate())
    before = game.state.video.reactions.dislikes
    turns(game, 3)
    state = game.state
    assert not state.video.public and state.campaign == "cancelled"
    assert state.video.reactions.dislikes == before
    assert any(e.id == "made-private" for e in state.events)
    assert "private" in next(o for o in game.available_actions() if o.kind == "disable_ratings").reason


def test_simulate_json_carries_reactions_on_a_video_platform_only(mini, perry):
    video = play(perry, "ratings-off-at-once", 1).as_json()
    assert video["reactions"] == {"likes": 0, "dislikes": 0}
    assert all(set(row["reactions"]) == {"likes", "dislikes"} for row in video["timeline"])
    microblog = play(mini, "silent", 1).as_json()
    assert "reactions" not in microblog
    assert all("reactions" not in row for row in microblog["timeline"])


def test_the_video_itself_is_made_private_not_deleted(perry):
    from game.engine import Delete

    game = Game(perry, seed=1)
    [video] = game.state.org_posts
    delete = next(o for o in game.available_actions() if o.kind == "delete")
    assert not delete.available and "make it private" in delete.reason
    with pytest.raises(ActionNotAllowed, match="make it private"):
        game.apply(Delete(video.id))
