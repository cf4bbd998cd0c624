"""The quiet check ("is the corpus unchanged?") run in a forked child gives the answer the check
gives in this process, and the walk that gathers files by folder only gives the same files."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import pytest

from index.store import Store, walk
from index.store.checking import Check, start_check
from index.store.tables import Walk, check_unchanged

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks on Linux only")


def _tree(root: Path) -> None:
    (root / "b" / "deep").mkdir(parents=True)
    (root / ".hidden").mkdir()
    files = {
        "a.txt": "Alpha\nThe council met in Lyon.\n",
        "Z.TXT": "Upper\nA report in capitals from Oslo.\n",
        "notes.pdf": "not an article",
        ".secret.txt": "hidden",
        "b/c.md": "# Charlie\n\nThe mayor of Lyon spoke.\n",
        "b/caf\u00e9.txt": "Cafe\nA name that is not ASCII.\n",
        "b/deep/d.txt": "Delta\nThe bridge in Lyon was closed.\n",
        ".hidden/e.txt": "Echo\nNever read.\n",
    }
    for rel, text in files.items():
        (root / rel).write_text(text, "utf-8")
    os.symlink(root / "b", root / "b" / "deep" / "loop")  # a folder met twice


def test_a_walk_gathered_by_folder_only_finds_the_same_files_in_the_same_order(
    tmp_path: Path,
) -> None:
    root = tmp_path / "corpus"
    _tree(root)
    eager, skipped = walk.walk([str(root)], {})
    walked = Walk.of([str(root)])
    assert walked._found is None  # no path made until one is asked for
    assert walked.count() == len(eager) == 5
    assert list(walked.found.items()) == list(eager.items())
    assert walked.skipped == skipped
    some = {str(root / "b")}
    direct = {p: v for p, v in eager.items() if p.rpartition(os.sep)[0] == str(root / "b")}
    assert walked.found_in(some) == direct and len(direct) == 2
    asked = [str(root / "b" / "c.md"), str(root / "b" / "gone.txt"), str(root / "a.txt")]
    assert walked.has(asked) == [asked[0], asked[2]]
    assert Walk(eager, skipped, {}).has(asked) == [asked[0], asked[2]]


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, Path]:
    corpus, ix = tmp_path / "corpus", tmp_path / "ix"
    _tree(corpus)
    Store([corpus], ix).update()
    return corpus, ix


@linux_only
def test_the_child_answers_as_the_check_does(built: tuple[Path, Path]) -> None:
    corpus, ix = built
    here, _ = check_unchanged([corpus], ix)
    assert here is not None
    check = start_check([corpus], ix, fork=True)
    assert check.pid is not None
    report, walked = check.result()
    assert report == here and walked is None
    assert check.pid is None  # reaped

    (corpus / "b" / "c.md").write_text("# Charlie\n\nThe mayor of Lyon resigned.\n", "utf-8")
    (corpus / "new.txt").write_text("New\nA new report.\n", "utf-8")
    expected_report, expected = check_unchanged([corpus], ix)
    assert expected_report is None
    report, walked = start_check([corpus], ix, fork=True).result()
    assert report is None and walked is not None
    assert walked.found == expected.found and walked.skipped == expected.skipped
    assert walked.folder_digests() == expected.folder_digests()
    # The run takes the child's walk: what changed is read, and nothing twice.
    done = Store([corpus], ix).update(walked=walked)
    assert (done.added, done.updated, done.reread) == (1, 1, 2)
    assert start_check([corpus], ix, fork=True).result()[0] is not None


def test_without_a_child_the_check_is_made_when_asked(built: tuple[Path, Path]) -> None:
    corpus, ix = built
    check = start_check([corpus], ix, fork=False)
    assert check.pid is None and check.ready()
    assert check.result()[0] == check_unchanged([corpus], ix)[0]


@linux_only
def test_a_child_that_fails_leaves_the_check_to_this_process(
    built: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from index.store import checking

    corpus, ix = built
    parent = os.getpid()
    real = checking._run

    def broken(*args: Any, **kwargs: Any) -> Any:
        if os.getpid() != parent:
            raise RuntimeError("the child fails")
        return real(*args, **kwargs)

    monkeypatch.setattr(checking, "_run", broken)
    report, _ = start_check([corpus], ix, fork=True).result()
    assert report is not None and report.unchanged == 5


@linux_only
def test_steps_are_taken_until_the_answer_is_in_and_a_closed_check_leaves_no_child(
    built: tuple[Path, Path],
) -> None:
    corpus, ix = built
    check = start_check([corpus], ix, fork=True)
    pid = check.pid
    assert pid is not None
    taken: list[int] = []

    def step() -> None:
        taken.append(1)
        os.waitid(os.P_PID, pid, os.WEXITED | os.WNOWAIT)  # the child has answered

    check.meanwhile([step, step, step])
    assert taken == [1]
    check.close()
    assert check.pid is None
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, 0)


def test_a_check_of_a_missing_index_says_a_run_is_needed(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    _tree(corpus)
    check = Check([corpus], tmp_path / "none")
    if sys.platform.startswith("linux"):
        check.fork()
    report, walked = check.result()
    assert report is None and walked is not None and walked.count() == 5
    assert not (tmp_path / "none").exists()  # the check creates nothing


@linux_only
def test_a_check_closed_before_its_answer_stops_the_child(
    built: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A command that ends early (a bad query) does not wait for the walk of a big corpus."""
    import signal
    import time

    from index.store import checking

    corpus, ix = built
    monkeypatch.setattr(checking, "_run", lambda *args, **kwargs: time.sleep(60))
    check = start_check([corpus], ix, fork=True)
    check.close()
    assert check.pid is None and check.exitcode == -signal.SIGKILL  # stopped, not waited for


