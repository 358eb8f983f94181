"""Where each paragraph stands in the negotiation: the status vocabulary, defined once, and the record of it.

A paragraph is `open` until a facilitator records it `agreed-ad-ref` (subject to confirmation), the plenary
confirms it `agreed`, and the adoption makes it `adopted`. `bracketed` is never stored: a paragraph holding any
square bracket is bracketed, whatever was recorded, because the text says so. The record is kept per document in
git (ccmflow.repo.statusref), one entry per change, so its history is the audit trail.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from enum import StrEnum

from msgspec import Struct

from ccmflow.core.brackets import has_brackets


class ParagraphStatus(StrEnum):
    OPEN = "open"
    BRACKETED = "bracketed"  # derived from the text, never recorded
    AGREED_AD_REF = "agreed-ad-ref"
    AGREED = "agreed"
    ADOPTED = "adopted"

    @property
    def label(self) -> str:
        """How a person reads it ('agreed ad referendum')."""
        return _LABELS[self]

    @property
    def protected(self) -> bool:
        """Whether the text may no longer change without a reopen."""
        return self in (ParagraphStatus.AGREED, ParagraphStatus.ADOPTED)


_LABELS = {ParagraphStatus.OPEN: "open", ParagraphStatus.BRACKETED: "bracketed",
           ParagraphStatus.AGREED_AD_REF: "agreed ad referendum", ParagraphStatus.AGREED: "agreed",
           ParagraphStatus.ADOPTED: "adopted"}
# What may be recorded by a command (`reopen` records OPEN); BRACKETED comes from the text.
RECORDABLE = (ParagraphStatus.OPEN, ParagraphStatus.AGREED_AD_REF, ParagraphStatus.AGREED, ParagraphStatus.ADOPTED)
# Short of `agreed`: what adoption refuses.
SHORT_OF_AGREED = (ParagraphStatus.OPEN, ParagraphStatus.BRACKETED, ParagraphStatus.AGREED_AD_REF)


class StatusEntry(Struct, frozen=True, kw_only=True):
    """One change of one paragraph's status: who (login and numeric account id), when, in which revision."""

    paragraph: str
    status: ParagraphStatus
    by_login: str
    by_id: int
    at: datetime
    revision: str  # the document's version when it was set (e.g. rev-1)

    def as_json(self) -> dict[str, object]:
        return {"paragraph": self.paragraph, "status": self.status.value, "by_login": self.by_login,
                "by_id": self.by_id, "at": self.at.astimezone(UTC).isoformat(), "revision": self.revision}


def entry_from_json(data: Mapping[str, object]) -> StatusEntry:
    status = ParagraphStatus(str(data["status"]))
    if status not in RECORDABLE:
        raise ValueError(f"'{status}' is derived from the text, never recorded")
    return StatusEntry(paragraph=str(data["paragraph"]), status=status, by_login=str(data["by_login"]),
                       by_id=int(str(data["by_id"])), at=datetime.fromisoformat(str(data["at"])),
                       revision=str(data["revision"]))


class StatusBook(Struct, frozen=True):
    """Every status change of one document's paragraphs, in the order made."""

    document: str
    entries: tuple[StatusEntry, ...] = ()

    def latest(self) -> dict[str, StatusEntry]:
        """The entry in force per paragraph id."""
        found: dict[str, StatusEntry] = {}
        for entry in self.entries:
            found[entry.paragraph] = entry
        return found

    def recorded(self, pid: str) -> ParagraphStatus:
        entry = self.latest().get(pid)
        return entry.status if entry is not None else ParagraphStatus.OPEN

    def with_entries(self, entries: Iterable[StatusEntry]) -> StatusBook:
        return StatusBook(self.document, (*self.entries, *entries))

    def as_json(self) -> dict[str, object]:
        return {"document": self.document, "entries": [e.as_json() for e in self.entries]}


def book_from_json(document: str, data: Mapping[str, object] | None) -> StatusBook:
    items = data.get("entries") if data else None
    if not isinstance(items, list):
        return StatusBook(document)
    return StatusBook(document, tuple(entry_from_json(i) for i in items if isinstance(i, dict)))


def effective(recorded: ParagraphStatus, text: str) -> ParagraphStatus:
    """The status a paragraph shows: `bracketed` whenever its text holds a bracket and it is not agreed."""
    if recorded in (ParagraphStatus.OPEN, ParagraphStatus.AGREED_AD_REF) and has_brackets(text):
        return ParagraphStatus.BRACKETED
    return recorded


def statuses(book: StatusBook, paragraphs: Iterable[tuple[str, str]]) -> dict[str, ParagraphStatus]:
    """The status each paragraph (id, text) shows, in the order given."""
    latest = book.latest()
    return {pid: effective(latest[pid].status if pid in latest else ParagraphStatus.OPEN, text)
            for pid, text in paragraphs}
