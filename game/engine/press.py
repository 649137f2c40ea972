"""The press: attention that builds with a storm's conflict or spectacle and the journalists in
it, outlets that publish once it passes their threshold, and the follow-ups a newsroom writes when
the organisation makes its next move.  Night hours count at a quarter (print and TV follow the next
day, research/cases.md §0 'Latency to press')."""

from __future__ import annotations

import math

from game.engine.wording import people
from game.engine.world import METER_RANGE, NOISE, World


def press_turn(w: World, hostile_reach: float, trending_reach: float, hours: float) -> None:
    """Press attention follows the storm's intensity and the journalists in it, rising over an hour
    or two (newsrooms need to notice and pitch) and fading over half a day.  A story is written for
    its strongest angle: the conflict (hostile reach per hour) or the spectacle: the onlookers' reach,
    counted as far as their talk fell while the tag trended (``trending_reach``), step by step, so a
    long turn that trended early and ebbed late still counts what it drew."""
    params = w.params
    spectacle = params.press.spectacle * trending_reach
    intensity = max(hostile_reach, spectacle) / hours
    journalists = sum(
        1 for a in w.scenario.audience.key_accounts if a.kind == "journalist" and a.handle.lower() in w.joined
    )
    target = min(100.0, 100.0 * intensity / (intensity + params.press.half) + params.press.per_journalist * journalists)
    # A hijack on the trending list is on the newsrooms' wire (a file that names its market only).
    on_wire = bool(params.press.trending_floor) and w.trending and w.hijacked and target < params.press.trending_floor
    if on_wire:
        target = params.press.trending_floor
    # The storm's own attention: the level less what injects' stories still hold (none in a game
    # without injects, where this is the press level itself, to the bit).
    held = _held_attention(w)
    level = w.press - held if held else w.press
    memory = params.press.rise_hours if target > level else params.press.memory_hours
    move = (target - level) * (1.0 - math.exp(-hours / memory))
    if move >= NOISE:
        if on_wire:
            reason = f"{w.scenario.campaign.hashtag} hijacked on the trending list: newsrooms watch it like a wire"
        elif spectacle > hostile_reach:
            reason = f"a trending spectacle: onlookers' posts reach {people(trending_reach / hours)} people an hour"
        else:
            reason = f"hostile posts reach {people(hostile_reach / hours)} people an hour"
        if journalists:
            reason += f"; {journalists} journalist{'s' if journalists > 1 else ''} in the thread"
        w.change("press", move, reason)
    elif move <= -NOISE:
        w.change("press", move, "the news cycle moves on")
    if w.press_held:
        fade_held_attention(w, hours)
    now = w.turn_start(w.turn + 1)
    for outlet in sorted(w.scenario.audience.outlets, key=lambda o: o.threshold):
        if outlet.id in w.published:
            continue
        if outlet.lag_hours > 0:
            # Print, weeklies, features and trade press: the piece is commissioned when attention passes
            # the threshold and runs once it is written, whatever the storm does meanwhile (ignition §4).
            if outlet.id not in w.commissioned and w.press >= outlet.threshold:
                w.commissioned[outlet.id] = now
            due = w.commissioned.get(outlet.id)
            if due is None or (now - due).total_seconds() < outlet.lag_hours * 3600.0:
                continue
        else:
            over = w.press - outlet.threshold
            if over < 0:
                continue  # an outlet writes once attention passes its threshold, never before
            chance = 1.0 - math.exp(
                -params.press.rate * newsroom_hours(w, hours) * (1.0 + over / params.press.over_threshold_scale)
            )
            if w.rng.random() >= chance:
                continue
        w.published.add(outlet.id)
        if not w.first_press_turn:
            w.first_press_turn = w.turn
        headline = w.text.fill(outlet.headline)
        w.fire(
            f"press-{outlet.id}",
            "press",
            f"{outlet.name}: {headline}",
            f"The story reaches {people(outlet.audience)} readers.",
        )
        hit = params.press.damage * w.threat * math.log10(1.0 + outlet.audience / params.press.damage_scale)
        w.change("reputation", -hit, f"{outlet.name} story reached {people(outlet.audience)}")
        w.change("anger", params.press.story_anger, f"{outlet.name} validates the outrage")
        w.change("press", params.press.story_follow, f"other newsrooms follow {outlet.name}")
        w.spread.add_outside_exposure(outlet.audience * params.press.read_share)
        w.spread.alert_elites(params.posting.elite_story)
        w.followed_up[outlet.id] = len(w.developments)  # the first story already tells what we did
    follow_ups(w, hours)


def _held_attention(w: World) -> float:
    """The attention injects' stories still hold, at most the press level (or, held down, at most
    what the level can rise to): a later effect may have moved the level past it."""
    if not w.press_held:
        return 0.0
    held = sum(w.press_held.values())
    bound = w.press if held > 0 else w.press - METER_RANGE[1]
    if (held > 0 and held > bound) or (held < 0 and held < bound):
        share = bound / held
        for headline in w.press_held:
            w.press_held[headline] *= share
        held = bound
    return held


def fade_held_attention(w: World, hours: float) -> None:
    """An inject's press attention fades over a story's life (``params.press.inject_story_hours``),
    by the same law however the turns cut the time: a two-day turn keeps what two days of half-hour
    turns would (e^-2 of it), where the storm's memory alone kept under 1% (issue 18: "press 1 -> 7
    fell back to 1 after a two-day turn")."""
    kept_share = math.exp(-hours / w.params.press.inject_story_hours)
    for headline, held in list(w.press_held.items()):
        kept = held * kept_share
        w.change("press", kept - held, f"{headline}: the story fades")
        if abs(kept) < NOISE:
            del w.press_held[headline]  # what is left is too small to tell from the storm's own
        else:
            w.press_held[headline] = kept


def follow_ups(w: World, hours: float) -> None:
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
        chance = 1.0 - math.exp(-params.press.rate * newsroom_hours(w, hours))
        if w.rng.random() >= chance:
            continue
        news = w.developments[covered:]
        w.followed_up[outlet.id] = len(w.developments)
        # One piece covers all the moves since the last: a withdrawal closes the story whatever was
        # said with it ("Bad idea" with the cancellation); otherwise conflict leads.
        kinds = [kind for _, kind in news]
        lead = "withdrawal" if "withdrawal" in kinds else ("round" if "round" in kinds else "ending")
        development = next(headline for headline, kind in reversed(news) if kind == lead)
        if lead == "round" and not w.cancelled_turn:  # once pulled, the story is over for good
            w.spread.renew()
            text = f"A new round: the story is news again for {people(outlet.audience)} readers."
        else:
            text = f"The story's ending reaches {people(outlet.audience)} readers; it has less left to run."
        w.fire(f"press-{outlet.id}-{len(w.developments)}", "press", f"{outlet.name}: {development}", text)
        w.spread.add_outside_exposure(outlet.audience * params.press.read_share)


def newsroom_hours(w: World, hours: float) -> float:
    """Working hours in the turn, counting night hours (by default 20:00-07:00) at a quarter."""
    start, press = w.turn_start(), w.params.press
    day_starts, day_ends = press.working_hours
    total, step = 0.0, min(hours, 0.5)  # half-hour slices
    elapsed = 0.0
    while elapsed < hours - 1e-9:  # not a parameter: rounding slack
        span = min(step, hours - elapsed)
        hour = (start.hour + start.minute / 60.0 + elapsed + span * 0.5) % 24
        total += span * (1.0 if day_starts <= hour < day_ends else press.night_share)
        elapsed += span
    return total