@linux_only
def test_two_processes_walk_as_one(tmp_path: Path) -> None:
    """Sub-folders shared between two processes give the one walk's folders, order and skipped
    paths; a folder reached from both halves (a link across them) leaves the walk to one."""
    root = tmp_path / "corpus"
    for i in range(5):
        (root / f"part{i}" / "deep").mkdir(parents=True)
        (root / f"part{i}" / f"r{i}.txt").write_text(f"Report {i}\nIn Lyon.\n", "utf-8")
        (root / f"part{i}" / "deep" / f"d{i}.md").write_text(f"# Deep {i}\n\nText.\n", "utf-8")
        (root / f"part{i}" / f"skip{i}.pdf").write_text("not an article", "utf-8")
    (root / "top.txt").write_text("Top\nA report at the root.\n", "utf-8")
    one: walk.Folders = {}
    _, skipped = walk.walk([str(root)], one, paths=False)
    two: walk.Folders = {}
    assert walk.walk_halves(str(root), two) == skipped
    assert list(two.items()) == list(one.items()) and len(one) == 11
    # part3 (the other half) links to part0/deep (this half): both would walk it.
    os.symlink(root / "part0" / "deep", root / "part3" / "link")
    untouched: walk.Folders = {}
    assert walk.walk_halves(str(root), untouched) is None and untouched == {}
    again: walk.Folders = {}
    _, skipped = walk.walk([str(root)], again, paths=False, halves=True)
    expected: walk.Folders = {}
    assert skipped == walk.walk([str(root)], expected, paths=False)[1]
    assert list(again.items()) == list(expected.items())


def test_a_fork_refused_leaves_the_check_to_this_process(
    built: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from index.store import checking

    def no_fork(work: object) -> tuple[int, int]:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    corpus, ix = built
    monkeypatch.setattr(checking, "forked", no_fork)
    check = start_check([corpus], ix, fork=True)
    assert check.pid is None and check.ready()
    assert check.result()[0] == check_unchanged([corpus], ix)[0]


def test_a_check_that_fails_everywhere_asks_for_a_run(
    built: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """As the thread it replaced: an error in the check is left to the store's own run."""
    from index.store import checking

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise PermissionError(13, "Permission denied")

    corpus, ix = built
    monkeypatch.setattr(checking, "_run", broken)
    for fork in (False, sys.platform.startswith("linux")):
        assert start_check([corpus], ix, fork=fork).result() == (None, None)
