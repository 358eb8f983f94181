"""Cross-file rules: what no single file's schema can see (ids, references, order of the timeline)."""

from __future__ import annotations

import itertools
from collections.abc import Collection, Iterable, Iterator
from datetime import datetime
from types import MappingProxyType

from ccmflow.core.errors import Finding
from ccmflow.core.model import REVISIONS, Document, Process, Registry, Workspace, revision_number
from ccmflow.core.roles import Role
from ccmflow.read.kinds import FileKind
from ccmflow.read.load import Parsed
from ccmflow.read.yamlsafe import Loaded, Path


def check(parsed: Iterable[Parsed]) -> tuple[Workspace | None, list[Finding]]:
    """All findings across the files, and the workspace when there are none."""
    items = list(parsed)
    findings = [f for p in items for f in p.findings]
    documents = [(p.record, p.loaded) for p in items if isinstance(p.record, Document) and p.loaded]
    processes = [(p.record, p.loaded) for p in items if isinstance(p.record, Process) and p.loaded]
    registries = [(p.record, p.loaded) for p in items if isinstance(p.record, Registry) and p.loaded]
    # A document file with its own errors has no record; naming it elsewhere is not a second error.
    broken = {name for p in items if p.kind == FileKind.DOCUMENT and p.record is None for name in _names(p)}
    findings += _presence(items)
    findings += list(_document_rules(documents, broken))
    if processes:
        # Order rules compare dates: a date the file got wrong would only add misleading findings.
        dates_ok = not next(p for p in items if isinstance(p.record, Process)).findings
        findings += list(_process_rules(*processes[0], documents, broken, dates_ok))
        findings += list(_section_vocabulary(processes[0][0], documents))
    if registries:
        findings += list(_registry_rules(*registries[0]))
    if registries and processes:
        findings += list(_coordinated_sections(processes[0][0], *registries[0]))
        findings += list(_contacts(*processes[0], registries[0][0]))
    if findings or not processes or not registries:
        return None, findings
    workspace = Workspace(MappingProxyType({d.id: d for d, _ in documents}), processes[0][0], registries[0][0])
    return workspace, []


PLACEHOLDER_ID = 0  # an account id no GitHub account has: `ccmflow init` writes it until the real one is known


def placeholders(parsed: Iterable[Parsed]) -> list[Finding]:
    """Accounts still at the placeholder id: the registry is valid, but nobody can act through them yet."""
    found: list[Finding] = []
    for item in parsed:
        if not isinstance(item.record, Registry) or item.loaded is None:
            continue
        for s_index, stakeholder in enumerate(item.record.stakeholders):
            for a_index, account in enumerate(stakeholder.accounts):
                if account.id == PLACEHOLDER_ID:
                    found.append(item.loaded.finding(
                        ("stakeholders", s_index, "accounts", a_index, "id"),
                        f"the account of {stakeholder.id} is a placeholder (id {PLACEHOLDER_ID}): nobody can act "
                        "through it", f"put its numeric GitHub id here (gh api users/{account.login} --jq .id)"))
    return found


def _names(parsed: Parsed) -> set[str]:
    """The ids a broken document file may go by: its file name and, when readable, its document.id."""
    path = parsed.loaded.path if parsed.loaded else parsed.findings[0].file if parsed.findings else ""
    names = {path.rsplit("/", 1)[-1].rsplit(".", 1)[0]} if path else set()
    data = parsed.loaded.data if parsed.loaded else None
    meta = data.get("document") if isinstance(data, dict) else None
    if isinstance(meta, dict) and isinstance(meta.get("id"), str):
        names.add(meta["id"])
    return names


def _presence(items: list[Parsed]) -> list[Finding]:
    kinds = [p.kind for p in items]
    missing = [k for k in (FileKind.PROCESS, FileKind.STAKEHOLDERS) if k not in kinds]
    return [Finding(f"documents/{'process' if k == 'process' else 'stakeholders'}.yaml", 1, 1,
                    f"the {k} file is missing", f"create documents/{k}.yaml (ccmflow init shows one)")
            for k in missing]


def _document_rules(documents: list[tuple[Document, Loaded]], broken: set[str]) -> Iterator[Finding]:
    seen_docs: dict[str, str] = {}
    seen_paragraphs: dict[str, tuple[Loaded, Path]] = {}
    targets: dict[str, set[str]] = {}
    for d, _ in documents:  # two documents sharing an id: one finding for the id, not one per reference
        targets.setdefault(d.id, set()).update({s.id for s in d.sections} | {p.id for _, p in d.walk()})
    for document, loaded in documents:
        if document.id in seen_docs:
            yield loaded.finding(("document", "id"), f"document id '{document.id}' is also used by "
                                 f"{seen_docs[document.id]}", "give each document its own id")
        seen_docs[document.id] = loaded.path
        yield from _ids(document, loaded, seen_paragraphs)
        yield from _references(document, loaded, targets, broken)
        for key in ("informs", "informed_by"):
            for i, other in enumerate(getattr(document, key)):
                if other not in targets and other not in broken:
                    yield loaded.finding(("document", key, i), f"unknown document '{other}'",
                                         f"use one of: {', '.join(sorted(targets))}")


