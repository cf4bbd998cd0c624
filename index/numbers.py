"""Moved to ``index.compare.numbers``: a temporary alias while work in flight is updated (removed with it)."""

import sys

from index.compare import numbers as _moved

sys.modules[__name__] = _moved
