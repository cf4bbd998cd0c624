"""index.store.fastjson: orjson's JSON, the values json gives, and imported only when used."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from index.store import fastjson

ROOT = Path(__file__).resolve().parents[2]

_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**62), 2**62) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@given(_VALUES)
def test_values_read_back_as_json_reads_them(value: object) -> None:
    text = fastjson.dumps(value)
    assert fastjson.loads(text) == value == json.loads(text.decode("utf-8"))
    # JSON written by json before (spaces, escaped non-ASCII) reads the same.
    assert fastjson.loads(json.dumps(value)) == value


def test_modules_that_store_json_do_not_import_orjson_until_it_is_used() -> None:
    """Its import (uuid, platform: 5-15 ms) is paid by a command that writes or reads an article,
    not by one that only searches or lists."""
    code = (
        "import sys\n"
        "import index.store.database, index.store.schema\n"
        "assert 'orjson' not in sys.modules, 'imported early'\n"
        "from index.store import fastjson\n"
        "fastjson.dumps([1])\n"
        "assert 'orjson' in sys.modules\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
