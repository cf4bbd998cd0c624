"""Words of attribution: reporting verbs, outlets, institutions, roles, and small tests on them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from index.analysis.lexicon import ORG_HEADS, ROLE_NOUNS, TITLES
from index.vocabulary import MONTHS, WEEKDAYS


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_VERBS = (
    "said|says|say|stated|states|told|tells|noted|notes|added|adds|commented|emphasized|emphasised|"
    "disclosed|announced|announces|reported|reports|report|wrote|writes|claimed|claims|analyzed|"
    "analysed|suggested|suggests|warned|warns|warn|explained|confirmed|confirms|confirm|insisted|"
    "argued|revealed|estimated|estimates|estimate|predicted|denied|declared|tweeted|acknowledged|"
    "admitted|stressed|asserted|alleged|cautioned|conceded|observed|remarked|replied|quoted|"
    "indicated|described|continued|saying|telling|adding|quotes|confirming|warning|suggest|hinted|"
    "hints|dismissed|dismisses|rejected|rejects|speculated|speculates|reiterated|reiterates|"
    "testified|testifies|contended|contends|recalled|recalls"
)


_PARTICIPLES = _words("saying telling adding confirming warning")


_BE = re.compile(r"\b(?:are|is|was|were)(?:\s+(?:now|still|also))?\s*$")


# Verbs that are just as often nouns ("news reports", "the claims"): their subject must be a name.
_NOUN_VERBS = _words("reports report claims estimates estimate notes states")


_TELL = _words("told tells disclosed")


# Verbs of rejection report only when what is rejected is something said ("the Kremlin dismissed
# these claims as fake news"), not a person or a case ("the judge dismissed the case").
_REJECT = _words("dismissed dismisses rejected rejects")
_SAYING = re.compile(
    r"\s+(?:(?:these|the|those|such|all|any|that|this|its|their|his|her)\s+)?(?:\w+\s+)?"
    r"(?:claims?|reports?|allegations?|accusations?|rumou?rs?|suggestions?|speculation|"
    r"assertions?|statements?|criticism|charges? (?:that|of)|idea|notion)\b"
)


def _alternation(words: list[str]) -> str:
    """A regex alternation grouped by first letter: Python's engine scans it twice as fast."""
    by: dict[str, list[str]] = {}
    for w in words:
        by.setdefault(w[0], []).append(w[1:])
    return (
        "(?:"
        + "|".join(f"{k}(?:{'|'.join(sorted(v, key=len, reverse=True))})" for k, v in by.items())
        + ")"
    )


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
        "Hollywood Reporter": "Hollywood Reporter|The Hollywood Reporter|THR",
    }.items()
    for k in ks.split("|")
} | {
    k.lower(): k
    for k in [
        "ABC",
        "NBC",
        "CBS",
        "CNBC",
        "MSNBC",
        "NPR",
        "PBS",
        "Fox News",
        "Sky News",
        "Al Jazeera",
        "Al Arabiya",
        "Xinhua",
        "TASS",
        "ITAR-TASS",
        "Interfax",
        "RIA Novosti",
        "Kyodo",
        "Yonhap",
        "Bloomberg",
        "UPI",
        "ANSA",
        "EFE",
        "DPA",
        "dpa",
        "PTI",
        "IANS",
        "Bernama",
        "Antara",
        "Jiji",
        "NHK",
        "KCNA",
        "IRNA",
        "Anadolu",
        "Dow Jones",
        "Politico",
        "Axios",
        "TMZ",
        "USA Today",
        "Variety",
        "Newsweek",
        "Der Spiegel",
        "Spiegel",
        "Le Monde",
        "Le Figaro",
        "El País",
        "El Pais",
        "Haaretz",
        "Kommersant",
        "Meduza",
        "Vedomosti",
        "Izvestia",
        "Ukrainska Pravda",
        "Wikinews",
        "WikiNews",
        "Economist",
        "The Economist",
        "E! News",
        "Entertainment Tonight",
        "Us Weekly",
        "People",
        "Time",
        "The Hill",
        "Hollywood Reporter",
        "Deadline",
        "ESPN",
        "SBS",
        "Teletext",
    ]
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
) | {
    "united nations",
    "red cross",
    "red crescent",
    "white house",
    "world bank",
    "european union",
    "state department",
    "downing street",
    "congress",
    "parliament",
}


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
    "priest rabbi imam cleric vicar coroner prosecutor sheriff trooper ranger warden uncle aunt "
    "grandmother grandfather cousin nephew niece friend neighbour neighbor homemaker producer"
)


# Abbreviated titles, counted only with their full stop ("Dist. Atty. Steve Cooley").
_ROLE_ABBREVIATIONS = _words("dist atty dep det supt insp sec amb pres asst")


_ROLE_MODIFIERS = (
    _words(
        "senior former acting deputy top chief foreign press emergency relief national regional "
        "local state assistant associate vice executive general special military civil defence "
        "defense security interior health finance police navy army government ministry embassy "
        "company party campaign union court city council hospital agency palace armed air"
    )
    | ORG_HEADS
)


# Nouns that say the name after them is an outlet ("Spanish paper El Mundo", "Wired magazine").
_OUTLET_NOUNS = _words(
    "paper newspaper daily weekly tabloid magazine broadcaster channel network station website "
    "agency outlet"
)


_HONORIFICS = _words("mr mr. mrs mrs. ms ms. dr dr. prof prof. sir dame lord lady")


_MONTHS = " ".join(MONTHS)


_NOT_NAMES = _words(
    "he she they it we i you this that these those there a an the his her their its our but and "
    "however meanwhile on in at by as also while when after before if so yet still then now "
    + _MONTHS
    + " "
    + " ".join(WEEKDAYS)
    + " today yesterday"
)


_PREPOSITIONS = _words(
    "and or from of with in by for between to at on about against than over into "
    "among like toward towards near under per via nor"
)


_CONNECTORS = _words("of for on de du la van von der al bin")


_NEGATION = re.compile(
    r"(?:\bnot|n[’']t|\bnever|\bdeclined to|\brefused to|\bunable to|"
    r"\bwould(?:n[’']t| not))\s*$"
)


# Words between a speaker and the verb: "Canada yesterday said", "the Navy in November said".
_GAP = _words(
    "has have had also later earlier previously further again then would will could yesterday "
    "today tonight may might reportedly publicly recently once quickly first separately on in "
    + " ".join(WEEKDAYS)
    + " "
    + _MONTHS
)


_TOKEN = re.compile(r"\S+")


_EDGE = "\"“”‘’'()[]"


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
    return (
        lw in _ROLE_WORDS
        or (lw in TITLES and lw not in _HONORIFICS)
        or any(p in _ROLE_WORDS for p in lw.split("-") if len(lw.split("-")) > 1)
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


_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _lowered(text: str) -> str:
    """``text`` in lower case with the same offsets (``str.lower`` may lengthen "İ")."""
    low = text.lower()
    return low if len(low) == len(text) else text.translate(_LOWER)


_STATEMENT_NOUNS = _words("statement report announcement communique communiqué release")


# Words that may follow a name; another lower-case word makes the name an adjective ("according to
# U.S. intelligence", "citing Ukrainian military officials").
_AFTER_NAME = _words(
    "to at on in and or that who which whose as of the a an it he she they this his her their its "
    "was is were are had has have would will could may might last earlier by for with from during "
    "about over when because but if while since after before amid told also later earlier then "
    "not" + " " + _VERBS.replace("|", " ")
)


_PRONOUNS = {"he": "person", "it": "org"}
