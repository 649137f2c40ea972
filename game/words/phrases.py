"""The phrases the reader looks for, one list per feature.

Each entry is a regular expression over lower-cased text with folded whitespace (so write it in
lower case); ``'`` matches a
straight or curly apostrophe.  The lists were written against the development half of the labelled
corpus (tests/data/words_corpus.jsonl) and the SCCT response strategies (Coombs 2007, research/
models.md M4); the held-out half measures them (docs/engine.md, "Reading the player's words").
Order matters in one place: a phrase claimed by an earlier feature is not read again by a later one
in ``CLAIMING`` ("sorry if anyone" is a conditional apology, not an apology plus a condition).
"""

from __future__ import annotations

import re

_A = "['’]"  # an apostrophe, straight or curly
WE = rf"\b(?:we|i|we{_A}re|we are|i{_A}m|i am)"  # \b: not the "i" that ends "Gucci"
SORRY = r"(?:so |very |truly |really |deeply |sincerely |incredibly |terribly |genuinely )*sorry"
APOLOGISE = r"apologi[sz]e"

# Sympathy that uses the word sorry: "sorry to hear", "sorry you went through it".
SYMPATHY_SORRY = (
    rf"{SORRY} to hear",
    rf"{SORRY} (?:that )?(?:you|this has)\b",
    rf"{SORRY} (?:that )?(?:it|this|that)(?:{_A}s| has) been",
    rf"{SORRY} for your loss",
)

# An apology that blames the hearer's feelings or hedges the harm: an excuse, not an apology.
CONDITIONAL_APOLOGY = (
    rf"(?:{SORRY}|{APOLOGISE}s?|apologies|regret) (?:to )?(?:if|that) (?:anyone|anybody|you|people|some)",
    rf"{SORRY} if",
    rf"{SORRY} you feel",
    rf"{APOLOGISE}s? (?:to )?(?:anyone|anybody|those) (?:who|that|this|it)",
    r"apologies to (?:anyone|anybody|those) (?:who|that|this|it)",
    r"(?:anyone|those) (?:who|this|it|that) (?:may|might) have (?:been )?(?:offended|upset)",
    r"(?:regret|sorry for|apologi[sz]e for|apologies for) any (?:upset|offence|offense|distress|hurt|concern|inconvenience|confusion)",
    r"any (?:upset|offence|offense|distress|hurt) (?:this|that|it|which) (?:may|might) have caused",
    rf"{APOLOGISE} for having to",
    r"(?:sorry|apologi[sz]e|apologies) to those who (?:were|felt|are)",
)

FULL_APOLOGY = (
    rf"{WE} {SORRY}",
    rf"{WE} (?:sincerely |deeply |truly |unreservedly |fully )?{APOLOGISE}",
    rf"\bwe {APOLOGISE}\b",
    r"(?:my|our) (?:sincerest |deepest |heartfelt |humble )?apolog(?:y|ies)",
    r"(?:huge|sincere|deepest|a million|our|my|many) apologies",
    r"^(?:so |very |truly )?sorry\b",
    r"\bsorry[.!]",
    r"apologi[sz]e without reservation",
    rf"{APOLOGISE}s? to (?:everyone|the|all|our|every|you|[a-z]+ [a-z]+ and)",
    r"apology to",
    r"(?:sincerely |deeply |truly |unreservedly )?apologi[sz]es (?:for|to)",  # "Gucci deeply apologizes for"
    r"\bapologies\b",
    r"\b(?:is|are) (?:truly |deeply |so )?sorry\b",
    r"\bsorry for (?:what|the|our|putting|posting|this|that)",
)

