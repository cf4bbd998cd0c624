"""The story view's words: the legend of its reports, a line for each figure and source, and the
line under the views that says what the highlighted row is (kept apart from the screen's
building and moving, ``tui.screens.story``)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from textual.content import Content
from textual.style import Style

from tui.widgets.lists import safe


@dataclass(frozen=True)
class Tones:
    """The colours of the story's words, made readable on the theme by the screen
    (``StoryScreen._tones``); the theme's own variables until then. ``$warning`` and ``$error``
    as they are read 1.05-4.2:1 on some themes' grounds (textual-light's yellow on white)."""

    warning: str | Style = "$warning"
    muted: str | Style = "$text-muted"
    error: str | Style = "bold $error"


PLAIN = Tones()


def tones_for(widget: Any) -> Tones:
    """The story's colours as drawn on ``widget``: the theme's warning, error and muted text
    moved towards black or white just far enough to read 4.5:1 on its ground and on a
    highlighted row's (as ``tui.widgets.styling.component_style`` does for component classes)."""
    from textual.color import Color

    from tui.widgets.styling import HIGHLIGHT_TINT, MIN_CONTRAST, contrast

    ground = widget.background_colors[1]
    text = widget.colors[3]
    lit = ground + text.with_alpha(HIGHLIGHT_TINT)
    theme = widget.app.theme_variables

    # Towards whichever of black and white reads on the ground, until the colour reads on the
    # ground and on a highlighted row both: each ground's own best (readable) could part ways on
    # a mid-tone theme (catppuccin-frappe, nord: near black on the highlight, 2.3:1 on the ground).
    target = (
        Color(0, 0, 0)
        if contrast(Color(0, 0, 0), ground) > contrast(Color(255, 255, 255), ground)
        else Color(255, 255, 255)
    )

    def tone(color: Color, bold: bool = False) -> Style:
        drawn = ground + color
        best, worst = drawn, 0.0
        for step in range(21):
            moved = drawn.blend(target, step / 20)
            low = min(contrast(moved, ground), contrast(moved, lit))
            if low >= MIN_CONTRAST:
                best = moved
                break
            if low > worst:
                best, worst = moved, low
        return Style(foreground=best, bold=bold)

    return Tones(
        warning=tone(Color.parse(theme["warning"])),
        muted=tone(text.with_alpha(0.6)),
        error=tone(Color.parse(theme["error"]), bold=True),
    )


def short(text: str, width: int) -> str:
    """One line of untrusted text cut to ``width`` cells."""
    line = safe(text)
    return line if len(line) <= width else line[: width - 1] + "…"


