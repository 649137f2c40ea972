"""The model's constants, shared by every scenario, grouped by the part of the model they drive.

No constant here is keyed to one case: a scenario shapes the crisis through its own data (audience,
grievance, crisis type, timeline).  Each value cites where it comes from; ``research/models.md`` is
the project's research file (sections M1-M4), ``research/cases.md`` the case record.  Where a value
is a design choice rather than a measurement, its docstring says so.  Engine code writes no model
number of its own: ``tests/engine/test_parameters.py`` fails on one.

    params.press.half              # one group per part of the model
    ModelParams().with_(press_spectacle=0.0)   # a copy with one value changed (group_field=value)
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field


@dataclass(frozen=True)
class GraphParams:
    """The follower graph (``graph.py``)."""

    node_budget: int = 60_000
    """Most crowd nodes simulated; a bigger audience is aggregated (a node stands for several
    similar accounts), named accounts stay individual.  Keeps a turn fast at any scale."""
    see_share: float = 0.03
    """Share of an account's followers who see a given post (impressions/followers 1-5%, M3)."""
    affinity: float = 0.3
    """Share of those viewers who belong to the crisis's interested population (homophily; Goel et
    al.: cascades live on interest subgraphs, M1)."""
    follower_sigma: float = 1.2
    """Log-normal spread of crowd follower counts around the segment median (heavy tail, M3)."""
    edge_cap: int = 4_000
    """Most follow links sampled per account; beyond it each link carries more exposure."""
    edge_budget: int = 1_500_000
    """Most follow links in a whole graph (about 20 MB): beyond it every link carries more."""


@dataclass(frozen=True)
class PostingParams:
    """Who posts, and when (``spread.py``, ``crowd.py``)."""

    kernel_minutes: tuple[float, ...] = (4.0, 30.0, 240.0, 2880.0)
    """Time scales of the memory kernel (SEISMIC, M2), a sum of exponentials fitted (least squares)
    to SEISMIC's reaction-time curve: 96% of reactions still to come after 1 min, 81% after 5, 54%
    after 30, 46% after 1 h, 30% after 6 h, 22% after 24 h."""
    kernel_weights: tuple[float, ...] = (0.236, 0.351, 0.081, 0.332)
    """The weights of those exponentials (same fit)."""
    fatigue_posts: float = 2.0
    """Posts after which an account's urge halves: most accounts in a hijack post once or twice."""
    max_posts_per_hour: float = 30.0
    """A hard ceiling on one account's posting rate (one every two minutes), so no scenario's
    numbers can make the crowd post without bound."""
    key_engagement: float = 4.0
    """Named accounts are engaged users: their chance to react to an exposure is this many times
    their segment's (Bakshy et al.: past influencers stay active, M3)."""
    hostile_drive: tuple[float, float] = (0.5, 1.0)
    """A hostile account's urge: base + slope × anger/100.  Anger drives secondary crisis
    communication (Utz, Schultz & Glocka 2013, M4): at full anger critics post three times as
    readily as with none."""
    neutral_drive: float = 0.8
    """An onlooker's urge, before the trend's pull (a design assumption between the two camps)."""
    spectacle: float = 0.4
    """Onlookers post more while the tag trends (jokes, 'watching #X unfold'): neutral drive is
    neutral_drive × (1 + spectacle × trend)."""
    supportive_drive: float = 0.5
    """A supporter's urge, before goodwill: defenders of a brand post less readily than its critics
    (hijacks run about two-thirds hostile, cases §0)."""
    goodwill_drive: float = 2.0
    """Supporters roused by good responses: at full goodwill they post (1 + this) times as readily
    (a design assumption: SCCT's 'supporters speak up' effect, M4)."""
    invitation_salience: float = 2.0
    """The invitation's pull grows with the square of how open it is: salience is steep — a vague
    invitation a week away is ignored, a named executive at a set hour is a target (#AskJPM: little
    traffic for six days, a flood within hours, cases §1; a design assumption)."""
    elite_watch: float = 0.5
    """Exposures a named account (a journalist, influencer, activist, celebrity, politician) gets
    from each post another named account makes on the tag: elites read elites (Wu, Hofman, Mason &
    Watts 2011: ~20,000 accounts produce half of what is read), and journalists source stories from
    known accounts' posts (Oriella 2012: ~55%); about an even chance of noticing each one.  The
    second way, beside its own follow links, that a storm reaches the accounts that amplify it
    (research/ignition.md §1)."""
    elite_trend_rate: float = 1.0
    """Exposures per hour a named account gets from a tag at the top of the trending list:
    journalists and celebrities check it as they would a wire (newsroom guides, ignition.md §1-2;
    Willnat & Weaver 2018: nine in ten journalists watch social media for breaking news), arriving
    30 min to 4 h after it trends."""
    elite_story: float = 1.0
    """Exposures a named account gets from each press story on the tag: journalists check what other
    outlets run (Willnat & Weaver 2018) and influencers share the story; one story, about one look."""
    invitation_rate: float = 0.35
    """Exposures per hour that a fully open invitation (100) gives each account watching the
    brand: promoted posts, the account's reminders, the tag in search."""
    deadline_pressure: float = 4.0
    """How much more readily people post on a campaign's tag at the moment its deadline falls due
    (a Q&A's start) than on an ordinary hour.  People react to a deadline with a pressure inversely
    proportional to the time left (Alfi, Parisi & Pietronero, Nature Physics 3, 746, 2007:
    conference registrations), so the urge is 1 + pressure × lead / (lead + hours left).  Fitted to
    the one documented run-up peak (#AskBG: 160 posts a minute at 12:54, before a 13:00 session;
    cases §8); a day ahead it adds 4%."""
    deadline_lead_hours: float = 0.25
    """The time left at which the pressure is half its peak: about what it takes to write and send a
    question before the hour."""
    deadline_rush_event: float = 2.0
    """The rush at which the player is told the tag fills up before the hour (twice the usual urge)."""
    adversary_read: float = 1.0
    """Exposures an adversary of the organisation (a key account with ``adversary``: PETA to SeaWorld,
    Occupy Wall Street to the NYPD) gets from each of the organisation's posts when the post invites
    replies fully, times the invitation's salience, (invitation/100)^invitation_salience, as the
    invitation channel's: it follows the account to answer it, so it sees every post, and acts on the
    opening a post gives.  In the record adversaries took up salient openings within hours (Occupy Wall
    Street reposted #myNYPD's call for photos; Occupy on #AskJPM within three hours of the named
    executive and hour) but not a vague one (none on #AskJPM during its six-day float).  One exposure,
    read as outrage rather than as brand content, is a judgement."""
    baseline_rate: float = 0.02
    """Exposures per hour of background talk about the organisation for its watchers."""
    brand_content: float = 0.2
    """The brand's own posts move people to post at a fifth of the rate outrage does (0.5-1% per
    view for ordinary brand content against 2-5% for hostile content in a live hijack, M3)."""
    rhythm_mean: float = 0.6
    """The daily rhythm: activity is mean - swing × cos(2π (hour - low hour) / 24), so it runs from
    0.2 before dawn to 1.0 mid-afternoon (platform activity curves: a trough around 03:00-05:00,
    a broad afternoon peak, M3)."""
    rhythm_swing: float = 0.4
    """The rhythm's swing around its mean (same source)."""
    rhythm_low_hour: float = 3.5
    """The local hour of the rhythm's trough (same source)."""
    max_step_minutes: float = 10.0
    """A turn is simulated in steps of at most this many minutes (the kernel's shortest scale is
    4 minutes; ten keeps a step's exposures from reacting within the step)."""
    max_steps: int = 24
    """At most this many steps a turn, so a day-long turn costs no more than a few hours' worth."""


