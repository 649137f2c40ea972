"""One turn of the world: what the team's actions do at once, and what the rest of the turn brings.

Order within a turn (the player acts at its start, then it plays out):
1. the team's actions (``perform``), each changing meters with reasons;
2. things due this turn: the organisation's scheduled posts (unless paused), key accounts joining,
   scripted posts;
3. the crowd: the spread model in sub-steps of at most 10 simulated minutes;
4. the press: attention builds with hostile reach and journalists; outlets past their threshold
   publish (an immigrant batch of readers, a reputation hit);
5. reputation: worn by hostile reach in proportion to the SCCT threat, lifted by supporters;
   anger relaxes toward the grievance's baseline;
6. the scenario's events; the feed's visible posts; the record; endings.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Callable

import numpy as np

from game.engine import responses
from game.engine.actions import Action, ActionNotAllowed
from game.engine.conditions import Conditions
from game.engine.feed import STANCE_NAMES, _mix
from game.engine.spread import deadline_rush
from game.engine.state import EndingInfo, FiredEvent, Post, TurnRecord, TurnReport
from game.engine.world import World
from game.scenario.models import ScriptedPost
from game.scenario.vocabulary import TONES

FEED_SIZE = 30
CROWD_IN_FEED = 22
MAX_STEP_MINUTES = 10.0
MAX_STEPS = 24


# ---------------------------------------------------------------------------------- set-up


def open_campaign(w: World) -> None:
    """Turn 1 opens with the campaign's announcement already up."""
    post = _org_post(w, w.scenario.campaign.announcement)
    w.org_invitation[post.id] = float(w.scenario.campaign.invitation)
    w.feed = [post]
    w.spread.force_post(w.graph.org_node)


def _time_in_turn(w: World, at: dt.datetime | None) -> dt.datetime:
    """A post's time: the scenario's own ``at`` when it falls in this turn (the record's minute),
    else the turn's start."""
    start = w.turn_start()
    return on_clock(at, start) if at is not None and start <= at < w.turn_start(w.turn + 1) else start


def on_clock(moment: dt.datetime, start: dt.datetime) -> dt.datetime:
    """``moment`` in the scenario's clock: a file may write a time with another UTC offset than
    its start, and the player should see every time in one zone."""
    return moment.astimezone(start.tzinfo) if moment.tzinfo and start.tzinfo else moment


def _org_post(w: World, text: str, reply_to: str | None = None, at: dt.datetime | None = None) -> Post:
    org = w.scenario.organisation
    post = Post(
        id=w.next_post_id(), turn=w.turn, time=_time_in_turn(w, at), author=org.handle, name=org.name,
        followers=org.followers, text=text, stance="supportive", likes=0, reposts=0, source="org",
        reply_to=reply_to,
    )
    w.org_posts.append(post)
    w.org_reach[post.id] = 0.0
    w.pending_posts.append(post)
    return post


# ---------------------------------------------------------------------------------- actions


