"""The starting point for a new scenario: a small, complete, playable file with a comment on every
block (``bashtag new ID``), or a copy of an existing scenario under a new id (``--from``).
"""

from __future__ import annotations

import re

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]{0,47}$")  # models.Id

# The scaffold is plain text, not a dumped model, so that it can carry comments.
# {id} and {title} are substituted; every other brace is doubled.
_SCAFFOLD = """\
# A Bashtag scenario (format 1).  Check it with:   bashtag validate {id}.yaml
# Play it with:                                     bashtag play {id}.yaml
# Every key is explained in docs/authoring.md.  For hover help in your editor (VS Code with the
# YAML extension), run `bashtag schema > scenario.schema.json` and add this as the first line:
#   # yaml-language-server: $schema=scenario.schema.json

format: 1                    # the file format version; always 1 for now
id: {id}                     # lowercase letters, digits, '-' and '_'
title: "{title}"
summary: "A coffee chain's Q&A hashtag meets customers angry about a price rise."
kind: fictional              # real (a documented case) or fictional
date: 2024-03-04             # when it (would have) happened
difficulty: easy             # easy, medium or hard
tags: [qna, retail]
notes: >-
  For authors: say here what is documented and what you assumed.

# --- Who the player is -----------------------------------------------------------------------
role:
  title: Social media manager
  briefing: >-
    You run the account of Bean & Co. Marketing has just launched #AskBeanCo, a Q&A with the
    chief executive, the week a price rise hit the news. Keep the conversation from turning on you.
  objectives:
    - Keep reputation above 40.
    - Keep the story out of the press.

# --- The organisation and its standing before the crisis ----------------------------------------
organisation:
  name: Bean & Co
  handle: BeanCo             # without @
  followers: 80000
  reputation: 60             # 0-100, 50 is neutral
  crisis_type: preventable   # victim, accidental or preventable (SCCT)
  grievance: 0.6             # how alive the public's grievance is, 0-1

# --- Simulated time: phases of turns ---------------------------------------------------------
clock:
  start: 2024-03-04 09:00
  timezone: GMT
  phases:
    - name: Launch morning
      turns: 4
      turn_minutes: 30       # 4 turns of half an hour
    - name: The afternoon
      turns: 4
      turn_minutes: 60

# --- The campaign that invited the public in ---------------------------------------------------
campaign:
  hashtag: "#AskBeanCo"      # quoted: in YAML an unquoted # starts a comment
  kind: qna                  # qna, contest, promotion, post or none
  announcement: "Got a question for our CEO? Ask away with #AskBeanCo and she'll answer at 2pm!"
  invitation: 60             # how loudly it invites replies, 0-100
  cancel_post: "We're postponing today's #AskBeanCo. Thank you for your questions."
  deadline: 2024-03-04 14:00 # optional: the hour it points to; posts rush in before it

# --- Who may post: crowds (segments), named accounts and news outlets ---------------------------
audience:
  segments:
    - id: customers
      name: Regular customers
      size: 20000
      stance: {{hostile: 0.3, neutral: 0.5, supportive: 0.2}}   # adds up to 1
      followers: 150         # median followers of one account
      activity: 0.05         # share that watches the brand unprompted
      susceptibility: 0.03   # chance an exposed account joins in
    - id: jokers
      name: Professional jokers
      size: 5000
      stance: {{hostile: 0.6, neutral: 0.4, supportive: 0.0}}
      followers: 900
      activity: 0.02
      susceptibility: 0.05
      cohesion: 0.7          # share of follow links inside the segment
  key_accounts:
    - handle: LatteLeaks
      name: Latte Leaks
      followers: 120000
      segment: jokers        # an id from the segments above
      stance: hostile
      kind: influencer
      # No joins: it arrives when what it sees moves it (its follows, other named accounts, the
      # trending list, the press).  joins: {{when: ...}} ties it to the game; a fixed turn or time
      # needs a reason (a move the record shows owed nothing to you); joined_on_record: the record's
      # time, checked against the simulation, never an input.
  outlets:
    - id: high-street-news
      name: High Street News
      audience: 400000
      threshold: 60          # press attention (0-100) at which a story becomes likely
      headline: "{{org}}'s {{hashtag}} Q&A backfires over price rise"

# --- Scripted posts: they appear at their turn, time or condition --------------------------------
posts:
  - turn: 1
    author: LatteLeaks       # a key account...
    text: "#AskBeanCo why does my flat white cost more than my lunch?"
  - when: anger > 40         # ...or a crowd account, which needs a display name
    author: grumpy_commuter
    name: Grumpy Commuter
    text: "#AskBeanCo did the price rise pay for this hashtag?"

# --- Crowd posts: pools per stance; {{price}} picks a word from fills.price ------------------------
templates:
  hostile:
    - "{{hashtag}} will the CEO explain the {{price}} latte?"
    - "Dear {{org}}, {{price}} for coffee? {{hashtag}}"
  neutral:
    - "Popcorn ready for {{hashtag}}"
  supportive:
    - "Prices are up everywhere, go easy on {{org}} {{hashtag}}"
  situational:               # posts that claim a situation appear only while it holds
    - when: trending
      neutral: ["How is {{hashtag}} trending above the football?"]
  fills:
    price: ["£4.20", "£4.50", "£5"]
  handles: [bean, latte, commuter, grind, mug]

# --- The organisation's own queued posts (the player may pause the queue) ------------------------
scheduled_posts:
  - turn: 3
    text: "Only a few hours until our CEO answers your #AskBeanCo questions!"
    invitation: 10           # raises the invitation meter when it goes out

# --- What the player can do besides the built-in actions ----------------------------------------
actions:
  budget: 3                  # attention points per turn
  replies:                   # reply texts per tone; {{handle}} is the person answered
    empathetic: ["{{handle}} we hear you, and the price rise is a fair question."]
    humorous: ["{{handle}} our CEO is still recovering from the price of her own latte."]
  statements:
    - id: explain-prices
      label: Explain the price rise
      strategy: inform
      text: "Why our prices went up, and what we're doing about it: a straight answer."
    - id: apologise
      label: Apologise and cancel
      strategy: rebuild
      needs_escalation: true # only after escalating to leadership
      text: "We got the timing of #AskBeanCo wrong. We're sorry, and we're listening."

# --- Things that happen when a condition first holds ---------------------------------------------
events:
  - id: radio-mention
    when: press >= 40 and not cancelled
    headline: "Breakfast radio reads out the best {{hashtag}} jokes"
    effects: {{press: 10, exposure: 20000}}   # meters (or exposure) and how much they change

# --- How the game ends: checked in order, the first that holds wins ------------------------------
endings:
  - id: weathered
    when: reputation >= 45
    outcome: success
    title: Weathered
    text: The jokes faded by evening and nobody wrote the story.
  - id: roasted
    when: "true"             # the fallback: always holds
    outcome: failure
    title: Roasted
    text: The hashtag became the story of the day.

# --- What really happened (or would have), and what to learn ------------------------------------
debrief:
  summary: >-
    A fictional case built on a common pattern: an open Q&A launched into a live grievance.
  lessons:
    - id: timing
      when: cancel_turn == 0 or cancel_turn > 3
      text: An open invitation during a live grievance hands the crowd a stage; cancel early.
    - id: tone
      when: n_reply_humorous > 0
      text: Light self-mockery can work when the crowd teases, less when it is angry.
  questions:
    - What would you have checked before launching the Q&A?

# --- What the organisation did, as steps the simulator can replay -------------------------------
historical:
  id: historical
  name: What Bean & Co did
  description: Waited, then cancelled after the radio picked it up.
  steps:
    - {{turn: 2, action: monitor}}
    - {{turn: 5, action: statement, option: explain-prices}}
    - {{turn: 6, action: cancel}}
"""