@dataclass(frozen=True)
class TrendParams:
    """The trending channel and the hijack (M3: volumes need it)."""

    threshold: float = 600.0
    """Posts per hour at which a hashtag enters trending lists: ten a minute ("tens per minute in a
    city", M3; #QantasLuxury trended in Sydney and Melbourne within its first hour)."""
    sharpness: float = 4.0
    """How sharply a tag enters the list around the threshold: trend = 1 / (1 + (threshold /
    rate)^sharpness), so at half the rate it is 6% in, at twice 94% (a design assumption: lists are
    ranked, not a hard cut)."""
    look_rate: float = 0.04
    """Share of the whole audience that glances at a trending tag each hour.  The trending list
    shows a tag to a fixed audience, so this channel saturates instead of compounding; with
    outrage susceptibility it gives hijacks of 10^4-10^5 posts a day (M3, 'Trending and search
    exposure'; cases §0 'Volume scales').  A design assumption, shared by every scenario."""
    novelty_half_hours: float = 24.0
    """A trending tag's pull halves with each day it has trended: collective attention fades as a
    story grows old (Wu & Huberman 2007, novelty decay).  A day's half-life matches the record's
    pattern that about half a hijack's volume falls on its peak day (cases §0 'Volume scales':
    #AskJPM 27.7k of 45.6k) and that cancelled campaigns make a one-to-two-day story (§0 pattern 4).
    A new round of conflict that the press follows up (a defence, an attack, a deletion) makes the
    tag new again and restarts the clock; an ending (an apology, a withdrawal) does not."""
    hijack_share: float = 0.5
    """A hijack needs a hostile majority of the turn's posts (cases §0: hijacked tags run about
    two-thirds hostile)."""
    hijack_trend_share: float = 0.25
    """...at a rate of at least a quarter of the trending rate for big audiences,"""
    hijack_audience_rate: float = 0.002
    """...or 0.2% of the audience an hour for small ones (about 5% of it in a day)."""


