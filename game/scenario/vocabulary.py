"""The words a scenario may use: names readable in conditions, meters an effect may move, tones and
response strategies.  The engine implements exactly this vocabulary; validation checks against it.

Kept in the scenario package (not the engine) because it is part of the file format: an author reads
it in ``docs/authoring.md`` and the validator needs it without importing the engine.
"""

from __future__ import annotations

from typing import Literal, get_args

# Reply tones and the SCCT response posture each one expresses (Coombs 2007, research/models.md §M4).
TONES: dict[str, str] = {
    "empathetic": "rebuild",  # concern and sympathy for the person
    "apologetic": "rebuild",  # takes responsibility
    "informative": "inform",  # facts, next steps
    "humorous": "humour",  # plays along with the joke
    "boilerplate": "diminish",  # corporate template ("we value your feedback")
    "defensive": "diminish",  # justifies, explains it away
    "dismissive": "attack",  # trolls, bots, "so 2014"
}

# Response strategies, from most accommodating to most defensive.  "humour" is not an SCCT posture,
# but #WaitroseReasons and #AskJPM's "Bad idea" show that light self-mockery is a real option.
STRATEGIES: tuple[str, ...] = ("rebuild", "bolster", "inform", "humour", "diminish", "deny", "attack")

CRISIS_TYPES: tuple[str, ...] = ("victim", "accidental", "preventable")

STANCES: tuple[str, ...] = ("hostile", "neutral", "supportive")

# The built-in actions, once: the format's fields (models.py) take this type, and code that lists them
# reads BUILTIN_ACTIONS.
BuiltinAction = Literal[
    "reply",
    "statement",
    "pause",
    "resume",
    "cancel",
    "delete",
    "monitor",
    "escalate",
    "hold_comments",
    "disable_ratings",
    "make_private",
]
BUILTIN_ACTIONS: tuple[str, ...] = get_args(BuiltinAction)
# A strategy's step: a built-in action, a custom one, or waiting (a nested Literal flattens).
StepAction = Literal[BuiltinAction, "custom", "wait"]
# Whom a playbook's reply step answers, besides a handle: the loudest post (hostile first, then by
# reach), any hostile one, a named account's, or the latest, among the posts of the turn just ended.
ReplyTarget = Literal["loudest", "hostile", "influencer", "latest"]
REPLY_TARGETS: tuple[str, ...] = get_args(ReplyTarget)

# Where a crisis lives (a scenario's `platform`): the microblog every case used first (a hashtag,
# posts, reposts), or a video platform (one video, its comments, its like and dislike counts).
PLATFORMS: dict[str, str] = {
    "microblog": "a hashtag on a microblog (Twitter): posts, replies, reposts, a trending list",
    "video": "one video on a video platform (YouTube): its comments, its likes and dislikes, response videos",
}
# Built-in actions that exist on one platform only (the rest exist on both).  A microblog campaign
# has a queue to pause and a campaign to call off; a video has comments to hold, ratings to turn off
# and a video to make private (its way of calling it off).
PLATFORM_ACTIONS: dict[str, tuple[str, ...]] = {
    "microblog": ("pause", "resume", "cancel"),
    "video": ("hold_comments", "disable_ratings", "make_private"),
}


def platform_of_action(kind: str) -> str | None:
    """The one platform a built-in action exists on, or None when it exists on every platform."""
    return next((platform for platform, kinds in PLATFORM_ACTIONS.items() if kind in kinds), None)


# Keys the game itself uses on the play screen: a custom action may not take one.  o, n and v are
# the video actions' (comments Off, No ratings, hide the Video).
RESERVED_KEYS = frozenset("rspucdmxeqtonv?")

# The largest number a scenario may write, in a value or inside an expression, and the bound of
# what an expression computes.  Far beyond any real figure (the meters are 0-100; the biggest
# audience is a few billion), and far inside a float's range: a 400-digit number reads as
# infinity, and an infinite effect cannot be played.
MAX_NUMBER = 10**15

