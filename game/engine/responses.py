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

from game.engine.params import ModelParams, ReputationParams
from game.engine.state import Post
from game.engine.world import World
from game.scenario.models import Organisation
from game.scenario.vocabulary import TONES
from game.words import Reading

# How accommodating each posture is (SCCT: deny < diminish < rebuild; bolstering is a supplement).
POSTURE_RANK = {
    "attack": 0,
    "deny": 1,
    "diminish": 2,
    "humour": 3,
    "inform": 3,
    "bolster": 3,
    "rebuild": 5,
}  # not a parameter: an order
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


def required_posture(crisis_type: str, history: float, reputation: float, params: ReputationParams) -> int:
    """The least accommodating posture SCCT's guidelines accept for this crisis (as a rank)."""
    troubled = history > params.troubled_history or reputation < params.troubled_reputation
    if crisis_type == "preventable":
        return POSTURE_RANK["rebuild"]
    if crisis_type == "accidental":
        return POSTURE_RANK["rebuild"] if troubled else POSTURE_RANK["diminish"]
    return POSTURE_RANK["diminish"] if troubled else POSTURE_RANK["deny"]


def posture_called_for(organisation: Organisation, params: ModelParams) -> int:
    """The least accommodating posture (a rank) SCCT accepts for this organisation's crisis."""
    from game.engine.reputation import history_share

    return required_posture(
        organisation.crisis_type, history_share(organisation, params), organisation.reputation, params.reputation
    )


def effective_rank(world: World, posture: str) -> int:
    """A joke into real anger reads as flippancy, not as humility."""
    rank = POSTURE_RANK[posture]
    if posture == "humour" and world.anger > world.params.responses.humour_anger_limit:
        return POSTURE_RANK["diminish"]
    return rank


def credibility(world: World, reading: Reading | None = None) -> tuple[float, str]:
    """How much a response counts now, and the words that explain it.  The team's own words count
    more when they name specifics (the grievance, facts, numbers) or say what will change."""
    rp = world.params.responses
    factor, why = 1.0, ""
    if world.hijacked:
        hours = max(0.0, world.hours_since(world.hijack_turn))
        factor = 0.5 ** (hours / rp.late_hours)
        why = f"{hours:.1f} h after the hijack" if hours >= rp.prompt_hours else "within the hour"
        if not world.first_press_turn:
            factor *= rp.before_press
            why += ", before the press"
    else:
        why = "before the storm"
    if world.listening_until >= world.turn:
        factor *= rp.after_listening
        why += ", after listening"
    if reading is not None and reading.features is not None:
        if reading.features.specifics:
            factor *= rp.specifics_credibility
            why += ", naming " + _quoted(reading.features.specifics)
        if reading.features.corrective_action:
            factor *= rp.corrective_credibility
            why += ", saying what will change (" + _quoted(reading.features.corrective_action) + ")"
    return factor, why


def _quoted(phrases: tuple[str, ...]) -> str:
    return ", ".join(f"‘{phrase}’" for phrase in phrases[:2])


