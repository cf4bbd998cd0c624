"""Renderers of a :class:`~index.story.models.StoryMap`: JSON for tools, a Markdown brief, text.

Article text is untrusted: the Markdown and text outputs pass every string taken from an article
through :func:`index.ingest.textsafe.neutralise` (and Markdown escaping), so no escape sequence or link
can act on the reader's terminal or brief. The JSON keeps the exact text (offsets index it).
"""

from __future__ import annotations

import textwrap

from index.ingest.textsafe import markdown_escape, neutralise
from index.story.models import DISAGREES, Claim, FigureValue, StoryMap

__all__ = ["story_to_json", "story_to_markdown", "story_to_text"]

_SHOWN_UNIQUE = 5
"""Claims listed per report under "only this report" in the brief and text (JSON has them all)."""


def story_to_json(m: StoryMap) -> dict[str, object]:
    """The story as plain JSON-ready data (``newsdesk story --format json``)."""
    ids = [r.id for r in m.reports]
    claims = []
    for c in m.claims:
        reports: dict[str, object] = {}
        for s in c.statements:
            row: dict[str, object] = {
                "stance": s.stance,
                "start": s.start,
                "end": s.end,
                "text": s.text,
            }
            if s.detail:
                row["detail"] = s.detail
            reports[ids[s.report]] = row
        claims.append({"text": c.text, "support": c.support, "reports": reports})
    return {
        "reports": [
            {"id": r.id, "title": r.title, "source": r.source, "date": r.date}
            | ({"copies": list(r.copies)} if r.copies else {})
            for r in m.reports
        ],
        "claims": claims,
        "figures": [
            {
                "measure": f.measure,
                "values": [
                    {
                        "report": ids[v.report],
                        "value": v.value,
                        "hedge": v.hedge,
                        "text": v.text,
                        "date": v.date,
                    }
                    for v in f.values
                ],
            }
            for f in m.figures
        ],
        "sources": [
            {
                "name": s.name,
                "kind": s.kind,
                "reports": [ids[r] for r in s.reports],
                "claims": list(s.claims),
            }
            for s in m.sources
        ],
        "unique": {ids[r]: list(u) for r, u in enumerate(m.unique)},
    }


_md = markdown_escape


def _plain(s: str) -> str:
    return neutralise(s).replace("\n", " ")


def _value(v: FigureValue, m: StoryMap, fmt: type[str] | None = None) -> str:
    when = v.date or "undated"
    return f"{v.value} ({when}, {m.reports[v.report].label})"


def _single_source(c: Claim, m: StoryMap) -> str | None:
    """The one source a claim rests on, when its stating sentences cite exactly one."""
    return m.sources[c.sources[0]].name if len(c.sources) == 1 else None


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _who(m: StoryMap, reports: list[int]) -> str:
    return ", ".join(m.reports[r].label for r in reports)


