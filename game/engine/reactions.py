"""The crowd's cheap reactions on a video platform: likes and dislikes, and response videos.

A scenario whose ``platform`` is video puts the crisis under one video.  The spread model's posts
are its comments (or, once the comments are held, posts about it on other sites); beside them the
same exposures move far more people to click like or dislike, because a click costs nothing
(``params.reactions.clicks_per_post`` per post, each account clicking once), and a few to answer with
a video of their own (parodies).  Critics dislike, supporters like, onlookers click the way the
visible count leans (herding).  The visible count is itself news; a hidden count is not, but hiding
it after the storm is.  A microblog game never calls this module, so its figures cannot move.

Pure: every draw from the game's generator, no I/O, no clock.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from game.engine.stance import Stance
from game.engine.state import Post, Reactions, VideoStatus
from game.engine.world import World


def on_video(w: World) -> bool:
    return w.scenario.platform == "video"


@dataclass(frozen=True)
class VideoTurn:
    """What the video drew in one turn."""

    reactions: Reactions
    news: float
    """Impressions of spectacle the visible count gives the press this turn."""


def react(w: World, crowd_posts: np.ndarray) -> VideoTurn:
    """The turn's likes, dislikes and response videos, from the posts each account made (``crowd_posts``,
    the organisation's own left out).  Counts go on the world; the press's share is returned."""
    rp, graph, rng = w.params.reactions, w.graph, w.rng
    if w.rated is None:
        w.rated = np.zeros(graph.size)
    likes = dislikes = 0
    if not w.ratings_off_turn and not w.private_turn:
        posters = np.flatnonzero(crowd_posts)
        stance = graph.stance[posters]
        rate = np.where(stance == Stance.NEUTRAL, rp.clicks_per_post * rp.onlooker_clicks, rp.clicks_per_post)
        room = np.maximum(graph.weight[posters] - w.rated[posters], 0.0)
        clicks = np.minimum(rng.poisson(rate * crowd_posts[posters]), np.floor(room)).astype(np.int64)
        w.rated[posters] += clicks
        dislikes = int(clicks[stance == Stance.HOSTILE].sum())
        likes = int(clicks[stance == Stance.SUPPORTIVE].sum())
        onlookers = int(clicks[stance == Stance.NEUTRAL].sum())
        if onlookers:
            leaning = onlooker_dislike_share(w.likes + likes, w.dislikes + dislikes, rp.herding)
            down = int(rng.binomial(onlookers, leaning))
            dislikes += down
            likes += onlookers - down
    stance = graph.stance
    talk = float(crowd_posts[stance != Stance.SUPPORTIVE].sum())
    responses = int(rng.poisson(rp.response_per_post * talk))
    if responses:
        w.spread.add_outside_exposure(responses * rp.response_views * rp.response_look)
    w.likes += likes
    w.dislikes += dislikes
    w.last_dislikes = dislikes
    w.response_videos += responses
    return VideoTurn(Reactions(likes, dislikes, responses), dislikes * rp.count_news)


def onlooker_dislike_share(likes: int, dislikes: int, herding: float) -> float:
    """The share of onlookers' clicks that are dislikes: the visible count's lean, pulled toward its
    majority (an even count stays even; 97% dislikes become nearly all)."""
    total = likes + dislikes
    if total == 0:
        return 0.5
    lean = dislikes / total
    power = 1.0 + herding
    return float(lean**power / (lean**power + (1.0 - lean) ** power))


def status(w: World) -> VideoStatus | None:
    """The video's counts and switches for the game's state (None on a microblog)."""
    if not on_video(w):
        return None
    return VideoStatus(
        reactions=Reactions(w.likes, w.dislikes, w.response_videos),
        ratings_shown=not w.ratings_off_turn,
        comments_open=not w.comments_held,
        public=not w.private_turn,
    )


def response_video_posts(w: World, turn: VideoTurn, crowd_posts: np.ndarray) -> list[Post]:
    """A response video or two for the feed, when the turn had any: made by accounts that posted."""
    shown = min(turn.reactions.response_videos, 2)  # not a parameter: how many the feed shows
    if not shown:
        return []
    graph, rng = w.graph, w.rng
    first_key = graph.org_node - len(graph.key_index)
    makers = np.flatnonzero(crowd_posts[:first_key])
    makers = makers[graph.stance[makers] != Stance.SUPPORTIVE]
    if not makers.size:
        return []
    posts = []
    titles = w.scenario.templates.fills.get("response_video")
    for node in rng.choice(makers, size=min(shown, makers.size), replace=False):
        stance = "hostile" if graph.stance[node] == Stance.HOSTILE else "neutral"
        words = w.text.fill("{response_video}") if titles else w.text.text(stance, set())
        handle = w.text.handle_for(int(node))
        views = int(rng.poisson(w.params.reactions.response_views))
        posts.append(
            Post(
                w.next_post_id(),
                w.turn,
                w.turn_start(),
                handle,
                w.text.display_name(handle),
                int(graph.followers[node]),
                f"[Response video] {words}",
                stance,
                views,
                0,
                "response",
            )
        )
    return posts


def decades(count: float, scale: float) -> float:
    """log10(1 + count / scale): how loud a number is."""
    return math.log10(1.0 + count / scale)
