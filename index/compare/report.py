"""Renderers for a ``Comparison``: JSON for tools, Markdown for a brief, plain text side by side.

Article text is untrusted: every string taken from an article goes through
``index.ingest.textsafe.neutralise`` before it reaches the Markdown or text output, so escape sequences,
control characters and bidi overrides cannot act on the reader's terminal. The JSON keeps the exact
text (offsets must keep indexing it); JSON encoders escape control characters themselves.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from index.compare.attribution import Source
from index.compare.models import Comparison, Passage
from index.ingest.textsafe import markdown_escape, neutralise
from index.models import Span

__all__ = ["comparison_to_json", "comparison_to_markdown", "comparison_to_text"]


def _passage(p: Passage) -> dict[str, object]:
    return {"start": p.start, "end": p.end, "text": p.text}


def _diff(p: Passage, spans: tuple[Span, ...]) -> list[dict[str, object]]:
    return [
        {"start": s.start, "end": s.end, "label": s.label, "text": _cut(p, s.start, s.end)}
        for s in spans
    ]


def _cut(p: Passage, start: int, end: int) -> str:
    """The passage's text from article offset ``start`` to ``end``."""
    return p.text[max(0, start - p.start) : max(0, end - p.start)]


def _segments(p: Passage, spans: tuple[Span, ...]) -> list[tuple[str, bool]]:
    """The passage cut at its difference spans: (text, differs) in order. Spans with only spaces
    between them are shown as one ("⟦begun engaging in combat⟧", not three)."""
    runs: list[list[int]] = []
    for s in sorted(spans, key=lambda s: s.start):
        start, end = max(s.start, runs[-1][1] if runs else p.start), min(s.end, p.end)
        if end <= start:
            continue
        if runs and not _cut(p, runs[-1][1], start).strip():
            runs[-1][1] = end
        else:
            runs.append([start, end])
    out: list[tuple[str, bool]] = []
    at = p.start
    for start, end in runs:
        out += [(_cut(p, at, start), False), (_cut(p, start, end), True)]
        at = end
    out.append((_cut(p, at, p.end), False))
    return [x for x in out if x[0]]


def comparison_to_json(c: Comparison) -> dict[str, object]:
    """Return the comparison as a JSON-ready dict.

    Shape: ``{"a": {"id", "path", "title"}, "b": {...}, "pairs": [{"a": passage, "b": passage,
    "kind", "score", "a_diff", "b_diff"}], "only_a": [passage], "only_b": [passage], "conflicts":
    [{"kind", "a", "b", "detail"}], "entities": {"shared", "only_a", "only_b"}, "sources": {"a",
    "b"}}`` where a passage is ``{"start", "end", "text"}`` and ``a_diff``/``b_diff`` list the words
    each side of a pair lacks in the other as ``{"start", "end", "label", "text"}`` (article offsets;
    label ``figure``, ``name``, ``hedge``, ``status`` or ``word``). ``sources_detail`` has, for
    each side, ``{"name", "kind", "role", "start", "end", "claims": [passage]}`` per source: kind
    ``person``, ``outlet``, ``institution`` or ``unnamed``, and every sentence that cites it.
    """
    return {
        "a": {"id": c.a.id, "path": c.a.path, "title": c.a.title},
        "b": {"id": c.b.id, "path": c.b.path, "title": c.b.title},
        "pairs": [
            {
                "a": _passage(p.a),
                "b": _passage(p.b),
                "kind": p.kind,
                "score": float(p.score),
                "a_diff": _diff(p.a, p.a_diff),
                "b_diff": _diff(p.b, p.b_diff),
            }
            for p in c.pairs
        ],
        "only_a": [_passage(p) for p in c.only_a],
        "only_b": [_passage(p) for p in c.only_b],
        "conflicts": [
            {"kind": x.kind, "a": _passage(x.a), "b": _passage(x.b), "detail": x.detail}
            for x in c.conflicts
        ],
        "entities": {
            "shared": list(c.shared_entities),
            "only_a": list(c.only_a_entities),
            "only_b": list(c.only_b_entities),
        },
        "sources": {"a": [s.name for s in c.sources_a], "b": [s.name for s in c.sources_b]},
        "sources_detail": {
            "a": _sources_detail(c.a.text, c.sources_a),
            "b": _sources_detail(c.b.text, c.sources_b),
        },
    }


