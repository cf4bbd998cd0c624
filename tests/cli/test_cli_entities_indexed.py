"""``newsdesk entities PATH`` reads the entities a current index holds (and analyses otherwise), and
``newsdesk related`` keeps its model beside the index: the same output either way."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from index.ingest.textsafe import neutralise
from index.store import Store

ROWS = [
    {
        "id": "q1",
        "title": "Quake shakes Chile",
        "date": "2010-02-27",
        "source": "Wire",
        "text": "A magnitude 8.8 earthquake struck central Chile on Saturday, President Michelle "
        "Bachelet said in Santiago. The U.S. Geological Survey put the epicentre near Concepcion.",
    },
    {
        "id": "q2",
        "title": "Chile counts the dead",
        "date": "2010-02-28",
        "source": "Daily",
        "text": "Michelle Bachelet declared a state of catastrophe after the earthquake in Chile "
        "killed more than 700 people, officials in Santiago said on Sunday.",
    },
    {
        "id": "r1",
        "title": "Bank raises rates",
        "date": "2010-03-01",
        "source": "Wire",
        "text": "The Reserve Bank of Australia raised its cash rate to 4 percent on Tuesday, "
        "Governor Glenn Stevens said in Sydney.",
    },
]


def _write_corpus(root: Path) -> Path:
    root.mkdir(parents=True)
    lines = [json.dumps(r) for r in ROWS]
    lines.insert(1, "{not json")  # a line skipped, with its reason
    (root / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "mayor.txt").write_text(
        "Mayor opens bridge\n\nMayor Anne Hidalgo opened the new bridge in Paris on Monday, "
        "the city council said.\n",
        encoding="utf-8",
    )
    sub = root / "sub"
    sub.mkdir()
    (sub / "notes.md").write_text(
        "# Talks in Geneva\n\nDiplomats from France and Germany met in Geneva on 3 March.\n",
        encoding="utf-8",
    )
    return root


# The engine's reader, as ``tui.engine`` names it once its door lists it (``_HELPERS``); until then
# ``entities`` analyses every article, and these tests name it themselves.
READER = ("indexed_articles", "index.related.stored_entities")
WIRED = (
    "import sys, tui.engine\n"
    f"tui.engine._HELPERS.setdefault({READER[0]!r}, {READER[1]!r})\n"
    "from tui.cli import main\n"
    "sys.exit(main(sys.argv[1:]))\n"
)


def _entities(tmp_path: Path, *args: str, wired: bool = True) -> tuple[int, str, str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"}
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    env["NEWSDESK_CONFIG_DIR"] = str(tmp_path / "config")
    env["NEWSDESK_DATA_DIR"] = str(tmp_path / "data")
    start = ["-c", WIRED] if wired else ["-m", "tui"]
    proc = subprocess.run(
        [sys.executable, *start, "entities", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
        check=False,
    )
    return proc.returncode, proc.stdout, proc.stderr


def test_entities_from_a_current_index_match_the_analysed_ones(
    run_cli: Callable[..., Any], tmp_path: Path
) -> None:
    corpus = _write_corpus(tmp_path / "corpus")
    ix, unused = tmp_path / "ix", tmp_path / "never-indexed"
    assert run_cli("index", str(corpus), index_dir=ix).code == 0
    for args in (
        [str(corpus), "--json"],
        [str(corpus)],
        [str(corpus / "sub" / "notes.md"), str(corpus / "wire.jsonl"), "--json"],
    ):
        indexed = _entities(tmp_path, *args, "--index-dir", str(ix))
        analysed = _entities(tmp_path, *args, "--index-dir", str(unused), wired=False)
        assert indexed[0] == analysed[0] == 0, indexed[2] + analysed[2]
        assert indexed[1:] == analysed[1:]
    assert "skipped" in indexed[2]  # the bad line, told either way
    assert "Michelle Bachelet" in indexed[1]
    assert not unused.exists()  # no index is made for entities PATH


def test_only_a_current_index_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The index is read when nothing changed since it was built; a file changed since, a path it
    does not cover or a ``file.jsonl#ID`` is read and analysed instead."""
    import tui.engine
    from tui.cli_entities import _indexed_rows

    corpus = _write_corpus(tmp_path / "corpus")
    ix = tmp_path / "ix"
    Store([corpus], index_dir=ix).update()
    monkeypatch.delitem(tui.engine._HELPERS, READER[0], raising=False)
    assert _indexed_rows([str(corpus)], str(ix)) is None  # a door without the reader: analysed
    monkeypatch.setitem(tui.engine._HELPERS, *READER)
    found = _indexed_rows([str(corpus)], str(ix))
    assert found is not None
    rows, skipped = found
    assert [a.id.rpartition("#")[2] for a, _ in rows if a.path.endswith("wire.jsonl")] == [
        "q1",
        "q2",
        "r1",
    ]
    assert len(rows) == 5 and len(skipped) == 1
    assert _indexed_rows([str(corpus / "wire.jsonl") + "#q1"], str(ix)) is None
    assert _indexed_rows([str(corpus / "sub")], str(ix)) is None  # another corpus, another index
    mayor = corpus / "mayor.txt"
    mayor.write_text(mayor.read_text(encoding="utf-8") + "More text.\n", encoding="utf-8")
    assert _indexed_rows([str(corpus)], str(ix)) is None


