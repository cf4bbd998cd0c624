"""What the command line shows while it indexes: a share of the work, not the bytes read called
files ("indexing the corpus: 413,594 of 2,148,541 files" of one 2,000-line .jsonl; the index bar's
"787139/3103046 r3k.jsonl"), and a Ctrl-C that says it stopped the command."""

from __future__ import annotations

from typing import Any

import pytest

from tui import cli
from tui.cli_compare import _indexing_shown
from tui.cli_search import _progress_printer


def test_the_index_bar_shows_a_share(capsys: pytest.CaptureFixture[str]) -> None:
    show = _progress_printer(True)
    assert show is not None
    show(413_594, 2_148_541, "/news/wire.jsonl")
    err = capsys.readouterr().err
    assert "]  19% wire.jsonl" in err and "413" not in err


def test_related_waiting_for_the_index_shows_a_share(capsys: pytest.CaptureFixture[str]) -> None:
    _indexing_shown()(413_594, 2_148_541, "/news/wire.jsonl")
    err = capsys.readouterr().err
    assert err == "\rnewsdesk: indexing the corpus: 19%", err


def test_ctrl_c_says_the_command_was_interrupted(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(_args: Any) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "handler", lambda _command: interrupted)
    assert cli.main(["stories"]) == 130
    assert capsys.readouterr().err == "\nnewsdesk stories: interrupted\n"
