"""Three-way structural merge of documents by paragraph id: only a paragraph changed two ways conflicts."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from difflib import SequenceMatcher
from enum import StrEnum
from typing import Any

from msgspec import Struct
from msgspec.structs import replace

from ccmflow.core.errors import InvalidInput
from ccmflow.core.model import Document, Paragraph, Section, paragraph_label
from ccmflow.read.load import document_outline, document_record, document_text
from ccmflow.read.yamlsafe import Loaded

# Paragraph fields merged one by one; `derived_from` is not here: provenance is unioned, never in conflict.
FIELDS = ("kind", "text", "indicators", "baseline", "target", "responsible", "timeframe", "references")
META = ("id", "title", "version", "status", "symbol", "informs", "informed_by", "numbering", "symbols", "issued",
        "original", "agenda_item", "submitted_by")
_ABSENT = object()


class MergeError(Exception):
    """A side is not a valid document, so no structural merge is possible (callers fall back to lines)."""


class ConflictKind(StrEnum):
    """What was changed two ways."""

    PARAGRAPH = "paragraph"
    SECTION = "section"  # its title; the section's id is in paragraph_id
    DOCUMENT = "document"  # a field of the document's metadata, named in paragraph_id


class Conflict(Struct, frozen=True):
    """One thing changed two ways: a paragraph, a section's title, or a field of the document."""

    paragraph_id: str
    number: str
    reason: str
    ours: str | None
    theirs: str | None
    kind: ConflictKind = ConflictKind.PARAGRAPH
    fields: tuple[str, ...] = ()

    def label(self) -> str:
        """How a person finds it: 'paragraph 14 (pk3x9q2a)', 'Action 3 (p...)', 'section x', 'document title'."""
        if self.kind == ConflictKind.DOCUMENT:
            return f"document {self.paragraph_id}"
        if self.kind == ConflictKind.SECTION:
            return f"section {self.paragraph_id}"
        return paragraph_label(self.number, self.paragraph_id, prose=True)

    def __str__(self) -> str:
        return f"{self.label()}: {self.reason}"

    def as_json(self) -> dict[str, object]:
        return {"kind": self.kind, "paragraph_id": self.paragraph_id, "number": self.number, "reason": self.reason,
                "fields": list(self.fields), "ours": self.ours, "theirs": self.theirs}


class MergeResult(Struct, frozen=True):
    """The merged document (OURS where a conflict is unresolved) and the conflicts."""

    document: Document
    conflicts: tuple[Conflict, ...]

    @property
    def clean(self) -> bool:
        return not self.conflicts


def normalise(value: Any) -> Any:
    """What counts when comparing: text with its whitespace collapsed, so rewrapping is no change."""
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, tuple):
        return tuple(normalise(v) for v in value)
    if isinstance(value, Mapping):
        return tuple(sorted((k, normalise(v)) for k, v in value.items()))
    return value


def same(a: Paragraph | None, b: Paragraph | None) -> bool:
    """Same substance (provenance aside, whitespace aside)."""
    if a is None or b is None:
        return a is b
    return all(normalise(getattr(a, f)) == normalise(getattr(b, f)) for f in FIELDS)


def _pick(base: Any, ours: Any, theirs: Any) -> tuple[Any, bool]:
    """Three-way choice of one value; True when both sides changed it differently (OURS is kept)."""
    if ours == theirs:  # most values: equal as they are is equal normalised, at a fraction of the cost
        return ours, False
    n_ours, n_theirs = normalise(ours), normalise(theirs)
    if n_ours == n_theirs:
        return ours, False
    n_base = _ABSENT if base is _ABSENT else normalise(base)
    if n_ours == n_base:
        return theirs, False
    if n_theirs == n_base:
        return ours, False
    return ours, True


def _union(*lists: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(x for items in lists for x in items))


Where = dict[str, tuple[str, Paragraph]]


def _positions(doc: Document | None) -> Where:
    if doc is None:
        return {}
    where: Where = {}
    for section, paragraph in doc.walk():
        if paragraph.id in where:
            raise MergeError(f"{doc.path}: paragraph id '{paragraph.id}' appears twice")
        where[paragraph.id] = (section.id, paragraph)
    return where


