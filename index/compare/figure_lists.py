"""Lists of ages told of one group: "girls age 6 and 8" against "8- and 10-year-old girls".

Each age of a list is a figure of its own (:mod:`index.compare.figures`), and a list shares some
of its ages with the other report's list, so figure by figure the two seem to agree on one age
and to speak of someone else with the other. Read as a whole, a list of ages of a group named by
one noun ("girls", "sons", "children") is compared with the other report's list of as many ages of
a group of the same sex: different lists are a disagreement, however little else the two
sentences share. A report that gives both lists tells of two groups.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from index.compare.figures import Figure
from index.compare.readings import Reading

__all__ = ["AgeList", "age_list_conflicts", "age_lists"]


@dataclass(frozen=True, slots=True)
class AgeList:
    """The ages of one group as written (``text``), sorted (``ages``), and its sex."""

    ages: tuple[float, ...]
    sex: str  # "female", "male" or "" (children, twins: either)
    text: str


# between two ages of one list: "6 and 8", "8- and 10", "3, 5 and 7", "6 or 7"
_BETWEEN = re.compile(r"[\s-]*(?:,|and|or|&)[\s-]*(?:and\s+)?")
_NUMBER = re.compile(r"\d+")
_AFTER = re.compile(r"[\s-]*(?:years?[\s-]*old|year-olds?)?[\s-]*([a-z]+)")
_BEFORE = re.compile(r"\b([a-z]+)[\s,-]*(?:ages?|aged)\s*$")
_SEX = {
    **dict.fromkeys(["girl", "girls", "daughter", "daughters", "sister", "sisters"], "female"),
    **dict.fromkeys(["women", "woman", "granddaughters", "nieces"], "female"),
    **dict.fromkeys(["boy", "boys", "son", "sons", "brother", "brothers"], "male"),
    **dict.fromkeys(["men", "man", "grandsons", "nephews"], "male"),
    **dict.fromkeys(["children", "kids", "child", "siblings", "twins", "grandchildren"], ""),
}


def age_lists(r: Reading) -> list[AgeList]:
    """The lists of two or more ages of one named group in a sentence."""
    ages = [f for f in r.figs if f.dim == "age"]
    if len(ages) < 2:
        return []
    out: list[AgeList] = []
    run = [ages[0]]
    for f in (*ages[1:], None):
        if f is not None:
            prev = run[-1]
            number = _NUMBER.match(r.text, prev.start)
            end = number.end() if number else prev.start + 1
            gap = _BETWEEN.fullmatch(r.text, end, f.start)
            if gap:
                run.append(f)
                continue
        if len(run) >= 2:
            listed = _group(r.text, run)
            if listed:
                out.append(listed)
        if f is not None:
            run = [f]
    return out


def _group(text: str, run: list[Figure]) -> AgeList | None:
    first, last = run[0], run[-1]
    number = _NUMBER.match(text, last.start)
    end = number.end() if number else last.start + 1
    more = _BETWEEN.match(text, end)
    if more and _NUMBER.match(text, more.end()):
        return None  # "aged 3, 5 and 7 were hurt": a list read only in part
    after = _AFTER.match(text, end)
    before = _BEFORE.search(text, max(0, first.start - 30), first.start)
    start = first.start
    noun = ""
    if after and after.group(1) in _SEX:
        noun, end = after.group(1), after.end()
    elif before and before.group(1) in _SEX:
        noun, start = before.group(1), before.start()
    if not noun:
        return None  # whose ages these are is not said: nothing to compare them by
    ages = tuple(sorted(f.value for f in run))
    return AgeList(ages, _SEX[noun], text[start:end])


def age_list_conflicts(
    x: Reading, y: Reading, all_a: Sequence[AgeList], all_b: Sequence[AgeList]
) -> list[tuple[str, float]]:
    """Lists of as many ages of a group of one sex that differ, as (detail, strength);
    ``all_a``/``all_b`` are every list of each report (one that gives both tells of two
    groups)."""
    out: list[tuple[str, float]] = []
    for p in age_lists(x):
        for q in age_lists(y):
            if len(p.ages) != len(q.ages) or p.ages == q.ages:
                continue
            if p.sex and q.sex and p.sex != q.sex:
                continue  # "two sons, ages 6 and 16" / "girls age 6 and 8": two families
            if any(o.ages == q.ages for o in all_a) or any(o.ages == p.ages for o in all_b):
                continue
            out.append(
                (f"age: A says '{p.text}'; B says '{q.text}'; the lists of ages differ", 0.6)
            )
    return out