def _summary(c: Comparison) -> str:
    shared = sum(1 for p in c.pairs if p.kind == "shared")
    related = len(c.pairs) - shared
    return (
        f"{shared} shared, {related} related, {len(c.only_a)} only in A, "
        f"{len(c.only_b)} only in B, {len(c.conflicts)} "
        f"{'disagreement' if len(c.conflicts) == 1 else 'disagreements'}"
    )


_md = markdown_escape


def _md_marked(p: Passage, spans: tuple[Span, ...]) -> str:
    # The words the other side lacks in bold; "*" is escaped in the text, so only ours act.
    return "".join(f"**{_md(t).strip()}**" if d else _md(t) for t, d in _segments(p, spans))


def comparison_to_markdown(c: Comparison) -> str:
    """Return a brief a journalist can paste: counts, shared claims, unique claims, disagreements
    with details, and the sources each report cites.
    """
    title_a, title_b = _md(c.a.title or c.a.id), _md(c.b.title or c.b.id)
    out = [
        "# Comparison",
        "",
        f"- **A:** {title_a}",
        f"- **B:** {title_b}",
        f"- {_summary(c)}",
        "",
        "## Shared and related claims",
        "",
    ]
    for p in c.pairs:
        out.append(f"- *{p.kind}* ({p.score:.2f})")
        out.append(f"  - A: {_md_marked(p.a, p.a_diff)}")
        out.append(f"  - B: {_md_marked(p.b, p.b_diff)}")
    if not c.pairs:
        out.append("None.")
    for head, items in (("Only in A", c.only_a), ("Only in B", c.only_b)):
        out += ["", f"## {head}", ""]
        out += [f"- {_md(p.text)}" for p in items] or ["None."]
    out += ["", "## Disagreements", ""]
    for x in c.conflicts:
        out.append(f"- **{x.kind}**: {_md(x.detail)}")
        out.append(f"  - A: {_md(x.a.text)}")
        out.append(f"  - B: {_md(x.b.text)}")
    if not c.conflicts:
        out.append("None found.")
    out += ["", "## Sources", "", *_md_sources("A", c.a.text, c.sources_a)]
    out += _md_sources("B", c.b.text, c.sources_b)
    return "\n".join(out) + "\n"


OPEN, CLOSE = "\u27e6", "\u27e7"  # ⟦ ⟧ around the words one side of a pair lacks in the other
AGAIN = "\u2033 the same sentence as above"
"""The left column of a pair whose A sentence is the row above's (``comparison_to_text``)."""


def _marked(p: Passage, spans: tuple[Span, ...]) -> str:
    # Article text is neutralised and its own ⟦ ⟧ become [ ], so every ⟦ ⟧ shown is ours.
    def safe(t: str) -> str:
        return neutralise(t).replace(OPEN, "[").replace(CLOSE, "]")

    return "".join(f"{OPEN}{safe(t)}{CLOSE}" if d else safe(t) for t, d in _segments(p, spans))


def _columns(left: str, right: str, col: int, mark: str) -> list[str]:
    lw = textwrap.wrap(neutralise(left), col) or [""]
    rw = textwrap.wrap(neutralise(right), col) or [""]
    rows = []
    for k in range(max(len(lw), len(rw))):
        lt = lw[k] if k < len(lw) else ""
        rt = rw[k] if k < len(rw) else ""
        rows.append(f"{mark if k == 0 else ' '} {lt.ljust(col)} | {rt}".rstrip())
    return rows


