"""Who a report cites, in the forms news uses, and which of its sentences rest on each source.

A citation is a speaker next to a reporting cue: the subject of a reporting verb ("the UN said",
"Jan Egeland, the UN's emergency relief coordinator, said", "U.S. State Department spokesperson
Vedant Patel stated"), a speaker after one ("..., said Prime Minister Jane Doe"), the object of
"according to", "citing", "a report from", "in an interview with", the outlet a source "told", and
a list line ``AP - "..."``. Each speaker is split into a name and a role and sorted into a kind:
an ``outlet`` (news agencies, papers, broadcasters: a lexicon plus head words such as "Times",
"News"), an ``institution`` (bodies, agencies, governments, "police"), a ``person``, or an
``unnamed`` source described as such ("a senior U.S. official", "sources close to the talks"),
listed because fact-checkers want them. "He said" and "it said" give the sentence to the last
person, or outlet or institution, cited in the four sentences before.

What is not a citation: a capitalised word used as an adjective ("U.S. officials"), a name after a
preposition ("officials from France and Spain have noted"), a denial of speech ("would not say"),
datelines, bylines and "Reuter" sign-offs (no reporting cue touches them).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from collections.abc import Sequence
from dataclasses import dataclass

from index.gazetteer import ORG_HEADS, ROLE_NOUNS, TITLES
from index.models import Entity, Sentence
from index.sentences import split_sentences

__all__ = ["KINDS", "Source", "same_names", "sentence_sources", "sources"]

KINDS = ("person", "outlet", "institution", "unnamed")


@dataclass(frozen=True, slots=True)
class Source:
    """Someone a report cites.

    Attributes:
        name: The source as the report names it ("Jan Egeland", "BBC", "a senior U.S. official
            (unnamed)"); a person's fullest spelling in the report.
        start: Where the mention of ``name`` starts in the article text.
        end: Where it ends.
        unnamed: True for a described but unnamed source.
        kind: ``person``, ``outlet``, ``institution`` or ``unnamed``.
        role: What the report says the source is ("the UN's emergency relief coordinator"), if it
            says.
        claims: ``(start, end)`` of every sentence that cites the source, in text order.
    """

    name: str
    start: int
    end: int
    unnamed: bool = False
    kind: str = ""
    role: str | None = None
    claims: tuple[tuple[int, int], ...] = ()

    def __post_init__(self) -> None:
        if not self.kind:
            object.__setattr__(self, "kind", "unnamed" if self.unnamed else "person")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --- lexicons --------------------------------------------------------------------------------------

_VERBS = (
    "said|says|say|stated|states|told|tells|noted|notes|added|adds|commented|emphasized|emphasised|"
    "disclosed|announced|announces|reported|reports|report|wrote|writes|claimed|claims|analyzed|"
    "analysed|suggested|suggests|warned|warns|warn|explained|confirmed|confirms|confirm|insisted|"
    "argued|revealed|estimated|estimates|estimate|predicted|denied|declared|tweeted|acknowledged|"
    "admitted|stressed|asserted|alleged|cautioned|conceded|observed|remarked|replied|quoted|"
    "indicated|described|continued|saying|telling|adding|quotes|confirming|warning"
)
_PARTICIPLES = _words("saying telling adding confirming warning")
_BE = re.compile(r"\b(?:are|is|was|were)(?:\s+(?:now|still|also))?\s*$")
# Verbs that are just as often nouns ("news reports", "the claims"): their subject must be a name.
_NOUN_VERBS = _words("reports report claims estimates estimate notes states")
_TELL = _words("told tells disclosed")


def _alternation(words: list[str]) -> str:
    """A regex alternation grouped by first letter: Python's engine scans it twice as fast."""
    by: dict[str, list[str]] = {}
    for w in words:
        by.setdefault(w[0], []).append(w[1:])
    return "(?:" + "|".join(
        f"{k}(?:{'|'.join(sorted(v, key=len, reverse=True))})" for k, v in by.items()
    ) + ")"


_VERB = re.compile(r"\b" + _alternation(_VERBS.split("|")) + r"(?: to\b)?\b")
# Outlets by name. Ambiguous ones (People, Time) count only where an audience is expected ("told").
_OUTLETS = {
    k.lower(): v
    for v, ks in {
        "AP": "AP|Associated Press|The Associated Press",
        "AFP": "AFP|Agence France-Presse|Agence France Presse",
        "BBC": "BBC|British Broadcasting Corporation|BBC News",
        "Reuters": "Reuters",
        "CNN": "CNN",
        "RT": "RT|RussiaToday|Russia Today",
    }.items()
    for k in ks.split("|")
} | {
    k.lower(): k
    for k in (
        "ABC|NBC|CBS|CNBC|MSNBC|NPR|PBS|Fox News|Sky News|Al Jazeera|Al Arabiya|Xinhua|TASS|ITAR-TASS|"
        "Interfax|RIA Novosti|Kyodo|Yonhap|Bloomberg|UPI|ANSA|EFE|DPA|dpa|PTI|IANS|Bernama|Antara|"
        "Jiji|NHK|KCNA|IRNA|Anadolu|Dow Jones|Politico|Axios|TMZ|USA Today|Variety|"
        "Newsweek|Der Spiegel|Spiegel|Le Monde|Le Figaro|El País|El Pais|Haaretz|Kommersant|Meduza|"
        "Vedomosti|Izvestia|Ukrainska Pravda|Wikinews|WikiNews|Economist|The Economist|E! News|"
        "Entertainment Tonight|Us Weekly|People|Time|The Hill|Hollywood Reporter|Deadline"
    ).split("|")
}
_AMBIGUOUS_OUTLETS = _words("people time variety deadline the hill")
_OUTLET_HEADS = _words(
    "times post news journal herald tribune gazette telegraph guardian chronicle observer press "
    "express monitor reporter examiner inquirer weekly magazine television tv radio broadcasting "
    "broadcaster network channel newspaper wire independent daily pravda"
)
_INSTITUTIONS = _words(
    "un u.n. nato eu who imf opec iaea unicef unhcr fbi cia nasa kremlin pentagon vatican knesset "
    "interpol fema usgs noaa icrc"
) | {"united nations", "red cross", "red crescent", "white house", "world bank", "european union",
     "state department", "downing street", "congress", "parliament"}
_ORG_HEADS = ORG_HEADS | _words(
    "survey observatory programme program unit directorate agencies centers centres ministries "
    "universidad servicio instituto ministerio gobierno agencia comisión comision université "
    "ministère institut"
)
# Lower-case heads that make a body of a capitalised name: "the District Attorney's office".
_LOWER_HEADS = _words(
    "office ministry department agency council commission board bureau court police government "
    "embassy service authority secretariat"
)
_ALIASES = {"united nations": "un", "u.n.": "un", "european union": "eu"}
_BARE_INSTITUTIONS = _words(
    "police authorities government military army navy ministry prosecutors prosecutor embassy "
    "coroner court"
)
_INST_MODIFIERS = _words(
    "local state federal national regional provincial city county military riot traffic border "
    "health foreign defence defense interior finance disaster emergency meteorological weather "
    "geological transport justice trade energy fire"
)
_ROLE_WORDS = ROLE_NOUNS | _words(
    "coordinator head expert researcher scientist professor member representative executive "
    "seismologist geologist editor owner resident survivor witness rep spokesperson commander "
    "chairman chairwoman president secretary-general under-secretary-general minister envoy "
    "chief cto cfo ceo coo negotiator mediator campaigner activist organiser organizer pastor "
    "priest rabbi imam cleric vicar coroner prosecutor sheriff trooper ranger warden"
)
# Abbreviated titles, counted only with their full stop ("Dist. Atty. Steve Cooley").
_ROLE_ABBREVIATIONS = _words("dist atty dep det supt insp sec amb pres asst")
_ROLE_MODIFIERS = _words(
    "senior former acting deputy top chief foreign press emergency relief national regional "
    "local state assistant associate vice executive general special military civil defence "
    "defense security interior health finance police navy army government ministry embassy "
    "company party campaign union court city council hospital agency palace armed air"
) | ORG_HEADS
# Nouns that say the name after them is an outlet ("Spanish paper El Mundo", "Wired magazine").
_OUTLET_NOUNS = _words(
    "paper newspaper daily weekly tabloid magazine broadcaster channel network station website "
    "agency outlet"
)
_HONORIFICS = _words("mr mr. mrs mrs. ms ms. dr dr. prof prof. sir dame lord lady")
_MONTHS = "january february march april may june july august september october november december"
_NOT_NAMES = _words(
    "he she they it we i you this that these those there a an the his her their its our but and "
    "however meanwhile on in at by as also while when after before if so yet still then now "
    + _MONTHS
    + " monday tuesday wednesday thursday friday saturday sunday today yesterday"
)
_PREPOSITIONS = _words(
    "and or from of with in by for between to at on about against than over after before into "
    "among like toward towards near under per via nor"
)
_CONNECTORS = _words("of for on de du la van von der al bin")
_NEGATION = re.compile(
    r"(?:\bnot|n[’']t|\bnever|\bdeclined to|\brefused to|\bunable to|\bwould(?:n[’']t| not))\s*$"
)
# Words between a speaker and the verb: "Canada yesterday said", "the Navy in November said".
_GAP = _words(
    "has have had also later earlier previously further again then would will could yesterday "
    "today tonight may might reportedly publicly recently once quickly first separately on in "
    "monday tuesday wednesday thursday friday saturday sunday " + _MONTHS
)


def _gap_start(text: str, s: int, pos: int) -> int:
    """Where the words of ``_GAP`` (and years) before ``pos`` begin."""
    p = pos
    while p > s:
        q = p
        while q > s and text[q - 1].isspace():
            q -= 1
        k = q
        while k > s and not text[k - 1].isspace():
            k -= 1
        w = text[k:q].lower()
        if not w or w not in _GAP and not (w.isdigit() and len(w) == 4):
            break
        p = k
    return p
_TOKEN = re.compile(r"\S+")
_EDGE = "\"“”‘’'()[]"


# --- one sentence ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Cite:
    name: str
    start: int
    end: int
    kind: str
    role: str | None


def _is_cap(w: str) -> bool:
    return w[:1].isupper() or re.match(r"[a-z]{1,2}['’][A-Z]", w) is not None  # "d'Argentre"


@lru_cache(maxsize=4096)
def _is_role(w: str) -> bool:
    lw = w.lower().rstrip(".,").removesuffix("'s").removesuffix("’s")
    if lw in _HONORIFICS or lw + "." in _HONORIFICS:
        return False  # "Mr Steele": a courtesy, not a role
    if w.endswith(".") and lw in _ROLE_ABBREVIATIONS:
        return True
    if lw.endswith("s") and lw[:-1] in _ROLE_WORDS:
        return True  # "one of Orozco's lawyers"
    return lw in _ROLE_WORDS or lw in TITLES and lw not in _HONORIFICS or any(
        p in _ROLE_WORDS for p in lw.split("-") if len(lw.split("-")) > 1
    )


def _outlet_key(name: str) -> str | None:
    low = name.lower()
    if low in _OUTLETS:
        return _OUTLETS[low]
    if low.startswith("the ") and low[4:] in _OUTLETS:
        return _OUTLETS[low[4:]]
    return None


# A word seen after one of these in lower case is a common noun ("many people", "the officials").
_COMMON_BEFORE = _words("the a an many some these those other of for all most our their his her")


def _kind(text: str, name: str, at_start: bool, audience: bool, ents: dict[int, str], pos: int) -> str | None:
    """Outlet, institution or person for a proper name, or None when it is no speaker."""
    low = name.lower()
    last = low.split()[-1]
    if _outlet_key(name) and (audience or low not in _AMBIGUOUS_OUTLETS):
        return "outlet"
    if last in _OUTLET_HEADS and len(name.split()) > 1:
        return "outlet"
    if audience:
        return None  # whom someone "told" is a source only when it is an outlet
    label = ents.get(pos)
    words = low.split()
    heads = [i for i, w in enumerate(words) if w in _ORG_HEADS]
    if low in _INSTITUTIONS or label in ("ORG", "PLACE") or heads and (
        heads[-1] == len(words) - 1 or words[heads[-1] + 1] in _CONNECTORS
    ):
        return "institution"
    if re.fullmatch(r"(?:[A-Z]\.?){2,6}|[A-Z]{2,6}", name.replace("&", "")):
        return "institution"  # an acronym: "USGS", "NP&CP"
    if label == "GROUP" or low in _NOT_NAMES:
        return None
    if len(name.split()) == 1 and at_start and (
        any(b.lower() in _COMMON_BEFORE for b, _ in _occurrences(text, low))
        or label != "PERSON" and not _capitalised_inside(text, name)
    ):
        return None  # "Officials said", "People told": a common noun capitalised by position
    return "person"


def _occurrences(text: str, word: str) -> list[tuple[str, str]]:
    """The word before and the word after each whole-word occurrence of ``word`` in ``text``."""
    out = []
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            before = text[max(0, at - 30) : at].split()[-1:]
            after = text[end : end + 30].split()[:1]
            out.append((before[0] if before else "", after[0] if after else ""))
        at = text.find(word, end)
    return out


def _capitalised_inside(text: str, word: str) -> bool:
    """True when ``word`` is capitalised somewhere other than at a sentence start ("Palomino"), or
    inside a longer name ("Pentland" of "Pentland Industries PLC", "Seymour" of "Frances Seymour")."""
    for before, after in _occurrences(text, word):
        if before and (before[-1].islower() or before[-1] in ",;" or _is_cap(before)) or _is_cap(after):
            if not before.endswith((".", "!", "?", '"', "”")) or _is_cap(after):
                return True
    return False


def _strip(w: str) -> str:
    return w.strip(_EDGE).rstrip(",;:")


def _split(toks: list[tuple[int, int, str]]) -> tuple[str | None, list[tuple[int, int, str]]]:
    """Split a run of words into a role and a name ("Ukrainian President" + "Volodymyr Zelenskyy")."""
    k = max((i for i, t in enumerate(toks) if _is_role(t[2])), default=-1)
    if k < 0:
        return None, toks
    rest = toks[k + 1 :]
    if rest and rest[0][2] in ("of", "for", "on"):
        # "Secretary of State Antony Blinken": the role runs on; the name is the last two words.
        if len(rest) < 4:
            return None, []
        k, rest = len(toks) - 3, toks[-2:]
    role = " ".join(t[2] for t in toks[: k + 1])
    return role, rest


def _speaker(
    text: str, toks: list[tuple[int, int, str]], s: int, audience: bool, ents: dict[int, str]
) -> _Cite | None:
    """A named speaker from a run of words, or None."""
    while toks and (toks[0][2].lower() in _NOT_NAMES or toks[0][2].lower() in _CONNECTORS):
        toks = toks[1:]
    if toks and toks[-1][2] in _LOWER_HEADS and len(toks) > 1 and _is_cap(toks[-2][2]):
        # "The District Attorney's office says": a body named by a name and a lower-case head.
        k = next(i for i, t in enumerate(toks) if _is_cap(t[2]))
        st, en = toks[k][0], toks[-1][1]
        return _Cite(text[st:en], st, en, "institution", None)
    if not toks or not _is_cap(toks[-1][2]):
        return None  # "a Western diplomat": a description, not a name
    role, name_toks = _split(toks)
    nouns = [i for i, t in enumerate(toks[:-1]) if t[2] in _OUTLET_NOUNS]  # lower case only
    if role is None and nouns:
        k = nouns[-1]
        role, name_toks = " ".join(t[2] for t in toks[: k + 1]), toks[k + 1 :]
        if name_toks:
            st, en = name_toks[0][0], name_toks[-1][1]
            return _Cite(text[st:en], st, en, "outlet", role)
    while name_toks and name_toks[0][2].lower() in _HONORIFICS:
        name_toks = name_toks[1:]
    of = next((j for j, t in enumerate(name_toks) if j and t[2] in ("of", "from", "at")), 0)
    if of and all(_is_cap(t[2]) for t in name_toks[:of]):
        # "Larry Kroon of the Wasilla Bible Church": a person, then where the person works.
        left = text[name_toks[0][0] : name_toks[of - 1][1]]
        right = text[name_toks[of][0] : name_toks[-1][1]]
        if _kind(text, left, name_toks[0][0] == s, False, ents, name_toks[0][0]) == "person" and (
            _kind(text, right.split(None, 1)[1], False, False, ents, -1) != "person"
        ):
            name_toks = name_toks[:of]
            role = f"{role}, {right}" if role else right
    if not name_toks or not all(_is_cap(t[2]) or t[2].lower() in _CONNECTORS for t in name_toks):
        return None
    st, en = name_toks[0][0], name_toks[-1][1]
    name = " ".join(text[st:en].split()).removesuffix("'s").removesuffix("’s")
    kind = _kind(text, name, st == s, audience, ents, st)
    if kind is None:
        return None
    if text[st:en].endswith(("'s", "’s")):
        en -= 2
    return _Cite(name, st, en, kind, role)


def _run_back(text: str, s: int, pos: int) -> list[tuple[int, int, str]] | None:
    """The words of a name (and a role before it) that end at ``pos``; None after a preposition."""
    w0 = max(s, pos - 200)  # fourteen words at most are read
    toks = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text, w0, pos)]
    if w0 > s and toks and not text[w0 - 1].isspace():
        toks = toks[1:]  # the window cut a word
    run: list[tuple[int, int, str]] = []
    for i in range(len(toks) - 1, max(-1, len(toks) - 14), -1):
        st, en, w = toks[i]
        core = w.strip(_EDGE)
        edge_before = w[0] in _EDGE
        if w[-1] in ",;:" or w[-1] in _EDGE and w[-1] not in "()":
            if not run:
                return []  # '..., AF447," said Air France': a quotation, not its speaker
            break  # a clause or a quotation ends here
        low = core.lower()
        ok = _is_cap(core) or _is_role(core) or low in _ROLE_MODIFIERS or low in _CONNECTORS
        ok = ok or core in _OUTLET_NOUNS
        ok = ok or low in ("and", "the") and bool(run) and (_is_role(run[0][2]) or low == "the")
        if not ok:
            if low in _PREPOSITIONS and run:
                head = run[0][2].lower()
                if low == "and" and (head in _ROLE_MODIFIERS or _is_role(run[0][2])):
                    break  # "campaigner and former U.S. Vice President Al Gore": roles joined
                if low == "and" and any(_is_role(t[2]) for t in run[1:]):
                    break  # "Venezuelan Energy and Mines Minister Aturo Hernandez Grisanti"
                return None
            break
        off = st + w.index(core)
        run.insert(0, (off, off + len(core.rstrip(",;:")), core.rstrip(",;:")))
        if edge_before:
            break
    return run


