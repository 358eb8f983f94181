"""What input commits do to one file, read from git the summary's fast way: merge base, blob ids, git's hunks.

A summary asks this of hundreds of inputs against one base; they mostly share one merge base, whose side of the
file is read (and inflated from its delta chain) once for all of them, not once per input as a tree-to-tree patch
does. The answers are plain records.
"""

from __future__ import annotations

from collections.abc import Callable

import pygit2
from msgspec import Struct

from ccmflow.compare.docpatch import Hunk
from ccmflow.repo.git import _BLOB_MODES, LINK, SUBMODULE, _commit_of
from ccmflow.repo.store import Store

# Old sides kept from one input to the next: a few merge bases' blobs serve hundreds of inputs.
SHARED_BLOBS = 8


class FileChange(Struct, frozen=True):
    """What one commit changes in the file since its merge base with the base."""

    merge_base: str | None  # None: the commit shares no history with the base
    changed: bool = False  # the file differs between the merge base and the commit
    deleted: bool = False  # the commit has no such file
    # Git's hunks from the merge base's file, when it is the only managed file the commit changes, as plain text;
    # None whenever the change needs both sides read whole (another managed file changed, a link or submodule, a
    # binary or non-UTF-8 patch, an added or deleted file).
    hunks: tuple[Hunk, ...] | None = None


class FilePatches:
    """The changes commits make to the file at `path`, each against its merge base with `base`.

    `is_managed(path) -> bool` says which other files count. `share=False` reads each patch from its own
    tree-to-tree diff (what the shared old sides must agree with).
    """

    def __init__(self, store: Store, base: str, path: str, is_managed: Callable[[str], bool], *,
                 share: bool = True) -> None:
        self._repo = store._repo
        self._base = _commit_of(self._repo, base).id
        self._path = path
        self._is_managed = is_managed
        self._shared: dict[str, pygit2.Blob] | None = {} if share else None

    def change(self, sha: str) -> FileChange:
        head = _commit_of(self._repo, sha)
        found = self._repo.merge_base(head.id, self._base)
        if found is None:
            return FileChange(None)
        old = _commit_of(self._repo, found)
        entry = _entry_id(head.tree, self._path)
        if _entry_id(old.tree, self._path) == entry:
            return FileChange(str(found))
        return FileChange(str(found), True, entry is None, self._hunks(old, head))

    def _hunks(self, old: pygit2.Commit, head: pygit2.Commit) -> tuple[Hunk, ...] | None:
        diff = old.tree.diff_to_tree(head.tree, context_lines=0)
        deltas = list(diff.deltas)
        position = None
        for i, delta in enumerate(deltas):
            if int(delta.new_file.mode) in (LINK, SUBMODULE):
                return None
            if delta.new_file.path == self._path:
                position = i
            elif self._is_managed(delta.new_file.path) or self._is_managed(delta.old_file.path):
                return None
        if position is None:
            return None
        delta = deltas[position]
        # Not delta.is_binary here: asking before the patch exists makes libgit2 read both blobs twice.
        if delta.status_char() != "M" or int(delta.new_file.mode) not in _BLOB_MODES:
            return None
        patch = diff[position] if self._shared is None else self._blob_patch(delta)
        if patch is None or patch.delta.is_binary:
            return None
        return _hunks(patch)

    def _blob_patch(self, delta: pygit2.DiffDelta) -> pygit2.Patch:
        """The delta's patch from the old blob kept in `shared` (read now if it is not there yet)."""
        assert self._shared is not None
        key = str(delta.old_file.id)
        old = self._shared.get(key)
        if old is None:
            if len(self._shared) >= SHARED_BLOBS:
                self._shared.clear()
            old = self._shared[key] = self._repo[delta.old_file.id].peel(pygit2.Blob)
        new = self._repo[delta.new_file.id].peel(pygit2.Blob)
        # The paths make git's attributes (binary, -diff) apply as they do to the tree diff. pygit2's stub omits
        # context_lines, which Blob.diff takes as diff_to_tree does.
        patch: pygit2.Patch = old.diff(new, old_as_path=self._path, new_as_path=self._path,  # type: ignore[call-arg]
                                       context_lines=0)
        return patch


def _entry_id(tree: pygit2.Tree, path: str) -> str | None:
    """The id of the object at `path` in `tree`, or None when there is none: enough to tell a change."""
    try:
        return str(tree[path].id)
    except KeyError:
        return None


def _hunks(patch: pygit2.Patch) -> tuple[Hunk, ...] | None:
    hunks: list[Hunk] = []
    for hunk in patch.hunks:
        added: list[str] = []
        for line in hunk.lines:
            if line.origin == "+":
                try:
                    added.append(line.raw_content.decode("utf-8"))
                except UnicodeDecodeError:
                    return None
        start = hunk.old_start - 1 if hunk.old_lines else hunk.old_start
        hunks.append(Hunk(start, start + hunk.old_lines, tuple(added)))
    return tuple(hunks)