@dataclass(frozen=True)
class ReputationParams:
    """Reputation, anger and the SCCT threat (``reputation.py``, ``world.py``; SCCT, M4)."""

    responsibility: tuple[tuple[str, float], ...] = (("victim", 0.2), ("accidental", 0.5), ("preventable", 0.9))
    """Attributed responsibility per SCCT cluster (Coombs 2007; research file's encoding)."""
    history_weight: float = 0.6
    """How much a history of crises raises the threat (SCCT's intensifier, Coombs 2007): a full
    history (severities adding to 2) raises it by 60%."""
    history_full: float = 2.0
    """The sum of past crises' severities that counts as a full history."""
    prior_reputation_weight: float = 0.5
    """How much a poor prior reputation raises the threat (SCCT's second intensifier): at 0 the threat
    is 50% higher than at the neutral 50, at 100 it is 50% lower."""
    neutral_reputation: float = 50.0
    """The reputation SCCT's intensifier treats as neither good nor bad."""
    troubled_history: float = 0.25
    """A history share above which SCCT asks for a more accommodating posture (Coombs 2007)."""
    troubled_reputation: float = 40.0
    """A prior reputation below which SCCT asks for a more accommodating posture."""
    anger_memory_hours: float = 24.0
    """Anger relaxes toward the grievance's baseline over about a day (a 1-2 day story, cases §0)."""
    reach_damage: float = 2.0
    """Reputation points per unit of log1p(all hostile reach so far / reach_scale), times threat."""
    reach_scale: float = 200_000.0
    """The hostile reach at which damage begins to flatten (the first few hundred thousand
    impressions hurt most; M4, and the design choice that turn length must not change the cost)."""
    support_gain: float = 1.5
    """Reputation points per unit of log1p(supportive reach / reach_scale)."""
    floor_zone: float = 20.0
    """Reputation below which losses shrink: a standing already in ruins has little left to lose,
    so a week-long storm does not pin every reputation at zero (a design choice)."""
    floor_least_share: float = 0.2
    """The least share of a loss still applied at the very bottom."""
    lift_headroom: float = 5.0
    """Responses can lift reputation up to this many points above where it started before lifts
    shrink (SCCT: rebuild strategies restore reputation; they do not add to it without end)."""
    lift_fade: float = 10.0
    """Over how many points below that mark lifts reach full strength."""
    lift_least_share: float = 0.1
    """The least share of a lift that still counts beyond the mark."""
    mixed_band: float = 10.0
    """A scenario without its own endings calls a loss of less than this many points 'mixed', more
    a failure (a design choice: about the cost of one published story for a preventable crisis)."""


@dataclass(frozen=True)
class PressParams:
    """The press (``press.py``; M3: first online pickup 2-5 h into a flood)."""

    half: float = 150_000.0
    """Hostile impressions per hour at which press attention settles at 50 (half its range)."""
    spectacle: float = 0.5
    """While a tag trends, its onlookers' posts (jokes, 'watching #X unfold') can draw the press
    too, at half the weight of hostile ones: a trending spectacle is news whatever its tone (news
    values include entertainment and surprise beside conflict: Harcup & O'Neill 2017).  A story
    takes its strongest angle, so this moves the press only when the spectacle outweighs the
    conflict — amused storms such as #WaitroseReasons or #susanalbumparty (cases §0), not hijacks."""
    per_journalist: float = 8.0
    """Attention each journalist posting on the tag adds to where it settles: they are the press."""
    journalist_arrival: float = 6.0
    """A journalist's first post on the tag jolts attention at once (their newsroom hears of it)."""
    rise_hours: float = 3.0
    """Attention builds over two or three hours: newsrooms must notice, pitch, write and edit."""
    memory_hours: float = 10.0
    """And fades over about half a day once the storm dies down (a 1-2 day story, cases §0)."""
    rate: float = 0.6
    """Stories per hour from an outlet whose threshold the attention has reached, in working
    hours (cases §0 'Latency to press')."""
    over_threshold_scale: float = 25.0
    """Each 25 points of attention past an outlet's threshold doubles its rate: a big story is
    written sooner."""
    night_share: float = 0.25
    """At night newsrooms publish at a quarter of the daytime rate (print and TV follow the next
    day, cases §0 'Latency to press')."""
    working_hours: tuple[float, float] = (7.0, 20.0)
    """A newsroom's day, local time."""
    trending_floor: float = 0.0
    """The least attention a hijacked tag on the trending list holds (0: none).  Only a file that names
    its market reads one: ``market_params`` sets it from ``audience.trending_floor``; a file written in
    full and naming no region keeps 0, and its outlets' fitted thresholds."""
    read_share: float = 0.01
    """Share of a story's audience that goes and looks at the hashtag (an immigrant batch, M2)."""
    damage: float = 0.35
    """Reputation points per decade of a story's audience (log10 of 1 + audience / damage_scale),
    times threat."""
    damage_scale: float = 100_000.0
    """The audience from which a story starts to cost reputation."""
    story_anger: float = 2.0
    """Anger a story adds: a published story validates the outrage (M4, secondary crisis talk)."""
    story_follow: float = 3.0
    """Attention a story adds: other newsrooms follow the first."""
    inject_story_hours: float = 24.0
    """A facilitator's inject that moves the press (a reporter's call, a leak) is a story of its
    own: the attention it brings fades over about a day, as a brand hijack is a 1-2 day story
    (cases §0 pattern 4; ignition), not with the storm's half-day memory — which would leave under
    1% of it after a two-day turn.  A design choice sized on those cases; games without injects
    never read it."""


