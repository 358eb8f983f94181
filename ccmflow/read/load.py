"""From files to records: parse (cached by content id), check schemas, build records."""

from __future__ import annotations

from collections import OrderedDict
from datetime import UTC, date, datetime, time
from types import MappingProxyType
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from msgspec import Struct

from ccmflow.core.errors import Finding, InvalidInput
from ccmflow.core.model import (
    DEFAULT_NUMBERING,
    Account,
    Approximate,
    Channel,
    Conference,
    Contact,
    Document,
    LatePolicy,
    Milestone,
    OpenedBy,
    Paragraph,
    Process,
    Registry,
    Section,
    Stage,
    Stakeholder,
    Version,
    Window,
)
from ccmflow.read import schema
from ccmflow.read.kinds import FileKind
from ccmflow.read.yamlsafe import Loaded, YamlError
from ccmflow.read.yamlsafe import load as load_yaml

DOCUMENTS_DIR = "documents"
PROCESS_FILE = "process.yaml"
REGISTRY_FILE = "stakeholders.yaml"
TBA = "to be announced"
_CACHE_SIZE = 8192


class SourceFile(Struct, frozen=True):
    """A file's bytes and where they came from; `key` is git's blob id when known."""

    path: str
    raw: bytes
    key: str | None = None

    def cache_key(self) -> str | bytes:
        """What names the content: git's blob id, else the bytes themselves (exact, and no hash to import)."""
        return self.key or self.raw


class Parsed(Struct, frozen=True):
    """One file after parsing: the record when it is valid, and its findings."""

    kind: FileKind
    loaded: Loaded | None
    record: Document | Process | Registry | None
    findings: tuple[Finding, ...]


def kind_of(path: str) -> FileKind:
    name = path.rsplit("/", 1)[-1]
    return {PROCESS_FILE: FileKind.PROCESS, REGISTRY_FILE: FileKind.STAKEHOLDERS}.get(name, FileKind.DOCUMENT)


def is_managed(path: str, root: str = DOCUMENTS_DIR) -> bool:
    """Whether a repository path is one of the YAML files ccmflow reads: root/*.yaml."""
    prefix = f"{root}/" if root else ""
    if not path.startswith(prefix):
        return False
    rest = path[len(prefix):]
    return "/" not in rest and rest.endswith((".yaml", ".yml"))


_parsed: OrderedDict[tuple[str | bytes, str, str], Parsed] = OrderedDict()


def parse(file: SourceFile, positions: bool = True) -> Parsed:
    """Parse and check one file; a blob already seen in this process is never parsed again.

    `positions=False`: read without the spans of its nodes, which are then read only if something asks for them
    (a finding to locate): for a reader that usually has nothing to report, such as `validate`."""
    key = (file.cache_key(), file.path, kind_of(file.path))
    hit = _parsed.get(key)
    if hit is not None:
        _parsed.move_to_end(key)
        return hit
    result = _parse(file, key[2], positions)
    _parsed[key] = result
    if len(_parsed) > _CACHE_SIZE:
        _parsed.popitem(last=False)
    return result


def parse_text(path: str, text: str) -> Parsed:
    """Parse text that is not (yet) a file anywhere, e.g. the result of an edit or a merge."""
    return parse(SourceFile(path, text.encode("utf-8")))


def document_text(path: str, text: str) -> tuple[Document, Loaded]:
    """A document file's text as its record and positions: the one reading every writer (editing, merging) does
    of a text it holds. InvalidInput, with the findings, when it is not a valid document."""
    parsed = parse_text(path, text)
    record = _document(parsed, path)
    assert parsed.loaded is not None  # a record is only ever built from a reading
    return record, parsed.loaded


def document_record(path: str, text: str) -> Document:
    """A document file's text as its record alone, for a reader that needs no positions (the base of a merge):
    read without them, a quarter faster. InvalidInput, with the findings located, when it is not a valid document."""
    return _document(_parse(SourceFile(path, text.encode("utf-8")), FileKind.DOCUMENT, positions=False), path)


