"""What listening (the Monitor action) shows the team: who carries the hostile talk, the meters,
whether the tag grows, and the big critics not yet in."""

from __future__ import annotations

from game.engine.stance import Stance
from game.engine.world import World


def insight(w: World) -> str:
    posts = w.spread.posted
    segments = w.scenario.audience.segments
    hostile = w.graph.stance == Stance.HOSTILE
    lines = []
    total_hostile = float(posts[hostile].sum()) or 1.0
    shares = []
    for index, segment in enumerate(segments):
        mask = hostile & (w.graph.segment == index)
        shares.append((float(posts[mask].sum()) / total_hostile, segment.name))
    shares.sort(reverse=True)
    loudest = ", ".join(f"{name} {share:.0%}" for share, name in shares[:3] if share > 0)
    if loudest:
        lines.append(f"Hostile posts so far come from: {loudest}.")
    else:
        lines.append("Nobody has posted anything hostile on the tag yet; the listening goes on through the turn.")
    lines.append(f"Crowd anger is {w.anger:.0f}/100; press attention {w.press:.0f}/100.")
    if w.virality > 1:
        lines.append(f"Each post now brings about {w.virality:.1f} more: the tag is growing.")
    elif w.last_posts:
        lines.append(f"Each post now brings about {w.virality:.1f} more: the tag is fading.")
    quiet = [
        a.handle for a in w.scenario.audience.key_accounts if a.handle.lower() not in w.joined and a.stance == "hostile"
    ]
    if quiet:
        lines.append("Big critics not yet in: " + ", ".join("@" + h for h in quiet[:4]) + ".")
    return " ".join(lines)
