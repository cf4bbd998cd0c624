"""Cross-article linking of entity keys: a lone surname takes the full name another article writes,
and a "person" another article names with a firm's suffix is that firm (:class:`AliasTable`,
:func:`link_across`; :mod:`index.analysis.entity_keys` re-exports both)."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace

from index.analysis.lexicon import ORG_HEAD_PAIRS, ORG_HEADS
from index.models import Entity
from index.pattern_cache import compiled

__all__ = ["AliasTable", "acronym_key", "firm_key", "firm_name", "link_across"]


_FIRM_SUFFIXES = frozenset(
    "co corp corporation company inc ltd llc plc ag sa nv gmbh bancorp securities associates".split()
)
"""Last words of a firm's name: a name the corpus also writes with one of them after it ("Merrill
Lynch" of "Merrill Lynch and Co") is that firm. Not "foundation" or "commission": "Dana Whitcombe
Foundation" does not make Dana Whitcombe a firm."""


_LEGAL_FORMS = frozenset(
    """co corp corporation company inc incorporated ltd limited llc plc ag sa nv gmbh bhd spa
    bv ab kk""".split()
)
"""Legal forms that end a firm's name, and may follow one another ("and Co Inc", "Co Ltd").
Not "Pty": "Broken Hill Pty Co Ltd" is Broken Hill Proprietary."""


def firm_key(key: str) -> str:
    """An organisation key with no legal form after its first: "gabelli and co inc" is "gabelli
    and co", "hongkong land co ltd" "hongkong land co" (Reuters names a firm with and without
    its last form: "Gabelli and Co" in five stories, "Gabelli and Co Inc" in five others)."""
    words = key.split()
    if len(words) < 3 or words[-1] not in _LEGAL_FORMS or words[-2] not in _LEGAL_FORMS:
        return key
    while len(words) > 2 and words[-1] in _LEGAL_FORMS and words[-2] in _LEGAL_FORMS:
        words.pop()
    return " ".join(words)


def firm_name(key: str) -> bool:
    """Whether an organisation key ends as a firm's name does ("... and co", "... capital markets")."""
    words = key.split()
    return len(words) > 2 and (
        words[-1] in _FIRM_SUFFIXES or (words[-2], words[-1]) in ORG_HEAD_PAIRS
    )


class AliasTable:
    """Cross-article linking: a lone surname takes the full name seen elsewhere, and a "person" that
    another article names with a firm's suffix is that firm.

    Feed every article's entities to :meth:`observe`, then map each through :meth:`resolve`.
    """

    def __init__(self) -> None:
        """Create an empty table."""
        self._by_token: dict[str, Counter[str]] = {}
        self._firms: dict[str, Counter[str]] = {}
        self._spelled: dict[str, int] = {}
        self._people: set[str] = set()

    def observe(self, entities: Iterable[Entity]) -> None:
        """Record the full person names and the firm names of one article.

        Args:
            entities: Entities of one article.
        """
        entities = list(entities)
        acronyms = {
            e.canonical for e in entities if e.label == "ORG" and _ACRONYM.fullmatch(e.text)
        }
        self._observe(((e.label, e.canonical) for e in entities), acronyms)

    def observe_keys(self, keys: Iterable[tuple[str, str]]) -> None:
        """Record one article's entities given as (label, canonical key) pairs, each once (what an
        index keeps of an article): an organisation's one-word key of three to six letters is
        taken as written in capitals ("ibm").

        Args:
            keys: The article's (label, canonical) pairs.
        """
        keys = list(keys)
        acronyms = {k for label, k in keys if label == "ORG" and _ACRONYM_KEY.fullmatch(k)}
        self._observe(keys, acronyms)

    def _observe(self, keys: Iterable[tuple[str, str]], acronyms: set[str]) -> None:
        keys = list(keys)
        self._people_beside_firms(keys)
        for label, canonical in keys:
            if label == "PERSON" and " " in canonical:
                words = canonical.split()
                for w in {words[0], words[-1]}:
                    self._by_token.setdefault(w, Counter())[canonical] += 1 + (w == words[-1])
            elif label == "ORG" and firm_name(canonical):
                words = canonical.split()
                for m in range(2, 0 if _two_parties(words) else len(words)):
                    # "merrill lynch" of "merrill lynch and co"; not "u s" of "u s west inc"
                    if len(max(words[:m], key=len)) < 3:
                        continue
                    prefix = " ".join(words[:m])
                    found = self._firms.get(prefix)
                    if found is None:
                        found = self._firms[prefix] = Counter()
                    found[canonical] += 1
                spelled = _spelled_words(words, acronyms) if acronyms else 0
                if spelled:  # "International Business Machines Corp <IBM>"
                    self._spelled[canonical] = max(spelled, self._spelled.get(canonical, 0))

    def _people_beside_firms(self, keys: list[tuple[str, str]]) -> None:
        """Note the "people" an article names beside a firm named after them: the recognizer,
        which makes a firm of a firm's short form where its article names the firm, kept them
        apart there, as a role names them ("Mario Gabelli, head of ... Mario Gabelli and Co")."""
        firms = sorted(k for label, k in keys if label == "ORG" and firm_name(k))
        if not firms:
            return
        for label, k in keys:
            if label == "PERSON" and " " in k:
                i = bisect_left(firms, k + " ")
                if i < len(firms) and firms[i].startswith(k + " "):
                    self._people.add(k)

    def firm_of(self, person: str) -> str | None:
        """The firm a "person" key is: the most frequent firm name the corpus writes after it
        ("merrill lynch" -> "merrill lynch capital markets"), unless the name stops inside the
        words of that firm's acronym; ``None`` for a name no firm opens, or that an article
        names beside the firm (a person lending it his name)."""
        firms = self._firms.get(person)
        if firms is None or person in self._people:
            return None
        return next((f for f, _ in firms.most_common() if not self._cuts_acronym(person, f)), None)

    def resolve(self, entities: Iterable[Entity]) -> list[Entity]:
        """Give lone person names the key of the full name most often seen with them, and make
        firms of the "people" the corpus names with a firm's suffix.

        Args:
            entities: Entities of one article.

        Returns:
            The entities, with single-word person keys replaced where a full name is known, and
            short forms of firms labelled ``ORG`` with the firm's most frequent key.
        """
        out: list[Entity] = []
        for ent in entities:
            if (
                ent.label == "PERSON"
                and " " not in ent.canonical
                and ent.canonical in self._by_token
            ):
                fulls = [k for k, _ in self._by_token[ent.canonical].most_common()]
                # A person's full name before the short form of a firm: "Baker" is James Baker
                # where the corpus also has "Baker International" of "Baker International Corp".
                full = next((k for k in fulls if k not in self._firms), fulls[0])
                ent = replace(ent, canonical=full)
            if ent.label == "PERSON" and ent.canonical in self._firms:
                firm = self.firm_of(ent.canonical)
                if firm:
                    ent = replace(ent, label="ORG", canonical=firm)
            out.append(ent)
        return out

    def _cuts_acronym(self, short: str, firm: str) -> bool:
        """Whether ``short`` stops inside the words of the acronym an article names ``firm`` by:
        "International Business" (a Chinese newspaper) merely shares two words of
        "International Business Machines Corp", whose "IBM" spells all three, where "Merrill
        Lynch" is all of "Merrill Lynch Capital Markets" before its ending."""
        return short.count(" ") + 1 < self._spelled.get(firm, 0)