def perform(w: World, action: Action, conditions: Conditions, open_statements: Callable) -> str:
    """Carry out one (already permitted) action; return its label for the decision timeline."""
    kind = action.kind
    if kind == "reply":
        target = next((p for p in w.feed if p.id == action.post_id), None)
        if target is None:
            raise ActionNotAllowed("that post is no longer in the feed")
        if target.source == "org":
            raise ActionNotAllowed("that is our own post")
        if action.tone not in TONES:
            raise ActionNotAllowed(f"unknown tone {action.tone!r}")
        text = reply_text(w, target.id, action.tone, target.author)
        _org_post(w, text, reply_to=target.id)
        responses.reply(w, target, action.tone)
        return f"Reply ({action.tone}) to @{target.author}"
    if kind == "statement":
        option = next((s for s in open_statements() if s.id == action.option), None)
        if option is None:
            raise ActionNotAllowed("that statement is not open now")
        w.said.add(option.id)
        w.count("n_statement")
        _org_post(w, option.text)
        w.spread.force_post(w.graph.org_node)
        responses.speak(w, option.strategy, f"statement “{option.label}”")
        return f"Statement: {option.label} ({option.strategy})"
    if kind == "pause":
        w.paused = True
        w.count("n_pause")
        if w.hijacked:
            w.change("anger", -2.0, "the cheerful reminders stop feeding the crowd")
        return "Paused the scheduled posts"
    if kind == "resume":
        w.paused = False
        return "Resumed the scheduled posts"
    if kind == "cancel":
        w.count("n_cancel")
        text = w.scenario.campaign.cancel_post or f"We have cancelled {w.scenario.campaign.hashtag}."
        _org_post(w, text)
        w.spread.force_post(w.graph.org_node)
        responses.cancel(w)
        w.fire("cancelled", "campaign", f"{w.scenario.organisation.name} cancels {w.scenario.campaign.hashtag}", text)
        return "Cancelled the campaign"
    if kind == "delete":
        post = next((p for p in w.org_posts if p.id == action.post_id), None)
        if post is None:
            raise ActionNotAllowed("that post is not one of ours, or it is already gone")
        responses.delete(w, post)
        return f"Deleted our post “{post.text[:40]}”"
    if kind == "monitor":
        w.count("n_monitor")
        w.listening_until = w.turn + 1
        w.fire(f"insight-{w.turn}", "insight", "What the listening shows", _insight(w))
        return "Monitored the conversation"
    if kind == "escalate":
        w.escalated_turn = w.turn
        w.fire("escalated", "campaign", "Leadership is on the line",
               "Statements that need sign-off can go out from the next turn.")
        return "Escalated to leadership"
    if kind == "custom":
        custom = next(c for c in w.scenario.actions.custom if c.id == action.action_id)
        w.took[custom.id] = w.took.get(custom.id, 0) + 1
        w.count("n_custom")
        apply_effects(w, custom.effects, custom.label, conditions)
        if custom.strategy:
            responses.speak(w, custom.strategy, custom.label)
        return custom.label
    if kind == "inject":
        return _inject(w, action, conditions)
    raise ValueError(f"unknown action kind {kind!r}")


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
    texts = w.scenario.actions.replies.get(tone) or [REPLY_DEFAULTS[tone]]
    pick = _mix(sum(ord(c) * 31 ** i for i, c in enumerate(f"{post_id}/{tone}")) & 0xFFFFFFFF)
    template = texts[pick % len(texts)]
    words = w.text.fill(template, np.random.default_rng(pick), handle="@" + handle)
    return words.replace("@@", "@")


def _inject(w: World, action, conditions: Conditions) -> str:
    if action.inject_id:
        inject = next((i for i in w.scenario.injects if i.id == action.inject_id), None)
        if inject is None:
            raise ActionNotAllowed(f"no inject called {action.inject_id!r} in this scenario")
        w.injected.add(inject.id)
        w.fire(f"inject-{inject.id}", "inject", inject.headline, inject.text or "")
        apply_effects(w, inject.effects, inject.headline, conditions)
        for scripted in inject.posts:
            _scripted(w, scripted)
        return f"Inject: {inject.label}"
    headline = (action.headline or "").strip()[:200] or "An announcement from the facilitator"
    w.fire(f"inject-{w.turn}-{len(w.events)}", "inject", headline, (action.text or "")[:600])
    return f"Inject: {headline}"


def apply_effects(w: World, effects: dict, why: str, conditions: Conditions) -> None:
    env = conditions.env(w) if any(isinstance(v, str) for v in effects.values()) else {}
    for meter, raw in effects.items():
        value = conditions.value(raw, env)
        if meter == "exposure":
            w.spread.add_outside_exposure(max(0.0, value) * w.params.press_read_share)
        elif meter in ("reputation", "press", "anger", "invitation"):
            w.change(meter, value, why)


