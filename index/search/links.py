"""The corpus's links between entity keys, as :func:`index.analysis.entity_keys.link_across` makes
them for a comparison or a story: a "person" that another article names with a firm's suffix is
that firm ("Merrill Lynch" of "Merrill Lynch Capital Markets"), unless the corpus shows it is a
name of its own (``_own_name``: a person who lends a firm his name, "Mario Gabelli"; a phrase the
corpus uses for another organisation, "central bank"), or a common phrase whose words the corpus
mostly writes outside names (``_common_phrases``: "natural gas", "joint venture"), which
``link_across`` does not yet tell.

The index keeps each article's keys as the recognizer gave them, one article at a time; the links
are learnt here from every live article's keys (``index.search.doc_keys``), once a set of segments.
The sidebar counts a linked "person" with its firm (``index.search.facets``), and an ``org:``
clause also finds the articles that name the firm by its short form as a person, so that the
sidebar's Enter lists what it counted. Lone surnames are not linked here: the sidebar merges them
with the one full name of the result set that ends with them (``facets._merge_surnames``).
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from typing import Any

from index.analysis.entity_links import AliasTable, acronym_key, firm_name
from index.search.doc_keys import DocKeys, doc_keys
from index.search.matchsets import SegmentMatches, checked_phrases
from index.store.whoosh_public import Or, Phrase, Query, Searcher, Term

__all__ = ["Links", "corpus_links", "with_links"]


class Links:
    """The firm of each "person" key that the corpus names with a firm's suffix.

    Attributes:
        firm_of: ``PERSON|key`` -> ``ORG|key`` (the index's key form, as the sidebar counts).
    """

    def __init__(self, firm_of: dict[str, str]) -> None:
        self.firm_of = firm_of
        self._phrases: list[tuple[list[str], list[str]]] | None = None

    def people_naming(self, words: list[str], analyse: Any) -> list[str]:
        """The "person" keys linked to a firm whose name holds ``words`` in a row (an ``org:``
        phrase's words as the field's analyser gave them)."""
        if self._phrases is None:
            self._phrases = [
                (_tokens(analyse, firm.partition("|")[2]), _tokens(analyse, p.partition("|")[2]))
                for p, firm in sorted(self.firm_of.items())
            ]
        n = len(words)
        out: list[str] = []
        for firm, person in self._phrases:
            name = " ".join(person)
            if name not in out and any(firm[i : i + n] == words for i in range(len(firm) - n + 1)):
                out.append(name)
        return out


def _tokens(analyse: Any, text: str) -> list[str]:
    return [t.text for t in analyse(text)]


_LOCK = threading.Lock()
_CACHE: list[tuple[tuple[DocKeys, ...], Links]] = []


def corpus_links(searcher: Searcher) -> Links:
    """The links of the corpus a searcher reads (learnt once a set of segments: 0.15 s on
    2,000 Reuters stories, 1.1 s on 19,043 under load; then kept while the segments are)."""
    leaves = [leaf for leaf, _ in searcher.leaf_searchers()]
    segments = tuple(doc_keys(leaf.reader()) for leaf in leaves)
    with _LOCK:
        for held, links in _CACHE:
            if len(held) == len(segments) and all(a is b for a, b in zip(held, segments)):
                return links
    table = AliasTable()
    people: set[str] = set()
    counts = _Counts()
    orgs_seen: set[str] = set()
    for leaf, fwd in zip(leaves, segments):
        keys, ids, start = fwd.keys, fwd.ids, fwd.start
        counts.add(leaf, fwd)
        # Only a firm's name and an acronym tell a link, and only in an article naming a firm: the
        # rest is passed over (2.5 -> 1.1 s on the 19,043 Reuters stories, load 18 on 2 cores).
        orgs: dict[int, tuple[str, str]] = {}
        firms: set[int] = set()
        for kid, key in enumerate(keys):
            label, _, name = key.partition("|")
            if label == "ORG":
                orgs_seen.add(name)
            if label == "ORG" and firm_name(name):
                orgs[kid] = ("ORG", name)
                firms.add(kid)
            elif label == "ORG" and acronym_key(name):
                orgs[kid] = ("ORG", name)
            elif label == "PERSON" and " " in name:
                people.add(name)
                # A person named beside a firm named after him is no short form of it.
                orgs[kid] = ("PERSON", name)
        for doc in SegmentMatches(leaf).universe():
            run = ids[start[doc] : start[doc + 1]]
            if not firms.isdisjoint(run):
                table.observe_keys([orgs[k] for k in run if k in orgs])
    firm_of: dict[str, str] = {}
    given = _given_names(people, orgs_seen)
    for person in sorted(people):
        firm = table.firm_of(person)
        if firm and not _own_name(person, firm, counts, given):
            firm_of[f"PERSON|{person}"] = f"ORG|{firm}"
    for person in _common_phrases(searcher, leaves, firm_of):
        del firm_of[f"PERSON|{person}"]
    links = Links(firm_of)
    with _LOCK:
        _CACHE[:] = [(segments, links), *_CACHE[:1]]  # the segments held keep their ids apart
    return links


class _Counts:
    """How many live articles name a key, over every segment, counted by key id a segment at a
    time (naming every key of the 19,043 Reuters stories cost 0.15 s of CPU; this, 0.08 s: the
    links 0.35 -> 0.43-0.45 s)."""

    def __init__(self) -> None:
        self._segments: list[tuple[DocKeys, Counter[int]]] = []

    def add(self, leaf: Any, fwd: DocKeys) -> None:
        matches = SegmentMatches(leaf)
        ids, start = fwd.ids, fwd.start
        if matches.deleted:
            by_id: Counter[int] = Counter()
            for doc in matches.universe():
                by_id.update(ids[start[doc] : start[doc + 1]])
        else:
            by_id = Counter(ids)
        self._segments.append((fwd, by_id))

    def __call__(self, key: str) -> int:
        total = 0
        for fwd, by_id in self._segments:
            kid = fwd.number.get(key)
            if kid is not None:
                total += by_id[kid]
        return total


def _given_names(people: set[str], orgs: set[str]) -> frozenset[str]:
    """Words that open the names of at least three people of the corpus, each with another word
    after it ("mario": Mario Gabelli, Mario Cuomo, Mario Soares), and of more than twice as many
    people as organisations: a word opening organisations is a firm's or an institution's, whose
    names the recognizer also calls people ("morgan": Morgan Stanley, Morgan Grenfell, Morgan
    Guaranty; "merrill", "cie", "international", "credit")."""
    # Counted by the word after it: "greenwell" opens four "people", all "Greenwell Montagu ...".
    firsts = Counter(word for word, _ in {tuple(name.split()[:2]) for name in people})
    org_firsts = Counter(name.split()[0] for name in orgs)
    return frozenset(
        word for word, n in firsts.items() if n >= 3 and n > 2 * org_firsts[word] and len(word) > 1
    )


def _own_name(person: str, firm: str, count: Callable[[str], int], given: frozenset[str]) -> bool:
    """Whether a "person" key is a name of its own rather than ``firm``'s short form: the corpus
    names it as an organisation on its own more often than it names the firm ("central bank": 88
    articles, "Central Bank and Trust Co" one; "stock exchange", "Dow Jones", "Hang Seng",
    "Societe Generale" of "Societe Generale North America Inc"), or it opens with a given name
    and names the person at least as often as the firm ("Mario Gabelli" in 7 articles, "Mario
    Gabelli and Co" in one; "Li Ka-shing", "John Paul"), where "James Capel" (11 articles)
    stays the broker "James Capel and Co" (15)."""
    named_firm = count(f"ORG|{firm}")
    if count(f"ORG|{person}") > named_firm:
        return True
    words = person.split()
    # A name cut after an initial is a firm's name cut short ("Edward D" of "Edward D Jones and Co").
    return words[0] in given and len(words[-1]) > 1 and count(f"PERSON|{person}") >= named_firm


def _common_phrases(searcher: Searcher, leaves: list[Any], firm_of: dict[str, str]) -> list[str]:
    """The linked "people" whose words the corpus mostly writes outside any name: common phrases
    that a longer name capitalised ("Danish Oil and Natural Gas", "China Lake Joint Venture",
    "White House National Security aide"), not a firm's short form.

    A phrase is common when the articles whose body holds its words in a row are more than twice
    those naming an entity that holds them (a person's, an organisation's, a place's or a group's
    name), and :data:`_EVIDENCE` more. Asked only of a phrase each of whose words is so written: a
    name's words are hardly written but in names ("merrill" in 226 bodies and 224 names; "allied"
    and "signal" of "Allied-Signal Inc"), a common phrase's are ("natural" in 347 and 55). On the
    19,043 Reuters stories: "joint venture" in 306 bodies and 8 names, "personal computer" 101 and
    4, "natural gas" 195 and 42, "national security" 71 and 26; "waste management" 20 and 16
    stays Waste Management Inc's.
    """
    fields = [f for f in _NAME_FIELDS if f in searcher.schema]
    if "body" not in searcher.schema or not fields:
        return []
    stems = searcher.schema["body"].analyzer
    names = searcher.schema[fields[0]].analyzer
    suspects: list[tuple[str, list[str], list[str]]] = []
    for person in firm_of:
        name = person.partition("|")[2]
        words, body = _tokens(names, name), _tokens(stems, name)
        kept = [w for w in words if _tokens(stems, w)]  # as the body keeps them: no stop words
        if body and all(
            _outside_names(searcher, fields, word, stem) for word, stem in zip(kept, body)
        ):
            suspects.append((name, words, body))
    if not suspects:
        return []
    sets = [SegmentMatches(leaf) for leaf in leaves]
    out: list[str] = []
    for name, words, body in suspects:
        written = checked_phrases(_phrase("body", body))
        named = checked_phrases(Or([_phrase(f, words) for f in fields]))
        n_written = sum(len(seg.evaluate(written) & seg.universe()) for seg in sets)
        n_named = sum(len(seg.evaluate(named) & seg.universe()) for seg in sets)
        if n_written > 2 * n_named and n_written >= n_named + _EVIDENCE:
            out.append(name)
    return out


def _outside_names(searcher: Searcher, fields: list[str], word: str, stem: str) -> bool:
    """Whether more than twice as many bodies hold ``stem`` as names hold ``word``, and
    :data:`_EVIDENCE` more; the names' fields are asked one by one, while it may still be so (a
    term's frequency is a lookup in the segment's term table: 3,500 of them were a quarter of
    the links' time on the Reuters stories)."""
    room = (searcher.doc_frequency("body", stem) - _EVIDENCE) / 2
    for f in fields:
        room -= searcher.doc_frequency(f, word)
        if room <= 0:
            return False
    return True


_NAME_FIELDS = ("org", "person", "place", "group")
_EVIDENCE = 10
"""How many more articles must write a phrase (and each of its words) outside names than in
them, besides twice as many: "Olivetti", "Tandem", written alone, are no entity in 14 and 21
Reuters stories, and "C Olivetti" (11 bodies, 3 names) stays "Ing C Olivetti and Co"."""


def _phrase(field: str, words: list[str]) -> Query:
    return Phrase(field, words) if len(words) > 1 else Term(field, words[0])


def with_links(q: Query, searcher: Searcher) -> Query:
    """``q`` with each ``org:`` word or phrase also matching the "person" keys linked to a firm
    whose name holds it: ``org:"merrill lynch capital markets"`` finds the articles that name the
    firm only by a short form the recognizer took for a person's name."""
    if "org" not in {t[0] for t in q.all_terms()} or "person" not in searcher.schema:
        return q
    links = corpus_links(searcher)
    if not links.firm_of:
        return q
    analyse = searcher.schema["org"].analyzer

    def swap(node: Any) -> Any:
        if getattr(node, "fieldname", None) != "org":
            return node
        if type(node) is Phrase:
            words = [str(w) for w in node.words]
        elif type(node) is Term:
            words = [str(node.text)]
        else:
            return node
        people = links.people_naming(words, analyse)
        if not people:
            return node
        return Or([node, *(Phrase("person", p.split()) for p in people)])

    return q.accept(swap)
