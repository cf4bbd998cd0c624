"""What a count counts: the noun phrase after it, the role of a count of people (dead, injured,
missing ...) and the whole it is a part of ("in Aceh province alone", "the other 14 sailors").

:func:`index.compare.figures.figures` reads a sentence's figures; for each count it asks a
:class:`Counts` made once for that sentence, which reads what the sentence as a whole says (is it
a headline, which roles does it name) only when a count needs it. Lexicons are generic, never the
words of one story.
"""

from __future__ import annotations

import re

from index.compare.figure_patterns import (
    ALONE,
    ANY_ROLE,
    FILLER,
    FROM_LOCALITY,
    PART,
    PART_AFTER,
    PART_BEFORE,
    SEEN,
    STOPWORDS,
    VERBISH,
    split_hedge,
)

__all__ = ["Counts"]

# A count of the most or least of something is a part of the whole ("the four hardest-hit
# villages" of seven damaged, "the three largest banks")
_SUPERLATIVE = re.compile(
    r"\s+(?:most\s+\w+|least\s+\w+|(?:hardest|worst|best|largest|biggest|smallest|highest|lowest|"
    r"strongest|deadliest|busiest|oldest|youngest|richest|poorest|heaviest)(?:-\w+)?)\b",
    re.IGNORECASE,
)
# The verb of a count's own clause, right after it (and its noun): "hundreds are still suffering"
_OWN_VERB = re.compile(
    r"\s*(?:more\s+|others?\s+|still\s+)?(?:are|were|is|was|have|has|had|remain\w*|will|would|may|"
    r"might|could)\b"
)
# ... or its own relative clause after a preposition ("killed during demonstrations by tens of
# thousands who marched", "one of three who hit the customer"); after a verb the count is that
# verb's object too ("arrested 23 pirates who threatened a ship": arrested)
_OWN_WHO = re.compile(r"\s*who\b")
_APPOSITIVE = re.compile(r"^,[^,;.]{1,60},")
_PREPOSITION_BEFORE = re.compile(r"\b(?:by|of|among|from|with)\s+$")
# most words capitalised: a headline ("80 Hurt and 7 Villages Damaged"), where a capital marks no name
_TITLE_WORD = re.compile(r"\b[A-Za-z][a-z]{3,}\b")
_ALONE = re.compile(ALONE)
_THE_OTHER_BEFORE = re.compile(r"\bthe other\s*$", re.IGNORECASE)
_OTHER_AFTER = re.compile(r"\s+other\b")
_THE_BEFORE = re.compile(r"\bthe\s*$", re.IGNORECASE)
_ANOTHER_BEFORE = re.compile(r"\banother\s*$", re.IGNORECASE)
_OF_THE_AFTER = re.compile(r"\s+of (?:the|all)\b")
# a group told by its sexes or ages, two counts joined by "and" ("two women and a man", "one man
# and two women"): each a part of the group, not a toll of its own
_SEXES = r"(?:women|men|woman|man|girls|boys|girl|boy|children|child|adults|adult)"
_SEX_THEN = re.compile(
    rf"\s+{_SEXES}\s+and\s+(?:a|an|one|two|three|four|five|six|\d+)\s+{_SEXES}\b", re.IGNORECASE
)
_SEX_BEFORE = re.compile(rf"\b{_SEXES}\s+and\s+$", re.IGNORECASE)
# a list in brackets ("the 23 pirates (12 Somali and 11 Yemeni)"): each its own count
_LIST_IN = re.compile(r"[^()]*?\band\b[^()]*\)")
# a count of those a carrier holds ("a ferry carrying 40 passengers and 6 crew"): a relative
# clause after it opened by "that" or "which" may tell of the carrier as well as of them
_CARRIED = re.compile(
    r"\b(?:carrying|carried|ferrying|transporting)\s+(?:[\w'-]+,?\s+){0,6}$", re.IGNORECASE
)
_WHICH_CLAUSE = re.compile(r"\b(?:that|which)\b")
_NOUN_RUN = re.compile(r"[\s\"”’']*(?:of\s+)?((?:[A-Za-z][\w'-]*\s*){1,4})")


# words that say when: "10 people killed yesterday morning" is no compound noun
_WHEN_WORDS = frozenset(
    "yesterday today tonight morning afternoon evening night overnight earlier later week "
    "weekend month year".split()
)


