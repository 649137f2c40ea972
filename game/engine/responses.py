"""What the team's choices do to the crowd, the press and the reputation — and why.

The rules follow Situational Crisis Communication Theory (Coombs 2007; research/models.md M4):
a response strategy has a posture, from the most accommodating (rebuild: apology, compensation) to
the most defensive (attack the accuser).  SCCT recommends a posture for the crisis: rebuild for a
preventable crisis, or an accidental one with a history or a poor reputation; diminish for an
accidental crisis without them; informing for victims.  A response at or above the recommendation
calms the crowd; one below it is read as evasive and starts a new wave (United 3411's first two
statements, cases.md §16).  Credibility falls the longer the team waits after the hijack (Coombs: the
first hour; Lithium: 72% expect an answer within an hour) and rises for speaking before the press
does (stealing thunder: Arpan & Roskos-Ewoldsen 2005).  Attacking critics spawns a counter-hashtag
(#AskSeaWorld → #AnswerTheQ); deleting invites the Streisand effect in proportion to what the
deleted post had already reached; boilerplate to a hostile influencer becomes their next joke.
"""

from __future__ import annotations

import math

from game.engine.state import Post
from game.engine.world import World
from game.scenario.vocabulary import TONES

# How accommodating each posture is (SCCT: deny < diminish < rebuild; bolstering is a supplement).
POSTURE_RANK = {"attack": 0, "deny": 1, "diminish": 2, "humour": 3, "inform": 3, "bolster": 3, "rebuild": 5}
# How a newsroom that already ran the story headlines the organisation's next move.
POSTURE_NEWS = {
    "attack": "hits back at its critics",
    "deny": "denies it did wrong",
    "diminish": "defends itself",
    "humour": "answers with a joke",
    "inform": "responds",
    "bolster": "points to the good it does",
    "rebuild": "apologises",
}
POSTURE_WORDS = {
    "attack": "attacking the critics",
    "deny": "a denial",
    "diminish": "an excuse",
    "humour": "a joke",
    "inform": "plain information",
    "bolster": "reminding people of the good it does",
    "rebuild": "an apology",
}


def required_posture(crisis_type: str, history: float, reputation: float) -> int:
    """The least accommodating posture SCCT's guidelines accept for this crisis (as a rank)."""
    troubled = history > 0.25 or reputation < 40
    if crisis_type == "preventable":
        return POSTURE_RANK["rebuild"]
    if crisis_type == "accidental":
        return POSTURE_RANK["rebuild"] if troubled else POSTURE_RANK["diminish"]
    return POSTURE_RANK["diminish"] if troubled else POSTURE_RANK["deny"]


def effective_rank(world: World, posture: str) -> int:
    """A joke into real anger reads as flippancy, not as humility."""
    rank = POSTURE_RANK[posture]
    if posture == "humour" and world.anger > 50:
        return POSTURE_RANK["diminish"]
    return rank


def credibility(world: World) -> tuple[float, str]:
    """How much a response counts now, and the words that explain it."""
    factor, why = 1.0, ""
    if world.hijacked:
        hours = max(0.0, world.hours_since(world.hijack_turn))
        factor = 0.5 ** (hours / world.params.late_hours)
        why = f"{hours:.1f} h after the hijack" if hours >= 0.75 else "within the hour"
        if not world.first_press_turn:
            factor *= 1.3
            why += ", before the press"
    else:
        why = "before the storm"
    if world.listening_until >= world.turn:
        factor *= 1.25
        why += ", after listening"
    return factor, why


def speak(world: World, posture: str, what: str, scale: float = 1.0) -> None:
    """The effect of the organisation taking a public posture (a statement or a custom action)."""
    if not world.first_response_turn:
        world.first_response_turn = world.turn
    world.count("n_" + posture)
    fit = effective_rank(world, posture) - world.required_posture
    world.develop(f"{world.scenario.organisation.name} {POSTURE_NEWS[posture]}", kind="round" if fit < 0 else "ending")
    cred, when = credibility(world)
    words = POSTURE_WORDS[posture]
    if fit >= 0:
        calm = (10.0 + 3.0 * min(fit, 2)) * cred * scale
        world.change("anger", -calm, f"{what}: {words} fits this crisis ({when})")
        world.lift((1.2 + 0.4 * POSTURE_RANK[posture]) * cred * scale, f"{what}: {words}, {when}")
        world.goodwill = min(1.0, world.goodwill + 0.2 * cred * scale)
    else:
        gap = -fit
        world.change("anger", 5.0 * gap * scale, f"{what}: {words} is less than this crisis needs (SCCT)")
        world.change("reputation", -1.0 * gap * world.threat * scale, f"{what}: read as evasive")
        world.change("press", 4.0 * gap * scale, f"{what}: a defensive line is news")
        wave = gap * max(world.last_posts, 50) * 1.5 * scale
        world.spread.add_outside_exposure(wave)
    if posture == "attack":
        world.change("press", 8.0 * scale, f"{what}: attacking critics gives the press a second story")
        if "counter_hashtag" not in world.fired:
            world.fired.add("counter_hashtag")
            world.fire("counter_hashtag", "event", "Critics start a counter-hashtag",
                       "Being called trolls, the critics answer with a tag of their own (#AskSeaWorld → #AnswerTheQ).")
            world.spread.add_outside_exposure(max(world.last_posts, 100) * 3.0)


