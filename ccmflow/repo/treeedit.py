"""Commits made from git objects alone: new trees with a few files replaced, never touching the work tree."""

from __future__ import annotations

from collections.abc import Mapping

import pygit2

_BLOB = pygit2.enums.FileMode.BLOB
_TREE = pygit2.enums.FileMode.TREE
FALLBACK_SIGNATURE = ("ccmflow", "ccmflow@users.noreply.github.com")


def signature(repo: pygit2.Repository) -> pygit2.Signature:
    """The user's configured identity, or ccmflow's when git has none (CI, fresh machines)."""
    try:
        found: pygit2.Signature = repo.default_signature
        return found
    except (KeyError, pygit2.GitError):
        return pygit2.Signature(*FALLBACK_SIGNATURE)


def tree_with(repo: pygit2.Repository, tree: pygit2.Tree | None, files: Mapping[str, bytes]) -> pygit2.Oid:
    """`tree` with each path set to its bytes (folders created as needed); returns the new tree's id."""
    here: dict[str, bytes] = {}
    below: dict[str, dict[str, bytes]] = {}
    for path, data in files.items():
        head, _, rest = path.partition("/")
        if rest:
            below.setdefault(head, {})[rest] = data
        else:
            here[head] = data
    builder = repo.TreeBuilder(tree) if tree is not None else repo.TreeBuilder()
    for name, data in here.items():
        builder.insert(name, repo.create_blob(data), _BLOB)
    for name, subfiles in below.items():
        entry = tree[name] if tree is not None and name in tree else None
        subtree = repo[entry.id] if entry is not None and entry.filemode == _TREE else None
        assert subtree is None or isinstance(subtree, pygit2.Tree)
        builder.insert(name, tree_with(repo, subtree, subfiles), _TREE)
    oid: pygit2.Oid = builder.write()
    return oid


def commit_files(repo: pygit2.Repository, parent: pygit2.Commit, files: Mapping[str, bytes], message: str,
                 ref: str | None = None) -> pygit2.Oid:
    """A commit on top of `parent` with `files` replaced; `ref` (if given) is not moved here."""
    tree = tree_with(repo, parent.tree, files)
    who = signature(repo)
    oid: pygit2.Oid = repo.create_commit(ref, who, who, message, tree, [parent.id])
    return oid


def blob_id(tree: pygit2.Tree, path: str) -> str | None:
    """The id of the object at `path` in `tree`, or None when there is none: enough to tell a change."""
    try:
        return str(tree[path].id)
    except KeyError:
        return None


def blob_at(commit: pygit2.Commit, path: str) -> pygit2.Blob | None:
    """The file at `path` in a commit, or None when it is absent (or not a file)."""
    try:
        blob = commit.tree[path]
    except KeyError:
        return None
    return blob if isinstance(blob, pygit2.Blob) else None


def blob_text(commit: pygit2.Commit, path: str) -> str | None:
    """A file's text at a commit, or None when it is absent (or not a file)."""
    blob = blob_at(commit, path)
    if blob is None:
        return None
    data: bytes = blob.data
    return data.decode("utf-8")


def publish_tree(repo: pygit2.Repository, branch: str, parent_ref: str, files: Mapping[str, bytes],
                 message: str) -> bool:
    """Make `files` (and nothing else) the tree of a commit on `refs/heads/<branch>`, on top of `parent_ref` when it
    exists; returns False, and commits nothing, when that tree is already there."""
    found = repo.references.get(parent_ref)
    parent = found.peel(pygit2.Commit) if found is not None else None
    tree = tree_with(repo, None, files)
    if parent is not None and parent.tree.id == tree:
        return False
    who = pygit2.Signature(*FALLBACK_SIGNATURE)
    oid = repo.create_commit(None, who, who, message, tree, [parent.id] if parent else [])
    repo.references.create(f"refs/heads/{branch}", oid, force=True)
    return True