def _document(parsed: Parsed, path: str) -> Document:
    """The document a reading gave; InvalidInput with its findings (or "not a document") when it gave none."""
    if not isinstance(parsed.record, Document):
        raise InvalidInput(list(parsed.findings) or [Finding(path, 1, 1, "not a document", "check the file")])
    return parsed.record


def document_outline(path: str, text: str) -> tuple[Document, Loaded]:
    """A document file's text as its record and its data with the spans of its mappings alone (no other node's,
    nor any key's): enough to find a paragraph item's lines again, at the cost of a reading without positions.
    InvalidInput, with the findings located, when it is not a valid document."""
    parsed = _parse(SourceFile(path, text.encode("utf-8")), FileKind.DOCUMENT, positions=False, mappings=True)
    if isinstance(parsed.record, Document) and parsed.loaded is not None:
        return parsed.record, parsed.loaded
    return document_text(path, text)  # read again with positions, so that each finding names its line


def _parse(file: SourceFile, kind: FileKind, positions: bool = True, mappings: bool = False) -> Parsed:
    try:
        # The keyword only when it is wanted: wrappers of load_yaml (tests count parses) take three arguments.
        loaded = load_yaml(file.raw, file.path, positions, mappings=True) if mappings else load_yaml(
            file.raw, file.path, positions)
    except YamlError as exc:
        return Parsed(kind, None, None, (exc.finding,))
    findings = schema.check(kind, loaded)
    if findings:
        return Parsed(kind, loaded, None, tuple(findings))
    builder = _Build(loaded)
    record = builder.record(kind)
    return Parsed(kind, loaded, record, tuple(builder.findings))


def record_from_data(kind: FileKind, path: str, data: Any) -> Document | Process | Registry | None:
    """The record of a file read before, from the data its parse gave (kept in a cache); None when building it
    notes anything, or the data is not what such a file holds: then the file must be parsed and checked again."""
    builder = _Build(Loaded(path, "", data, {}, {}))
    try:
        record = builder.record(kind)
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
    return None if builder.findings else record