RESPONSIBILITY_TAKEN = (
    r"(?:take|takes|taking|accept|accepts) (?:full |complete |total )?responsibility",
    r"(?:i|we)(?:'m| am| are|’m) responsible",
    r"at the end of the day i{_A}?m responsible",
    rf"(?:it was|that was|this was|it{_A}s|that{_A}s) (?:entirely )?(?:our|my) (?:fault|mistake|failure|error)",
    r"(?:our|my) fault",
    r"(?:our|my) (?:mistake|failure|error)(?!s)",
    r"we (?:got|have got|{_A}ve got|'ve got) (?:this|it|that) (?:badly |completely |so )?wrong",
    r"we{_A}?ve got this wrong|got this wrong|got it wrong",
    r"(?:we|i) (?:were|was) wrong",
    r"(?:we|i) (?:messed|screwed) up",
    r"(?:we|i) (?:made|have made) (?:a|an|some) (?:mistake|mistakes|error|serious mistake)",
    r"made mistakes",
    r"we own it|we own that|own-goal|own goal",
    r"(?:that|this|it) (?:is|was) on us",
    r"(?:we|i) failed",
    r"(?:we|i) let (?:you|our|them|everyone|people)[a-z ]{0,20} down",
    r"(?:we|i) should (?:have|never have|not have|'ve)",
    r"should never have (?:happened|been)",
    r"(?:inexcusable|careless|thoughtless|shameful|hurtful|insensitive|tone-deaf|in poor taste|truly awful)",
    r"missed the mark",
    r"no excuse",
    r"(?:we|i) did not read|did not read what|had not checked",
    r"we were wrong to",
    r"you deserved better",
    r"that was careless",
)

RESPONSIBILITY_SHIFTED = (
    r"(?:outside|beyond) (?:of )?our control",
    r"(?:we|they) (?:don{_A}t|do not) control",
    r"third[- ]party",
    r"(?:an |our )?external (?:agency|supplier|partner)",
    r"(?:by|from) (?:an |the |our )?(?:agency|supplier|contractor|vendor)",
    r"the (?:museum{_A}s |our )?supplier",
    r"not by our",
    r"(?:technical|system|temporary) (?:fault|glitch|malfunction|error|issue)",
    r"malfunction",
    r"could not have been foreseen|couldn{_A}t have (?:predicted|foreseen)|could not have predicted",
    r"every (?:supplier|company|airline|bank|provider) (?:in the market )?(?:faces|is in)",
    r"in line with (?:industry|standard)",
    r"(?:industry|standard) (?:practice|procedure)",
    r"followed (?:established |standard |all |every )?(?:procedures?|protocols?|regulations?|the rules)",
    r"wholesale costs|government levies",
    r"by airport police",
    r"re-accommodate",
)

CORRECTIVE_ACTION = (
    r"(?:we|we{_A}ve|we have|has been|have been|is being|are being|will be|we are|we{_A}re|i have|i{_A}ve) (?:now |already |immediately )?(?:removed|removing|deleted|deleting|withdrawn|withdrew|pulled|pulling|paused|pausing|closed|suspended|switched off|fixed|hired|cancelled|canceled|halted|halting|taken down|reversed|restored|changed|changing|reviewing|investigating|parted ways)",
    r"(?:has been|have been|is|are) (?:now )?(?:removed|deleted|withdrawn|reversed|restored|fixed|suspended|switched off|taken down|refunded)",
    r"(?:will|to) (?:thoroughly )?(?:review|investigate|change|fix|publish|report back|communicate the results|prevent|make (?:this|it|things) right|do better|work to make)",
    r"never happens? again|doesn{_A}t happen again|does not happen again|won{_A}t happen again|will never happen again",
    r"(?:an |a |our )?(?:thorough |full |independent |detailed )?(?:review|investigation|audit) (?:of|by|into)",
    r"(?:thorough|independent|full|detailed) (?:review|investigation|audit)",
    r"from (?:monday|tuesday|wednesday|thursday|friday|today|now on|tomorrow),? ",
    r"(?:will|can) no longer|will not (?:ask|go ahead|be for sale|happen)",
    r"halting any further",
    r"removing the content|pulling the content",
    r"fix what{_A}s broken",
    r"step up and do it",
    r"taking appropriate action",
    r"(?:we{_A}ve|we have) (?:cancelled|canceled|closed|deleted|taken)",
    r"we will (?:work with|spend|change|publish)",
)

COMPENSATION = (
    r"refund(?:s|ed)?\b",
    r"compensat(?:e|ion)",
    r"voucher",
    r"\b[\d,]+ (?:air )?miles\b",
    r"donat(?:e|ing|ion)",
    r"reimburs",
    r"(?:free|waive|waived) (?:of charge|fee|fees|travel|flight|month)",
    r"(?:[$£€]\s?[\d,]+|[\d,]+ (?:dollars|pounds|euros))(?![a-z])",
)