def legend(reports: Sequence[Any], width: int, rows: int = 3) -> list[str]:
    """The reports as the matrix numbers its columns (the engine lists them by publication date),
    packed into at most ``rows`` lines of ``width`` cells: each is named by its outlet when no
    other report shares it, else by its title, with its date."""
    # As few lines as hold them, items of about 40 cells or more when they fit.
    per_line = max(1, -(-len(reports) // rows), min(len(reports), width // 40))
    # Items within the width (a floor of 12 cells put 7 of 12 in 78: "6:" ended a line and its
    # title began the next, in an 80-column terminal with 20 reports).
    sep = "   "
    room = max(4, (width - 3 * (per_line - 1)) // per_line)
    if room < 9:  # crowded: two spaces between items, a cell more for each ("10: 06-10")
        sep = "  "
        room = max(4, (width - 2 * (per_line - 1)) // per_line)
    items = []
    for k, r in enumerate(reports, 1):
        date = f" ({safe(r.date)})" if r.date else ""
        name = safe(r.label if r.source and r.label == r.source.strip() else r.title)
        head = f"{k}: "
        left = room - len(head) - len(date)
        if left >= 6:
            items.append(head + short(name, left) + date)
            continue
        # many reports: the date alone (the line under the matrix names the report), its month
        # and day when the year does not fit
        day = date[2:-1]
        if len(head) + len(day) > room and re.fullmatch(r"\d{4}-\d\d-\d\d", day):
            day = day[5:]
        items.append(short(head + (day or name), room))
    return [sep.join(items[i : i + per_line]) for i in range(0, len(items), per_line)]


def _numbers(numbers: Sequence[int], most: int) -> str:
    """``1, 4, 9`` for claim numbers, ``…`` and how many more past ``most``."""
    shown = ", ".join(map(str, numbers[:most]))
    return shown + (f", … ({len(numbers) - most} more)" if len(numbers) > most else "")


def source_line(story: Any, n: int, tones: Tones = PLAIN) -> Content:
    """The sources view's line for source ``n``: who, cited by which reports, for which claims,
    and of which claims it is the only source (said once when it is the only one of them all:
    "claims 10, 66, 87 · sole source of 10, 66, 87" told the numbers twice)."""
    s = story.sources[n]
    who = ", ".join(safe(story.reports[r].label) for r in s.reports)
    kind = "" if s.kind == "unnamed" else f" ({s.kind})"
    claims = [c + 1 for c in s.claims]
    alone = [c + 1 for c in s.claims if story.claims[c].sources == (n,)]
    if alone and alone == claims:
        word = "the claim" if len(claims) == 1 else "each"
        sole = Content.assemble(" · ", (f"the only source of {word}", tones.warning))
    elif alone:
        sole = Content.assemble(" · ", (f"sole source of {_numbers(alone, 8)}", tones.warning))
    else:
        sole = Content("")
    label = "claim" if len(claims) == 1 else "claims"
    return Content.assemble(
        (safe(s.name), "bold"),
        f"{kind} · cited by {who}",
        f" · {label} {_numbers(claims, 12)}" if claims else "",
        sole,
    )


def figure_line(story: Any, f: int, v: int, width: int, tones: Tones = PLAIN) -> Content:
    """The figures view's line for value ``v`` of measure ``f``, cut to ``width`` cells."""
    value = story.figures[f].values[v]
    r = story.reports[value.report]
    head = f"  {safe(value.value)}"
    meta = f"  {safe(value.date) or 'undated'} · {safe(r.label)} · "
    room = max(20, width - len(head) - len(meta) - 6)
    return Content.assemble((head, "bold"), meta, (short(value.text, room), tones.muted))


def figure_detail(story: Any, f: int, v: int, tones: Tones = PLAIN) -> Content:
    """What the line under the figures says of value ``v`` of measure ``f``: its whole sentence
    (the list cuts it to one line)."""
    measure = story.figures[f]
    value = measure.values[v]
    r = story.reports[value.report]
    date = f", {safe(value.date)}" if value.date else ""
    return Content.assemble(
        (f"{safe(r.label)}{date}: {safe(value.value)} ({safe(measure.measure)}): ", "bold"),
        safe(value.text),
        ("  (Enter opens the report there)", tones.muted),
    )


def source_detail(story: Any, n: int, tones: Tones = PLAIN) -> Content:
    """What the line under the sources says of source ``n``: the claims it is cited for."""
    s = story.sources[n]
    if not s.claims:
        return Content.assemble(
            (safe(s.name), "bold"), " is cited for no claim  (Enter opens its first mention)"
        )
    first = story.claims[s.claims[0]]
    more = len(s.claims) - 1
    tail = f"  (and {more} more claim{'s' if more != 1 else ''})" if more else ""
    return Content.assemble(
        (f"{safe(s.name)}, cited for claim {s.claims[0] + 1}: ", "bold"),
        safe(first.text),
        (tail + "  (Enter opens its first mention)", tones.muted),
    )


def report_named(story: Any, r: int) -> Content:
    """Report ``r`` as the line under the matrix names it: its label, then its whole headline
    and date in brackets (``report 5 (False dawn for Air France flight; …, 2009-06-05)``). The
    legend above cuts each title to its share of the width (nine WikiNews reports at 80 columns:
    "Air Fra…", "Aircraf…"), so this line is where a column says which report it is; in the same
    paragraph as what follows, since a line of its own pushed a disagreement's sentence out of
    the six lines the detail has."""
    rep = story.reports[r]
    label = safe(rep.label)
    title = safe(rep.title)
    named = [t for t in (title if title != label else "", safe(rep.date or "")) if t]
    if not named:
        return Content.assemble((label, "bold"))
    return Content.assemble((label, "bold"), " (", ", ".join(named), ")")


def cell_detail(story: Any, row: int, column: int | None, tones: Tones = PLAIN) -> Content:
    """What the line under the matrix says of claim ``row`` in report ``column`` (the claim's
    own report on the rank and text columns): which report that is (:func:`report_named`), then
    what it states, how it disagrees, or its silence."""
    claim = story.claims[row]
    report = column if column is not None else claim.report
    s = claim.statement(report)
    who = report_named(story, report)
    if s is None:
        return Content.assemble(who, (f" is silent on claim {row + 1}: ", "bold"), safe(claim.text))
    if s.stance == "disagrees":
        return Content.assemble(
            who, (" disagrees: ", tones.error), safe(s.detail), "\n", safe(s.text)
        )
    one = story.sources[claim.sources[0]].name if len(claim.sources) == 1 else ""
    return Content.assemble(
        who,
        (f" · {claim.support} of {len(story.reports)} state it: ", "bold"),
        safe(s.text),
        (f"\nrests on one source: {safe(one)}", tones.warning) if one else "",
    )


def copies_note(story: Any) -> str:
    """The head's word on the copies left out (the same text as a report under another id), or
    nothing: " · 2 copies left out" (the sources view lists them; at 80 columns a longer word
    was cut off the head's third line)."""
    n = sum(len(r.copies) for r in story.reports)
    return f" · {n} cop{'y' if n == 1 else 'ies'} left out" if n else ""


def _report_name(story: Any, r: int) -> str:
    """``report 2``, with its outlet when the story names it so: ``report 2 (Reuters)``."""
    label = safe(story.reports[r].label)
    return f"report {r + 1}" + ("" if label == f"report {r + 1}" else f" ({label})")


def copy_line(
    story: Any, r: int, j: int, titles: dict[str, str], width: int, tones: Tones = PLAIN
) -> Content:
    """The sources view's line for copy ``j`` of report ``r``: its id, whose copy it is, and its
    headline when another than the report's, cut to ``width`` cells."""
    rep = story.reports[r]
    copy = rep.copies[j]
    head = f"{safe(copy)} · a copy of {_report_name(story, r)}"
    title = titles.get(copy, "")
    room = max(12, width - 6)
    if len(head) + 3 >= room or not title or title == rep.title:
        return Content(short(head, room))
    return Content.assemble(head, " · ", (short(title, room - len(head) - 3), tones.muted))


def copy_detail(
    story: Any, r: int, j: int, titles: dict[str, str], tones: Tones = PLAIN
) -> Content:
    """What the line under the sources says of copy ``j`` of report ``r``: what it is a copy of
    and why it has no column of its own."""
    rep = story.reports[r]
    copy = rep.copies[j]
    title = titles.get(copy, "")
    named = f" ({safe(title)})" if title else ""
    return Content.assemble(
        (f"{safe(copy)}{named} is a copy of {_report_name(story, r)}: ", "bold"),
        "the same text, or nearly, so it has no column and none of its claims is counted again",
        ("  (Enter opens the copy)", tones.muted),
    )