class _Merge:
    """One merge: the three sides indexed by paragraph id, and the conflicts found so far."""

    def __init__(self, base: Document | None, ours: Document, theirs: Document) -> None:
        self.base, self.ours, self.theirs = base, ours, theirs
        self.b, self.o, self.t = _positions(base), _positions(ours), _positions(theirs)
        self.conflicts: list[Conflict] = []
        self.found: list[tuple[str, str, str | None, str | None, tuple[str, ...]]] = []

    def paragraphs(self) -> dict[str, tuple[str, Paragraph]]:
        """Every paragraph that survives, with the section it ends up in."""
        kept: dict[str, tuple[str, Paragraph]] = {}
        for pid in _union(self.o, self.t):
            got = self._paragraph(pid)
            if got is not None:
                kept[pid] = got
        return kept

    def _paragraph(self, pid: str) -> tuple[str, Paragraph] | None:
        b, o, t = self.b.get(pid), self.o.get(pid), self.t.get(pid)
        if o is None or t is None:
            side, other = (t, "ours") if o is None else (o, "theirs")
            assert side is not None
            if b is None:
                return side  # added on one side
            if same(side[1], b[1]):
                return None  # deleted on the other side and not touched here
            self._note(pid, f"deleted in {other}, modified in {'theirs' if other == 'ours' else 'ours'}",
                       o[1].text if o else None, t[1].text if t else None, ())
            return side
        return self._section_of(b, o, t), self._fields(pid, b[1] if b else None, o[1], t[1])

    def _section_of(self, b: tuple[str, Paragraph] | None, o: tuple[str, Paragraph],
                    t: tuple[str, Paragraph]) -> str:
        # A move to another section on one side is applied; moved both ways, OURS stands.
        if b is not None and o[0] == b[0]:
            return t[0]
        return o[0]

    def _fields(self, pid: str, b: Paragraph | None, o: Paragraph, t: Paragraph) -> Paragraph:
        # Most paragraphs are untouched on both sides: nothing to pick field by field (nor provenance to dedupe).
        if o == t and len(set(o.derived_from)) == len(o.derived_from):
            return o
        values: dict[str, Any] = {}
        clashes: list[str] = []
        for name in FIELDS:
            value, clash = _pick(getattr(b, name) if b is not None else _ABSENT, getattr(o, name), getattr(t, name))
            values[name] = value
            if clash:
                clashes.append(name)
        values["derived_from"] = _union(o.derived_from, t.derived_from)
        if clashes:
            what = "added twice with different content" if b is None else "changed two ways"
            self._note(pid, f"{what} ({', '.join(clashes)})", _shown(o, clashes), _shown(t, clashes),
                       tuple(clashes))
        return replace(o, **values)

    def _note(self, pid: str, reason: str, ours: str | None, theirs: str | None, fields: tuple[str, ...]) -> None:
        self.found.append((pid, reason, ours, theirs, fields))

    def sections(self, kept: Mapping[str, tuple[str, Paragraph]]) -> tuple[Section, ...]:
        b = {s.id: s for s in self.base.sections} if self.base else {}
        o = {s.id: s for s in self.ours.sections}
        t = {s.id: s for s in self.theirs.sections}
        members: dict[str, set[str]] = {}  # each section's paragraphs, gathered once rather than once a section
        for pid, (where, _) in kept.items():
            members.setdefault(where, set()).add(pid)
        alive = {sid for sid in _union(o, t) if sid in members or not (sid in b and (sid not in o or sid not in t))}
        order = merge_order(list(b), list(o), list(t), alive)
        sections: list[Section] = []
        for sid in order:
            title = self._section_title(sid, b.get(sid), o.get(sid), t.get(sid))
            ids = merge_order(_ids(b.get(sid)), _ids(o.get(sid)), _ids(t.get(sid)), members.get(sid, set()))
            sections.append(Section(sid, title, tuple(kept[pid][1] for pid in ids)))
        return tuple(sections)

    def _section_title(self, sid: str, b: Section | None, o: Section | None, t: Section | None) -> str:
        if o is None or t is None:
            either = o or t
            assert either is not None
            return either.title
        title, clash = _pick(b.title if b else _ABSENT, o.title, t.title)
        if clash:
            self.conflicts.append(Conflict(sid, "", "title changed two ways", o.title, t.title, ConflictKind.SECTION,
                                           ("title",)))
        return str(title)

    def meta(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for name in META:
            b = getattr(self.base, name) if self.base else _ABSENT
            value, clash = _pick(b, getattr(self.ours, name), getattr(self.theirs, name))
            values[name] = value
            if clash:
                self.conflicts.append(Conflict(name, "", "changed two ways",
                                               str(getattr(self.ours, name)), str(getattr(self.theirs, name)),
                                               ConflictKind.DOCUMENT, (name,)))
        return values

    def numbered(self, merged: Document) -> list[Conflict]:
        """Paragraph conflicts with the display number both sides were amending (the base's, when it had one)."""
        numbers: dict[str, str] = {}
        # The base's number, else the merged document's, OURS', THEIRS': each numbered only while a conflicting
        # paragraph still has no number (a clean merge numbers nothing).
        for document in (self.base, merged, self.ours, self.theirs):
            missing = {pid for pid, *_ in self.found} - numbers.keys()
            if not missing:
                break
            if document is not None:
                found = document.numbers()
                numbers.update((pid, found[pid]) for pid in missing if pid in found)
        return [Conflict(pid, numbers.get(pid, ""), reason, ours, theirs, ConflictKind.PARAGRAPH, fields)
                for pid, reason, ours, theirs, fields in self.found]


def _ids(section: Section | None) -> list[str]:
    return [p.id for p in section.paragraphs] if section else []


def _shown(paragraph: Paragraph, fields: Sequence[str]) -> str:
    if "text" in fields or not fields:
        return paragraph.text
    return "; ".join(f"{name}: {getattr(paragraph, name)}" for name in fields)


def moved(base: Sequence[str], side: Sequence[str]) -> set[str]:
    """Items whose order changed: those outside the longest run of common order."""
    common = set(base) & set(side)
    old = [x for x in base if x in common]
    new = [x for x in side if x in common]
    if old == new:
        return set()
    kept: set[str] = set()
    for block in SequenceMatcher(None, old, new, autojunk=False).get_matching_blocks():
        kept.update(old[block.a: block.a + block.size])
    return common - kept


def merge_order(base: Sequence[str], ours: Sequence[str], theirs: Sequence[str], keep: set[str]) -> list[str]:
    """The merged order of the ids in `keep`: OURS order, with THEIRS insertions and moves applied.

    An item THEIRS inserted or moved goes after its nearest preceding item on THEIRS side, and after any
    items only OURS inserted there: two inputs inserting at the same spot come out OURS first, then THEIRS.
    """
    result = [x for x in ours if x in keep]
    placed = set(result)
    ours_moved, theirs_moved = moved(base, ours), moved(base, theirs)
    known = set(base) | set(theirs)
    for i, item in enumerate(theirs):
        if item not in keep:
            continue
        if item in placed:
            if item not in theirs_moved or item in ours_moved:
                continue
            result.remove(item)
            placed.discard(item)
        anchor = next((theirs[j] for j in range(i - 1, -1, -1) if theirs[j] in placed), None)
        at = result.index(anchor) + 1 if anchor is not None else 0
        while at < len(result) and result[at] not in known:
            at += 1
        result.insert(at, item)
        placed.add(item)
    result += [x for x in keep if x not in placed]  # never lose anything, even if no side placed it
    return result


def merge_documents(base: Document | None, ours: Document, theirs: Document) -> MergeResult:
    """Merge THEIRS into OURS relative to BASE (None: no common ancestor); see merge_order for positions."""
    merge = _Merge(base, ours, theirs)
    kept = merge.paragraphs()
    meta = merge.meta()
    sections = merge.sections(kept)
    document = replace(ours, sections=sections, **meta)
    conflicts = merge.numbered(document) + merge.conflicts
    return MergeResult(document, tuple(conflicts))


def read_side(text: str, path: str) -> tuple[Document, Loaded]:
    """One side of a merge as a record and its positions; MergeError (the first problems) when it is not one."""
    try:
        return document_text(path, text)
    except InvalidInput as exc:
        raise _not_a_side(exc) from None


def read_base(text: str, path: str) -> Document:
    """The common ancestor of a merge as a record: only its content counts, so it is read without positions."""
    try:
        return document_record(path, text)
    except InvalidInput as exc:
        raise _not_a_side(exc) from None


def read_outline(text: str, path: str) -> tuple[Document, Loaded]:
    """A side as a record and its data with the spans of its mappings only (see document_outline), for a reader
    that needs the positions of a few paragraph items at most; MergeError as read_side."""
    try:
        return document_outline(path, text)
    except InvalidInput as exc:
        raise _not_a_side(exc) from None


def _not_a_side(exc: InvalidInput) -> MergeError:
    return MergeError("; ".join(str(f) for f in exc.findings[:3]))