def story_to_markdown(m: StoryMap) -> str:
    """A brief a journalist can paste: the reports, the claims most of them make, disagreements,
    figures over time, sources, and what only one report says."""
    n = len(m.reports)
    lead = m.lead()
    out = [f"# Story: {_md(lead.title)}", ""]
    several = sum(1 for c in m.claims if c.support >= 2)
    disputed = sum(1 for c in m.claims for s in c.statements if s.stance == DISAGREES)
    out.append(
        f"{n} reports, {_count(several, 'claim')} made by two or more, "
        f"{_count(disputed, 'disagreement')}."
    )
    out.append("")
    for rep in m.reports:
        meta = ", ".join(x for x in (rep.source, rep.date) if x)
        out.append(
            f"- **{_md(rep.label)}**: {_md(rep.title)}{' (' + _md(meta) + ')' if meta else ''}"
            + (f"; copies left out: {_md(', '.join(rep.copies))}" if rep.copies else "")
        )
    out += ["", "## Claims made by several reports, and those disputed", ""]
    shared = [c for c in m.claims if c.support >= 2 or len(c.statements) > 1]
    if not shared:
        out.append("No claim is made by more than one report.")
    for k, c in enumerate(shared, 1):
        states = [s.report for s in c.statements if s.stance != DISAGREES]
        out.append(f"{k}. {_md(c.text)}  ")
        out.append(
            f"   *{c.support} of {n}*: {_md(_who(m, states))}"
            + (f"; silent: {_md(_who(m, list(c.silent)))}" if c.silent else "")
        )
        for s in c.statements:
            if s.stance == DISAGREES:
                out.append(
                    f"   - disagrees, {_md(m.reports[s.report].label)}: "
                    f"{_md(s.detail or '')} (“{_md(s.text)}”)"
                )
        one = _single_source(c, m)
        if one:
            out.append(f"   - rests on one source: {_md(one)}")
    if m.figures:
        out += ["", "## Figures over time", ""]
        for f in m.figures:
            out.append(
                f"- **{_md(f.measure)}**: " + " → ".join(_md(_value(v, m)) for v in f.values)
            )
    if m.sources:
        out += ["", "## Sources", ""]
        for src in m.sources:
            claims = ", ".join(
                str(shared.index(m.claims[c]) + 1) for c in src.claims if m.claims[c] in shared
            )
            kind = "" if src.kind == "unnamed" else f" ({src.kind})"
            out.append(
                f"- {_md(src.name)}{kind}: cited by {_md(_who(m, list(src.reports)))}"
                + (f"; claims {claims}" if claims else "")
            )
    out += ["", "## Only one report says", ""]
    for r, ids in enumerate(m.unique):
        if not ids:
            continue
        out.append(f"**{_md(m.reports[r].label)}** ({len(ids)}):")
        out += [f"- {_md(m.claims[k].text)}" for k in ids[:_SHOWN_UNIQUE]]
        if len(ids) > _SHOWN_UNIQUE:
            out.append(f"- … and {len(ids) - _SHOWN_UNIQUE} more")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _fit(text: str, width: int, indent: str, more: str) -> list[str]:
    return textwrap.wrap(text, width, initial_indent=indent, subsequent_indent=more) or [indent]


def story_to_text(m: StoryMap, width: int = 100) -> str:
    """Plain text for a terminal: a claims matrix (one column a report), then the details; no line
    longer than ``width``."""
    n = len(m.reports)
    marks = {"states": "●", DISAGREES: "✗"}
    out = [f"{n} reports:"]
    for k, rep in enumerate(m.reports, 1):
        meta = " · ".join(x for x in (rep.source, rep.date) if x)
        line = f"{_plain(rep.label)}: {_plain(rep.title)}" + (f"  ({_plain(meta)})" if meta else "")
        if rep.copies:
            line += f"; copies left out: {_plain(', '.join(rep.copies))}"
        out += _fit(line, width, f"  {k:>2} ", "     ")
    out += ["", "claims (● states, ✗ disagrees, · silent):"]
    head = " ".join(f"{k:>2}" for k in range(1, n + 1))
    out.append(f"  {head}   claim")
    pad = " " * (len(head) + 5)
    shown = [c for c in m.claims if c.support >= 2 or len(c.statements) >= 2]
    if not shown:
        out[-1] = "  no claim is made by more than one report"  # was the matrix's head alone
    for c in shown:
        row = " ".join(f"{marks[s.stance] if (s := c.statement(r)) else '·':>2}" for r in range(n))
        lines = _fit(_plain(c.text), width, f"  {row}   ", pad)
        out += lines[:3]
        for s in c.statements:
            if s.stance == DISAGREES:
                out += _fit("✗ " + _plain(s.detail or ""), width, pad, pad + "  ")[:2]
    if m.figures:
        out += ["", "figures over time:"]
        for f in m.figures:
            line = f"{_plain(f.measure)}: " + " → ".join(_plain(_value(v, m)) for v in f.values)
            out += _fit(line, width, "  ", "    ")
    if m.sources:
        out += ["", "sources:"]
        for src in m.sources:
            kind = "" if src.kind == "unnamed" else f" ({src.kind})"
            line = (
                f"{_plain(src.name)}{kind}: cited by {_plain(_who(m, list(src.reports)))}, "
                f"for {len(src.claims)} claim{'s' if len(src.claims) != 1 else ''}"
            )
            out += _fit(line, width, "  ", "    ")
    unique = ", ".join(f"{_plain(m.reports[r].label)} {len(u)}" for r, u in enumerate(m.unique))
    out += [""] + _fit(
        f"only one report: {sum(len(u) for u in m.unique)} claims ({unique})", width, "", "  "
    )
    return "\n".join(out) + "\n"