def _insight(w: World) -> str:
    posts = w.spread.posted
    segments = w.scenario.audience.segments
    hostile = (w.graph.stance == 0)
    lines = []
    total_hostile = float(posts[hostile].sum()) or 1.0
    shares = []
    for index, segment in enumerate(segments):
        mask = hostile & (w.graph.segment == index)
        shares.append((float(posts[mask].sum()) / total_hostile, segment.name))
    shares.sort(reverse=True)
    loudest = ", ".join(f"{name} {share:.0%}" for share, name in shares[:3] if share > 0)
    lines.append(f"Hostile posts so far come from: {loudest or 'nobody yet'}.")
    lines.append(f"Crowd anger is {w.anger:.0f}/100; press attention {w.press:.0f}/100.")
    if w.virality > 1:
        lines.append(f"Each post now brings about {w.virality:.1f} more: the tag is growing.")
    elif w.last_posts:
        lines.append(f"Each post now brings about {w.virality:.1f} more: the tag is fading.")
    quiet = [a.handle for a in w.scenario.audience.key_accounts if a.handle.lower() not in w.joined and a.stance == "hostile"]
    if quiet:
        lines.append("Big critics not yet in: " + ", ".join("@" + h for h in quiet[:4]) + ".")
    return " ".join(lines)


# ---------------------------------------------------------------------------------- due items


def _turn_of(w: World, turn: int | None, at) -> int | None:
    if turn is not None:
        return turn
    if at is not None:
        return w.scenario.turn_at(at)
    return None


def _due(w: World, item, conditions: Conditions, env) -> bool:
    due_turn = _turn_of(w, item.turn, item.at)
    if due_turn is not None:
        return due_turn == w.turn
    when = getattr(item, "when", None)
    return bool(when) and conditions.holds(when, env)


def _scripted(w: World, scripted: ScriptedPost) -> None:
    """A scripted post goes out now: by a key account (who then counts as posting) or the crowd."""
    account = next((a for a in w.scenario.audience.key_accounts if a.handle.lower() == scripted.author.lower()), None)
    node = w.graph.key_index.get(scripted.author.lower())
    if account is not None and node is not None:
        w.spread.force_post(node)
        name, followers, source = account.name, account.followers, "key"
    else:
        name, followers, source = scripted.name or scripted.author, int(200 + (w.rng.integers(2000))), "scripted"
        w.total_posts += 1
        if scripted.stance == "hostile":
            w.negative_posts += 1
    w.pending_posts.append(Post(
        id=w.next_post_id(), turn=w.turn, time=_time_in_turn(w, scripted.at), author=scripted.author, name=name,
        followers=followers, text=w.text.fill(scripted.text), stance=scripted.stance,
        likes=0, reposts=0, source=source,
    ))


def _things_due(w: World, conditions: Conditions) -> set[int]:
    """Scheduled posts, key accounts joining and scripted posts due this turn; returns key nodes
    whose post this turn already has scripted words."""
    env = conditions.env(w)
    for index, scheduled in enumerate(w.scenario.scheduled_posts):
        if index in w.used_scheduled or _turn_of(w, scheduled.turn, scheduled.at) != w.turn:
            continue
        w.used_scheduled.add(index)
        if w.cancelled_turn or w.paused:
            continue
        post = _org_post(w, w.text.fill(scheduled.text), at=scheduled.at)
        w.spread.force_post(w.graph.org_node)
        if scheduled.invitation:
            added = w.change("invitation", scheduled.invitation, f"our scheduled post: “{post.text[:50]}…”")
            w.org_invitation[post.id] = added
        if w.hijacked and w.anger > 40:
            w.change("anger", 3.0, "a cheerful scheduled post lands in a hostile crowd")
            w.change("reputation", -0.5 * w.threat, "the queue keeps inviting questions while the tag burns")
    scripted_nodes: set[int] = set()
    for index, scripted in enumerate(w.scenario.posts):
        if index in w.used_scripted or not _due(w, scripted, conditions, env):
            continue
        w.used_scripted.add(index)
        _scripted(w, scripted)
        node = w.graph.key_index.get(scripted.author.lower())
        if node is not None:
            scripted_nodes.add(node)
    for account in w.scenario.audience.key_accounts:
        if account.joins is None or account.handle.lower() in w.joined:
            continue
        node = w.graph.key_index[account.handle.lower()]
        if node in scripted_nodes:
            continue
        if _due(w, account.joins, conditions, env):
            w.spread.force_post(node)
    return scripted_nodes


