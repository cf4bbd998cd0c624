"""Moved to ``index.compare.report``: a temporary alias while work in flight is updated (removed with it)."""

import sys

from index.compare import report as _moved

sys.modules[__name__] = _moved
