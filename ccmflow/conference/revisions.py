"""The series of texts at the conference: revisions with a symbol (Rev.1, Rev.2 ...), and papers without one.

A revision's symbol continues its document's: the symbol the document is at, without any '/Rev.k', then
'/Rev.N', N one more than the highest revision of that symbol already issued (a symbol is never issued twice;
a symbol planned for a stage never issued is free). It is dated with the date and time of issue in conference
time ("as at 25 November 2020, 18:00"). Facilitators' texts and non-papers are released as tags of their own
kinds, numbered per document, with no symbol and no change to the text.
"""

from __future__ import annotations

import re
from datetime import datetime
from enum import StrEnum
from zoneinfo import ZoneInfo

from msgspec import Struct

from ccmflow.core.errors import FatalError
from ccmflow.core.model import Document, Process, revision_number
from ccmflow.repo.git import Person
from ccmflow.repo.release import Release, release
from ccmflow.repo.releases import Tagged, tag_paper, tags_of
from ccmflow.repo.store import Store

_REV = re.compile(r"/Rev\.([0-9]+)$")


class PaperKind(StrEnum):
    """A text released at the conference without a symbol."""

    FACILITATORS_TEXT = "facilitators-text"
    NON_PAPER = "non-paper"

    @property
    def label(self) -> str:
        return "Facilitator's text" if self is PaperKind.FACILITATORS_TEXT else "Non-paper"


class Revision(Struct, frozen=True):
    """A revision issued at the conference: Rev.N, its version id and symbol."""

    version: str  # rev-N
    symbol: str
    number: int


def in_session(process: Process, now: datetime) -> bool:
    """Whether `now` falls within the conference's days, in conference time."""
    day = now.astimezone(ZoneInfo(process.conference.timezone)).date()
    return process.conference.start <= day <= process.conference.end


def series_base(document: Document) -> str:
    symbol = document.symbol_at()
    if symbol is None:
        raise FatalError(f"{document.id} has no symbol to derive its revisions' symbols from: give it one "
                         f"(document: symbol: or symbols: in {document.path})")
    return _REV.sub("", symbol)


def next_revision(document: Document) -> Revision:
    """The revision the next release issues: its version id, number and symbol."""
    base = series_base(document)
    issued = [document.symbols.get(v) or "" for v in document.issued]
    numbers = [int(m.group(1)) for s in issued if s.startswith(base) and (m := _REV.search(s)) and
               s[:m.start()] == base]
    numbers += [n for v in document.issued if (n := revision_number(v)) is not None]
    number = max(numbers, default=0) + 1
    return Revision(f"rev-{number}", f"{base}/Rev.{number}", number)


def issue_revision(store: Store, doc: str, now: datetime, by: str = "ccmflow") -> tuple[Revision, Release]:
    """Release the next revision of `doc` at `now`, which must be during the conference."""
    workspace = store.require("HEAD")
    document = workspace.document(doc)
    if document is None:
        raise FatalError(f"no document '{doc}' (known: {', '.join(sorted(workspace.documents))})")
    process = workspace.process
    zone = ZoneInfo(process.conference.timezone)
    if not in_session(process, now):
        conf = process.conference
        raise FatalError(f"revisions are issued during the conference ({conf.start} to {conf.end}, conference "
                         f"time), and it is {now.astimezone(zone):%Y-%m-%d %H:%M} there: name the version to "
                         f"release (ccmflow release {doc} VERSION)")
    if document.status == "adopted":
        raise FatalError(f"{doc} is adopted: no revision follows the adopted text")
    revision = next_revision(document)
    at = now.astimezone(zone).strftime("%Y-%m-%dT%H:%M")
    tagger = Person.github(by, now)  # the tag dated when it was issued
    return revision, release(store, doc, revision.version, at, symbol=revision.symbol, tagger=tagger)


def issue_paper(store: Store, doc: str, kind: PaperKind, rev: str, title: str, who: str,
                now: datetime) -> Tagged:
    """Tag a facilitator's text or a non-paper at `rev`: the next number of its kind for the document."""
    workspace = store.require(rev)
    if workspace.document(doc) is None:
        raise FatalError(f"no document '{doc}' at {rev}")
    taken = [t.name for t in tags_of(store, doc) if t.name.startswith(f"{kind.value}-")]
    number = len(taken) + 1
    when = now.astimezone(ZoneInfo(workspace.process.conference.timezone))
    message = f"{kind.label} {number}: {title}\nIssued {when:%Y-%m-%d %H:%M} (conference time), without symbol\n"
    return tag_paper(store, doc, f"{kind.value}-{number}", rev, message, who, when)


def status_notes(store: Store, old: Document, new: Document) -> dict[str, str]:
    """The paragraphs whose status changed between two revisions issued at the conference ('open → agreed'), by
    paragraph id; none when either text was not issued with a time (a stage before the conference)."""
    from ccmflow.conference.counts import status_changes
    from ccmflow.repo.statusref import read_status

    zone = ZoneInfo(store.require("HEAD").process.conference.timezone)
    times = [d.issued.get(d.version, "") for d in (old, new)]
    if any(len(t) <= 10 for t in times):
        return {}
    before, after = (datetime.fromisoformat(t).replace(tzinfo=zone) for t in times)
    return status_changes(read_status(store, new.id), old, new, before, after)
