"""The scans of the entity recogniser: the patterns for dates, quantities and capitalised runs.

The regexes the :class:`~index.analysis.recognizer.RuleRecognizer` scans a text with (dates and
quantities as the plain patterns of :func:`plain_patterns` find them, capitalised runs, their words
and lowercase words), compiled for a plain ASCII text or any text (:func:`scans`). The records and
keys made of what they find are in :mod:`index.analysis.entity_spans`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from index.pattern_cache import compiled


# ---------------------------------------------------------------- dates and quantities
def _word_tree(words: list[str]) -> str:
    """An alternation of ``words`` factored by their first letters ("th(?:e|is)" for "the" and
    "this"): it matches where one of the words does."""
    groups: dict[str, list[str]] = {}
    for w in sorted(set(words)):
        groups.setdefault(w[:1], []).append(w[1:])
    alts = [re.escape(first) + _word_tree(rest) for first, rest in groups.items() if first]
    if not alts:
        return ""
    tree = alts[0] if len(alts) == 1 else f"(?:{'|'.join(alts)})"
    if "" in groups:  # one word ends here, others go on
        return f"(?:{tree})?"
    return tree


_MONTHS = (
    "January February March April May June July August September October November December".split()
)
_MON_ABBREVIATIONS = "Jan Feb Mar Apr Jun Jul Aug Sept Sep Oct Nov Dec".split()
_WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
_NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty "
    "fifty sixty seventy eighty ninety hundred thousand million billion dozen several"
).split()
_NUMBER_SET = frozenset(_NUMBER_WORDS)
_NUMBER_CAPS = [w.capitalize() for w in _NUMBER_WORDS]
"""The number words opening a sentence or a headline: "Eight people were killed", "Fifty-two
passengers"."""
# The month, weekday and number words as plain alternations (the patterns as first written; the
# tests compare the patterns with them) and as letter trees (what the patterns use: "Ju(?:ly|ne)"
# tries two branches where "January|...|Dec" tried up to 36 at each capital). Both find the same:
# no two of these words can match at one place (an abbreviation needs a word boundary after it:
# "Mar" never matches in "March"), and where one word begins another ("six", "sixty") every
# pattern asks for a space or a word boundary after it, so only one of them can go on.
_MON_PLAIN = (
    "(?:" + "|".join(_MONTHS + [m.upper() for m in _MONTHS]) + "|"
    rf"(?:{'|'.join(_MON_ABBREVIATIONS)})\b\.?)"
)
_MON = (
    rf"(?:{_word_tree(_MONTHS + [m.upper() for m in _MONTHS])}|"
    rf"{_word_tree(_MON_ABBREVIATIONS)}\b\.?)"
)
_WD_PLAIN = f"(?:{'|'.join(_WEEKDAYS)})"
_WD = f"(?:{_word_tree(_WEEKDAYS)})"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_NUMW_PLAIN = f"(?:{'|'.join(_NUMBER_WORDS + _NUMBER_CAPS)}|a\\s+few)"
_NUMW = f"(?:{_word_tree(_NUMBER_WORDS + _NUMBER_CAPS)}|a\\s+few)"
_PERIOD = r"(?:week|month|year|summer|winter|spring|autumn|fall|weekend|decade|century|quarter)"
# Each pattern below opens with a guard that rejects, in one step, positions where none of its
# alternatives can start (inside a word): the same matches, 30-50% less time (measured on generated
# and Reuters articles). A second guard lets through only a digit or one of the words an
# alternative can open with, so the dates regex tries its thirteen alternatives at far fewer
# words (0.90 -> 0.52 ms on a 500-word article; quantities 0.63 -> 0.46 ms; the same matches on all
# 19,043 Reuters stories). The words are listed with their capitals ("March", "The", "About") and
# written as a tree of their letters (:func:`_word_tree`): the regex engine tries the branches of
# an alternation one by one, and a word list of ninety branches was tried at every word; a
# capitalised word that opens no alternative ("Reuters", "Bank") no longer reaches them.
_DATE_OPENERS = (
    "the early late mid spring summer autumn fall winter end beginning start middle rest last this "
    "next past coming previous earlier later more less fewer over nearly almost about at in by of "
    "since until during before after a several dozen one two three four five six seven eight nine "
    "ten eleven twelve fifteen twenty thirty forty fifty sixty seventy eighty ninety hundred "
    "thousand million billion "
    # the capitalised openers: months, their abbreviations and weekdays (_MON, _WD), then "The",
    # "Last" ... "Later" and "In" ... "After" as the alternatives write them
    "January February March April May June July August September October November December "
    "JANUARY FEBRUARY MARCH APRIL MAY JUNE JULY AUGUST SEPTEMBER OCTOBER NOVEMBER DECEMBER "
    "Jan Feb Mar Apr Jun Jul Aug Sept Sep Oct Nov Dec "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday "
    "The Last This Next Past Coming Previous Earlier Later In Since Until Early During Before After"
).split() + _NUMBER_CAPS
"""Every word a date alternative below can start with (``_NUMW`` included); each is followed by
a space, a comma or the end of a word there, so the guard asks for a word boundary after it."""