def _run_fwd(text: str, pos: int, e: int) -> list[tuple[int, int, str]]:
    """The words of a role and a name that start at ``pos``."""
    run: list[tuple[int, int, str]] = []
    for m in _TOKEN.finditer(text, pos, min(e, pos + 160)):
        w = m.group(0)
        core = w.strip(_EDGE).rstrip(",;:")
        if not core:
            break
        low = core.lower()
        if not run and low in ("the", "a", "an") or w[0] in _EDGE and run:
            if w[0] in _EDGE:
                break
            continue
        if run and low in _NOT_NAMES or not (
            _is_cap(core) or _is_role(core) or low in _ROLE_MODIFIERS or low in _CONNECTORS
            or low == "and" and run and _is_role(run[-1][2])
        ):
            break  # a date or a lower-case word ends the name
        off = m.start() + w.index(core)
        run.append((off, off + len(core), core))
        if core != w.strip(_EDGE) or w[-1] in _EDGE:
            break  # a comma or a quotation mark closes the name ("Dist. Atty. Steve Cooley" runs on)
    while run and run[-1][2].lower() in ("and", *_CONNECTORS):
        run.pop()
    if run and run[-1][2].endswith(".") and not re.fullmatch(r"(?:[A-Z]\.)+", run[-1][2]):
        st, en, w = run[-1]
        run[-1] = (st, en - 1, w[:-1])  # a sentence's full stop, not an initial
    return run