# ---------------------------------------------------------------------------------- the turn


def _deadline_rush(w: World, start: dt.datetime, offset_minutes: float, step_minutes: float) -> float:
    """How much the campaign's deadline (a Q&A's start) presses people to post in this step: only
    while the campaign stands — a cancelled session, or one whose invitation is gone, has no hour
    to beat."""
    deadline = w.scenario.campaign.deadline
    if deadline is None or w.cancelled_turn or w.invitation <= 0:
        return 1.0
    left = (deadline - start).total_seconds() / 3600.0 - offset_minutes / 60.0
    return deadline_rush(left, left - step_minutes / 60.0, w.params.deadline_pressure, w.params.deadline_lead_hours)


def steps_for(minutes: float) -> int:
    """How many spread steps a turn of ``minutes`` is simulated in (at most ten minutes each, up
    to a ceiling, so a day-long turn costs no more than a few hours' worth)."""
    return min(MAX_STEPS, max(1, math.ceil(minutes / MAX_STEP_MINUTES)))


def end_turn(w: World, conditions: Conditions) -> TurnReport:
    params, graph = w.params, w.graph
    scripted_nodes = _things_due(w, conditions)

    minutes = float(w.turn_minutes())
    steps = steps_for(minutes)
    step_minutes = minutes / steps
    start = w.turn_start()
    drive = np.zeros(3)
    trended_before = w.spread.trending_hours
    node_posts = np.zeros(graph.size, dtype=np.int64)
    offspring = 0.0
    peak_rush = 1.0
    trending_posts = all_posts = 0.0     # how much of the turn's talk happened while it trended
    for index in range(steps):
        moment = start.hour + start.minute / 60.0 + (index + 0.5) * step_minutes / 60.0
        drive[0] = params.hostile_drive[0] + params.hostile_drive[1] * w.anger / 100.0
        drive[1] = params.neutral_drive * (1.0 + params.spectacle * w.spread.trend)
        drive[2] = params.supportive_drive * (1.0 + 2.0 * w.goodwill)
        rush = _deadline_rush(w, start, index * step_minutes, step_minutes)
        peak_rush = max(peak_rush, rush)
        drive *= rush
        # Salience is steep: a vague invitation a week away is ignored, a named executive at a
        # set hour is a target (#AskJPM: little traffic for six days, a flood within hours).
        invite = 0.0 if w.cancelled_turn else params.invitation_rate * (w.invitation / 100.0) ** 2
        direct = invite + params.baseline_rate * params.brand_content
        result = w.spread.step(w.rng, step_minutes, moment % 24.0, drive, direct)
        node_posts += result.posts
        offspring += result.expected_offspring
        step_posts = float(result.posts.sum())
        trending_posts += w.spread.trend * step_posts
        all_posts += step_posts

    half_life = params.trend_novelty_half_hours
    if trended_before < half_life <= w.spread.trending_hours:
        w.fire("old-news", "campaign", f"{w.scenario.campaign.hashtag} is turning into old news",
               "A day on the trending list: half as many people come to look as on the first day. "
               "A new round would bring them back: a defence or an attack the press writes up.")
    # The busiest step tells: a long turn that ends at the hour rushes at its end, not on average.
    if peak_rush >= 2.0 and not any(e.id == "deadline-rush" for e in w.events):
        deadline = on_clock(w.scenario.campaign.deadline, start)
        w.fire("deadline-rush", "campaign",
               f"{w.scenario.campaign.hashtag} fills up before {deadline:%H:%M}",
               "People want their say in before the hour: the less time is left, the harder they "
               "push. Call it off, and there is no hour left to beat.")

    org = graph.org_node
    org_count = int(node_posts[org])
    crowd_posts = node_posts.copy()
    crowd_posts[org] = 0
    posts = int(crowd_posts.sum()) + org_count
    stance = graph.stance
    hostile = int(crowd_posts[stance == 0].sum())
    supportive = int(crowd_posts[stance == 2].sum())
    seen = crowd_posts * graph.followers * params.see_share
    hostile_reach = float(seen[stance == 0].sum())
    supportive_reach = float(seen[stance == 2].sum())
    org_reach = org_count * graph.followers[org] * params.see_share
    for post in w.org_posts:
        if post.turn == w.turn:
            w.org_reach[post.id] = w.org_reach.get(post.id, 0.0) + graph.followers[org] * params.see_share
    turn_reach = float(seen.sum()) + org_reach

    w.total_posts += posts
    w.negative_posts += hostile
    w.reach += turn_reach
    w.last_posts, w.last_negative, w.last_reach = posts, hostile, turn_reach
    hours = minutes / 60.0
    w.posts_per_hour = posts / hours
    w.virality = offspring / posts if posts else 0.0
    w.trending = w.posts_per_hour >= params.trend_threshold

    _key_accounts_posting(w, crowd_posts)
    if not w.hijack_turn and hostile >= 0.5 * max(posts, 1) and hostile / hours >= w.hijack_rate:
        w.hijack_turn = w.turn
        w.fire("hijacked", "campaign", f"{w.scenario.campaign.hashtag} has been hijacked",
               f"{hostile:,} hostile posts this turn: critics now own the hashtag.")
    onlooker_reach = float(seen.sum()) - hostile_reach
    _press(w, hostile_reach, onlooker_reach * (trending_posts / all_posts if all_posts else 0.0), hours)
    _reputation(w, hostile, hostile_reach, supportive, supportive_reach, hours)
    _scenario_events(w, conditions)

    feed = _build_feed(w, crowd_posts, scripted_nodes, conditions)
    record = TurnRecord(
        turn=w.turn, start=start, end=w.turn_start(w.turn + 1), posts=posts, negative_posts=hostile,
        reach=int(turn_reach), total_posts=w.total_posts,
        negative_share=round(w.negative_posts / w.total_posts, 4) if w.total_posts else 0.0,
        reputation=round(w.reputation, 2), press=round(w.press, 2), anger=round(w.anger, 2),
        invitation=round(w.invitation, 2), virality=round(w.virality, 3),
        actions=tuple(t.kind for t in w.taken if t.turn == w.turn),
        events=tuple(e.id for e in w.new_events), changes=tuple(w.changes),
    )
    w.history.append(record)
    report_events = tuple(w.new_events)
    changes = tuple(w.changes)
    w.changes, w.new_events, w.pending_posts = [], [], []
    w.feed = feed
    w.turn += 1
    w.budget_left = w.scenario.actions.budget
    w.ending = _ending(w, conditions)
    return TurnReport(record=record, posts=tuple(feed), events=report_events, changes=changes, ending=w.ending)


