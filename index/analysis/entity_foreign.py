"""Names opened by a foreign word: outlets and titles, foreign institutions and places, or people.

Two rules of the in-article resolution (:func:`index.analysis.entity_keys.finish_candidates`) on
what the recognizer took for a person:

- :func:`foreign_titles`: a name opened by a foreign article or title word ("Le Monde", "El
  Mundo", "Pourquoi Pas") is an outlet or a title, unless a cue makes it a person ("Marine Le Pen",
  "Mr. Le Pen", "Le Pen said").
- :func:`foreign_heads`: a name opened by a Spanish, Italian, Portuguese or French head noun and
  holding a particle ("Cassa di Risparmio", "Fondo de Solidaridad", "Punta de Lobos") is an
  organisation or a place: once particles joined names, any such name read as a person.
"""

from __future__ import annotations

import re
from itertools import pairwise

from index.analysis.entity_spans import Cand
from index.analysis.lexicon import ROLE_NOUNS
from index.pattern_cache import compiled

PERSON_BEFORE = compiled(r"\b(?:" + "|".join(sorted(ROLE_NOUNS)) + r")\.?[ \t\n]+\Z", re.I)
"""Before a name: a role or title noun ("party leader Le Pen")."""
HONORIFIC_BEFORE = compiled(r"\b(?:Mr|Mrs|Ms|Mme|Mlle|M|Dr|Sr|Sra|Sig)\.?[ \t\n]+\Z")
"""Before a name: an honorific ("Mr. Le Pen", "M. Le Pen")."""

FOREIGN_OPENERS = frozenset(
    # Articles (French, Spanish, Italian, Portuguese, German, Dutch); "Les", "Des", "Del", "Una"
    # and "Das" are left out: given names or surnames ("Les Paul", "Des O'Connor").
    "le la l' el los las il lo gli i die der den het de' "
    # Words that open titles and never a personal name: "Pourquoi Pas", "Que Choisir",
    # "Corriere della Sera" is told by its "della".
    "pourquoi que qui quand comment sans avec pour sur sous dans chez entre "
    "por para con sin sobre hoy "
    "per della dello degli delle nella oggi "
    "und ohne neue neues neuer".split()
)
"""First words of a name that make it a title, an outlet or a place, never a person: "Le Monde",
"El Mundo", "La Stampa", "Die Welt" (a newspaper), "Pourquoi Pas" (a magazine)."""

_ARTICLES = frozenset("le la".split())
"""The openers of a surname that speaks ("Le Pen said", "La Roche told"). Not "El", "Il" or
"Die": "El Al said" is the airline ("El Baradei" is a surname when the article names "Mohamed
El Baradei")."""

OUTLET_NAMES = frozenset(
    " ".join(n.split())
    for n in """le monde|le figaro|le parisien|le soir|le temps|le point|le matin|le devoir|la croix|
    la stampa|la repubblica|la nacion|la tercera|la prensa|la jornada|la razon|la vanguardia|
    la voz|la libre|la tribune|la presse|el pais|el mundo|el mercurio|el universal|el tiempo|
    el comercio|el nacional|el diario|el espectador|el clarin|il messaggero|il giornale|il sole|
    il manifesto|il foglio|il mattino|die welt|die zeit|die presse|die tageszeitung|der spiegel|
    der standard|der tagesspiegel|de telegraaf|de volkskrant|de standaard|het parool|
    het laatste nieuws""".split("|")
)
"""Newspapers whose names open with an article: outlets even when they "said" ("Le Monde said
the talks failed"), as keys (lower case, no accents)."""
BODY_NAMES = frozenset(
    "la liga|la scala|la fenice|la poste|la caixa|la redoute|le cordon bleu|la francaise".split("|")
)
"""Bodies named with "Le" or "La" that speak in the news ("La Liga said"), as keys."""

