"""What the compare screen shows, worked out from a ``Comparison`` (pure functions, no widgets).

A *link* joins a passage of report A to one of report B: an aligned claim (a ``Pair``) or a
disagreement (a ``Conflict``). Links are what ``]``/``[`` and ``}``/``{`` step through; *marks* say
how each passage of one report is drawn.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.content import Content
from textual.style import Style

from index.models import Entity, Span
from tui.widgets.compare_pane import TINTS, Mark
from tui.widgets.lists import safe

if TYPE_CHECKING:
    from tui.engine import Comparison, Pair, Passage


@dataclass(frozen=True, slots=True)
class Link:
    """A passage of A joined to a passage of B.

    Attributes:
        kind: ``shared`` or ``related`` (an aligned claim) or ``conflict``.
        a: The passage of report A.
        b: The passage of report B.
        tint: Colour index of an aligned claim (``-1`` for a conflict).
        score: Similarity of an aligned claim (``0`` for a conflict).
        detail: For a conflict, the engine's explanation; ``conflict`` says which kind.
        conflict: The conflict's kind (``figure``, ``status`` ...), empty for a claim.
        pair: The aligned pair whose passages these are, if any: it gives ``a_diff`` and
            ``b_diff``, worked out when the screen first shows them.
    """

    kind: str
    a: Passage
    b: Passage
    tint: int = -1
    score: float = 0.0
    detail: str = ""
    conflict: str = ""
    pair: Pair | None = None

    @property
    def a_diff(self) -> tuple[Span, ...]:
        """The words of ``a`` that ``b`` lacks or states otherwise (article offsets, labelled)."""
        return self.pair.a_diff if self.pair is not None else ()

    @property
    def b_diff(self) -> tuple[Span, ...]:
        """The words of ``b`` that ``a`` lacks or states otherwise."""
        return self.pair.b_diff if self.pair is not None else ()


def _key(p: Passage) -> tuple[int, int]:
    return (p.start, p.end)


def claim_links(c: Comparison) -> list[Link]:
    """The aligned claims in A's reading order, each with its colour."""
    pairs = sorted(c.pairs, key=lambda p: (p.a.start, p.b.start))
    return [Link(p.kind, p.a, p.b, n % TINTS, p.score, pair=p) for n, p in enumerate(pairs)]


def conflict_links(c: Comparison) -> list[Link]:
    """The disagreements in A's reading order, each with the word differences of its two passages."""
    found = sorted(c.conflicts, key=lambda x: (x.a.start, x.b.start))
    pairs = {(_key(p.a), _key(p.b)): p for p in c.pairs}
    return [
        Link(
            "conflict",
            x.a,
            x.b,
            detail=x.detail,
            conflict=x.kind,
            pair=pairs.get((_key(x.a), _key(x.b))),
        )
        for x in found
    ]


def conflict_head(where: str, link: Link) -> str:
    """The status line's words before a disagreement's explanation: ``! conflict 1 of 4
    (status): `` , without the kind when the explanation names what differs itself (``time: A
    says 02:00 GMT; ...``: "(date): time:" read as a glitch)."""
    labelled = re.match(r"[a-z][a-z ]{0,20}: ", link.detail) is not None
    kind = "" if labelled or not link.conflict else f" ({link.conflict})"
    return f"! {where}{kind}: "


def ordered(links: Sequence[Link], left: str) -> list[Link]:
    """``links`` in the reading order of the report on the left (``"a"`` or ``"b"``)."""
    if left == "a":
        return sorted(links, key=lambda k: (k.a.start, k.b.start))
    return sorted(links, key=lambda k: (k.b.start, k.a.start))


def marks(c: Comparison, side: str, claims: Sequence[Link]) -> list[Mark]:
    """How each passage of report ``side`` (``"a"`` or ``"b"``) is drawn.

    A passage in several aligned claims takes the colour of its strongest one; a passage in a
    disagreement is flagged whatever else it is.
    """
    best: dict[tuple[int, int], Link] = {}
    shared: set[tuple[int, int]] = set()
    for link in claims:
        p = link.a if side == "a" else link.b
        k = _key(p)
        if k not in best or link.score > best[k].score:
            best[k] = link
        if link.kind == "shared":
            shared.add(k)
    disputed = {_key(x.a if side == "a" else x.b) for x in c.conflicts}
    only = c.only_a if side == "a" else c.only_b
    out = [
        Mark(k[0], k[1], "shared" if k in shared else "related", link.tint, k in disputed)
        for k, link in best.items()
    ]
    out += [Mark(p.start, p.end, "only", -1, _key(p) in disputed) for p in only]
    seen = set(best) | {_key(p) for p in only}
    out += [Mark(k[0], k[1], "related", -1, True) for k in disputed - seen]
    return out