def _key_accounts_posting(w: World, crowd_posts: np.ndarray) -> None:
    for account in w.scenario.audience.key_accounts:
        handle = account.handle.lower()
        node = w.graph.key_index[handle]
        if crowd_posts[node] and handle not in w.joined:
            w.joined.add(handle)
            w.fire(f"joined-{account.handle}", "influencer",
                   f"@{account.handle} joins {w.scenario.campaign.hashtag}",
                   f"{account.name} ({account.followers:,} followers, {account.stance}) is posting about it.")
            if account.kind == "journalist":
                w.change("press", 6.0, f"@{account.handle}, a journalist, is on it")


def _press(w: World, hostile_reach: float, trending_reach: float, hours: float) -> None:
    """Press attention follows the storm's intensity and the journalists in it, rising over an hour
    or two (newsrooms need to notice and pitch) and fading over half a day.  A story is written for
    its strongest angle: the conflict (hostile reach per hour) or the spectacle: the onlookers' reach,
    counted as far as their talk fell while the tag trended (``trending_reach``), step by step, so a
    long turn that trended early and ebbed late still counts what it drew."""
    params = w.params
    spectacle = params.press_spectacle * trending_reach
    intensity = max(hostile_reach, spectacle) / hours
    journalists = sum(1 for a in w.scenario.audience.key_accounts
                      if a.kind == "journalist" and a.handle.lower() in w.joined)
    target = min(100.0, 100.0 * intensity / (intensity + params.press_half) + params.press_per_journalist * journalists)
    memory = params.press_rise_hours if target > w.press else params.press_memory_hours
    move = (target - w.press) * (1.0 - math.exp(-hours / memory))
    if move >= 0.05:
        if spectacle > hostile_reach:
            reason = f"a trending spectacle: onlookers' posts reach {_people(trending_reach / hours)} people an hour"
        else:
            reason = f"hostile posts reach {_people(hostile_reach / hours)} people an hour"
        if journalists:
            reason += f"; {journalists} journalist{'s' if journalists > 1 else ''} in the thread"
        w.change("press", move, reason)
    elif move <= -0.05:
        w.change("press", move, "the news cycle moves on")
    for outlet in sorted(w.scenario.audience.outlets, key=lambda o: o.threshold):
        if outlet.id in w.published:
            continue
        over = w.press - outlet.threshold
        if over < 0:
            continue  # an outlet writes once attention passes its threshold, never before
        chance = 1.0 - math.exp(-params.press_rate * newsroom_hours(w, hours) * (1.0 + over / 25.0))
        if w.rng.random() >= chance:
            continue
        w.published.add(outlet.id)
        if not w.first_press_turn:
            w.first_press_turn = w.turn
        headline = w.text.fill(outlet.headline)
        w.fire(f"press-{outlet.id}", "press", f"{outlet.name}: {headline}",
               f"The story reaches {_people(outlet.audience)} readers.")
        hit = params.press_damage * w.threat * math.log10(1.0 + outlet.audience / 100_000.0)
        w.change("reputation", -hit, f"{outlet.name} story reached {_people(outlet.audience)}")
        w.change("anger", 2.0, f"{outlet.name} validates the outrage")
        w.change("press", 3.0, f"other newsrooms follow {outlet.name}")
        w.spread.add_outside_exposure(outlet.audience * params.press_read_share)
        w.followed_up[outlet.id] = len(w.developments)   # the first story already tells what we did
    _follow_ups(w, hours)