def _ids(document: Document, loaded: Loaded, seen: dict[str, tuple[Loaded, Path]]) -> Iterator[Finding]:
    """Ids used twice: sections within a document, paragraphs across all of them (each located only then)."""
    section_ids: set[str] = set()
    for s_index, section in enumerate(document.sections):
        if section.id in section_ids:
            yield loaded.finding(("sections", s_index, "id"), f"section id '{section.id}' appears twice",
                                 "merge the two sections or rename one")
        section_ids.add(section.id)
        for p_index, paragraph in enumerate(section.paragraphs):
            at: Path = ("sections", s_index, "paragraphs", p_index, "id")
            if paragraph.id in seen:
                first, first_at = seen[paragraph.id]
                yield loaded.finding(at, f"paragraph id '{paragraph.id}' is already used at "
                                         f"{first.path}:{first.locate(first_at)[0]}",
                                     "give the new paragraph a fresh id (ccmflow new-id); never reuse one")
            else:
                seen[paragraph.id] = (loaded, at)


def _references(document: Document, loaded: Loaded, targets: dict[str, set[str]],
                broken: set[str]) -> Iterator[Finding]:
    for s_index, section in enumerate(document.sections):
        for p_index, paragraph in enumerate(section.paragraphs):
            for r_index, ref in enumerate(paragraph.references):
                doc, _, target = ref.partition("#")
                path = ("sections", s_index, "paragraphs", p_index, "references", r_index)
                if doc in broken and doc not in targets:
                    continue
                if doc not in targets:
                    yield loaded.finding(path, f"reference '{ref}' names unknown document '{doc}'",
                                         f"use one of: {', '.join(sorted(targets))}")
                elif target not in targets[doc]:
                    yield loaded.finding(path, f"reference '{ref}' does not resolve: '{doc}' has no "
                                         f"paragraph or section '{target}'",
                                         "point it at an existing paragraph id or section id")


def _section_vocabulary(process: Process, documents: list[tuple[Document, Loaded]]) -> Iterator[Finding]:
    known = set(process.section_titles)
    if not known:
        return
    for document, loaded in documents:
        for index, section in enumerate(document.sections):
            if section.id not in known:
                yield loaded.finding(("sections", index, "id"), f"unknown section '{section.id}'",
                                     f"use a section listed in {process.path}: {', '.join(sorted(known))}")


