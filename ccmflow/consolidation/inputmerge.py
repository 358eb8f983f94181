"""Merging inputs one after another onto a document: what each changed, provenance, and the clashes met."""

from __future__ import annotations

from collections.abc import Sequence

from msgspec import Struct
from msgspec.structs import replace

from ccmflow.compare.diff import ChangeKind, diff_documents
from ccmflow.compare.merge import Conflict, ConflictKind, merge_documents, normalise, same
from ccmflow.core.errors import FatalError, InvalidInput
from ccmflow.core.model import Document, Paragraph
from ccmflow.repo.inputref import InputRef, resolve_input
from ccmflow.repo.store import Store


class Taken(Struct, frozen=True, kw_only=True):
    """One input merged in: what it changed (paragraph id -> added|modified|removed, and which fields)."""

    input: InputRef
    before: Document | None
    after: Document
    changes: dict[str, str]
    fields: dict[str, tuple[str, ...]]
    conflicts: tuple[Conflict, ...] = ()
    # Per paragraph where this input's change was dropped: the earlier inputs whose text stands there, in the
    # order they were taken (none: the base branch's text stands).
    kept_instead: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def stands(self, conflict: Conflict) -> bool:
        """Whether this input's own change to what `conflict` is about (a paragraph, a section's title, a field
        of the document) was applied: it made that change and lost no clash over it."""
        if any(c.kind == conflict.kind and c.paragraph_id == conflict.paragraph_id for c in self.conflicts):
            return False
        what = conflict.paragraph_id
        if conflict.kind == ConflictKind.PARAGRAPH:
            return what in self.changes
        if conflict.kind == ConflictKind.SECTION:
            old = self.before.section(what) if self.before is not None else None
            new = self.after.section(what)
            return new is not None and (old is None or old.title != new.title)
        return self.before is None or getattr(self.before, what) != getattr(self.after, what)


class InputConflict(Struct, frozen=True):
    """An input whose change to a paragraph clashes with an earlier input's (or the base branch's)."""

    input: str
    others: tuple[str, ...]  # earlier inputs that changed the same thing; () means the base branch
    conflict: Conflict

    def __str__(self) -> str:
        against = " and ".join(self.others) if self.others else "changes on the base branch since it was made"
        return f"{self.input} conflicts with {against} on {self.conflict.label()}: {self.conflict.reason}"

    def as_json(self) -> dict[str, object]:
        return {"input": self.input, "others": list(self.others), **self.conflict.as_json()}


class Merged(Struct, frozen=True):
    """The document after all inputs, with what each input did and every conflict met on the way."""

    base: Document
    document: Document
    taken: tuple[Taken, ...]
    conflicts: tuple[InputConflict, ...] = ()


def _changes(before: Document | None, after: Document) -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    changes = [c for c in diff_documents(before, after).changes
               if c.change in (ChangeKind.ADDED, ChangeKind.REMOVED) or c.fields]
    return {c.id: c.change for c in changes}, {c.id: c.fields for c in changes}


def _read_input(store: Store, base: str, item: InputRef, doc: str,
                taken: Sequence[Taken]) -> tuple[Document | None, Document]:
    """The input's document before and after its change. An input built on an earlier taken one (its head
    descends from the other's) changes only what it adds on top, so it supersedes rather than clashes."""
    found = store.merge_base(base, item.head)
    if found is None:
        raise FatalError(f"{item.name} ({item.ref}) shares no history with the base branch")
    try:
        after = store.document(item.head, doc)
    except InvalidInput as exc:
        raise FatalError(f"{item.name}: its {doc} is not valid, so it cannot be merged:\n{exc}") from None
    for earlier in reversed(taken):
        if earlier.input.head != item.head and store.descends_from(item.head, earlier.input.head):
            return earlier.after, after
    before = store.find_document(found, doc)  # None: the document did not exist when the input was made
    return before, after


def _restore(document: Document, earlier: Document, pids: set[str]) -> Document:
    """`document` with the paragraphs in `pids` as they were in `earlier` (absent if absent there)."""
    def keep(paragraph: Paragraph) -> Paragraph | None:
        if paragraph.id not in pids:
            return paragraph
        return earlier.paragraph(paragraph.id)

    sections = tuple(replace(s, paragraphs=tuple(p for p in map(keep, s.paragraphs) if p is not None))
                     for s in document.sections)
    return replace(document, sections=sections)


