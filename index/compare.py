"""Compare two reports of the same story: aligned claims, unique claims, disagreements, sources.

Similarity sees through wording with cheap features only: Porter-stemmed content words weighted by
rarity (idf over the sentences of both articles, blended with an optional corpus idf), demonyms folded
onto their country ("Russian" -> "russia"), near-identical proper names merged ("Zelenskyy" /
"Zelensky"), shared canonical entities and shared numbers. A sparse weighted cosine over an inverted
index keeps two 2,000-word articles well under 100 ms (``tests/benchmarks/bench_compare.py``).

Disagreements are found by generic cues (``index.claims``-style lexicons live here, not per story):
different figures for the same kind of thing, a prospective/hedged status against an actual/confirmed
one, different dates in the same claim, and the same claim credited to different sources.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Indel
from whoosh.lang.porter import stem as _porter

from index.models import Article, Entity, Sentence
from index.sentences import split_sentences

__all__ = [
    "RELATED",
    "SHARED",
    "Claim",
    "Comparison",
    "Conflict",
    "Pair",
    "Passage",
    "Source",
    "compare",
    "comparison_to_json",
    "comparison_to_markdown",
    "comparison_to_text",
    "sources",
]

SHARED = 0.25  # score from which two sentences make the same claim
RELATED = 0.10  # score from which two sentences speak of the same facet
_CANDIDATE = 0.04  # lowest score at which two sentences are checked for disagreements


@dataclass(frozen=True, slots=True)
class Passage:
    """A sentence, or a short run of consecutive sentences: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str


Claim = Passage


@dataclass(frozen=True, slots=True)
class Pair:
    """Two passages that say the same thing (``shared``) or speak of the same facet (``related``)."""

    a: Passage
    b: Passage
    kind: str
    score: float


@dataclass(frozen=True, slots=True)
class Conflict:
    """Statements about the same thing that disagree.

    ``kind`` is ``figure``, ``status``, ``certainty``, ``date`` or ``attribution``; ``detail`` says in
    words what differs, quoting both sides.
    """

    kind: str
    a: Passage
    b: Passage
    detail: str


@dataclass(frozen=True, slots=True)
class Source:
    """Someone a report cites; ``start``/``end`` locate the mention in the article text."""

    name: str
    start: int
    end: int


@dataclass(frozen=True)
class Comparison:
    """Everything ``compare`` found about two articles; every offset indexes that article's text."""

    a: Article
    b: Article
    pairs: tuple[Pair, ...]
    only_a: tuple[Passage, ...]
    only_b: tuple[Passage, ...]
    conflicts: tuple[Conflict, ...]
    shared_entities: tuple[str, ...]
    only_a_entities: tuple[str, ...]
    only_b_entities: tuple[str, ...]
    sources_a: tuple[Source, ...]
    sources_b: tuple[Source, ...]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --- features -----------------------------------------------------------------------------------

_STOP = _words(
    "a an and are as at be been being but by can could did do does for from had has have "
    "he her his how i if in into is it its may might more most much must no not of on or "
    "our over she should so some such than that the their them then there these they this "
    "those through to too under until up us very was we were new what when where which "
    "while who whom why will with would you your also after before about said says say "
    "told stated according just one both any all other its it's he's she's there's "
    "however"
)
_TOKEN = re.compile(r"\d[\d,.]*\d|\d|[^\W\d_]+(?:['’][^\W\d_]+)*")
_stems: dict[str, str] = {}


def _stem(word: str) -> str:
    s = _stems.get(word)
    if s is None:
        s = _stems[word] = _porter(word)
    return s


def _tokens(text: str) -> list[tuple[str, bool]]:
    """Lower-cased tokens with a flag for capitalised (proper-noun-like) words."""
    out: list[tuple[str, bool]] = []
    for m in _TOKEN.finditer(text):
        w = m.group(0)
        if w[0].isdigit():
            out.append((w.rstrip(".,").replace(",", ""), False))
            continue
        if w.endswith(("'s", "’s")):
            w = w[:-2]
        out.append((w.lower(), w[0].isupper()))
    return out


