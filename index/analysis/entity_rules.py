"""Classification rules of the entity recogniser: the context that makes a run a person, a firm or a place.

Word lists (determiners, time zones, firm endings) and the small predicates
:class:`~index.analysis.recognizer.RuleRecognizer` asks about a run of tokens: gazetteer windows,
organisation heads, titles, bracketed acronyms, sentence starts, and where a run splits into names.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from functools import lru_cache

from index.analysis.entity_spans import ACRO_RE, POSS_RE, TIME_ZONES, Tok
from index.analysis.gazetteer import Gazetteer, key_of
from index.analysis.lexicon import (
    COMPASS_WORDS,
    CONNECTORS,
    EVENT_HEADS,
    EVENT_PREFIXES,
    FUNCTION_WORDS,
    LABEL_NOUNS,
    MONTHS,
    ORDINALS,
    ORG_HEADS,
    PLACE_HEADS,
    PLACE_PREFIXES,
    TITLES,
)
from index.pattern_cache import compiled

_DETERMINERS = frozenset("a an her his their its my our your one".split())
NOT_ORGS = frozenset(
    # Newswire boilerplate written in capitals: sign-offs, desk notes, slugs; and time zones.
    "REUTER NOTE NOTES UPDATE UPDATES CORRECTED CORRECTS URGENT FLASH BULLETIN MORE ADDS REPEAT "
    "RPT TBA TBD FYI AM PM".split()
    + TIME_ZONES
)
"""All-capital words that look like acronyms and are never organisations."""
BODY_ACRONYMS = frozenset(
    "OPEC NATO UNESCO UNICEF UNCTAD ASEAN GATT COMECON EFTA NASA FIFA UEFA".split()
)
"""Acronyms of known bodies that newswires also write as words in title case ("Opec", "Nato": Reuters
and the Guardian): that word is the body. Only these: a capitalised word is no acronym by its case."""


_ROMAN = compiled(r"X{0,3}(?:IX|IV|V?I{0,3})")


def roman_numeral(word: str) -> bool:
    """True for a Roman numeral from II to XXXIX ("intensity IV", "World War II", "Louis XIV"):
    written in capitals, it is no organisation's acronym."""
    return len(word) > 1 and _ROMAN.fullmatch(word) is not None


def common_acronym(text: str, pos: int, word: str) -> bool:
    """An acronym used as a common noun: "her SUV", "certificate of deposit (CD)"."""
    before = text[max(0, pos - 60) : pos]
    prev = before.split()[-1].lower() if before.split() else ""
    nxt = re.match(r"\W*([a-z]*)", text[pos + len(word) : pos + len(word) + 20])
    if prev in _DETERMINERS and (not nxt or not nxt.group(1) or nxt.group(1) in FUNCTION_WORDS):
        return True  # "her SUV." is a thing; "a UN resolution" still names the UN
    if before.endswith("("):
        words = [
            w for w in re.findall(r"[A-Za-z]+", before) if w.lower() not in {"of", "and", "the"}
        ]
        letters = word.replace(".", "")
        initials = "".join(w[0] for w in words[-len(letters) :])
        return initials.lower() == letters.lower() and initials.islower()
    return False


def org_head_follows(toks: list[Tok], i: int) -> bool:
    """Whether the title word at ``i`` opens an organisation's name: "Finance Ministry", "Justice
    Department", "General Motors Corp" (an organisation head before any other title or possessive)."""
    for k in range(i + 1, min(len(toks), i + 4)):
        t = toks[k]
        if t.conn or not t.text or is_title(t) or t.gaz is not None:
            return False
        if t.low.rstrip(".") in ORG_HEADS or t.low.rstrip(".'’s") in ORG_HEADS:
            return True
        if t.poss:
            return False
    return False