_APPOS_FWD = re.compile(r",\s+(?P<app>(?:the|a|an|[A-Z][\w.’'-]*)\b[^,;:\"“”()]{2,90}?)\s*(?=[,.;]|$)")
# Matched against the text lowered (ASCII only, so offsets hold): much faster than [Aa] classes.
_CUE_FWD = re.compile(
    r"\b(?:according to (?:an? |the )?reports? (?:by|from|in)|according to|citing|(?:cited|quoted|reported|announced|confirmed|stated) by|"
    r"(?:an?|the|in a) (?:report|statement|interview|broadcast) (?:from|by|in|with|on)|"
    r"in an interview with|speaking to)\s+"
)
_CUE_HINT = re.compile(r"accord|citing| by |interview|speaking|report|statement|broadcast")
_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _lowered(text: str) -> str:
    """``text`` in lower case with the same offsets (``str.lower`` may lengthen "İ")."""
    low = text.lower()
    return low if len(low) == len(text) else text.translate(_LOWER)
_INST_BACK = re.compile(
    r"(?:^|(?<=\s))(?P<np>(?:(?:[Tt]he|[A-Z][\w.’'-]*)\s+)?(?:(?:[A-Z][\w.’'-]*|"
    + "|".join(sorted(_INST_MODIFIERS))
    + r")\s+){0,3}(?:"
    + "|".join(f"[{w[0]}{w[0].upper()}]{w[1:]}" for w in sorted(_BARE_INSTITUTIONS))
    + r"))\s*$"
)
_INST_FWD = re.compile(
    r"(?:the\s+)?(?P<np>(?:(?:[A-Z][\w.’'-]*|" + "|".join(sorted(_INST_MODIFIERS)) + r")\s+){0,3}"
    r"(?:" + "|".join(sorted(_BARE_INSTITUTIONS)) + r"))\b"
)
_STATEMENT_NOUNS = _words("statement report announcement communique communiqué release")
# "A Defence Ministry statement said": the body that issued it; "the statement said": as "it said".
_STATEMENT = re.compile(
    r"(?:^|(?<=\s))(?:[Aa]n?\s+|[Tt]he\s+|[Ii]ts\s+)?(?P<name>(?:(?:[A-Z][\w.’'-]*|"
    + "|".join(sorted(_INST_MODIFIERS | _BARE_INSTITUTIONS | _LOWER_HEADS | {"cabinet"}))
    + r")\s+){0,4})(?:statement|report|announcement|communiqu[eé]|press release|release)\s*$"
)
_LIST_LINE = re.compile(r"^[ \t]*(?:[*•-][ \t]*)?(?P<np>[A-Z][^\n\"“:]{0,50}?)[ \t]+[-–—:][ \t]+[\"“]", re.M)
_ROLE_PAREN = re.compile(r"^\s*\(([^()]{3,60})\)")


