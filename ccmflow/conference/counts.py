"""Where a document stands in the negotiation: each paragraph's status and brackets, counted per section, for the
document, and per version issued (the counts negotiators watch fall as brackets are cleaned)."""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from msgspec import Struct

from ccmflow.core.agreement import ParagraphStatus, StatusBook, StatusEntry, statuses
from ccmflow.core.brackets import count
from ccmflow.core.model import Document


class ParagraphState(Struct, frozen=True):
    """Where one paragraph stands in the negotiation: its status, brackets and the record in force."""

    id: str
    number: str
    status: ParagraphStatus
    brackets: int
    entry: StatusEntry | None  # the record in force: who set it, when, in which revision


class SectionState(Struct, frozen=True):
    """The negotiation state of a section's paragraphs."""

    id: str
    title: str
    paragraphs: tuple[ParagraphState, ...]

    @property
    def brackets(self) -> int:
        return sum(p.brackets for p in self.paragraphs)

    def by_status(self) -> dict[str, int]:
        found = Counter(p.status for p in self.paragraphs)
        return {s.value: found[s] for s in ParagraphStatus}


class DocumentState(Struct, frozen=True):
    """The negotiation state of a whole document at one version."""

    document: str
    version: str
    sections: tuple[SectionState, ...]

    @property
    def brackets(self) -> int:
        return sum(s.brackets for s in self.sections)

    def paragraphs(self) -> tuple[ParagraphState, ...]:
        return tuple(p for s in self.sections for p in s.paragraphs)

    def by_status(self) -> dict[str, int]:
        found = Counter(p.status for p in self.paragraphs())
        return {s.value: found[s] for s in ParagraphStatus}

    def as_json(self) -> dict[str, object]:
        return {"document": self.document, "version": self.version, "brackets": self.brackets,
                "statuses": self.by_status(),
                "sections": [{"id": s.id, "title": s.title, "brackets": s.brackets, "statuses": s.by_status(),
                              "paragraphs": [_paragraph_json(p) for p in s.paragraphs]} for s in self.sections]}


def _paragraph_json(p: ParagraphState) -> dict[str, object]:
    data: dict[str, object] = {"id": p.id, "number": p.number, "status": p.status.value, "brackets": p.brackets}
    if p.entry is not None:
        data["set"] = p.entry.as_json()
    return data


def state(document: Document, book: StatusBook) -> DocumentState:
    shown = statuses(book, ((p.id, p.text) for _, p in document.walk()))
    latest = book.latest()
    numbers = document.numbers()
    return DocumentState(document.id, document.version, tuple(
        SectionState(s.id, s.title, tuple(ParagraphState(p.id, numbers.get(p.id, ""), shown[p.id], count(p.text),
                                                         latest.get(p.id)) for p in s.paragraphs))
        for s in document.sections))


def as_at(book: StatusBook, when: datetime) -> StatusBook:
    """The record as it stood at `when`: the entries made by then."""
    return StatusBook(book.document, tuple(e for e in book.entries if e.at <= when))


def status_changes(book: StatusBook, old: Document, new: Document, before: datetime,
                   after: datetime) -> dict[str, str]:
    """Per paragraph of `new` whose status changed between two revisions (as issued at `before` and `after`):
    'open → agreed ad referendum'."""
    then = statuses(as_at(book, before), ((p.id, p.text) for _, p in old.walk()))
    now = statuses(as_at(book, after), ((p.id, p.text) for _, p in new.walk()))
    return {pid: f"{then[pid].label} → {state.label}" if pid in then else state.label
            for pid, state in now.items() if then.get(pid) is not state}
