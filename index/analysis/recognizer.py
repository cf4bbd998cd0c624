"""The rule-based entity recogniser: spans, gazetteer and rules put together.

:class:`RuleRecognizer` finds date and quantity spans and capitalised runs
(:mod:`index.analysis.entity_scans`, :mod:`index.analysis.entity_spans`), classifies the runs with
the gazetteer and the context rules (:mod:`index.analysis.entity_rules`), and settles keys
(:mod:`index.analysis.entity_keys`).
"""

from __future__ import annotations

import re

from index.analysis.dates import key_error
from index.analysis.entity_keys import finish_candidates
from index.analysis.entity_rules import (
    BODY_ACRONYMS,
    NOT_ORGS,
    city_ok,
    common_acronym,
    gazetteer_windows,
    glued,
    in_brackets,
    in_caps_line,
    is_title,
    name_like,
    org_head_follows,
    org_head_word,
    roman_numeral,
    sentence_start,
    split_run,
    strip_poss,
    title_word,
    tok_end,
)
from index.analysis.entity_scans import (
    date_spans,
    number_word,
    plain_ascii,
    quantity_spans,
    run_spans,
    scans,
)
from index.analysis.entity_spans import (
    ACRO_RE,
    ADMIN_HEADS,
    NUMBERS,
    Cand,
    Tok,
    add_quantity,
    caps_lines,
    date_key,
)
from index.analysis.gazetteer import Gazetteer, fold, key_of, load_gazetteer
from index.analysis.lexicon import (
    ATTRIBUTION_VERBS,
    COMPASS_WORDS,
    EVENT_HEADS,
    FUNCTION_WORDS,
    HYPHEN_SUFFIXES,
    INSTITUTIONS,
    ORG_HEAD_PAIRS,
    ORG_HEADS,
    PLACE_HEADS,
    PLACE_NOUNS,
    PLACE_PREFIXES,
    ROLE_NOUNS,
)
from index.models import Entity
from index.pattern_cache import compiled

_POSS_ENDS = ("'", "’", "'s", "’s")
"""The endings :data:`~index.analysis.entity_spans.POSS_RE` matches in a word (no newline)."""


_PAIR_FIRSTS = frozenset(a for a, _ in ORG_HEAD_PAIRS)
"""The first words of :data:`ORG_HEAD_PAIRS`: the pair is looked up only after one of them."""
_AND = frozenset({"and", "&"})
_OFFICE_AND = compiled(
    r"\b(?:[Mm]inist(?:er|ry)|[Ss]ecretary)[ \t\n]+of[ \t\n]+[A-Z]\w+[ \t\n]+and[ \t\n]+\Z"
)
"""Before a name: an office's first subject and "and" ("Minister of Energy and Mines Subroto")."""

OFFICE_SUBJECTS = frozenset(
    """energy oil petroleum mining mines steel resources technology communications media
    insurance chemicals trade""".split()
)
"""Organisation heads that also name what a minister or a secretary is for: before one they
open an office ("Indonesian Energy Minister Subroto", "Oil Minister"), not an organisation (a
firm's "Bell Petroleum President" stays one)."""
_MINISTERS = frozenset("minister ministers secretary undersecretary under-secretary".split())