_FIRM_ENDS = frozenset(
    "co corp corporation company inc ltd llc plc ag sa nv gmbh bancorp commission board "
    "associates".split()
)
"""Words that close a firm's name: "Ranger Oil Co and Ranger Inc" are two firms, while "Nippon
Telegraph and Telephone Corp" and "National Bank and Trust Co" are one; so are "Len M. House and
Associates" and "United Rehabilitation Inc"."""
_ON_HEADS = frozenset(
    "panel committee commission conference council centre center force board court convention "
    "subcommittee task".split()
)


PARTICLES = frozenset("de del da di do dos das du la le van von der bin al".split())
"""Lowercase words inside a personal or place name: "Charles de Gaulle", "Ludwig van Beethoven",
"Jean de la Fontaine", "Osama bin Laden" (cut there, "Charles de Gaulle Airport" was the place
"Gaulle Airport" and "Ludwig van Beethoven" the lone "Beethoven")."""


def _particle_ok(toks: list[Tok], i: int, pieces: list[list[Tok]]) -> bool:
    """Whether the particle at ``i`` joins the names either side of it: a name word (no title,
    no possessive) or a particle kept before it, a name word after it (another particle between:
    "de la"). After a title it cuts: "President de Gaulle" is the title, then the name."""
    if i == 0 or not pieces[-1]:
        return False
    prev = toks[i - 1]
    if pieces[-1][-1] is not prev or not prev.text or prev.poss:
        return False
    if prev.conn:
        if prev.low not in PARTICLES:
            return False
    elif is_title(prev) or prev.low in FUNCTION_WORDS:
        return False
    j = i + 1
    if j < len(toks) and toks[j].conn and toks[j].low in PARTICLES and toks[j].low != toks[i].low:
        j += 1  # "de la", "van der"
    if j >= len(toks) or toks[j].conn or not toks[j].text:
        return False
    if toks[j].low in FUNCTION_WORDS or toks[j].gaz is not None:
        return False  # "Banque Nationale de Paris": the bank's name ends before the place
    # A person's particle comes before the surname alone, and the name holds four words at most
    # (the recognizer's limit): "Chemins de Fer Francaise", "Servicio de Cooperación Técnica"
    # are firms, "Luiz Inácio Lula da Silva" and "Servicio Sismológico de la Universidad" are
    # cut as before. A place's or firm's head may follow: "Charles de Gaulle (International)
    # Airport".
    after = []
    for x in toks[j:]:
        if x.conn or not x.text or is_title(x):
            break
        after.append(x)
    if len(after) > 1:
        return after[-1].low.rstrip(".") in ORG_HEADS | PLACE_HEADS
    return len(pieces[-1]) + (j - i) + 1 <= 4


def _on_ok(prev: Tok, rest: list[Tok]) -> bool:
    """ "on" inside a name only after a body that is "on" something: "Panel on Climate Change",
    "Committee on Foreign Relations"; never "Ausimont NV on May Six"."""
    return prev.low in _ON_HEADS and bool(rest) and rest[0].low.rstrip(".") not in MONTHS


def _firm_tail(rest: list[Tok]) -> bool:
    """Whether the words after an "and" end a firm's name: "(Procter and) Gamble Co", "(Morgan
    Stanley and) Co Inc"; not "(Delamuraz and) National Bank President Pierre Languetin"."""
    for j, x in enumerate(rest[:3]):
        if is_title(x):
            return False  # "Howe and Governor of the Bank of England Robin Leigh-Pemberton"
        if x.low.rstrip(".") in ORG_HEADS:
            return j + 1 == len(rest) or not is_title(rest[j + 1])
    return False


def in_brackets(text: str, pos: int) -> bool:
    """A name opening an angle-bracketed span on its line: newswire marks companies so ("<Airbus
    Industrie>"; the callers leave out capitals, which are stock codes: "<SKBS ST>", "<C>")."""
    if text[pos - 1 : pos] != "<":
        return False
    close = text.find(">", pos)
    return close > 0 and "\n\n" not in text[pos:close] and close - pos <= 80


