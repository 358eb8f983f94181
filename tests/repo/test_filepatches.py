"""What an input commit does to one document, read from git's hunks: when the hunks are given, and when the whole
file must be read instead."""

from __future__ import annotations

from pathlib import Path

import pygit2
import pytest
from gitutil import Link, commit, init_repo, instance_files

from ccmflow.read.load import is_managed
from ccmflow.repo import patch
from ccmflow.repo.patch import FilePatches
from ccmflow.repo.store import Store

DOC = "documents/review-document.yaml"
TEXT = instance_files()[DOC].decode("utf-8")
OLD = "The First Review Conference, held in Dubrovnik"


@pytest.fixture
def repo(tmp_path: Path) -> pygit2.Repository:
    return init_repo(tmp_path)


def _worded(text: str, word: str) -> str:
    return text.replace(OLD, f"The {word} Review Conference, held in Dubrovnik", 1)


def test_a_change_to_the_document_alone_gives_git_s_hunks(repo: pygit2.Repository) -> None:
    base = str(commit(repo, instance_files(), "zero drafts"))
    head = str(commit(repo, {DOC: _worded(TEXT, "first"), "README.md": "notes\n"}, "input", branch=None,
                      parents=[base]))
    change = FilePatches(Store(repo.workdir), base, DOC, is_managed).change(head)
    assert (change.merge_base, change.changed, change.deleted) == (base, True, False)
    assert change.hunks is not None and len(change.hunks) == 1
    (hunk,) = change.hunks
    assert TEXT.splitlines(keepends=True)[hunk.start:hunk.end] == [
        line for line in TEXT.splitlines(keepends=True) if OLD in line]
    assert hunk.lines == tuple(line.replace(OLD, OLD.replace("First", "first")) for line in
                               TEXT.splitlines(keepends=True)[hunk.start:hunk.end])


@pytest.mark.parametrize(("files", "why"), [
    ({"documents/lausanne-action-plan.yaml": b"# touched\n" + instance_files()["documents/lausanne-action-plan.yaml"]},
     "another managed file changed"),
    ({"notes": Link("documents/review-document.yaml")}, "a link"),
    ({DOC: _worded(TEXT, "premi\xe8re").encode("latin-1")}, "a line that is not UTF-8"),
    ({DOC: None}, "the document deleted"),
])
def test_the_whole_file_is_read_when_the_hunks_cannot_say_it_all(repo: pygit2.Repository,
                                                                  files: dict[str, object], why: str) -> None:
    base = str(commit(repo, instance_files(), "zero drafts"))
    edits = {DOC: _worded(TEXT, "first"), **files}
    head = str(commit(repo, edits, why, branch=None, parents=[base]))  # type: ignore[arg-type]
    change = FilePatches(Store(repo.workdir), base, DOC, is_managed).change(head)
    assert change.changed and change.hunks is None, why
    assert change.deleted == (files.get(DOC, "") is None)


def test_an_input_with_no_history_in_common_has_no_merge_base(repo: pygit2.Repository) -> None:
    base = str(commit(repo, instance_files(), "zero drafts"))
    stranger = str(commit(repo, {DOC: TEXT}, "unrelated", branch=None, parents=[]))
    assert FilePatches(Store(repo.workdir), base, DOC, is_managed).change(stranger).merge_base is None


def test_inputs_on_many_older_bases_each_get_their_own_old_side(repo: pygit2.Repository,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """More merge bases than the old sides kept at once: each patch is still the one the tree diff gives."""
    monkeypatch.setattr(patch, "SHARED_BLOBS", 2)
    bases, inputs = [], []
    text = TEXT
    for n in range(5):
        text = text.replace("Dublin on 30 May 2008", f"Dublin on 30 May 2008 ({n})", 1) if n else text
        bases.append(str(commit(repo, {**instance_files(), DOC: text} if n == 0 else {DOC: text}, f"base {n}")))
        inputs.append(str(commit(repo, {DOC: _worded(text, f"input-{n}")}, f"input {n}", branch=None,
                                 parents=[bases[-1]])))
    store = Store(repo.workdir)
    shared = FilePatches(store, bases[-1], DOC, is_managed)
    for sha in inputs + inputs[:2]:
        assert shared.change(sha) == FilePatches(store, bases[-1], DOC, is_managed, share=False).change(sha)
    assert shared._shared is not None and len(shared._shared) <= 2