def _proper_map(vocab_a: set[str], vocab_b: set[str]) -> dict[str, str]:
    """Fold demonyms onto places and merge spelling variants of names across the two articles."""
    vocab = vocab_a | vocab_b
    stems = {_stem(w) for w in vocab}
    fold: dict[str, str] = {}
    for w in vocab:
        for suffix, extra in (
            ("ian", "e"),
            ("ian", ""),
            ("an", "a"),
            ("an", ""),
            ("n", ""),
            ("ese", ""),
        ):
            base = w[: -len(suffix)] + extra if w.endswith(suffix) else ""
            if len(base) >= 4 and _stem(base) in stems and base != w:
                fold[_stem(w)] = _stem(base)
                break
    # Names spelled two ways ("Zelenskyy" / "Zelensky"): same start, nearly the same letters.
    only_a = {_stem(w) for w in vocab_a} - {_stem(w) for w in vocab_b}
    by_prefix: dict[str, list[str]] = defaultdict(list)
    for s in {_stem(w) for w in vocab_b} - {_stem(w) for w in vocab_a}:
        by_prefix[s[:4]].append(s)
    for s in only_a:
        for t in by_prefix.get(s[:4], ()):
            if len(s) >= 6 and Indel.normalized_similarity(s, t) >= 0.85:
                fold[t] = s
    return fold


def _features(
    sents: Sequence[Sentence],
    entities: Sequence[Entity],
    fold: Mapping[str, str],
) -> list[dict[str, float]]:
    feats: list[dict[str, float]] = []
    ents = sorted(entities, key=lambda e: e.start)
    k = 0
    for s in sents:
        f: dict[str, float] = {}
        toks = _tokens(s.text)
        runs = _run_lengths(toks)
        number = ""
        for (w, _cap), run in zip(toks, runs, strict=True):
            if w[0].isdigit():
                key = number = "#" + w
                weight = 1.0
            elif w in _STOP or len(w) < 2:
                continue
            else:
                st = _stem(w)
                key = fold.get(st, st)
                # A long name ("Charles de Gaulle Airport") is one fact, not four shared words.
                weight = 1.0 / math.sqrt(run)
                for cls, members in _CLASSES.items():
                    if st in members:
                        # "troops" and "infantry" count the same kind of thing: a weak shared feature.
                        f["^" + cls] = 1.0
                if number:
                    # "10,000 soldiers" on both sides is stronger evidence than 10,000 and soldiers.
                    f[number + ">" + key] = 1.0
                    number = ""
            f[key] = max(f.get(key, 0.0), weight)
        while k < len(ents) and ents[k].end <= s.start:
            k += 1
        j = k
        while j < len(ents) and ents[j].start < s.end:
            if ents[j].canonical and ents[j].label not in ("DATE", "QUANTITY"):
                f["@" + ents[j].canonical] = 1.0
            j += 1
        feats.append(f)
    return feats


_CONNECTORS = _words("de la le du von van al bin of")


def _run_lengths(toks: Sequence[tuple[str, bool]]) -> list[int]:
    """For each token, the length of the run of capitalised words it belongs to (1 if none)."""
    out = [1] * len(toks)
    i = 0
    while i < len(toks):
        if not toks[i][1]:
            i += 1
            continue
        j = i + 1
        while j < len(toks) and (
            toks[j][1] or (toks[j][0] in _CONNECTORS and j + 1 < len(toks) and toks[j + 1][1])
        ):
            j += 1
        for k in range(i, j):
            out[k] = j - i
        i = j
    return out


def _weigh(
    fa: list[dict[str, float]], fb: list[dict[str, float]], idf: Mapping[str, float] | None
) -> None:
    n = len(fa) + len(fb)
    df: dict[str, int] = defaultdict(int)
    for f in (*fa, *fb):
        for t in f:
            df[t] += 1
    mean_corpus = sum(idf.values()) / len(idf) if idf else 1.0
    for f in (*fa, *fb):
        for t, tf in f.items():
            w = math.log(1.0 + n / df[t])
            if idf and t in idf and mean_corpus > 0:
                # The corpus knows which words are common in news at large; the pair knows which
                # are common in this story. Both matter, so blend them.
                w = 0.5 * w + 0.5 * w * idf[t] / mean_corpus
            boost = {"@": 1.5, "#": 1.6, "^": 0.5}.get(t[0], 1.0)
            f[t] = tf * w * boost


