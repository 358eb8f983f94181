"""Immutable records for documents, the process timeline and the stakeholder registry."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, date, datetime, time
from enum import StrEnum
from functools import cached_property
from types import MappingProxyType
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from msgspec import Struct, field
from msgspec.structs import force_setattr, replace

DEFAULT_NUMBERING: Mapping[str, str] = MappingProxyType({"action": "Action {n}"})
DEFAULT_FORMAT = "{n}"


def number_name(number: str) -> str:
    """How a display number is said: 'paragraph 12', 'Action 3' as it is, 'unnumbered paragraph' for none."""
    if not number:
        return "unnumbered paragraph"
    return f"paragraph {number}" if number[:1].isdigit() else number


def paragraph_label(number: str, pid: str, *, prose: bool = False, show_id: Callable[[str], str] = str) -> str:
    """How a person names a paragraph: the number they see and its permanent id, the one place this is composed.

    '5 (pkp3nvcv)', 'Action 12 (pk3x9q2a)', 'unnumbered (pq4...)'; in a sentence (`prose`), 'paragraph 5
    (pkp3nvcv)'. `show_id` formats the id for the medium (code in a comment); a number that comes from a
    pull request must be escaped by the caller first.
    """
    shown = number_name(number) if prose else (number or "unnumbered")
    return f"{shown} ({show_id(pid)})"


class Paragraph(Struct, frozen=True, kw_only=True):
    """One paragraph: a stable id, a kind that picks its number format, the text and an action's fields."""

    id: str
    kind: str
    text: str
    indicators: tuple[str, ...] = ()
    baseline: str | None = None
    target: str | None = None
    responsible: tuple[str, ...] = ()
    timeframe: str | None = None
    references: tuple[str, ...] = ()
    derived_from: tuple[str, ...] = ()

    def content(self) -> dict[str, object]:
        """Every field that makes up the paragraph's substance, for comparisons."""
        return {"kind": self.kind, "text": self.text, "indicators": self.indicators,
                "baseline": self.baseline, "target": self.target, "responsible": self.responsible,
                "timeframe": self.timeframe, "references": self.references}


class Section(Struct, frozen=True):
    """A section of a document: its stable id, title and paragraphs in order."""

    id: str
    title: str
    paragraphs: tuple[Paragraph, ...]


class Document(Struct, frozen=True):
    """One outcome document as its file records it at one version."""

    id: str
    title: str
    version: str
    status: str
    sections: tuple[Section, ...]
    path: str
    symbol: str | None = None
    informs: tuple[str, ...] = ()
    informed_by: tuple[str, ...] = ()
    numbering: Mapping[str, str] = field(default_factory=lambda: DEFAULT_NUMBERING)
    # The header a circulated document carries: its symbol and date of issue per version, the language it was
    # written in, the agenda item it is submitted under, and by whom.
    symbols: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    issued: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    original: str | None = None
    agenda_item: str | None = None
    submitted_by: str | None = None

    def symbol_at(self, version: str | None = None) -> str | None:
        """The symbol of a version (default: the version the text is at); the plain `symbol` otherwise."""
        return self.symbols.get(version or self.version) or self.symbol

    def issued_at(self, version: str | None = None) -> date | None:
        text = self.issued.get(version or self.version)
        return date.fromisoformat(text[:10]) if text else None

    def issued_time(self, version: str | None = None) -> time | None:
        """The time of day of issue, conference time, for a revision issued during the conference ('18:00')."""
        text = self.issued.get(version or self.version) or ""
        return time.fromisoformat(text[11:]) if len(text) > 10 else None

    def short_title(self) -> str:
        """How a reference names the document: its title up to a colon ('Lausanne Review Document')."""
        return self.title.split(":", 1)[0].strip()

    def walk(self) -> Iterator[tuple[Section, Paragraph]]:
        for section in self.sections:
            for paragraph in section.paragraphs:
                yield section, paragraph

    def paragraph(self, pid: str) -> Paragraph | None:
        return next((p for _, p in self.walk() if p.id == pid), None)

    def section_of(self, pid: str) -> Section | None:
        return next((s for s, p in self.walk() if p.id == pid), None)

    def section(self, sid: str) -> Section | None:
        return next((s for s in self.sections if s.id == sid), None)

    def numbers(self) -> dict[str, str]:
        """Display numbers by paragraph id: computed from position, never stored."""
        counters: dict[str, int] = {}
        numbers: dict[str, str] = {}
        formats: dict[str, str] = {}  # by kind: a summary asks this of hundreds of documents
        for section in self.sections:
            for paragraph in section.paragraphs:
                fmt = formats.get(paragraph.kind)
                if fmt is None:
                    fmt = formats[paragraph.kind] = self.number_format(paragraph.kind)
                if not fmt:
                    numbers[paragraph.id] = ""
                    continue
                count = counters[fmt] = counters.get(fmt, 0) + 1
                numbers[paragraph.id] = fmt.replace("{n}", str(count))
        return numbers

    def number_format(self, kind: str) -> str:
        """How paragraphs of a kind are numbered ('{n}', 'Action {n}'); '' for unnumbered ones."""
        return self.numbering.get(kind, DEFAULT_NUMBERING.get(kind, DEFAULT_FORMAT))

    def label(self, pid: str) -> str:
        """How a person names a paragraph of this document, e.g. 'Action 12 (pk3x9q2a)'."""
        return paragraph_label(self.numbers().get(pid, ""), pid)


