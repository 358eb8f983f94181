"""Structural diff of documents by paragraph id, with a word-level redline of changed text."""

from __future__ import annotations

import re
from collections.abc import Mapping
from enum import StrEnum

from msgspec import Struct, field

from ccmflow.compare.matcher import matching_blocks, unique_blocks
from ccmflow.core.model import Document, Paragraph

_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")

Redline = tuple[tuple[str, str], ...]
"""Runs of text, each marked '=' (kept), '-' (deleted) or '+' (inserted)."""


def redline(old: str, new: str) -> Redline:
    """Word-level changes from old to new text; punctuation counts as its own word."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    # What the opcodes say, read from the matching blocks: between two blocks the words deleted, then those
    # inserted; a block's words are kept. No two runs of one kind can follow each other, nor be empty.
    runs: list[tuple[str, str]] = []
    i = j = 0
    for block_i, block_j, size in matching_blocks(a, b):
        if i < block_i:
            runs.append(("-", "".join(a[i:block_i])))
        if j < block_j:
            runs.append(("+", "".join(b[j:block_j])))
        if size:
            runs.append(("=", "".join(a[block_i:block_i + size])))
        i, j = block_i + size, block_j + size
    return _joined(runs)


def _joined(runs: list[tuple[str, str]]) -> Redline:
    """Changes split only by a kept space read as one: "-as soon as possible +without delay", not word salad."""
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(runs):
        if runs[i][0] == "=":
            out.append(runs[i])
            i += 1
            continue
        gone, new = "", ""
        while i < len(runs) and (runs[i][0] != "=" or (
                runs[i][1].isspace() and i + 1 < len(runs) and runs[i + 1][0] != "=")):
            op, text = runs[i]
            gone += text if op != "+" else ""
            new += text if op != "-" else ""
            i += 1
        _push(out, "-", gone)
        _push(out, "+", new)
    return tuple(out)


def _push(runs: list[tuple[str, str]], op: str, text: str) -> None:
    if not text:
        return
    if runs and runs[-1][0] == op:
        runs[-1] = (op, runs[-1][1] + text)
    else:
        runs.append((op, text))


class ChangeKind(StrEnum):
    """What happened to a paragraph between two versions."""

    ADDED = "added"
    REMOVED = "removed"
    MODIFIED = "modified"  # a field changed (its text, indicators, ...), wherever it stands
    MOVED = "moved"  # only its place changed


class ParagraphChange(Struct, frozen=True, kw_only=True):
    """What happened to one paragraph between two versions of a document."""

    id: str
    change: ChangeKind
    section: str  # where it stands now (where it stood, for a removed paragraph)
    old_section: str | None = None
    old_number: str | None = None
    new_number: str | None = None
    fields: tuple[str, ...] = ()
    moved: bool = False
    redline: Redline = ()
    old: Paragraph | None = None
    new: Paragraph | None = None

    def as_json(self) -> dict[str, object]:
        return {"id": self.id, "change": self.change, "section": self.section, "old_section": self.old_section,
                "old_number": self.old_number, "new_number": self.new_number, "fields": list(self.fields),
                "moved": self.moved, "redline": [list(r) for r in self.redline]}


class DocumentDiff(Struct, frozen=True):
    """All paragraph changes of one document, in the new document's order."""

    document: str
    changes: tuple[ParagraphChange, ...]
    sections_touched: tuple[str, ...]
    meta: Mapping[str, tuple[object, object]] = field(default_factory=dict)

    def of(self, change: str) -> tuple[ParagraphChange, ...]:
        if change == ChangeKind.MOVED:
            return tuple(c for c in self.changes if c.moved)
        return tuple(c for c in self.changes if c.change == change)

    @property
    def empty(self) -> bool:
        return not self.changes and not self.meta and not self.sections_touched

    def as_json(self) -> dict[str, object]:
        return {"document": self.document, "sections_touched": list(self.sections_touched),
                "meta": {k: list(v) for k, v in self.meta.items()},
                "changes": [c.as_json() for c in self.changes]}


_META = ("title", "symbol", "version", "status", "informs", "informed_by")


