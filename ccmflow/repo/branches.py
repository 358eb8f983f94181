"""A new branch holding one commit on top of a base: how an input made outside a pull request enters git."""

from __future__ import annotations

from collections.abc import Mapping

import pygit2

from ccmflow.core.errors import FatalError
from ccmflow.repo.treeedit import commit_files


def commit_on_new_branch(repo: pygit2.Repository, base: pygit2.Commit, files: Mapping[str, str], message: str,
                         branch: str, *, force: bool = False) -> str:
    """One commit on `base` with `files` written, on the new branch `branch` (nothing is checked out)."""
    ref = f"refs/heads/{branch}"
    if not pygit2.reference_is_valid_name(ref):
        raise FatalError(f"'{branch}' is not a valid branch name")
    if ref in repo.references and not force:
        raise FatalError(f"the branch '{branch}' exists already (choose another with --branch, or --force)")
    made = commit_files(repo, base, {path: text.encode("utf-8") for path, text in files.items()}, message)
    repo.references.create(ref, made, force=force)
    return str(made)