# Words that may follow a name; another lower-case word makes the name an adjective ("according to
# U.S. intelligence", "citing Ukrainian military officials").
_AFTER_NAME = _words(
    "to at on in and or that who which whose as of the a an it he she they this his her their its "
    "was is were are had has have would will could may might last earlier by for with from during "
    "about over when because but if while since after before amid told also later earlier then "
    "not" + " " + _VERBS.replace("|", " ")
)


def _adjective(text: str, c: _Cite, e: int) -> bool:
    """True when the name ``c`` qualifies a noun after it rather than naming the speaker."""
    nx = re.match(r"\s+([a-z][\w-]*)", text[c.end : min(e, c.end + 40)])
    if nx and nx.group(1) not in _AFTER_NAME:
        return True
    u = _UNNAMED.match(text, c.start, e)
    return u is not None and u.end() > c.end


_ROLE_THEN_NAME = re.compile(
    r"\s+(?:the\s+|a\s+|an\s+)?(?P<role>[^,.;\"“”]{3,80}?),\s+"
    r"(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w.’'-]*){1,3}?)\s*[.,;]?\s*$"
)
_APP_START = re.compile(r"\s*(?:the|a|an|his|her|its|their|one of|[A-Z]|\d)")
_NAME_WITH = re.compile(
    r"(?:^|(?<=\s))(?P<name>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){1,3})\s+(?:with|of|from|at)\s+"
    r"(?P<role>(?:the\s+)?[A-Z][^,;:\"“”()]{1,60}?)\s*$"
)


_NAME_OUTLET = re.compile(
    r"(?:^|(?<=\s))(?:[Tt]he\s+)?(?P<name>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})\s+(?:"
    + "|".join(sorted(_OUTLET_NOUNS))
    + r")\s*$"
)


