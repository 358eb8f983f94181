"""Releasing a version: set the document's version and date of issue, commit it on the current branch, tag
DOC/VERSION.

The commit is made from git objects; the file on disk (and the index) follow only when they hold exactly what
was committed before, so uncommitted edits are never overwritten. An existing tag is never moved.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from types import MappingProxyType

import pygit2
from msgspec import Struct
from msgspec.structs import replace

from ccmflow.core.errors import FatalError
from ccmflow.repo.git import Person, _signature
from ccmflow.repo.store import Store
from ccmflow.repo.treeedit import _user, commit_files
from ccmflow.repo.versions import version_tag
from ccmflow.write.edit import write_document


class Release(Struct, frozen=True):
    """What `ccmflow release` did: the tag it made and whether it committed or updated the file."""

    tag: str
    commit: str
    committed: bool  # False when the file already said this version, with its date of issue
    work_tree: bool  # whether the file on disk was updated
    issued: str | None = None  # the date of issue the file records for the version (YYYY-MM-DD)

    def as_json(self) -> dict[str, object]:
        return {"tag": self.tag, "commit": self.commit, "committed": self.committed,
                "work_tree_updated": self.work_tree, "issued": self.issued}


def tag_version(store: Store, doc: str, version: str, target: str, message: str,
                tagger: Person | None = None) -> str:
    """The annotated tag DOC/VERSION on the commit `target` (by `tagger`, default the user); its name."""
    name = version_tag(doc, version).removeprefix("refs/tags/")
    repo = store._repo
    who = _signature(tagger) if tagger is not None else _user(repo)
    repo.create_tag(name, store._commit(target).id, pygit2.enums.ObjectType.COMMIT, who, message)
    return name


def release(store: Store, doc: str, version: str, issued: date | str | None = None, *, symbol: str | None = None,
            status: str | None = None, also_tag: str | None = None, tagger: Person | None = None
            ) -> Release:
    """Tag the version; the file says the version and its date of issue (`issued`, else the one it records)
    first, so a circulated header carries its symbol and date.

    At the conference a revision also gets its `symbol` and a time of issue (`issued` as YYYY-MM-DDTHH:MM), and
    the adoption sets the document's `status` and tags the same commit `also_tag` (DOC/adopted) too."""
    repo = store._repo
    if repo.head_is_unborn or repo.head_is_detached:
        raise FatalError("HEAD is not on a branch: check out the branch to release on")
    tag = version_tag(doc, version)
    for taken in (tag, *([version_tag(doc, also_tag)] if also_tag else [])):
        if taken in repo.references:
            raise FatalError(f"{taken.removeprefix('refs/tags/')} exists already; a released version is never moved")
    head = store.commit("HEAD")
    workspace = store.require(head.id)
    document = workspace.document(doc)
    if document is None:
        raise FatalError(f"no document '{doc}' (known: {', '.join(sorted(workspace.documents))})")
    known = [v.id for v in workspace.process.versions]
    if not workspace.process.knows_version(version):
        raise FatalError(f"'{version}' is not a version in process.yaml (known: {', '.join(known)})")
    dates = dict(document.issued)
    if issued is not None:
        dates[version] = issued if isinstance(issued, str) else issued.isoformat()
    symbols = {**document.symbols, **({version: symbol} if symbol else {})}
    changed = replace(document, version=version, issued=MappingProxyType(dates), symbols=MappingProxyType(symbols),
                      status=status or document.status)
    target, committed, synced = head.id, False, False
    if changed != document:
        old = store.text(head.id, document.path) or ""
        new = write_document(old, document.path, changed)
        message = f"Release {doc}: {workspace.process.version_name(version)}\n"
        target = commit_files(store, head.id, {document.path: new.encode()}, message)
        repo.references[repo.head.name].set_target(pygit2.Oid(hex=target), f"ccmflow release {doc} {version}")
        committed = True
        synced = _sync(repo, document.path, old.encode(), new.encode())
    when = f", issued {dates[version]}" if version in dates else ""
    message = f"{document.title}: {workspace.process.version_name(version)}{when}\n"
    name = tag_version(store, doc, version, target, message, tagger)
    if also_tag is not None:
        tag_version(store, doc, also_tag, target, message, tagger)
    return Release(name, target, committed, synced, dates.get(version))


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