def comparison_to_text(c: Comparison, width: int = 100) -> str:
    """Return a side-by-side plain-text view for a terminal of ``width`` columns.

    A summary line comes first; then claims in the order of A, each next to its counterpart in B.
    The mark in the first column says ``=`` shared, ``~`` related, ``<`` only in A, ``>`` only in B,
    ``!`` a pair that disagrees; the disagreements are spelt out at the end. In a pair, the words
    one side lacks in the other (or states differently) are shown ``⟦like this⟧``. A sentence of A
    paired with several of B is written once, the rows after it marked ``″`` (:data:`AGAIN`).
    """
    col = max(10, (width - 5) // 2)
    disputed = {(x.a.start, x.b.start) for x in c.conflicts}
    rows: list[tuple[tuple[int, int], str, str, str]] = []
    for p in c.pairs:
        mark = "!" if (p.a.start, p.b.start) in disputed else "=" if p.kind == "shared" else "~"
        rows.append(((p.a.start, p.b.start), mark, _marked(p.a, p.a_diff), _marked(p.b, p.b_diff)))
    for q in c.only_a:
        rows.append(((q.start, -1), "<", q.text, ""))
    # A claim only in B goes after the pair whose B side comes just before it.
    b_anchor = sorted((p.b.start, p.a.start) for p in c.pairs)
    for q in c.only_b:
        anchor = max((a for b, a in b_anchor if b < q.start), default=-1)
        rows.append(((anchor, q.start), ">", "", q.text))
    rows.sort(key=lambda r: r[0])
    # One sentence of A paired with several of B (a lead that sums up what B tells in three or four
    # sentences) was written out again beside each: the seed pair's headline five times. It is
    # written once; the rows after it say so, each beside its own counterpart and mark.
    for k in range(1, len(rows)):
        (a_now, b_now), (a_before, b_before) = rows[k][0], rows[k - 1][0]
        if a_now == a_before and b_now >= 0 and b_before >= 0 and rows[k][2]:
            rows[k] = (rows[k][0], rows[k][1], AGAIN, rows[k][3])
    title_a = neutralise(c.a.title or c.a.id)
    title_b = neutralise(c.b.title or c.b.id)
    header = f"  {_ellipsed('A: ' + title_a, col).ljust(col)} | {_ellipsed('B: ' + title_b, col)}"
    # the summary and the source lines wrap to the width (cut, "4 disagreements" read "4 disagreeme")
    out = [
        *(w for line in _summary(c).split("\n") for w in textwrap.wrap(line, max(20, width))),
        "",
        header.rstrip(),
    ]
    out.append("-" * min(width, 2 * col + 5))
    for _key, mark, left, right in rows:
        out.extend(_columns(left, right, col, mark))
    if c.conflicts:
        out += ["", "Disagreements:"]
        for x in c.conflicts:
            out.extend(textwrap.wrap(f"! {x.kind}: {neutralise(x.detail)}", max(20, width)))
    out.append("")
    for side, found in (("A", c.sources_a), ("B", c.sources_b)):
        cites = f"{side} cites: " + (", ".join(_source_label(s) for s in found) or "nobody named")
        out.extend(textwrap.wrap(cites, max(20, width), subsequent_indent="  "))
    return "\n".join(out) + "\n"


def _ellipsed(text: str, width: int) -> str:
    """``text`` in ``width`` characters, ending in "…" when it is longer."""
    return text if len(text) <= width else text[: max(0, width - 1)].rstrip() + "…"


# --- sources: who each report cites, and for which sentences -------------------------------------


def _sources_detail(text: str, found: Sequence[Source]) -> list[dict[str, object]]:
    return [
        {
            "name": s.name,
            "kind": s.kind,
            "role": s.role,
            "start": s.start,
            "end": s.end,
            "claims": [{"start": a, "end": b, "text": text[a:b]} for a, b in s.claims],
        }
        for s in found
    ]


def _source_label(s: Source) -> str:
    """The name, then the role the report gives or else the kind: "Jan Egeland (the UN's emergency
    relief coordinator)", "AP (outlet)"; an unnamed source's name says so already."""
    if s.unnamed:
        return neutralise(s.name)
    return f"{neutralise(s.name)} ({neutralise(s.role or s.kind)})"


_CLAIM_CHARS = 200


def _md_sources(side: str, text: str, found: Sequence[Source]) -> list[str]:
    """A summary line for one side, then each source with the sentences citing it."""
    names = ", ".join(_md(_source_label(s)) for s in found) or "nobody named"
    out = [f"- {side} cites: {names}"]
    for s in found:
        out.append(f"  - {_md(_source_label(s))}")
        for a, b in s.claims:
            claim = " ".join(text[a:b].split())
            if len(claim) > _CLAIM_CHARS:
                claim = claim[: _CLAIM_CHARS - 1].rstrip() + "…"
            out.append(f"    - {_md(claim)}")
    return out