@pytest.mark.parametrize("ratio", [0, 10**6], ids=["a lookup a file", "one pass"])
def test_the_reader_gives_the_analysed_articles_and_refuses_files_it_lacks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ratio: int
) -> None:
    import index.related.stored_entities as reader
    from index.analysis import analyse
    from index.ingest.formats import read_paths
    from index.models import Article

    monkeypatch.setattr(reader, "_SCAN_RATIO", ratio)
    corpus = _write_corpus(tmp_path / "corpus")
    store = Store([corpus], index_dir=tmp_path / "ix")
    store.update()
    for paths in ([str(corpus)], [str(corpus / "wire.jsonl")], [str(corpus / "sub")]):
        found = reader.indexed_articles(store, paths)
        read = list(read_paths(paths))
        expected = [(a, analyse(a)) for a in read if isinstance(a, Article)]
        assert found is not None and found[0] == expected
        assert found[1] == [s for s in read if not isinstance(s, Article)]
    other = Store([corpus / "sub"], index_dir=tmp_path / "ix-sub")
    other.update()
    assert reader.indexed_articles(other, [str(corpus / "mayor.txt")]) is None


def test_printable_text_is_what_neutralise_leaves_it() -> None:
    """``entities`` skips neutralise on printable text: every character it replaces or removes
    is unprintable (controls, C1, bidi formats), so printable text comes back unchanged."""
    for code in range(0x110000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        ch = chr(code)
        if ch.isprintable():
            assert neutralise(ch) == ch, hex(code)
    assert neutralise("a\x1b[31mred") != "a\x1b[31mred" and not "a\x1b[31mred".isprintable()


def test_related_keeps_its_model_beside_the_index(
    run_cli: Callable[..., Any], tmp_path: Path
) -> None:
    corpus = _write_corpus(tmp_path / "corpus")
    ix = tmp_path / "ix"
    ref = str(corpus / "wire.jsonl") + "#q1"
    first = run_cli("related", ref, str(corpus), "--json", index_dir=ix)
    assert first.code == 0, first.err
    model = ix / "related-model.bin"
    assert model.is_file()
    stamp = model.stat().st_mtime_ns
    second = run_cli("related", ref, str(corpus), "--json", index_dir=ix)
    assert second.out == first.out
    assert model.stat().st_mtime_ns == stamp  # read, not written again
    top = first.json()["related"][0]
    assert top["id"].endswith("#q2")
    # A new report of the story: the model is built again and finds it.
    with open(corpus / "wire.jsonl", "a", encoding="utf-8") as fh:
        fh.write(json.dumps(dict(ROWS[0], id="q3", title="Chile quake: a copy")) + "\n")
    third = run_cli("related", ref, str(corpus), "--json", index_dir=ix)
    assert third.json()["related"][0]["id"].endswith("#q3")
    assert os.path.getsize(model) > 0


def test_the_library_index_serves_a_path_it_holds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With no index of the typed paths, the library's is read when it holds them and is current."""
    from tui import library
    from tui.cli_entities import _current_index

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("NEWSDESK_CONFIG_DIR", str(tmp_path / "config"))
    corpus = _write_corpus(tmp_path / "corpus")
    other = _write_corpus(tmp_path / "other")
    wire = str(corpus / "wire.jsonl")
    library.add([str(corpus)])
    assert _current_index([wire], None) is None  # the library is not indexed yet
    Store(library.load()).update()
    assert _current_index([wire], None) == (library.load(), None)
    assert _current_index([wire, str(other)], None) is None  # not all in the library
    assert _current_index([wire], str(tmp_path / "elsewhere")) is None  # --index-dir wins
