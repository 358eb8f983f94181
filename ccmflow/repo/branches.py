"""A new branch holding one commit on top of a base: how an input made outside a pull request enters git."""

from __future__ import annotations

from collections.abc import Mapping

import pygit2

from ccmflow.core.errors import FatalError
from ccmflow.repo.fetch import push
from ccmflow.repo.store import Store
from ccmflow.repo.treeedit import commit_files


def commit_on_new_branch(store: Store, base: str, files: Mapping[str, str], message: str, branch: str, *,
                         force: bool = False) -> str:
    """One commit on `base` with `files` written, on the new branch `branch` (nothing is checked out)."""
    ref = f"refs/heads/{branch}"
    if not pygit2.reference_is_valid_name(ref):
        raise FatalError(f"'{branch}' is not a valid branch name")
    if store.has_ref(ref) and not force:
        raise FatalError(f"the branch '{branch}' exists already (choose another with --branch, or --force)")
    made = commit_files(store, base, {path: text.encode("utf-8") for path, text in files.items()}, message)
    store.set_ref(ref, made, force=force)
    return made


def publish_branch(store: Store, base: str, files: Mapping[str, str], message: str, branch: str,
                   token: str | None, previous: str | None = None) -> str | None:
    """One commit on `base` with `files`, pushed to origin as `branch` (replacing what it held).

    Returns the pushed commit, or None when `previous` (the branch's head so far, if known here) already holds
    these very files: an edit that changes nothing makes no new version (a base that moved on in other files
    does not count; one that changed the same document does).
    """
    if previous is not None and store.has_commit(previous) and \
            all(store.text(previous, path) == text for path, text in files.items()):
        return None
    sha = commit_on_new_branch(store, base, files, message, branch, force=True)
    push(store, token, [f"+refs/heads/{branch}:refs/heads/{branch}"])
    return sha