def number_word(low: str) -> bool:
    """Whether a lowercased word is a number written in words ("eight", "twenty-two")."""
    if low in _NUMBER_SET:
        return True
    return "-" in low and all(part in _NUMBER_SET for part in low.split("-"))


def _openers(words: list[str]) -> str:
    """A lookahead that passes a digit, a currency sign, or one of ``words`` as a whole word."""
    return rf"(?=[\d$€£¥]|{_word_tree(words)}\b)"


def _date_alternatives(plain: bool = False) -> list[tuple[str, str]]:
    """The date pattern's alternatives with what each can start with (C a capital, D a digit, l a
    lowercase letter), its word lists as letter trees or, ``plain``, as written at first."""
    mon, wd, numw = (_MON_PLAIN, _WD_PLAIN, _NUMW_PLAIN) if plain else (_MON, _WD, _NUMW)
    no_may = [m for m in _MONTHS if m != "May"]  # "May" alone is a date only after "in" and such
    months = f"(?:{'|'.join(no_may)})" if plain else f"(?:{_word_tree(no_may)})"
    return [
        # (alternative, what it can start with: C a capital, D a digit, l a lowercase letter)
        (rf"\b(?:{wd},?\s+)?{mon}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+{_YEAR}\b)?", "C"),
        (rf"\b(?:{wd},?\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{mon}(?:,?\s+{_YEAR}\b)?", "CD"),
        (rf"\b{mon},?\s+{_YEAR}\b", "C"),
        (rf"\b{_YEAR}\s+(?:to|until|through)\s+{_YEAR}\b|\b{_YEAR}/\d\d\b", "D"),
        (r"\b\d{1,2}/\d{1,2}/\d{2,4}\b", "D"),
        (
            rf"\b(?:[Tt]he\s+)?(?:(?:early|late|mid)[\s-]+)?(?:spring|summer|autumn|fall|winter)\s+of\s+"
            rf"{_YEAR}\b",
            "Cl",
        ),
        (
            rf"\b(?:[Tt]he\s+)?(?:end|beginning|start|middle|rest)\s+of\s+(?:this|last|next|the)\s+"
            rf"{_PERIOD}s?\b",
            "Cl",
        ),
        (
            rf"\b(?:(?:[Ll]ast|[Tt]his|[Nn]ext|[Pp]ast|[Cc]oming|[Pp]revious|[Ee]arlier\s+this|"
            rf"[Ll]ater\s+this)\s+{_PERIOD}\b)",
            "Cl",
        ),
        (
            rf"\b(?:(?:more|less|fewer)\s+than\s+|over\s+|nearly\s+|almost\s+|about\s+|at\s+least\s+)?"
            rf"(?:\d+|{numw})\s+(?:days|weeks|months|years|decades|centuries|hours)(?:\s+ago)?\b",
            "CDl",
        ),
        (rf"\b(?:the\s+)?{_YEAR}s\b", "Dl"),
        (rf"\b{wd}\b", "C"),
        (
            rf"\b{months}\b",
            "C",
        ),
        # Its group may appear once in the pattern: it is tried with the lowercase ones, after every
        # alternative that can start with a capital ("In May" is tried last, as in the list's order).
        (
            rf"\b(?:[Ii]n|by|of|[Ss]ince|[Uu]ntil|[Ee]arly|[Dd]uring|[Bb]efore|[Aa]fter)\s+"
            rf"(?P<ctx>May|{_YEAR})\b",
            "l",
        ),
    ]


_DATE_ALTERNATIVES = _date_alternatives()


def _dispatch(alternatives: list[tuple[str, str]]) -> str:
    """The alternatives grouped by the character they can start with, each group in the list's
    order: a capital tries only the capital group, a digit the digit group, and then (when they
    fail) the lowercase group. The first alternative to match is the list's first to match there,
    as with the plain alternation, since an alternative cannot match where its first character
    cannot stand."""

    def group(kind: str) -> str:
        return "(?:" + "|".join(a for a, kinds in alternatives if kind in kinds) + ")"

    return rf"(?:(?=[A-Z]){group('C')}|(?=\d){group('D')}|{group('l')})"


