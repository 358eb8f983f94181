"""`consolidate`: the next version of a document from chosen inputs, committed on a branch with its dispositions."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from msgspec import Struct
from msgspec.structs import replace

from ccmflow.compare.markers import paragraph_path
from ccmflow.consolidation.dispositions import (
    Register,
    dump_register,
    keep_edited_reasons,
    read_register,
    register_path,
)
from ccmflow.consolidation.inputmerge import (
    InputConflict,
    Taken,
    cosponsors,
    credit_cosponsors,
    merge_inputs,
    proposal,
    resolve_all,
)
from ccmflow.consolidation.outcomes import dispose, window_inputs
from ccmflow.core.errors import FatalError, Finding, InvalidInput
from ccmflow.core.model import Document, Workspace
from ccmflow.core.record import InputRecord
from ccmflow.read.load import parse_text
from ccmflow.repo.inputref import InputRef
from ccmflow.repo.statusref import refuse_agreed_changes
from ccmflow.repo.store import Store
from ccmflow.repo.treeedit import commit_files
from ccmflow.write.edit import write_document


def next_version(workspace: Workspace, document: Document) -> str:
    """The version after the document's current one in process.yaml's list, among those the document goes through."""
    ids = [v.id for v in workspace.process.versions_of(document.id)]
    if document.version not in ids:
        raise FatalError(f"{document.id} is at version '{document.version}', which process.yaml does not list")
    at = ids.index(document.version)
    if at + 1 >= len(ids):
        raise FatalError(f"{document.id} is at the last version ('{document.version}'); name one with --version")
    return ids[at + 1]


def choose_window(workspace: Workspace, document: Document, wanted: str | None) -> str | None:
    """The submission window the inputs answered: --window, else the document's window for its current version."""
    if wanted is not None:
        if workspace.process.window(wanted) is None:
            known = ", ".join(w.id for w in workspace.process.windows)
            raise FatalError(f"no window '{wanted}' in process.yaml (known: {known})")
        return wanted
    windows = workspace.process.windows_for(document.id)
    matching = [w for w in windows if w.version == document.version] or list(windows)
    return matching[-1].id if matching else None


class Consolidation(Struct, frozen=True, kw_only=True):
    """A consolidated version committed on its branch, with the register of dispositions."""

    document: Document
    window: str
    branch: str
    commit: str
    register: Register
    register_path: str
    conflicts: tuple[InputConflict, ...]
    inputs: tuple[InputRef, ...]
    warnings: tuple[str, ...] = ()

    def as_json(self) -> dict[str, object]:
        return {"document": self.document.id, "version": self.document.version, "window": self.window,
                "branch": self.branch, "commit": self.commit, "register": self.register_path,
                "inputs": [{"name": i.name, "ref": i.ref, "head": i.head, "source": i.source}
                           for i in self.inputs],
                "dispositions": [d.as_json() for d in self.register.inputs],
                "conflicts_skipped": [c.as_json() for c in self.conflicts], "warnings": list(self.warnings)}


