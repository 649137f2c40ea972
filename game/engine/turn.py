"""One turn of the world, conducted: what falls due, the crowd, the tally, the press, reputation,
events, the visible feed and the ending — each job in its own module, called here in order.

Order within a turn (the player acts at its start, through ``rules.py``, then it plays out):
1. things due this turn (``schedule.py``): the organisation's scheduled posts (unless paused), key
   accounts whose ``joins`` falls due, scripted posts;
2. the crowd (``crowd.py``): the spread model in sub-steps of at most 10 simulated minutes;
3. the tally: posts, reach, virality, trending, the hijack; key accounts arriving (``joining.py``);
4. the press (``press.py``): attention builds with hostile reach and journalists; outlets past their
   threshold publish (an immigrant batch of readers, a reputation hit); follow-ups;
5. reputation (``reputation.py``): worn by hostile reach in proportion to the SCCT threat, lifted by
   supporters; anger relaxes toward the grievance's baseline;
6. tags the storm spawns elsewhere (``spin_offs.py``);
7. the scenario's events (``effects.py``); the feed's visible posts (``visible_feed.py``); the
   record; the ending (``endings.py``).
"""

from __future__ import annotations

from game.engine.conditions import Conditions
from game.engine.crowd import play_out_crowd, steps_for
from game.engine.effects import scenario_events
from game.engine.endings import ending_now
from game.engine.insight import insight
from game.engine.joining import announce_arrivals
from game.engine.press import press_turn
from game.engine.reactions import on_video, react, response_video_posts
from game.engine.reputation import settle_reputation
from game.engine.schedule import things_due
from game.engine.spin_offs import spin_offs_turn
from game.engine.stance import Stance
from game.engine.state import TurnRecord, TurnReport
from game.engine.visible_feed import build_feed
from game.engine.world import World


def end_turn(w: World, conditions: Conditions) -> TurnReport:
    """Play out the rest of the turn and open the next one."""
    params, graph = w.params, w.graph
    scripted_nodes = things_due(w, conditions)
    promoted = w.spread.promoted_minutes > 0  # on the trending list by purchase for (part of) this turn
    start = w.turn_start()
    minutes = float(w.turn_minutes())
    crowd = play_out_crowd(w, start, minutes)

    org = graph.org_node
    org_count = int(crowd.node_posts[org])
    crowd_posts = crowd.node_posts.copy()
    crowd_posts[org] = 0
    posts = int(crowd_posts.sum()) + org_count
    hostile_nodes, supportive_nodes = w.spread.camp_nodes[Stance.HOSTILE], w.spread.camp_nodes[Stance.SUPPORTIVE]
    hostile = int(crowd_posts[hostile_nodes].sum())
    supportive = int(crowd_posts[supportive_nodes].sum())
    seen = crowd_posts * graph.followers * params.graph.see_share
    hostile_reach = float(seen[hostile_nodes].sum())
    supportive_reach = float(seen[supportive_nodes].sum())
    seen_total = float(seen.sum())
    org_reach = org_count * graph.followers[org] * params.graph.see_share
    for post in w.org_posts:
        if post.turn == w.turn:
            w.org_reach[post.id] = w.org_reach.get(post.id, 0.0) + graph.followers[org] * params.graph.see_share
    turn_reach = seen_total + org_reach

    w.total_posts += posts
    w.negative_posts += hostile
    w.reach += turn_reach
    w.last_posts, w.last_negative, w.last_reach = posts, hostile, turn_reach
    hours = minutes / 60.0
    w.posts_per_hour = posts / hours
    w.virality = crowd.offspring / posts if posts else 0.0
    w.trending = w.posts_per_hour >= params.trend.threshold or promoted

    announce_arrivals(w, crowd_posts)
    _mark_hijack(w, posts, hostile, hours)
    onlooker_reach = seen_total - hostile_reach
    spectacle = onlooker_reach * crowd.trending_share
    video = react(w, crowd_posts) if on_video(w) else None  # a video platform's likes and dislikes
    if video is not None:
        spectacle += video.news  # a visible dislike count is news in itself
    press_turn(w, hostile_reach, spectacle, hours)
    settle_reputation(w, hostile, hostile_reach, supportive, supportive_reach, hours)
    spin_offs_turn(w, conditions, w.posts_per_hour, hours)
    if w.listening_until >= w.turn:
        # The team is listening: what it heard over the turn, not only what it knew when it started.
        w.fire(f"insight-heard-{w.turn}", "insight", "What the listening heard this turn", insight(w))
    scenario_events(w, conditions)

    feed = build_feed(w, crowd_posts, scripted_nodes, conditions)
    if video is not None:
        ours = sum(1 for post in feed if post.source == "org")  # the feed leads with our own posts
        feed = (feed[:ours] + response_video_posts(w, video, crowd_posts) + feed[ours:])[: params.feed.size]
    record = TurnRecord(
        turn=w.turn,
        start=start,
        end=w.turn_start(w.turn + 1),
        posts=posts,
        negative_posts=hostile,
        reach=int(turn_reach),
        total_posts=w.total_posts,
        negative_share=round(w.negative_posts / w.total_posts, 4) if w.total_posts else 0.0,
        reputation=round(w.reputation, 2),
        press=round(w.press, 2),
        anger=round(w.anger, 2),
        invitation=round(w.invitation, 2),
        virality=round(w.virality, 3),
        actions=_this_turns_actions(w),
        events=tuple(e.id for e in w.new_events),
        changes=tuple(w.changes),
        reactions=video.reactions if video is not None else None,
    )
    w.history.append(record)
    report_events = tuple(w.new_events)
    changes = tuple(w.changes)
    w.changes, w.new_events, w.pending_posts = [], [], []
    w.feed = feed
    w.turn += 1
    w.budget_left = w.scenario.actions.budget
    w.ending = ending_now(w, conditions)
    return TurnReport(record=record, posts=tuple(feed), events=report_events, changes=changes, ending=w.ending)


def _this_turns_actions(w: World) -> tuple[str, ...]:
    """The kinds of the actions taken this turn, read from the end of the list (the list grows by
    appending, so a turn's cost does not grow with the turns before it)."""
    kinds = []
    for taken in reversed(w.taken):
        if taken.turn != w.turn:
            break
        kinds.append(taken.kind)
    return tuple(reversed(kinds))


def _mark_hijack(w: World, posts: int, hostile: int, hours: float) -> None:
    """The turn critics take the tag over: a hostile majority at a rate the audience notices."""
    if not w.hijack_turn and hostile >= 0.5 * max(posts, 1) and hostile / hours >= w.hijack_rate:
        w.hijack_turn = w.turn
        w.fire(
            "hijacked",
            "campaign",
            f"{w.scenario.campaign.hashtag} has been hijacked",
            f"{hostile:,} hostile posts this turn: critics now own the hashtag.",
        )


__all__ = ["end_turn", "steps_for"]
