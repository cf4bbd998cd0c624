"""Where bundled data lives, in a source checkout and in an installed wheel."""

from __future__ import annotations

from pathlib import Path


def seeds_dir() -> Path:
    """The bundled sample corpus: ``tui/_seeds`` in a wheel, ``seeds/`` in a source checkout."""
    here = Path(__file__).resolve().parent
    packaged = here / "_seeds"
    if packaged.is_dir():
        return packaged
    return here.parent / "seeds"