def _follow_ups(w: World, hours: float) -> None:
    """A newsroom that ran the story writes again when the organisation makes a new move while the
    story is still live: the pull, the apology, the attack on critics are stories of their own (Pepsi
    pulled its ad a day after release and the second day carried three times the first's mentions;
    United's defensive statements each raised a new wave, cases §0 pattern 4).  The follow-up brings
    its readers; a new round of conflict (a defence, an attack on critics, a deletion) also makes the
    tag new again to the trending list's onlookers, while an ending (an apology, a withdrawal) does not:
    pulling ends the story, not the hashtag (§0 pattern 4)."""
    params = w.params
    for outlet in sorted(w.scenario.audience.outlets, key=lambda o: o.threshold):
        covered = w.followed_up.get(outlet.id, 0)
        if outlet.id not in w.published or covered >= len(w.developments) or w.press < outlet.threshold:
            continue  # nothing new, or the newsroom has moved on
        chance = 1.0 - math.exp(-params.press_rate * newsroom_hours(w, hours))
        if w.rng.random() >= chance:
            continue
        news = w.developments[covered:]
        w.followed_up[outlet.id] = len(w.developments)
        # One piece covers all the moves since the last: a withdrawal closes the story whatever was
        # said with it ("Bad idea" with the cancellation); otherwise conflict leads.
        kinds = [kind for _, kind in news]
        lead = "withdrawal" if "withdrawal" in kinds else ("round" if "round" in kinds else "ending")
        development = next(headline for headline, kind in reversed(news) if kind == lead)
        if lead == "round" and not w.cancelled_turn:   # once pulled, the story is over for good
            w.spread.renew()
            text = f"A new round: the story is news again for {_people(outlet.audience)} readers."
        else:
            text = f"The story's ending reaches {_people(outlet.audience)} readers; it has less left to run."
        w.fire(f"press-{outlet.id}-{len(w.developments)}", "press", f"{outlet.name}: {development}", text)
        w.spread.add_outside_exposure(outlet.audience * params.press_read_share)


