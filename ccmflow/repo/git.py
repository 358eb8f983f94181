"""The git boundary's own types and small operations, so no module outside `ccmflow.repo` imports pygit2.

Modules above this layer hold these handles and pass them back to `ccmflow.repo` functions; they never build
git objects themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pygit2

from ccmflow.compare.docpatch import Hunk

Repository = pygit2.Repository
Commit = pygit2.Commit
Oid = pygit2.Oid
GitError = pygit2.GitError
Signature = pygit2.Signature
SharedBlobs = dict[str, pygit2.Blob]  # blobs by id, kept by a caller across calls (see document_patch)

LINK = int(pygit2.enums.FileMode.LINK)
SUBMODULE = int(pygit2.enums.FileMode.COMMIT)
_BLOB_MODES = (int(pygit2.enums.FileMode.BLOB), int(pygit2.enums.FileMode.BLOB_EXECUTABLE))


def init_repository(path: str | Path, branch: str = "main") -> Repository:
    return pygit2.init_repository(str(path), initial_head=branch)


def commit_everything(path: str | Path, message: str, who: Signature | None = None) -> tuple[Repository, Commit]:
    """A commit of every file in the folder: the first of a new repository on main, or, in a repository that
    is already there (a clone), the next on its current branch."""
    found = pygit2.discover_repository(str(path))
    existing = found is not None and Path(found).resolve() == (Path(path) / ".git").resolve()
    repo = pygit2.Repository(str(path)) if existing else init_repository(path)
    repo.index.add_all()
    repo.index.write()
    author = who or pygit2.Signature("ccmflow", "ccmflow@users.noreply.github.com")
    parents = [] if repo.head_is_unborn else [repo.head.target]
    made = repo.create_commit("HEAD", author, author, message, repo.index.write_tree(), parents)
    return repo, commit_of(repo, made)


def commit_of(repo: Repository, rev: str | Oid) -> Commit:
    """The commit a sha, an Oid or a revision names (tags are peeled); KeyError, ValueError or GitError if none."""
    target = repo[rev] if isinstance(rev, Oid) else repo.revparse_single(rev)
    found: Commit = target.peel(pygit2.Commit)
    return found


def find_commit(repo: Repository, rev: str | Oid) -> Commit | None:
    """The commit `rev` names, or None when there is none here."""
    try:
        return commit_of(repo, rev)
    except (KeyError, ValueError, pygit2.GitError, pygit2.InvalidSpecError):
        return None


def exact_commit(repo: Repository, sha: str) -> Commit | None:
    """The commit with exactly this full id, when it is here: never a branch name, a tag or an abbreviation, so
    a SHA from a payload or a file can name nothing else (the all-zero SHA of a push names nothing)."""
    if len(sha) not in (40, 64):
        return None
    try:
        found = repo.get(sha)
    except (ValueError, pygit2.GitError):
        return None
    return found if isinstance(found, pygit2.Commit) else None


@dataclass(frozen=True, slots=True, kw_only=True)
class CommitInfo:
    """A commit as plain data. Its dates are the committer's word: never a time of receipt."""

    id: str
    parents: tuple[str, ...]
    time: datetime  # the committer's date
    message: str
    author: str  # the author's name, else e-mail


def commit_info(repo: Repository, rev: str | Oid) -> CommitInfo | None:
    """The commit `rev` names as plain data, or None when it is not here."""
    commit = find_commit(repo, rev)
    if commit is None:
        return None
    return CommitInfo(id=str(commit.id), parents=tuple(str(p) for p in commit.parent_ids),
                      time=datetime.fromtimestamp(commit.commit_time, UTC), message=commit.message,
                      author=commit.author.name or commit.author.email or "unknown")


def oid(sha: str) -> Oid:
    return pygit2.Oid(hex=sha)


def set_ref(repo: Repository, name: str, sha: str | Oid, force: bool = False) -> None:
    repo.references.create(name, sha if isinstance(sha, Oid) else oid(sha), force=force)


def has_ref(repo: Repository, name: str) -> bool:
    return name in repo.references


def ref_names(repo: Repository) -> list[str]:
    return list(repo.references)


