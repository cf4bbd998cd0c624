"""The plain data of a story view: reports, claims across them, figures over time, sources.

Every offset indexes the text of the report it belongs to (``Article.text``); reports are referred
to by their position in :attr:`StoryMap.reports`, claims by their position in
:attr:`StoryMap.claims`, sources by theirs in :attr:`StoryMap.sources`.
"""

from __future__ import annotations

from dataclasses import dataclass

STATES = "states"
DISAGREES = "disagrees"


@dataclass(frozen=True, slots=True)
class Report:
    """One report of the story.

    Attributes:
        id: Article id.
        title: Headline.
        source: Outlet, when known.
        date: Publication date (ISO when parsed), when known.
        label: A short name for the report in briefs and details: its outlet when that is unique
            in the story, else ``report N``.
        copies: Ids of the articles given that are copies of this report (the same text, or
            nearly: :mod:`index.story.copies`), left out of the story.
    """

    id: str
    title: str
    source: str | None
    date: str | None
    label: str
    copies: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Statement:
    """What one report says about one claim.

    Attributes:
        report: Index of the report.
        stance: ``states`` (it makes the claim) or ``disagrees`` (it says something that
            contradicts it).
        start: Start of the report's sentence for this claim (its first, when it has several).
        end: End of that sentence.
        text: ``report text[start:end]``.
        detail: For ``disagrees``: what differs, naming both reports.
        spans: Every sentence of the report in the claim, ``(start, end)``.
    """

    report: int
    stance: str
    start: int
    end: int
    text: str
    detail: str | None = None
    spans: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Claim:
    """A claim of the story: sentences of several reports aligned with one another.

    Attributes:
        text: The claim as its most central sentence words it.
        report: Index of the report that sentence comes from.
        support: How many reports state it.
        statements: One per report that states it or disagrees with it, in report order.
        silent: Reports that neither state it nor disagree.
        sources: Indices of the sources the stating sentences cite.
    """

    text: str
    report: int
    support: int
    statements: tuple[Statement, ...]
    silent: tuple[int, ...]
    sources: tuple[int, ...] = ()

    def statement(self, report: int) -> Statement | None:
        """The statement of ``report`` about this claim, if it makes one."""
        return next((s for s in self.statements if s.report == report), None)


@dataclass(frozen=True, slots=True)
class FigureValue:
    """One report's value for a measure.

    Attributes:
        report: Index of the report.
        value: The figure as written, with its hedge ("over 10,000").
        hedge: ``exact``, ``lower`` (more than), ``upper`` (as many as), ``near``, ``under``,
            ``about`` or ``vague``.
        text: The sentence that gives it.
        date: The report's publication date, when known.
        start: Start of the sentence in the report text.
        end: End of the sentence.
        claim: Index of the claim the sentence belongs to, if any.
    """

    report: int
    value: str
    hedge: str
    text: str
    date: str | None
    start: int
    end: int
    claim: int | None = None


@dataclass(frozen=True, slots=True)
class Measure:
    """Something several reports put a figure on ("dead", "troops", "distance"), values by date."""

    measure: str
    values: tuple[FigureValue, ...]


@dataclass(frozen=True, slots=True)
class CitedSource:
    """Someone cited by reports of the story.

    Attributes:
        name: The fullest form the reports give.
        kind: ``person``, ``outlet``, ``institution`` or ``unnamed``.
        reports: Reports that cite it.
        claims: Claims whose stating sentences cite it.
        mentions: ``(report, start, end)`` of each report's first mention of it.
    """

    name: str
    kind: str
    reports: tuple[int, ...]
    claims: tuple[int, ...]
    mentions: tuple[tuple[int, int, int], ...] = ()


@dataclass(frozen=True)
class StoryMap:
    """Every report of a story at once, claim by claim.

    Attributes:
        reports: The reports, in the order given.
        texts: Each report's text (offsets index these).
        claims: Claims ranked by support (most reports first), then by disagreement, then by
            where they stand in the reports.
        figures: Measures given by two reports or more, their values by publication date.
        sources: Who is cited, most-citing first.
        unique: For each report (by index), the claims only it makes.
    """

    reports: tuple[Report, ...]
    texts: tuple[str, ...]
    claims: tuple[Claim, ...]
    figures: tuple[Measure, ...]
    sources: tuple[CitedSource, ...]
    unique: tuple[tuple[int, ...], ...]

    def lead(self) -> Report:
        """The report that names the story: the earliest when two reports or more are dated (a
        developing story is named by the event that began it, not by a later turn two reports
        share: Haiti's earthquake, not the arrest of ten missionaries three weeks later), else the
        report of the best-supported claim."""
        dated = [(d, n) for n, r in enumerate(self.reports) if (d := _iso_day(r.date))]
        if len(dated) >= 2:
            return self.reports[min(dated)[1]]
        return self.reports[self.claims[0].report] if self.claims else self.reports[0]


def _iso_day(date: str | None) -> str | None:
    from index.analysis.dates import is_parsed, normalise_date

    day = normalise_date(date) if date else None
    return day if day and is_parsed(day) else None