SYMPATHY = (
    r"(?:that|this|it) (?:sounds|must (?:be|have been)) (?:so |really |truly |very )?(?:awful|terrible|terrifying|frightening|frustrating|exhausting|hard|difficult|painful|heartbreaking|upsetting|a real worry|scary|stressful|worrying|distressing|horrible|rough)",
    r"must have been (?:terrifying|awful|frightening|exhausting|so hard|painful)",
    r"heartbreaking",
    r"(?:our|my) (?:thoughts|hearts) (?:are|go) (?:with|out)",
    r"i can only imagine",
    r"(?:completely |totally )?understandable",
    r"we (?:hear|understand) (?:you|why|how)",
    r"(?:nobody|no one) should (?:ever )?(?:have to|be)",
    r"disturbed by",
    r"(?:horrific|tragic|tragedy|anguish)",
    r"(?:that|it) (?:took|takes) courage",
    r"thank you for sharing",
    r"losing (?:a|your)",
    r"(?:i|we) share (?:all of )?(?:those|your) (?:sentiments|feelings|anger)",
    r"how (?:hard|difficult|painful|upsetting) (?:this|that|it) (?:is|must be)",
    r"feel(?:ing)? let down",
)

BOILERPLATE = (
    r"thank(?:s| you) for (?:your |the )?(?:feedback|patience|comment|comments|understanding|reaching out|getting in touch|contacting us|your message|bringing this)",
    r"your call is important",
    r"we value (?:your|all|our)",
    r"(?:please )?(?:send us a |follow and )?dm us|(?:please )?send (?:us )?a (?:dm|direct message)|please dm|dm with your",
    r"please (?:contact|visit|call|follow|reach out)",
    r"(?:we{_A}re|we are|i{_A}m|i am) here to help",
    r"(?:sorry|apologi[sz]e) for (?:any|the) inconvenience",
    r"we take (?:all )?(?:feedback|your feedback|concerns|this) (?:very )?seriously",
    r"passed (?:it|this|your \w+) on to",
    r"(?:customer|your) satisfaction is (?:our|a) (?:top )?priority",
    r"have a (?:great|nice|good|lovely) day",
    r"(?:happy|glad) to (?:help|assist|review)",
    r"anything (?:i|we) can do to help",
    r"account[- ]related",
    r"we appreciate (?:your|you)",
    r"(?:a member of )?our (?:customer service |customer care )?team will be in touch",
    r"help centre|help center",
    r"look into this for you",
    r"relevant team",
)

HUMOUR = (
    r"(?:😂|😅|🙃|🤣|😆|😜|😉|🙈|😬|🥭|🐋|🐱|🦢)",
    r"\b(?:lol|lmao|haha+|hehe)\b",
    r"\bha!",
    r"bad idea",
    r"(?:back to|return to) the drawing board",
    r"lesson learn(?:ed|t)",
    r"in hindsight",
    r"so, that happened",
    r"funny|laughs|hilarious",
    r"in our defen[cs]e",
    r"(?:our|the) (?:lawyers|chefs|intern|chatbot) (?:say|says|has been)",
    r"like (?:asking|hosting) a",
    r"darling",
    r"check\.",
    r"we{_A}re working on it",
    r"nobody reads",
    r"progress\?",
)

HOSTILITY = (
    r"\btrolls?\b|trolling",
    r"\bbots?\b",
    r"bullies",
    r"\bactivists?\b",
    r"so-called",
    r"keyboard warriors?",
    r"ashamed of themselves|shame on (?:them|you)",
    r"\bagenda\b",
    r"propaganda",
    r"gullible",
    r"\blies\b|\bliars?\b|dishonest",
    r"nobody cares",
    r"conspiracy",
    r"nice try",
    r"not reading (?:all )?that",
    r"cool story",
    r"disgruntled",
    r"axe to grind",
    r"politically motivated",
    r"blackmail",
    r"false complaints",
    r"can{_A}t criticize|cannot criticize|can{_A}t criticise",
    r"funded by",
    r"drown (?:out|them out)",
    r"hashtag-jacking",
    r"not our customers",
    r"(?:angry|professional) (?:mob|activists|trolls)",
    r"\bpeta\b",
    r"you don{_A}t really believe",
    r"whatever you say",
    r"lol ok",
    r"extraordinary and revealing",
    r"who is behind this",
    r"rival company",
    r"have a long record of",
    r"we (?:will not|won{_A}t) be (?:blackmailed|bullied|intimidated)",
    r"legal action",
)

