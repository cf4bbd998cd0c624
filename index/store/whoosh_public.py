"""Whoosh's public names that the engine uses outside ``index/store``: the one door to Whoosh.

``index.search`` (queries, matchers, scoring, the query parser, spelling) and ``index.related`` (a
weighted query from an article's key terms) import Whoosh from here, never from ``whoosh`` itself
(import-linter checks: only ``index.store`` imports Whoosh). What they read below Whoosh's public API
is in :mod:`index.store.whoosh_compat`, written for the exact release pinned in pyproject.toml.

Importing this module imports Whoosh's query, parsing and scoring modules (about 60 ms): only code
that searches does so; a stat-only scan of an unchanged corpus never does.
"""

# ruff: noqa: E402 (Whoosh is imported after load_whoosh)
from __future__ import annotations

from index.store.whoosh_compat import load_whoosh

load_whoosh()  # first: without what Whoosh imports but never calls here

from whoosh import formats, query
from whoosh.analysis import StemmingAnalyzer
from whoosh.codec.whoosh3 import byte_to_length
from whoosh.matching import IntersectionMatcher, NullMatcher, WrappingMatcher
from whoosh.qparser import FuzzyTermPlugin, GtLtPlugin, MultifieldParser
from whoosh.qparser.dateparse import DateParserPlugin, English
from whoosh.query import FuzzyTerm, NullQuery, Or, Query, Term
from whoosh.query.positional import Phrase
from whoosh.reading import IndexReader
from whoosh.scoring import BM25F, BM25FScorer, WeightScorer
from whoosh.searching import Searcher
from whoosh.spelling import Corrector
from whoosh.util import make_binary_tree

__all__ = [
    "BM25F",
    "BM25FScorer",
    "Corrector",
    "DateParserPlugin",
    "English",
    "FuzzyTerm",
    "FuzzyTermPlugin",
    "GtLtPlugin",
    "IndexReader",
    "IntersectionMatcher",
    "MultifieldParser",
    "NullMatcher",
    "NullQuery",
    "Or",
    "Phrase",
    "Query",
    "Searcher",
    "StemmingAnalyzer",
    "Term",
    "WeightScorer",
    "WrappingMatcher",
    "byte_to_length",
    "formats",
    "make_binary_tree",
    "query",
]