def newsroom_hours(w: World, hours: float) -> float:
    """Working hours in the turn, counting night hours (20:00-07:00) at a quarter."""
    start = w.turn_start()
    total, step = 0.0, min(hours, 0.5)
    elapsed = 0.0
    while elapsed < hours - 1e-9:
        span = min(step, hours - elapsed)
        hour = (start.hour + start.minute / 60.0 + elapsed + span / 2) % 24
        total += span * (1.0 if 7.0 <= hour < 20.0 else 0.25)
        elapsed += span
    return total


def _reputation(w: World, hostile: int, hostile_reach: float, supportive: int, supportive_reach: float,
                hours: float) -> None:
    """Damage grows with the log of all hostile reach so far (the first million impressions hurt
    most; later ones tell people what they already heard), scaled by the SCCT threat; so the same
    crisis costs the same whether it is played in long or short turns."""
    params = w.params

    def worn(reach: float) -> float:
        return params.reach_damage * w.threat * math.log1p(reach / params.reach_scale)

    def lifted(reach: float) -> float:
        return params.support_gain * math.log1p(reach / params.reach_scale)

    if hostile_reach > 0:
        damage = worn(w.hostile_reach + hostile_reach) - worn(w.hostile_reach)
        w.change("reputation", -damage, f"{hostile:,} hostile posts reached {_people(hostile_reach)}")
    if supportive_reach > 0:
        lift = lifted(w.supportive_reach + supportive_reach) - lifted(w.supportive_reach)
        w.lift(lift, f"{supportive:,} supportive posts reached {_people(supportive_reach)}")
    w.hostile_reach += hostile_reach
    w.supportive_reach += supportive_reach
    baseline = 100.0 * w.scenario.organisation.grievance
    drift = (baseline - w.anger) * (1.0 - math.exp(-hours / params.anger_memory_hours))
    if abs(drift) >= 0.05:
        w.change("anger", drift, "anger cools with time" if drift < 0 else "the grievance simmers on")


def _scenario_events(w: World, conditions: Conditions) -> None:
    env = conditions.env(w)
    for event in w.scenario.events:
        if event.once and event.id in w.fired:
            continue
        if not conditions.holds(event.when, env):
            continue
        w.fired.add(event.id)
        w.fire(event.id, "event", w.text.fill(event.headline), w.text.fill(event.text or ""))
        apply_effects(w, event.effects, event.headline, conditions)