_SAID = r"(?:said|says|told|added|stated|declared|insisted|argued|warned|claimed|replied|denied)"
_HE_AFTER = compiled(r"[ \t\n]+(?:said|says|added|told)[ \t\n]+(?:he|she)\b")
"""After a name: "La Roche said he may buy more" is a person (an outlet is no "he")."""
_SAID_AFTER = compiled(r",?[ \t\n]+" + _SAID + r"\b")
"""After a name: a speech verb. An article and a surname that speak are a person ("Le Pen
said"), unless the name is a known newspaper or the article calls it one."""
_MEDIA_NOUNS = (
    r"(?:newspaper|paper|daily|weekly|tabloid|magazine|broadcaster|channel|network|station|"
    r"website|agency|outlet|journal|radio|television|league|club|team|opera|theatre|theater|"
    r"airline|carrier|company|firm|group|bank|brand|label|house)"
)
_MEDIA_BEFORE = compiled(r"\b" + _MEDIA_NOUNS + r"[ \t\n]+\Z", re.I)
_MEDIA_AFTER = compiled(r"(?:'s)?[ \t\n]+" + _MEDIA_NOUNS + r"\b")
"""A noun of the media or of a body before or after a mention ("the newspaper Le Monde", "Le
Soir newspaper", "the Spanish league La Liga")."""


def foreign_titles(text: str, kept: list[Cand]) -> set[str]:
    """ "Persons" the article names with a foreign article or word first ("Le Monde", "El Mundo",
    "Pourquoi Pas"): outlets and titles, made ORG by the caller (the longer organisation's name
    the article gives, "Den Danske Bank", is kept as their key), unless the article writes them as
    a place ("the Las Terrazas beach").

    Not when one mention is a person's: a longer person's name of the article ends with it ("Marine
    Le Pen" makes "Le Pen" a surname, "Mohamed El Baradei" makes "El Baradei" one), a role or an
    honorific comes before it ("party leader Le Pen", "Mr Le Pen"), it "said he", or an article
    and one surname speak ("Le Pen said", "La Roche told"; not a newspaper or a body the article
    names as one, "the daily La Stampa said", nor one of :data:`OUTLET_NAMES` or
    :data:`BODY_NAMES`, "Le Monde said", "La Liga said"). One such
    mention makes every mention of the name a person's.
    """
    found: set[str] = set()
    people: set[str] = set()
    speaking: set[str] = set()
    media: set[str] = set()
    for c in kept:
        if c.label != "PERSON":
            continue
        words = c.canonical.split()
        before = text[max(0, c.start - 40) : c.start]
        if len(words) > 1 and words[0] in FOREIGN_OPENERS:
            if _MEDIA_BEFORE.search(before) or _MEDIA_AFTER.match(text, c.end):
                media.add(c.canonical)
            if (
                _HE_AFTER.match(text, c.end)
                or PERSON_BEFORE.search(before)
                or HONORIFIC_BEFORE.search(before)
            ):
                people.add(c.canonical)
            else:
                found.add(c.canonical)
                if len(words) == 2 and words[0] in _ARTICLES and _SAID_AFTER.match(text, c.end):
                    speaking.add(c.canonical)
        else:
            people.add(c.canonical)
    people |= {k for k in speaking if k not in media and k not in OUTLET_NAMES | BODY_NAMES}
    return {k for k in found if k not in people and not any(p.endswith(" " + k) for p in people)}


