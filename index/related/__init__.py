"""Related reports and stories: which articles of the corpus cover the same story as one article,
and the corpus grouped into stories.

The public face is :func:`related`, :func:`rank`, :func:`stories` and :func:`group`. It reads
each article's features (its whole-body vector and dates), which :mod:`index.analysis.features` makes
once at index time and the store keeps. Inside: ``similarity`` (the corpus model: two articles' similarity), ``reports`` (ranking the
related reports of one article, from the model or, in a large corpus, from the index) and
``grouping`` (the corpus in stories), ``stored`` (the model kept beside the index, memory-mapped, so
that each ``newsdesk related`` does not build it again) and ``stored_entities`` (articles and their
entities read back from the index for ``newsdesk entities``).
"""

from __future__ import annotations

from index.related.grouping import Story, group, stories
from index.related.reports import Related, RelatedError, rank, related
from index.related.similarity import SAME_STORY

__all__ = ["SAME_STORY", "Related", "RelatedError", "Story", "group", "rank", "related", "stories"]