# The same scaffold on a video platform: one video, its comments, its likes and dislikes.  Each pair
# is (text in the microblog scaffold, what the video scaffold says instead); a test checks every one
# still matches, so an edit to the scaffold above cannot silently leave the video one behind.
_VIDEO_EDITS: tuple[tuple[str, str], ...] = (
    (
        "kind: fictional              # real (a documented case) or fictional\n",
        "kind: fictional              # real (a documented case) or fictional\n"
        "platform: video              # microblog (a hashtag) or video (one video: comments, likes, dislikes)\n",
    ),
    (
        'summary: "A coffee chain\'s Q&A hashtag meets customers angry about a price rise."',
        'summary: "A coffee chain\'s video ad meets customers angry about a price rise."',
    ),
    ("tags: [qna, retail]", "tags: [video, retail]"),
    (
        "    You run the account of Bean & Co. Marketing has just launched #AskBeanCo, a Q&A with the\n"
        "    chief executive, the week a price rise hit the news. Keep the conversation from turning on you.",
        "    You run Bean & Co's video channel. Marketing has just put up an ad in which the chief executive\n"
        "    says the coffee is worth every penny, the week a price rise hit the news. Its comments and its\n"
        "    like and dislike buttons are on.",
    ),
    ('  hashtag: "#AskBeanCo"      # quoted', '  hashtag: "#BeanCoAd"       # talk about the video; quoted'),
    (
        "  kind: qna                  # qna, contest, promotion, post or none",
        "  kind: post                 # a lone post: here, the video",
    ),
    (
        '  announcement: "Got a question for our CEO? Ask away with #AskBeanCo and she\'ll answer at 2pm!"',
        '  announcement: "[Video, 30 s] Our CEO on why a Bean & Co coffee is worth every penny."',
    ),
    (
        "  cancel_post: \"We're postponing today's #AskBeanCo. Thank you for your questions.\"\n"
        "  deadline: 2024-03-04 14:00 # optional: the hour it points to; posts rush in before it\n",
        '  cancel_post: "This video is no longer available."   # shown if the player makes it private\n',
    ),
    ('    text: "#AskBeanCo why does my flat white', '    text: "#BeanCoAd why does my flat white'),
    (
        '    text: "#AskBeanCo did the price rise pay for this hashtag?"',
        '    text: "#BeanCoAd did the price rise pay for this ad?"',
    ),
    (
        '    price: ["£4.20", "£4.50", "£5"]\n',
        '    price: ["£4.20", "£4.50", "£5"]\n'
        '    response_video: ["Bean & Co ad, honest version", "I priced my latte so you don\'t have to"]'
        "   # titles of the crowd's response videos\n",
    ),
    (
        "# --- The organisation's own queued posts (the player may pause the queue) ------------------------\n"
        "scheduled_posts:\n"
        "  - turn: 3\n"
        '    text: "Only a few hours until our CEO answers your #AskBeanCo questions!"\n'
        "    invitation: 10           # raises the invitation meter when it goes out\n\n",
        "",
    ),
    ("      label: Apologise and cancel\n", "      label: Apologise in a response video\n"),
    (
        "      text: \"We got the timing of #AskBeanCo wrong. We're sorry, and we're listening.\"",
        "      text: \"We got the timing of this ad wrong. We're sorry, and we're listening.\"",
    ),
    (
        "    - id: timing\n"
        "      when: cancel_turn == 0 or cancel_turn > 3\n"
        "      text: An open invitation during a live grievance hands the crowd a stage; cancel early.\n",
        "    - id: ratings\n"
        "      when: ratings_off == 0 and dislikes > 1000   # a video platform's names: see docs/authoring.md\n"
        "      text: A visible dislike count during a live grievance hands the crowd a scoreboard.\n",
    ),
    (
        "    - What would you have checked before launching the Q&A?",
        "    - What would you have checked before putting the ad up?",
    ),
    (
        "  description: Waited, then cancelled after the radio picked it up.",
        "  description: Waited, then turned the ratings off after the radio picked it up.",
    ),
    ("    - {turn: 6, action: cancel}", "    - {turn: 6, action: disable_ratings}   # or hold_comments, make_private"),
)