def _process_rules(process: Process, loaded: Loaded, with_files: list[tuple[Document, Loaded]], broken: set[str],
                   dates_ok: bool) -> Iterator[Finding]:
    documents = {d.id: d for d, _ in with_files}
    known = sorted(documents.keys() | broken)
    versions = {v.id for v in process.versions}
    if process.conference.start > process.conference.end:
        yield loaded.finding(("conference", "end"), "the conference ends before it starts",
                             "swap or correct the start and end dates")
    for i, did in enumerate(process.document_order):
        if did not in documents and did not in broken:
            yield loaded.finding(("document_order", i), f"unknown document '{did}'", f"use one of: {', '.join(known)}")
    yield from _unique(loaded, "windows", [w.id for w in process.windows])
    yield from _unique(loaded, "milestones", [m.id for m in process.milestones])
    yield from _unique(loaded, "versions", [v.id for v in process.versions])
    yield from _unique(loaded, "contacts", [c.id for c in process.contacts])
    yield from _unique(loaded, "channels", [c.id for c in process.channels])
    for i, version in enumerate(process.versions):
        for j, did in enumerate(version.documents):
            if did not in documents and did not in broken:
                yield loaded.finding(("versions", i, "documents", j), f"version '{version.id}' names unknown "
                                     f"document '{did}'", f"use one of: {', '.join(known)}")
    yield from _stages(process, loaded, documents.keys())
    for i, window in enumerate(process.windows):
        if window.document not in documents and window.document not in broken:
            yield loaded.finding(("windows", i, "document"), f"window '{window.id}' is for unknown document "
                                 f"'{window.document}'", f"use one of: {', '.join(known)}")
        if window.version is not None and window.version not in versions and window.version != REVISIONS:
            yield loaded.finding(("windows", i, "version"), f"unknown version '{window.version}'",
                                 f"use one of: {', '.join(sorted(versions))}, or {REVISIONS} for the conference's "
                                 "Rev.N")
        if window.opens and window.closes and window.opens >= window.closes:
            yield loaded.finding(("windows", i, "opens"), f"window '{window.id}' opens after it closes",
                                 "correct the opening or closing date")
        about = window.opens_about
        if about and window.closes and about.bounds()[0] > window.closes.date():
            yield loaded.finding(("windows", i, "opens"), f"window '{window.id}' opens ({about}) after it closes",
                                 "correct the opening or closing date")
    for i, milestone in enumerate(process.milestones):
        for j, stage in enumerate(milestone.documents):
            where = ("milestones", i, "documents", j)
            if stage.document not in documents and stage.document not in broken:
                yield loaded.finding((*where, "document"), f"milestone '{milestone.id}' names unknown document "
                                     f"'{stage.document}'", f"use one of: {', '.join(known)}")
            if stage.version is not None and stage.version not in versions:
                yield loaded.finding((*where, "version"), f"unknown version '{stage.version}'",
                                     f"use one of: {', '.join(sorted(versions))}")
    for i, channel in enumerate(process.channels):
        for j, did in enumerate(channel.documents):
            if did not in documents and did not in broken:
                yield loaded.finding(("channels", i, "documents", j), f"channel '{channel.id}' names unknown "
                                     f"document '{did}'", f"use one of: {', '.join(known)}")
    if dates_ok:
        yield from _window_order(process, loaded)
        yield from _milestone_order(process, loaded)
    for document, doc_loaded in with_files:
        own = [v.id for v in process.versions_of(document.id)]
        if revision_number(document.version) is not None:
            pass  # a revision issued at the conference (rev-N) needs no stage of the timeline
        elif document.version not in versions:
            yield doc_loaded.finding(("document", "version"), f"document version '{document.version}' is not one "
                                     f"of the versions in {process.path}", f"use one of: {', '.join(sorted(versions))}")
        elif document.version not in own:
            yield doc_loaded.finding(("document", "version"), f"'{document.id}' does not go through version "
                                     f"'{document.version}' ({process.path})", f"use one of: {', '.join(own)}")
        for key in ("symbols", "issued"):
            for name in getattr(document, key):
                if not process.knows_version(name):
                    yield doc_loaded.finding(("document", key, name), f"{key}: '{name}' is not one of the versions "
                                             f"in {process.path}", f"use one of: {', '.join(sorted(versions))}")
        yield from _issued_after_close(process, document, doc_loaded)


def _issued_after_close(process: Process, document: Document, loaded: Loaded) -> Iterator[Finding]:
    """A window announced approximately opens when its stage is issued: an issue after its deadline would open it
    only once it has closed."""
    for window in process.windows_for(document.id):
        opened = window.on_issue(document, process.conference.timezone)
        about = window.opens_about  # announced after its deadline already: reported on the window
        if about is not None and window.closes is not None and about.bounds()[0] > window.closes.date():
            continue
        if opened is not window and opened.opens and window.closes and opened.opens >= window.closes:
            yield loaded.finding(("document", "issued", window.version or ""), f"{document.id} {window.version} "
                                 f"is issued after window '{window.id}' closes, which it opens",
                                 f"correct the date of issue, or the window's deadline in {process.path}")


def _contacts(process: Process, loaded: Loaded, registry: Registry) -> Iterator[Finding]:
    """A contact that names who receives input names a stakeholder of the registry."""
    known = [s.id for s in registry.stakeholders]
    for i, contact in enumerate(process.contacts):
        if contact.stakeholder is not None and registry.get(contact.stakeholder) is None:
            yield loaded.finding(("contacts", i, "stakeholder"), f"contact '{contact.id}' names unknown "
                                 f"stakeholder '{contact.stakeholder}'", f"use one of: {', '.join(known)}")


def _stages(process: Process, loaded: Loaded, known: Collection[str]) -> Iterator[Finding]:
    """A window or milestone names a version its document goes through (a version may apply to some documents)."""
    named: list[tuple[tuple[str | int, ...], str, str | None]] = [
        (("windows", i, "version"), w.document, w.version) for i, w in enumerate(process.windows)]
    named += [(("milestones", i, "documents", j, "version"), s.document, s.version)
              for i, m in enumerate(process.milestones) for j, s in enumerate(m.documents)]
    for path, did, vid in named:
        version = next((v for v in process.versions if v.id == vid), None)
        if version is not None and did in known and not version.applies_to(did):
            yield loaded.finding(path, f"'{did}' does not go through version '{vid}'",
                                 f"use one of: {', '.join(v.id for v in process.versions_of(did))}, or add "
                                 f"'{did}' to that version's documents")