APPROX = (
    r"(?:(?:[Mm]ore|[Ll]ess|[Ff]ewer)\s+than|[Oo]ver|[Aa]bout|[Aa]round|[Nn]early|[Aa]lmost|"
    r"[Aa]pproximately|[Rr]oughly|[Uu]p\s+to|[Aa]t\s+least|[Aa]t\s+most)"
)
_MULT = r"(?:hundred|thousand|million|billion|trillion|mln|bln|bn|[Bb]illion|[Mm]illion)"
_QTY_OPENERS = (
    "more less fewer over about around nearly almost approximately roughly up at a several dozen "
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty "
    "fifty sixty seventy eighty ninety hundred thousand million billion thousands hundreds "
    "millions billions dozens tens "
    # as APPROX and the last alternative write them with a capital
    "More Less Fewer Over About Around Nearly Almost Approximately Roughly Up At "
    "Thousands Hundreds Millions Billions Dozens Tens"
).split() + _NUMBER_CAPS
"""Every word a quantity below can start with (a digit or a currency sign passes anyway)."""


def _num(numw: str) -> str:
    """A number in digits or words (``numw``: the number words' alternation)."""
    return rf"(?:[$€£¥]\s?)?\d+(?:[,.]\d+)*(?:\s?%)?|\b{numw}(?:[\s-]+{numw})*"


def _qty_body(plain: bool = False) -> str:
    """The quantity pattern after its guards, its number words as a letter tree or, ``plain``, as
    written at first."""
    num = _num(_NUMW_PLAIN if plain else _NUMW)
    return (
        r"(?:"
        rf"(?:\b{APPROX}\s+)?(?:{num})(?:\s+{_MULT})*(?:\s+(?:to|and)\s+(?:{num})(?:\s+{_MULT})*)?\b%?"
        r"|\b(?:[Tt]housands|[Hh]undreds|[Mm]illions|[Bb]illions|[Dd]ozens|[Tt]ens\s+of\s+thousands)\b)"
    )


_QTY_BODY = _qty_body()
# The scans of dates and quantities (:func:`date_spans`, :func:`quantity_spans`) find what the
# plain patterns (:func:`plain_patterns`) find, with patterns the regex engine can skip through: a
# pattern that opens with a look-behind is tried at every character of the text, one that opens
# with a set of characters only where one of them stands. So these open with the character before
# the match (``\W``: what the look-behind asked for; the text gets a space in front for a match at
# its start), and a number right after a word character ("A320", the look-behind's other case) has
# a pattern of its own that opens with the digit (the body can only take its digit path there: no
# word boundary before it). Callgrind, 300 Reuters stories: dates 745 -> 653 K instructions a
# story, quantities 750 -> 524 K (the same matches on 19,856 texts).


def _follow_tree(follow: dict[str, str]) -> str:
    """Like :func:`_word_tree`, each word followed by its own pattern (``follow``'s value)."""
    groups: dict[str, dict[str, str]] = {}
    for w, after in sorted(follow.items()):
        if w:
            groups.setdefault(w[0], {})[w[1:]] = after
    alts = [re.escape(first) + _follow_tree(rest) for first, rest in groups.items()]
    if "" in follow:  # a word ends here
        alts.append(follow[""])
    return alts[0] if len(alts) == 1 else f"(?:{'|'.join(alts)})"


def _date_follow() -> dict[str, str]:
    """Each of :data:`_DATE_OPENERS` with what every date alternative that opens with it needs
    next ("in" only "in May" and "in 1987", "the" "the end of", "the summer of", "the 1980s"), or
    ``\\b`` (months, weekdays). A lowercase word opens only the alternatives tried last, one by
    one, so a guard that passes "the" or "of" only before such a word spares the engine most
    of them (the same matches: the guard asks for nothing a match does not hold). The date scan
    of a Reuters story: 102 -> 71 us of CPU."""
    follow = dict.fromkeys(_DATE_OPENERS, r"\b")
    may_or_year = r"\s+(?:May|1[89]|20)"
    seasons = "spring summer autumn fall winter".split()
    rules = {
        "the The": r"\s+(?:early|late|mid|spring|summer|autumn|fall|winter|end|beginning|start"
        r"|middle|rest|1[89]|20)",
        "early Early": r"[\s-]+(?:spring|summer|autumn|fall|winter|May|1[89]|20)",
        "late mid": rf"[\s-]+(?:{'|'.join(seasons)})",
        " ".join(seasons) + " end beginning start middle rest": r"\s+of\b",
        "last this next past coming previous Last This Next Past Coming Previous": rf"\s+{_PERIOD}",
        "earlier later Earlier Later": r"\s+this\b",
        "more less fewer": r"\s+than\b",
        "over nearly almost about": r"\s+[\da-z]",
        "at": r"\s+least\b",
        "a": r"\s+few\b",
        "in by of since until during before after In Since Until During Before After": may_or_year,
        " ".join(
            _NUMBER_WORDS + _NUMBER_CAPS
        ): r"\s+(?:days|weeks|months|years|decades|centuries|hours)\b",
    }
    for words, after in rules.items():
        for w in words.split():
            assert w in follow, w
            follow[w] = after
    return follow