@dataclass(frozen=True)
class ResponseParams:
    """What the team's choices do (``responses.py``, ``rules.py``; SCCT, M4).  Most values here are
    design assumptions sized against the documented cases; their sources say what they mirror."""

    late_hours: float = 3.0
    """After the hijack, a response's credibility halves every so many hours (Coombs: respond
    within the first hour; Lithium: 72% expect a reply within an hour)."""
    prompt_hours: float = 0.75
    """A response within this many hours of the hijack counts as 'within the hour'."""
    before_press: float = 1.3
    """Credibility for speaking before the press does (stealing thunder: Arpan & Roskos-Ewoldsen
    2005)."""
    after_listening: float = 1.25
    """Credibility for answering after monitoring the conversation (responses that name the
    grievance land better: Coombs 2007, 'instructing information' first)."""
    specifics_credibility: float = 1.2
    """A response in the team's own words that names specifics (the grievance, facts, numbers, the
    person) is believed more: vague accounts read as evasion (Coombs 2007, 'instructing
    information'; a design assumption sized below listening's 1.25)."""
    corrective_credibility: float = 1.25
    """...and one that says what will change more still: corrective action is the part of an apology
    publics weigh most (Benoit's image repair theory; Coombs 2007, 'rebuild')."""
    humour_anger_limit: float = 50.0
    """Above this anger a joke reads as flippancy, not humility (#AskJPM's 'Bad idea' came after
    the storm; a joke into real anger is diminishing, M4)."""
    calm: float = 10.0
    """Anger a fitting statement takes away, before credibility."""
    calm_per_fit: float = 3.0
    """More for each posture step above what the crisis needs..."""
    fit_cap: int = 2
    """...up to two steps."""
    lift: float = 1.2
    """Reputation a fitting statement restores, before credibility..."""
    lift_per_rank: float = 0.4
    """...plus this per step of accommodation (an apology restores more than information)."""
    goodwill: float = 0.2
    """Goodwill a fitting statement rouses among supporters (0-1)."""
    evasive_anger: float = 5.0
    """Anger per posture step a statement falls short of what the crisis needs (read as evasive:
    United 3411's first two statements, cases §16)."""
    evasive_reputation: float = 1.0
    """Reputation per step short, times threat."""
    evasive_press: float = 4.0
    """Press attention per step short: a defensive line is news."""
    evasive_wave: float = 1.5
    """A new wave: outside exposures per step short, per post of the last turn..."""
    evasive_wave_least_posts: float = 50.0
    """...counting at least this many posts."""
    attack_press: float = 8.0
    """Attacking critics gives the press a second story (#AskSeaWorld, cases §0)."""
    counter_tag_wave: float = 3.0
    """A counter-hashtag's exposures per post of the last turn (#AskSeaWorld → #AnswerTheQ)..."""
    counter_tag_least_posts: float = 100.0
    """...counting at least this many posts."""
    big_account: int = 10_000
    """Followers from which a reply's audience makes it public theatre."""
    friendly_snap: float = 0.5
    """Reputation, times threat, for snapping at a friendly voice."""
    answer_lift: float = 0.3
    """Reputation for a question answered (a friendly or neutral post)."""
    answer_goodwill: float = 0.02
    """Goodwill for a question answered."""
    template_anger_big: float = 2.5
    """Anger for a template answer to a big account (screenshotted and mocked)..."""
    template_anger: float = 1.0
    """...and to a small one."""
    template_reputation: float = 0.4
    """Reputation per decade of the target's audience (log10 of 1 + followers / template_scale),
    times threat, for a template answer."""
    template_scale: float = 1000.0
    """The audience from which a template answer starts to cost reputation."""
    troll_anger: float = 5.0
    """Anger for brushing a critic off in public (a dismissive reply: "trolls", "not a real conversation")."""
    troll_reputation: float = 1.5
    """Reputation, times threat, for attacking a critic in public."""
    troll_press: float = 4.0
    """Press attention for a brand picking fights."""
    joke_into_anger: float = 1.5
    """Anger for a joke into an angry crowd."""
    human_calm: float = 1.2
    """Anger a human answer (empathetic, apologetic, informative) takes away, one person at a time..."""
    human_lift: float = 0.35
    """...and reputation it restores."""
    one_by_one: float = 2.0
    """Human answers count this many times more when the organisation did not cause the crisis
    (victim, accidental): one-to-one care is SCCT's 'adjusting information'."""
    human_goodwill: float = 0.03
    """Goodwill a human answer rouses."""
    answered_fatigue: float = 2.0
    """An influencer who got a real answer has less to say: fatigue as if they had posted this many
    times fatigue_posts."""
    wear_after: float = 2.0
    """Replies in the same tone wear off: the n-th counts 1 / (1 + (n-1) / wear_after)."""
    pause_calm: float = 2.0
    """Anger the paused queue takes away in a hijack (the cheerful reminders stop)."""
    queue_anger_above: float = 40.0
    """Anger above which a scheduled post into a hijack makes things worse (#AskJPM's reminders)..."""
    queue_anger: float = 3.0
    """...by this much anger..."""
    queue_reputation: float = 0.5
    """...and this much reputation, times threat."""
    cancel_calm: float = 8.0
    """Anger the cancellation of a hijacked campaign takes away (no target left)."""
    cancel_press: float = 8.0
    """Press attention: the cancellation is a story of its own (#AskJPM, cases §1)."""
    cancel_lift: float = 1.0
    """Reputation for stopping the bleeding."""
    cancel_wave_least_posts: float = 100.0
    """The cancellation's exposures: one per post of the last turn, at least this many."""
    teasing_anger_below: float = 40.0
    """Below this anger a busy tag is teasing, not a grievance (#WaitroseReasons, cases §0)..."""
    teasing_busy_share: float = 0.5
    """...when it runs at half the hijack rate or more."""
    teasing_press: float = 5.0
    """Press for a brand that cancels over jokes."""
    teasing_reputation: float = 1.5
    """Reputation for cancelling over teasing (looks humourless)."""
    retreat_calm: float = 5.0
    """Anger a quiet retreat before the storm takes away."""
    retreat_lift: float = 0.5
    """Reputation for a quiet retreat."""
    streisand: float = 6.0
    """Press attention per decade of a deleted post's reach (Streisand effect, M4)."""
    streisand_scale: float = 1000.0
    """The reach from which a deletion is noticed (log10 of 1 + reach / this)."""
    deletion_reputation: float = 0.6
    """Reputation per decade of reach, times threat: a deletion looks like hiding."""
    deletion_echo: float = 0.05
    """Share of a deleted post's reach that comes back to look (screenshots)."""
    quick_delete_calm: float = 8.0
    """Anger a post taken down within a turn takes away, when the organisation did not mean harm."""
    least_noticed: float = 0.05
    """Decades of reach below which a deletion goes unnoticed."""


