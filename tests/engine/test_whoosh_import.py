"""Whoosh imported with stand-ins for what it imports but never calls (``whoosh_compat.load_whoosh``):
the modules stay out, nothing a program sees changes, and a Whoosh index still reads right."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from index.store.standins import StandIn, deferred, standing_in

ROOT = Path(__file__).resolve().parents[2]


def run(code: str) -> str:
    out = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    return out.stdout


def test_the_search_door_leaves_out_what_whoosh_never_calls() -> None:
    out = run(
        """
        import sys
        import index.store.whoosh_public
        from index.store.standins import StandIn
        left_out = ("asyncio", "urllib.request", "http.client", "ssl", "cached_property",
                    "whoosh.lang.morph_en")
        print(sorted(m for m in left_out if m in sys.modules))
        print(sorted(n for n, m in sys.modules.items() if isinstance(m, StandIn)))
        """
    )
    assert out.split("\n")[:2] == ["[]", "[]"]


def test_the_real_modules_load_afterwards_and_whoosh_calls_reach_them() -> None:
    out = run(
        """
        import index.store.whoosh_public
        import urllib.request, cached_property, whoosh.compat, whoosh.query.terms
        from whoosh.lang import morph_en
        print(urllib.request.__file__ is not None, callable(urllib.request.urlopen))
        print(cached_property.cached_property.__module__)
        print(whoosh.query.terms.variations("rendering") == morph_en.variations("rendering"))
        print(whoosh.compat.urlretrieve("file:///dev/null")[0] is not None)
        """
    )
    assert out.split("\n")[:4] == ["True True", "cached_property", "True", "True"]


def test_deleted_documents_stay_deleted_with_the_stand_in_property(tmp_path: Path) -> None:
    # whoosh.reading.SegmentReader.deleted_docs_set is the one cached property Whoosh has.
    out = run(
        f"""
        import functools
        import index.store.whoosh_public
        from whoosh import index, reading
        from whoosh.fields import ID, TEXT, Schema
        from whoosh.query import Term
        print(reading.cached_property is functools.cached_property)
        ix = index.create_in({str(tmp_path)!r}, Schema(id=ID(stored=True, unique=True), body=TEXT))
        with ix.writer() as w:
            for n in range(3):
                w.add_document(id=str(n), body="kursk submarine")
        with ix.writer() as w:
            w.delete_by_term("id", "1")
        with ix.searcher() as s:
            reader = s.reader()
            print(sorted(reader.deleted_docs_set), reader.deleted_docs_set is reader.deleted_docs_set)
            print(sorted(hit["id"] for hit in s.search(Term("body", "kursk"))))
        """
    )
    assert out.split("\n")[:3] == ["True", "[1] True", "['0', '2']"]


@pytest.fixture
def fake_module(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    name = "newsdesk_standin_probe"
    (tmp_path / f"{name}.py").write_text("LOADED = True\n\ndef f(x):\n    return x + 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, name, raising=False)
    yield name
    sys.modules.pop(name, None)


def test_a_stand_in_gives_its_names_and_loads_the_real_module_for_any_other(
    fake_module: str,
) -> None:
    with standing_in({fake_module: {"f": deferred(fake_module, "f")}}) as placed:
        assert placed == [fake_module]
        module = __import__(fake_module)
        assert isinstance(module, StandIn) and "LOADED" not in vars(module)
        assert module.f(1) == 2  # the real function, the real module loaded for it
        assert not isinstance(sys.modules[fake_module], StandIn)
    assert __import__(fake_module).LOADED is True


def test_a_stand_in_read_after_its_moment_still_answers_for_the_real_module(
    fake_module: str,
) -> None:
    with standing_in({fake_module: {}}):
        held = __import__(fake_module)
    assert fake_module not in sys.modules  # gone: the next import loads the real module
    assert held.LOADED is True
    assert held.f(2) == 3


def test_a_module_already_imported_keeps_its_real_self(fake_module: str) -> None:
    real = __import__(fake_module)
    with standing_in({fake_module: {"f": None}}) as placed:
        assert placed == []
        assert sys.modules[fake_module] is real
