"""Ingest: files and folders of .txt, .md/.markdown and .jsonl into articles with stable ids."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from index.ingest.decoding import decode
from index.ingest.files import scan
from index.ingest.formats import read_file, read_paths, text_article
from index.models import Article, Skipped

HEADLINE = "North Korea is rumored to send 10,000 troops to aid Russia in attacking Ukraine, U.S. concerned"


def _read(*paths: Path) -> tuple[dict[str, Article], list[Skipped]]:
    articles: dict[str, Article] = {}
    skipped: list[Skipped] = []
    for item in read_paths(paths):
        if isinstance(item, Article):
            articles[item.id] = item
        else:
            skipped.append(item)
    return articles, skipped


def test_seed_with_headline_line_uses_it_without_dataset_residue(seeds_dir: Path) -> None:
    articles, skipped = _read(seeds_dir)
    assert skipped == []
    a = articles["000_44cfc8ca5dd0595f.txt"]
    assert a.title == HEADLINE
    raw = (seeds_dir / "000_44cfc8ca5dd0595f.txt").read_text(encoding="utf-8")
    assert raw.startswith(HEADLINE + "_1")
    assert a.blocks[0].kind == "heading"
    # The text keeps the residue (offsets index the file); the heading block, which is what the
    # reader shows, stops before it.
    assert a.text.startswith(HEADLINE + "_1")
    assert a.text[a.blocks[0].start : a.blocks[0].end] == HEADLINE


def test_seed_without_headline_derives_title_from_first_sentence(seeds_dir: Path) -> None:
    articles, _ = _read(seeds_dir)
    a = articles["004_3a8db0f9f1ecf686.txt"]
    assert a.title.startswith("According to a senior Ukrainian official")
    assert len(a.title) <= 91
    assert a.title.endswith("…")  # the first sentence is long: cut at a word boundary
    assert all(b.kind == "paragraph" for b in a.blocks)


def test_txt_text_is_the_decoded_file_and_blocks_index_it(seeds_dir: Path) -> None:
    for path in sorted(seeds_dir.glob("*.txt")):
        articles, _ = _read(path)
        (a,) = articles.values()
        assert a.text == path.read_text(encoding="utf-8")
        assert a.id == path.name
        assert a.path == str(path.resolve())
        for b in a.blocks:
            assert 0 <= b.start < b.end <= len(a.text)
            chunk = a.text[b.start : b.end]
            assert chunk == chunk.strip() and chunk


def test_headline_rules() -> None:
    assert text_article("Troops gather near border_12\nBody text.", "x", "x").title == (
        "Troops gather near border"
    )
    # A first line ending like a sentence is not a headline.
    a = text_article("Troops gathered. They waited.\nMore.", "x", "x")
    assert a.title == "Troops gathered."
    assert a.blocks[0].kind == "paragraph"
    # A lone line is the whole article, not a headline.
    assert text_article("Only line here", "x", "x").blocks[0].kind == "paragraph"


def test_utf8_bom_is_allowed_and_not_part_of_text(tmp_path: Path) -> None:
    f = tmp_path / "bom.txt"
    f.write_bytes(b"\xef\xbb\xbfHeadline\nBody words.")
    articles, skipped = _read(f)
    assert skipped == []
    (a,) = articles.values()
    assert a.text == "Headline\nBody words."
    assert a.title == "Headline"
    assert a.notes == ()


def test_cp1252_fallback_with_note(tmp_path: Path) -> None:
    f = tmp_path / "legacy.txt"
    f.write_bytes("Caf\u00e9 talks\nThe \u201cdeal\u201d cost \u20ac5.".encode("cp1252"))
    (a,), skipped = list(_read(f)[0].values()), _read(f)[1]
    assert skipped == []
    assert a.text == "Caf\u00e9 talks\nThe \u201cdeal\u201d cost \u20ac5."
    assert any("cp1252" in n for n in a.notes)


def test_latin1_fallback_when_cp1252_cannot_decode() -> None:
    text, notes = decode(b"Ren\xe9e \x81 said")
    assert text == "Ren\u00e9e \x81 said"
    assert any("latin-1" in n for n in notes)


def test_mostly_utf8_file_keeps_its_correct_characters() -> None:
    text, notes = decode("Café in Kyiv — “quoted”".encode() + b" \xff broken")
    assert text.startswith("Café in Kyiv — “quoted”")
    assert text.endswith("\ufffd broken")
    assert any("invalid UTF-8" in n for n in notes)


def test_markdown_front_matter_and_structure(tmp_path: Path) -> None:
    f = tmp_path / "report.md"
    f.write_text(
        "---\ntitle: Troops cross the border\ndate: Saturday, October 12, 2024\nsource: Wire\n"
        "url: https://example.org/a\nauthor: [A. Writer, B. Writer]\n---\n"
        "# Heading one\n\nFirst *emphasised* paragraph with **strong** and `code` and "
        "[a link](https://x.org).\n\n- item one\n- item two\n\n> quoted words\n",
        encoding="utf-8",
    )
    (a,) = _read(f)[0].values()
    assert a.id == "report.md"
    assert (a.title, a.date, a.source, a.url) == (
        "Troops cross the border",
        "2024-10-12",
        "Wire",
        "https://example.org/a",
    )
    assert a.author == "A. Writer, B. Writer"
    assert a.format == "md"
    assert "---" not in a.text and "*" not in a.text and "#" not in a.text
    kinds = [(b.kind, a.text[b.start : b.end]) for b in a.blocks]
    assert kinds[0] == ("heading", "Heading one")
    assert ("list_item", "item two") in kinds
    assert ("blockquote", "quoted words") in kinds
    spans = {(s.label, a.text[s.start : s.end]) for s in a.inline}
    assert {
        ("em", "emphasised"),
        ("strong", "strong"),
        ("code", "code"),
        ("link", "a link"),
    } <= spans


def test_markdown_title_falls_back_to_first_heading(tmp_path: Path) -> None:
    f = tmp_path / "h.markdown"
    f.write_text("Intro line.\n\n## The real heading\n\nBody.\n", encoding="utf-8")
    (a,) = _read(f)[0].values()
    assert a.title == "The real heading"


def test_jsonl_lines_become_articles_with_rel_hash_ids(tmp_path: Path) -> None:
    sub = tmp_path / "feeds"
    sub.mkdir()
    rows = [
        {
            "id": "a1",
            "text": "Troops moved.",
            "title": "T1",
            "date": "2024-10-15",
            "source": "Wire",
            "url": "https://x",
            "story": "s1",
        },
        {"text": "No id here, so the line number is used."},
    ]
    (sub / "batch.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", "utf-8")
    articles, skipped = _read(tmp_path)
    assert skipped == []
    a = articles["feeds/batch.jsonl#a1"]
    assert (a.title, a.date, a.source, a.url, a.story, a.format) == (
        "T1",
        "2024-10-15",
        "Wire",
        "https://x",
        "s1",
        "jsonl",
    )
    assert a.text == "Troops moved."
    b = articles["feeds/batch.jsonl#2"]
    assert b.title == "No id here, so the line number is used."


def test_ids_are_relative_to_the_corpus_root_and_stable(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "deep.txt").write_text("Head\nBody.", "utf-8")
    first = set(_read(tmp_path)[0])
    second = set(_read(tmp_path)[0])
    assert first == second == {"a/b/deep.txt"}
    # Named directly, a file's id is its name.
    assert set(_read(tmp_path / "a" / "b" / "deep.txt")[0]) == {"deep.txt"}


def test_scan_ignores_hidden_and_reports_other_types(tmp_path: Path) -> None:
    (tmp_path / ".hidden.txt").write_text("Head\nBody.", "utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("Head\nBody.", "utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / "UPPER.TXT").write_text("Head\nBody.", "utf-8")
    files, skipped = scan([tmp_path])
    assert [Path(f.path).name for f in files] == ["UPPER.TXT"]
    assert [(Path(s.path).name, "not an article file type" in s.reason) for s in skipped] == [
        ("photo.jpg", True)
    ]


def test_missing_path_is_skipped_with_reason(tmp_path: Path) -> None:
    files, skipped = scan([tmp_path / "nope"])
    assert files == []
    assert skipped[0].reason == "no such file or folder"


def test_read_file_gives_one_reason_per_bad_file(tmp_path: Path) -> None:
    f = tmp_path / "e.txt"
    f.write_bytes(b"")
    (src,), _ = scan([f])
    assert read_file(src) == ([], [Skipped(str(f), "empty file")])


@pytest.mark.parametrize("suffix", [".txt", ".md", ".markdown", ".jsonl"])
def test_every_article_suffix_is_read(tmp_path: Path, suffix: str) -> None:
    body = '{"text": "Kyiv spoke."}' if suffix == ".jsonl" else "Kyiv spoke.\n"
    (tmp_path / f"a{suffix}").write_text(body, "utf-8")
    articles, skipped = _read(tmp_path)
    assert skipped == []
    assert [a.text.strip() for a in articles.values()] == ["Kyiv spoke."]


def test_headline_ending_in_a_number_keeps_it() -> None:
    from index.ingest.formats import text_article

    article = text_article(
        "Storm kills 12\nThe storm hit the coast on Monday.\n", "a.txt", "/a.txt"
    )
    assert article.title == "Storm kills 12"
    residue = text_article(
        "Storm kills 12_1\nThe storm hit the coast on Monday.\n", "b.txt", "/b.txt"
    )
    assert residue.title == "Storm kills 12"
