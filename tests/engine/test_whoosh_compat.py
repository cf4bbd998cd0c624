"""index/store/whoosh_compat.py uses Whoosh's private API: it must run on the release it was written for."""

from __future__ import annotations

import re
from pathlib import Path

from index.store import whoosh_compat

ROOT = Path(__file__).resolve().parents[2]


def test_installed_whoosh_is_the_release_whoosh_compat_was_written_for() -> None:
    problem = whoosh_compat.version_problem()
    assert problem is None, problem


def test_pyproject_pins_that_release_exactly() -> None:
    text = (ROOT / "pyproject.toml").read_text("utf-8")  # tomllib is not in Python 3.10
    pins = re.findall(r'^\s*"(whoosh-reloaded\b[^"]*)"', text, re.M | re.I)
    assert pins == [f"whoosh-reloaded=={whoosh_compat.WHOOSH_VERSION}"], (
        f"pyproject.toml must pin whoosh-reloaded=={whoosh_compat.WHOOSH_VERSION} "
        f"(the release index/store/whoosh_compat.py was written for); it says {pins}"
    )


def test_a_different_release_is_named_in_the_message(monkeypatch: object) -> None:
    import pytest

    assert isinstance(monkeypatch, pytest.MonkeyPatch)
    monkeypatch.setattr(whoosh_compat, "installed_version", lambda: "2.7.6")
    problem = whoosh_compat.version_problem()
    assert problem is not None and "2.7.6" in problem and whoosh_compat.WHOOSH_VERSION in problem


def test_the_toc_generation_is_whooshs(tmp_path: Path) -> None:
    from whoosh import index as windex
    from whoosh.fields import ID, Schema

    ix = windex.create_in(str(tmp_path), Schema(id=ID(stored=True)))
    for n in range(3):
        with ix.writer() as w:
            w.add_document(id=str(n))
    assert whoosh_compat.toc_generation(tmp_path) == ix.latest_generation() == 3


def test_store_modules_reach_whoosh_privates_only_through_whoosh_compat() -> None:
    """No ``._name`` attribute of a Whoosh object outside whoosh_compat and its writing half,
    whoosh_writing (a crude but loud check)."""
    private = re.compile(r"\b(?:writer|reader|ana|ix|segment|fmt|s)\._[a-z]")
    for path in sorted((ROOT / "index" / "store").glob("*.py")):
        if path.name in ("whoosh_compat.py", "whoosh_writing.py"):
            continue
        text = path.read_text("utf-8")
        assert not private.findall(text), f"{path.name} uses Whoosh private API: move it"
