"""Whom each report is about, read from its headline, for story grouping (:mod:`index.related.grouping`).

Wire services file many reports on one template: "PERRY DRUG STORES <PDS> 1ST QTR NET", "VAN DORN
CO <VDC> 4TH QTR NET", "MEDTRONIC INC <MDT> SETS QUARTERLY", "X NAMES NEW CHAIRMAN". Their bodies are
the same table or the same sentence with other figures, so they are alike in words, and they name no
one in common (often no one at all: an earnings table names nothing). One company's results are one
story; another company's, another. What tells them apart is the headline: the template's words are
among the commonest headline words of the corpus, the subject's are not.

A headline's words are *template words* when at least :data:`TEMPLATE_SHARE` of the corpus's headlines
(and at least :data:`TEMPLATE_MIN` of them) hold them, *subject words* otherwise. Two headlines are
*one template about two subjects* when they share :data:`MIN_SHARED` words or more, every shared
word that is not a function word is a template word, and each headline has subject words of its own.
Two reports that name a person, an organisation or a place in common (their entity keys) are never
about two subjects: a story's own name becomes a template word where the corpus holds many of its
reports (40 ECB+ reports name Lindsay Lohan in their first line, the headline ingest gives them), and
reports of one event name its people and places in their text; an earnings table names no one.
Two groups of reports are about different subjects when more pairs across them are one template
about two subjects than share a subject word or a name (:func:`differ`).

A developing story's reports share its subject word in their headlines ("tsunami", "Kursk"): a word
in a few dozen headlines stays a subject word. A corpus without headlines (ECB+) or with few of them
(fewer than :data:`TEMPLATE_MIN` headlines hold any one word) has no template words, and the guard
never holds there.
"""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from index.compare.words import zipf_table
from index.related.similarity import Model

if TYPE_CHECKING:
    from index.store.core import Store

__all__ = [
    "MIN_SHARED",
    "NAME_ZIPF",
    "TEMPLATE_MIN",
    "TEMPLATE_SHARE",
    "Headline",
    "Names",
    "Subjects",
    "differ",
    "features_names",
    "features_subjects",
    "headlines",
    "one_template",
    "store_names",
    "store_subjects",
]

TEMPLATE_SHARE = 0.004
"""A word in at least this share of the corpus's headlines is a template word ..."""
TEMPLATE_MIN = 20
"""... and in at least this many headlines (a small corpus has no template)."""
NAME_ZIPF = 3.3
"""A subject word rarer than this in English at large (Zipf frequency, the comparison's table; a word
it does not know counts as rare) names a subject: a company ("danaher" 2.2, "medtronic" 2.4), a
ticker ("vdc"). A commoner one ("divided" 4.5, "modify" 3.8, "launch" 4.7) is no name: shared, it
joins two headlines as a subject word does; alone, it names no subject ("EC farm ministers end
prices meeting still divided" and "... end meeting without price accord" are one event)."""
MIN_SHARED = 1
"""Two headlines of one template share at least this many words ("4th qtr net", "names new", "to
buy"; "<X> qtly dividend" and "<Y> sets quarterly dividend"). One event told in other words ("Iran
quake" in both) is kept together by the names its reports share (a place, a person), not by this:
all Reuters at 2 8,089 stories, at 1 8,343 (254 more groups
parted, read: different companies' warrants, bond issues, acquisitions; one company's results and
its monthly sales once); WikiNews, ECB+ and 10,000 generated the same at both."""
_MAX_PAIRS = 400

_WORD = re.compile(r"[a-z0-9]+(?:[.&][a-z0-9]+)*")
_NAMED = ("PERSON|", "ORG|", "PLACE|")
_NAME_KEY = re.compile(r'"((?:PERSON|ORG|PLACE)\|[^"\\]*)"')
"""A person, organisation or place key, as a features row's JSON text holds it."""
_DIGIT = re.compile(r"\d")
_FUNCTION = frozenset(
    "a an and as at be by for from has have in is it its of on or the to with was were will "
    "after over up".split()
)


@dataclass(frozen=True, slots=True)
class Headline:
    """One report's headline as grouping reads it.

    Attributes:
        words: Its words, lower case, a plural's ``s`` and a possessive's ``'s`` cut.
        subject: Those that are not template words, nor function words, nor numbers.
        names: Those of the subject words that are rare enough to name a subject.
    """

    words: frozenset[str]
    subject: frozenset[str]
    names: frozenset[str]


_NONE = Headline(frozenset(), frozenset(), frozenset())


def _words(title: str) -> frozenset[str]:
    out: set[str] = set()
    for w in _WORD.findall(title.lower().replace("'s", "").replace("'", "")):
        if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        out.add(w)
    return frozenset(out)


