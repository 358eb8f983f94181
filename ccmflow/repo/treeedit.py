"""Commits made from git objects alone: new trees with a few files replaced, never touching the work tree."""

from __future__ import annotations

from collections.abc import Mapping

import pygit2

from ccmflow.repo.git import FALLBACK, Person, _signature
from ccmflow.repo.store import Store

_BLOB = pygit2.enums.FileMode.BLOB
_TREE = pygit2.enums.FileMode.TREE


def _user(repo: pygit2.Repository) -> pygit2.Signature:
    """The user's configured identity, or ccmflow's when git has none (CI, fresh machines)."""
    try:
        found: pygit2.Signature = repo.default_signature
        return found
    except (KeyError, pygit2.GitError):
        return pygit2.Signature(*FALLBACK)


def _tree_with(repo: pygit2.Repository, tree: pygit2.Tree | None, files: Mapping[str, bytes]) -> pygit2.Oid:
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
        builder.insert(name, _tree_with(repo, subtree, subfiles), _TREE)
    oid: pygit2.Oid = builder.write()
    return oid


def commit_files(store: Store, parent: str, files: Mapping[str, bytes], message: str,
                 author: Person | None = None) -> str:
    """A commit on top of `parent` with `files` replaced, by `author` (default: the git user); no ref moves.
    Returns its id."""
    repo = store._repo
    base = store._commit(parent)
    who = _signature(author) if author is not None else _user(repo)
    return str(repo.create_commit(None, who, who, message, _tree_with(repo, base.tree, files), [base.id]))


def publish_tree(store: Store, branch: str, parent_ref: str, files: Mapping[str, bytes], message: str) -> bool:
    """Make `files` (and nothing else) the tree of a commit on `refs/heads/<branch>`, on top of `parent_ref` when it
    exists; returns False, and commits nothing, when that tree is already there."""
    repo = store._repo
    found = repo.references.get(parent_ref)
    parent = found.peel(pygit2.Commit) if found is not None else None
    tree = _tree_with(repo, None, files)
    if parent is not None and parent.tree.id == tree:
        return False
    who = pygit2.Signature(*FALLBACK)
    oid = repo.create_commit(None, who, who, message, tree, [parent.id] if parent else [])
    repo.references.create(f"refs/heads/{branch}", oid, force=True)
    return True