def speak(world: World, posture: str, what: str, scale: float = 1.0, reading: Reading | None = None) -> None:
    """The effect of the organisation taking a public posture (a statement or a custom action)."""
    rp = world.params.responses
    if not world.first_response_turn:
        world.first_response_turn = world.turn
    world.count("n_" + posture)
    fit = effective_rank(world, posture) - world.required_posture
    world.develop(f"{world.scenario.organisation.name} {POSTURE_NEWS[posture]}", kind="round" if fit < 0 else "ending")
    cred, when = credibility(world, reading)
    words = POSTURE_WORDS[posture]
    if fit >= 0:
        calm = (rp.calm + rp.calm_per_fit * min(fit, rp.fit_cap)) * cred * scale
        world.change("anger", -calm, f"{what}: {words} fits this crisis ({when})")
        world.lift((rp.lift + rp.lift_per_rank * POSTURE_RANK[posture]) * cred * scale, f"{what}: {words}, {when}")
        world.goodwill = min(1.0, world.goodwill + rp.goodwill * cred * scale)
    else:
        gap = -fit
        world.change("anger", rp.evasive_anger * gap * scale, f"{what}: {words} is less than this crisis needs (SCCT)")
        world.change("reputation", -rp.evasive_reputation * gap * world.threat * scale, f"{what}: read as evasive")
        world.change("press", rp.evasive_press * gap * scale, f"{what}: a defensive line is news")
        wave = gap * max(world.last_posts, rp.evasive_wave_least_posts) * rp.evasive_wave * scale
        world.spread.add_outside_exposure(wave)
    if posture == "attack":
        world.change("press", rp.attack_press * scale, f"{what}: attacking critics gives the press a second story")
        if "counter_hashtag" not in world.fired:
            world.fired.add("counter_hashtag")
            world.fire(
                "counter_hashtag",
                "event",
                "Critics start a counter-hashtag",
                "Being called trolls, the critics answer with a tag of their own (#AskSeaWorld → #AnswerTheQ).",
            )
            world.spread.add_outside_exposure(max(world.last_posts, rp.counter_tag_least_posts) * rp.counter_tag_wave)


def reply(world: World, target: Post, tone: str, reading: Reading | None = None) -> None:
    """One reply to one person: small effects, but the wrong tone to a big account backfires.  In the
    team's own words (``reading``), a warm reply that does not answer what the post asked lands as
    the template it is."""
    params, rp = world.params, world.params.responses
    sidestep = (
        reading is not None
        and reading.features is not None
        and reading.features.answers_question is False
        and tone in ("empathetic", "apologetic", "informative")
    )
    posture = TONES[tone]
    # The fifth template answer tells people nothing the first did not: effects of replies in the
    # same tone wear off (as reach damage does), though each still counts.
    repeat = world.counters.get(f"n_reply_{tone}", 0.0)
    wear = 1.0 / (1.0 + repeat / rp.wear_after)
    world.count("n_reply")
    world.count(f"n_reply_{tone}")
    world.count(f"n_{posture}")
    if not world.first_response_turn and target.stance == "hostile":
        world.first_response_turn = world.turn
    who = f"reply to @{target.author}"
    big = target.followers >= rp.big_account
    cred, when = credibility(world, reading)
    if target.stance != "hostile":
        if tone in ("dismissive",):
            world.change("reputation", -rp.friendly_snap * world.threat, f"{who}: snapping at a friendly voice")
        else:
            world.lift(rp.answer_lift * cred, f"{who}: a question answered")
            world.goodwill = min(1.0, world.goodwill + rp.answer_goodwill)
        return
    if tone in ("boilerplate", "defensive") or sidestep:
        what = f"{tone} answer that does not answer what they asked" if sidestep else f"{tone} answer"
        # The template answer is screenshotted and mocked: the influencer posts again.
        mock = target.followers * params.graph.see_share
        node = world.graph.key_index.get(target.author.lower())
        if node is not None:
            world.spread.force_post(node)
        world.spread.add_outside_exposure(mock * params.graph.affinity)
        # A template answer to a big account is screenshotted to its audience; to a small one it
        # costs little (the cost grows with the log of the audience watching).
        audience = math.log10(1.0 + target.followers / rp.template_scale)
        article = "an" if what[:1] in "aeiou" else "a"
        world.change(
            "anger",
            (rp.template_anger_big if big else rp.template_anger) * wear,
            f"{who}: {article} {what} feeds the mockery",
        )
        world.change(
            "reputation",
            -rp.template_reputation * audience * world.threat * wear,
            f"{who}: {what} in front of {target.followers:,} followers",
        )
        return
    if tone == "dismissive":
        names = reading.features.hostility if reading is not None and reading.features is not None else ()
        how = f"calling a critic names ({_quoted(names)})" if names else "brushing a critic off in public"
        world.change("anger", rp.troll_anger * wear, f"{who}: {how}")
        world.change("reputation", -rp.troll_reputation * world.threat * wear, f"{who}: attacking a critic in public")
        world.change("press", rp.troll_press, f"{who}: a brand picking fights is a story")
        world.spread.add_outside_exposure(target.followers * params.graph.see_share)
        return
    if tone == "humorous" and world.anger > rp.humour_anger_limit:
        world.change("anger", rp.joke_into_anger, f"{who}: a joke into anger reads as flippant")
        return
    # Empathetic, apologetic, informative or (into light teasing) humorous: one person at a time.
    one_by_one = rp.one_by_one if world.scenario.organisation.crisis_type != "preventable" else 1.0
    world.change("anger", -rp.human_calm * one_by_one * cred * wear, f"{who}: a human answer ({when})")
    world.lift(rp.human_lift * one_by_one * cred * wear, f"{who}: {tone} reply")
    world.goodwill = min(1.0, world.goodwill + rp.human_goodwill)
    node = world.graph.key_index.get(target.author.lower())
    if node is not None:
        # An influencer who got a real answer has less to say (fatigue as if they had posted).
        world.spread.posted[node] += rp.answered_fatigue * params.posting.fatigue_posts