def _build_feed(w: World, crowd_posts: np.ndarray, scripted_nodes: set[int], conditions: Conditions) -> list[Post]:
    """This turn's visible posts: ours and the scripted ones, key accounts, then a sample of the crowd."""
    graph, rng, params = w.graph, w.rng, w.params
    situational = w.scenario.templates.situational
    if situational:
        env = conditions.env(w)
        w.text.set_situation(tuple(i for i, pool in enumerate(situational) if conditions.holds(pool.when, env)))
    feed: list[Post] = list(w.pending_posts)
    texts = {p.text for p in feed}
    heat = 1.0 + w.anger / 50.0
    minutes = max(1, w.turn_minutes())
    accounts = {a.handle.lower(): a for a in w.scenario.audience.key_accounts}
    index_to_handle = {node: handle for handle, node in graph.key_index.items()}

    def engagement(followers: float, stance_code: int) -> tuple[int, int]:
        rate = (0.004 if stance_code == 0 else 0.002) * (heat if stance_code == 0 else 1.0)
        reposts = int(rng.poisson(min(followers * params.see_share * rate * 5, 1e6)))
        likes = int(rng.poisson(reposts * 2.5 + 0.5))
        return likes, reposts

    def moment() -> dt.datetime:
        return w.turn_start() + dt.timedelta(minutes=float(rng.integers(minutes)))

    for position, post in enumerate(feed):
        likes, reposts = engagement(post.followers, {"hostile": 0, "neutral": 1, "supportive": 2}[post.stance])
        feed[position] = Post(**{**post.__dict__, "likes": likes if post.source != "org" else 0,
                                 "reposts": reposts if post.source != "org" else 0})
    posters = np.flatnonzero(crowd_posts)
    first_key = graph.org_node - len(graph.key_index)   # crowd nodes, then key accounts, then us
    key_nodes = [int(n) for n in posters[(posters >= first_key) & (posters < graph.org_node)]
                 if int(n) not in scripted_nodes]
    for node in key_nodes:
        account = accounts[index_to_handle[node]]
        stance = account.stance
        text = w.text.text(stance, texts)
        texts.add(text)
        likes, reposts = engagement(account.followers, graph.stance[node])
        feed.append(Post(w.next_post_id(), w.turn, moment(), account.handle, account.name, account.followers,
                         text, stance, likes, reposts, "key"))
    crowd = posters[posters < first_key].astype(np.int64)
    room = max(0, min(CROWD_IN_FEED, FEED_SIZE - len(feed)))
    if crowd.size and room:
        visibility = crowd_posts[crowd] * graph.followers[crowd] ** 0.5
        chosen = rng.choice(crowd, size=min(room, crowd.size), replace=False, p=visibility / visibility.sum())
        for node in chosen:
            stance = STANCE_NAMES[int(graph.stance[node])]
            text = w.text.text(stance, texts)
            texts.add(text)
            handle = w.text.handle_for(int(node))
            followers = int(graph.followers[node])
            likes, reposts = engagement(followers, int(graph.stance[node]))
            feed.append(Post(w.next_post_id(), w.turn, moment(), handle, w.text.display_name(handle), followers,
                             text, stance, likes, reposts, "crowd"))
    feed.sort(key=lambda p: (p.source != "org", -(p.likes + 3 * p.reposts)))
    return feed


def _ending(w: World, conditions: Conditions) -> EndingInfo | None:
    finished = w.turn > w.turns_total
    env = conditions.env(w)
    for ending in w.scenario.endings:
        if (ending.early or finished) and conditions.holds(ending.when, env):
            return EndingInfo(ending.id, ending.outcome, ending.title, ending.text)
    if finished:
        delta = w.reputation - w.scenario.organisation.reputation
        outcome = "success" if delta >= 0 else ("mixed" if delta > -10 else "failure")
        return EndingInfo("default", outcome, "The storm has passed",
                          f"Reputation moved {delta:+.1f} points over the crisis.")
    return None


def _people(count: float) -> str:
    if count >= 1e6:
        return f"{count / 1e6:.1f}M"
    if count >= 1e3:
        return f"{count / 1e3:.0f}k"
    return f"{int(count)}"


__all__ = ["open_campaign", "perform", "end_turn", "apply_effects", "FiredEvent"]