def _unique(loaded: Loaded, key: str, ids: list[str]) -> Iterator[Finding]:
    seen: set[str] = set()
    for i, item in enumerate(ids):
        if item in seen:
            yield loaded.finding((key, i, "id"), f"id '{item}' appears twice in {key}", "give each its own id")
        seen.add(item)


def _window_order(process: Process, loaded: Loaded) -> Iterator[Finding]:
    # Windows are listed in the order they close; the document order (review informs plan informs
    # declaration) means a later document's first window cannot close before an earlier one's.
    previous: datetime | None = None
    for i, window in enumerate(process.windows):
        if window.closes is None:
            continue
        if previous is not None and window.closes < previous:
            yield loaded.finding(("windows", i, "closes"), f"window '{window.id}' closes before the window "
                                 "listed above it", "list windows in the order they close, or fix the date")
        previous = window.closes
    first: dict[str, datetime] = {}
    for window in process.windows:
        if window.closes is not None and window.document not in first:
            first[window.document] = window.closes
    order = [d for d in process.document_order if d in first]
    for earlier, later in itertools.pairwise(order):
        if first[later] < first[earlier]:
            index = next(i for i, w in enumerate(process.windows) if w.document == later)
            yield loaded.finding(("windows", index, "closes"), f"input to '{later}' closes before input to "
                                 f"'{earlier}', which informs it (document_order)",
                                 "move the deadline, or change document_order")


def _milestone_order(process: Process, loaded: Loaded) -> Iterator[Finding]:
    for i in range(1, len(process.milestones)):
        before, after = process.milestones[i - 1], process.milestones[i]
        if after.bounds()[1] < before.bounds()[0]:
            yield loaded.finding(("milestones", i), f"milestone '{after.id}' ({after.when()}) comes before "
                                 f"'{before.id}' ({before.when()})", "list milestones in date order")


def _registry_rules(registry: Registry, loaded: Loaded) -> Iterator[Finding]:
    yield from _unique(loaded, "stakeholders", [s.id for s in registry.stakeholders])
    yield from _speaks_for(registry, loaded)
    owners: dict[int, str] = {}
    for s_index, stakeholder in enumerate(registry.stakeholders):
        for a_index, account in enumerate(stakeholder.accounts):
            if account.id in owners and account.id != PLACEHOLDER_ID:  # placeholders name nobody
                yield loaded.finding(("stakeholders", s_index, "accounts", a_index, "id"),
                                     f"GitHub account {account.id} is also registered for {owners[account.id]}",
                                     "an account speaks for one delegation only: remove one entry")
            owners[account.id] = stakeholder.id


def _speaks_for(registry: Registry, loaded: Loaded) -> Iterator[Finding]:
    """A delegation speaks only for other registered delegations."""
    for i, stakeholder in enumerate(registry.stakeholders):
        for j, other in enumerate(stakeholder.speaks_for):
            if other == stakeholder.id or registry.get(other) is None:
                what = "itself" if other == stakeholder.id else f"'{other}', which is not in the registry"
                yield loaded.finding(("stakeholders", i, "speaks_for", j), f"'{stakeholder.id}' speaks for {what}",
                                     "list the ids of other registered delegations it may speak for")


def _coordinated_sections(process: Process, registry: Registry, loaded: Loaded) -> Iterator[Finding]:
    """A thematic coordinator names the sections it coordinates, and a facilitator those it facilitates, from the
    timeline's list, and only they do."""
    known = set(process.section_titles)
    kinds = ((Role.THEMATIC_COORDINATOR, "coordinates", "a thematic coordinator"),
             (Role.FACILITATOR, "facilitates", "a facilitator"))
    for i, stakeholder in enumerate(registry.stakeholders):
        for role, key, who in kinds:
            sections: tuple[str, ...] = getattr(stakeholder, key)
            holds = role in stakeholder.roles
            if holds and not sections:
                yield loaded.finding(("stakeholders", i, "roles"), f"'{stakeholder.id}' is {who} of no section",
                                     f"list the sections it {key} under {key}:")
            if sections and not holds:
                yield loaded.finding(("stakeholders", i, key), f"'{stakeholder.id}' {key} sections without the "
                                     f"{role} role", f"add {role} to its roles")
            for j, section in enumerate(sections):
                if known and section not in known:
                    yield loaded.finding(("stakeholders", i, key, j), f"unknown section '{section}'",
                                         f"use a section listed in {process.path}: {', '.join(sorted(known))}")
