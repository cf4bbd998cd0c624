"""Moved to ``index.compare.worddiff``: a temporary alias while work in flight is updated (removed with it)."""

import sys

from index.compare import worddiff as _moved

sys.modules[__name__] = _moved
