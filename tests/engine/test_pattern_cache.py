"""Patterns compiled from the codes a former process kept match as ``re.compile``'s do, and a
cache that cannot be used only costs speed."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from index import pattern_cache

PATTERNS: list[tuple[Any, int]] = [
    (r"(?P<day>\d{1,2})\s+(?P<month>January|February|March)\b", 0),
    (r"(?i)\bkursk\b|north\s+korea", 0),
    (r"[A-Z]\w+(?:\s+[A-Z]\w+)*", re.ASCII),
    (r"^\s*#.*$", re.MULTILINE),
    (rb"[\x80-\xff]+", 0),
    (r"(?<=\d)(?:st|nd|rd|th)(?!\w)", re.IGNORECASE),
]
TEXTS = [
    "On 12 January North Korea said",
    "kursk KURSK Kursk!",
    "Élan Vital and Café Noir",
    "# a\n b",
    "the 21st and 22ND of 3rd",
    "",
]


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache folder of its own, and the module as a new process finds it."""
    monkeypatch.setenv("NEWSDESK_PATTERN_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(pattern_cache, "_table", None)
    monkeypatch.setattr(pattern_cache, "_added", {})
    monkeypatch.setattr(pattern_cache, "_folder", [])
    return tmp_path / "cache"


def _same(compiled: re.Pattern[Any], expected: re.Pattern[Any]) -> None:
    assert compiled.pattern == expected.pattern and compiled.flags == expected.flags
    assert compiled.groupindex == expected.groupindex and compiled.groups == expected.groups
    for text in TEXTS:
        subject = text.encode("utf-8") if isinstance(compiled.pattern, bytes) else text
        assert [m.span() for m in compiled.finditer(subject)] == [
            m.span() for m in expected.finditer(subject)
        ]


def test_patterns_come_back_from_the_cache_and_match_alike(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not pattern_cache._usable():
        pytest.skip("the cache is used on CPython 3.11-3.13 only")
    expected = [re.compile(p, f) for p, f in PATTERNS]
    first = [pattern_cache.compiled(p, f) for p, f in PATTERNS]
    pattern_cache.save()
    assert len(list(fresh.glob("patterns-*.marshal"))) == 1
    # A new process: nothing compiled by re's compiler, every pattern made from the kept codes.
    monkeypatch.setattr(pattern_cache, "_table", None)
    from re import _compiler  # type: ignore[attr-defined]

    def refuse(*args: object) -> None:
        raise AssertionError("compiled again")

    monkeypatch.setattr(_compiler, "compile", refuse)
    again = [pattern_cache.compiled(p, f) for p, f in PATTERNS]
    for right, one, two in zip(expected, first, again, strict=True):
        _same(one, right)
        _same(two, right)


def test_a_damaged_or_foreign_cache_only_costs_speed(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pattern_cache.compiled(PATTERNS[0][0], 0)
    pattern_cache.save()
    files = list(fresh.glob("patterns-*.marshal"))
    if not files:
        pytest.skip("the cache is used on CPython 3.11-3.13 only")
    for damage in (b"", b"\x00garbage", files[0].read_bytes()[:-40]):
        files[0].write_bytes(damage)
        monkeypatch.setattr(pattern_cache, "_table", None)
        _same(pattern_cache.compiled(PATTERNS[0][0], 0), re.compile(PATTERNS[0][0]))
    # Codes another Python kept are not used.
    monkeypatch.setattr(pattern_cache, "_build", lambda: "another python")
    monkeypatch.setattr(pattern_cache, "_table", None)
    assert pattern_cache._codes() == {}


def test_a_bad_pattern_fails_as_re_says_and_no_cache_still_compiles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSDESK_PATTERN_CACHE", "")  # no cache folder at all
    monkeypatch.setattr(pattern_cache, "_table", None)
    monkeypatch.setattr(pattern_cache, "_folder", [])
    with pytest.raises(re.error):
        pattern_cache.compiled(r"(unclosed", 0)
    _same(pattern_cache.compiled(r"\bLyon\b", 0), re.compile(r"\bLyon\b"))
    pattern_cache.save()  # nowhere to write: nothing happens
    assert list(tmp_path.iterdir()) == []
