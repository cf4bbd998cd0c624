"""The story screen: the claims matrix agrees with the engine, Enter opens the report at the
sentence, two columns open the pairwise compare, figures and sources views, hostile text."""

from __future__ import annotations

import re
from typing import Any

from tui_helpers import HEADLINE, KURSK, settle

from index.story import story_map
from tui.screens.compare import CompareScreen
from tui.screens.story import ClaimsTable, StoryScreen

SIZE = (160, 45)


def _expected(store: Any, ids: list[str]) -> Any:
    pairs = [store.article_with_entities(i) for i in ids]
    return story_map([a for a, _ in pairs], [e for _, e in pairs])


async def _open(pilot: Any, ids: list[str]) -> StoryScreen:
    await settle(pilot)
    screen = StoryScreen(pilot.app.engine, ids)
    await pilot.app.push_screen(screen)
    await settle(pilot)
    return screen


async def test_matrix_matches_engine(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot, [HEADLINE, KURSK])
        expected = _expected(app.store, [HEADLINE, KURSK])
        table = screen.query_one(ClaimsTable)
        assert table.row_count == len(expected.claims)
        assert len(table.columns) == 2 + len(expected.reports)
        for row, claim in enumerate(expected.claims):
            for r in range(len(expected.reports)):
                s = claim.statement(r)
                mark = {"states": "●", "disagrees": "✗"}[s.stance] if s else "·"
                assert str(table.get_cell_at((row, r + 1))) == mark
        head = str(screen.query_one("#story-head").content)
        several = sum(1 for c in expected.claims if c.support >= 2)
        assert f"{several} claim{'s' if several != 1 else ''} made by two or more" in head


