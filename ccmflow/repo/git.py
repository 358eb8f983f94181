"""The git boundary's plain records, and the few pygit2 helpers the modules of `ccmflow.repo` share.

Above this layer a commit is its id (a `str`) and its data a `CommitInfo`; people are `Person` records. Names
starting with an underscore take or return pygit2 objects: they are `ccmflow.repo`'s own, never imported above it
(tests/project/test_layers.py checks both).
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pygit2
from msgspec import Struct

LINK = int(pygit2.enums.FileMode.LINK)
SUBMODULE = int(pygit2.enums.FileMode.COMMIT)
_BLOB_MODES = (int(pygit2.enums.FileMode.BLOB), int(pygit2.enums.FileMode.BLOB_EXECUTABLE))
# What pygit2 raises for a revision that names nothing here.
_NOT_FOUND = (KeyError, ValueError, pygit2.GitError, pygit2.InvalidSpecError)
FALLBACK = ("ccmflow", "ccmflow@users.noreply.github.com")  # who commits when git knows no user


class CommitInfo(Struct, frozen=True, kw_only=True):
    """A commit as plain data. Its dates are the committer's word: never a time of receipt."""

    id: str
    parents: tuple[str, ...]
    time: datetime  # the committer's date
    message: str
    author: str  # the author's name, else e-mail


class Person(Struct, frozen=True):
    """Who makes a commit or a tag, and when (None: now)."""

    name: str
    email: str
    when: datetime | None = None

    @classmethod
    def github(cls, login: str, when: datetime | None = None) -> Person:
        """A GitHub account, with the no-reply address GitHub gives it."""
        return cls(login, f"{login}@users.noreply.github.com", when)


def commit_everything(path: str | Path, message: str, who: Person | None = None) -> str:
    """A commit of every file in the folder: the first of a new repository on main, or, in a repository that
    is already there (a clone), the next on its current branch. Returns its id."""
    found = pygit2.discover_repository(str(path))
    existing = found is not None and Path(found).resolve() == (Path(path) / ".git").resolve()
    repo = pygit2.Repository(str(path)) if existing else pygit2.init_repository(str(path), initial_head="main")
    repo.index.add_all()
    repo.index.write()
    author = _signature(who or Person(*FALLBACK))
    parents = [] if repo.head_is_unborn else [repo.head.target]
    return str(repo.create_commit("HEAD", author, author, message, repo.index.write_tree(), parents))


def _signature(who: Person) -> pygit2.Signature:
    """A person as git records one (at `who.when` with its UTC offset kept; now when it is None)."""
    if who.when is None:
        return pygit2.Signature(who.name, who.email)
    delta = who.when.utcoffset()
    offset = int(delta.total_seconds() // 60) if delta is not None else 0
    return pygit2.Signature(who.name, who.email, int(who.when.timestamp()), offset)


def _commit_of(repo: pygit2.Repository, rev: str | pygit2.Oid) -> pygit2.Commit:
    """The commit a sha, an Oid or a revision names (tags are peeled); KeyError, ValueError or GitError if none."""
    target = repo[rev] if isinstance(rev, pygit2.Oid) else repo.revparse_single(rev)
    found: pygit2.Commit = target.peel(pygit2.Commit)
    return found


def _find_commit(repo: pygit2.Repository, rev: str | pygit2.Oid) -> pygit2.Commit | None:
    """The commit `rev` names, or None when there is none here."""
    try:
        return _commit_of(repo, rev)
    except _NOT_FOUND:
        return None


def _exact_commit(repo: pygit2.Repository, sha: str) -> pygit2.Commit | None:
    """The commit with exactly this full id, when it is here: never a branch name, a tag or an abbreviation, so
    a SHA from a payload or a file can name nothing else (the all-zero SHA of a push names nothing)."""
    if len(sha) not in (40, 64):
        return None
    try:
        found = repo.get(sha)
    except (ValueError, pygit2.GitError):
        return None
    return found if isinstance(found, pygit2.Commit) else None


def _info(commit: pygit2.Commit) -> CommitInfo:
    return CommitInfo(id=str(commit.id), parents=tuple(str(p) for p in commit.parent_ids),
                      time=datetime.fromtimestamp(commit.commit_time, UTC), message=commit.message,
                      author=commit.author.name or commit.author.email or "unknown")


def _blob_at(commit: pygit2.Commit, path: str) -> pygit2.Blob | None:
    """The file at `path` in a commit, or None when it is absent (or not a file)."""
    try:
        blob = commit.tree[path]
    except KeyError:
        return None
    return blob if isinstance(blob, pygit2.Blob) else None
