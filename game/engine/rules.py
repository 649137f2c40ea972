"""The rules of every action, in one table: what it costs, what it is called, whether it can be undone,
why it cannot be taken now, and what it does.

Every other place reads this table: :class:`game.engine.game.Game` offers and applies actions through
it; the simulator, the strategies, the debrief and the screens read labels and costs from it.  Keys
on the keyboard belong to the UI (``game/ui/widgets/actions.py``), not here.  A new action is one
new row (and its small action object in ``actions.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

import numpy as np

from game.engine import responses
from game.engine.actions import (
    Action,
    ActionNotAllowed,
    Cancel,
    Custom,
    Delete,
    DisableRatings,
    Escalate,
    HoldComments,
    MakePrivate,
    Monitor,
    Pause,
    Reply,
    Resume,
    Statement,
)
from game.engine.conditions import Conditions
from game.engine.effects import apply_effects, inject
from game.engine.feed import mix_bits
from game.engine.insight import insight
from game.engine.posting import org_post
from game.engine.reactions import decades
from game.engine.state import Post
from game.engine.world import World
from game.scenario.expr import Source
from game.scenario.models import StatementOption, Tone
from game.scenario.vocabulary import BUILTIN_ACTIONS, TONES, platform_of_action
from game.words import Reading, read_reply, read_statement

Choices = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class ActionRule:
    """One kind of action.  ``why_not`` gives the sentence the player sees when the action cannot be
    taken now ("" when it can), checked after the rules every action shares (the game is over, the
    scenario disables it, not enough attention); ``perform`` carries out a permitted action and
    returns its label for the decision timeline."""

    kind: str
    label: str
    short: str
    """A name that fits a narrow action bar."""
    description: str
    cost: int
    why_not: Callable[[World, Conditions], str]
    perform: Callable[[World, Any, Conditions], str]  # Any: the rule's own action class (Reply for "reply"…)
    past: str
    """What the player did, for the debrief: "If you had not {past}"."""
    choices: Callable[[World, Conditions], Choices] = lambda w, conditions: ()
    irreversible: bool = False
    on_video: tuple[str, str, str] | None = None
    """Its label, short name and description on a video platform, where they differ."""


def words_of(rule: ActionRule, platform: str) -> tuple[str, str, str]:
    """A rule's label, short name and description on ``platform``."""
    if platform == "video" and rule.on_video:
        return rule.on_video
    return rule.label, rule.short, rule.description


# ---------------------------------------------------------------------------------- statements


def open_statements(w: World, conditions: Conditions) -> list[StatementOption]:
    """The prepared statements the team may post now: not yet said, signed off if they need it,
    and their condition (if any) holds."""
    env = None
    open_ = []
    for option in w.scenario.actions.statements:
        if option.id in w.said:
            continue
        if option.needs_escalation and not (w.escalated_turn and w.escalated_turn < w.turn):
            continue
        if option.when:
            env = env or conditions.env(w)
            if not conditions.holds(option.when, env):
                continue
        open_.append(option)
    return open_


# ---------------------------------------------------------------------------------- replies

REPLY_DEFAULTS = {
    "empathetic": "{handle} We hear you, and we understand why people are angry.",
    "apologetic": "{handle} You're right to call this out. We're sorry.",
    "informative": "{handle} Thanks for asking. Here is what we can tell you so far.",
    "humorous": "{handle} Fair. We walked into that one.",
    "boilerplate": "{handle} Thank you for your feedback. We value all our customers' views.",
    "defensive": "{handle} Our record speaks for itself. We follow all the rules.",
    "dismissive": "{handle} We don't have time for trolls.",
}


def reply_text(w: World, post_id: str, tone: str, handle: str) -> str:
    """The exact words of a reply.  Chosen by a hash of the post and tone, not by the game's random
    generator, so the composer can show them before the reply goes and nothing else shifts."""
    texts = w.scenario.actions.replies.get(cast(Tone, tone)) or [REPLY_DEFAULTS[tone]]  # (any other: the default)
    pick = mix_bits(
        sum(ord(c) * 31**i for i, c in enumerate(f"{post_id}/{tone}")) & 0xFFFFFFFF
    )  # not a parameter: a hash
    template = texts[pick % len(texts)]
    words = w.text.fill(template, np.random.default_rng(pick), handle="@" + handle)
    return words.replace("@@", "@")


def read_own_reply(text: str, to: str) -> Reading:
    """How the team's own reply reads; refuses words that cannot be read (the player is told why and
    can rewrite them: the engine never guesses a tone)."""
    reading = read_reply(text, to=to)
    if not reading.readable:
        raise ActionNotAllowed(f"this reply cannot be read: {reading.unreadable}")
    return reading