async def test_one_article_finds_its_story(make_app: Any) -> None:
    """From one article (the reader's hook) the story is found: both seeds."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot, [KURSK])
        assert screen.story is not None
        assert {r.id for r in screen.story.reports} == {HEADLINE, KURSK}
        assert screen.story.reports[0].id == KURSK


async def test_enter_opens_report_at_sentence(make_app: Any) -> None:
    from tui.widgets.article_view import ArticleView

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot, [HEADLINE, KURSK])
        # A claim the second report states (column 2): its sentence is the one opened.
        k = next(k for k, c in enumerate(screen.story.claims) if c.report == 1)
        claim = screen.story.claims[k]
        screen.query_one(ClaimsTable).move_cursor(row=k, column=1)
        await pilot.press("l", "enter")
        await settle(pilot)
        reader = app.screen
        assert reader is not screen
        assert reader.article_id == screen.story.reports[1].id
        s = claim.statement(1)
        assert s is not None
        assert reader.at == s.spans[0]
        assert reader.query_one(ArticleView)._current == s.spans[0]  # marked and scrolled to


async def test_two_columns_compare(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot, [HEADLINE, KURSK])
        await pilot.press("a")  # column 1: report 1 is A
        await pilot.press("l", "c")  # column 2: compare
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        assert (app.screen.a_id, app.screen.b_id) == (
            screen.story.reports[0].id,
            screen.story.reports[1].id,
        )


async def test_disagreement_explained(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot, [HEADLINE, KURSK])
        rows = [
            k
            for k, c in enumerate(screen.story.claims)
            if any(s.stance == "disagrees" for s in c.statements)
        ]
        assert rows, "the seed pair disagrees on whether the troops fought"
        k = rows[0]
        claim = screen.story.claims[k]
        who = next(s for s in claim.statements if s.stance == "disagrees")
        screen.query_one(ClaimsTable).move_cursor(row=k, column=who.report + 1)
        await pilot.pause()
        detail = str(screen.query_one("#story-detail").content)
        assert "disagrees" in detail
        assert who.detail and who.detail[:30] in detail


async def test_figures_and_sources_views(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot, [HEADLINE, KURSK])
        await pilot.press("3")
        sources = screen.query_one("#sources")
        assert screen.focused is sources
        names = [str(o.prompt) for o in sources.options]
        assert any("Volodymyr Zelensky" in n for n in names)
        await pilot.press("2")
        figures = screen.query_one("#figures")
        assert screen.focused is figures
        lines = [str(o.prompt) for o in figures.options]
        assert any("troops" in line for line in lines)
        assert any("10,000" in line for line in lines)
        await pilot.press("j", "enter")  # the first value of the first measure
        await settle(pilot)
        assert app.screen is not screen


async def test_t_in_library_and_reader_opens_the_story(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"kursk", "enter")
        await settle(pilot)
        await pilot.press("t")  # the library: the highlighted article's story
        await settle(pilot)
        assert isinstance(app.screen, StoryScreen)
        assert app.screen.story is not None
        assert len(app.screen.story.reports) == 2
        await pilot.press("q")
        await pilot.press("enter")  # the reader
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, StoryScreen)
        assert app.screen.story.reports[0].id == app.screen.article_ids[0]


async def test_hostile_text_is_never_markup(make_app: Any, tmp_path: Any) -> None:
    """Article text with markup and escapes is shown as text (no MarkupError, no escape)."""
    from tui_helpers import SEEDS

    corpus = tmp_path / "hostile"
    corpus.mkdir()
    for name in (HEADLINE, KURSK):
        text = (SEEDS / name).read_text("utf-8")
        (corpus / name).write_text(text.replace("Kursk", "[bold red]Kursk[/] \x1b[2J"), "utf-8")
    app = make_app(corpus, tmp_path / "ix")
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot, [HEADLINE, KURSK])
        assert screen.story is not None
        cells = [
            str(screen.query_one(ClaimsTable).get_cell_at((row, len(screen.story.reports) + 1)))
            for row in range(len(screen.story.claims))
        ]
        assert any("[bold red]Kursk[/]" in c for c in cells)
        assert not any("\x1b" in c for c in cells)


async def test_legend_lists_reports_by_date(make_app: Any) -> None:
    """Reports given out of date order are listed (legend and columns) from the earliest; an
    undated one last."""
    from tui_helpers import SEEDS

    from index.analysis.entities import extract
    from index.models import Article

    kursk, headline = ((SEEDS / n).read_text("utf-8") for n in (KURSK, HEADLINE))
    # The undated report tells half of the headline report's story (the whole text twice would
    # be one report and its copy).
    lines = headline.splitlines()
    half = "\n".join(lines[: len(lines) // 2]) + "\n"
    given = [
        ("late.txt", kursk, "Evening Post", "2024-11-05"),
        ("none.txt", half, "Undated Weekly", None),
        ("early.txt", headline, "Morning Star", "2024-10-20"),
    ]
    articles = [
        (Article(i, i, f"{src} report", text, src, date), list(extract(text)))
        for i, text, src, date in given
    ]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = StoryScreen(app.engine, articles=articles)
        await app.push_screen(screen)
        await settle(pilot)
        assert [r.id for r in screen.story.reports] == ["early.txt", "late.txt", "none.txt"]
        legend = str(screen.query_one("#story-reports").content)
        assert legend.index("1: Morning Star") < legend.index("2: Evening Post")
        assert legend.index("2: Evening Post") < legend.index("3: Undated Weekly")
        assert "(2024-10-20)" in legend
        # Column 1 is the earliest report: the cell says so.
        screen.query_one(ClaimsTable).move_cursor(row=0, column=1)
        await pilot.pause()
        assert "Morning Star" in str(screen.query_one("#story-detail").content)


def test_legend_packs_many_reports_into_three_lines() -> None:
    from index.story import Report
    from tui.screens.story import legend

    reports = [
        Report(
            f"r{k}",
            f"A long title of report number {k} about the story",
            "WikiNews",
            f"2009-06-{k:02d}",
            f"report {k}",
        )
        for k in range(1, 21)
    ]
    lines = legend(reports, 118)
    assert len(lines) == 3
    assert all(len(line) <= 118 for line in lines)
    numbers = [int(m) for line in lines for m in re.findall(r"(?:^|   )(\d+): ", line)]
    assert numbers == list(range(1, 21))
    assert lines[0].startswith("1: 2009-06-01   2: 2009-06-02")  # twenty: dates alone
    nine = legend(reports[:9], 118)
    assert len(nine) == 3 and all(len(line) <= 118 for line in nine)
    assert nine[0].startswith("1: A long title")  # one outlet for all: titles
    assert "(2009-06-01)" in nine[0]
    two = legend(reports[:2], 118)
    assert len(two) == 1 and "(2009-06-02)" in two[0]
