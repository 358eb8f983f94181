"""Recording a paragraph's status: one rule for `ccmflow mark` and the bot's /ccmflow ad-ref, agree and reopen.

The paragraph is named as elsewhere ('5', 'Action 12', an id) in the document at the base. Agreeing text that
still holds brackets is refused (clean them first); an adopted document's statuses are final; `adopted` is set
by the adoption alone. Setting the status a paragraph already has records nothing.
"""

from __future__ import annotations

from datetime import datetime

from msgspec import Struct

from ccmflow.core.agreement import ParagraphStatus, StatusEntry
from ccmflow.core.brackets import count
from ccmflow.core.errors import FatalError
from ccmflow.core.model import Document, Section, paragraph_label
from ccmflow.propose.resolve import ResolveError, resolve
from ccmflow.repo.statusref import read_status, record_status
from ccmflow.repo.store import Store


class MarkRefused(FatalError):
    """The status cannot be set; the message says why, in words a delegate reads."""


class Marked(Struct, frozen=True):
    """What a `ccmflow mark` did to one paragraph: its status before and after, and the record made."""

    document: str
    paragraph: str
    label: str  # '5 (pkp3nvcv)'
    section: Section
    before: ParagraphStatus
    after: ParagraphStatus
    entry: StatusEntry | None  # None: it already had that status, nothing was recorded

    def sentence(self) -> str:
        if self.entry is None:
            return f"paragraph {self.label} is already {self.after.label}: nothing to record"
        return f"paragraph {self.label} is now {self.after.label} (was {self.before.label})"


def target(document: Document, name: str) -> tuple[Section, str, str]:
    """The section, id and label of the paragraph `name` names; MarkRefused when it names none."""
    try:
        section, paragraph = resolve(document, name)
    except ResolveError as exc:
        raise MarkRefused(str(exc)) from None
    return section, paragraph.id, paragraph_label(document.numbers().get(paragraph.id, ""), paragraph.id)


def plan(document: Document, name: str, status: ParagraphStatus, recorded: ParagraphStatus
         ) -> tuple[Section, str, str]:
    """Check that `status` may be recorded for the paragraph `name`; its section, id and label."""
    section, pid, label = target(document, name)
    if status in (ParagraphStatus.ADOPTED, ParagraphStatus.BRACKETED):
        raise MarkRefused(f"'{status}' is not recorded by hand: "
                          + ("ccmflow adopt DOC adopts the whole text" if status is ParagraphStatus.ADOPTED
                             else "a paragraph is bracketed while its text holds a bracket"))
    if document.status == "adopted" or recorded is ParagraphStatus.ADOPTED:
        raise MarkRefused(f"{document.short_title()} is adopted: the status of its paragraphs is final")
    paragraph = document.paragraph(pid)
    assert paragraph is not None
    brackets = count(paragraph.text)
    if status in (ParagraphStatus.AGREED_AD_REF, ParagraphStatus.AGREED) and brackets:
        raise MarkRefused(f"paragraph {label} still holds {brackets} bracket{'s' if brackets > 1 else ''}: "
                          "clean them (agree on one text) before recording it agreed")
    return section, pid, label


def mark(store: Store, doc: str, name: str, status: ParagraphStatus, *, login: str, user_id: int, at: datetime,
         rev: str = "HEAD") -> Marked:
    """Record `status` for the paragraph `name` of `doc` as it stands at `rev` (the base)."""
    workspace = store.require(rev)
    document = workspace.document(doc)
    if document is None:
        raise MarkRefused(f"no document '{doc}' (known: {', '.join(sorted(workspace.documents))})")
    book = read_status(store, doc)
    section, pid, label = target(document, name)
    before = book.recorded(pid)
    plan(document, name, status, before)
    if before is status:
        return Marked(doc, pid, label, section, before, status, None)
    entry = StatusEntry(paragraph=pid, status=status, by_login=login, by_id=user_id, at=at,
                        revision=document.version)
    record_status(store, doc, [entry])
    return Marked(doc, pid, label, section, before, status, entry)
