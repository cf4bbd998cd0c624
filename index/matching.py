"""Moved to ``index.compare.matching``: a temporary alias while work in flight is updated (removed with it)."""

import sys

from index.compare import matching as _moved

sys.modules[__name__] = _moved