def grievance_words(w: World) -> str | None:
    """The organisation's record in words: what a statement that names specifics may name."""
    return " ".join(c.what for c in w.scenario.organisation.history) or None


def read_own_statement(w: World, text: str) -> Reading:
    """How the team's own statement reads, against the organisation's record (its grievance)."""
    reading = read_statement(text, scenario_grievance=grievance_words(w))
    if not reading.readable:
        raise ActionNotAllowed(f"this statement cannot be read: {reading.unreadable}")
    return reading


def _reply(w: World, action: Reply, conditions: Conditions) -> str:
    target = next((p for p in w.feed if p.id == action.post_id), None)
    if target is None:
        raise ActionNotAllowed("that post is no longer in the feed")
    if target.source == "org":
        raise ActionNotAllowed("that is our own post")
    if action.text is not None:
        reading = read_own_reply(action.text, target.text)
        assert reading.tone is not None  # (a readable reply always has a tone)
        tone, words = reading.tone, reading.text
        if not words.startswith("@"):
            words = f"@{target.author} {words}"  # a reply is addressed, as on the platform
    elif action.tone in TONES:
        reading, tone = None, action.tone
        words = reply_text(w, target.id, action.tone, target.author)
    else:
        raise ActionNotAllowed(f"unknown tone {action.tone!r}")
    org_post(w, words, reply_to=target.id)
    responses.reply(w, target, tone, reading)
    how = "your words, read as " + tone if reading else tone
    return f"Reply ({how}) to @{target.author}"


def _why_not_reply(w: World, conditions: Conditions) -> str:
    if not any(p.source != "org" for p in w.feed):
        return "there is nothing in the feed to reply to yet"
    return ""


# ---------------------------------------------------------------------------------- the others


def _statement(w: World, action: Statement, conditions: Conditions) -> str:
    option = None
    if action.option:
        option = next((s for s in open_statements(w, conditions) if s.id == action.option), None)
        if option is None:
            raise ActionNotAllowed("that statement is not open now")
    elif action.text is None:
        raise ActionNotAllowed("a statement needs words: write them, or pick a prepared one")
    reading = None
    if action.text is not None and (option is None or action.text != option.text):
        reading = read_own_statement(w, action.text)  # the team's words, or a prepared one edited
    if reading is not None:
        words, posture = reading.text, reading.posture
    else:
        assert option is not None  # (without one, the team's own words were read)
        words, posture = option.text, option.strategy
    assert posture is not None  # (a readable statement always has a posture)
    label = option.label if option else f"“{_first_words(words)}”"
    if option:
        w.said.add(option.id)
    w.count("n_statement")
    org_post(w, words)
    w.spread.force_post(w.graph.org_node)
    responses.speak(w, posture, f"statement {label}" if not option else f"statement “{label}”", reading=reading)
    return f"Statement: {label} ({posture})"