def _appositive(
    text: str, s: int, q: int, ents: dict[int, str], strict: bool = False
) -> _Cite | None:
    """A speaker named before one or two appositives that end at ``q`` ("Charlotte Streck, the
    director of Climate Focus, a Rotterdam-based consultancy, said")."""
    commas = [m.start() for m in re.finditer(",", text[max(s, q - 160) : q])]
    base = max(s, q - 160)
    for c in reversed(commas[-2:]):
        apps = [a for a in text[base + c + 1 : q].split(",")]
        if not all(
            _APP_START.match(a) or a.split() and (_is_role(a.split()[0]) or a.split()[0] in _ROLE_MODIFIERS)
            for a in apps
        ):
            continue
        with_role = [a.strip() for a in apps if any(_is_role(w) for w in a.split())]
        described = not strict and any(re.search(r"\b[a-z]{3,}", a) for a in apps)
        if not with_role and not described and not apps[0].strip()[:1].isdigit():
            continue  # "Paris, France, said" is a place, not an appositive
        run = _run_back(text, s, base + c)
        sp = _speaker(text, run, s, False, ents) if run else None
        if sp is not None and not with_role and sp.kind == "person" and described:
            with_role = [apps[0].strip()]  # "Crowley of GAO, Congress' investigative arm, said"
        elif sp is not None and not with_role and not apps[0].strip()[:1].isdigit():
            continue
        if sp is not None:
            roles = [r for r in (sp.role, *with_role[:1]) if r]
            return _Cite(sp.name, sp.start, sp.end, sp.kind, ", ".join(roles) or None)
    return None


def _role_after(text: str, end: int, e: int) -> str | None:
    m = _APPOS_FWD.match(text, end, e)
    if m and any(_is_role(w) for w in m.group("app").split()):
        return m.group("app")
    return None


def _subject(text: str, s: int, p: int, verb: str, ents: dict[int, str]) -> _Cite | None:
    """The speaker whose words end at ``p``, right before a reporting verb."""
    w0 = max(s, p - 200)  # a speaker is never further back; bounds the anchored searches
    last = text[max(s, p - 40) : p].split()[-1:]
    lw = last[0].lower().strip(_EDGE) if last else ""
    if lw in ("he", "she", "it") and last[0][-1:].isalpha():
        kind = "it" if lw == "it" else "he"
        return _Cite(lw, p - len(lw), p, kind, None)
    run = _run_back(text, s, p)
    if run:
        cite = _speaker(text, run, s, False, ents)
        if cite is not None:
            if verb in _NOUN_VERBS and cite.kind == "person" and " " not in cite.name:
                return None  # "Smith reports": too often a noun after a name
            return cite
    sm = _STATEMENT.search(text, w0, p) if lw in _STATEMENT_NOUNS else None
    if sm:  # "a Defence Ministry statement said"; "the statement said" is "it said"
        np = re.sub(r"[’']s$", "", sm.group("name").strip())
        if not np:
            return _Cite("it", sm.start(), p, "it", None)
        return _Cite(np, sm.start("name"), sm.start("name") + len(np), "institution", None)
    om = _NAME_OUTLET.search(text, w0, p) if lw in _OUTLET_NOUNS else None
    if om:  # "Wired magazine has suggested"
        return _Cite(om.group("name"), om.start("name"), om.end("name"), "outlet", None)
    nw = _NAME_WITH.search(text, max(s, p - 120), p) if run is None and last and _is_cap(last[0]) else None
    if nw:  # "Marcelo Furtado with Greenpeace in Brazil says"
        c = _speaker(text, _run_back(text, s, nw.end("name")) or [], s, False, ents)
        if c is not None and c.kind == "person":
            return _Cite(c.name, c.start, c.end, c.kind, c.role or nw.group("role"))
    if verb not in _NOUN_VERBS and lw in _BARE_INSTITUTIONS:
        im = _INST_BACK.search(text, w0, p)
        if im and not re.search(r"\b(?:of|from|by|with|for)\s+$", text[max(s, im.start() - 8) : im.start()]):
            np = re.sub(r"^[Tt]he\s+", "", im.group("np"))
            return _Cite(np, p - len(np), p, "institution", None)
    return None


