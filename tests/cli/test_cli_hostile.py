"""Issue 7: the CLI's text and Markdown outputs never pass hostile article text to the terminal.

Every command runs on the issue 7 corpus (bad files, good articles, hostile text and file names);
stdout and stderr must hold no ESC, BEL, C1 or bidi control, the bad files must be listed with their
reasons, and markup must print literally (escaped in Markdown, so a pasted brief has no live link).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "engine"))
from test_issue7_corpus import ESC_NAME, HOSTILE_NAME, Corpus, build_corpus, unsafe_in


def _clean(r: Any) -> None:
    assert "Traceback" not in r.err, r.err
    for stream in (r.out, r.err):
        assert not unsafe_in(stream.replace("\n", "").replace("\t", "")), unsafe_in(stream)


@pytest.fixture()
def corpus(tmp_path: Path) -> Corpus:
    return build_corpus(tmp_path / "corpus")


def test_index_search_entities_related_stories(
    run_cli: Callable[..., Any], corpus: Corpus, tmp_path: Path
) -> None:
    ix = tmp_path / "ix"
    root = str(corpus.root)
    r = run_cli("index", root, index_dir=ix)
    assert r.code == 0, r.err
    _clean(r)
    assert f"added {len(corpus.ids)}," in r.out
    for rel, reason in corpus.skipped.items():
        if rel.isprintable():  # names holding escapes are checked neutralised below
            assert f"{corpus.root / rel}: {reason}" in r.out
    assert "bad/\u241bimage.txt: binary file (a PNG image)" in r.out  # OSC in the name, neutralised
    assert "[@click=app.quit]empty.txt: empty file" in r.out

    r = run_cli("search", "MKCLICK", root, "--limit", "20", index_dir=ix)
    assert r.code == 0, r.err
    _clean(r)
    assert "[@click=app.quit]«MKCLICK»[/]" in r.out  # snippets, matched word marked, literal
    assert "Feed [bold red]MKBOLD[/]" in r.out and "\u241bMKRED\u241b" in r.out  # titles
    assert "Src [bold red]MKBOLD[/]" in r.out  # the source
    assert HOSTILE_NAME in r.out  # an id that is a hostile file name
    assert "esc\u241bname\u241b.txt" in r.out  # one with escapes in it, neutralised

    r = run_cli("entities", "--top", root, index_dir=ix)
    assert r.code == 0, r.err
    _clean(r)

    r = run_cli("related", str(corpus.root / "hostile-plain.txt"), root, index_dir=ix)
    assert r.code == 0, r.err
    _clean(r)
    assert "[@click=app.quit]MKCLICK[/]" in r.out

    r = run_cli("stories", root, index_dir=ix)
    assert r.code == 0, r.err
    _clean(r)
    assert "[@click=app.quit]MKCLICK[/]" in r.out


def test_entities_of_files_with_hostile_names(run_cli: Callable[..., Any], corpus: Corpus) -> None:
    files = [corpus.root / n for n in (HOSTILE_NAME, ESC_NAME, "hostile-feed.jsonl")]
    r = run_cli("entities", *map(str, files), str(corpus.root / "bad"), index_dir=None)
    assert r.code == 0, r.err
    _clean(r)
    assert f"({HOSTILE_NAME})" in r.out
    assert "Feed [bold red]MKBOLD[/]" in r.out
    assert "skipped " in r.err and "[@click=app.quit]empty.txt: empty file" in r.err


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_compare_text_and_markdown(run_cli: Callable[..., Any], corpus: Corpus, fmt: str) -> None:
    a, b = corpus.root / HOSTILE_NAME, corpus.root / "hostile-rival.txt"
    r = run_cli("compare", str(a), str(b), "--format", fmt, index_dir=None)
    assert r.code == 0, r.err
    _clean(r)
    if fmt == "text":
        assert "[@click=app.quit]MKCLICK[/]" in r.out
        assert "\u241bMKOSC\u241b" in r.out
        return
    # Markdown: brackets escaped, so neither a renderer nor a paste turns article text into links.
    assert "\\[@click=app.quit\\]MKCLICK\\[/\\]" in r.out
    assert "\\[link=https://x.example\\]" in r.out
    assert "[link=" not in r.out.replace("\\[link=", "")
    assert "](https://evil" not in r.out
