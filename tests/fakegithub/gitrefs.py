"""The repository's git data as GitHub keeps it, for the operations that need it (opening a pull request).

GitHub opens a pull request from a branch it has, records the branch's head, publishes it as
refs/pull/<n>/head, and moves the pull request's head whenever the branch is pushed. A fake given the path of
a (bare) repository does the same with that repository's refs; without one, branches are unknown to it.
"""

from __future__ import annotations

from pathlib import Path

import pygit2


class GitRefs:
    def __init__(self, path: str | Path) -> None:
        self.repo = pygit2.Repository(str(path))

    def branch(self, name: str) -> str | None:
        """The head of branch `name`, or None when there is no such branch."""
        ref = self.repo.references.get(f"refs/heads/{name}")
        return str(ref.peel(pygit2.Commit).id) if ref is not None else None

    def publish_pull(self, number: int, sha: str) -> None:
        self.repo.references.create(f"refs/pull/{number}/head", pygit2.Oid(hex=sha), force=True)