def _spelled_words(words: list[str], acronyms: set[str]) -> int:
    """How many words of a firm's name one of ``acronyms`` spells by their initials (0: none),
    among the words before the name's ending ("Corp", "and Co", "Capital Markets"), less the
    organisation nouns it ends on: "London International" is what "London International Group
    Plc <LIG>" is called, "Middle South" "Middle South Utilities Inc <MSU>" (Reuters)."""
    end = next((i for i, w in enumerate(words) if i and w in _ENDINGS), len(words))
    if end >= 2 and (words[end - 2], words[end - 1]) in ORG_HEAD_PAIRS:
        end -= 2
    initials = "".join(w[0] for w in words[:end])
    n = next((n for n in range(end, 2, -1) if initials[:n] in acronyms), 0)
    while n and words[n - 1] in _HEADS:
        n -= 1
    return n


def _two_parties(words: list[str]) -> bool:
    """Whether a firm's key joins two parties with "and": more than one word after it, before the
    firm's suffixes ("asher edelman and dominion textile ltd", "boyd jefferies and jefferies group
    inc": the recognizer's one name for a man and a firm), where a partnership names one partner
    a word ("donaldson lufkin and jenrette securities corp", "sears roebuck and co"). Its short
    forms are none of the two: "Asher Edelman" stays a person."""
    if "and" not in words[1:]:
        return False
    tail = words[words.index("and", 1) + 1 :]
    while tail and tail[-1] in _FIRM_SUFFIXES:
        tail.pop()
    return len(tail) > 1


_ENDINGS = _FIRM_SUFFIXES | {"and"}
_HEADS = ORG_HEADS | {"utilities", "utility", "enterprises", "international"}
"""Organisation nouns: a name cut before them is still the firm's."""
_ACRONYM = compiled(r"[A-Z]{3,6}")
_ACRONYM_KEY = compiled(r"[a-z]{3,6}")


def acronym_key(key: str) -> bool:
    """Whether an organisation's key may be an acronym's (one word of three to six letters)."""
    return _ACRONYM_KEY.fullmatch(key) is not None


"""An organisation written as an acronym of three letters or more ("IBM", "OPEC"); two letters
("GM", "BP") are initials of too many names. A key (``_ACRONYM_KEY``) has lost its case: any word
of that length, which must still spell the first words of a firm its article names."""


def link_across(articles: Sequence[Sequence[Entity]]) -> list[list[Entity]]:
    """Link names across articles: a lone "Putin" joins "Vladimir Putin", and a "person" "Merrill
    Lynch" is the firm "Merrill Lynch and Co" that another article names.

    Args:
        articles: Entities of each article, as returned by :func:`extract`.

    Returns:
        The same entities per article, with canonical keys linked across the set.
    """
    table = AliasTable()
    for ents in articles:
        table.observe(ents)
    return [table.resolve(ents) for ents in articles]