def _first_words(text: str, limit: int = 40) -> str:  # not a parameter: words
    """The start of a text, cut at a word, for a decision's label."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "…"


def _why_not_statement(w: World, conditions: Conditions) -> str:
    return ""  # the team can always write its own (prepared ones are offered as choices when open)


def stop_promotion(w: World, why: str) -> None:
    """Stopping what the organisation paid for: the promoted trend leaves the list (a bought slot
    cannot be resumed)."""
    if w.spread.promoted_minutes > 0:
        w.spread.promoted_minutes = 0.0
        w.fire("promotion-stopped", "campaign", f"{w.scenario.campaign.hashtag} is no longer a promoted trend", why)


def _pause(w: World, action: Pause, conditions: Conditions) -> str:
    stop_promotion(w, "Pausing the campaign takes its paid slot off the trending list.")
    w.paused = True
    w.count("n_pause")
    if w.hijacked:
        w.change("anger", -w.params.responses.pause_calm, "the cheerful reminders stop feeding the crowd")
    return "Paused the scheduled posts"


def _why_not_pause(w: World, conditions: Conditions) -> str:
    if w.cancelled_turn:
        return "the campaign is cancelled: nothing is queued"
    if w.paused:
        return "the scheduled posts are already paused"
    return ""


def _resume(w: World, action: Resume, conditions: Conditions) -> str:
    w.paused = False
    return "Resumed the scheduled posts"


def _why_not_resume(w: World, conditions: Conditions) -> str:
    if w.cancelled_turn:
        return "the campaign is cancelled: nothing is queued"
    if not w.paused:
        return "the scheduled posts are not paused"
    return ""


def _cancel(w: World, action: Cancel, conditions: Conditions) -> str:
    w.count("n_cancel")
    stop_promotion(w, "Cancelling the campaign takes its paid slot off the trending list.")
    text = w.scenario.campaign.cancel_post or f"We have cancelled {w.scenario.campaign.hashtag}."
    if w.total_posts:
        org_post(w, text)
        w.spread.force_post(w.graph.org_node)
    else:
        # Nobody has posted on the tag yet: a campaign withdrawn before anyone noticed needs no notice,
        # and a notice would be the first thing to put the tag in front of people.
        text = "Withdrawn before anyone posted on the tag: no public notice was needed."
        w.withdrawn_unseen = True
    responses.cancel(w)
    org, hashtag = w.scenario.organisation.name, w.scenario.campaign.hashtag
    # Whose tag it is (campaign.tag): one cancels a campaign, withdraws from a tag one joined.
    done, headline = {
        "joined": (f"Withdrew from {hashtag}", f"{org} withdraws from {hashtag}"),
        "public": (f"Stepped back from {hashtag}", f"{org} steps back from {hashtag}"),
    }.get(w.scenario.campaign.tag, ("Cancelled the campaign", f"{org} cancels {hashtag}"))
    w.fire("cancelled", "campaign", headline, text)
    return done


def _why_not_cancel(w: World, conditions: Conditions) -> str:
    if not w.cancelled_turn:
        return ""
    return {"joined": "you already withdrew from the tag", "public": "you already stepped back from the tag"}.get(
        w.scenario.campaign.tag, "you already cancelled the campaign"
    )


def deletable(w: World) -> list[Post]:
    """Our posts that are up and can be deleted: all of them, except a video platform's video itself
    (it is made private, with what that does; deleting it would skip that)."""
    return [p for p in w.org_posts if p.id != w.video_post_id]


def _delete(w: World, action: Delete, conditions: Conditions) -> str:
    if action.post_id and action.post_id == w.video_post_id:
        raise ActionNotAllowed("that is the video itself: make it private instead")
    post = next((p for p in w.org_posts if p.id == action.post_id), None)
    if post is None:
        raise ActionNotAllowed("that post is not one of ours, or it is already gone")
    responses.delete(w, post)
    return f"Deleted our post “{post.text[:40]}”"  # not a parameter: words


def _why_not_delete(w: World, conditions: Conditions) -> str:
    if deletable(w):
        return ""
    return (
        "only the video itself is up: make it private instead" if w.org_posts else "none of our posts is up to delete"
    )


def _monitor(w: World, action: Monitor, conditions: Conditions) -> str:
    w.count("n_monitor")
    w.listening_until = w.turn + 1
    w.fire(f"insight-{w.turn}", "insight", "What the listening shows", insight(w))
    return "Monitored the conversation"


def _escalate(w: World, action: Escalate, conditions: Conditions) -> str:
    w.escalated_turn = w.turn
    w.fire(
        "escalated",
        "campaign",
        "Leadership is on the line",
        "Statements that need sign-off can go out from the next turn.",
    )
    return "Escalated to leadership"


def _why_not_escalate(w: World, conditions: Conditions) -> str:
    return "leadership is already involved" if w.escalated_turn else ""


def _always(w: World, conditions: Conditions) -> str:
    return ""


# ---------------------------------------------------------------------------------- a video platform


def _why_not_video(w: World) -> str:
    return "the video is private: nobody can see it" if w.private_turn else ""


def _hold_comments(w: World, action: HoldComments, conditions: Conditions) -> str:
    w.comments_held = True
    if w.hijacked:
        w.change(
            "anger",
            w.params.reactions.muzzle_anger,
            "closing the comments tells critics they will not be heard; they say it elsewhere",
        )
    w.fire(
        "comments-held",
        "campaign",
        "The video's comments are held",
        "No comment appears under the video now. The talk goes on, on other sites.",
    )
    return "Held the video's comments"


def _why_not_hold_comments(w: World, conditions: Conditions) -> str:
    return _why_not_video(w) or ("the comments are already held" if w.comments_held else "")


def _disable_ratings(w: World, action: DisableRatings, conditions: Conditions) -> str:
    rp, org = w.params.reactions, w.scenario.organisation.name
    w.ratings_off_turn = w.turn
    loud = decades(w.dislikes, rp.ratings_off_scale)
    if loud >= w.params.responses.least_noticed:
        # After the storm: the count is already the story, and hiding it is the next one (Streisand).
        w.change("press", rp.ratings_off_press * loud, f"hiding a count of {w.dislikes:,} dislikes is a story")
        w.change(
            "reputation", -rp.ratings_off_reputation * loud * w.threat, "turning the ratings off looks like hiding"
        )
        w.spread.add_outside_exposure(w.dislikes * w.params.responses.deletion_echo)
        w.develop(f"{org} turns off the ratings on its video", kind="round")
        text = f"The count stopped at {w.dislikes:,} dislikes and {w.likes:,} likes; screenshots of it are everywhere."
    else:
        text = "Nobody had rated it yet: there is no count to miss. What people think of the video is unchanged."
    w.fire("ratings-off", "campaign", "Ratings on the video are off", text)
    return "Turned off the video's ratings"


def _why_not_disable_ratings(w: World, conditions: Conditions) -> str:
    return _why_not_video(w) or ("the ratings are already off" if w.ratings_off_turn else "")


def _make_private(w: World, action: MakePrivate, conditions: Conditions) -> str:
    w.private_turn = w.turn
    responses.cancel(w)  # calling it off: what it does to anger and the press depends on the storm
    # Copies are re-uploaded and screenshots of the count survive: some come back to look.
    w.spread.add_outside_exposure(w.reach * w.params.reactions.mirror_share)
    org = w.scenario.organisation.name
    w.fire(
        "made-private",
        "campaign",
        f"{org} pulls its video",
        "The video is private: no more views, comments or ratings on it. Copies of it are not.",
    )
    return "Made the video private"


def _why_not_make_private(w: World, conditions: Conditions) -> str:
    return "the video is already private" if w.private_turn else ""


RULES: dict[str, ActionRule] = {
    rule.kind: rule
    for rule in (
        ActionRule(
            "reply",
            "Reply",
            "Reply",
            "Answer the selected post, in your own words or from a suggestion in a tone.",
            cost=1,
            why_not=_why_not_reply,
            perform=_reply,
            past="replied",
            choices=lambda w, conditions: tuple((tone, f"{tone} ({TONES[tone]})") for tone in TONES),
        ),
        ActionRule(
            "statement",
            "Post a statement",
            "Statement",
            "Post a statement in your own words, or a prepared one; how it reads (apology, excuse, denial…) matters.",
            cost=2,
            why_not=_why_not_statement,
            perform=_statement,
            past="posted that statement",
            choices=lambda w, conditions: tuple((s.id, s.label) for s in open_statements(w, conditions)),
            on_video=(
                "Post a response",
                "Response",
                "Answer in a response video or a statement under the video, in your own words or a prepared "
                "one; how it reads (apology, excuse, denial…) matters.",
            ),
        ),
        ActionRule(
            "pause",
            "Pause scheduled posts",
            "Pause queue",
            "Stop the organisation's queued posts from going out on their own: a post due while the queue "
            "is paused is not sent.",
            cost=1,
            why_not=_why_not_pause,
            perform=_pause,
            past="paused the queue",
        ),
        ActionRule(
            "resume",
            "Resume scheduled posts",
            "Resume queue",
            "Let the rest of the queue go out as scheduled (posts due while it was paused stay unsent).",
            cost=1,
            why_not=_why_not_resume,
            perform=_resume,
            past="resumed the queue",
        ),
        ActionRule(
            "cancel",
            "Cancel the campaign",
            "Cancel campaign",
            "Call the campaign off. It cannot be undone, and it may become a story itself.",
            cost=1,
            why_not=_why_not_cancel,
            perform=_cancel,
            past="cancelled",
            irreversible=True,
        ),
        ActionRule(
            "delete",
            "Delete a post",
            "Delete post",
            "Delete one of the organisation's posts. It cannot be undone; screenshots survive.",
            cost=1,
            why_not=_why_not_delete,
            perform=_delete,
            past="deleted the post",
            irreversible=True,
            choices=lambda w, conditions: tuple((p.id, p.text[:60]) for p in deletable(w)),
        ),
        ActionRule(
            "monitor",
            "Monitor the conversation",
            "Monitor",
            "Listen: who is posting and why. Responses land better this turn and the next.",
            cost=1,
            why_not=_always,
            perform=_monitor,
            past="spent time listening",
        ),
        ActionRule(
            "escalate",
            "Escalate to leadership",
            "Escalate",
            "Take it to leadership: statements that need sign-off open from the next turn.",
            cost=2,
            why_not=_why_not_escalate,
            perform=_escalate,
            past="escalated",
        ),
        ActionRule(
            "hold_comments",
            "Hold the video's comments",
            "Hold comments",
            "No comment appears under the video. The talk does not stop: it moves to other sites.",
            cost=1,
            why_not=_why_not_hold_comments,
            perform=_hold_comments,
            past="held the comments",
            irreversible=True,
        ),
        ActionRule(
            "disable_ratings",
            "Turn off the video's ratings",
            "Ratings off",
            "Hide the likes and dislikes. Early, nobody misses a count; after a storm, hiding it is a story.",
            cost=1,
            why_not=_why_not_disable_ratings,
            perform=_disable_ratings,
            past="turned the ratings off",
            irreversible=True,
        ),
        ActionRule(
            "make_private",
            "Make the video private",
            "Make private",
            "Take the video down from public view. It cannot be undone, copies survive, and it may become a story.",
            cost=1,
            why_not=_why_not_make_private,
            perform=_make_private,
            past="made the video private",
            irreversible=True,
        ),
    )
}
assert tuple(RULES) == BUILTIN_ACTIONS, "the table lists the format's built-in actions, in its order"

# A facilitator's inject is not the team's choice: it costs no attention and is always allowed.
INJECT = ActionRule(
    "inject",
    "Inject",
    "Inject",
    "A facilitator's inject: a prepared one, or a headline typed on the spot.",
    cost=0,
    why_not=_always,
    perform=lambda w, action, conditions: inject(w, action, conditions),
    past="sent an inject",
)


def shared_reason(w: World, kind: str, cost: int) -> str:
    """Why no action of ``kind`` can be taken now, for the reasons every action shares; "" if none."""
    if w.over:
        return "the game is over"
    if kind in w.scenario.actions.disabled:
        return "this scenario does not allow it"
    platform = platform_of_action(kind)
    if platform is not None and platform != w.scenario.platform:
        return f"there is no such action on a {w.scenario.platform} platform"
    if cost > w.budget_left:
        return f"not enough attention left this turn ({w.budget_left} of {w.scenario.actions.budget})"
    return ""


def why_not(w: World, kind: str, conditions: Conditions) -> str:
    """Why a built-in action of ``kind`` cannot be taken now ("" when it can)."""
    rule = RULES[kind]
    return shared_reason(w, kind, rule.cost) or rule.why_not(w, conditions)


# ---------------------------------------------------------------------------------- custom actions


def why_not_custom(w: World, action_id: str, conditions: Conditions) -> str:
    """Why the scenario's own action ``action_id`` cannot be taken now ("" when it can)."""
    custom = next((c for c in w.scenario.actions.custom if c.id == action_id), None)
    if custom is None:
        return f"no action called {action_id!r} in this scenario"
    if w.over:
        return "the game is over"
    if custom.cost > w.budget_left:
        return f"not enough attention left this turn ({w.budget_left} of {w.scenario.actions.budget})"
    if custom.once and w.took.get(custom.id):
        return "you already did that"
    if custom.when:
        env = conditions.env(w)
        if not conditions.holds(custom.when, env):
            return not_yet(w, custom.when, env)
    return ""


