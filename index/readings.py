"""Moved to ``index.compare.readings``: a temporary alias while work in flight is updated (removed with it)."""

import sys

from index.compare import readings as _moved

sys.modules[__name__] = _moved