@dataclass(frozen=True)
class FeedParams:
    """The posts a player sees (``visible_feed.py``): sampling and engagement counts.  They shape
    what is shown, not the figures."""

    size: int = 30
    """Posts in the feed at most."""
    crowd: int = 22
    """Crowd posts among them at most (the rest: ours, scripted, key accounts)."""
    hostile_engagement: float = 0.004
    """Reposts per viewer of a hostile post, before heat (outrage is shared more, M3: 2-5% vs
    0.5-1% reaction per view)..."""
    other_engagement: float = 0.002
    """...and of any other post."""
    heat_scale: float = 50.0
    """Hostile engagement grows by anger / heat_scale (at 50 anger, twice)."""
    repost_window: float = 5.0
    """Reposts counted over this many see-share windows (a post keeps circulating)."""
    likes_per_repost: float = 2.5
    """Likes per repost (platform ratios of about 2-3 likes a retweet, M3)."""
    repost_weight: int = 3
    """The feed ranks a post by likes + this × reposts (a repost shows it to new people)."""
    scripted_least_followers: int = 200
    """A scripted post by someone outside the audience gets between this many followers..."""
    scripted_follower_span: int = 2000
    """...and this many more."""


@dataclass(frozen=True)
class SpinOffParams:
    """Tags a storm spawns elsewhere (``spin_offs.py``; research/ignition.md §5: no systematic rate
    was found, so these follow the few documented cases)."""

    lag_hours: float = 6.0
    """Hours from the trigger to the new tag's first posts: 2-24 h in the record (#NewUnitedAirlinesMottos
    on day 2, #myLAPD the day after #myNYPD, #AnswerTheQ within the day); about the middle, on a log scale."""
    feed_share: float = 0.15
    """Its posts an hour as a share of the parent's, while the parent runs (5-30% at birth in the record)."""
    half_life_hours: float = 12.0
    """How fast its own momentum fades: a joke tag runs about a day (most hijacks are 1-2 day stories, §4)."""
    press: float = 5.0
    """Press attention its trending adds once: a second tag is a second angle for a story (§4, follow-up)."""


