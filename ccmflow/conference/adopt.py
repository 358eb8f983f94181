"""Adoption by consensus: refused while any bracket or any paragraph short of agreed remains; on a clean text, the
document's final version is issued (status adopted, the date and time of adoption), tagged DOC/adopted, and every
paragraph recorded adopted."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from msgspec import Struct

from ccmflow.core.agreement import ParagraphStatus, StatusBook, StatusEntry, statuses
from ccmflow.core.brackets import count
from ccmflow.core.errors import FatalError
from ccmflow.core.model import Document, Process, paragraph_label
from ccmflow.repo.git import Person
from ccmflow.repo.release import Release, release
from ccmflow.repo.statusref import read_status, record_status
from ccmflow.repo.store import Store

ADOPTED_TAG = "adopted"


class Blocker(Struct, frozen=True):
    """A paragraph that keeps a document from adoption: not agreed, or still bracketed."""

    paragraph: str
    number: str
    status: ParagraphStatus
    brackets: int

    def sentence(self) -> str:
        held = f", {self.brackets} bracket{'s' if self.brackets > 1 else ''}" if self.brackets else ""
        return f"{paragraph_label(self.number, self.paragraph, prose=True)}: {self.status.label}{held}"

    def as_json(self) -> dict[str, object]:
        return {"paragraph": self.paragraph, "number": self.number, "status": self.status.value,
                "brackets": self.brackets}


class NotReady(FatalError):
    """Adoption refused: the paragraphs that stand in its way (exit 1, as for findings: the text is not ready)."""

    exit_code = 1

    def __init__(self, document: Document, blockers: tuple[Blocker, ...]) -> None:
        self.blockers = blockers
        shown = "\n".join(f"  - {b.sentence()}" for b in blockers)
        super().__init__(f"{document.short_title()} cannot be adopted yet: {len(blockers)} paragraph"
                         f"{'s are' if len(blockers) > 1 else ' is'} not agreed or still bracketed\n{shown}\n"
                         "Clean the brackets and record each paragraph agreed (ccmflow mark DOC PARAGRAPH agreed), "
                         "then adopt")


def blockers(document: Document, book: StatusBook) -> tuple[Blocker, ...]:
    """Every paragraph that holds a bracket or is short of agreed, in document order."""
    shown = statuses(book, ((p.id, p.text) for _, p in document.walk()))
    numbers = document.numbers()
    found: list[Blocker] = []
    for _, paragraph in document.walk():
        state, brackets = shown[paragraph.id], count(paragraph.text)
        if brackets or state not in (ParagraphStatus.AGREED, ParagraphStatus.ADOPTED):
            found.append(Blocker(paragraph.id, numbers.get(paragraph.id, ""), state, brackets))
    return tuple(found)


def final_version(process: Process, doc: str) -> str:
    found = next((v.id for v in process.versions_of(doc) if v.kind == "final"), None)
    if found is None:
        raise FatalError(f"the timeline has no final version for {doc} (a version with kind: final in "
                         f"{process.path}) for the adopted text")
    return found


def adopt(store: Store, doc: str, *, login: str, user_id: int, at: datetime) -> Release:
    """Adopt `doc` as it stands at HEAD, or raise NotReady listing what stands in the way."""
    workspace = store.require("HEAD")
    document = workspace.document(doc)
    if document is None:
        raise FatalError(f"no document '{doc}' (known: {', '.join(sorted(workspace.documents))})")
    if document.status == "adopted":
        raise FatalError(f"{doc} is adopted already")
    book = read_status(store, doc)
    standing = blockers(document, book)
    if standing:
        raise NotReady(document, standing)
    when = at.astimezone(ZoneInfo(workspace.process.conference.timezone)).strftime("%Y-%m-%dT%H:%M")
    done = release(store, doc, final_version(workspace.process, doc), when, status="adopted", also_tag=ADOPTED_TAG,
                   tagger=Person.github(login, at))
    record_status(store, doc, [StatusEntry(paragraph=p.id, status=ParagraphStatus.ADOPTED, by_login=login,
                                           by_id=user_id, at=at, revision=document.version)
                               for _, p in document.walk()])
    return done