DENIAL = (
    r"\b(?:false|untrue|not true|fake|doctored|fabricated)\b",
    r"(?:is|are|was) (?:simply )?(?:false|untrue|not true|inaccurate|misleading|not accurate)",
    r"inaccurate|misleading|not accurate|not quite right",
    r"no crisis",
    r"reject (?:these|the|this|those) (?:allegations|claims|accusations)",
    r"without foundation|baseless|unfounded",
    r"did not (?:come from|happen|take place)",
    r"never (?:happened|breached|posted|accessed)",
    r"(?:were|was) never (?:breached|accessed|posted)",
    # Blaming a hacker for a post is a denial; "your data was compromised" in a breach is not.
    r"(?:account|accounts|page|profile)s? (?:has been|was|were|have been|had been) (?:hacked|compromised)",
    r"(?:we|i) (?:were|was|have been|had been) hacked",
    r"not one of our",
    r"(?:are|is) not ours",
    r"not (?:mistreated|harmed)",
    r"nothing (?:happened|wrong)",
    r"at no point",
    r"did not come from our",
    r"(?:we|i) (?:did not|didn{_A}t|never) (?:do|say|post)",
    r"(?:is|are) not (?:a sign|true|the case)",
    r"let us be clear",
    r"unauthori[sz]ed (?:posts?|messages?|comments?)",
)

MINIMISING = (
    r"isolated incident",
    r"small number|handful of|tiny fraction|a few (?:people|customers|comments)",
    r"(?:vast|overwhelming) majority",
    r"very,? (?:very )?modest",
    r"(?:never|not) (?:been )?our intention|never meant|not meant to|(?:did not|didn{_A}t) (?:intend|mean)",
    r"(?:albeit |completely |totally )?unintentional",
    r"light-hearted|just a joke|meant as a (?:light|joke)",
    r"(?:was|were) (?:meant|intended|supposed) (?:to|for|as)",
    r"with good intentions|good intentions",
    r"took it the wrong way|misread|misunderstood|misinterpreted",
    r"(?:weren{_A}t|were not) trying to",
    r"(?:not|never) (?:be )?representative",
    r"wants this over more than",
    r"(?:would|{_A}d) like my life back",
    r"unfortunately,? (?:the|some|it)",
    r"(?:reflects|reflect) people from different walks",
    r"(?:our|the) intention was",
    r"to be clear",
    r"actually,",
    r"(?:clearly|fully) explained",
    r"(?:every|all) (?:regulation|rule)s? that appl",
    r"does not mean we admit",
    r"we pay all the tax",
    r"sorry to hear you think",
    r"but you{_A}re wrong",
    r"the truth is",
    r"(?:was|were) never meant to",
    r"upsetting event to all of us",
)

BOLSTER = (
    r"for (?:more than |over |nearly )?[\d,]+ (?:years|decades)|over (?:five|four|three|two) decades|since [12]\d{3}",
    r"founded in [12]\d{3}|our founders|founders",
    r"\bproud\b|pride",
    r"loyal(?:ty)?",
    r"(?:always|has always|have always) (?:been|put|had)",
    r"(?:our|the) values",
    r"generations",
    r"(?:we|i) (?:believe|believed) in",
    r"committed to",
    r"(?:donated|rescued|helped|returned) (?:more than )?[\d,]+",
    r"\bhelped (?:families|students|small businesses|millions|thousands)",
    r"care deeply",
    r"grateful|gratitude|thank you to (?:the )?(?:doctors|our|everyone who|all)",
    r"(?:largest|biggest) employers?",
    r"family-friendly",
    r"responsible company",
    r"nothing but respect",
    r"(?:keep|keeps) earning (?:that|your) trust|trusted us",
    r"that (?:commitment|promise) has not changed|will never change|always will",
    r"quality food|the best trained",
)