def gazetteer_windows(toks: list[Tok], i: int, n: int, gz: Gazetteer) -> list[tuple[int, str]]:
    """The gazetteer keys that the words from ``toks[i]`` on spell, shortest first: (words, key).

    A window's key is what :func:`key_of` makes of its words joined by spaces, the last one without
    its possessive; that is the words' own keys joined (a leading "the" dropped), so each word is
    folded once and the walk stops as soon as the words so far begin no key (``gz.prefixes``),
    instead of building and looking up every window up to ``gz.max_words`` words.
    """
    out: list[tuple[int, str]] = []
    head = ""
    for length in range(1, min(n - i, gz.max_words) + 1):
        x = toks[i + length - 1]
        if not x.text:
            break  # a date or a line break inside: no longer window holds a name
        word = key_of(x.text)
        if not x.conn:
            last = key_of(strip_poss(x.text)) if x.poss else word
            key = f"{head} {last}" if head else last
            if key in gz.places or key in gz.groups:
                out.append((length, key))
        if length == 1 and word == "the":
            continue  # key_of drops a leading "the": "THE GAMBIA" is "gambia"
        head = f"{head} {word}" if head else word
        if head not in gz.prefixes:
            break
    return out


def in_caps_line(caps: list[tuple[int, int]], pos: int) -> bool:
    """Whether ``pos`` lies in one of ``caps``, sorted disjoint spans (:func:`caps_lines`).

    A binary search: the scan of every span, asked of every word, was quadratic in a long text's
    length (a 2 MB file of Reuters stories, one headline each, spent 20 of 23 s profiled here).
    """
    i = bisect_right(caps, (pos, sys.maxsize)) - 1
    return i >= 0 and caps[i][0] <= pos < caps[i][1]


def tok_end(t: Tok) -> int:
    return t.start + len(strip_poss(t.text)) if t.poss else t.end


def name_like(run: list[Tok], lower_words: frozenset[str]) -> bool:
    """Whether a run of capitalised words reads as a personal name rather than a thing."""
    if run[0].low in EVENT_PREFIXES or run[0].low in ORDINALS:
        return False  # "Hurricane Katrina", "Operation Barbarossa", "Third World"
    if run[0].low in COMPASS_WORDS and len(run) == 2:
        return False  # "Southern Plains" ("West Berlin" is a place: see the recognizer)
    common = 0
    if run[-1].conn:
        return False
    for x in run:
        if x.conn and x.low in PARTICLES:
            continue  # "Ludwig van Beethoven": counted neither as a name word nor a common one
        if x.conn or ACRO_RE.match(x.text) or any(ch.isdigit() for ch in x.text):
            return False  # "Airbus A330": a model, not a person
        low = x.low.rstrip(".'’s") if x.poss else x.low
        if low in ORG_HEADS or low in EVENT_HEADS or low in PLACE_HEADS:
            return False
        common += low in lower_words
    if (
        len(run) == 2
        and len(run[1].text) == 1
        and (run[0].low in lower_words or run[0].low in LABEL_NOUNS)
    ):
        return False  # "Class A" shares; "Malcolm X" stays a person
    # Words also written in lowercase in the article are common nouns ("Music Program").
    words = sum(1 for x in run if not x.conn)
    return common * 2 < words or (words == 2 and common < 2)


def strip_poss(word: str) -> str:
    """``word`` without a possessive ending ("Reuters'", "Bank's"): what ``POSS_RE`` removes, with
    string tests (a regex call a word was most of the cost); a word with a newline, where ``$``
    also matches before it, goes to the regex."""
    if len(word) <= 2:
        return word
    if "\n" in word:
        return POSS_RE.sub("", word)
    if word.endswith(_POSS_S):
        return word[:-2]
    return word[:-1] if word.endswith(_APOSTROPHES) else word


_POSS_S = ("'s", "’s")
_APOSTROPHES = ("'", "’")


def is_title(t: Tok) -> bool:
    return title_word(t.low)


