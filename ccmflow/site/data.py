"""What the site shows, read from git at one revision: documents, their versions, registers, inputs and traces."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from msgspec import Struct

from ccmflow.consolidation.dispositions import Register, read_register, register_path
from ccmflow.consolidation.trace import Row, delegations, rows
from ccmflow.core.errors import FatalError, InvalidInput
from ccmflow.core.model import Document, Window, Workspace
from ccmflow.core.status import circulated_version
from ccmflow.inputs.collect import collect
from ccmflow.inputs.compile import Compilation, compile_inputs
from ccmflow.inputs.summary import Summary, build
from ccmflow.repo.store import Store
from ccmflow.repo.versions import find_version, version_tag
from ccmflow.site.languages import LanguageVersion, Translations, repository_translations


class VersionPoint(Struct, frozen=True):
    """A version of a document: a tag `<doc>/<version>`, or the built revision when it has moved on since."""

    version: str
    name: str
    rev: str  # the tag's name, or the built revision
    document: Document
    tagged: bool
    slug: str  # its page's name: the version id, or "current" when a tag already has that id


class WindowInputs(Struct, frozen=True):
    """A window's inputs, judged as of the build: the summary and the compilation text."""

    window: Window
    base: str  # what the inputs are read against: the version's tag, or the built revision
    summary: Summary
    compilation: Compilation


class DocumentData(Struct, frozen=True):
    """Everything the site shows about one document: versions, registers, inputs, trace and translations."""

    document: Document
    versions: tuple[VersionPoint, ...]
    registers: tuple[tuple[Window, Register], ...]
    inputs: tuple[WindowInputs, ...]
    trace: tuple[Row, ...]
    translations: tuple[LanguageVersion, ...]
    circulated: bool = True  # False: not issued yet at the site's date; its pages say so and show no text

    def register_for(self, version: str) -> tuple[Window, Register] | None:
        """The register of the window whose inputs produced `version`."""
        return next(((w, r) for w, r in self.registers if r.version == version), None)


class SiteData(Struct, frozen=True):
    """Everything the static site shows, read once from git at one commit and one moment."""

    workspace: Workspace
    rev: str
    commit: str
    at: datetime
    documents: tuple[DocumentData, ...]
    fixed: bool = False  # the date was given (--at): the pages keep it in their own clock and say so


def gather(store: Store, rev: str, at: datetime, translations: Translations = repository_translations,
           fixed: bool = False) -> SiteData:
    """Everything the pages need, in the process's document order, as it stood at `at`: each document at the
    version in circulation then (a later one is not shown), or marked as not circulated yet."""
    commit = store.commit(rev)
    workspace = store.require(commit.id)
    order = [d for d in workspace.process.document_order if d in workspace.documents]
    order += sorted(d for d in workspace.documents if d not in order)
    found = []
    for doc in order:
        head = workspace.documents[doc]
        version = circulated_version(head, workspace.process, at)
        document = _as_of(store, head, version)
        versions = _versions(store, workspace, doc, rev, _issued_by(head, workspace, at)) if version else ()
        found.append(DocumentData(
            document, versions, _registers(store, workspace, rev, doc), _inputs(store, workspace, doc, rev, at),
            rows([v.document for v in versions], delegations(store, workspace, doc)),
            tuple(translations(store, rev, workspace, doc, document)) if version is not None else (),
            circulated=version is not None))
    return SiteData(workspace, rev, commit.id, at, tuple(found), fixed)


def _issued_by(head: Document, workspace: Workspace, at: datetime) -> Callable[[str], bool]:
    """Whether a version of the document had been issued at `at` (one with no recorded date counts as issued)."""
    day = at.astimezone(ZoneInfo(workspace.process.conference.timezone)).date()
    return lambda version: (issued := head.issued_at(version)) is None or issued <= day


def _as_of(store: Store, head: Document, version: str | None) -> Document:
    """The document's text at `version` (its tag, else the first commit at that version); the head's when it is
    that version, is not circulated yet, or that text is not in the repository."""
    if version is None or version == head.version:
        return head
    try:
        rev = find_version(store, head.id, version).rev
        return store.find_document(rev, head.id) or head
    except FatalError:
        return head


def _versions(store: Store, workspace: Workspace, doc: str, rev: str,
              issued: Callable[[str], bool]) -> tuple[VersionPoint, ...]:
    found: list[VersionPoint] = []
    commits: list[str] = []
    for version in workspace.process.versions:
        tag = version_tag(doc, version.id)
        if store.has_ref(tag) and issued(version.id):
            document = store.find_document(tag, doc)
            if document is not None:
                found.append(VersionPoint(version.id, version.name, tag.removeprefix("refs/tags/"), document, True,
                                          version.id))
                commits.append(store.commit(tag).id)
    current = store.commit(rev)
    document = store.document(current.id, doc)
    if not issued(document.version):
        return tuple(found)
    if not found or (current.id not in commits[-1:] and document != found[-1].document):
        taken = any(p.version == document.version for p in found)
        name = workspace.process.version_name(document.version)
        found.append(VersionPoint(document.version, f"{name} (current, not yet released)" if taken else name, rev,
                                  document, False, "current" if taken else document.version))
    return tuple(found)


def _registers(store: Store, workspace: Workspace, rev: str, doc: str) -> tuple[tuple[Window, Register], ...]:
    commit = store.commit(rev).id
    found = []
    for window in workspace.process.windows_for(doc):
        path = register_path(window.id)
        text = store.text(commit, path)
        if text is None:
            continue
        try:
            found.append((window, read_register(text, path)))
        except InvalidInput:
            continue  # `ccmflow validate` names the problem; the site shows the versions without it
    return tuple(found)


def _inputs(store: Store, workspace: Workspace, doc: str, rev: str, at: datetime) -> tuple[WindowInputs, ...]:
    """Each window of the document that has inputs, most recent first; read against the version it is for."""
    found = []
    for window in reversed(workspace.process.windows_for(doc)):
        tag = version_tag(doc, window.version) if window.version else None
        base = tag if tag is not None and store.has_ref(tag) else rev
        collected = collect(store, doc, window_id=window.id, base=base, now=at)
        if collected.inputs:
            found.append(WindowInputs(window, base.removeprefix("refs/tags/"), build(collected),
                                      compile_inputs(collected)))
    return tuple(found)