def scaffold_text(scenario_id: str, title: str | None = None, platform: str = "microblog") -> str:
    """A commented, valid, playable scenario with the id ``scenario_id``, on ``platform`` (microblog or
    video)."""
    if not ID_PATTERN.match(scenario_id):
        raise ValueError(f"{scenario_id!r} is not an id: use lowercase letters, digits, '-' and '_'")
    if platform not in ("microblog", "video"):
        raise ValueError(f"{platform!r} is not a platform: use microblog or video")
    title = title or scenario_id.replace("-", " ").replace("_", " ").title()
    text = _SCAFFOLD.format(id=scenario_id, title=title.replace('"', "'"))
    if platform == "video":
        for old, new in _VIDEO_EDITS:
            if old not in text:
                raise AssertionError(f"the video scaffold's edit no longer matches: {old[:60]!r}")
            text = text.replace(old, new, 1)
    return text


_TOP_ID = re.compile(r"^id:[ \t]*[^#\n]*?([ \t]*#.*)?$", re.MULTILINE)


def copy_with_id(text: str, scenario_id: str) -> str:
    """``text`` (a scenario file) with its top-level ``id:`` replaced, comments kept."""
    if not ID_PATTERN.match(scenario_id):
        raise ValueError(f"{scenario_id!r} is not an id: use lowercase letters, digits, '-' and '_'")
    replaced, count = _TOP_ID.subn(lambda m: f"id: {scenario_id}{m.group(1) or ''}", text, count=1)
    if count == 0:
        raise ValueError("the scenario has no top-level 'id:' line to replace")
    return replaced
