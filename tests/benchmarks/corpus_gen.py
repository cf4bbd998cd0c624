"""Deterministic synthetic news corpus for benchmarks (index, search, related reports, stories).

Each story is an event of some kind (an earthquake, an election, a merger, a trial...) with its own
people, place, organisation, date, figures and a quote; it is told by 1-6 reports from different
outlets, published over a few days, each with its own wording: a different headline template,
synonyms, a subset of the facts in a different order, and background sentences that name other
people and places (so entities are shared across stories too, as in real news). Stories of the same
kind share vocabulary, which makes them hard negatives for related-report detection.

Usage::

    from corpus_gen import generate, write_corpus
    for doc in generate(1000, seed=0):   # dicts: id, title, date, source, story, text
        ...
    write_corpus("corpus.jsonl", 10_000)

or ``python tests/benchmarks/corpus_gen.py OUT.jsonl N [--seed S] [--words W]``.
The same ``(n, seed, words)`` always gives the same corpus (about 3,000 articles a second on one core).
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

FIRST = [
    "James",
    "Maria",
    "Ahmed",
    "Olga",
    "Kenji",
    "Fatima",
    "Pierre",
    "Anna",
    "Carlos",
    "Mei",
    "Ivan",
    "Grace",
    "Omar",
    "Sofia",
    "David",
    "Aisha",
    "Lukas",
    "Elena",
    "Tomasz",
    "Priya",
    "Samuel",
    "Ingrid",
    "Rafael",
    "Yuki",
    "Daniel",
    "Leila",
    "Henrik",
    "Chloe",
    "Mateo",
    "Nadia",
    "Viktor",
    "Amara",
    "Jonas",
    "Clara",
    "Kwame",
    "Hana",
    "Felix",
    "Rosa",
    "Arjun",
    "Zofia",
    "Marcus",
    "Imani",
    "Oskar",
    "Lucia",
    "Tariq",
    "Freya",
]
LAST = [
    "Okafor",
    "Lindqvist",
    "Moreau",
    "Tanaka",
    "Haddad",
    "Kowalski",
    "Ferreira",
    "Novak",
    "Brennan",
    "Castillo",
    "Petrov",
    "Nakamura",
    "Abebe",
    "Fischer",
    "Rossi",
    "Mensah",
    "Jansen",
    "Duarte",
    "Kaplan",
    "Sorensen",
    "Varga",
    "Osei",
    "Quintero",
    "Halvorsen",
    "Demir",
    "Whitfield",
    "Bakker",
    "Romano",
    "Achterberg",
    "Nilsen",
    "Szabo",
    "Adeyemi",
    "Carvalho",
    "Lemaire",
    "Yilmaz",
    "Draper",
    "Esposito",
    "Grunwald",
    "Ibarra",
    "Kirkland",
    "Lacroix",
    "Mbeki",
    "Navarro",
    "Oyelaran",
    "Pichler",
    "Reyes",
    "Tamura",
    "Ulrich",
    "Vance",
]
PLACES = [
    "Northfield",
    "Port",
    "Aldan",
    "Carrow",
    "Vellmar",
    "Ostrava",
    "Brightwater",
    "Kessling",
    "Marundi",
    "Tavira",
    "Lowen",
    "Sandmere",
    "Old",
    "Harbor",
    "Redcliff",
    "Estoril",
    "Qaran",
    "Belmont",
    "Harwick",
    "Dunmore",
    "Caldera",
    "Fenwick",
    "Isola",
    "Jarrah",
    "Kilbride",
    "Montero",
    "Norrland",
    "Pinecrest",
    "Ravensburg",
    "Silvaneo",
    "Tollund",
    "Umberfield",
    "Valdora",
    "Westmarch",
    "Yarrow",
    "Zelen",
    "Ashford",
    "Brookhaven",
    "Corvala",
    "Dresmoor",
    "Elstow",
]
ORG_HEADS = [
    "Bank",
    "Group",
    "Holdings",
    "Airlines",
    "Energy",
    "Motors",
    "Telecom",
    "University",
    "Hospital",
    "Council",
    "Agency",
    "Ministry",
]
OUTLETS = [
    "Daily Ledger",
    "Morning Post",
    "Evening Courier",
    "Harbor Times",
    "Global Wire",
    "Metro Herald",
    "Weekly Sentinel",
    "National Observer",
    "City Gazette",
    "Coastal Tribune",
    "Valley News",
    "World Dispatch",
]
ROLES = [
    "spokesperson",
    "mayor",
    "chief executive",
    "minister",
    "police chief",
    "analyst",
    "professor",
    "union leader",
    "judge",
    "prosecutor",
    "coach",
    "director",
]

# Event kinds: headline templates, fact sentences and the kind's own vocabulary. {p} person, {q}
# second person, {o} organisation, {l} place, {n} number, {m} money, {d} date phrase.
KINDS: dict[str, dict[str, list[str]]] = {
    "quake": {
        "title": [
            "Earthquake strikes {l}, {n} dead",
            "{n} killed as quake hits {l}",
            "Strong tremor shakes {l}",
        ],
        "facts": [
            "A magnitude {mag} earthquake {struck} {l} on {d}, killing at least {n} people.",
            "Rescue teams {searched} collapsed buildings in {l} through the night.",
            "{p}, the {role} of {l}, {said} that {n} people were still missing.",
            "The epicentre lay {k} kilometres north of {l} at a depth of {k2} kilometres.",
            "{o} pledged {m} in emergency aid for survivors of the {l} quake.",
            "Aftershocks continued to rattle {l} and nearby villages on {d}.",
        ],
        "vocab": ["rubble", "aftershock", "seismic", "collapsed", "rescue", "tremor", "shelter"],
    },
    "election": {
        "title": ["{p} wins {l} election", "Voters in {l} back {p}", "{p} claims victory in {l}"],
        "facts": [
            "{p} won the {l} election on {d} with {pct} percent of the vote.",
            "Turnout in {l} reached {pct} percent, officials {said}.",
            "Rival candidate {q} conceded defeat late on {d}.",
            "{o} monitors reported {n} complaints about polling stations in {l}.",
            "{p} promised to cut taxes and spend {m} on roads and schools.",
            "The result gives {p} a majority of {n} seats in the {l} assembly.",
        ],
        "vocab": ["ballot", "turnout", "candidate", "campaign", "polling", "vote", "coalition"],
    },
    "merger": {
        "title": [
            "{o} to buy {o2} for {m}",
            "{o} agrees {m} deal for {o2}",
            "{o2} accepts {o} takeover bid",
        ],
        "facts": [
            "{o} agreed on {d} to acquire {o2} for {m} in cash and shares.",
            "{p}, chief executive of {o}, {said} the deal would create {n} jobs in {l}.",
            "Shares of {o2} rose {pct} percent after the announcement.",
            "Regulators in {l} must still approve the {o} takeover.",
            "{q}, an analyst, {said} {o} was paying a premium of {pct} percent.",
            "The combined company will be based in {l} and employ {n} people.",
        ],
        "vocab": ["acquisition", "shareholders", "takeover", "premium", "regulators", "merger"],
    },
    "trial": {
        "title": [
            "{p} found guilty in {l} court",
            "Jury convicts {p}",
            "{p} sentenced to {k} years",
        ],
        "facts": [
            "A jury in {l} found {p} guilty on {d} of fraud involving {m}.",
            "Judge {q} sentenced {p} to {k} years in prison.",
            "Prosecutors {said} {p} had diverted funds from {o} over {k2} years.",
            "{p}'s lawyer {said} the verdict would be appealed.",
            "The trial in {l} heard from {n} witnesses over six weeks.",
            "{o} {said} it welcomed the verdict and would seek to recover {m}.",
        ],
        "vocab": ["verdict", "jury", "prosecutors", "sentenced", "appeal", "courtroom", "fraud"],
    },
    "fire": {
        "title": [
            "Fire destroys {o} warehouse in {l}",
            "Blaze in {l} forces {n} to flee",
            "Firefighters battle {l} blaze",
        ],
        "facts": [
            "A fire broke out at a {o} warehouse in {l} on {d}.",
            "About {n} residents were evacuated as smoke covered {l}.",
            "Fire chief {p} {said} {k} crews fought the blaze for {k2} hours.",
            "Damage was estimated at {m}, according to {o}.",
            "Investigators have not yet determined what caused the {l} fire.",
            "{q}, who lives nearby, {said} the flames were visible for miles.",
        ],
        "vocab": ["blaze", "firefighters", "smoke", "evacuated", "flames", "arson", "warehouse"],
    },
    "strike": {
        "title": [
            "Workers at {o} walk out",
            "Strike halts {o} in {l}",
            "{o} staff strike over pay",
        ],
        "facts": [
            "Thousands of workers at {o} in {l} went on strike on {d} over pay.",
            "Union leader {p} {said} members wanted a raise of {pct} percent.",
            "{o} {said} the strike was costing {m} a day.",
            "Talks between {o} and the union broke down after {k} hours.",
            "Minister {q} urged both sides to return to negotiations.",
            "The walkout affected {n} customers across {l}.",
        ],
        "vocab": ["union", "walkout", "wages", "negotiations", "picket", "strike", "bargaining"],
    },
    "transfer": {
        "title": ["{p} joins {o} for {m}", "{o} signs {p}", "{p} completes move to {o}"],
        "facts": [
            "{o} signed striker {p} on {d} for a fee of {m}.",
            "{p} scored {n} goals for {o2} last season.",
            "Coach {q} {said} {p} would make the team stronger.",
            "The {k}-year contract makes {p} the highest paid player at {o}.",
            "Fans gathered outside the {o} stadium in {l} to welcome {p}.",
            "{o2} {said} it had rejected two earlier offers for {p}.",
        ],
        "vocab": ["striker", "contract", "fee", "season", "stadium", "transfer", "goals"],
    },
    "flood": {
        "title": [
            "Floods swamp {l}",
            "Heavy rain floods {l}, {n} displaced",
            "{l} hit by worst floods in decades",
        ],
        "facts": [
            "Heavy rain flooded large parts of {l} on {d}, displacing {n} people.",
            "The river in {l} rose {k} metres above its normal level.",
            "{p}, the {role} of {l}, declared a state of emergency.",
            "{o} {said} it would release {m} for flood relief.",
            "Forecasters warned more rain would fall on {l} over {k2} days.",
            "{q} {said} the water reached the first floor of her house.",
        ],
        "vocab": ["flooding", "river", "rainfall", "displaced", "levee", "emergency", "sandbags"],
    },
}
SAID = ["said", "told reporters", "stated", "announced", "confirmed", "explained"]
STRUCK = ["struck", "hit", "shook", "rocked"]
SEARCHED = ["searched", "combed", "dug through"]
QUOTES = [
    "We are doing everything we can",
    "This is a difficult day for everyone involved",
    "Nobody expected this to happen so quickly",
    "We will not give up until the work is done",
    "The decision reflects what people asked for",
    "It is too early to say what comes next",
    "Our priority is the safety of the people",
    "We have waited a long time for this moment",
]
BACKGROUND = [
    "Earlier this year {p} visited {l} to meet local leaders.",
    "{o} has operated in {l} for more than {k} decades.",
    "Critics including {p} have questioned the plans for {l}.",
    "The region around {l} has a population of about {n} people.",
    "Last year {o} reported profits of {m}.",
    "Observers in {l} {said} the situation remained uncertain.",
]
_SYLLABLES = [
    "ka",
    "ri",
    "to",
    "mel",
    "an",
    "sor",
    "vi",
    "den",
    "lu",
    "pa",
    "tem",
    "or",
    "gis",
    "na",
    "bel",
    "cor",
    "fa",
    "sen",
    "di",
    "mo",
    "ret",
    "ul",
    "ha",
    "zen",
]


def _filler_vocab(rng: random.Random, size: int = 6000) -> tuple[list[str], list[float]]:
    # Pseudo-words with Zipf-like frequencies stand in for the long tail of ordinary prose.
    words: list[str] = []
    seen: set[str] = set()
    while len(words) < size:
        w = "".join(rng.choice(_SYLLABLES) for _ in range(rng.choice((2, 2, 3, 3, 4))))
        if w not in seen:
            seen.add(w)
            words.append(w)
    cum = list(itertools.accumulate(1.0 / (r + 10) for r in range(size)))
    return words, cum


def _phrases(rng: random.Random, count: int = 40_000) -> list[str]:
    # Three-word phrases drawn once and reused: drawing sentences phrase by phrase is several times
    # faster than word by word, and word frequencies stay Zipf-like.
    vocab, cum = _filler_vocab(rng)
    return [" ".join(rng.choices(vocab, cum_weights=cum, k=3)) for _ in range(count)]


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _org(rng: random.Random) -> str:
    return f"{rng.choice(PLACES)} {rng.choice(ORG_HEADS)}"


def _story(rng: random.Random, n: int, base: dt.date) -> dict[str, str | int | list[str]]:
    day = base + dt.timedelta(days=rng.randrange(0, 3 * 365))
    kind = rng.choice(sorted(KINDS))
    return {
        "kind": kind,
        "p": _person(rng),
        "q": _person(rng),
        "o": _org(rng),
        "o2": _org(rng),
        "l": rng.choice(PLACES),
        "n": f"{rng.randrange(3, 9000):,}",
        "m": f"${rng.randrange(2, 900)} million",
        "k": str(rng.randrange(2, 40)),
        "k2": str(rng.randrange(2, 60)),
        "pct": str(rng.randrange(3, 80)),
        "mag": f"{rng.randrange(50, 85) / 10:.1f}",
        "role": rng.choice(ROLES),
        "day": day.toordinal(),
        "quote": rng.choice(QUOTES),
        "n_reports": rng.choices((1, 2, 3, 4, 5, 6), weights=(30, 22, 18, 13, 10, 7))[0],
        "sid": f"s{n:06d}",
    }


def _fill(template: str, facts: dict[str, str], rng: random.Random) -> str:
    return template.format(
        said=rng.choice(SAID), struck=rng.choice(STRUCK), searched=rng.choice(SEARCHED), **facts
    )


def generate(n: int, seed: int = 0, words: int = 500) -> Iterator[dict[str, str]]:
    """Yield ``n`` synthetic articles as jsonl-style dicts.

    Args:
        n: Number of articles.
        seed: Random seed; the same arguments always give the same articles.
        words: Approximate length of an article in words.

    Yields:
        Dicts with ``id``, ``title``, ``date`` (ISO), ``source``, ``story`` and ``text``.
    """
    rng = random.Random(seed)
    phrases = _phrases(random.Random(seed + 7919))
    base = dt.date(2021, 1, 1)
    made = 0
    story_no = 0
    while made < n:
        st = _story(rng, story_no, base)
        story_no += 1
        kind = KINDS[str(st["kind"])]
        day_ord = int(st["day"])  # type: ignore[arg-type]
        outlets = rng.sample(OUTLETS, min(len(OUTLETS), int(st["n_reports"])))  # type: ignore[arg-type]
        for outlet in outlets:
            if made >= n:
                break
            pub = dt.date.fromordinal(day_ord + rng.choice((0, 0, 1, 1, 2, 3)))
            facts = {k: str(v) for k, v in st.items()}
            facts["d"] = rng.choice(
                (pub.strftime("%A"), pub.strftime("%B %d"), pub.strftime("%d %B %Y"))
            )
            title = _fill(rng.choice(kind["title"]), facts, rng)
            sentences: list[str] = []
            # The lead (what happened) comes first; each report picks and orders the other facts.
            rest = kind["facts"][1:]
            fact_lines = [kind["facts"][0], *rng.sample(rest, rng.randrange(2, len(rest) + 1))]
            for line in fact_lines:
                sentences.append(_fill(line, facts, rng))
            who = st["p"] if rng.random() < 0.6 else st["q"]
            sentences.insert(rng.randrange(1, len(sentences) + 1), f'"{st["quote"]}," {who} said.')
            length = sum(len(s.split()) for s in sentences)
            while length < words:
                if rng.random() < 0.25:
                    other = {
                        "p": _person(rng),
                        "l": rng.choice(PLACES),
                        "o": _org(rng),
                        "k": str(rng.randrange(2, 9)),
                        "n": f"{rng.randrange(1000, 900000):,}",
                        "m": f"${rng.randrange(2, 900)} million",
                    }
                    s = _fill(rng.choice(BACKGROUND), other, rng)
                else:
                    m = rng.randrange(3, 7)
                    body = rng.choices(phrases, k=m)
                    if rng.random() < 0.5:
                        body[rng.randrange(m)] = rng.choice(kind["vocab"])
                    s = " ".join(body).capitalize() + "."
                sentences.append(s)
                length += len(s.split())
            paragraphs = [" ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4)]
            yield {
                "id": f"syn{seed}-{made:07d}",
                "title": title,
                "date": pub.isoformat(),
                "source": outlet,
                "story": str(st["sid"]),
                "text": "\n\n".join(paragraphs),
            }
            made += 1


def write_corpus(path: str | Path, n: int, seed: int = 0, words: int = 500) -> Path:
    """Write ``generate(n, seed, words)`` to a ``.jsonl`` file and return its path."""
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as fh:
        fh.writelines(
            json.dumps(doc, ensure_ascii=False) + "\n"
            for doc in generate(n, seed=seed, words=words)
        )
    return out


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: write a corpus."""
    parser = argparse.ArgumentParser(description="Write a synthetic news corpus (jsonl).")
    parser.add_argument("out", type=Path)
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--words", type=int, default=500)
    args = parser.parse_args(argv)
    write_corpus(args.out, args.n, args.seed, args.words)
    return 0


if __name__ == "__main__":
    sys.exit(main())
