"""Build real git repositories with pygit2 in a test's tmp_path: commits from file maps, tags and refs.

    repo = init_repo(tmp_path)
    base = commit(repo, instance_files(), "zero draft")          # on main
    tag(repo, "review-document/zero-draft", base)
    head = commit(repo, {"documents/x.yaml": "..."}, branch="pr") # starts from main's tip, moves 'pr'
    set_ref(repo, "refs/pull/7/head", head)

Commits are written straight into the object database: nothing is checked out, so the work tree stays as the
test left it (use `write_files` for uncommitted edits). Author, committer and time are fixed, so the same
calls give the same commit ids.
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pygit2
from roots import REPO_ROOT

EPOCH = datetime(2020, 3, 16, 9, 0, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class Link:
    """A symbolic link entry pointing at `target`."""

    target: str


@dataclass(frozen=True, slots=True)
class Submodule:
    """A submodule (gitlink) entry pinned at commit `sha`."""

    sha: str


Content = str | bytes | Link | Submodule | None
"""A file's new content; None deletes the file (and a folder left empty)."""


def init_repo(path: Path, branch: str = "main") -> pygit2.Repository:
    """A new non-bare repository at `path` whose HEAD is the (unborn) `branch`."""
    return pygit2.init_repository(str(path), bare=False, initial_head=branch)


def signature(when: datetime = EPOCH, name: str = "Test Author", email: str = "author@example.org") -> pygit2.Signature:
    return pygit2.Signature(name, email, int(when.timestamp()), 0)


def commit(repo: pygit2.Repository, files: Mapping[str, Content], message: str = "edit", branch: str | None = "main",
           parents: Sequence[pygit2.Oid | str] | None = None, when: datetime = EPOCH) -> pygit2.Oid:
    """A commit whose tree is its first parent's with `files` applied; `branch` (if any) is moved to it.

    Parents default to the tip of `branch` (none when the branch does not exist yet). Paths use '/'.
    """
    if parents is None:
        tip = repo.references.get(f"refs/heads/{branch}") if branch else None
        parents = [tip.target] if tip is not None else []
    parent_ids = [pygit2.Oid(hex=p) if isinstance(p, str) else p for p in parents]
    base = repo[parent_ids[0]].peel(pygit2.Commit).tree if parent_ids else None
    tree_id = tree(repo, base, dict(files))
    sig = signature(when)
    oid: pygit2.Oid = repo.create_commit(None, sig, sig, message, tree_id, parent_ids)
    if branch:
        repo.references.create(f"refs/heads/{branch}", oid, force=True)
    return oid


def tag(repo: pygit2.Repository, name: str, target: pygit2.Oid, message: str | None = None) -> None:
    """A lightweight tag, or an annotated one when a message is given."""
    if message is None:
        repo.references.create(f"refs/tags/{name}", target, force=True)
    else:
        repo.create_tag(name, target, pygit2.enums.ObjectType.COMMIT, signature(), message)


def set_ref(repo: pygit2.Repository, name: str, target: pygit2.Oid) -> None:
    """Create or move any ref, e.g. refs/pull/12/head or refs/ccmflow/ledger."""
    repo.references.create(name, target, force=True)


def instance_files(prefix: str = "documents") -> dict[str, bytes]:
    """The embedded CCM instance (the repository's own documents/), as files for `commit`."""
    base = REPO_ROOT / "documents"
    return {f"{prefix}/{p.relative_to(base).as_posix()}": p.read_bytes()
            for p in sorted(base.rglob("*")) if p.is_file()}


def write_files(root: Path, files: Mapping[str, str | bytes]) -> None:
    """Write files under `root` (e.g. a repository's work tree), creating folders as needed."""
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)


def tree(repo: pygit2.Repository, base: pygit2.Tree | None, changes: Mapping[str, Content]) -> pygit2.Oid:
    """`base` with each path set to its content (None removes it; emptied folders go too)."""
    builder = repo.TreeBuilder(base) if base is not None else repo.TreeBuilder()
    nested: dict[str, dict[str, Content]] = {}
    for path, content in changes.items():
        head, _, rest = path.partition("/")
        if rest:
            nested.setdefault(head, {})[rest] = content
        elif content is None:
            if builder.get(head) is not None:
                builder.remove(head)
        elif isinstance(content, Link):
            builder.insert(head, repo.create_blob(content.target.encode()), pygit2.enums.FileMode.LINK)
        elif isinstance(content, Submodule):
            builder.insert(head, pygit2.Oid(hex=content.sha), pygit2.enums.FileMode.COMMIT)
        else:
            data = content.encode("utf-8") if isinstance(content, str) else content
            builder.insert(head, repo.create_blob(data), pygit2.enums.FileMode.BLOB)
    for name, sub in nested.items():
        entry = builder.get(name)
        subtree = repo.get(entry.id) if entry is not None and entry.filemode == pygit2.enums.FileMode.TREE else None
        child = tree(repo, subtree if isinstance(subtree, pygit2.Tree) else None, sub)
        emptied = repo.get(child)
        if isinstance(emptied, pygit2.Tree) and len(emptied) == 0:
            if entry is not None:
                builder.remove(name)
        else:
            builder.insert(name, child, pygit2.enums.FileMode.TREE)
    written: pygit2.Oid = builder.write()
    return written


def zero_drafts(path: Path, *documents: str, files: Mapping[str, Content] | None = None) -> pygit2.Repository:
    """A repository at `path` holding the embedded instance's files (or `files`), committed once on main, with the
    zero-draft tag of each of `documents` (DOC/zero-draft) on that commit."""
    repo = init_repo(path)
    base = commit(repo, instance_files() if files is None else files, "zero drafts")
    for doc in documents:
        tag(repo, f"{doc}/zero-draft", base)
    return repo


def instance_checkout(path: Path) -> Path:
    """A checkout at `path` holding the embedded instance's documents/, committed once on main (the ISU's)."""
    shutil.copytree(REPO_ROOT / "documents", path / "documents")
    repo = pygit2.init_repository(str(path), initial_head="main")
    repo.index.add_all()
    repo.index.write()
    sig = pygit2.Signature("ISU", "isu@example.org", 1588000000, 0)
    repo.create_commit("HEAD", sig, sig, "zero drafts", repo.index.write_tree(), [])
    return path