_DATE_SCAN = (
    r"\W(?=\w)(?=[\d$€£¥]|" + _follow_tree(_date_follow()) + ")" + _dispatch(_DATE_ALTERNATIVES)
)
_QTY_SCAN = r"\W" + _openers(_QTY_OPENERS) + _QTY_BODY
_QTY_IN_WORD_SCAN = (
    r"\d(?<=\w\d)\d*(?:[,.]\d+)*(?:\s?%)?"
    rf"(?:\s+{_MULT})*(?:\s+(?:to|and)\s+(?:{_num(_NUMW)})(?:\s+{_MULT})*)?\b%?"
)


def date_spans(padded: str, ascii: bool | None = None) -> list[tuple[int, int]]:
    """The dates of a text as the plain date pattern's ``finditer`` finds them, each the span of its
    ``ctx`` group when it has one ("in May": "May"), else the whole match.

    Args:
        padded: The text with a space in front (offsets are the text's).
        ascii: :func:`plain_ascii` of the text, when the caller knows it.
    """
    out: list[tuple[int, int]] = []
    search = scans(plain_ascii(padded) if ascii is None else ascii).date.search
    m = search(padded)
    while m is not None:
        end = m.end()
        if m.group("ctx"):
            s, e = m.span("ctx")
            out.append((s - 1, e - 1))
        else:
            out.append((m.start(), end - 1))
        # The next date may open right after this one: its character before is this one's last.
        m = search(padded, end - 1)
    return out


def quantity_spans(text: str, padded: str, ascii: bool | None = None) -> list[tuple[int, int]]:
    """The spans the plain quantity pattern's ``finditer`` finds in ``text`` (``padded``: the text
    with a space in front; ``ascii``: :func:`plain_ascii` of it, when the caller knows it): the
    first of the two scans' next matches each time, both searched on from its end."""
    out: list[tuple[int, int]] = []
    rx = scans(plain_ascii(text) if ascii is None else ascii)
    after, in_word = rx.qty.search, rx.qty_in_word.search
    a, b = after(padded), in_word(text)
    far = len(padded) + 1
    while a is not None or b is not None:
        sa = a.start() if a is not None else far  # the text's offset of the match after the space
        sb = b.start() if b is not None else far
        if sa <= sb:
            pos = a.end() - 1  # type: ignore[union-attr]
            out.append((sa, pos))
        else:
            pos = b.end()  # type: ignore[union-attr]
            out.append((sb, pos))
        if a is not None and sa < pos:
            a = after(padded, pos)
        if b is not None and sb < pos:
            b = in_word(text, pos)
    return out


def plain_patterns() -> tuple[str, str]:
    """The date and quantity patterns as first written (a look-behind first, the alternatives and
    word lists plain, no guard): what :func:`date_spans` and :func:`quantity_spans` must find."""
    date = r"(?<!\w)(?=\w)(?:" + "|".join(a for a, _ in _date_alternatives(plain=True)) + ")"
    return date, r"(?:(?<!\w)|(?=\d))" + _qty_body(plain=True)