class Conference(Struct, frozen=True):
    """The conference the process leads to: its name, venue, dates and time zone."""

    name: str
    venue: str
    start: date
    end: date
    timezone: str
    short_name: str | None = None
    report_symbol: str | None = None  # the final report's symbol, one for every language


class Approximate(Struct, frozen=True):
    """A date known only as early, mid or late in a month."""

    year: int
    month: int
    part: str

    def bounds(self) -> tuple[date, date]:
        first, last = {"early": (1, 10), "mid": (11, 20), "late": (21, 28)}[self.part]
        return date(self.year, self.month, first), date(self.year, self.month, last)

    def __str__(self) -> str:
        month = f"{date(self.year, self.month, 1):%B %Y}"
        return f"mid-{month}" if self.part == "mid" else f"{self.part} {month}"


class OpenedBy(StrEnum):
    """How a window announced only approximately (or to be announced) came to open on a known day."""

    ISSUED = "issued"  # the document's stage it concerns was issued (the document's `issued` date)
    RECORDED = "recorded"  # the Presidency recorded the day in process.yaml (`opened`)


class LatePolicy(StrEnum):
    """What the bot does with an input that arrived after its window's deadline (process.yaml, late_policy)."""

    FLAG = "flag"  # label it late, keep it open, tell the delegation and the presidency
    CLOSE = "close"  # close it with the reason; the branch and the record are kept


class Window(Struct, frozen=True, kw_only=True):
    """A submission window. `opens` is None until its opening date is set: the window is not open then, and
    `opens_about` says when it is expected ('early August'). A window announced so opens when the document
    stage it concerns is issued, or on the day the Presidency records (`opened_by` says which; None: `opens` is
    the date announced). `closes` is None while the deadline is to be announced."""

    id: str
    document: str
    title: str
    closes: datetime | None
    opens: datetime | None = None
    version: str | None = None
    late_policy: LatePolicy = LatePolicy.FLAG
    opens_about: Approximate | None = None
    opened_by: OpenedBy | None = None

    def on_issue(self, document: Document | None, zone: str) -> Window:
        """The window opened by the issue of its stage: a window announced approximately opens at the start of
        the day (conference time) its document's version was issued. Unchanged when its date is known already,
        or the stage has not been issued."""
        if self.opens is not None or self.opens_about is None or self.version is None or document is None:
            return self
        day = document.issued_at(self.version)
        if day is None:
            return self
        opens = start_of_day(day, zone)
        at = document.issued_time(self.version)  # a stage issued at a known time (an adoption) opens then
        if at is not None:
            opens = start_of_day(day, zone).astimezone(ZoneInfo(zone)).replace(hour=at.hour, minute=at.minute)
            opens = opens.astimezone(UTC)
        return replace(self, opens=opens, opened_by=OpenedBy.ISSUED)