class _Build:
    """Turns schema-valid data into records, noting what the schema cannot express."""

    def __init__(self, loaded: Loaded) -> None:
        self.loaded = loaded
        self.data: Any = loaded.data
        self.findings: list[Finding] = []

    def note(self, path: tuple[str | int, ...], message: str, hint: str) -> None:
        self.findings.append(self.loaded.finding(path, message, hint))

    def record(self, kind: FileKind) -> Document | Process | Registry:
        """The record a file of this kind holds."""
        if kind == FileKind.DOCUMENT:
            return self.document()
        if kind == FileKind.PROCESS:
            return self.process()
        return self.registry()

    def document(self) -> Document:
        meta = self.data["document"]
        sections = tuple(self._section(i, s) for i, s in enumerate(self.data["sections"]))
        numbering = dict(DEFAULT_NUMBERING) | dict(meta.get("numbering", {}))
        for version, day in meta.get("issued", {}).items():
            self._date(("document", "issued", version), day[:10])
            if len(day) > 10:  # a revision issued at the conference: its time of day too
                self._time(("document", "issued", version), day[11:])
        return Document(
            id=meta["id"], title=meta["title"], version=meta["version"], status=meta["status"],
            sections=sections, path=self.loaded.path, symbol=meta.get("symbol"),
            informs=tuple(meta.get("informs", ())), informed_by=tuple(meta.get("informed_by", ())),
            numbering=MappingProxyType(numbering), symbols=MappingProxyType(dict(meta.get("symbols", {}))),
            issued=MappingProxyType(dict(meta.get("issued", {}))), original=meta.get("original"),
            agenda_item=meta.get("agenda_item"), submitted_by=meta.get("submitted_by"))

    def _section(self, index: int, data: dict[str, Any]) -> Section:
        return Section(data["id"], data["title"], tuple(paragraph_record(p) for p in data["paragraphs"]))

    def process(self) -> Process:
        conf = self.data["conference"]
        zone = self._zone(conf["timezone"])
        conference = Conference(conf["name"], conf["venue"], self._date(("conference", "start"), conf["start"]),
                                self._date(("conference", "end"), conf["end"]), conf["timezone"],
                                conf.get("short_name"), conf.get("report_symbol"))
        deadline = time.fromisoformat(self.data["deadline_time"])
        default_policy = LatePolicy(self.data.get("late_policy", LatePolicy.FLAG))
        windows = tuple(self._window(i, w, zone, deadline, default_policy)
                        for i, w in enumerate(self.data["windows"]))
        milestones = tuple(self._milestone(i, m) for i, m in enumerate(self.data["milestones"]))
        versions = tuple(Version(v["id"], v["name"], v.get("kind", "draft"), tuple(v.get("documents", ())))
                         for v in self.data["versions"])
        sections = MappingProxyType({s["id"]: s["title"] for s in self.data.get("sections", ())})
        contacts = tuple(Contact(id=c["id"], name=c["name"], address=c["address"], stakeholder=c.get("stakeholder"))
                         for c in self.data.get("contacts", ()))
        channels = tuple(self._channel(i, c, contacts, windows) for i, c in enumerate(self.data.get("channels", ())))
        return Process(conference=conference, deadline_time=self.data["deadline_time"],
                       document_order=tuple(self.data["document_order"]), versions=versions,
                       windows=windows, milestones=milestones, late_policy=default_policy,
                       path=self.loaded.path, section_titles=sections, contacts=contacts, channels=channels)

    def _channel(self, i: int, data: dict[str, Any], contacts: tuple[Contact, ...],
                 windows: tuple[Window, ...]) -> Channel:
        """A channel, its contacts named by id; an id that names no contact (or window) is a finding."""
        known = {c.id: c for c in contacts}
        listed = ", ".join(known) or "none: add them under contacts"

        def contact(path: tuple[str | int, ...], cid: str) -> Contact:
            found = known.get(cid)
            if found is None:
                self.note(path, f"'{cid}' is not a contact of this file",
                          f"use one of the ids under contacts: {listed}")
                return Contact(id=cid, name=cid, address="")
            return found

        where: tuple[str | int, ...] = ("channels", i)
        until = data.get("until")
        if until is not None and until not in {w.id for w in windows}:
            self.note((*where, "until"), f"'{until}' is not a window of this file",
                      f"use one of: {', '.join(w.id for w in windows)}")
        return Channel(id=data["id"], title=data["title"], to=contact((*where, "to"), data["to"]),
                       copy=tuple(contact((*where, "copy", j), c) for j, c in enumerate(data.get("copy", ()))),
                       documents=tuple(data.get("documents", ())), until=until, note=data.get("note"))

    def _zone(self, name: str) -> ZoneInfo:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            self.note(("conference", "timezone"), f"unknown time zone '{name}'",
                      "use an IANA time zone name such as Europe/Zurich")
            return ZoneInfo("UTC")

    def _date(self, path: tuple[str | int, ...], text: str) -> date:
        try:
            return date.fromisoformat(text)
        except ValueError:
            self.note(path, f"'{text}' is not a calendar date", "use a real date as YYYY-MM-DD")
            return date.min

    def _time(self, path: tuple[str | int, ...], text: str) -> None:
        try:
            time.fromisoformat(text)
        except ValueError:
            self.note(path, f"'{text}' is not a time of day", "use HH:MM, e.g. 18:00")

    def _instant(self, path: tuple[str | int, ...], text: str, zone: ZoneInfo, deadline: time) -> datetime | None:
        if text == TBA:
            return None
        try:
            local = (datetime.combine(date.fromisoformat(text), deadline) if len(text) == 10
                     else datetime.fromisoformat(text))
        except ValueError:
            self.note(path, f"'{text}' is not a real date or time", "use YYYY-MM-DD or YYYY-MM-DDTHH:MM")
            return None
        instant = local.replace(tzinfo=zone)
        # A wall-clock time skipped when clocks go forward does not exist: say so rather than guess.
        if instant.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != local:
            self.note(path, f"{local:%Y-%m-%d %H:%M} does not exist in {zone.key} (clocks go forward)",
                      "pick a time outside the skipped hour")
        # A wall-clock time repeated when clocks go back names two instants an hour apart: a deadline must not.
        elif instant.utcoffset() != instant.replace(fold=1).utcoffset():
            self.note(path, f"{local:%Y-%m-%d %H:%M} happens twice in {zone.key} (clocks go back)",
                      "pick a time outside the repeated hour")
        # In UTC: Python subtracts and compares two datetimes sharing one tzinfo by wall clock, an hour off
        # across a DST change (closes - opens, or closes - a time given in conference time).
        return instant.astimezone(UTC)

    def _window(self, i: int, w: dict[str, Any], zone: ZoneInfo, deadline: time, policy: str) -> Window:
        where: tuple[str | int, ...] = ("windows", i)
        # A bare opening date opens at the start of that day, conference time.
        opens = self._instant((*where, "opens"), w["opens"], zone, time(0)) if isinstance(w["opens"], str) else None
        about = self._approximate((*where, "opens"), w["opens"]) if isinstance(w["opens"], dict) else None
        closes = self._instant((*where, "closes"), w["closes"], zone, deadline)
        opened_by = None
        if "opened" in w:
            if opens is not None:
                self.note((*where, "opened"), f"window '{w['id']}' opens on a date already ({w['opens']})",
                          "remove `opened` (it records the day a window announced approximately or to be "
                          "announced opened), or set `opens` to the approximate date announced")
            else:
                opens, opened_by = self._instant((*where, "opened"), w["opened"], zone, time(0)), OpenedBy.RECORDED
        return Window(id=w["id"], document=w["document"], title=w["title"], closes=closes, opens=opens,
                      version=w.get("version"), late_policy=LatePolicy(w.get("late_policy", policy)), opens_about=about,
                      opened_by=opened_by)

    def _approximate(self, where: tuple[str | int, ...], data: dict[str, str]) -> Approximate:
        year, month = map(int, data["month"].split("-"))
        if not 1 <= month <= 12:
            self.note((*where, "month"), f"month {month} does not exist", "use 01 to 12")
            month = 1
        return Approximate(year, month, data["part"])

    def _milestone(self, i: int, m: dict[str, Any]) -> Milestone:
        where: tuple[str | int, ...] = ("milestones", i)
        approx = self._approximate((*where, "approximate"), m["approximate"]) if "approximate" in m else None
        day = self._date((*where, "date"), m["date"]) if "date" in m else None
        end = self._date((*where, "end"), m["end"]) if "end" in m else None
        stages = tuple(Stage(d["document"], d.get("version")) for d in m.get("documents", ()))
        return Milestone(id=m["id"], title=m["title"], kind=m["kind"], start=day, end=end, approximate=approx,
                         document=m.get("document"), purpose=m.get("purpose"), documents=stages)

    def registry(self) -> Registry:
        return Registry(tuple(_stakeholder(s) for s in self.data["stakeholders"]), self.loaded.path)


def paragraph_record(p: dict[str, Any]) -> Paragraph:
    """A Paragraph from schema-valid data."""
    return Paragraph(
        id=p["id"], kind=p["kind"], text=p["text"], indicators=tuple(p.get("indicators", ())),
        baseline=p.get("baseline"), target=p.get("target"), responsible=tuple(p.get("responsible", ())),
        timeframe=p.get("timeframe"), references=tuple(p.get("references", ())),
        derived_from=tuple(p.get("derived_from", ())))


def _stakeholder(s: dict[str, Any]) -> Stakeholder:
    accounts = tuple(Account(a["id"], a["login"]) for a in s.get("accounts", ()))
    return Stakeholder(s["id"], s["name"], s["category"], accounts, frozenset(s.get("roles", ())),
                       tuple(s.get("coordinates", ())), tuple(s.get("speaks_for", ())),
                       tuple(s.get("facilitates", ())))