def _cites(text: str, s: int, e: int, ents: dict[int, str], low: str = "") -> list[_Cite]:
    """Citations in the sentence ``text[s:e]``; a pronoun speaker comes back with kind "he"/"it".

    ``low`` is ``_lowered(text)`` when the caller has it.
    """
    low = low or _lowered(text)
    out: list[_Cite] = []
    for m in _VERB.finditer(text, s, e):
        verb = m.group(0)
        to = verb.endswith(" to")  # "disclosed to the Kyiv Independent": the outlet heard it
        verb = verb.removesuffix(" to")
        if verb == "continued" and not re.match(r"\s*[,:]?\s*[\"“]", text[m.end() : m.end() + 4]):
            continue  # "Jowell continued, "..."" reports; "the rain continued" does not
        p = _gap_start(text, s, m.start())
        be = _BE.search(text[max(s, p - 16) : p]) if verb in _PARTICIPLES else None
        if be:  # "Authorities are now saying"
            be_at = max(s, p - 16) + be.start()
            p, verb = be_at, "says"
        while p > s and text[p - 1].isspace():
            p -= 1
        if verb in _NOUN_VERBS:
            if not re.match(r"\s+(?:that|it|he|she|they|the|an?|there|its|his|her)\b", text[m.end() :]):
                continue  # "the IPCC report made": a noun
            verb = "said"  # "The British government claims that ...": a verb after all
        if _NEGATION.search(text, max(s, p - 14), p):
            continue
        tail = text[max(s, p - 3) : p]
        cite: _Cite | None = None
        if verb in _PARTICIPLES:
            if not tail.rstrip().endswith(","):
                continue
            # "But Clark defended the new regulations, saying ...": the sentence's subject speaks.
            lead = re.match(r"(?:(?:But|And|However|Yet|Still),?\s+)?", text[s:e])
            run = _run_fwd(text, s + (lead.end() if lead else 0), e)
            c = _speaker(text, run, s, False, ents) if run else None
            nxt = text[c.end : c.end + 30].split()[:1] if c is not None else []
            if c is not None and c.end < p and not (nxt and re.match(_HEAD + r"\b", nxt[0])):
                out.append(c)
            continue
        if tail.rstrip().endswith(","):  # "Jan Egeland, the UN's emergency relief coordinator, said"
            q = text.rindex(",", s, p)
            cite = _appositive(text, s, q, ents)
            np_at = max(s, text.rfind(",", s, q) + 1)
            if cite is None and re.match(r"\s*(?:the\s+)?[A-Z]", text[np_at:q]):
                cite = _subject(text, s, q, verb, ents)  # "the General Accounting Office, GAO, said"
        else:
            cite = _subject(text, s, p, verb, ents)
            if cite is not None and " " not in cite.name and text[s : cite.start].rstrip()[-1:] == ",":
                # "Charles Andrew, an analyst who follows Phillips for John S. Herold Inc of
                # Greenwich, Conn said": "Conn" ends an appositive; the name is before it.
                cite = _appositive(text, s, p, ents, strict=True) or cite
            if cite is None and "," in text[max(s, p - 100) : p]:
                # "Bernard Reed, manager of the London options exchange said" (no closing comma)
                cite = _appositive(text, s, p, ents, strict=True)
        if cite is None and re.search(r"[,\"“”’]\s*$", tail) and verb not in _TELL:
            # "..., said Prime Minister Jane Doe": the speaker follows the verb.
            run = _run_fwd(text, m.end(), e)
            c = _speaker(text, run, s, False, ents) if run else None
            if c is not None and not _adjective(text, c, e):
                cite = _Cite(c.name, c.start, c.end, c.kind, c.role or _role_after(text, c.end, e))
            rn = _ROLE_THEN_NAME.match(text, m.end(), e) if cite is None else None
            if rn and any(_is_role(w) for w in rn.group("role").split()):
                # "..., said the Central Mat-Su fire chief, James Steele."
                nm = rn.group("name")
                if nm.endswith(".") and not re.search(r"\b[A-Z]\.$", nm):
                    nm = nm[:-1]  # the sentence's full stop
                cite = _Cite(nm, rn.start("name"), rn.start("name") + len(nm), "person", rn.group("role"))
        elif cite is not None and cite.role is None and cite.kind == "person":
            role = _role_after(text, cite.end, m.start())
            cite = _Cite(cite.name, cite.start, cite.end, cite.kind, role)
        if cite is not None:
            out.append(cite)
        if verb in _TELL or to:  # "told CNN": the outlet heard it
            run = _run_fwd(text, m.end(), e)
            c = _speaker(text, run, s, True, ents) if run else None
            if c is not None and not _adjective(text, c, e):
                out.append(c)
    if not _CUE_HINT.search(low, s, e):
        return out
    for m in _CUE_FWD.finditer(low, s, e):
        cue = m.group(0).lower()
        audience = cue.rstrip().endswith(" to") and not cue.startswith("according")
        audience = audience or cue.startswith("speaking")
        run = _run_fwd(text, m.end(), e)
        c = _speaker(text, run, s, audience, ents) if run else None
        if c is not None and _adjective(text, c, e):
            continue
        if c is None and not audience:
            im = _INST_FWD.match(text, m.end(), e)
            if im:
                c = _Cite(im.group("np"), im.start("np"), im.end("np"), "institution", None)
        if c is not None:
            out.append(_Cite(c.name, c.start, c.end, c.kind, c.role or _role_after(text, c.end, e)))
    return out


def _list_cites(text: str, ents: dict[int, str]) -> list[tuple[int, int, _Cite]]:
    """``AP - "..."`` lines: a source, then the words it is quoted saying."""
    out = []
    for m in _LIST_LINE.finditer(text):
        run = _run_fwd(text, m.start("np"), m.end("np"))
        c = _speaker(text, run, m.start("np"), False, ents) if run else None
        if c is not None and c.end == m.end("np") and c.kind != "person":
            line_end = text.find("\n", m.end())
            out.append((m.start(), len(text) if line_end < 0 else line_end, c))
    return out


# --- unnamed sources -------------------------------------------------------------------------------

# Optional determiner, up to five modifiers (capitalised words such as "U.S.", "Western", "South
# Korean", or ranks such as "senior"), a head noun for a kind of informant, and what it is close to.
_MODIFIER = (
    r"(?:senior|top|high-ranking|former|local|military|intelligence|government|defen[cs]e|security|"
    r"police|administration|anonymous|unnamed|unidentified|ministry|navy|army|embassy|humanitarian|aid|rescue|relief|rights|"
    r"health|medical|hospital|foreign|diplomatic|industry|company|market|bank|banking|trade|"
    r"financial|opposition|rebel|party|palace|official|dealer|shipping|oil|federal|state|city|"
    r"county|provincial|regional|national|municipal|border|airport|school|union|ministry|"
    r"[A-Z][\w.’'-]*)"
)
_HEAD_WORDS = (
    "officials? diplomats? sources? officers? spokes(?:man|woman|person) analysts? experts? "
    "witnesse?s? insiders? aides? investigators? scientists researchers doctors residents agencies "
    "media regulators "
    "groups friends? relatives? reps? representatives? dealers traders bankers economists "
    "people\\s+familiar people\\s+close"
).split()
# Case-sensitive with both cases of the first letter: an (?i:) group makes the scan 5 times slower.
_HEAD = "(?:" + "|".join(f"[{w[0]}{w[0].upper()}]{w[1:]}" for w in _HEAD_WORDS) + ")"
_UNNAMED = re.compile(
    r"\b(?P<det>(?:a|an|one|two|three|several|some|the|anonymous|unnamed|unidentified|his|her|"
    r"their|its)\s+)?(?P<mods>(?:" + _MODIFIER + r"(?:\s+and\s+" + _MODIFIER + r")?\s+){0,5})"
    r"(?P<head>" + _HEAD + r")\b(?!\s+[A-Z])"
    r"(?P<tail>\s+(?:close to|familiar with|for|of|at|with|in)\s+(?:the\s+)?"
    r"(?:[\w.’'-]+)(?:\s+[A-Z][\w.’'-]*){0,3})?"
)
_CUE_BEFORE = re.compile(
    r"(?:according to|citing|cited by|quoted by|quotes|quoted|by|from|(?:[,\"“”’]\s*(?:"
    + _VERBS
    + r")))\s*$",
    re.IGNORECASE,
)
_VERB_AFTER = re.compile(
    r"\s*(?:\[\w+\]\s*)?(?:,\s*)?(?:who\s+)?(?:(?:ha(?:s|ve|d)|also|previously|later|earlier|"
    r"reportedly|recently|privately|publicly)\s+)*(?:" + _VERBS + r")\b"
)
_PRONOUNS = {"he": "person", "it": "org"}
_ANON = frozenset(["anonymous", "unnamed", "unidentified"])
_DETERMINERS = _words("a an one two three several some the anonymous unnamed unidentified his her their its")
_NOT_MODIFIERS = (_NOT_NAMES - _DETERMINERS) | _words(
    "citing according furthermore moreover also meanwhile however"
)


