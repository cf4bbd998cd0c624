"""Moved to ``index.compare.figures``: a temporary alias while work in flight is updated (removed with it)."""

import sys

from index.compare import figures as _moved

sys.modules[__name__] = _moved