def start_of_day(day: date, zone: str) -> datetime:
    """00:00 of a day in a time zone, as a UTC instant (how a window opening on a bare date opens). An unknown zone
    (reported where the timeline is read) counts as UTC, as the reader does."""
    try:
        tz: ZoneInfo = ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        tz = ZoneInfo("UTC")
    return datetime.combine(day, time(0), tz).astimezone(UTC)


class Stage(Struct, frozen=True):
    """A document at a stage of the process (the documents a meeting discusses); `version` None: as it stands."""

    document: str
    version: str | None = None


class Milestone(Struct, frozen=True, kw_only=True):
    """A dated event of the process (a meeting, a circulation, the conference), exact or approximate."""

    id: str
    title: str
    kind: str
    start: date | None = None
    end: date | None = None
    approximate: Approximate | None = None
    document: str | None = None
    purpose: str | None = None  # what the meeting or step is for, in the concept note's terms
    documents: tuple[Stage, ...] = ()  # what it discusses or circulates

    def bounds(self) -> tuple[date, date]:
        """Earliest and latest day the milestone can fall on."""
        if self.approximate is not None:
            return self.approximate.bounds()
        assert self.start is not None
        return self.start, (self.end or self.start)

    def exact_on(self, day: date) -> bool:
        """Whether the milestone is known to fall on `day` (an approximate one never is)."""
        return self.approximate is None and self.bounds()[0] <= day <= self.bounds()[1]

    def when(self) -> str:
        if self.approximate is not None:
            return f"{self.approximate} (approximate)"
        assert self.start is not None
        return _day(self.start) + (f" to {_day(self.end)}" if self.end else "")


