"""Git transfers the summary and the freeze need: fetch inputs and ccmflow refs, push freeze refs and the ledger."""

from __future__ import annotations

from collections.abc import Sequence

import pygit2

from ccmflow.core.errors import FatalError
from ccmflow.repo.store import Store

# Every pull request's head (forks included: GitHub keeps refs/pull/<n>/head in the base repository), the
# ledger, freeze refs and manifests, and the published compilation text.
INPUTS = ("+refs/pull/*/head:refs/pull/*/head", "+refs/ccmflow/*:refs/ccmflow/*",
          "+refs/heads/ccmflow-*:refs/remotes/origin/ccmflow-*")
REMOTE = "origin"

class _TokenCallbacks(pygit2.RemoteCallbacks):
    """The Actions token as HTTPS credentials (never written to .git/config), and the refs a push refused."""

    def __init__(self, token: str | None) -> None:
        super().__init__(credentials=pygit2.UserPass("x-access-token", token) if token else None)
        self.refused: list[str] = []

    def push_update_reference(self, refname: str, message: str | None) -> None:
        if message:
            self.refused.append(f"{refname}: {message}")


def _origin(repo: pygit2.Repository) -> pygit2.Remote | None:
    try:
        return repo.remotes[REMOTE]
    except (KeyError, IndexError):
        return None


def fetch(store: Store, token: str | None, specs: Sequence[str] = INPUTS) -> str | None:
    """Fetch from origin; returns why it could not (the summary then works from what is here), else None."""
    origin = _origin(store._repo)
    if origin is None:
        return f"no '{REMOTE}' remote"
    try:
        origin.fetch(list(specs), callbacks=_TokenCallbacks(token))
    except pygit2.GitError as exc:
        return f"could not fetch from {REMOTE}: {exc}"
    return None


def push(store: Store, token: str | None, specs: Sequence[str]) -> None:
    """Push refs to origin; a refused ref stops the run with GitHub's reason."""
    if not specs:
        return
    origin = _origin(store._repo)
    if origin is None:
        raise FatalError(f"no '{REMOTE}' remote to push {', '.join(specs)} to")
    callbacks = _TokenCallbacks(token)
    try:
        origin.push(list(specs), callbacks=callbacks)
    except pygit2.GitError as exc:
        raise FatalError(f"could not push to {REMOTE}: {exc}") from None
    if callbacks.refused:
        raise FatalError(f"{REMOTE} refused: {'; '.join(callbacks.refused)}")