class RuleRecognizer:
    """Fast rule and gazetteer recognizer (no model, no network)."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        """Create a recognizer.

        Args:
            gazetteer: Lookup tables; the shared lazily built one when omitted.
        """
        self._gz = gazetteer

    @property
    def gz(self) -> Gazetteer:
        """The gazetteer, loaded on first use."""
        if self._gz is None:
            self._gz = load_gazetteer()
        if not self._gz.prefixes and (self._gz.places or self._gz.groups):
            self._gz.fill_prefixes()  # a gazetteer made by hand
        return self._gz

    def extract(self, text: str) -> list[Entity]:
        """Find entities in ``text``.

        Args:
            text: An article's plain text.

        Returns:
            Non-overlapping entities sorted by ``start``, with ``text == text[start:end]``.
        """
        claimed = bytearray(len(text))
        cands: list[Cand] = []
        padded = " " + text  # for the scans of dates and quantities (see date_spans)
        ascii = plain_ascii(text)
        rx = scans(ascii)
        for s, e in date_spans(padded, ascii):
            if claimed.find(1, s, e) < 0:
                key = date_key(text[s:e])
                if key[:1] in "-12" and key[-2:] <= "31" and key_error(key):
                    # "31 February 2024", "April 31, 1987": no day of the calendar, so no date;
                    # the span stays claimed, so that its day is no quantity either. A "day"
                    # past 31 is none ("Feb 87" is February 1987, "50 June" a table's cells).
                    claimed[s:e] = b"\x01" * (e - s)
                    continue
                cands.append(Cand(s, e, "DATE", key))
                claimed[s:e] = b"\x01" * (e - s)
        # The pattern treats both apostrophes alike: unify them in the text, not in each word.
        lower_words = frozenset(rx.lower.findall(text.replace("’", "'") if "’" in text else text))
        caps = caps_lines(text)
        for s, e in run_spans(padded, rx.seq):
            seq = text[s:e]
            if seq.isascii() and seq.lower() in FUNCTION_WORDS and not seq.isupper():
                # One word such as "The" or "However" (a sixth of Reuters' runs): the gazetteer
                # pass skips it and the classification drops it, so it can name nothing.
                continue
            if claimed.find(0, s, e) < 0:
                continue  # all of it a date ("March", "Monday"): every word a break, no name
            self._names(text, s, seq, claimed, lower_words, caps, cands, rx.tok)
        for c in cands:
            if c.label != "DATE":
                claimed[c.start : c.end] = b"\x01" * (c.end - c.start)
        find = claimed.find
        for s, e in quantity_spans(text, padded, ascii):
            if find(1, s, e) < 0:  # not inside a name or a date
                add_quantity(text, s, e, claimed, cands)
        return finish_candidates(text, cands)

    # -------------------------------------------------------------- names
    def _names(
        self,
        text: str,
        base: int,
        seq: str,
        claimed: bytearray,
        lower_words: frozenset[str],
        caps: list[tuple[int, int]],
        out: list[Cand],
        tok_re: re.Pattern[str],
    ) -> None:
        toks: list[Tok] = []
        for m in tok_re.finditer(seq):
            s, e = base + m.start(), base + m.end()
            if claimed.find(1, s, e) >= 0:
                toks.append(Tok(s, e, "", "", conn=True))  # a date inside breaks the name
                continue
            word = m.group()
            # "al-Sabah" is a name's word ("Ali Khalifa al-Sabah"), not a connector
            conn = (
                word[0].islower() and not (len(word) > 3 and word[2] == "-" and word[3].isupper())
            ) or word == "&"
            if not conn and "-" in word and word.rsplit("-", 1)[1] in HYPHEN_SUFFIXES:
                word = word.rsplit("-", 1)[0]
                e = s + len(word)
            tok = Tok(s, e, word, fold(word), conn=conn)
            if (
                toks
                and not conn
                and tok.low in FUNCTION_WORDS
                and tok.low != "the"
                and not toks[-1].conn
                and not word.isupper()
            ):
                tok.conn = True  # "Ellen DeGeneres To Host": a title-case headline word breaks it
            if toks and caps and in_caps_line(caps, s) != in_caps_line(caps, toks[-1].start):
                toks.append(Tok(s, s, "", "", conn=True))  # a headline never joins the next line
            if len(word) > 2 and not conn and word.endswith(_POSS_ENDS):
                tok.poss = True  # what POSS_RE finds, without a regex call a word
            toks.append(tok)
        self._gazetteer_pass(toks, caps)
        # Most runs are one word (seven in ten): split_run would return it whole, or nothing for
        # a connector.
        pieces = split_run(toks) if len(toks) != 1 else [] if toks[0].conn else [toks]
        for piece in pieces:
            self._classify(
                text, piece, lower_words, bool(caps) and in_caps_line(caps, piece[0].start), out
            )

    def _gazetteer_pass(self, toks: list[Tok], caps: list[tuple[int, int]]) -> None:
        gz, i, n = self.gz, 0, len(toks)
        while i < n:
            t = toks[i]
            if t.conn or not t.text or (t.low in FUNCTION_WORDS and not t.text.isupper()):
                i += 1
                continue
            in_caps = bool(caps) and in_caps_line(caps, t.start)
            bare = t.text.replace(".", "") if "." in t.text else t.text
            if bare in NOT_ORGS:
                i += 1  # "8 a.m. EST" is a time zone, not Estonia nor Cameroon's Est region
                continue
            if bare in gz.acronyms and not in_caps and ACRO_RE.match(t.text):
                t.gaz = (1, "PLACE", gz.acronyms[bare], "country")
                i += 1
                continue
            hit = None
            for length, key in reversed(gazetteer_windows(toks, i, n, gz)):
                if key in gz.groups:
                    hit = (length, "GROUP", gz.groups[key], "group")
                    break
                canon, kind = gz.places[key]
                if kind == "city" and length == 1 and not city_ok(gz, key, toks, i, in_caps):
                    continue
                if kind == "region" and length == 1 and key in gz.town_named and glued(toks, i):
                    continue  # "Joe Montana", "Virginia Woolf" (as for a town's name)
                if kind == "city" and length == 1 and _surname_after_particle(toks, i):
                    continue  # "José Eduardo dos Santos": a surname, not the port of Santos
                hit = (length, "PLACE", canon, kind)
                break
            if hit:
                t.gaz = hit
                i += hit[0]
            else:
                i += 1

    def _classify(
        self,
        text: str,
        toks: list[Tok],
        lower_words: frozenset[str],
        in_caps: bool,
        out: list[Cand],
    ) -> None:
        if len(toks) == 1 and (toks[0].gaz is None or toks[0].gaz[0] == 1):
            # One word (seven pieces in ten): what _classify_run does with it, without the
            # run's lists of titles and heads (1.41 -> 1.39 ms of CPU a Reuters story).
            t = toks[0]
            if t.gaz is not None:
                out.append(Cand(t.start, tok_end(t), t.gaz[1], t.gaz[2]))
            elif t.conn or in_caps or t.low in FUNCTION_WORDS or title_word(t.low):
                pass
            elif in_brackets(text, t.start) and not t.text.isupper():
                out.append(Cand(t.start, tok_end(t), "ORG", ""))
            elif t.low not in EVENT_HEADS and t.low not in ORG_HEADS:
                self._lone(text, t, lower_words, out)
            return
        self._classify_run(text, toks, lower_words, in_caps, out)

    def _classify_run(
        self,
        text: str,
        toks: list[Tok],
        lower_words: frozenset[str],
        in_caps: bool,
        out: list[Cand],
    ) -> None:
        the: Tok | None = None
        while (
            toks
            and toks[0].gaz is None
            and (toks[0].low in FUNCTION_WORDS or (is_title(toks[0]) and len(toks) == 1))
        ):
            if toks[0].low == "the" and not sentence_start(text, toks[0].start):
                the = toks[0]
            toks = toks[1:]
        if not toks:
            return
        first = toks[0]
        if (
            len(toks) > 1
            and first.gaz is None
            and not is_title(first)
            and (first.low in lower_words or first.low.endswith("ly"))
            and (in_caps or sentence_start(text, first.start))
        ):
            toks, the = toks[1:], None  # "Officials Kim ..." at a sentence start
        elif (
            len(toks) > 1
            and first.low in OFFICE_SUBJECTS
            and first.gaz is None
            and _OFFICE_AND.search(text, max(0, first.start - 40), first.start)
        ):
            toks, the = toks[1:], None  # "Minister of Energy and Mines Subroto": the office
        i, n, person_next = 0, len(toks), False
        # Each word's title and organisation-head tests, made once: the head search below reads
        # them again for every word of the run.
        lows = [x.low for x in toks]
        titles = list(map(title_word, lows))
        heads = list(map(org_head_word, lows))
        for k in range(1, n):
            if (
                lows[k - 1] in _PAIR_FIRSTS
                and (lows[k - 1], strip_poss(lows[k]).rstrip(".")) in ORG_HEAD_PAIRS
            ):
                heads[k] = True  # "Merrill Lynch Capital Markets"
        while i < n:
            t = toks[i]
            if (
                t.gaz is None
                and titles[i]
                and i + 1 < n
                and not (not person_next and org_head_follows(toks, i))
            ):
                person_next, i = True, i + 1
                if toks[i].conn:  # "Secretary of State X": skip the office's object
                    while i < n and toks[i].conn:
                        i += 1
                    i += 1
                    while i + 1 < n and toks[i].low in _AND:
                        i += 2  # "Minister of Mines and Energy Subroto"
                continue
            if t.conn:
                i += 1
                continue
            # An organisation head absorbs the names before it: "U.S. State Department".
            h = -1
            for k in range(i, n):
                if titles[k] and k > i:
                    break
                if heads[k]:
                    h = k
                if toks[k].poss:
                    break
            if t.gaz is not None and t.gaz[3] == "country" and h < i + t.gaz[0]:
                h = (
                    -1
                )  # a country whose name ends on a head word: "Soviet Union", "Russian Federation"
            if (
                h >= i
                and h + 1 < n
                and lows[h + 1] in _MINISTERS
                and lows[h] in OFFICE_SUBJECTS
                and not any(heads[i:h])
            ):
                h = -1  # "Indonesian Energy Minister Subroto": an office, no organisation
            if h > i:
                # "Organization of Petroleum Exporting Countries": a head word before "of" names
                # the rest of the run, whatever later word is a head too ("Petroleum").
                h = next((k for k in range(i, h) if heads[k] and toks[k + 1].low in _OF), h)
            tail = h >= 0 and h + 1 < n and toks[h + 1].conn and toks[h + 1].text != ""
            if (h > i or (h == i and tail)) and not in_caps and not person_next:
                if tail:  # "Bank of England", "House of Representatives"
                    h = next((k for k in range(h + 2, n) if toks[k].poss), n - 1)
                start = the.start if the is not None and i == 0 else t.start
                out.append(Cand(start, tok_end(toks[h]), "ORG", ""))
                i = h + 1
                continue
            if t.gaz is not None and person_next and t.gaz[3] in {"city", "region"}:
                t.gaz = None  # "President Vladimir Putin": a title outranks a town name
            if t.gaz is not None:
                length, label, canon, kind = t.gaz
                j = i + length
                if kind == "region" and i == 0 and _named_after_region(text, toks, j, titles):
                    # "Texas Instruments said", "Scotland Yard said": a body named after its
                    # region speaks, never a person whose name opens with a region's.
                    out.append(Cand(t.start, tok_end(toks[-1]), "ORG", ""))
                    return
                end = tok_end(toks[j - 1])
                if (
                    label == "PLACE"
                    and j < n
                    and toks[j].low in PLACE_HEADS
                    and not toks[j - 1].poss
                ):
                    # "Kursk Oblast" is the Kursk of "the Kursk region": one entity. A river, county
                    # or state of that name is another place.
                    keep = toks[j].low in ADMIN_HEADS
                    end, canon, j = tok_end(toks[j]), canon if keep else "", j + 1
                if j < n and toks[j].low in EVENT_HEADS and not toks[j - 1].poss:
                    i = j + 1  # "Korean War": a named event, not a group
                    continue
                out.append(Cand(t.start, end, label, canon))
                i, person_next = j, False
                continue
            if in_caps:
                i += 1
                continue
            k = i + 1
            while k < n and toks[k].gaz is None and not titles[k] and not toks[k - 1].poss:
                k += 1
            run = toks[i:k]
            i = k
            if person_next and k < n and titles[k] and all(x.low in lower_words for x in run):
                continue  # "Foreign Trade Minister X": the office goes on; the person follows it
            if in_brackets(text, run[0].start) and not all(x.text.isupper() for x in run):
                # Reuters writes company names in angle brackets: "<Merrill Lynch Capital Markets>".
                out.append(Cand(run[0].start, tok_end(run[-1]), "ORG", ""))
                person_next = False
                continue
            if person_next and all(titles[i - len(run) : i]):
                person_next = False  # "the Prime Minister is elected": an office, no name follows
                continue
            if person_next and run[-1].low in EVENT_HEADS:
                person_next = False  # "General Agreement on Tariffs": a title word opening a name
                continue
            if person_next:
                if len(run) <= 4:
                    out.append(Cand(run[0].start, tok_end(run[-1]), "PERSON", ""))
                person_next = False
            elif run[-1].low in EVENT_HEADS or run[-1].low in ORG_HEADS:
                continue
            elif len(run) > 1 and (
                run[-1].low in PLACE_HEADS
                or run[0].low in PLACE_PREFIXES
                or (
                    run[0].low in COMPASS_WORDS
                    and key_of(" ".join(x.text for x in run[1:])) in self.gz.places
                )
            ):
                admin = run[-1].low in ADMIN_HEADS  # "Hubei Province" is Hubei
                key = key_of(" ".join(x.text for x in run[:-1] if x.text)) if admin else ""
                out.append(Cand(run[0].start, tok_end(run[-1]), "PLACE", key))
            elif len(run) == 1:
                self._lone(text, run[0], lower_words, out)
            elif len(run) > 1 and strip_poss(run[-1].low) in _NATIVE_COUNTRY_NAMES:
                # "Volkswagen do Brasil", "Ford España": a firm's national arm, never a person
                out.append(Cand(run[0].start, tok_end(run[-1]), "ORG", ""))
            elif (
                len(run) <= 3
                and (i == n or toks[i].conn)
                and not any("." in x.text for x in run)
                and (before := _word_before(text, run[0].start)) in _AT_PLACE
                and self._town_before_region(text, run[0].start, tok_end(run[-1]), before)
            ):
                # "in Cedar Rapids, Iowa"
                out.append(Cand(run[0].start, tok_end(run[-1]), "PLACE", ""))
            elif len(run) <= 4 and name_like(run, lower_words):
                out.append(Cand(run[0].start, tok_end(run[-1]), "PERSON", ""))

    def _town_before_region(self, text: str, start: int, end: int, prev: str) -> bool:
        """Whether ``text[start:end]``, after ``prev`` (one of :data:`_AT_PLACE`), is a town a comma
        and its state's, province's or country's name follow: "in Allen, Texas", "in Lajeado,
        Brazil", however small (a lone town's name counts as a place only for a city of 100,000).
        Not "according to Gaviria, Colombia ..."; after "of" one word ("southeast of Pichilemu,
        O'Higgins Region") or a town the gazetteer knows ("a subsidiary of Svenska Handelsbanken,
        Sweden" is a bank)."""
        if prev == "to" and _ACCORDING_TO.search(text, max(0, start - 20), start):
            return False
        if prev == "of" and " " in text[start:end]:
            hit = self.gz.places.get(key_of(text[start:end]))
            if hit is None or hit[1] != "city":
                return False
        m = _COMMA_NAME.match(text, end)
        if m is None:
            return False
        words = m.group(1).split()
        for k in range(len(words), 0, -1):
            hit = self.gz.places.get(key_of(" ".join(words[:k])))
            if hit is not None and hit[1] in _STATES:
                return True
        return False

    def _lone(self, text: str, t: Tok, lower_words: frozenset[str], out: list[Cand]) -> None:
        word = strip_poss(t.text)
        if len(word) == 1 or t.low == "reuter" or t.low in NUMBERS or number_word(t.low):
            # A lone capital letter ("S and P said") is an initial, "Reuter" a sign-off, "Six" in
            # "on May Six said" a number.
            return
        if in_brackets(text, t.start) and not word.isupper():
            out.append(Cand(t.start, tok_end(t), "ORG", ""))
            return
        if word[1:].islower() and word.upper() in BODY_ACRONYMS:
            out.append(Cand(t.start, tok_end(t), "ORG", ""))  # "Opec" is OPEC
            return
        if ACRO_RE.match(word):
            if word in NOT_ORGS or roman_numeral(word):
                return  # newswire boilerplate ("REUTER", "NOTE"), a time zone ("UTC"), "IV"
            if not common_acronym(text, t.start, word):
                out.append(Cand(t.start, tok_end(t), "ORG", ""))
            return
        if t.low in INSTITUTIONS:
            out.append(Cand(t.start, tok_end(t), "ORG", ""))
            return
        if (t.low in lower_words or fold(word) in lower_words) and sentence_start(text, t.start):
            return
        prev = _word_before(text, t.start)
        if prev in _AT_PLACE and self._town_before_region(text, t.start, tok_end(t), prev):
            out.append(Cand(t.start, tok_end(t), "PLACE", ""))  # "in Allen, Texas"
            return
        after = text[tok_end(t) : tok_end(t) + 30].split()
        nxt = after[0].lower().strip(".,;:") if after else ""
        hint = ""
        if word.lower() in _PARTY_WORDS:
            # "the Texas Democrat said": a party's member, or its party ("another Conservative
            # victory": the article's Conservative Party), never a person of that name.
            hint = "party"
        elif prev in ROLE_NOUNS or prev in {"mr", "mrs", "ms", "dr"}:
            hint = "person"
        elif nxt in PLACE_NOUNS:
            hint = "place"
        elif nxt in ATTRIBUTION_VERBS or (
            len(after) > 1 and after[1].lower() in ATTRIBUTION_VERBS and nxt.endswith("ly")
        ):
            # "Officials in Crimea said": the officials speak, from a place; "a spokesperson from
            # Waitrose said", "sources at Hutton said": for a body.
            hint = "place" if prev in _WHERE else "org" if prev in _FROM else "said"
        out.append(Cand(t.start, tok_end(t), "?", "", hint))


_NATIVE_COUNTRY_NAMES = frozenset(
    "brasil españa espana deutschland italia nederland schweiz suisse österreich polska".split()
)
"""Countries' own names, which firms' national arms carry ("Volkswagen do Brasil") and no English
text names the country by."""
_AT_PLACE = frozenset(
    "in at near outside from to into of around toward towards across through".split()
)
"""The words before a town that the name of its state or country follows ("in Allen, Texas")."""
_COMMA_NAME = compiled(r",[ \t]+([A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2})(?![\w'’-])")
_STATES = frozenset({"region", "country"})
_ACCORDING_TO = compiled(r"\baccording\s+to\s+$", re.IGNORECASE)
_OF = frozenset({"of", "for", "on"})
_WHERE = frozenset({"in", "inside", "across", "throughout"})
_FROM = frozenset({"from", "at"})

_PARTY_MEMBERS = frozenset(
    "democrat republican independent conservative liberal socialist communist".split()
)
_PARTY_WORDS = _PARTY_MEMBERS - {"independent"} | {w + "s" for w in _PARTY_MEMBERS}
"""Alone, never a person's name: "Democrat" (19 persons in all Reuters stories), "Republicans"."""


def _named_after_region(text: str, toks: list[Tok], j: int, titles: list[bool]) -> bool:
    """Whether the capitalised run ``toks``, a region's name up to ``j`` then one or two other
    words, is the subject of a reporting verb: "Ohio Edison said", "Scotland Yard said"."""
    rest = toks[j:]
    if not 1 <= len(rest) <= 2 or any(
        x.gaz is not None or x.conn or not x.text or titles[j + k] for k, x in enumerate(rest)
    ):
        return False
    if any(x.poss for x in toks[:-1]) or rest[-1].low in _PARTY_MEMBERS:
        return False  # "the Texas Democrat said": a senator, described
    if _word_before(text, toks[0].start) in ROLE_NOUNS:
        return False  # "CBOE chairman Alger Chapman said": a person
    after = text[tok_end(toks[-1]) : tok_end(toks[-1]) + 20].split()
    return bool(after) and after[0].lower().strip(".,;:") in ATTRIBUTION_VERBS


def _surname_after_particle(toks: list[Tok], i: int) -> bool:
    """Whether ``toks[i]`` follows a Portuguese name's particle after a name word: "dos Santos",
    "da Costa" ("Rio Grande do Sul" is a region's whole name, found before a word of it is)."""
    if i < 2 or not toks[i - 1].conn or toks[i - 1].low not in _LUSO_PARTICLES:
        return False
    prev = toks[i - 2]
    return bool(prev.text) and not prev.conn and prev.gaz is None and not is_title(prev)


_LUSO_PARTICLES = frozenset({"da", "das", "do", "dos"})


def _word_before(text: str, start: int) -> str:
    """The word before ``start``, lowercased, without a trailing comma or full stop."""
    before = text[max(0, start - 30) : start].split()
    return before[-1].lower().rstrip(".,") if before else ""