def conflicts_of(c: Comparison, link: Link) -> list[str]:
    """The explanations of disagreements between exactly this claim's two passages."""
    return [
        x.detail for x in c.conflicts if _key(x.a) == _key(link.a) and _key(x.b) == _key(link.b)
    ]


LEGEND = Content("= shared  ≈ related  ! conflict  · only here").stylize("$text-muted")
"""What the gutter marks mean."""


def summary(c: Comparison, error: str | Style = "bold $text-error") -> Content:
    """The summary bar: how many claims are shared, related, unique and disputed.

    ``error``: the style of the disagreement count when there is one (the screen passes one made
    readable); no disagreement is drawn bold, like the other counts.
    """
    shared = sum(1 for p in c.pairs if p.kind == "shared")
    related = len(c.pairs) - shared
    n = len(c.conflicts)
    parts = [
        Content.assemble((f"{shared} shared", "bold")),
        Content.assemble((f"{related} related", "bold")),
        Content.assemble((f"{len(c.only_a)} only in A", "bold")),
        Content.assemble((f"{len(c.only_b)} only in B", "bold")),
        # The alarm colour only when there is something to look at.
        Content.assemble((f"{n} conflict{'s' if n != 1 else ''}", error if n else "bold")),
    ]
    return Content(" · ").join(parts)


def _names(entities: Sequence[Entity]) -> dict[str, tuple[str, str]]:
    """canonical key -> (label, the report's own fullest name for it: never another report's alias)."""
    from tui.engine import display_names

    labels = {e.canonical: e.label for e in reversed(entities) if e.canonical}
    return {k: (labels[k], safe(name)) for k, name in display_names(entities).items()}


def entity_panel(
    c: Comparison, entities_a: Sequence[Entity], entities_b: Sequence[Entity]
) -> Content:
    """Entities named only in A, in both, only in B, then each side's cited sources."""
    names_a, names_b = _names(entities_a), _names(entities_b)
    names = {**names_b, **names_a}
    for k in c.shared_entities:  # each report's own words: "North Korea / DPRK"
        if k in names_a and k in names_b and names_a[k][1] != names_b[k][1]:
            names[k] = (names_a[k][0], f"{names_a[k][1]} / {names_b[k][1]}")

    def section(title: str, keys: Sequence[str]) -> list[Content]:
        rows = [Content.assemble((f"{title} ({len(keys)})", "bold underline"))]
        items = sorted(
            (names.get(k, ("", safe(k))) for k in keys), key=lambda i: (i[0], i[1].lower())
        )
        rows += [
            Content.assemble("  ", name, (f"  {label.lower()}" if label else "", "$text-muted"))
            for label, name in items
        ]
        return rows + [Content("")]

    def cited(title: str, found: Sequence[object]) -> list[Content]:
        # Each source with the role the report gives it, else its kind (outlet, institution...),
        # and how many of the report's sentences rest on it.
        rows = [Content.assemble((f"{title} ({len(found)})", "bold underline"))]
        for s in found:
            unnamed = bool(getattr(s, "unnamed", False))
            what = "" if unnamed else getattr(s, "role", None) or getattr(s, "kind", "")
            n = len(getattr(s, "claims", ()))
            count = f"{n} sentence{'s' * (n != 1)}" if n else ""
            note = "  ".join(x for x in (safe(what), count) if x)
            name = safe(getattr(s, "name", ""))
            rows.append(Content.assemble("  ", name, (f"  {note}" if note else "", "$text-muted")))
        return rows + [Content("")]

    lines = [
        *section("Named only in A", c.only_a_entities),
        *section("Named in both", c.shared_entities),
        *section("Named only in B", c.only_b_entities),
        *cited("Sources cited by A", c.sources_a),
        *cited("Sources cited by B", c.sources_b),
    ]
    return Content("\n").join(lines)