_FOREIGN_ORG_HEADS = frozenset(
    """cassa caja caixa fondo fundo fonds fundacion fundacao fondazione fondation instituto
    istituto institut servicio servizio ministerio ministero ministere consejo consiglio conseil
    comision commissione comissao tribunal tribunale universidad universita universidade
    universite colegio escuela partido partito parti movimiento movimento asociacion associazione
    associacao sociedad societa sociedade societe compagnie compania compagnia companhia empresa
    grupo gruppo camara camera chambre junta confederacion confederazione federacion federazione
    sindicato agencia agenzia agence direccion direzione policia polizia ejercito esercito armee
    museo musee biblioteca bibliotheque credito credit secretaria oficina superintendencia
    procuraduria fiscalia corporacion corporacao cooperativa centro""".split()
)
"""Spanish, Italian, Portuguese and French nouns that head an institution's name ("Cassa di
Risparmio", "Fondo de Solidaridad", "Instituto Nacional de Estadística"), as keys (no accents)."""
_FOREIGN_PLACE_HEADS = frozenset(
    """punta isla isola ilha ile rio lago laguna lagoa monte cerro sierra serra playa praia plage
    bahia baia cabo puerto porto puente ponte villa vila valle vale costa caleta golfo estrecho
    paso plaza piazza praca calle avenida rua rue campo ciudad citta cidade pueblo barrio
    provincia region estado departamento comuna municipio mar aeropuerto aeroporto torre castillo
    castello chateau palacio palazzo palais parque parco quebrada llano salto volcan nevado
    desierto san santa santo sao saint sainte""".split()
)
"""Nouns (and saints' titles) that head a place's name ("Punta de Lobos", "Isla de Maipo",
"Caleta de Pescadores", "San Pedro de Atacama"), as keys."""
_PARTICLES = frozenset("de del da di du la le des dos das do della delle dei degli d'".split())
"""Particles inside such names ("de", "di", "de la", "do", "della")."""


def foreign_heads(kept: list[Cand]) -> dict[str, str]:
    """Full "person" names opened by a foreign institution's or place's head noun and holding a
    particle: canonical key -> ``ORG`` or ``PLACE``.

    A person's name with a particle opens with a given name ("Jan de Vries", "Yvo de Boer"); a
    name opened by "Cassa", "Fondo" or "Punta" is no person (a title or honorific before a
    mention, read by the caller as for every person, does not change that: no one is called
    "President Punta de Lobos").
    """
    out: dict[str, str] = {}
    for c in kept:
        if c.label != "PERSON" or c.canonical in out:
            continue
        words = c.canonical.split()
        if len(words) < 3 or not any(w in _PARTICLES for w in words[1:-1]):
            continue
        if words[0] in _FOREIGN_ORG_HEADS:
            out[c.canonical] = "ORG"
        elif words[0] in _FOREIGN_PLACE_HEADS:
            out[c.canonical] = "PLACE"
    return out


_PARTICLE_GAP = compiled(r" (?:(?:de|da|do|dos|das|del|di|du|van|von|der|la|bin|al) ){1,2}\Z")
"""Between a full name and the surname after it: one or two particles ("da", "de la")."""
_NAME_LABELS = frozenset({"PERSON", "?"})


def joined_particles(text: str, kept: list[Cand]) -> list[Cand]:
    """A full name and the one-word surname after its particle are one person: "Luiz Inácio Lula
    da Silva" was "Luiz Inácio Lula" and "Silva" (the recognizer joins a particle's names up to
    four words), "Gonzalo Sanchez de Lozada" "Gonzalo Sanchez" and "Lozada". Not a name of two
    words after the particle: "Caisse Nationale de Credit Agricole" is no person.

    Args:
        text: The article's text.
        kept: Non-overlapping candidates sorted by offset.

    Returns:
        The candidates with each such pair made one person.
    """
    if not any(
        b.start - a.end < 10 and a.label == "PERSON" and b.label in _NAME_LABELS
        for a, b in pairwise(kept)
    ):
        return kept  # most articles: no name right after a person's (a look at the pairs, not a
        # search of the whole text)
    out: list[Cand] = []
    for c in kept:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.label == "PERSON"
            and c.label in _NAME_LABELS
            and c.start - prev.end <= 9
            and " " in text[prev.start : prev.end]
            and not any(ch.isspace() for ch in text[c.start : c.end])
            and _PARTICLE_GAP.match(text, prev.end, c.start)
        ):
            out[-1] = Cand(prev.start, c.end, "PERSON", "")
            continue
        out.append(c)
    return out
