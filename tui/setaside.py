"""Pairings the reader set aside in the compare screen, remembered per pair of articles.

Kept in ``set_aside.json`` in the user data folder (``platformdirs.user_data_dir("newsdesk")``,
or ``$NEWSDESK_DATA_DIR``). A pair of articles is known by both ids and a hash of both texts, so an
edited article does not inherit offsets that no longer fit it. A pairing is stored as the offsets of
its two passages, A's first, whichever report is A.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

ENV_VAR = "NEWSDESK_DATA_DIR"
FILENAME = "set_aside.json"

Pairing = tuple[int, int, int, int]
"""(A start, A end, B start, B end)."""


def data_dir() -> Path:
    """The folder holding ``set_aside.json``."""
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("newsdesk"))


def _key(a: Any, b: Any) -> tuple[str, bool]:
    """The file's key for two articles, and whether A and B are stored the other way round."""
    first, second = sorted([a, b], key=lambda x: x.id)
    digest = hashlib.sha1((first.text + "\x00" + second.text).encode("utf-8", "replace"))
    return f"{first.id}\x00{second.id}\x00{digest.hexdigest()[:16]}", first is not a


def _read() -> dict[str, Any]:
    try:
        data = json.loads((data_dir() / FILENAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def load(a: Any, b: Any) -> set[Pairing]:
    """The pairings set aside between articles ``a`` and ``b`` (A's offsets first)."""
    key, flipped = _key(a, b)
    out: set[Pairing] = set()
    for item in _read().get(key, []):
        if isinstance(item, list) and len(item) == 4 and all(isinstance(n, int) for n in item):
            p = tuple(item)
            out.add((p[2], p[3], p[0], p[1]) if flipped else (p[0], p[1], p[2], p[3]))
    return out


def save(a: Any, b: Any, pairings: Iterable[Pairing]) -> None:
    """Remember the pairings set aside between ``a`` and ``b`` (atomic write).

    Raises:
        OSError: the folder cannot be written.
    """
    key, flipped = _key(a, b)
    data = _read()
    stored = sorted((p[2], p[3], p[0], p[1]) if flipped else p for p in pairings)
    if stored:
        data[key] = [list(p) for p in stored]
    else:
        data.pop(key, None)
    folder = data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f"{FILENAME}.{os.getpid()}.tmp"
    tmp.write_text(json.dumps(data, indent=1), encoding="utf-8")
    os.replace(tmp, folder / FILENAME)


def without(comparison: Any, pairings: set[Pairing]) -> Any:
    """``comparison`` with the set-aside pairings (and disagreements between exactly those
    passages) removed; passages left in no other pairing count as said by one report only."""
    if not pairings:
        return comparison

    def pairing(x: Any) -> Pairing:
        return (x.a.start, x.a.end, x.b.start, x.b.end)

    pairs = tuple(p for p in comparison.pairs if pairing(p) not in pairings)
    conflicts = tuple(x for x in comparison.conflicts if pairing(x) not in pairings)
    dropped = [p for p in comparison.pairs if pairing(p) in pairings]
    kept_a = {(p.a.start, p.a.end) for p in pairs}
    kept_b = {(p.b.start, p.b.end) for p in pairs}

    def alone(existing: tuple[Any, ...], passages: list[Any], kept: set[tuple[int, int]]) -> Any:
        seen = {(p.start, p.end) for p in existing} | kept
        extra = []
        for p in passages:
            if (p.start, p.end) not in seen:
                seen.add((p.start, p.end))
                extra.append(p)
        return tuple(sorted((*existing, *extra), key=lambda p: p.start))

    return replace(
        comparison,
        pairs=pairs,
        conflicts=conflicts,
        only_a=alone(comparison.only_a, [p.a for p in dropped], kept_a),
        only_b=alone(comparison.only_b, [p.b for p in dropped], kept_b),
    )


def export_note(comparison: Any, pairings: set[Pairing]) -> str:
    """A Markdown section listing the pairings set aside (empty when none)."""
    if not pairings:
        return ""
    a, b = comparison.a.text, comparison.b.text
    lines = [
        "",
        "## Pairings set aside by the reader",
        "",
        (
            f"{len(pairings)} pairing{'s' if len(pairings) != 1 else ''} the comparison made "
            "were set aside as wrong; they are counted above as said by one report only."
        ),
        "",
    ]
    from tui.engine import markdown_text as _md  # the brief's own escaping: no Markdown injected

    for sa, ea, sb, eb in sorted(pairings):
        lines.append(f"- A: {_md(' '.join(a[sa:ea].split()))}")
        lines.append(f"  B: {_md(' '.join(b[sb:eb].split()))}")
    return "\n".join(lines) + "\n"