def cancel(world: World) -> None:
    rp = world.params.responses
    world.cancelled_turn = world.turn
    world.change("invitation", -world.invitation, "the campaign is cancelled")
    world.develop(f"{world.scenario.organisation.name} calls off {world.scenario.campaign.hashtag}", kind="withdrawal")
    if world.hijacked:
        world.change("anger", -rp.cancel_calm, "the cancellation takes away the target")
        world.change("press", rp.cancel_press, "the cancellation becomes a story of its own")
        world.lift(rp.cancel_lift, "stopping the bleeding")
        world.spread.add_outside_exposure(max(world.last_posts, rp.cancel_wave_least_posts) * 1.0)
    elif world.anger < rp.teasing_anger_below and world.posts_per_hour >= rp.teasing_busy_share * world.hijack_rate:
        # Calling off a campaign people are merely teasing is an over-reaction, and a small story:
        # the joke was not a grievance (#WaitroseReasons: the brand laughed along instead).
        world.change("press", rp.teasing_press, "a brand that cancels over jokes is a story")
        world.change("reputation", -rp.teasing_reputation, "cancelling over teasing looks humourless")
    else:
        world.change("anger", -rp.retreat_calm, "pulled before the storm: little to mock")
        world.lift(rp.retreat_lift, "a quiet retreat")


def delete(world: World, post: Post) -> None:
    rp = world.params.responses
    world.count("n_delete")
    if any(p.id == post.id for p in world.pending_posts):
        # Taken down the moment it went up, before the turn played out: nobody saw it.
        world.pending_posts = [p for p in world.pending_posts if p.id != post.id]
        org = world.graph.org_node
        world.spread.pending[org] = max(0, world.spread.pending[org] - 1)
    seen = world.org_reach.get(post.id, 0.0)
    decades = math.log10(1.0 + seen / rp.streisand_scale)
    world.org_posts = [p for p in world.org_posts if p.id != post.id]
    if decades >= rp.least_noticed:
        world.change(
            "press",
            rp.streisand * decades,
            f"deleting a post {int(seen):,} people had seen: screenshots outlive it (Streisand)",
        )
        world.change("reputation", -rp.deletion_reputation * decades * world.threat, "a deletion looks like hiding")
        world.spread.add_outside_exposure(seen * rp.deletion_echo)
        world.develop(f"{world.scenario.organisation.name} deletes a post", kind="round")
    invited = world.org_invitation.pop(post.id, 0.0)
    if invited > 0 and not world.cancelled_turn:
        world.change("invitation", -invited, "the post that invited people in is gone")
    fresh = world.turn - post.turn <= 1
    if fresh and world.scenario.organisation.crisis_type != "preventable":
        world.change("anger", -rp.quick_delete_calm, "the offending post is gone within minutes")
