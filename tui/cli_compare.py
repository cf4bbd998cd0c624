"""Command-line commands for comparison, related reports and stories (filled in as the engine grows)."""

from __future__ import annotations

import argparse
from collections.abc import Callable

HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {}