def reply(world: World, target: Post, tone: str) -> None:
    """One reply to one person: small effects, but the wrong tone to a big account backfires."""
    params = world.params
    posture = TONES[tone]
    # The fifth template answer tells people nothing the first did not: effects of replies in the
    # same tone wear off (as reach damage does), though each still counts.
    repeat = world.counters.get(f"n_reply_{tone}", 0.0)
    wear = 1.0 / (1.0 + repeat / 2.0)
    world.count("n_reply")
    world.count(f"n_reply_{tone}")
    world.count(f"n_{posture}")
    if not world.first_response_turn and target.stance == "hostile":
        world.first_response_turn = world.turn
    who = f"reply to @{target.author}"
    big = target.followers >= 10_000
    cred, when = credibility(world)
    if target.stance != "hostile":
        if tone in ("dismissive",):
            world.change("reputation", -0.5 * world.threat, f"{who}: snapping at a friendly voice")
        else:
            world.lift(0.3 * cred, f"{who}: a question answered")
            world.goodwill = min(1.0, world.goodwill + 0.02)
        return
    if tone in ("boilerplate", "defensive"):
        # The template answer is screenshotted and mocked: the influencer posts again.
        mock = target.followers * params.see_share
        node = world.graph.key_index.get(target.author.lower())
        if node is not None:
            world.spread.force_post(node)
        world.spread.add_outside_exposure(mock * params.affinity)
        # A template answer to a big account is screenshotted to its audience; to a small one it
        # costs little (the cost grows with the log of the audience watching).
        audience = math.log10(1.0 + target.followers / 1000.0)
        world.change("anger", (2.5 if big else 1.0) * wear, f"{who}: a {tone} answer feeds the mockery")
        world.change("reputation", -0.4 * audience * world.threat * wear,
                     f"{who}: {tone} reply in front of {target.followers:,} followers")
        return
    if tone == "dismissive":
        world.change("anger", 5.0 * wear, f"{who}: calling a critic a troll")
        world.change("reputation", -1.5 * world.threat * wear, f"{who}: attacking a critic in public")
        world.change("press", 4.0, f"{who}: a brand picking fights is a story")
        world.spread.add_outside_exposure(target.followers * params.see_share)
        return
    if tone == "humorous" and world.anger > 50:
        world.change("anger", 1.5, f"{who}: a joke into anger reads as flippant")
        return
    # Empathetic, apologetic, informative or (into light teasing) humorous: one person at a time.
    one_by_one = 2.0 if world.scenario.organisation.crisis_type != "preventable" else 1.0
    world.change("anger", -1.2 * one_by_one * cred * wear, f"{who}: a human answer ({when})")
    world.lift(0.35 * one_by_one * cred * wear, f"{who}: {tone} reply")
    world.goodwill = min(1.0, world.goodwill + 0.03)
    node = world.graph.key_index.get(target.author.lower())
    if node is not None:
        # An influencer who got a real answer has less to say (fatigue as if they had posted).
        world.spread.posted[node] += 2 * world.params.fatigue_posts


def cancel(world: World) -> None:
    world.cancelled_turn = world.turn
    world.change("invitation", -world.invitation, "the campaign is cancelled")
    world.develop(f"{world.scenario.organisation.name} calls off {world.scenario.campaign.hashtag}",
                  kind="withdrawal")
    if world.hijacked:
        world.change("anger", -8.0, "the cancellation takes away the target")
        world.change("press", 8.0, "the cancellation becomes a story of its own")
        world.lift(1.0, "stopping the bleeding")
        world.spread.add_outside_exposure(max(world.last_posts, 100) * 1.0)
    elif world.anger < 40 and world.posts_per_hour >= 0.5 * world.hijack_rate:  # busy for its audience
        # Calling off a campaign people are merely teasing is an over-reaction, and a small story:
        # the joke was not a grievance (#WaitroseReasons: the brand laughed along instead).
        world.change("press", 5.0, "a brand that cancels over jokes is a story")
        world.change("reputation", -1.5, "cancelling over teasing looks humourless")
    else:
        world.change("anger", -5.0, "pulled before the storm: little to mock")
        world.lift(0.5, "a quiet retreat")


def delete(world: World, post: Post) -> None:
    params = world.params
    world.count("n_delete")
    seen = world.org_reach.get(post.id, 0.0)
    decades = math.log10(1.0 + seen / 1000.0)
    world.org_posts = [p for p in world.org_posts if p.id != post.id]
    if decades >= 0.05:
        world.change("press", params.streisand * decades,
                     f"deleting a post {int(seen):,} people had seen: screenshots outlive it (Streisand)")
        world.change("reputation", -0.6 * decades * world.threat, "a deletion looks like hiding")
        world.spread.add_outside_exposure(seen * 0.05)
        world.develop(f"{world.scenario.organisation.name} deletes a post", kind="round")
    invited = world.org_invitation.pop(post.id, 0.0)
    if invited > 0 and not world.cancelled_turn:
        world.change("invitation", -invited, "the post that invited people in is gone")
    fresh = world.turn - post.turn <= 1
    if fresh and world.scenario.organisation.crisis_type != "preventable":
        world.change("anger", -8.0, "the offending post is gone within minutes")
