"""Compare reports of one story: which sentences make the same claim, what only one report says,
where they disagree, and who is cited for what.

The public face is :func:`compare` (two articles) and :func:`compare_texts` (two strings), returning a
:class:`Comparison` whose offsets index each article's text, and the renderers of
:mod:`index.compare.report`. Inside, by the path a comparison takes:

- ``words``: stems, stop words, kinds of counted nouns, names folded across two reports;
- ``preparation`` (a sentence read for the judgement), ``pair_features`` (a pair's inputs), ``judge``
  (the learned models: same claim, similarity, same event; their floors);
- ``matching``: candidates, many-to-many alignment, boilerplate, claims within long sentences;
- what each sentence states: ``numbers``, ``units``, ``figure_patterns`` and ``figures`` (figures with
  their hedges, roles and parts), ``readings`` (one sentence read once) with ``dates_times`` (dates,
  weekdays, clock times) and ``status_cues`` (status, certainty, fates, sources, denials);
- where two disagree: ``closeness`` (which sentence pairs to compare), ``figure_conflicts``,
  ``claim_conflicts`` (dates, status, certainty, sources, fates, denials), ``conflicts`` (``find``);
- ``worddiff``: the words of an aligned pair that the other lacks or states differently;
- ``attribution``: sources (outlets, institutions, people, unnamed) and what each is cited for;
- ``models``: the dataclasses; ``comparison``: the run that fills them; ``report``: text, Markdown, JSON.
"""

from __future__ import annotations

from index.compare.attribution import Source, sources
from index.compare.comparison import compare, compare_texts
from index.compare.models import RELATED, SHARED, Claim, Comparison, Conflict, Pair, Passage
from index.compare.report import comparison_to_json, comparison_to_markdown, comparison_to_text

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
    "compare_texts",
    "comparison_to_json",
    "comparison_to_markdown",
    "comparison_to_text",
    "sources",
]
