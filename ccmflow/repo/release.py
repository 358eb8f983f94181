"""Releasing a version: set the document's version, commit it on the current branch, tag DOC/VERSION.

The commit is made from git objects; the file on disk (and the index) follow only when they hold exactly what
was committed before, so uncommitted edits are never overwritten. An existing tag is never moved.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import pygit2

from ccmflow.core.errors import FatalError
from ccmflow.repo.store import Store
from ccmflow.repo.treeedit import blob_text, commit_files, signature
from ccmflow.repo.versions import version_tag
from ccmflow.write.edit import write_document


@dataclass(frozen=True, slots=True)
class Release:
    tag: str
    commit: str
    committed: bool  # False when the file already said this version
    work_tree: bool  # whether the file on disk was updated

    def as_json(self) -> dict[str, object]:
        return {"tag": self.tag, "commit": self.commit, "committed": self.committed,
                "work_tree_updated": self.work_tree}


def release(store: Store, doc: str, version: str) -> Release:
    repo = store.repo
    if repo.head_is_unborn or repo.head_is_detached:
        raise FatalError("HEAD is not on a branch: check out the branch to release on")
    tag = version_tag(doc, version)
    if tag in repo.references:
        raise FatalError(f"{tag.removeprefix('refs/tags/')} exists already; a released version is never moved")
    head = store.commit("HEAD")
    workspace = store.require(head.id)
    document = workspace.document(doc)
    if document is None:
        raise FatalError(f"no document '{doc}' (known: {', '.join(sorted(workspace.documents))})")
    known = [v.id for v in workspace.process.versions]
    if version not in known:
        raise FatalError(f"'{version}' is not a version in process.yaml (known: {', '.join(known)})")
    target, committed, synced = head.id, False, False
    if document.version != version:
        old = blob_text(head, document.path) or ""
        new = write_document(old, document.path, replace(document, version=version))
        message = f"Release {doc}: {workspace.process.version_name(version)}\n"
        target = commit_files(repo, head, {document.path: new.encode()}, message)
        repo.references[repo.head.name].set_target(target, f"ccmflow release {doc} {version}")
        committed = True
        synced = _sync(repo, document.path, old.encode(), new.encode())
    name = tag.removeprefix("refs/tags/")
    repo.create_tag(name, target, pygit2.enums.ObjectType.COMMIT, signature(repo),
                    f"{document.title}: {workspace.process.version_name(version)}\n")
    return Release(name, str(target), committed, synced)


def _sync(repo: pygit2.Repository, path: str, old: bytes, new: bytes) -> bool:
    """Bring the file on disk and its index entry to the new commit, only where they still hold `old`."""
    if repo.workdir is None:
        return False
    file = Path(repo.workdir) / path
    index = repo.index
    entry = index[path] if path in index else None  # noqa: SIM401 (pygit2's Index has no get)
    if not file.is_file() or file.read_bytes() != old or entry is None or entry.id != pygit2.hash(old):
        return False
    file.write_bytes(new)
    index.add(path)
    index.write()
    return True