def _compound(rest: list[str], text: str, at: int) -> bool:
    """Whether a participle after a singular noun inside a counted noun's phrase is a modifier
    of a compound noun that ends a list's item ("one rocket propelled grenade launcher,
    grenades"): two words or more after it, none a stop word, verb, adverb or word of time, then
    a comma, stop or the end."""
    return (
        len(rest) >= 2
        and all(
            w.islower()
            and w not in STOPWORDS
            and w not in _WHEN_WORDS
            and not w.endswith("ly")
            and not VERBISH.match(w)
            for w in rest
        )
        and (at >= len(text) or text[at] in ",.;)")
    )


def _title_case(text: str) -> bool:
    words = _TITLE_WORD.findall(text)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


# a count opening a phrase of its own after a role word told of others ("... dead and two")
_AND = re.compile(r"\band\s+(?:then\s+)?$")
# a count that a toll's or tally's verb of change gives ("The death toll from floods in Rio Grande
# do Sul has risen to 39"): the role is its subject's, however long that subject
_RISEN_TO = re.compile(
    r"\b(?:(?:has|have|had)\s+)?(?:now\s+)?(?:ris\w+|rose|climb\w*|jump\w*|increas\w*|mount\w*|"
    r"grow\w*|grew|reach\w*|hit|hits|stands?|stood|(?:is|was)\s+now)\s+(?:to\s+|at\s+)?$"
)
_SUBJECT_GAP = re.compile(r"[,;()\d]")