@dataclass(frozen=True)
class AudienceParams:
    """The audience an author may leave to the engine (``audience.py``): crowd sizes and habits
    derived from what a record documents (the region and year, the organisation's followers, how
    widely the grievance is held), and the market that sets the trending and press thresholds."""

    users: tuple[tuple[str, int, float], ...] = (
        ("US", 2011, 30e6),
        ("US", 2012, 45e6),
        ("US", 2013, 54e6),
        ("US", 2014, 63e6),
        ("US", 2015, 65e6),
        ("US", 2016, 67e6),
        ("US", 2017, 68e6),
        ("UK", 2012, 10e6),
        ("UK", 2013, 15e6),
        ("UK", 2015, 12.2e6),
        ("UK", 2017, 14e6),
        ("AU", 2011, 1.5e6),
        ("AU", 2012, 2.0e6),
        ("AU", 2013, 2.8e6),
        ("CA", 2013, 7.0e6),
        ("IE", 2013, 0.9e6),
        ("NZ", 2013, 0.6e6),
        ("world", 2011, 117e6),
        ("world", 2012, 185e6),
        ("world", 2013, 241e6),
        ("world", 2014, 288e6),
        ("world", 2015, 305e6),
        ("world", 2016, 318e6),
        ("world", 2017, 330e6),
    )
    """The platform's monthly active users by region and year (ignition §3: US and worldwide from
    Twitter's filings via Statista, Q4; UK Twitter's own 10M in May 2012 and 15M in Sep 2013, eMarketer
    12.2M for 2015 and ~14M for 2017; AU 1.5M assumed for 2011, QUT's 2.8M accounts in Sep 2013).  CA, IE
    and NZ are estimates at about the UK's share of the population online (a tier, not a filing).  A
    year outside the table takes the nearest year's figure."""
    reference_users: float = 54e6
    """The market the trending rate (``trend.threshold``) and the press's half-attention reach
    (``press.half``) were set in: US active users in 2013 (#AskJPM).  A scenario that names its region
    scales both by its users over these: a tag needs fewer posts to trend in the UK (ignition §2:
    trending floors US : UK : AU ≈ 1 : 0.25 : 0.04, about the ratio of their users), and a national
    press weighs a storm against its own market."""
    usual_reference: float = 200_000.0
    """The everyday hostile talk about an organisation, as its followers times its grievance, where the
    press's half-attention reach was set: #AskJPM's 250,000 followers at grievance 0.8.  A scenario that
    names its market has the press weigh its storm against its own organisation's (ignition §4: news is
    what departs from the usual; LikeFolio put Starbucks's usual at ~4,000 tweets a day)."""
    trending_floor: float = 35.0
    """The least press attention a hijacked tag on its market's trending list holds, in a file that
    names its market: newsrooms read the trending list as another wire (ignition §1: newsroom guides;
    Willnat & Weaver 2018, nine in ten US journalists watch social media for breaking news), and a
    hijack there scores on conflict and surprise (Harcup & O'Neill 2017), so the first movers, whose
    beat is the list (the guide's tier 25), write it up whatever its size: the record's first stories
    come 2-5 h after the flood for storms of a few thousand posts (#McDStories, #myNYPD) as for tens of
    thousands (#AskJPM, Justine Sacco; ignition §4, cases §0 pattern 3).  The value is set from that lag,
    not from a case: attention rises over ``press.rise_hours`` = 3 h, so a floor of 35 takes it from
    nothing to 25 in 3 h x ln(35/10) = 3.8 h, the slow end of the 2-5 h; the national desks (40) and
    broadsheets (55) still need the storm's own size, named journalists or other outlets' stories.  A
    bought trend counts (the Observer saw #McDStories "trending earlier this afternoon" in the paid
    slot).  A judgement on the research, checked on every documented first story in docs/scenarios.md."""
    usual_weight: float = 0.5
    """How strongly: the half-attention reach grows with the square root of the usual talk (a design
    choice between none and in proportion, set on the built-ins written from their records)."""
    follower_share: float = 0.3
    """Share of the organisation's followers that a derived `followers` crowd counts: the active
    accounts among them (design choice: many followers of a brand are dormant)."""
    breadth: tuple[tuple[str, float], ...] = (("none", 0.0), ("niche", 0.001), ("cause", 0.004), ("national", 0.01))
    """Share of the region's users who hold the grievance, by how widely it is held (ignition §3: 0.1-2%
    of a country's active users for a brand grievance).  niche: a specialist or local community; cause:
    an organised movement with its own accounts (animal rights, a union); national: a grievance the
    country's news has carried for months (bank bailouts, energy prices, a fleet grounding).  The
    national figure is fitted across the documented cases (docs/scenarios.md, leave-one-out)."""
    media_share: float = 0.0005
    """Share of users who write about media, business or the topic for a living or a hobby
    (journalists, commentators, bloggers); fitted across the built-ins' media crowds (0.05% of US users)."""
    media_least: int = 5_000
    """...but never fewer than this many (a small market still has its national press corps)."""
    public_share: float = 0.03
    """Share of users who may look at a trending tag and post once (the onlookers); fitted across the
    documented cases with the national breadth (docs/scenarios.md, leave-one-out)."""
    news_public_share: float = 0.7
    """Share of users in a derived public when the record shows national TV news or front pages carrying
    the incident itself (``audience.national_news``): the people who hear of such a story within days,
    any of whom may look at the tag once it trends.  Morning Consult, 12 Apr 2017 (1,975 US adults):
    three days after United 3411, 30% had heard nothing of it, so 70% had (a poll about one of the
    built-in cases, so United is not out of sample for this value; CivicScience saw awareness of
    Pepsi's ads go from 36% to 53% within a day of "Live for Now", the same order).  Not fitted to any
    volume; the public's other numbers (stance, habits, susceptibility) stay those of the public."""
    fan_share: float = 0.1
    """Share of the organisation's followers in a derived `fans` crowd (its loyal customers)."""
    followers: tuple[tuple[str, int], ...] = (
        ("followers", 250),
        ("aggrieved", 400),
        ("media", 2500),
        ("public", 200),
        ("fans", 250),
    )
    """Median followers of a derived crowd's accounts, by role: ordinary accounts have a few hundred
    (M1), writers a few thousand (the built-ins' media crowds)."""
    activity: tuple[tuple[str, float], ...] = (
        ("followers", 0.1),
        ("aggrieved", 0.08),
        ("media", 0.08),
        ("public", 0.003),
        ("fans", 0.1),
    )
    """Share of a derived crowd that watches the brand or topic unprompted, by role: the brand's
    followers see its posts (reach of a brand post ~2-10%, M3), the aggrieved and the press watch the
    story, the public does not."""
    susceptibility: tuple[tuple[str, float], ...] = (
        ("followers", 0.02),
        ("aggrieved", 0.04),
        ("media", 0.03),
        ("public", 0.02),
        ("fans", 0.01),
    )
    """Chance an exposure makes one account of a derived crowd post, by role (2-5% for outrage, M3)."""
    cohesion: tuple[tuple[str, float], ...] = (
        ("followers", 0.5),
        ("aggrieved", 0.7),
        ("media", 0.5),
        ("public", 0.3),
        ("fans", 0.5),
    )
    """Share of a derived crowd's follow links inside it: movements are tight, the public is not (M1)."""
    follower_hostility: float = 0.7
    """A derived `followers` crowd's hostile share per unit of grievance..."""
    follower_support: float = 0.3
    """...and its supportive share per unit of contentment (1 - grievance)."""
    aggrieved_stance: tuple[float, float, float] = (0.9, 0.08, 0.02)
    """Hostile, neutral and supportive shares of the people who hold the grievance."""
    media_hostility: tuple[float, float] = (0.1, 0.4)
    """A derived media crowd's hostile share: base + per unit of grievance (writers keep more distance)."""
    public_hostility: tuple[float, float] = (0.3, 0.4)
    """A derived public's hostile share: base + per unit of grievance (SCCT: a live grievance sets
    the public's attribution, M4)."""
    bystander_support: float = 0.05
    """The supportive share of a derived media crowd and public."""
    fans_stance: tuple[float, float, float] = (0.1, 0.5, 0.4)
    """Hostile, neutral and supportive shares of a derived `fans` crowd."""


