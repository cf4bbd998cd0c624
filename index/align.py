"""Moved to ``index.compare.words``: a temporary alias while work in flight is updated (removed with it)."""

import sys

from index.compare import words as _moved

sys.modules[__name__] = _moved
