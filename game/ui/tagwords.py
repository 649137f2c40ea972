"""Words for whose hashtag it is (``campaign.tag``): the organisation's own campaign, a tag it
joined, or the public's tag about it.  A player who joined #WhyIStayed did not launch a campaign,
and cancelling means withdrawing from the tag; every screen reads its words from here."""

from __future__ import annotations

from dataclasses import dataclass

from game.ui.literal import one_line


@dataclass(frozen=True)
class TagWords:
    heading: str  # briefing: "The campaign you launched: "
    post: str  # briefing: what the announcement is to the player
    cancel: str  # the cancel action, in full ("Cancel the campaign")
    cancel_short: str  # the action bar, wide
    cancel_compact: str  # the action bar, narrow
    confirm: str  # the question before cancelling
    confirm_yes: str
    status_label: str  # action bar: "Campaign: live"
    status: dict[str, str]


def tag_words(scenario) -> TagWords:
    tag = getattr(scenario.campaign, "tag", "launched")
    hashtag = one_line(scenario.campaign.hashtag)
    if getattr(scenario, "platform", "microblog") == "video":
        # One video: making it private is how it is called off (the engine marks it cancelled).
        return TagWords(
            "The video you put up: " if tag == "launched" else "The video: ",
            "Its description: ",
            "Make the video private",
            "Make private",
            "Private",
            "Make the video private? This cannot be undone.",
            "Make it private",
            "Video",
            {"live": "public", "paused": "public", "cancelled": "private"},
        )
    if tag == "joined":
        return TagWords(
            "The tag you joined: ",
            "Your post in it: ",
            f"Withdraw from {hashtag}",
            "Withdraw",
            "Withdraw",
            f"Withdraw from {hashtag}? This cannot be undone.",
            "Withdraw",
            "Our post",
            {"live": "up", "paused": "paused", "cancelled": "withdrawn"},
        )
    if tag == "public":
        return TagWords(
            "The tag about you: ",
            "What started it: ",
            "Step back from the tag",
            "Step back",
            "Step back",
            f"Step back from {hashtag}? This cannot be undone.",
            "Step back",
            "Us on the tag",
            {"live": "present", "paused": "paused", "cancelled": "stepped back"},
        )
    return TagWords(
        "The campaign you launched: ",
        "Your post: ",
        "Cancel the campaign",
        "Cancel campaign",
        "Cancel",
        "Cancel the campaign? This cannot be undone.",
        "Cancel it",
        "Campaign",
        {},
    )


def action_label(scenario, option) -> str:
    """An action's label as this scenario's tag calls it (the engine says "Cancel the campaign")."""
    return tag_words(scenario).cancel if option.kind == "cancel" else option.label