@lru_cache(maxsize=65536)
def title_word(low: str) -> bool:
    """Whether a word's key is a title ("president", "vice-president", "gen."); kept per word."""
    low = low.rstrip(".")
    return low in TITLES or ("-" in low and all(p in TITLES for p in low.split("-")))


@lru_cache(maxsize=65536)
def org_head_word(low: str) -> bool:
    """Whether a word's key is an organisation head ("bank", "corp.", "ministry's")."""
    return low.rstrip(".") in ORG_HEADS or low.rstrip(".'’s") in ORG_HEADS


def city_ok(gz: Gazetteer, key: str, toks: list[Tok], i: int, in_caps: bool) -> bool:
    """A lone town name counts only when large and not glued to another unknown name."""
    if gz.city_population.get(key, 0) < 100_000 or in_caps:
        return False
    return not glued(toks, i)


def glued(toks: list[Tok], i: int) -> bool:
    """Whether the one-word place name ``toks[i]`` is glued to another unknown capitalised word:
    "George Washington", "Jack London", "Joe Montana" are people, not places."""
    for j in (i - 1, i + 1):
        if (
            0 <= j < len(toks)
            and not toks[j].conn
            and toks[j].text
            and not is_title(toks[j])
            and toks[j].low not in ORG_HEADS
            and toks[j].low not in PLACE_HEADS
            and toks[j].low not in FUNCTION_WORDS
            and not (j < i and toks[j].poss)
        ):
            return True
    return False


def split_run(toks: list[Tok]) -> list[list[Tok]]:
    """Cut a capitalised sequence at connectors that do not belong to a name and after possessives."""
    pieces: list[list[Tok]] = [[]]
    covered: set[int] = set()
    for i, t in enumerate(toks):
        if t.gaz is not None:
            covered.update(range(i + 1, i + t.gaz[0]))
    for i, t in enumerate(toks):
        if t.conn and i not in covered:
            prev = toks[i - 1] if i else None
            rest = [x for x in toks[i + 1 :] if not x.conn]
            keep = (
                prev is not None
                and prev.text != ""
                and not prev.poss
                and bool(rest)
                and (
                    (
                        t.low in CONNECTORS
                        and (t.low != "on" or _on_ok(prev, rest))
                        and (
                            prev.low in ORG_HEADS
                            or prev.low in PLACE_PREFIXES
                            or prev.low in {"republic", "kingdom"}
                            or (is_title(prev) and len(rest) > 1)
                        )
                    )
                    or (
                        t.low in {"and", "&"}
                        and prev.gaz is None
                        and _firm_tail(rest)
                        and (
                            prev.low.rstrip(".") not in _FIRM_ENDS
                            or rest[0].low.rstrip(".") in ORG_HEADS
                        )
                        and toks[i + 1].low != "the"
                        and toks[i + 1].gaz is None
                    )
                    or (t.low == "the" and bool(pieces[-1]) and pieces[-1][-1].conn)
                    or (t.low in PARTICLES and _particle_ok(toks, i, pieces))
                )
            )
            if keep:
                pieces[-1].append(t)
            else:
                pieces.append([])
            continue
        pieces[-1].append(t)
        if t.poss and i not in covered and not (t.gaz and t.gaz[0] > 1):
            pieces.append([])
    return [[t for t in p] for p in pieces if any(not t.conn for t in p)]


_BOUNDARY = frozenset(".!?:;\n")
_OPENERS = frozenset(" \t\"“‘'([—–-")


def sentence_start(text: str, pos: int) -> bool:
    """Whether ``pos`` starts a sentence, a line or a quotation."""
    j = pos - 1
    quoted = False
    while j >= 0 and text[j] in _OPENERS:
        quoted = quoted or text[j] in '"“‘'
        j -= 1
    if j < 0 or quoted or text[j] in _BOUNDARY:
        return True
    return text[j] == "_" or (text[j].isdigit() and j + 1 < len(text) and text[j + 1] == "\n")