def _cosines(
    fa: list[dict[str, float]], fb: list[dict[str, float]]
) -> dict[tuple[int, int], float]:
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for j, f in enumerate(fb):
        for t, w in f.items():
            postings[t].append((j, w))
    norm_b = [math.sqrt(sum(w * w for w in f.values())) or 1.0 for f in fb]
    out: dict[tuple[int, int], float] = {}
    for i, f in enumerate(fa):
        acc: dict[int, float] = defaultdict(float)
        shared: dict[int, int] = defaultdict(int)
        for t, w in f.items():
            for j, wb in postings.get(t, ()):
                acc[j] += w * wb
                if t[0] != "^":
                    shared[j] += 1
        na = math.sqrt(sum(w * w for w in f.values())) or 1.0
        for j, dot in acc.items():
            score = min(1.0, dot / (na * norm_b[j]))
            if shared[j] < 2:
                # One shared word ("news" in two one-line sentences) is chance, not a claim.
                score *= 0.5
            out[(i, j)] = score
    return out


def _select(sims: Mapping[tuple[int, int], float]) -> list[tuple[int, int, float]]:
    """Keep pairs that are the best, or close to the best, for at least one of their sentences."""
    best_a: dict[int, float] = defaultdict(float)
    best_b: dict[int, float] = defaultdict(float)
    for (i, j), s in sims.items():
        best_a[i] = max(best_a[i], s)
        best_b[j] = max(best_b[j], s)
    chosen = [
        (i, j, s)
        for (i, j), s in sims.items()
        if s >= RELATED and (s >= 0.8 * best_a[i] or s >= 0.8 * best_b[j])
    ]
    chosen.sort(key=lambda x: -x[2])
    count_a: dict[int, int] = defaultdict(int)
    count_b: dict[int, int] = defaultdict(int)
    kept: list[tuple[int, int, float]] = []
    for i, j, s in chosen:
        if count_a[i] < 3 and count_b[j] < 3:  # a sentence may match a few, never a crowd
            kept.append((i, j, s))
            count_a[i] += 1
            count_b[j] += 1
    return sorted(kept)


def _entities(article: Article, given: Sequence[Entity] | None) -> Sequence[Entity]:
    if given is not None:
        return given
    from index.entities import extract

    found: list[Entity] = list(extract(article.text))
    return found


def compare(
    a: Article,
    b: Article,
    entities_a: Sequence[Entity] | None = None,
    entities_b: Sequence[Entity] | None = None,
    idf: Mapping[str, float] | None = None,
) -> Comparison:
    """Align the claims of two articles and find where they agree, differ and disagree.

    Args:
        a: The first article (left side).
        b: The second article (right side).
        entities_a: Entities of ``a``; extracted with ``index.entities.extract`` when ``None``.
        entities_b: Entities of ``b``; extracted likewise when ``None``.
        idf: Optional corpus idf keyed by Porter stem (``#10000`` for numbers, ``@key`` for
            canonical entities); blended with the idf of the two articles' sentences.

    Returns:
        A frozen ``Comparison`` whose offsets index ``a.text`` and ``b.text``.
    """
    ents_a = list(_entities(a, entities_a))
    ents_b = list(_entities(b, entities_b))
    sa, sb = split_sentences(a.text), split_sentences(b.text)
    caps_a = {w for w, cap in _tokens(a.text) if cap}
    caps_b = {w for w, cap in _tokens(b.text) if cap}
    fold = _proper_map(caps_a, caps_b)
    fa, fb = _features(sa, ents_a, fold), _features(sb, ents_b, fold)
    _weigh(fa, fb, idf)
    sims = _cosines(fa, fb)
    chosen = _select(sims)
    conflicts = _conflicts(sa, sb, sims, chosen, fa, fb)
    conflicted = {(c.a.start, c.b.start) for c in conflicts}

    def passage(s: Sentence) -> Passage:
        return Passage(s.start, s.end, s.text)

    pairs = tuple(
        Pair(
            passage(sa[i]),
            passage(sb[j]),
            "shared" if s >= SHARED and (sa[i].start, sb[j].start) not in conflicted else "related",
            round(s, 4),
        )
        for i, j, s in chosen
    )
    used_a = {i for i, _, _ in chosen}
    used_b = {j for _, j, _ in chosen}
    keys_a = {e.canonical for e in ents_a if e.canonical}
    keys_b = {e.canonical for e in ents_b if e.canonical}
    return Comparison(
        a=a,
        b=b,
        pairs=pairs,
        only_a=tuple(passage(s) for i, s in enumerate(sa) if i not in used_a),
        only_b=tuple(passage(s) for j, s in enumerate(sb) if j not in used_b),
        conflicts=tuple(conflicts),
        shared_entities=tuple(sorted(keys_a & keys_b)),
        only_a_entities=tuple(sorted(keys_a - keys_b)),
        only_b_entities=tuple(sorted(keys_b - keys_a)),
        sources_a=tuple(sources(a.text, ents_a)),
        sources_b=tuple(sources(b.text, ents_b)),
    )


