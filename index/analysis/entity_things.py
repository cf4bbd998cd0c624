"""Full "person" names an article writes as a place or a thing: "Abu Ghraib prison", "at Abu
Ghraib", "the town of Punta Arenas", "the Red Cross" (:func:`things`, a step of the in-article
resolution, :func:`index.analysis.entity_keys.finish_candidates`)."""

from __future__ import annotations

from index.analysis.entity_foreign import PERSON_BEFORE
from index.analysis.entity_spans import Cand
from index.analysis.gazetteer import key_of, load_gazetteer
from index.analysis.lexicon import PLACE_HEADS, PLACE_NOUNS, ROLE_NOUNS
from index.pattern_cache import compiled

__all__ = ["things"]


_PLACE_AFTER = compiled(
    r"[ \t]+(?:[A-Z][a-z]+[ \t]+)?(?:"
    + "|".join(
        sorted(
            PLACE_HEADS
            | PLACE_NOUNS
            | set("jail camp base airbase town village suburb neighbourhood neighborhood".split())
            | set("compound facility detention refinery mine".split())
            | set("facilities prisons jails camps compounds".split())
        )
    )
    + r")\b"
)
"""After a name: a lowercase place noun ("Abu Ghraib prison", "Kings Cross station"), or its
plural ("Guantanamo Bay and Abu Ghraib facilities"), a capitalised word between ("the Abu Ghraib
Iraqi prison abuse case")."""
_THE_BEFORE = compiled(r"\b[Tt]he[ \t\n]+\Z")
"""Before a name of two words or more: "the" ("the Red Cross", "the Piccadilly Line"); nobody
writes "the Tony Blair"."""
_PLACE_OF = compiled(
    r"\b(?:island|islands|archipelago|town|city|village|province|region|port|district)"
    r"[ \t\n]+of[ \t\n]+\Z"
)
"""Before a name: "the island of Fernando de Noronha", "the town of Punta Arenas" ("in" was
tried: "a stake in HK Hotels", "in Ginnie Mae securities" became places)."""


def things(text: str, kept: list[Cand]) -> dict[str, str]:
    """Full "person" names the article writes as a place (a place noun after a mention: PLACE) or
    a thing ("the" before a mention: ORG), unless a title or role names one of its mentions.

    Found on 100 WikiNews articles, where "Abu Ghraib" (30 mentions), "Red Cross", "Bali Roadmap",
    "Piccadilly Line", "Kings Cross" and "Old Bailey" were people. A name the gazetteer knows
    written as one word is a place too ("Bío Bío", the region "Biobio").
    """
    votes: dict[str, str] = {}
    people: set[str] = set()
    at_places: set[str] = set()
    for c in kept:
        if c.label != "PERSON" or " " not in c.canonical:
            continue
        before = text[max(0, c.start - 40) : c.start]
        if PERSON_BEFORE.search(before):
            people.add(c.canonical)
        elif c.canonical in people or votes.get(c.canonical) == "PLACE":
            continue  # decided whatever this mention's other cues say (a name said ten times)
        elif (
            _PLACE_AFTER.match(text, c.end)
            or _PLACE_OF.search(before)
            or _joined_place(c.canonical)
        ):
            votes[c.canonical] = "PLACE"
        elif _THE_BEFORE.search(before):
            votes.setdefault(c.canonical, "ORG")
        elif before.rstrip().endswith("at"):
            at = _AT_BEFORE.search(before)
            if at is not None and _at_a_place(text, at.group(1), c, kept):
                at_places.add(c.canonical)
    if at_places:  # the weakest cue: any other decides, and a firm's cue after a mention
        firms = {
            c.canonical
            for c in kept
            if c.canonical in at_places and c.label == "PERSON" and _FIRM_AFTER.match(text, c.end)
        }
        for name in at_places - firms:
            votes.setdefault(name, "PLACE")
    return {k: v for k, v in votes.items() if k not in people}


_FIRM_AFTER = compiled(
    r"(?:'s|\u2019s|[ \t\n]*<[A-Z][A-Z.]*>|[ \t\n]+(?:said|says|told|announced|issued|reported)\b)"
)
"""After a mention: what firms have and places seldom (a possessive, a Reuters ticker, a
statement): "Kaiser Cement's", "Credit Suisse <CRSZ.Z>", "Gordon Advisors issued a statement"
keep them from the places "at" makes."""


def _at_a_place(text: str, word: str | None, c: Cand, kept: list[Cand]) -> bool:
    """Whether a full "person" name after "at" is a place ("abuse at Abu Ghraib"): not after a
    verb that aims at someone ("fired at Paul Riva"), nor after a role or a person's name, where it
    is a firm, one the links make of a "person" ("economist at Morgan Stanley", "said David Healy
    at Drexel Burnham Lambert"), nor when the article names an organisation it opens ("backlog at
    Harris Graphics" of "Harris Graphics Corp")."""
    if word is None or word[0].isupper() or word in _AIMED_AT or word in _AT_ROLES:
        return False
    opens = key_of(text[c.start : c.end]) + " "
    return not any(
        o.label == "ORG" and key_of(text[o.start : o.end]).startswith(opens) for o in kept
    )


_AT_BEFORE = compiled(r"(?:\b([A-Za-z]+)[,.]?[ \t\n]+)?(?<![\w'])at[ \t\n]+\Z")
"""Before a name: "at" and the word before it. Of 101 full "people" after "at" on all Reuters
stories, WikiNews and ECB+, five were people, each a verb's aim ("fired at Paul Riva", "took aim
at Brian Nichols", "look at Mo Cheeks"); the rest firms ("economist at Morgan Stanley") or places
("abuse at Abu Ghraib", "a gold mine at Jerritt Canyon", "buried at Westwood Cemetery")."""
_AIMED_AT = frozenset(
    """look looks looked looking glance glanced stare stared staring glare glared aim aimed aiming
    fire fired firing shoot shot shooting directed pointed point pointing laugh laughed laughing
    yell yelled shout shouted scream screamed smile smiled wink winked wave waved throw threw
    lunged swung swipe swiped jab jabbed lash lashed hit struck angry mad upset furious""".split()
)
"""Words before "at" whose aim is a person ("fired at Paul Riva"): the name stays a person."""
_AT_ROLES = frozenset(
    ROLE_NOUNS
    | {w + "s" for w in ROLE_NOUNS}
    | set(
        """executive executives trader traders dealer dealers banker bankers strategist worker workers
        strategists partner partners employee employees staff vice""".split()
    )
)
"""Roles before "at": the name after is where they work, an organisation."""


def _joined_place(key: str) -> bool:
    """Whether a name of words of three letters or more is, written as one word, a region or a
    country the gazetteer knows ("Bío Bío", the region "Biobio"); towns are left out: "Beaver
    Creek State Bank" is no Beavercreek, Ohio."""
    if min(map(len, key.split())) < 3:
        return False
    found = load_gazetteer().places.get(key.replace(" ", ""))
    return found is not None and found[1] != "city"
