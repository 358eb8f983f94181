"""Versions of a document as git tags `<doc>/<version>`, so people can name versions instead of commits."""

from __future__ import annotations

from msgspec import Struct

from ccmflow.core.errors import FatalError
from ccmflow.repo.git import CommitInfo
from ccmflow.repo.store import Store


def version_tag(doc: str, version: str) -> str:
    return f"refs/tags/{doc}/{version}"


class VersionRev(Struct, frozen=True):
    """What a version name resolved to; `note` says so when no tag named it (the revision is a guess to keep)."""

    rev: str
    note: str | None = None


def resolve_version_rev(store: Store, doc: str, name: str) -> str:
    return find_version(store, doc, name).rev


def find_version(store: Store, doc: str, name: str) -> VersionRev:
    """`zero-draft` means the tag DOC/zero-draft; else any git revision; else, for a version process.yaml names,
    the first commit on HEAD's first-parent line where the document is at that version."""
    tag = version_tag(doc, name)
    if store.has_ref(tag) or store.find_commit(name) is not None or name not in _versions(store):
        return VersionRev(tag if store.has_ref(tag) else name)
    sha = _first_at(store, doc, name)
    short = tag.removeprefix("refs/tags/")
    if sha is None:
        raise FatalError(f"{doc} has no version '{name}' yet: no tag {short}, and no commit where its version is "
                         f"'{name}'. When it reaches that version, `ccmflow release {doc} {name}` sets and tags it")
    return VersionRev(sha, f"no tag {short} here: {name} is read at {sha[:10]}, the first commit where {doc} is at "
                           f"that version; to keep it, tag it: git tag {short} {sha[:10]}")


def _versions(store: Store) -> set[str]:
    try:
        workspace, _ = store.workspace("HEAD")
    except FatalError:
        return set()
    return {v.id for v in workspace.process.versions} if workspace is not None else set()


def _first_at(store: Store, doc: str, version: str) -> str | None:
    """The oldest commit on HEAD's first-parent line where `doc` is at `version` (each documents tree read once)."""
    line: list[str] = []
    commit: CommitInfo | None = store.commit("HEAD")
    while commit is not None:
        line.append(commit.id)
        commit = store.commit(commit.parents[0]) if commit.parents else None
    seen: dict[str, bool] = {}
    for sha in reversed(line):
        key = store.tree_key(sha)
        if key not in seen:
            document = store.find_document(sha, doc)
            seen[key] = document is not None and document.version == version
        if seen[key]:
            return sha
    return None