@dataclass(frozen=True)
class ReactionParams:
    """The crowd's cheap reactions on a video platform (``reactions.py``): likes and dislikes, and
    response videos.  Only a scenario whose ``platform`` is video reads these; a microblog game never
    does.  The Perry "Strong" record (December 2011) is the documented case: its counts by day are in
    docs/scenarios.md; the values below are not fitted to it alone but sized from what a rating and a
    response video cost against a comment."""

    clicks_per_post: float = 12.0
    """An exposure moves an account to click like or dislike this many times as readily as to comment
    or post: a click costs nothing, a comment costs words.  Commenting is the least used of a video's
    interactions (Tur-Viñes & Castelló-Martínez 2019, *Social Sciences* 8(10), 266: "underused" beside
    the others); Perry's "Strong" drew tens of thousands of dislikes in its first evening.  A design
    value of about ten ratings a post, applied per post the crowd makes (a post stands for the
    exposures that moved its author); docs/scenarios.md checks the totals it gives against that
    record, not this ratio itself, which no source measures."""
    onlooker_clicks: float = 0.5
    """Onlookers (neutral accounts) click at half the rate of the camps: they came to watch."""
    herding: float = 1.0
    """Onlookers click the way the visible count leans, pulled toward its majority: with d the count's
    dislike share and p = 1 + herding, the share of their clicks that are dislikes is d^p / (d^p +
    (1 - d)^p) — an even count stays even, 97% becomes nearly all (social influence bias in ratings:
    Muchnik, Aral & Taylor 2013, *Science* 341, 647: a visible up-vote made the next up-vote 32% more
    likely; the strength is a design value)."""
    count_news: float = 2.0
    """A visible dislike count is news in itself: each dislike of the turn counts as this many
    impressions of spectacle for the press ("more dislikes than Rebecca Black's Friday" was the
    story: Time, Daily Caller, Slate, 9 Dec 2011).  Hidden ratings make no count to report."""
    ratings_off_press: float = 6.0
    """Press attention per decade of the dislikes already counted when ratings are turned off
    (log10 of 1 + dislikes / ratings_off_scale): hiding the count after the storm is a story, as
    deleting a seen post is (Streisand effect, research/models.md M4)."""
    ratings_off_scale: float = 1000.0
    """The count from which turning ratings off is noticed."""
    ratings_off_reputation: float = 0.6
    """Reputation per decade, times threat: hiding the count looks like hiding (as a deletion)."""
    muzzle_anger: float = 2.0
    """Anger for holding the comments in a storm: critics are told they will not be heard, and say it
    elsewhere (Perry's comments were off; the anger went to Facebook and Twitter: Daily Dot, 8 Dec
    2011)."""
    response_per_post: float = 0.0005
    """Response videos (parodies, replies) per hostile or onlooker post: making a video costs hours,
    so a few dozen answer a storm of tens of thousands of posts ("dozens" within 48 hours of Perry's
    ad: YouTube Trends, 8 Dec 2011)."""
    response_views: float = 20_000.0
    """Views of a typical response video in the days of the storm (a design value; the most-watched
    spoof of "Strong" passed 500,000: Adweek, Dec 2011)."""
    response_look: float = 0.01
    """Share of a response video's viewers who go and look at the original (as press readers do:
    press.read_share)."""
    mirror_share: float = 0.05
    """Share of a video's viewers who come back to look when it is made private: copies are
    re-uploaded and screenshots of the count survive (as deletion_echo for a post)."""