# ---------------------------------------------------------------- names
_UP = "A-ZÀ-ÖØ-Þ"
_CAP = (
    rf"(?:Gen|Lt|Col|Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Inc|Corp|Co|Ltd|Jr|Sr|St|Capt|Sgt|Adm|Maj|Prof|Rev|"
    rf"Mt|Ft)\.|[A-Z]\.(?=[ \t]+[A-Z])|(?:[{_UP}]\.){{2,}}|[{_UP}]\w*(?:[-'’]\w+)*"
)
_CONN = r"(?:of|for|on|de|del|da|di|do|dos|das|du|la|le|van|von|der|bin|al|and|&)"
# Words of a name are one or two spaces apart, or wrapped onto the next line; three or more spaces or
# a tab are a table's column gap ("Country       Differential" is two headers, not a person).
_GAP = r"(?: {1,2}|[ \t]*\n(?=\S))"
# A second particle after the first: "Jean de la Fontaine", "Johannes van der Waals".
# An Arabic family name with its article joined by a hyphen: "Ali Khalifa al-Sabah", "Saud al-Faisal".
_JOINED = rf"(?:al|el)-[{_UP}]\w*"
# A run starts with a digit (an ordinal) or a capital after no word character. The scan
# (:func:`run_spans`) opens with that character before it, which the regex engine skips to as it
# does to the dates' (a pattern that opened with a look-ahead was tried at every character):
# 309 -> 272 K instructions a Reuters story (callgrind), the same runs as the plain pattern.
_SEQ_REST = rf"(?:\b\d+(?:st|nd|rd|th)[ \t]+)?(?<![\w.])(?:{_CAP})(?:{_GAP}(?:{_CONN}{_GAP}(?:(?:the|la|le|der){_GAP})?)?(?:{_CAP}|{_JOINED}))*"
_SEQ_BODY = r"(?<!\w)" + _SEQ_REST
"""The capitalised run as first written (the tests' plain pattern)."""
_SEQ_SCAN = rf"\W(?=[\d{_UP}])" + _SEQ_REST
TOK_RE = compiled(rf"\d+(?:st|nd|rd|th)|{_JOINED}|{_CAP}|{_CONN}|the")
# Lowercase words, not after a word character or an apostrophe. The look-behind comes after the
# first letter (two characters wide: the one before the word and the letter), so the engine skips
# to a lowercase letter before it tries anything: the same words, 300 -> 251 K instructions a
# Reuters story (callgrind).
LOWER_RE = compiled(r"[a-z](?<![\w'’].)[a-z'’\-]+")
_LOWER_PLAIN = r"(?<![\w'’])[a-z][a-z'’\-]+"


class Scans(NamedTuple):
    """The scanning patterns, compiled for one kind of text (:func:`scans`)."""

    date: re.Pattern[str]
    qty: re.Pattern[str]
    qty_in_word: re.Pattern[str]
    seq: re.Pattern[str]
    tok: re.Pattern[str]
    lower: re.Pattern[str]


_SEPARATORS = compiled("[\x1c-\x1f]")


def plain_ascii(text: str) -> bool:
    """Whether ``text`` is ASCII without the information separators U+001C-U+001F: the patterns'
    ASCII forms (:func:`scans`) find there what their Unicode forms find (``\\w``, ``\\d``, ``\\b``
    agree on every ASCII character; Unicode's ``\\s`` also takes those four)."""
    return text.isascii() and _SEPARATORS.search(text) is None


@lru_cache(maxsize=2)
def scans(ascii: bool) -> Scans:
    """The scans of dates, quantities, capitalised runs, their words and lowercase words, compiled
    on first use; ``ascii`` for a :func:`plain_ascii` text. The ASCII forms (``re.ASCII``) test
    ``\\w``, ``\\W``, ``\\d`` and ``\\b`` by a table look-up where the Unicode ones call the
    character database for every character the scan passes (callgrind, Reuters: about a tenth of
    the analysis' instructions; the same matches on every Reuters, WikiNews and ECB+ text)."""
    if not ascii:
        return Scans(
            compiled(_DATE_SCAN),
            compiled(_QTY_SCAN),
            compiled(_QTY_IN_WORD_SCAN),
            compiled(_SEQ_SCAN),
            TOK_RE,
            LOWER_RE,
        )
    return Scans(
        *(compiled(p, re.ASCII) for p in (_DATE_SCAN, _QTY_SCAN, _QTY_IN_WORD_SCAN, _SEQ_SCAN)),
        *(compiled(p.pattern, re.ASCII) for p in (TOK_RE, LOWER_RE)),
    )


def run_spans(padded: str, seq: re.Pattern[str]) -> list[tuple[int, int]]:
    """The capitalised runs of a text, as the plain pattern (``_SEQ_BODY``)'s ``finditer`` finds
    them; ``padded`` is the text with a space in front, ``seq`` :attr:`Scans.seq` (its offsets are
    the text's)."""
    out: list[tuple[int, int]] = []
    search = seq.search
    m = search(padded)
    while m is not None:
        end = m.end()
        out.append((m.start(), end - 1))
        # The next run may open right after this one: its character before is this one's last.
        m = search(padded, end - 1)
    return out
