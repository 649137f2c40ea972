"""Making player text safe to read, and deciding whether it can be read at all.

Control characters are stripped (a terminal escape or a bidi override in a reply must never reach a
screen or a report), whitespace is folded, and the length is capped: a reply reads its first 280
characters and a statement its first 1,500 (the limits of the composer, issue 16), cut at a word, and
the reading says it was cut.  What cannot be read gets a plain reason instead of a guess: nothing
there, emoji only, too short to tell, or not English (the phrase lists are English).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

REPLY_LIMIT = 280
STATEMENT_LIMIT = 1500

# C0/C1 controls, DEL, and the format characters that reorder or hide text (bidi overrides,
# zero-width joiners are kept only inside emoji sequences, where they are harmless).
_BIDI = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)

# Function words of English and of the languages players are most likely to write instead; the
# decision is by which set the text's words fall in, so a short English sentence with a foreign
# name still reads as English.
ENGLISH = frozenset(
    """
a about above after again against all also am an and any are as at be because been before being
below between both but by can cannot could did do does doing down during each few for from further
had has have having he her here hers him his how i if in into is it its itself just me more most my
no nor not now of off on once only or other our ours out over own same she should so some such than
that the their them then there these they this those through to too under until up very was we were
what when where which while who whom why will with would you your yours yes ok okay sorry thanks
thank please hi hello dear get got us let let's we're we've we'll i'm i've you're it's that's don't
didn't can't won't isn't aren't wasn't weren't couldn't shouldn't wouldn't there's what's here's
""".split()
)
# Common English content words, so a short English post without a function word ("Another PETA
# sock puppet. Yawn.") is still read as English; none is a common word of the languages below.
COMMON = frozenset(
    """
able account act action actually add afraid again age ago agree air allow almost alone already
always amazing angry animal another answer anyone anything anyway apology area arm around ask asked
asking away baby back bad bag bank bar base bed beer best better big bill bit black blame block
blue board body book boring boss bought box boy brand bread break bring broke brother brought
budget build burger business busy buy call called calm came card care careful case cash cat cause
chance change cheap check chicken child children choice city claim class clean clear close coffee
cold come comes coming company complain complaint cool cost could country couple course crazy
crisis customer cut dad damage dark data date daughter day days dead deal dear death decide
decision delay delete deserve did different dinner disgusting dog doing dollar done door double
dream drink drive drop dumb early easy eat else email end enjoy enough entire even evening event
ever every everyone everything evidence exactly excuse expect experience explain face fact fail
fair fake fall false family fan far fast father fault favourite fear feel feeling felt few fight
file fine finish fire first fix flight food fool forget forgot found free fresh friend friends
full fun funny future game gave girl give glad goes going gone good great green group grow guess
guy guys half hand happen happened happy hard hate head health hear heard heart hell help hey high
hold holiday home honest hope horrible hot hour hours house huge idea idiot important insane
instead issue job joke keep kid kids kill kind knew know known lady last late later laugh law
learn least leave left less lesson letter life light line list listen little live long look
looking lose loss lost lot love lovely low luck lucky mad made mail make man manager many mark
matter maybe mean means meet men message met might mind minute miss mistake mom money month
morning mother move movie much mum music must name need never new news next nice night nobody
none nothing notice number office often old once open order others outside paid pain parent
part party pass past pay people perfect person phone pick picture place plan play please point
police poor post power pretty price problem promise proud public pull puppet put question quick
quite rather read ready real really reason remember reply report rest right rich road room rule
rules run sad safe said sale same save saw say says school seat second see seem seen sell send
sense serious service set shame share shop short show shut sick side sign silly simple since sir
sister sit sleep slow small smart sock someone something soon sorry sound sounds speak special
spend staff stand start state stay still stop store story stupid such sure sweet take talk tax
team tell terrible thank thanks thing things think thought through tired today together told
tomorrow tonight took top total touch town trash treat tried trip trouble true trust truth try
trying turn tweet ugly understand upset use used useful user waiting walk want wanted war watch
water way week weird welcome well went whole wife win wish without woman women wonder word words
work worked working world worry worse worst worth wow write wrong yeah year years yesterday young
yawn yummy
""".split()
)
FOREIGN = frozenset(
    """
le la les des du un une et est sont nous vous ils elles pour avec dans sur pas que qui ce cette
très aussi mais notre nos votre vos été être avons sommes désolés désolé merci
el los las del por para con una unos unas es son estamos somos nuestro nuestra sentimos muy pero
como ahora lo su sus también gracias perdón
der die das und ist sind wir ihr sie nicht mit für auf ein eine einen dem den des zu von es tut
uns leid danke entschuldigung
il lo gli della delle siamo sono non per con che una molto grazie scusate
os as um uma não com para por muito obrigado desculpe estamos o e que de do da em ao vamos
""".split()
)


@dataclass(frozen=True)
class Cleaned:
    """Text ready to read: safe characters only, whitespace folded, within the limit."""

    text: str
    original_length: int  # characters after stripping controls, before the cap
    truncated: bool


_ASCII_BREAKS = re.compile(r"[\t\n\v\f\r]")
_ASCII_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def strip_controls(text: str) -> str:
    """``text`` without control characters or bidi overrides; line breaks and tabs become spaces."""
    if text.isascii():  # the common case, without a look at every character's category
        return _ASCII_CONTROLS.sub("", _ASCII_BREAKS.sub(" ", text))
    out = []
    for ch in text:
        if ch in "\n\r\t\v\f":
            out.append(" ")
        elif ch in _BIDI:
            continue
        elif unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn"):
            continue
        else:
            out.append(ch)
    return "".join(out)


def clean(text: str, limit: int) -> Cleaned:
    """Strip, fold whitespace and cap at ``limit`` characters (at the last word that fits)."""
    folded = " ".join(strip_controls(unicodedata.normalize("NFC", text)).split())
    if len(folded) <= limit:
        return Cleaned(folded, len(folded), False)
    cut = folded[:limit]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return Cleaned(cut.rstrip(), len(folded), True)


def words(text: str) -> list[str]:
    """The words of ``text``, lower-cased (letters and inner apostrophes only)."""
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def _is_pictograph(ch: str) -> bool:
    cat = unicodedata.category(ch)
    return cat == "So" or cat == "Sk" or ch in "\u200d\ufe0f\ufe0e" or 0x1F000 <= ord(ch) <= 0x1FAFF


def unreadable_reason(text: str, known_words: frozenset[str] = frozenset()) -> str | None:
    """Why ``text`` (already cleaned) cannot be read, in plain words, or None if it can.

    ``known_words`` are English words the reader's phrase lists use: a text made of them is English
    even without a function word ("Bad idea. Back to the drawing board.").
    """
    if not text.strip():
        return "there is nothing to read: the text is empty"
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        if any(_is_pictograph(ch) for ch in text):
            return "emoji only: there are no words to read"
        return "there are no words to read, only numbers or punctuation"
    latin = sum(1 for ch in letters if "LATIN" in unicodedata.name(ch, ""))
    if latin < 0.5 * len(letters):
        return "it is not in English, and the reader only reads English"
    found = words(text)
    english = sum(1 for w in found if w in ENGLISH or w in COMMON or w in known_words)
    foreign = sum(1 for w in found if w in FOREIGN and w not in ENGLISH)
    if foreign >= 2 and foreign > english:
        return "it is not in English, and the reader only reads English"
    if len(found) < 2:
        return "it is too short to read: write at least a few words"
    if english == 0 and len(found) >= 3:
        return "it does not look like English: the reader knows none of its words"
    if english == 0:
        return "it is too short to read: write at least a few words"
    return None