_HEAD_QUICK = re.compile(r"\b(?:" + "|".join(_HEAD_WORDS) + r")\b")


def _unnamed(text: str, start: int, end: int, low: str = "") -> list[_Cite]:
    low = low or _lowered(text)
    out: list[_Cite] = []
    matches: dict[int, re.Match[str]] = {}
    for h in _HEAD_QUICK.finditer(low, start, end):
        # The slow pattern runs only just before a head noun ("officials", "sources", ...).
        for m in _UNNAMED.finditer(text, max(start, h.start() - 120), min(end, h.end() + 80)):
            if m.start("head") == h.start():
                matches.setdefault(m.start(), m)
    last_end = -1
    for m in (matches[k] for k in sorted(matches)):
        s0 = m.start()
        words = text[s0 : m.end("head")].split()
        # "Citing unnamed officials": a capitalised word at the start may be the cue, not a modifier.
        while len(words) > 1 and words[0].lower() in _NOT_MODIFIERS:
            s0 = text.index(words[1], s0 + len(words[0]))
            words = words[1:]
        det = words[0].lower() if words[0].lower() in _DETERMINERS else ""
        mods = words[1 if det else 0 : -1]
        tail = m.group("tail") or ""
        close = re.match(r"\s+(?:close to|familiar with)", tail) is not None
        ref = not mods and not close and det == "the"  # "the spokesman said", met before
        if not mods and not close and det in ("", "some", "two", "three", "several", "one"):
            continue  # "officials", "some analysts": says nothing about who
        if not mods and m.group("head") in ("agencies", "groups", "friends", "relatives"):
            continue
        e0 = m.end() if tail and (close or _VERB_AFTER.match(text, m.end(), end)) else m.end("head")
        before = text[max(start, s0 - 24) : s0]
        coordinated = last_end >= 0 and re.fullmatch(r"\s+and\s+", text[last_end:s0]) is not None
        if not (coordinated or _CUE_BEFORE.search(before) or _VERB_AFTER.match(text, e0, end)):
            continue  # a described informant only counts where the report attributes to it
        if _NEGATION.search(text[e0 : e0 + 30].split(",")[0]) or re.match(
            r"\s*(?:would|did|could)\s+not|\s*declined", text[e0:end]
        ):
            continue
        if det == "the":
            words = ["a", *words[1:]]
        elif det:
            words[0] = det
        phrase = " ".join([*words, *text[m.end("head") : e0].split()])
        if not _ANON & {w.lower() for w in words}:
            phrase += " (unnamed)"
        out.append(_Cite(phrase, s0, e0, "unnamed-ref" if ref else "unnamed", None))
        last_end = e0
    return out


def _description(name: str) -> set[str]:
    return {
        w.lower()
        for w in name.removesuffix(" (unnamed)").split()
        if w.lower() not in ("a", "an", "the", "one", "some", "anonymous", "unnamed")
    }


def _same_description(full: str, part: str) -> bool:
    """True when ``part`` describes no more than ``full`` ("Ukrainian official" of "a senior ...")."""
    return _description(part) <= _description(full)


def _same_person(full: str, part: str) -> bool:
    """True when ``part`` is ``full`` or a trailing part of it ("Savett" of "Sean Savett")."""
    f, p = full.lower().split(), part.lower().split()
    return len(p) <= len(f) and f[-len(p) :] == p


def _org_key(name: str) -> str:
    low = re.sub(r"^the\s+", "", name.lower())
    out = _outlet_key(name)
    if out:
        return out.lower()
    return _ALIASES.get(low, low.replace(".", ""))


# --- the article -----------------------------------------------------------------------------------


def _labels(entities: Sequence[Entity]) -> dict[int, str]:
    out: dict[int, str] = {}
    for e in entities:
        for m in _TOKEN.finditer(e.text):
            out[e.start + m.start()] = e.label
    return out


@dataclass
class _Group:
    """One source while the article is read: its best name so far and the sentences citing it."""

    name: str
    start: int
    end: int
    kind: str
    role: str | None
    first: int
    claims: set[tuple[int, int]]

    def matches(self, c: _Cite) -> bool:
        if c.kind == "unnamed" or self.kind == "unnamed":
            return c.kind == self.kind and (
                _same_description(self.name, c.name) or _same_description(c.name, self.name)
            )
        if c.kind == "person" or self.kind == "person":
            org, other = (self, c) if self.kind != "person" else (c, self)
            if org.kind != "person" and " " not in other.name:
                return org.name.split()[0] == other.name  # "Pentland" said, after "Pentland PLC"
            return c.kind == self.kind and (
                _same_person(self.name, c.name) or _same_person(c.name, self.name)
            )
        if _org_key(self.name) == _org_key(c.name):
            return True
        # "the ministry" after "the French foreign ministry": a generic name folds into the full one.
        short, full = sorted((c.name, self.name), key=lambda n: len(n.split()))
        if short.islower():
            return _same_person(full, short)
        # "Pentland" after "Pentland Industries PLC": a company's short name.
        return len(short.split()) == 1 and full.split()[0] == short and len(full.split()) > 1

    def take(self, c: _Cite, claims: list[tuple[int, int]]) -> None:
        longer = len(c.name.split()) > len(self.name.split())
        if c.kind == "unnamed":
            longer = len(_description(c.name)) > len(_description(self.name))
        if longer:
            self.name, self.start, self.end, self.kind = c.name, c.start, c.end, c.kind
        self.role = self.role or c.role
        self.first = min(self.first, c.start)
        self.claims.update(claims)


def _quote_open(text: str, s: int, pos: int) -> int | None:
    """Where the quotation that closes in ``text[s:pos]`` opened, when it opened before ``s``."""
    para = text.rfind("\n", 0, s) + 1
    if not re.search(r"[”\"]", text[s:pos]):
        return None
    seg = text[para:s]
    if seg.count('"') % 2:
        return para + seg.rfind('"')
    if seg.rfind("“") > seg.rfind("”"):
        return para + seg.rfind("“")
    return None


