"""Moved to ``index.compare.attribution``: a temporary alias while work in flight is updated."""

import sys

from index.compare import attribution as _moved

sys.modules[__name__] = _moved