def headlines(model: Model) -> list[Headline]:
    """Each report's headline words and subject words, by its number in the model (a report whose
    headline is missing, or is its id, or names no subject, has none)."""
    worded: list[frozenset[str]] = []
    seen: dict[str, str] = {}
    for i, meta in zip(model.ids, model.meta, strict=True):
        title = meta[0]
        if title and title != i:
            # One string per word of the corpus, not one per headline.
            worded.append(frozenset(seen.setdefault(w, w) for w in _words(title)))
        else:
            worded.append(frozenset())
    counts: Counter[str] = Counter()
    for words in worded:
        counts.update(words)
    titled = sum(1 for w in worded if w)
    floor = max(TEMPLATE_MIN, TEMPLATE_SHARE * titled)
    zipf = zipf_table()
    out: list[Headline] = []
    for words in worded:
        if not words:
            out.append(_NONE)
            continue
        topical = frozenset(
            w for w in words if counts[w] < floor and w not in _FUNCTION and not _DIGIT.search(w)
        )
        named = frozenset(w for w in topical if zipf.get(w, 0.0) < NAME_ZIPF)
        # Only a headline that names a subject is ever compared (see differ).
        out.append(Headline(words, topical, named) if named else _NONE)
    return out


def one_template(a: Headline, b: Headline) -> bool:
    """Whether two headlines are one template about two subjects (see the module's docstring)."""
    if not a.names or not b.names or a.subject & b.subject:
        return False
    shared = a.words & b.words
    # No shared subject word (checked above): every shared word is a template or function word.
    return len(shared) >= MIN_SHARED and bool(shared - _FUNCTION)


Names = Sequence[frozenset[int]]
"""Each report's person, organisation and place keys (as numbers), by its number in the model."""


class _Interned(dict[str, int]):
    """Each name key's number: a report's names are kept as numbers (10,000 generated articles:
    ~100,000 keys, 17 MB as strings in sets)."""

    def __missing__(self, key: str) -> int:
        value = self[key] = len(self)
        return value


_EMPTY: frozenset[int] = frozenset()


def features_names(ids: Sequence[str], all_features: Mapping[str, Any]) -> list[frozenset[int]]:
    """Each report's names, from its features (the store-free grouping)."""
    numbers = _Interned()
    out: list[frozenset[int]] = []
    for i in ids:
        keys = [str(k) for k, _ in all_features[i].get("ents") or []]
        out.append(frozenset(numbers[k] for k in keys if k.startswith(_NAMED)) or _EMPTY)
    return out


def store_names(
    store: Store, ids: Sequence[str], wanted: Sequence[bool] | None = None
) -> list[frozenset[int]] | None:
    """Each report's names, read from the store's features table as text (the mapped model
    numbers its keys, and does not say which are names).

    Args:
        store: An indexed store.
        ids: The reports, in the model's order.
        wanted: Which of them to read (all when ``None``): only a report whose headline names a
            subject is ever compared.

    Returns:
        ``None`` when the table cannot be read (grouping goes on without the guard).
    """
    from index.store import database

    numbers = _Interned()
    found: dict[str, frozenset[int]] = {}
    keep = None if wanted is None else {i for i, w in zip(ids, wanted, strict=True) if w}
    try:
        with database.reading(store.index_dir) as con:
            for aid, data in con.execute("SELECT id, data FROM features"):
                if keep is not None and aid not in keep:
                    continue
                text = str(data)
                # The entity keys come last in a row; a headline may hold anything.
                start = text.rfind('"ents"')
                if start >= 0:
                    keys = _NAME_KEY.findall(text, start)
                    if keys:
                        found[aid] = frozenset(numbers[k] for k in keys)
    except (database.DatabaseError, sqlite3.Error):
        return None
    return [found.get(i, _EMPTY) for i in ids]


@dataclass(frozen=True, slots=True)
class Subjects:
    """What the subject guard reads of a corpus: each report's headline and names."""

    heads: Sequence[Headline]
    names: Names


def features_subjects(model: Model, all_features: Mapping[str, Any]) -> Subjects | None:
    """The subject guard's evidence from the features (the store-free grouping); ``None`` when no
    headline names a subject (the guard would never hold)."""
    heads = headlines(model)
    if not any(h.names for h in heads):
        return None
    return Subjects(heads, features_names(model.ids, all_features))


def store_subjects(store: Store, model: Model) -> Subjects | None:
    """The subject guard's evidence for a stored corpus (names read only for the reports whose
    headlines name a subject); ``None`` when there is none or the features cannot be read."""
    heads = headlines(model)
    wanted = [bool(h.names) for h in heads]
    if not any(wanted):
        return None
    names = store_names(store, model.ids, wanted)
    return None if names is None else Subjects(heads, names)


def differ(subjects: Subjects, a: Sequence[int], b: Sequence[int]) -> bool:
    """Whether groups ``a`` and ``b`` (report numbers) are about different subjects: more of the
    pairs across them are one template about two subjects than share a subject word or a name (an
    even sample of pairs for large groups). A group that already holds several subjects (two
    companies whose names share a word) is judged pair by pair, not by the union of its words."""
    heads, names = subjects.heads, subjects.names
    ta = [m for m in a if heads[m].names]
    tb = [m for m in b if heads[m].names]
    if not ta or not tb:
        return False
    pairs = [(x, y) for x in ta for y in tb]
    if len(pairs) > _MAX_PAIRS:
        step = len(pairs) / _MAX_PAIRS
        pairs = [pairs[int(i * step)] for i in range(_MAX_PAIRS)]
    same = other = 0
    for x, y in pairs:
        hx, hy = heads[x], heads[y]
        if hx.subject & hy.subject or names[x] & names[y]:
            same += 1
        elif one_template(hx, hy):
            other += 1
    return other > same
