"""What a warm summary reads again: the base from .git/ccmflow/base.json, each input from the examine cache."""

from __future__ import annotations

import json
from typing import Any

import pytest
from inputkit import Process, append, set_text, utc

from ccmflow.inputs import basecache, examine
from ccmflow.inputs.basecache import BaseCache, cache_file
from ccmflow.inputs.collect import Inputs, collect
from ccmflow.inputs.examine import cache_path
from ccmflow.read import load

AFTER = utc(5, 8)
DOC = "review-document"


@pytest.fixture
def proc(proc: Process) -> Process:
    """The process with three inputs from Austria, two on the same paragraph."""
    for n, (pid, words) in enumerate((("pkp3nvcv", "First."), ("pkp3nvcv", "Second."), ("ph6ip46u", "Third.")), 1):
        proc.submit(n, "austria", append(pid, words), utc(4, 20 + n))
    proc.sync()
    return proc


class Reads:
    """Whole YAML files parsed (load.load_yaml), counted by path, in a process that has parsed nothing yet."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.paths: list[str] = []
        original = load.load_yaml

        def counted(raw: bytes | str, path: str, positions: bool = True) -> Any:
            self.paths.append(path)
            return original(raw, path, positions)

        monkeypatch.setattr(load, "load_yaml", counted)
        load._parsed.clear()


def _collect(proc: Process, **options: Any) -> Inputs:
    return collect(proc.store, DOC, now=AFTER, **options)


def test_a_warm_run_parses_no_file_of_the_base(proc: Process, monkeypatch: pytest.MonkeyPatch) -> None:
    _collect(proc)  # the first run keeps the base and the document's layout
    proc.submit(4, "chile", set_text("ph6ip46u", "A new input since the last run."), utc(4, 25))
    proc.sync()
    reads = Reads(monkeypatch)
    warm = _collect(proc)
    assert warm.computed == 1 and warm.inputs[-1].examined.fast
    assert reads.paths == []  # neither the workspace nor the new input's merge base was parsed again
    load._parsed.clear()
    assert warm.inputs == _collect(proc, cache=False).inputs and warm.workspace == proc.store.require(proc.base)


def test_without_the_base_cache_the_base_is_parsed(proc: Process, monkeypatch: pytest.MonkeyPatch) -> None:
    _collect(proc)
    cache_file(proc.store).unlink()
    reads = Reads(monkeypatch)
    _collect(proc)
    assert "documents/review-document.yaml" in reads.paths


def test_a_damaged_or_stale_base_cache_is_read_again(proc: Process) -> None:
    _collect(proc)
    path = cache_file(proc.store)
    expected = _collect(proc).inputs
    kept = json.loads(path.read_text())

    def files(make: Any) -> str:
        return json.dumps({**kept, "files": make(kept["files"])})

    for damaged in ("{not json", '{"version": 1, "tree": "0000", "files": [], "layouts": {}}',
                    path.read_text().replace('"kind":"process"', '"kind":"nothing"'),
                    files(lambda found: [1, *found]),  # not a file's entry
                    files(lambda found: [{**f, "data": None} for f in found]),  # records that do not build
                    files(lambda found: [f for f in found if f["kind"] == "document"])):  # no process, no registry
        path.write_text(damaged)
        load._parsed.clear()
        assert _collect(proc).inputs == expected
    assert BaseCache(proc.store, proc.store.commit("HEAD").id).workspace() == proc.store.require(proc.base)


def test_no_cache_keeps_nothing(proc: Process) -> None:
    _collect(proc, cache=False)
    assert not cache_file(proc.store).exists()


def test_the_kept_layout_must_fit_the_document(proc: Process) -> None:
    workspace = proc.store.require(proc.base)
    text = proc.text()
    assert basecache.index_from_layout(workspace, "documents/review-document.yaml", text, [(0, 3, -1, -1, 0)]) is None
    assert basecache.index_from_layout(workspace, "documents/elsewhere.yaml", text, []) is None


def test_a_warm_run_appends_only_the_new_entry(proc: Process) -> None:
    _collect(proc)
    path = cache_path(proc.store, DOC)
    before, inode = path.read_text(), path.stat().st_ino
    assert _collect(proc).computed == 0
    assert path.read_text() == before and path.stat().st_ino == inode  # nothing new: not written at all
    proc.submit(4, "chile", set_text("ph6ip46u", "A new input since the last run."), utc(4, 25))
    proc.sync()
    warm = _collect(proc)
    after = path.read_text()
    assert warm.computed == 1 and after.startswith(before) and path.stat().st_ino == inode
    (added,) = after[len(before):].splitlines()
    assert json.loads(added)[0] == warm.inputs[-1].sha


def test_the_cache_is_written_anew_when_most_entries_went_unused(proc: Process,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(examine, "COMPACT_FROM", 0)
    _collect(proc)
    only = _collect(proc, refs="refs/pull/3/head")
    lines = cache_path(proc.store, DOC).read_text().splitlines()
    assert only.computed == 0 and [json.loads(line)[0] for line in lines[1:]] == [only.inputs[0].sha]


def test_a_torn_line_costs_only_that_entry(proc: Process) -> None:
    _collect(proc)
    path = cache_path(proc.store, DOC)
    with path.open("a") as out:
        out.write('["0123456789abcdef", {"merge_b')  # an append that stopped half way
    assert _collect(proc).computed == 0
    assert path.read_text().endswith("\n") and all(json.loads(line) for line in path.read_text().splitlines())


def test_caches_another_ccmflow_wrote_are_read_anew(proc: Process, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _collect(proc).computed == 3
    monkeypatch.setattr(basecache, "code_stamp", lambda: "9.9:another")
    monkeypatch.setattr(examine, "code_stamp", lambda: "9.9:another")
    reads = Reads(monkeypatch)
    assert _collect(proc).computed == 3
    assert "documents/review-document.yaml" in reads.paths


def test_caches_that_cannot_be_written_only_cost_time(proc: Process) -> None:
    """Where the caches go is taken by a file (as a read-only .git would refuse them): the inputs are the same,
    only computed again each run."""
    expected = _collect(proc, cache=False).inputs
    (proc.store.git_dir / "ccmflow").write_text("not a directory")
    for _ in range(2):
        run = _collect(proc)
        assert run.inputs == expected and run.computed == 3


def test_a_cache_path_taken_by_a_directory_leaves_nothing_behind(proc: Process) -> None:
    """The caches cannot replace a directory: each run computes again and leaves no temporary file."""
    expected = _collect(proc, cache=False).inputs
    for path in (cache_path(proc.store, DOC), cache_file(proc.store)):
        path.mkdir(parents=True)
    for _ in range(2):
        run = _collect(proc)
        assert run.inputs == expected and run.computed == 3
    assert sorted(p.name for p in (proc.store.git_dir / "ccmflow").iterdir()) == ["base.json", f"inputs-{DOC}.jsonl"]


def test_a_cached_text_keeps_the_line_separators_it_holds() -> None:
    from ccmflow.inputs.examine import _entries

    entry = {"text": "one\u2028two\x85three\u2029four"}
    body = json.dumps(["a" * 40, entry], ensure_ascii=False) + "\n" + json.dumps(["b" * 40, {}]) + "\n"
    assert _entries(body) == {"a" * 40: entry, "b" * 40: {}}
    assert _entries(body + '["c", {"torn') == {"a" * 40: entry, "b" * 40: {}}  # a torn append is skipped