def not_yet(w: World, condition: Source, env: dict[str, float]) -> str:
    """Why a condition does not hold now, in the player's terms, and what it waits for ("not now: it is
    turn 3 (Mon 12:00) — needs it at turn 6 (Wed 13:00) or later")."""
    from game.engine.explain import judge, labels_of

    judged = judge(
        condition,
        env,
        clock=lambda turn: w.turn_start(turn),
        labels=labels_of(w.scenario),
        purpose="this action",
        present=True,
    )
    blocking = judged.blocking()
    return "not now: " + "; ".join(clause.text for clause in blocking) if blocking else "not possible at this point"


def perform_custom(w: World, action: Custom, conditions: Conditions) -> str:
    """The scenario's own action: its effects, and its posture if it speaks."""
    custom = next(c for c in w.scenario.actions.custom if c.id == action.action_id)
    w.took[custom.id] = w.took.get(custom.id, 0) + 1
    w.count("n_custom")
    apply_effects(w, custom.effects, custom.label, conditions)
    if custom.strategy:
        responses.speak(w, custom.strategy, custom.label)
    return custom.label


def cost_of(w: World, action: Action) -> int:
    """The attention ``action`` takes."""
    if action.kind == "custom":
        return next(c.cost for c in w.scenario.actions.custom if c.id == action.action_id)
    if action.kind == "inject":
        return INJECT.cost
    return RULES[action.kind].cost


def perform(w: World, action: Action, conditions: Conditions) -> str:
    """Carry out one (already permitted) action; return its label for the decision timeline."""
    if action.kind == "custom":
        return perform_custom(w, action, conditions)
    if action.kind == "inject":
        return INJECT.perform(w, action, conditions)
    rule = RULES.get(action.kind)
    if rule is None:
        raise ValueError(f"unknown action kind {action.kind!r}")
    return rule.perform(w, action, conditions)