@dataclass(frozen=True)
class ModelParams:
    """Every constant of the model, in groups."""

    graph: GraphParams = field(default_factory=GraphParams)
    posting: PostingParams = field(default_factory=PostingParams)
    trend: TrendParams = field(default_factory=TrendParams)
    reputation: ReputationParams = field(default_factory=ReputationParams)
    press: PressParams = field(default_factory=PressParams)
    responses: ResponseParams = field(default_factory=ResponseParams)
    feed: FeedParams = field(default_factory=FeedParams)
    audience: AudienceParams = field(default_factory=AudienceParams)
    spin_off: SpinOffParams = field(default_factory=SpinOffParams)
    reactions: ReactionParams = field(default_factory=ReactionParams)

    def responsibility_of(self, crisis_type: str) -> float:
        return dict(self.reputation.responsibility)[crisis_type]

    def with_(self, **changes: object) -> ModelParams:
        """A copy with some values changed, named ``group_field``: ``with_(press_spectacle=0.0)``."""
        groups: dict[str, dict[str, object]] = {}
        for name, value in changes.items():
            group = next((g.name for g in dataclasses.fields(self) if name.startswith(g.name + "_")), None)
            if group is None:
                raise TypeError(f"no parameter {name!r}: write it as group_field, e.g. press_spectacle")
            groups.setdefault(group, {})[name[len(group) + 1 :]] = value
        return dataclasses.replace(
            self, **{group: dataclasses.replace(getattr(self, group), **values) for group, values in groups.items()}
        )


DEFAULT_PARAMS = ModelParams()