# --- disagreements --------------------------------------------------------------------------------

_MAG = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "billion": 1e9, "bln": 1e9}
_VAGUE = {
    "dozens": (24.0, 99.0),
    "scores": (40.0, 99.0),
    "hundreds": (200.0, 999.0),
    "thousands": (2e3, 9999.0),
    "tens of thousands": (2e4, 99999.0),
    "hundreds of thousands": (2e5, 999999.0),
    "millions": (2e6, 9.99e6),
    "a dozen": (12.0, 12.0),
    "a hundred": (100.0, 100.0),
    "a thousand": (1000.0, 1000.0),
}
_QTY = re.compile(
    r"(?P<mod>\b(?:over|more than|at least|nearly|almost|about|around|roughly|approximately|some|"
    r"up to|fewer than|less than|under)\s+)?[\"“‘']?(?:(?P<num>(?<![\w.,:])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)"
    r"(?:\s*(?P<mag>thousand|million|billion|mln|bln)\b)?(?![\w%:]|\.\d)"
    r"|(?P<vague>\b(?:tens of thousands|hundreds of thousands|dozens|scores|hundreds|thousands|millions|a dozen|a hundred|a thousand)\b))",
    re.IGNORECASE,
)
_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_DATE = re.compile(
    r"\b(?P<m>(?:" + "|".join(_MONTHS) + r"))\s+(?P<d>\d{1,2})\b(?:,?\s+(?P<y>\d{4}))?"
    r"|\b(?P<d2>\d{1,2})\s+(?P<m2>(?:" + "|".join(_MONTHS) + r"))\b(?:\s+(?P<y2>\d{4}))?",
    re.IGNORECASE,
)
# Kinds of counted things: two figures are comparable when their nouns fall in one class.
_CLASSES = {
    "people": _words(
        "soldier troop infantri forc personnel peopl men women fighter servicemen worker "
        "civilian resid person refuge victim casualti die dead death injur wound killed "
        "militari troops marin sailor offic staff member"
    ),
    "distance": frozenset(["kilomet", "km", "mile", "meter", "metr", "feet", "yard"]),
    "area": frozenset(["squar", "hectar", "acr"]),
    "money": frozenset(["dollar", "dlr", "usd", "euro", "pound", "yen", "yuan", "rubl"]),
}
# Figures of these classes measure something (a distance, an area): two of them conflict only
# inside one claim, since a story holds many distances. Counts of people or money are compared
# across the articles.
_MEASURES = frozenset(["distance", "area"])
# A clock time or a duration is not a count.
_NOT_COUNTED = _words("local time gmt utc cet est am pm hour minut second")
# Status cues: a prospective or hedged claim against an actual or confirmed one.
_PROSPECTIVE = re.compile(
    r"\b(?:undergoing training|being trained|in training|training|to be deployed|could (?:\w+ )?be "
    r"deployed|potential deployment|preparing|prepare|plans? to|set to|rumou?red to|expected to|"
    r"will be sent|would be sent|possibility of)\b",
    re.IGNORECASE,
)
_ACTUAL_STRONG = re.compile(
    r"\b(?:ha(?:ve|s) joined|joined the (?:conflict|war|fighting|battle)|fought|fighting alongside|"
    r"engag(?:ed|ing) in (?:combat|battle|fighting|their first)|combat operations|first (?:clash|"
    r"battles?)|clash(?:ed)? with|were killed)\b",
    re.IGNORECASE,
)
_ACTUAL = re.compile(
    r"\b(?:ha(?:ve|s) been (?:sent|deployed)|ha(?:ve|s) sent|arrived|began (?:their|fighting|"
    r"arriving)|begun)\b",
    re.IGNORECASE,
)
_HEDGED = re.compile(
    r"\b(?:rumou?red|reportedly|allegedly|alleged|unconfirmed|unverified|if verified|claims? that|"
    r"could|might|possibly|potentially|suggest(?:s|ed)?|hinted|speculat\w*|unclear|denied)\b",
    re.IGNORECASE,
)
_CONFIRMED = re.compile(
    r"\b(?:confirmed|confirms|verified|officially|acknowledged|announced)\b", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class _Quantity:
    text: str  # the figure as written, with its modifier
    noun: str  # the words after it up to the counted noun
    low: float
    high: float
    kinds: frozenset[str]  # stems of the counted noun, and its class


def _quantities(text: str) -> list[_Quantity]:
    out: list[_Quantity] = []
    for m in _QTY.finditer(text):
        if m.group("num"):
            raw = m.group("num").replace(",", "")
            try:
                v = float(raw)
            except ValueError:
                continue
            before = text[max(0, m.start() - 12) : m.start()].lower()
            if (1900 <= v <= 2100 and "," not in m.group("num")) or any(
                mo in before for mo in _MONTHS
            ):
                continue  # a year or a day of the month, not a count
            v *= _MAG.get((m.group("mag") or "").lower(), 1.0)
            low, high = v * 0.95, v * 1.05
        else:
            low, high = _VAGUE[m.group("vague").lower()]
        mod = (m.group("mod") or "").strip().lower()
        if mod in ("over", "more than", "at least"):
            low, high = max(low, high / 1.05), high * 1.5
        elif mod in ("nearly", "almost", "up to", "fewer than", "less than", "under"):
            low, high = low * 0.8, high / 1.05
        elif mod in ("about", "around", "roughly", "approximately", "some"):
            low, high = low * 0.9, high * 1.1
        tail = re.match(
            r"[\"”’']?\s*(?:of\s+)?((?:[\w’'-]+\s+){0,3}?)([a-z][\w-]*(?:\s+[a-z][\w-]*)?)",
            text[m.end() :],
        )
        if not tail:
            continue
        noun_words = (tail.group(1) + tail.group(2)).split()
        if len(noun_words) > 1 and noun_words[-1] in _STOP:
            noun_words.pop()
        stems = {_stem(w.lower()) for w in noun_words if w.lower() not in _STOP}
        kinds = set(stems) | {c for c, members in _CLASSES.items() if stems & members}
        figure = text[m.start() : m.end()].strip("\"“”‘’' ")
        out.append(_Quantity(figure, " ".join(noun_words), low, high, frozenset(kinds)))
    return out


def _dates(text: str) -> set[str]:
    out = set()
    for m in _DATE.finditer(text):
        month = (m.group("m") or m.group("m2")).lower()
        day = m.group("d") or m.group("d2")
        if month == "may" and not day:
            continue
        out.add(f"{month.capitalize()} {int(day)}")
    return out


def _cues(text: str) -> tuple[str | None, str | None, str | None, str | None]:
    """Prospective, actual, hedged and confirmed cue found in a sentence (or None each)."""
    return (
        _cue(_PROSPECTIVE, text),
        _cue(_ACTUAL_STRONG, text) or _cue(_ACTUAL, text),
        _cue(_HEDGED, text),
        _cue(_CONFIRMED, text),
    )


def _cue(rx: re.Pattern[str], text: str) -> str | None:
    m = rx.search(text)
    return m.group(0) if m else None


def _conflicts(
    sa: Sequence[Sentence],
    sb: Sequence[Sentence],
    sims: Mapping[tuple[int, int], float],
    chosen: Sequence[tuple[int, int, float]],
    fa: Sequence[Mapping[str, float]],
    fb: Sequence[Mapping[str, float]],
) -> list[Conflict]:
    qa = [_quantities(s.text) for s in sa]
    qb = [_quantities(s.text) for s in sb]
    out: list[Conflict] = []
    seen: set[tuple[str, int, int]] = set()

    def add(kind: str, i: int, j: int, detail: str) -> None:
        if (kind, i, j) not in seen:
            seen.add((kind, i, j))
            pa, pb = sa[i], sb[j]
            out.append(
                Conflict(
                    kind,
                    Passage(pa.start, pa.end, pa.text),
                    Passage(pb.start, pb.end, pb.text),
                    detail,
                )
            )

    candidates = sorted(((s, i, j) for (i, j), s in sims.items() if s >= _CANDIDATE), reverse=True)

    # Figures: each figure is checked against the comparable figure of the other article in the
    # closest sentence; a figure that agrees with its closest counterpart is not a conflict.
    def figures(qx: list[list[_Quantity]], qy: list[list[_Quantity]], flip: bool) -> None:
        for i, quantities in enumerate(qx):
            for q1 in quantities:
                best: tuple[bool, float, int, _Quantity] | None = None
                for j, others in enumerate(qy):
                    sim = sims.get((j, i) if flip else (i, j), 0.0)
                    for q2 in others:
                        common = q1.kinds & q2.kinds
                        if not common or sim <= 0.0 or (q1.kinds | q2.kinds) & _NOT_COUNTED:
                            continue
                        if common & _MEASURES and sim < SHARED:
                            continue
                        key = (bool(common - set(_CLASSES)), sim, j, q2)
                        if best is None or key[:2] > best[:2]:
                            best = key
                if best is None or not (q1.high < best[3].low or best[3].high < q1.low):
                    continue
                q2, j = best[3], best[2]
                if not best[0] and any(
                    x.kinds & y.kinds and not (x.high < y.low or y.high < x.low)
                    for x in quantities
                    for y in qy[j]
                ):
                    continue  # "126 men" of a crew the other side counts as "a dozen" crew members
                if flip:
                    add(
                        "figure",
                        j,
                        i,
                        f"A says '{q2.text}' {q2.noun}; B says '{q1.text}' {q1.noun}",
                    )
                else:
                    add(
                        "figure",
                        i,
                        j,
                        f"A says '{q1.text}' {q1.noun}; B says '{q2.text}' {q2.noun}",
                    )

    figures(qa, qb, False)
    figures(qb, qa, True)
    # Status and certainty: only between sentences about the same thing.
    status_a: set[int] = set()
    status_b: set[int] = set()
    # Cues are looked up once per sentence: candidate pairs are many, sentences few.
    cues_a = [_cues(x.text) for x in sa]
    cues_b = [_cues(x.text) for x in sb]
    people_a = [_people(f) for f in fa]
    people_b = [_people(f) for f in fb]
    for s, i, j in candidates:
        if i in status_a or j in status_b:
            continue
        if not (s >= RELATED or (people_a[i] and people_b[j])):
            continue
        pa, aa, ha, ca = cues_a[i]
        pb, ab, hb, cb = cues_b[j]
        if not (pa or aa or ha or ca) or not (pb or ab or hb or cb):
            continue
        if pa and not aa and ab and not pb:
            add("status", i, j, f"A says it is prospective ('{pa}'); B says it happened ('{ab}')")
        elif pb and not ab and aa and not pa:
            add("status", i, j, f"A says it happened ('{aa}'); B says it is prospective ('{pb}')")
        else:
            if s < RELATED:
                continue
            if ha and not ca and cb and not hb:
                add("certainty", i, j, f"A hedges ('{ha}'); B states it as confirmed ('{cb}')")
            elif hb and not cb and ca and not ha:
                add("certainty", i, j, f"A states it as confirmed ('{ca}'); B hedges ('{hb}')")
            else:
                continue
        status_a.add(i)
        status_b.add(j)
    # Dates and attribution: only inside aligned pairs, where both speak of the same event.
    names_a: dict[int, set[str]] = {}
    names_b: dict[int, set[str]] = {}
    for i, j, s in chosen:
        da, db = _dates(sa[i].text), _dates(sb[j].text)
        if s >= RELATED and da and db and not da & db:
            add(
                "date",
                i,
                j,
                f"A dates it {', '.join(sorted(da))}; B dates it {', '.join(sorted(db))}",
            )
        same_figure = any(t[0] == "#" and t in fb[j] for t in fa[i])
        if s >= SHARED or (same_figure and s >= RELATED):
            if i not in names_a:
                names_a[i] = {x.name for x in _sentence_sources(sa[i].text, 0, len(sa[i].text))}
            if j not in names_b:
                names_b[j] = {x.name for x in _sentence_sources(sb[j].text, 0, len(sb[j].text))}
            na, nb = names_a[i], names_b[j]
            if na and nb and not _same_names(na, nb):
                add(
                    "attribution",
                    i,
                    j,
                    f"A credits {', '.join(sorted(na))}; B credits {', '.join(sorted(nb))}",
                )
    return out


def _people(f: Mapping[str, float]) -> bool:
    return any(t in _CLASSES["people"] for t in f)


def _same_names(na: set[str], nb: set[str]) -> bool:
    return any(
        Indel.normalized_similarity(x.split()[-1].lower(), y.split()[-1].lower()) >= 0.85
        for x in na
        for y in nb
    )


# --- sources ---------------------------------------------------------------------------------------

_VERBS = (
    "said|says|say|stated|states|told|tells|noted|notes|added|commented|emphasized|emphasised|"
    "disclosed|announced|reported|reports|wrote|claimed|claims|analyzed|analysed|suggested|warned|"
    "explained|confirmed|insisted|argued|revealed|cited|quoted"
)
_ATTRIB = re.compile(
    r"\b(?:according to|citing|cited by|quoted by|(?:a |the )?reports? (?:from|by|in)|told|(?:"
    + _VERBS
    + r")(?: to)?)\s+",
    re.IGNORECASE,
)
_BEFORE_VERB = re.compile(
    r"((?:[A-Z][\w’'.-]*\s+){1,5})(?:has |have |had )?(?:"
    + _VERBS.replace("reports|", "").replace("claims|", "")
    + r")\b"
)
_GAP = re.compile(
    r"(?:(?:to|the|a|an|[A-Z][\w’'.-]*|spokes\w+|official|minister|secretary|president|analyst|"
    r"director|chief|ambassador|envoy|correspondent|reporter)\s+)*"
)
_RUN = re.compile(r"(?:(?:[Tt]he\s+)?[A-Z][\w’'.-]*)(?:\s+(?:of\s+|for\s+)?[A-Z][\w’'.-]*)*")
# Words that may follow a name; any other lower-case word makes the capitalised word an adjective
# ("Ukrainian officials", "U.S. State Department spokesperson").
_AFTER_NAME = _words(
    "to at on in and that said says stated who which as of the a an it he she they this his her "
    "their was is were had has have would will last earlier by for with from"
)
_TITLE_WORDS = _words(
    "president prime minister secretary spokesman spokeswoman spokesperson gen general "
    "col colonel lt mr mrs ms dr sen senator rep gov governor chief director minister "
    "ambassador officer official deputy king queen pope chancellor mayor judge"
)
_NOT_NAMES = _words(
    "he she they it we i you this that these those there a an the his her their its our but and however meanwhile on in "
    + " ".join(_MONTHS)
    + " monday tuesday wednesday thursday friday saturday sunday"
)


def _clean(run: str) -> str | None:
    words = run.strip().rstrip(".,").split()
    while words and (
        words[0].lower() in _NOT_NAMES or words[0].lower().rstrip(".") in _TITLE_WORDS
    ):
        words = words[1:]
    # Drop a leading demonym or office before a title ("Ukrainian President X", "U.S. State ...").
    for k in range(len(words) - 1, 0, -1):
        if words[k].lower() in _TITLE_WORDS:
            words = words[k + 1 :]
            break
    if not words or all(w.lower().rstrip(".") in _NOT_NAMES for w in words):
        return None
    if len(words) == 1 and ("." in words[0] or words[0].isupper() and len(words[0]) <= 3):
        return None  # "U.S.", "UN": a place or body named as an adjective, not who said it
    if words[0].lower() in _NOT_NAMES:
        return None
    return " ".join(words)


def sources(text: str, entities: Sequence[Entity] = ()) -> list[Source]:
    """Who a text cites: names after "according to", "citing", "told", "a report from", and names
    right before or after a reporting verb ("Savett stated", "stated ... spokesperson Vedant Patel").

    Args:
        text: Plain article text.
        entities: Entities of ``text``; a PERSON or ORG entity overlapping a found name replaces it,
            so that the entity recogniser's spelling wins.

    Returns:
        Sources in order of first mention, one per name; a bare surname folds into the full name.
    """
    found: list[Source] = []
    for sent in split_sentences(text):
        found.extend(_sentence_sources(text, sent.start, sent.end))
    found.sort(key=lambda s: s.start)
    spans = [(e.start, e.end, e.text) for e in entities if e.label in ("PERSON", "ORG")]
    out: list[Source] = []
    for s in found:
        for st, en, et in spans:
            if st < s.end and s.start < en:
                s = Source(et, st, en)
                break
        if any(_same_person(o.name, s.name) for o in out):
            continue
        out = [o for o in out if not _same_person(s.name, o.name)]
        out.append(s)
    return sorted(out, key=lambda s: s.start)


def _sentence_sources(text: str, start: int, end: int) -> list[Source]:
    found: list[Source] = []
    for m in _ATTRIB.finditer(text, start, end):
        window = text[m.end() : min(end, m.end() + 90)]
        for r in _RUN.finditer(window):
            if not _GAP.fullmatch(window[: r.start()]):
                break  # the name must follow the cue, possibly after an office or a title
            after = window[r.end() : r.end() + 20]
            nxt = re.match(r"\s+([a-z]+)", after)
            if nxt and nxt.group(1) not in _AFTER_NAME:
                continue  # an adjective such as "Ukrainian officials", or an office before a name
            name = _clean(r.group(0))
            if name:
                found.append(Source(name, m.end() + r.start(), m.end() + r.end()))
                if not re.search(r"\bto\s*$", window[r.end() : r.end() + 4]):
                    break
    for m in _BEFORE_VERB.finditer(text, start, end):
        if re.search(r"\b(?:and|from|of|with|in|by|for|between)\s*$", text[start : m.start()]):
            continue  # "officials from ... South Korea have noted": the place is not the speaker
        name = _clean(m.group(1))
        if name:
            found.append(Source(name, m.start(1), m.start(1) + len(m.group(1).rstrip())))
    return found


def _same_person(full: str, part: str) -> bool:
    """True when ``part`` is ``full`` or a trailing part of it ("Savett" of "Sean Savett")."""
    f, p = full.lower().split(), part.lower().split()
    return len(p) <= len(f) and f[-len(p) :] == p


# --- renderers (they live in index.report; re-exported here for callers of compare) -----------------


def comparison_to_json(c: Comparison) -> dict[str, object]:
    """Plain JSON-ready dict of a comparison; see ``index.report.comparison_to_json``."""
    from index.report import comparison_to_json as render

    return render(c)


def comparison_to_markdown(c: Comparison) -> str:
    """A brief to paste; see ``index.report.comparison_to_markdown``."""
    from index.report import comparison_to_markdown as render

    return render(c)


def comparison_to_text(c: Comparison, width: int = 100) -> str:
    """Side-by-side plain text; see ``index.report.comparison_to_text``."""
    from index.report import comparison_to_text as render

    return render(c, width)
