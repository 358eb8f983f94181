"""A pull request's content read as git objects (never checked out): its changes and documents."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType

import pygit2

from ccmflow.core.errors import FatalError, Finding
from ccmflow.core.model import Document
from ccmflow.read import rules
from ccmflow.read.content import PathChange, PullContent
from ccmflow.read.load import parse
from ccmflow.repo.fetch import _TokenCallbacks
from ccmflow.repo.git import LINK, SUBMODULE
from ccmflow.repo.inputfiles import _changed_input_files
from ccmflow.repo.inputref import pull_ref
from ccmflow.repo.store import Store, _snapshot

_STATUS = {"A": "added", "D": "deleted", "M": "modified", "R": "renamed", "C": "copied", "T": "typechange"}


def ensure_heads(store: Store, heads: Mapping[int, str], token: str | None,
                 remote: str = "origin") -> set[int]:
    """Make each PR's head commit available locally: one fetch of the missing `refs/pull/<n>/head`.

    Returns the PR numbers whose head is still missing (force-pushed away, or the PR is gone).
    """
    missing = {n: sha for n, sha in heads.items() if not store.has_commit(sha)}
    if not missing:
        return set()
    try:
        origin = store._repo.remotes[remote]
    except (KeyError, IndexError):
        raise FatalError(f"no '{remote}' remote to fetch pull request heads from "
                         "(check out the repository with actions/checkout)") from None
    callbacks = _TokenCallbacks(token)
    specs = [f"+{pull_ref(n)}:{pull_ref(n)}" for n in sorted(missing)]
    try:
        origin.fetch(specs, callbacks=callbacks)
    except pygit2.GitError as exc:
        # libgit2's message names the URL, never the token (it is only handed out through the callback).
        raise FatalError(f"could not fetch pull request heads from '{remote}': {exc}") from None
    return {n for n, sha in missing.items() if not store.has_commit(sha)}


def read_pull(store: Store, base: str, head_sha: str,
              merge_base: str | None = None, known: Mapping[str, Document] | None = None) -> PullContent:
    """The changes and documents of the head commit relative to its merge base with `base`.

    `merge_base` overrides the computed one: once a PR is merged, the base contains its head, and the
    merge base it had while open is the only one that still shows what it changed. `known`: the documents of
    `base`, already read by the caller; used as the merge base's when that is `base` itself.
    """
    repo = store._repo
    head = repo.get(head_sha)
    if not isinstance(head, pygit2.Commit):
        raise FatalError(f"{head_sha} is not a commit in this repository")
    base_id = store._commit(base).id
    merge_base_id = (pygit2.Oid(hex=merge_base) if merge_base and store.has_commit(merge_base)
                     else repo.merge_base(base_id, head.id))
    fork_point = repo.get(merge_base_id) if merge_base_id is not None else None
    old_tree = fork_point.tree if isinstance(fork_point, pygit2.Commit) else None
    changes = tuple(_changes(old_tree, head.tree))
    if known is not None and merge_base_id == base_id:
        before = dict(known)
    else:
        before = _documents(repo, fork_point) if isinstance(fork_point, pygit2.Commit) else {}
    after, findings = _head(repo, head)
    refused = _refusals(changes)
    seen = {f.file for f in refused}
    findings = [*refused, *(f for f in findings if not (f.file in seen and f.line == 1 and f.column == 1))]
    inputs = _changed_input_files(repo, fork_point if isinstance(fork_point, pygit2.Commit) else None, head)
    return PullContent(str(head.id), str(merge_base_id) if merge_base_id else None, changes,
                       MappingProxyType(before), MappingProxyType(after), tuple(findings), inputs)


def pull_reader(store: Store, base: str, merge_base: str | None = None) -> Callable[[str], PullContent | None]:
    """Reads any version of a pull request (by its commit id) as `read_pull` does; None when it is not here."""
    def read(sha: str) -> PullContent | None:
        return read_pull(store, base, sha, merge_base) if store.has_commit(sha) else None
    return read


def _changes(old: pygit2.Tree | None, new: pygit2.Tree) -> Iterable[PathChange]:
    diff = old.diff_to_tree(new) if old is not None else new.diff_to_tree(swap=True)
    for delta in diff.deltas:
        status = _STATUS.get(delta.status_char(), "modified")
        old_path, new_path = delta.old_file.path, delta.new_file.path
        path = old_path if status == "deleted" else new_path
        yield PathChange(path, status, int(delta.old_file.mode) if status != "added" else 0,
                     int(delta.new_file.mode) if status != "deleted" else 0,
                     old_path if old_path != new_path else None)


def _refusals(changes: Iterable[PathChange]) -> list[Finding]:
    """Links and submodules are refused wherever the PR adds them: nothing in a PR is ever followed."""
    found: list[Finding] = []
    for change in changes:
        if change.new_mode == LINK:
            found.append(Finding(change.path, 1, 1, "a symbolic link is not accepted in an input",
                                 "replace the link with the file's own content, or remove it"))
        elif change.new_mode == SUBMODULE:
            found.append(Finding(change.path, 1, 1, "a submodule is not accepted in an input",
                                 "remove the submodule from the pull request"))
    return found


def _documents(repo: pygit2.Repository, commit: pygit2.Commit) -> dict[str, Document]:
    snapshot = _snapshot(repo, commit)
    docs: dict[str, Document] = {}
    for file in snapshot.files:
        record = parse(file, positions=False).record  # the records alone: no finding is reported
        if isinstance(record, Document):
            docs.setdefault(record.id, record)
    return docs


def _head(repo: pygit2.Repository, commit: pygit2.Commit) -> tuple[dict[str, Document], list[Finding]]:
    snapshot = _snapshot(repo, commit)
    # With positions from the start: the summary reads a head here when docpatch could not, most often because it
    # does not pass, and each finding must name its line (a reading without positions would only come first).
    parsed = [parse(f) for f in snapshot.files]
    _, findings = rules.check(parsed)
    docs: dict[str, Document] = {}
    for item in parsed:
        if isinstance(item.record, Document):
            docs.setdefault(item.record.id, item.record)
    return docs, [*snapshot.refused, *findings]
