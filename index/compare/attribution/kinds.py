"""What a cited name is, once the entity reader has labelled the text: the last word on a kind.

The cue readers (:mod:`index.compare.attribution.speakers`) sort a speaker by its own words and the
entity label at its first word; :func:`recast` then looks at the whole name against every entity
it covers, for the comparison's sources (:func:`index.compare.attribution.sources`) and the story's
(:mod:`index.story.cited`) alike, so that one name is one kind in both ("Airbus" was a person in
the comparison and an institution in the story).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from index.analysis.lexicon import ORG_HEADS, ROLE_NOUNS, TITLES
from index.models import Entity

if TYPE_CHECKING:
    from index.compare.attribution import Source

# Words that name a newspaper, station or agency (a generic list, no story's words).
_MEDIA = ORG_HEADS & frozenset(
    """radio television tv magazine times post news journal herald tribune independent gazette
    telegraph guardian chronicle broadcasting network press""".split()
)
# Articles that open a newspaper's name in several languages ("El Mercurio", "Le Monde").
_ARTICLES = frozenset("el la le les los las il lo der die das".split())
# Occupations written before a name like a title ("Policeman José Arévalo").
_OCCUPATIONS = frozenset(
    """policeman policewoman fireman firefighter councilman councilwoman congressman congresswoman
    patrolman clerk executive nurse doctor teacher farmer merchant resident witness survivor
    student volunteer engineer pilot priest""".split()
)
_TITLE_WORDS = TITLES | ROLE_NOUNS | _OCCUPATIONS


def _words(name: str) -> list[str]:
    return re.sub(r"[.,]", " ", name).split()


def recast(s: Source, entities: Sequence[Entity], *, people_known: bool = True) -> Source:
    """A source the attribution reader calls a person, as what it is.

    A name that holds a word of the media ("Radio Cooperativa") is an outlet, and so is one that
    opens with an article ("La Nación") unless the entity reader made it a person ("Le Pen said",
    "Mr. Le Pen": ``people_known``, false when the entities are made up from the name alone); one
    that no person entity covers and that is one word ("Airbus") or holds an organisation or a
    place ("Air France", "Majlis of Iran") an institution; titles alone ("Executive Clerk") an
    unnamed source; titles before a name are dropped. A name of two words or more with no place
    stays a person even when the entity reader missed it ("Yvo de Boer").
    """
    if s.kind != "person":
        return s
    words = _words(s.name)
    low = [w.lower() for w in words]
    if any(w in _MEDIA for w in low):
        return replace(s, kind="outlet")
    if len(words) >= 2 and low[0] in _ARTICLES:
        person = people_known and any(
            e.label == "PERSON" and e.start <= s.start and s.end <= e.end for e in entities
        )
        if not person:
            return replace(s, kind="outlet")
    cut = 0
    while cut < len(words) and low[cut] in _TITLE_WORDS:
        cut += 1
    if cut == len(words):
        return replace(s, name=f"{s.name} (unnamed)", kind="unnamed", unnamed=True)
    if cut and len(words) - cut >= 2:
        s = replace(s, name=" ".join(words[cut:]))
    inside = [e for e in entities if e.start < s.end and s.start < e.end]
    if any(e.label == "PERSON" for e in inside):
        return s
    if len(s.name.split()) == 1 or any(e.label in ("PLACE", "ORG") for e in inside):
        return replace(s, kind="institution")
    return s


def recast_by_name(s: Source) -> Source:
    """:func:`recast` without entities: only what the name's words tell (outlets, titles)."""
    if s.kind != "person":
        return s
    return recast(s, [Entity(s.start, s.end, "PERSON", s.name, s.name)], people_known=False)