def merge_base(repo: Repository, one: str | Oid, other: str | Oid) -> str | None:
    found = repo.merge_base(one if isinstance(one, Oid) else oid(one), other if isinstance(other, Oid) else oid(other))
    return None if found is None else str(found)


def person(name: str, email: str, when: datetime) -> Signature:
    """A commit author or committer at a given instant (its UTC offset kept)."""
    delta = when.utcoffset()
    offset = int(delta.total_seconds() // 60) if delta is not None else 0
    return pygit2.Signature(name, email, int(when.timestamp()), offset)


def git_dir(repo: Repository) -> Path:
    return Path(repo.path)


# Old sides kept by document_patch's callers: a few merge bases' blobs serve hundreds of inputs.
SHARED_BLOBS = 8


def document_patch(repo: Repository, old: Commit, head: Commit, path: str, is_managed: Callable[[str], bool],
                   shared: SharedBlobs | None = None) -> tuple[str, tuple[Hunk, ...]] | None:
    """(old blob id, git's hunks) when `path` is the only managed file `head` changes from `old`, as plain text.

    None whenever the change needs a full read instead: another managed file changed, a link or submodule, a
    binary or non-UTF-8 patch, an added or deleted file. `is_managed(path) -> bool` says which files count.
    `shared`, kept by the caller from one call to the next, holds the old sides already read: the inputs of a
    summary mostly share one merge base, whose blob is then read (and inflated from its delta chain) once, not
    once per input as a tree-to-tree patch does; the hunks are the same.
    """
    diff = old.tree.diff_to_tree(head.tree, context_lines=0)
    deltas = list(diff.deltas)
    position = None
    for i, delta in enumerate(deltas):
        if int(delta.new_file.mode) in (LINK, SUBMODULE):
            return None
        if delta.new_file.path == path:
            position = i
        elif is_managed(delta.new_file.path) or is_managed(delta.old_file.path):
            return None
    if position is None:
        return None
    delta = deltas[position]
    # Not delta.is_binary here: asking before the patch exists makes libgit2 read both blobs twice.
    if delta.status_char() != "M" or int(delta.new_file.mode) not in _BLOB_MODES:
        return None
    patch = diff[position] if shared is None else _blob_patch(repo, delta, path, shared)
    if patch is None or patch.delta.is_binary:
        return None
    hunks = _hunks(patch)
    return None if hunks is None else (str(delta.old_file.id), hunks)


def _blob_patch(repo: Repository, delta: pygit2.DiffDelta, path: str, shared: SharedBlobs) -> pygit2.Patch:
    """The delta's patch from the old blob kept in `shared` (read now if it is not there yet)."""
    key = str(delta.old_file.id)
    old = shared.get(key)
    if old is None:
        if len(shared) >= SHARED_BLOBS:
            shared.clear()
        old = shared[key] = repo[delta.old_file.id].peel(pygit2.Blob)
    new = repo[delta.new_file.id].peel(pygit2.Blob)
    # The paths make git's attributes (binary, -diff) apply as they do to the tree diff. pygit2's stub omits
    # context_lines, which Blob.diff takes as diff_to_tree does.
    patch: pygit2.Patch = old.diff(new, old_as_path=path, new_as_path=path,  # type: ignore[call-arg]
                                   context_lines=0)
    return patch


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


def changed_paths(old: Commit, new: Commit) -> list[tuple[str, str]]:
    """(status, path) for each file that differs between two commits; status is git's letter (A, D, M, R...).

    A deleted file is named by its old path, every other change by its new one.
    """
    return [(d.status_char(), d.old_file.path if d.status_char() == "D" else d.new_file.path)
            for d in old.tree.diff_to_tree(new.tree).deltas]


def folder_names(commit: Commit, folder: str) -> list[str]:
    """The names of the entries directly in `folder` at `commit` ([] when there is no such folder)."""
    try:
        tree = commit.tree[folder]
    except KeyError:
        return []
    return [str(entry.name) for entry in tree] if isinstance(tree, pygit2.Tree) else []


def has_path(commit: Commit, path: str) -> bool:
    try:
        commit.tree[path]
    except KeyError:
        return False
    return True


def blob_data(repo: Repository, blob_id: str) -> bytes | None:
    blob = repo[blob_id]
    return bytes(blob.data) if isinstance(blob, pygit2.Blob) else None