def _quote_runs_on(
    text: str, sents: Sequence[Sentence], i: int, cue: int
) -> list[tuple[int, int]]:
    """The sentences after ``sents[i]`` that a quotation opened in it, after the citation at
    ``cue``, runs on into (He noted, “We are observing ... Not only ... Given this ...”)."""
    para = text.rfind("\n", 0, sents[i].start) + 1
    seg = text[para : sents[i].end]
    curly = seg.rfind("“") > seg.rfind("”")
    if not curly and seg.count('"') % 2 == 0:
        return []
    if para + max(seg.rfind("“"), seg.rfind('"')) < cue:
        return []  # the citation is inside the quotation: it does not own what follows
    out: list[tuple[int, int]] = []
    for x in sents[i + 1 : i + 9]:
        if "\n\n" in text[sents[i].end : x.start]:
            return []  # a quotation left open at a paragraph's end is not followed
        out.append((x.start, x.end))
        if ("”" if curly else '"') in x.text:
            return out
    return []  # never closed: too unsure to give it anyone


def sources(text: str, entities: Sequence[Entity] = ()) -> list[Source]:
    """Who a text cites, named or not, and which sentences cite each.

    Args:
        text: Plain article text.
        entities: Entities of ``text``; their labels help tell a person ("Smith said") from an
            organisation or a country speaking ("Indonesia reports"), and a person's full name
            from the recogniser replaces a bare surname cited alone.

    Returns:
        Sources in order of first mention, one per source: a bare surname folds into the full
        name, "UN" into "United Nations", and a shorter description of an unnamed source ("the
        Ukrainian official") into the fuller one ("a senior Ukrainian official"). ``claims`` holds
        the offsets of every sentence citing the source: "he said" and "it said" included, and
        every sentence of a quotation whose attribution follows it.
    """
    ents = _labels(entities)
    fulls: dict[str, tuple[int, int, str]] = {}
    for e in entities:
        w = e.text.split()
        if e.label == "PERSON" and 1 < len(w) <= 3 and all(_is_cap(x) for x in w):
            fulls.setdefault(w[-1], (e.start, e.end, e.text))
    sents = split_sentences(text)
    low = _lowered(text)
    listed = _list_cites(text, ents)
    groups: list[_Group] = []
    recent: dict[str, tuple[int, _Group]] = {}  # "person" or "org" -> (sentence index, group)

    # A full name opening a sentence ("Sheriff's Deputy Timothy Brennan, who ..., called ...") is
    # who a "He explained" in the next two sentences most likely means.
    starts = [x.start for x in sents]
    openers: dict[int, Entity] = {}
    for e in entities:
        k = bisect_right(starts, e.start) - 1
        w = e.text.split()
        if e.label == "PERSON" and k >= 0 and 1 < len(w) <= 3 and all(
            # only titles before it: "Sheriff's Deputy Timothy Brennan", "The pastor, Larry Kroon"
            _is_cap(x) or _is_role(x) or x.lower() == "the"
            for x in text[starts[k] : e.start].split()
        ):
            openers.setdefault(k, e)

    def add(c: _Cite, claims: list[tuple[int, int]], i: int) -> None:
        if c.kind == "unnamed-ref":  # "the spokesman said": only a source described before
            c = _Cite(c.name, c.start, c.end, "unnamed", None)
            g = next((g for g in groups if g.kind == "unnamed" and g.matches(c)), None)
            if g is None:
                return
        else:
            g = next((g for g in groups if g.matches(c)), None)
        if g is None:
            g = _Group(c.name, c.start, c.end, c.kind, c.role, c.start, set())
            groups.append(g)
        g.take(c, claims)
        if c.kind != "unnamed":
            recent["person" if c.kind == "person" else "org"] = (i, g)
        elif not re.search(r"s(?: \(unnamed\))?$", c.name.split(" close to")[0]):
            recent["person"] = (i, g)  # "a Kepco spokesman said ... He told Reuters"

    li = 0
    for i, sent in enumerate(sents):
        while li < len(listed) and listed[li][0] < sent.end:
            ls, le, c = listed[li]
            add(c, [(x.start, x.end) for x in sents if x.start < le and ls < x.end], i)
            li += 1
        found = _cites(text, sent.start, sent.end, ents, low)
        named = [c for c in found if c.kind not in _PRONOUNS]
        found += [
            u
            for u in _unnamed(text, sent.start, sent.end, low)
            # "Nicoleta Drăguşin, a spokeswoman for the network, claims": her role, not a source
            if not any(0 <= u.start - n.end <= 3 for n in named)
        ]
        for c in sorted(found, key=lambda c: c.start):
            claims = [(sent.start, sent.end)]
            opened = _quote_open(text, sent.start, c.start)
            if opened is not None:  # "...,” said Furtado: the whole quotation rests on him
                claims += [(x.start, x.end) for x in sents[max(0, i - 8) : i] if x.end > opened]
            elif c.kind != "unnamed":
                claims += _quote_runs_on(text, sents, i, c.start)
            if c.kind == "unnamed-ref":
                add(c, [(sent.start, sent.end)], i)
                continue
            if c.kind in _PRONOUNS:
                last = recent.get(_PRONOUNS[c.kind])
                k = max((k for k in (i - 1, i - 2) if k in openers), default=-1)
                if c.kind == "he" and k >= 0 and (not last or last[0] < k):
                    e = openers[k]
                    add(_Cite(e.text, e.start, e.end, "person", None), claims, i)
                elif last and i - last[0] <= 4:
                    last[1].claims.update(claims)
                    recent[_PRONOUNS[c.kind]] = (i, last[1])
                continue
            if c.kind == "person" and c.name in fulls:
                st, en, full = fulls[c.name]
                c = _Cite(full, st, en, c.kind, c.role)
            add(c, claims, i)
    return [
        Source(
            " ".join(g.name.split()), g.start, g.end, g.kind == "unnamed", g.kind,
            " ".join(g.role.split()) if g.role else None, tuple(sorted(g.claims)),
        )
        for g in sorted(groups, key=lambda g: g.first)
    ]


def sentence_sources(text: str, start: int, end: int) -> list[Source]:
    """Named sources cited in ``text[start:end]`` (one sentence), without pronouns resolved."""
    return [
        Source(c.name, c.start, c.end, False, c.kind, c.role, ((start, end),))
        for c in _cites(text, start, end, {})
        if c.kind not in _PRONOUNS
    ]


def same_names(na: set[str], nb: set[str]) -> bool:
    """True when two sets of source names share a person or outlet (by last word, spelling aside)."""
    from rapidfuzz.distance import Indel

    return any(
        Indel.normalized_similarity(x.split()[-1].lower(), y.split()[-1].lower()) >= 0.85
        for x in na
        for y in nb
    )