def _day(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


_REVISION = re.compile(r"rev-([1-9][0-9]{0,3})")


# What a window's `version` says to cover every revision issued at the conference (Rev.1, Rev.2, ...): proposals
# on the texts under negotiation.
REVISIONS = "revisions"


def covers(window_version: str | None, version: str | None) -> bool:
    """Whether a window set for `window_version` takes input on a document at `version`."""
    if window_version is None or window_version == version:
        return True
    return window_version == REVISIONS and version is not None and revision_number(version) is not None


def revision_number(vid: str) -> int | None:
    """N for the conference's revision `rev-N` (Rev.N), else None: revisions need no entry in the timeline."""
    found = _REVISION.fullmatch(vid)
    return int(found.group(1)) if found else None


class Version(Struct, frozen=True):
    """A stage a document goes through: a draft, or an informal working paper or elements before any draft."""

    id: str
    name: str
    kind: str = "draft"  # draft | working-paper | elements | final
    documents: tuple[str, ...] = ()  # the documents that go through this stage; () for every one

    def applies_to(self, document: str) -> bool:
        return not self.documents or document in self.documents


class Contact(Struct, frozen=True, kw_only=True):
    """Who receives input outside GitHub, at which address; `stakeholder` is its registry id."""

    id: str
    name: str
    address: str
    stakeholder: str | None = None


class Channel(Struct, frozen=True, kw_only=True):
    """A way input reaches the Presidency outside GitHub: what is sent, to whom, with a copy to whom.

    `documents` limits it to some documents (() for every one); `until` names the window before whose opening
    it is the way in (early suggestions, before the text they are about is circulated)."""

    id: str
    title: str
    to: Contact
    copy: tuple[Contact, ...] = ()
    documents: tuple[str, ...] = ()
    until: str | None = None
    note: str | None = None


class Process(Struct, frozen=True, kw_only=True):
    """The process as documents/process.yaml describes it: conference, versions, windows and milestones."""

    conference: Conference
    deadline_time: str
    document_order: tuple[str, ...]
    versions: tuple[Version, ...]
    windows: tuple[Window, ...]
    milestones: tuple[Milestone, ...]
    late_policy: LatePolicy = LatePolicy.FLAG
    path: str = "documents/process.yaml"
    section_titles: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    contacts: tuple[Contact, ...] = ()
    channels: tuple[Channel, ...] = ()

    def window(self, wid: str) -> Window | None:
        return next((w for w in self.windows if w.id == wid), None)

    def circulated(self, documents: Mapping[str, Document]) -> Process:
        """The timeline with every window announced approximately opened by the issue of its document's stage
        (the one rule, applied wherever documents and timeline meet: see Workspace)."""
        zone = self.conference.timezone
        windows = tuple(w.on_issue(documents.get(w.document), zone) for w in self.windows)
        if all(a is b for a, b in zip(windows, self.windows, strict=True)):
            return self
        return replace(self, windows=windows)

    def windows_for(self, document: str) -> tuple[Window, ...]:
        return tuple(w for w in self.windows if w.document == document)

    def versions_of(self, document: str) -> tuple[Version, ...]:
        """The stages one document goes through, in order."""
        return tuple(v for v in self.versions if v.applies_to(document))

    def version_name(self, vid: str) -> str:
        found = next((v.name for v in self.versions if v.id == vid), None)
        if found is None and (n := revision_number(vid)) is not None:
            return f"Rev.{n}"
        return found or vid

    def knows_version(self, vid: str, document: str | None = None) -> bool:
        """A stage of the timeline (for `document`, when given), or a revision issued at the conference (rev-N)."""
        if revision_number(vid) is not None:
            return True
        return any(v.id == vid and (document is None or v.applies_to(document)) for v in self.versions)

    def stage_name(self, stage: Stage, titles: Mapping[str, str]) -> str:
        """'Lausanne Action Plan (Informal working paper)': a document by its title, at its stage."""
        title = titles.get(stage.document, stage.document)
        return f"{title} ({self.version_name(stage.version)})" if stage.version else title


class Account(Struct, frozen=True):
    """A GitHub account by its numeric id (what counts) and its login (what people read)."""

    id: int
    login: str


class Stakeholder(Struct, frozen=True):
    """A delegation or organisation of the registry: its accounts, roles and whom it may speak for."""

    id: str
    name: str
    category: str
    accounts: tuple[Account, ...] = ()
    roles: frozenset[str] = frozenset()
    coordinates: tuple[str, ...] = ()  # sections a thematic coordinator coordinates
    # Delegations this one may speak for without their own confirmation (a group's coordinator for its members).
    speaks_for: tuple[str, ...] = ()
    facilitates: tuple[str, ...] = ()  # sections a facilitator facilitates at the conference


class Registry(Struct, frozen=True, dict=True):
    """Who may take part: documents/stakeholders.yaml as records."""

    stakeholders: tuple[Stakeholder, ...]
    path: str = "documents/stakeholders.yaml"

    # Each stakeholder by id and by account, indexed once (dict=True keeps the index beside the fields, out of
    # equality and repr): a summary asks for every input. The first stakeholder listing an id or an account
    # answers, as a scan from the start would.
    @cached_property
    def _by_id(self) -> Mapping[str, Stakeholder]:
        ids: dict[str, Stakeholder] = {}
        for stakeholder in self.stakeholders:
            ids.setdefault(stakeholder.id, stakeholder)
        return MappingProxyType(ids)

    @cached_property
    def _by_account(self) -> Mapping[int, Stakeholder]:
        accounts: dict[int, Stakeholder] = {}
        for stakeholder in self.stakeholders:
            for account in stakeholder.accounts:
                accounts.setdefault(account.id, stakeholder)
        return MappingProxyType(accounts)

    def by_user_id(self, user_id: int) -> Stakeholder | None:
        """Who a GitHub account speaks for; the numeric id counts, never the login."""
        return self._by_account.get(user_id)

    def may(self, user_id: int, role: str) -> bool:
        stakeholder = self.by_user_id(user_id)
        return stakeholder is not None and role in stakeholder.roles

    def get(self, sid: str) -> Stakeholder | None:
        return self._by_id.get(sid)


class Workspace(Struct, frozen=True):
    """Everything read from one documents/ tree: what every command works from."""

    documents: Mapping[str, Document]
    process: Process
    registry: Registry

    def __post_init__(self) -> None:
        # The timeline as the documents make it: a window announced "early August" is open once the stage it
        # concerns has been issued. Done here, so that status, the issue form, triage, the summary and the site
        # all read the same `Window.opens`.
        force_setattr(self, "process", self.process.circulated(self.documents))

    def document(self, did: str) -> Document | None:
        return self.documents.get(did)