class Counts:
    """The counts of one sentence: what each counts, read with what the sentence says as a
    whole (whether it is a headline, the roles it names), each read once and only when needed."""

    __slots__ = ("_headline", "_low", "_roles", "_text")

    def __init__(self, text: str, low_text: str) -> None:
        self._text = text
        self._low = low_text
        self._headline: bool | None = None  # read when a capitalised word follows a count
        self._roles: list[str] | None = None

    def noun(self, end: int) -> str:
        """The noun phrase after a count ending at ``end``: "two speed boats", "seven AK-47
        assault rifles" (three words at most, fillers left out)."""
        text = self._text
        run = _NOUN_RUN.match(text[end : end + 50])
        phrase: list[str] = []
        run_words = run.group(1).split() if run else []
        run_end = end + run.end() if run else end
        for k, w in enumerate(run_words):
            lw = w.lower()
            if lw in STOPWORDS or VERBISH.match(lw):
                if (
                    lw not in STOPWORDS
                    and phrase
                    and not phrase[-1].endswith("s")  # ("two boys killed almost at once")
                    and _compound(run_words[k + 1 :], text, run_end)
                ):
                    continue  # "one rocket propelled grenade launcher,": a modifier
                break
            capital = w[0].isupper() and lw.isalpha() and len(lw) > 3
            if capital and self._headline is None:
                self._headline = _title_case(text)
            if lw not in FILLER and (self._headline or not capital):
                phrase.append(lw)
        return " ".join(phrase[:3])

    def role(self, start: int, end: int, noun: str) -> str:
        """What a count of people written from ``start`` to ``end`` with its ``noun`` counts:
        the nearest role word on either side ("killing 10 people and injuring 80"), else the
        sentence's only one when told before it, else ""."""
        text, low_text = self._text, self._low
        role = ""
        near_after = low_text[end : end + 40]
        near_before = low_text[max(0, start - 45) : start]
        best = 99.0
        window = low_text[max(0, start - 60) : start]
        carried = (
            _CARRIED.search(text, max(0, start - 60), start)
            if "carr" in window or "ferr" in window or "transport" in window
            else None
        )
        # (searched in the whole text, not a slice: a slice cut inside "the death sentence"
        # leaves "the death se", a toll's word)
        for hit in ANY_ROLE.finditer(low_text, end):
            if hit.start() >= end + len(near_after):
                break
            gap = low_text[end : hit.start()]
            if noun and ("," in gap or ";" in gap or "(" in gap):
                continue  # "222,570 deaths, 1,300,000 refugees": its own noun says what
            if (carried or "aboard" in gap or "on board" in gap) and _WHICH_CLAUSE.search(gap):
                # "a plane carrying 216 passengers and 12 crew that disappeared": the clause
                # tells of the carrier; the count is of those aboard ("who died" is theirs)
                continue
            # "10 people killed" but not "six people, injured almost 50"
            d = len(gap) - len(noun) + (20 if ("," in gap or ";" in gap or "(" in gap) else 0)
            if d < best:
                best, role = d, str(hit.lastgroup)
        # a count that is the subject of its own verb ("and hundreds are still suffering",
        # "and hundreds were hurt") takes its role from that verb alone, never from a role
        # word told before it of others ("People died, ... and hundreds are still suffering")
        rest = low_text[end:].lstrip()
        if noun and rest.startswith(noun.lower()):
            rest = rest[len(noun) :]
        # (past the names of those counted: "two managers, Paul Riva and Alan Steinberg, were
        # wounded")
        rest = _APPOSITIVE.sub("", rest, count=1) if rest.startswith(",") else rest
        own_verb = _OWN_VERB.match(rest) is not None or (
            _OWN_WHO.match(rest) is not None and _PREPOSITION_BEFORE.search(near_before) is not None
        )
        after = role
        for hit in () if own_verb else ANY_ROLE.finditer(near_before):
            gap = near_before[hit.end() :]
            if noun and ("," in gap or ";" in gap or ")" in gap):
                continue
            if after and _AND.search(gap):
                continue  # "left a receptionist dead and two managing partners wounded"
            d = 0 if split_hedge(gap.strip())[0] == gap.strip() else len(gap)
            d += 20 if ("," in gap or ";" in gap or ")" in gap) else 0
            if d < best:
                best, role = d, str(hit.lastgroup)
        if not role and _RISEN_TO.search(split_hedge(low_text[max(0, start - 40) : start])[1]):
            # the subject of the verb that gives the count: its last role word, with no other
            # figure or clause between ("with 68 people still unaccounted for" is the next one's)
            hits = list(ANY_ROLE.finditer(low_text, max(0, start - 120), start))
            last = hits[-1] if hits else None
            if last is not None and not _SUBJECT_GAP.search(low_text, last.end(), start):
                role = str(last.lastgroup)
        if not role:
            # a count with no role word of its own takes the sentence's only one ("the death
            # toll ... continues to rise, passing 80,000 people"), told before it: "a jury of
            # six men ... to choose death" counts no dead
            if self._roles is None:
                self._roles = sorted({str(h.lastgroup) for h in ANY_ROLE.finditer(low_text)})
            roles = self._roles
            told_before = len(roles) == 1 and ANY_ROLE.search(low_text, 0, start)
            # (not a count of its own kind: "222,570 deaths, 1,300,000 refugees")
            generic = not noun or noun.split()[-1] in ("people", "persons", "victims")
            role = roles[0] if told_before and generic and not own_verb else ""
        return role

    def part(self, start: int, end: int, role: str, cumulative: bool) -> str:
        """The words that make a figure written from ``start`` to ``end`` a part of a larger
        whole ("alone", "of them", "the other", "other", "another", a locality), else ""."""
        text = self._text
        before = text[max(0, start - 30) : start]
        after = text[end : end + 60]
        part = "so far" if cumulative else ""
        pm = PART.match(text, end)
        if not pm and ("alone" in before or "includ" in before or "among" in before):
            pm = PART_BEFORE.search(text[max(0, start - 50) : start])
        am_part = PART_AFTER.match(text, end) if "alone" in text[end : end + 80] else None
        if pm:
            alone = _ALONE.search(pm.group(0))
            part = (alone or pm).group(0).strip(" ,")
        elif am_part:
            part = am_part.group(1).strip()
        if not part and (
            _THE_OTHER_BEFORE.search(before)
            or (_OTHER_AFTER.match(after) and _THE_BEFORE.search(before))
        ):
            part = (
                "the other"  # "the other 14 sailors", "the two other victims": the rest of a group
            )
        if not part and _OTHER_AFTER.match(after):
            part = "other"  # "seven AK-47 rifles, two other rifles": the rest, beside a kind named
        if not part and SEEN.search(before):
            part = "seen"  # 'a reporter said he had seen "dozens of dead"': what one witness saw
        if not part and role:
            local = FROM_LOCALITY.match(text, end)
            if local:  # "Two people from Zinbi village were hurt": some of the hurt
                part = local.group(1)
        if not part and _ANOTHER_BEFORE.search(before):
            part = "another"  # "another 20,000 people marched": more, besides those counted
        if _OF_THE_AFTER.match(after) and not part:
            part = "of the"  # "30 of the 80 wounded": a part of the next figure
        if not part and (_SEX_THEN.match(text, end) or _SEX_BEFORE.search(before)):
            part = "by sex"  # "The three bank workers - two women and a man - were killed"
        if not part and role and before.rstrip().endswith("(") and not _LIST_IN.match(after):
            part = "in brackets"  # "the death of three workers (one a pregnant woman)"
        if not part and _SUPERLATIVE.match(after):
            part = "the " + after.split()[0]  # "the four hardest-hit villages": some of them
        return part
