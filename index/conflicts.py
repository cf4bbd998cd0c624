"""Moved to ``index.compare.conflicts``: a temporary alias while work in flight is updated (removed with it)."""

import sys

from index.compare import conflicts as _moved

sys.modules[__name__] = _moved