# Meters an effect may change.  All are 0-100.
METERS: dict[str, str] = {
    "reputation": "public standing of the organisation, 0-100",
    "press": "press attention: how close journalists are to writing the story, 0-100",
    "anger": "how aggrieved the hostile crowd is right now, 0-100",
    "invitation": "how loudly the campaign invites the public to post, 0-100",
}
# Effect keys that are not meters: one-off pushes into the world.
EFFECT_KEYS: dict[str, str] = {
    **METERS,
    "exposure": "accounts outside the follower graph who see the hashtag now (a TV segment, a big story)",
}

# Names readable in conditions, with what they mean (docs/authoring.md is generated from this).
NAMES: dict[str, str] = {
    "turn": "the current turn, from 1",
    "turns_total": "the number of turns in the scenario",
    "hour": "the simulated local hour of day, 0-23.99",
    "day": "days since the scenario's start, from 0",
    "reputation": "reputation now, 0-100",
    "reputation_start": "reputation at the start",
    "press": "press attention now, 0-100",
    "anger": "crowd anger now, 0-100",
    "invitation": "how open the campaign's invitation is now, 0-100",
    "virality": "posts caused per post this turn (above 1 the hashtag grows)",
    "posts_per_hour": "posts per simulated hour in the last turn",
    "total_posts": "posts on the hashtag so far",
    "negative_posts": "hostile posts so far",
    "negative_share": "share of posts that are hostile, 0-1",
    "posts_this_turn": "posts in the last turn",
    "negative_this_turn": "hostile posts in the last turn",
    "reach": "impressions so far (people who saw a post on the hashtag)",
    "reach_this_turn": "impressions in the last turn",
    "key_accounts_joined": "named accounts that have posted so far",
    "press_stories": "press stories published so far",
    "trending": "1 while the hashtag is trending, else 0",
    "hijacked": "1 once hostile posts dominate the hashtag, else 0",
    "hijack_turn": "the turn the hashtag was hijacked (0 if not yet)",
    "cancelled": "1 once the campaign is cancelled",
    "cancel_turn": "the turn the campaign was cancelled (0 if not)",
    "paused": "1 while the scheduled posts are paused",
    "escalated": "1 once the team escalated to leadership",
    "monitored": "1 once the team has monitored the conversation",
    "first_response_turn": "the turn of the first reply or statement (0 if none yet)",
    "first_press_turn": "the turn of the first press story (0 if none yet)",
    "actions_taken": "actions the team has taken so far",
    "n_reply": "replies posted",
    "n_statement": "statements posted",
    "n_delete": "posts deleted",
    "n_custom": "custom actions taken",
    "likes": "likes on the video so far (a video platform; 0 on a microblog)",
    "dislikes": "dislikes on the video so far (a video platform; 0 on a microblog)",
    "dislikes_this_turn": "dislikes in the last turn",
    "response_videos": "response videos (parodies, replies) posted about the video so far",
    "ratings_off": "1 once the video's ratings are turned off",
    "comments_held": "1 while the video's comments are held (posts move to other sites)",
    "private": "1 once the video is made private",
}
for _tone in TONES:
    NAMES[f"n_reply_{_tone}"] = f"replies in the {_tone} tone"
for _strategy in STRATEGIES:
    NAMES[f"n_{_strategy}"] = f"replies and statements whose posture is {_strategy}"

# Dotted names: the part after the dot is checked against the scenario's own ids.
DOTTED_NAMES: dict[str, str] = {
    "fired": "fired.EVENT_ID is 1 once that event has fired",
    "joined": "joined.HANDLE is 1 once that key account has posted",
    "took": "took.ACTION_ID counts how often that custom action was taken",
    "said": "said.STATEMENT_ID is 1 once that statement went out",
    "injected": "injected.INJECT_ID is 1 once a facilitator fired that inject",
}
