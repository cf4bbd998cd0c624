"""Argument types the commands share: argparse reports a value they refuse, with exit status 2."""

from __future__ import annotations

import argparse

MIN_WIDTH = 40
"""The narrowest text a report is laid out in (two columns of 18 and a gutter)."""


def count(text: str) -> int:
    """A ``--limit``: a whole number of one or more."""
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"{n} is not 1 or more")
    return n


def story_count(text: str) -> int:
    """A story's ``--limit``: a whole number of two or more (``--limit 1`` gave two reports)."""
    n = count(text)
    if n < 2:
        raise argparse.ArgumentTypeError(f"{n} is under 2: a story holds two reports or more")
    return n


def width(text: str) -> int:
    """A ``--width``: 0 (the terminal's) or a whole number of ``MIN_WIDTH`` or more.

    ``--width -3`` or ``--width 10`` printed a 40-column report without a word; the summary line
    was cut there ("0 shared, 0 related, 5 only in A, 9 only").
    """
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if n != 0 and n < MIN_WIDTH:
        raise argparse.ArgumentTypeError(
            f"{n} is under {MIN_WIDTH} (0, the default, is the terminal's width)"
        )
    return n