def diff_documents(old: Document | None, new: Document | None, *,
                   old_at: Mapping[str, tuple[str, Paragraph]] | None = None,
                   old_numbers: Mapping[str, str] | None = None) -> DocumentDiff:
    """Compare two versions of a document (None: the document does not exist on that side).

    `old_at` and `old_numbers`, when given, are what `old` gives (paragraph id -> (section id, paragraph), and its
    numbers): a caller diffing many versions against one base works them out once.
    """
    either = new or old
    doc_id = either.id if either is not None else ""
    old_at = old_at if old_at is not None else _positions(old)
    new_at = _positions(new)
    old_numbers = old_numbers if old_numbers is not None else old.numbers() if old else {}
    new_numbers = new.numbers() if new else {}
    moved = _moved_ids(old_at, new_at)
    changes: list[ParagraphChange] = []
    for pid, (section, paragraph) in new_at.items():
        if pid not in old_at:
            changes.append(ParagraphChange(id=pid, change=ChangeKind.ADDED, section=section,
                                           new_number=new_numbers.get(pid), new=paragraph))
            continue
        before_section, before = old_at[pid]
        fields = () if before is paragraph else _changed_fields(before, paragraph)
        if fields or pid in moved:
            kind = ChangeKind.MODIFIED if fields else ChangeKind.MOVED
            changes.append(ParagraphChange(id=pid, change=kind, section=section,
                                           old_section=before_section,
                                           old_number=old_numbers.get(pid),
                                           new_number=new_numbers.get(pid), fields=fields,
                                           moved=pid in moved,
                                           redline=redline(before.text, paragraph.text) if "text" in fields else (),
                                           old=before, new=paragraph))
    for pid, (section, paragraph) in old_at.items():
        if pid not in new_at:
            changes.append(ParagraphChange(id=pid, change=ChangeKind.REMOVED, section=section, old_section=section,
                                           old_number=old_numbers.get(pid), old=paragraph))
    return DocumentDiff(doc_id, tuple(changes), _touched(old, new, changes), _meta(old, new))


def _changed_fields(old: Paragraph, new: Paragraph) -> tuple[str, ...]:
    before = old.content()
    return tuple(k for k, v in new.content().items() if before[k] != v)


def _positions(doc: Document | None) -> dict[str, tuple[str, Paragraph]]:
    return {p.id: (s.id, p) for s in doc.sections for p in s.paragraphs} if doc else {}


def _moved_ids(old_at: Mapping[str, tuple[str, Paragraph]], new_at: Mapping[str, tuple[str, Paragraph]]) -> set[str]:
    """Paragraphs that changed section, or left the longest run of common order."""
    old_order = [pid for pid in old_at if pid in new_at]
    new_order = [pid for pid in new_at if pid in old_at]
    kept: set[str] = set()
    for i, _, size in unique_blocks(old_order, new_order):  # ids: none twice on either side
        kept.update(old_order[i: i + size])
    return {pid for pid in new_order if pid not in kept or old_at[pid][0] != new_at[pid][0]}


def _touched(old: Document | None, new: Document | None, changes: list[ParagraphChange]) -> tuple[str, ...]:
    touched: set[str] = set()
    for change in changes:
        touched.add(change.section)
        if change.old_section:
            touched.add(change.old_section)
    old_titles = {s.id: s.title for s in old.sections} if old else {}
    new_titles = {s.id: s.title for s in new.sections} if new else {}
    touched.update(sid for sid in old_titles.keys() | new_titles.keys() if old_titles.get(sid) != new_titles.get(sid))
    order = [s.id for s in new.sections] if new else []
    order += [s.id for s in old.sections if s.id not in order] if old else []
    return tuple(sid for sid in order if sid in touched)


def meta_changes(old: Document, new: Document) -> dict[str, tuple[object, object]]:
    """The document-level fields (title, symbol, version...) that differ, as diff_documents gives them in `meta`."""
    return _meta(old, new)


def _meta(old: Document | None, new: Document | None) -> dict[str, tuple[object, object]]:
    if old is None or new is None:
        return {}
    return {k: (getattr(old, k), getattr(new, k)) for k in _META if getattr(old, k) != getattr(new, k)}


class Anchor(Struct, frozen=True):
    """Where a paragraph an input adds or moves goes: after `after` (a paragraph of the base) or first in `section`."""

    id: str
    section: str
    after: str | None


def anchors(diff: DocumentDiff, new: Document) -> tuple[Anchor, ...]:
    """For each added or moved paragraph, the nearest paragraph above it that stays where it was."""
    placed = {c.id for c in diff.changes if c.change == ChangeKind.ADDED or c.moved}
    if not placed:
        return ()
    found: list[Anchor] = []
    for section in new.sections:
        after: str | None = None
        for paragraph in section.paragraphs:
            if paragraph.id in placed:
                found.append(Anchor(paragraph.id, section.id, after))
            else:
                after = paragraph.id
    return tuple(found)