INFORM = (
    r"\b\d{1,2}[:.]\d{2}\b|\b\d{1,2} ?(?:am|pm)\b",
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|today)\b",
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec) \d{1,2}\b|\b\d{1,2} (?:january|february|march|april|may|june|july|august|september|october|november|december)\b",
    r"here is what we know|what we know so far|^update\b|update on",
    r"will (?:not )?(?:take place|go ahead|resume|reopen|be drawn|be announced|receive|get|be refunded|be reversed)",
    r"(?:available|details|more information|full list) (?:at|on|of|are)",
    r"(?:customers|passengers|users|you) (?:should|can|will|do not need)",
    r"(?:is|are|remains|remain) (?:open|closed|offline|online|unaffected|not affected)",
    r"(?:were|was) not affected",
    r"closes at|opens at|resume[sd]? at",
    r"cooperating|co-operating",
    r"(?:is|are) investigating",
    r"(?:the|a) (?:recall|outage|incident|q&a|contest|competition) (?:covers|started|was|is|has|will|closes)",
    r"no (?:customer )?data was",
    r"terms and conditions",
    r"(?:call|phone|line|number) (?:on )?0\d{3}",
    r"\b\d[\d,.]*\s?(?:kg|km|%|per cent|percent|units|stores|customers|passengers|minutes|hours|days|weeks)\b",
    r"typically|about \d|is published",
    r"(?:there is|there{_A}s) no (?:replacement|exit fee|new date)",
    r"we are taking appropriate action|parted ways",
    r"unreachable",
    r"(?:can|may) claim",
    r"(?:starts?|started|joined) (?:on|in|at)",
)

# Features whose matches later features of this list, and full apologies, may not re-read: "sorry
# to hear" is sympathy and "we apologise for the inconvenience" a template, not apologies.
CLAIMING = ("conditional_apology", "sympathy_sorry", "boilerplate")

TABLES: dict[str, tuple[str, ...]] = {
    "conditional_apology": CONDITIONAL_APOLOGY,
    "sympathy_sorry": SYMPATHY_SORRY,
    "boilerplate": BOILERPLATE,
    "full_apology": FULL_APOLOGY,
    "responsibility_taken": RESPONSIBILITY_TAKEN,
    "responsibility_shifted": RESPONSIBILITY_SHIFTED,
    "corrective_action": CORRECTIVE_ACTION,
    "compensation": COMPENSATION,
    "sympathy": SYMPATHY,
    "humour": HUMOUR,
    "hostility": HOSTILITY,
    "denial": DENIAL,
    "minimising": MINIMISING,
    "bolster": BOLSTER,
    "inform": INFORM,
}


_STARTS_WITH_A_WORD = re.compile(r"^(?:\(\?:)*[a-z]")


def _compile(pattern: str) -> re.Pattern[str]:
    # Matched against lower-cased text (see features.lower_same_length): without IGNORECASE the
    # regex engine can skip ahead to a pattern's first letter, four times faster on a long statement.
    # A pattern that starts with a word starts at a word: "i should have" is not in "Gucci should have".
    if _STARTS_WITH_A_WORD.match(pattern):
        pattern = r"\b" + pattern
    return re.compile(pattern.replace("{_A}", _A))


def required_literal(pattern: str) -> str | None:
    """A run of plain letters every match of ``pattern`` must contain, or None.

    Only letters outside any group, class or escape count, and not when the pattern has a top-level
    alternative; a letter a quantifier makes optional is dropped.  Checking ``literal in text``
    first skips most patterns on most texts (a 1,500-character statement reads in a few ms).
    """
    depth, i, runs, run = 0, 0, [], ""
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            runs.append(run)
            run, i = "", i + 2
            continue
        if ch == "[":
            runs.append(run)
            run = ""
            i = pattern.index("]", i + 2) + 1
            continue
        if ch in "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            return None
        if depth == 0 and ch.isalpha() and ch.islower() or (depth == 0 and ch == " " and run):
            run += ch
        else:
            if ch in "?*{" and run:
                run = run[:-1]
            runs.append(run)
            run = ""
        i += 1
    runs.append(run)
    best = max((r.strip() for r in runs), key=len, default="")
    return best if len(best) >= 4 else None


# Each pattern compiled, with the literal that must be in a text for it to match.
COMPILED: dict[str, tuple[tuple[re.Pattern[str], str | None], ...]] = {
    name: tuple((_compile(p), required_literal(p.replace("{_A}", _A))) for p in patterns)
    for name, patterns in TABLES.items()
}

# Words the phrase lists are written in: a text of these is English even without a function word.
KNOWN_WORDS = frozenset(w for patterns in TABLES.values() for p in patterns for w in re.findall(r"[a-z]{3,}", p))