def consolidate(store: Store, doc: str, tokens: Sequence[str], base_rev: str = "HEAD", branch: str | None = None,
                window: str | None = None, version: str | None = None, skip_conflicts: bool = False,
                force: bool = False, now: datetime | None = None) -> Consolidation:
    """Build the next version of `doc` from the inputs named in `tokens` and commit it on a new branch.

    Nothing is checked out: the commit is made from git objects and only the branch ref is created.
    Conflicts between inputs stop it (InvalidInput, located in the base text) unless `skip_conflicts`.
    """
    base = store.commit(base_rev).id
    workspace = store.require(base)
    document = workspace.document(doc)
    if document is None:
        raise FatalError(f"no document '{doc}' at {base_rev} (known: {', '.join(sorted(workspace.documents))})")
    target = version or next_version(workspace, document)
    if target not in {v.id for v in workspace.process.versions}:
        raise FatalError(f"version '{target}' is not in process.yaml's versions")
    chosen = choose_window(workspace, document, window)
    window_id = chosen or f"{doc}-{document.version}"
    branch = branch or f"consolidate/{doc}/{target}"
    if store.has_ref(f"refs/heads/{branch}") and not force:
        raise FatalError(f"branch {branch} exists already (choose another with --branch, or --force to replace it)")
    inputs = resolve_all(store, tokens, chosen)
    merged = merge_inputs(store, base, doc, inputs)
    if merged.conflicts and not skip_conflicts:
        raise InvalidInput(_conflict_findings(store, base, document, merged.conflicts))
    version_name = workspace.process.version_name(target)
    listed = window_inputs(store, base, document, chosen, now or datetime.now(UTC))
    others = _proposals(store, base, doc, listed, {i.name for i in inputs})
    carried = cosponsors(merged.document, merged.taken, others)
    final = replace(credit_cosponsors(merged.document, others, carried), version=target)
    refuse_agreed_changes(store, document, final)  # agreed text changes only after a reopen
    merged = replace(merged, document=final)
    path = register_path(window_id)
    previous = store.text(base, path)
    old = read_register(previous, path) if previous else None
    dispositions = dispose(merged, version_name, listed, carried)
    register = Register(window_id, doc, target, keep_edited_reasons(dispositions, old))
    window_title = workspace.process.window(chosen).title if chosen else ""  # type: ignore[union-attr]
    files = {document.path: write_document(store.text(base, document.path) or "", document.path, final).encode(),
             path: dump_register(register, window_title).encode()}
    message = _message(document, version_name, inputs, register)
    made = commit_files(store, base, files, message)
    _check_tree(store, made)
    store.set_ref(f"refs/heads/{branch}", made, force=force)
    return Consolidation(document=final, window=window_id, branch=branch, commit=made, register=register,
                         register_path=path, conflicts=merged.conflicts, inputs=tuple(inputs),
                         warnings=_warnings(listed, inputs))


def _proposals(store: Store, base: str, doc: str, listed: Sequence[InputRecord],
               taken: set[str]) -> list[Taken]:
    """What each input not taken (and not excluded) proposes at its version that counts, to recognise
    co-sponsored text that stands anyway."""
    found: list[Taken] = []
    for item in listed:
        if item.name in taken or item.excluded or item.counted is None or not store.has_commit(item.counted):
            continue
        ref = InputRef(name=item.name, number=item.number, ref=item.name, head=item.counted, source="record")
        read = proposal(store, base, doc, ref)
        if read is not None:
            found.append(read)
    return found


def _warnings(listed: Sequence[InputRecord], inputs: Sequence[InputRef]) -> tuple[str, ...]:
    late = {w.name for w in listed if w.excluded}
    return tuple(f"{i.name} was received after the deadline and the presidency has not accepted it late; it is "
                 "taken all the same, and its disposition says so" for i in inputs if i.name in late)


def _message(document: Document, version_name: str, inputs: Sequence[InputRef], register: Register) -> str:
    lines = [f"Consolidate {document.id}: {version_name} from {len(inputs)} input(s)", ""]
    lines += [f"- {d.input}: {d.outcome}" for d in register.inputs]
    return "\n".join(lines) + "\n"


def _check_tree(store: Store, commit: str) -> None:
    """The new commit's documents must still pass every rule (references across documents included)."""
    workspace, findings = store.workspace(commit)
    if workspace is None:
        raise InvalidInput(findings)


def _conflict_findings(store: Store, base: str, document: Document,
                       conflicts: Sequence[InputConflict]) -> list[Finding]:
    text = store.text(base, document.path) or ""
    parsed = parse_text(document.path, text)
    findings = []
    for clash in conflicts:
        line, column = 1, 1
        if parsed.loaded is not None:
            where = paragraph_path(parsed.loaded, clash.conflict.paragraph_id)
            if where is not None:
                line, column = parsed.loaded.locate((*where, "id"))
        first = clash.others[0] if clash.others else "the base branch"
        findings.append(Finding(document.path, line, column, str(clash),
                                f"take only one of them, or add --skip-conflicts to keep the text of {first}"))
    return findings