def _credit(document: Document, name: str, pids: set[str]) -> Document:
    """Provenance: `name` added to derived_from of each paragraph in `pids`."""
    def credit(paragraph: Paragraph) -> Paragraph:
        if paragraph.id not in pids or name in paragraph.derived_from:
            return paragraph
        return replace(paragraph, derived_from=(*paragraph.derived_from, name))

    return replace(document, sections=tuple(replace(s, paragraphs=tuple(map(credit, s.paragraphs)))
                                            for s in document.sections))


def proposal(store: Store, base: str, doc: str, item: InputRef) -> Taken | None:
    """What an input not taken proposes, read as if taken (not merged); None when it cannot be read."""
    try:
        before, after = _read_input(store, base, item, doc, ())
    except FatalError:
        return None
    changes, fields = _changes(before, after)
    return Taken(input=item, before=before, after=after, changes=changes, fields=fields)


def cosponsors(final: Document, taken: Sequence[Taken], others: Sequence[Taken]) -> dict[str, tuple[str, ...]]:
    """Inputs not taken whose whole change stands verbatim in `final` (co-sponsored proposals), with the taken
    inputs that carried the same change: those whose own change to those paragraphs stands in `final` (a taken
    input whose text there lost a conflict proposed something else)."""
    found: dict[str, tuple[str, ...]] = {}
    for other in others:
        changed = set(other.changes)
        if changed and present(final, other) == changed:
            found[other.input.name] = tuple(t.input.name for t in taken if changed & present(final, t))
    return found


def credit_cosponsors(final: Document, others: Sequence[Taken], names: dict[str, tuple[str, ...]]) -> Document:
    """Provenance for co-sponsors: each fully present input is credited on the paragraphs it added or changed."""
    for other in others:
        if other.input.name in names:
            pids = {pid for pid, change in other.changes.items() if change != ChangeKind.REMOVED}
            final = _credit(final, other.input.name, pids)
    return final


def merge_inputs(store: Store, base: str, doc: str, inputs: Sequence[InputRef]) -> Merged:
    """Each input's change (its merge base to its head) merged in order onto `doc` at `base`.

    Where an input clashes with what is already there, what is there stays (the earlier input wins) and the
    clash is recorded; the caller decides whether that stops the consolidation.
    """
    start = store.document(base, doc)
    current = start
    taken: list[Taken] = []
    clashes: list[InputConflict] = []
    for item in inputs:
        before, after = _read_input(store, base, item, doc, taken)
        changes, fields = _changes(before, after)
        result = merge_documents(before, current, after)
        merged = result.document
        found = [c for c in result.conflicts if c.kind == ConflictKind.PARAGRAPH]
        if result.conflicts:
            merged = _restore(merged, current, {c.paragraph_id for c in found})
            merged = replace(merged, **{c.paragraph_id: getattr(current, c.paragraph_id)
                                        for c in result.conflicts if c.kind == ConflictKind.DOCUMENT})
        instead: list[tuple[str, tuple[str, ...]]] = []
        for conflict in result.conflicts:
            # Only an earlier input whose own change there was applied put the text that stands there.
            earlier = tuple(t.input.name for t in taken if t.stands(conflict))
            instead.append((conflict.paragraph_id, earlier))
            clashes.append(InputConflict(item.name, earlier, conflict))
        kept = {pid for pid, change in changes.items() if change != ChangeKind.REMOVED}
        clean = kept - {c.paragraph_id for c in found}
        current = _credit(merged, item.name, clean)
        taken.append(Taken(input=item, before=before, after=after, changes=changes, fields=fields,
                           conflicts=result.conflicts, kept_instead=tuple(instead)))
    return Merged(start, current, tuple(taken), tuple(clashes))


def present(final: Document, taken: Taken) -> set[str]:
    """The paragraphs where the input's change stands verbatim: its new paragraphs as it wrote them, the fields
    it changed as it changed them (whitespace aside), its deletions still deleted."""
    found: set[str] = set()
    for pid, change in taken.changes.items():
        now, wanted = final.paragraph(pid), taken.after.paragraph(pid)
        if change == ChangeKind.REMOVED:
            kept = now is None
        elif change == ChangeKind.ADDED or now is None or wanted is None:
            kept = same(now, wanted)
        else:
            kept = all(normalise(getattr(now, f)) == normalise(getattr(wanted, f)) for f in taken.fields[pid])
        if kept:
            found.add(pid)
    return found


def resolve_all(store: Store, tokens: Sequence[str], window: str | None) -> list[InputRef]:
    inputs = [resolve_input(store, token, window) for token in tokens]
    names = [i.name for i in inputs]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise FatalError(f"input taken twice: {', '.join(twice)}")
    return inputs
