"""The input records (documents/inputs/<document>/<id>.yaml) a commit adds or changes since its merge base."""

from __future__ import annotations

import pygit2

from ccmflow.core.inputfile import INPUTS_DIR, is_input_path
from ccmflow.read.load import SourceFile
from ccmflow.repo.git import LINK, SUBMODULE, _find_commit
from ccmflow.repo.store import Store


def _changed_input_files(repo: pygit2.Repository, old: pygit2.Commit | None,
                         head: pygit2.Commit) -> tuple[SourceFile, ...]:
    """Input records at `head` that differ from `old` (the merge base); links and submodules are never read."""
    new_tree = _inputs_tree(head)
    if new_tree is None:
        return ()
    old_tree = _inputs_tree(old) if old is not None else None
    diff = old_tree.diff_to_tree(new_tree) if old_tree is not None else new_tree.diff_to_tree(swap=True)
    files: list[SourceFile] = []
    for delta in diff.deltas:
        path = f"{INPUTS_DIR}/{delta.new_file.path}"
        if delta.status_char() == "D" or int(delta.new_file.mode) in (LINK, SUBMODULE) or not is_input_path(path):
            continue
        blob = repo.get(delta.new_file.id)
        if isinstance(blob, pygit2.Blob):
            files.append(SourceFile(path, bytes(blob.data), str(blob.id)))
    return tuple(files)


def _inputs_tree(commit: pygit2.Commit) -> pygit2.Tree | None:
    """The folder of input records in a commit, when it has one."""
    try:
        found = commit.tree[INPUTS_DIR]
    except KeyError:
        return None
    return found if isinstance(found, pygit2.Tree) else None


def input_files(store: Store, rev: str) -> tuple[SourceFile, ...]:
    """Every input record at a revision (links and submodules are never read)."""
    return _changed_input_files(store._repo, None, store._commit(rev))


def input_files_since_base(store: Store, base: str, sha: str | None) -> tuple[SourceFile, ...]:
    """The input records a commit (an input's head) changes since its merge base with `base`; none when the
    commit is not here. The one way every reader of an input's records (triage's facts, the summary, the
    register, the freeze) finds them."""
    repo = store._repo
    head = _find_commit(repo, sha) if sha is not None else None
    if head is None:
        return ()
    base_id = store._commit(base).id
    if _inputs_tree(head) is None:  # most inputs hold no input record: no merge base to look for
        return ()
    found = repo.merge_base(head.id, base_id)
    return _changed_input_files(repo, _find_commit(repo, found) if found is not None else None, head)
