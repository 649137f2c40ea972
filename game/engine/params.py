"""The model's constants, shared by every scenario.

No constant here is keyed to one case: a scenario shapes the crisis through its own data (audience,
grievance, crisis type, timeline).  Each value cites where it comes from; ``research/models.md`` is
the project's research file (sections M1-M4), ``research/cases.md`` the case record.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ModelParams:
    # --- the follower graph -------------------------------------------------------------------
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

    # --- the memory kernel (SEISMIC, M2) --------------------------------------------------------
    kernel_minutes: tuple[float, ...] = (4.0, 30.0, 240.0, 2880.0)
    """Time scales of a sum of exponentials fitted (least squares) to SEISMIC's reaction-time
    curve: 96% of reactions still to come after 1 min, 81% after 5, 54% after 30, 46% after 1 h,
    30% after 6 h, 22% after 24 h."""
    kernel_weights: tuple[float, ...] = (0.236, 0.351, 0.081, 0.332)

    # --- posting ---------------------------------------------------------------------------------
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
    spectacle: float = 0.4
    """Onlookers post more while the tag trends (jokes, 'watching #X unfold'): neutral drive is
    neutral_drive × (1 + spectacle × trend)."""
    supportive_drive: float = 0.5
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
    baseline_rate: float = 0.02
    """Exposures per hour of background talk about the organisation for its watchers."""
    brand_content: float = 0.2
    """The brand's own posts move people to post at a fifth of the rate outrage does (0.5-1% per
    view for ordinary brand content against 2-5% for hostile content in a live hijack, M3)."""

    # --- the trending channel (M3: volumes need it) ----------------------------------------------
    trend_threshold: float = 600.0
    """Posts per hour at which a hashtag enters trending lists: ten a minute ("tens per minute in a
    city", M3; #QantasLuxury trended in Sydney and Melbourne within its first hour)."""
    trend_look_rate: float = 0.04
    """Share of the whole audience that glances at a trending tag each hour.  The trending list
    shows a tag to a fixed audience, so this channel saturates instead of compounding; with
    outrage susceptibility it gives hijacks of 10^4-10^5 posts a day (M3, 'Trending and search
    exposure'; cases §0 'Volume scales').  A design assumption, shared by every scenario."""
    trend_novelty_half_hours: float = 24.0
    """A trending tag's pull halves with each day it has trended: collective attention fades as a
    story grows old (Wu & Huberman 2007, novelty decay).  A day's half-life matches the record's
    pattern that about half a hijack's volume falls on its peak day (cases §0 'Volume scales':
    #AskJPM 27.7k of 45.6k) and that cancelled campaigns make a one-to-two-day story (§0 pattern 4).
    A new round of conflict that the press follows up (a defence, an attack, a deletion) makes the
    tag new again and restarts the clock; an ending (an apology, a withdrawal) does not."""

    # --- anger, reputation (SCCT, M4) -------------------------------------------------------------
    responsibility: tuple[tuple[str, float], ...] = (("victim", 0.2), ("accidental", 0.5), ("preventable", 0.9))
    """Attributed responsibility per SCCT cluster (Coombs 2007; research file's encoding)."""
    history_weight: float = 0.6
    prior_reputation_weight: float = 0.5
    anger_memory_hours: float = 24.0
    """Anger relaxes toward the grievance's baseline over about a day (a 1-2 day story, cases §0)."""
    reach_damage: float = 2.0
    """Reputation points per unit of log1p(all hostile reach so far / reach_scale), times threat."""
    reach_scale: float = 200_000.0
    support_gain: float = 1.5
    press_damage: float = 0.35
    """Reputation points per decade of a story's audience (log10), times threat."""

    # --- press (M3: first online pickup 2-5 h into a flood) --------------------------------------
    press_half: float = 150_000.0
    """Hostile impressions per hour at which press attention settles at 50 (half its range)."""
    press_spectacle: float = 0.5
    """While a tag trends, its onlookers' posts (jokes, 'watching #X unfold') can draw the press
    too, at half the weight of hostile ones: a trending spectacle is news whatever its tone (news
    values include entertainment and surprise beside conflict: Harcup & O'Neill 2017).  A story
    takes its strongest angle, so this moves the press only when the spectacle outweighs the
    conflict — amused storms such as #WaitroseReasons or #susanalbumparty (cases §0), not hijacks."""
    press_per_journalist: float = 8.0
    """Attention each journalist posting on the tag adds: they are the press."""
    press_rise_hours: float = 3.0
    """Attention builds over two or three hours: newsrooms must notice, pitch, write and edit."""
    press_memory_hours: float = 10.0
    """And fades over about half a day once the storm dies down (a 1-2 day story, cases §0)."""
    press_rate: float = 0.6
    """Stories per hour from an outlet whose threshold the attention has reached, in working
    hours; at night newsrooms publish at a quarter of the rate (print and TV follow the next day,
    cases §0 'Latency to press')."""
    press_read_share: float = 0.01
    """Share of a story's audience that goes and looks at the hashtag (an immigrant batch, M2)."""

    # --- responses --------------------------------------------------------------------------------
    late_hours: float = 3.0
    """After the hijack, a response's credibility halves every so many hours (Coombs: respond
    within the first hour; Lithium: 72% expect a reply within an hour)."""
    streisand: float = 6.0
    """Press attention per decade of a deleted post's reach (Streisand effect, M4)."""

    def responsibility_of(self, crisis_type: str) -> float:
        return dict(self.responsibility)[crisis_type]


DEFAULT_PARAMS = ModelParams()
