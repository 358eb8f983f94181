"""Triage of one input (a pull request): a pure decision on labels, statuses, the status comment and closing."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from enum import StrEnum

from msgspec import Struct
from msgspec.structs import replace

from ccmflow.compare.diff import Anchor, DocumentDiff, anchors, diff_documents
from ccmflow.core import labels
from ccmflow.core.errors import Finding
from ccmflow.core.inputfile import NO_TEXT_KINDS, is_input_path
from ccmflow.core.labels import LabelSpec
from ccmflow.core.model import Document, LatePolicy, Stakeholder, Workspace
from ccmflow.core.record import Entered, InputRecord, PullState
from ccmflow.core.roles import Role
from ccmflow.core.status import Verdict
from ccmflow.core.submissions import Receipt, Source, SubmissionLog
from ccmflow.read.content import PullContent
from ccmflow.read.kinds import FileKind
from ccmflow.read.load import SourceFile, is_managed, kind_of
from ccmflow.triage import messages
from ccmflow.triage.credit import credit, read_files
from ccmflow.triage.record import Facts, judged_window, make_record
from ccmflow.triage.report import DocumentReport, Report

VALIDATION = "ccmflow/validation"
DEADLINE = "ccmflow/deadline"
MAX_STATUS_DESCRIPTION = 140
MAX_RECEIPTS = 60

# Verdicts on one document of an input, worst last: the deadline status reports the worst.
_RANK = {Verdict.NO_WINDOW: 0, Verdict.NO_DEADLINE: 1, Verdict.EARLY: 2, Verdict.ON_TIME: 2, Verdict.LATE_ACCEPTED: 3,
         Verdict.AMENDED_LATE: 4, Verdict.LATE: 5}


class PullFacts(Struct, frozen=True, kw_only=True):
    """What GitHub says about the pull request; `received` is a time GitHub set, used for a head not yet logged."""

    number: int
    author_id: int
    author_login: str
    head_sha: str
    received: datetime
    source: Source
    state: PullState = PullState.OPEN
    created: datetime | None = None  # when GitHub says the pull request was opened (bounds an attested time)
    title: str = ""
    body: str = ""  # the pull request's description: the justification of an input without an input file


class StatusState(StrEnum):
    """A commit status's state, as GitHub names them (the bot sets the first two)."""

    SUCCESS = "success"
    FAILURE = "failure"
    PENDING = "pending"
    ERROR = "error"


class CommitStatus(Struct, frozen=True):
    """A commit status the bot sets on an input's head: its context, state and description."""

    context: str
    state: StatusState
    description: str


class Decision(Struct, frozen=True, kw_only=True):
    """What the bot should make true on GitHub for one input; the bot only carries it out."""

    labels: frozenset[str]  # the owned labels the PR should carry (others are never touched)
    label_specs: Mapping[str, LabelSpec]
    statuses: tuple[CommitStatus, ...]
    body: str  # the visible part of the status comment
    close: bool
    reopen: bool
    log: SubmissionLog
    summary: str
    # A short comment of its own that tells the Presidency, once per kind of lateness: a mention added by
    # editing the status comment notifies nobody. (marker, text), or None.
    notice: tuple[str, str] | None = None


PullReader = Callable[[str], PullContent | None]  # another version's content (None: not here)


def decide(base: Workspace, content: PullContent, facts: PullFacts, log: SubmissionLog, now: datetime,
           read: PullReader | None = None) -> Decision:
    """Triage one input: from the trusted base workspace, the PR's content as data and the submission log.

    `content` is the head's; `read` gives any other version's (the one that counts once the head is late).
    Each document's facts are its input record's (`make_record`), as every other output reads them.
    """
    log = log.record(facts.head_sha, facts.received, facts.source)
    docs, unknown = _documents(base, content)
    docs += _remarks(base, content, {did for did, _ in docs})
    protected = tuple(sorted(set(_outside(content))))
    pins = log.pins()
    reader = _Reader(facts.head_sha, content, read)
    reports = tuple(_judge(base, log, facts, did, diff, pins, reader, content.after.get(did), now)
                    for did, diff in docs)
    pins.update({r.id: r.window.id for r in reports if r.window is not None})
    verdict = max((r.verdict for r in reports), key=_RANK.__getitem__, default=Verdict.NO_WINDOW)
    policy = _policy(reports)
    closed_before = log.closed is not None
    close = (verdict == Verdict.LATE and policy == LatePolicy.CLOSE and facts.state == PullState.OPEN
             and not closed_before)
    # An input the bot closed for lateness is reopened once it is no longer late (accepted, deadline moved).
    reopen = closed_before and facts.state == PullState.CLOSED and verdict != Verdict.LATE
    closed = facts.head_sha if close else (None if reopen else log.closed)
    log = _compact(replace(log, pinned=pins, closed=closed, window=log.window or next(iter(pins.values()), None)),
                   base)
    state = PullState.OPEN if reopen else facts.state
    credited = credit(content.inputs, base, facts.author_id, facts.created, log.confirmed(base.registry))
    first = reports[0].record if reports else None
    report = Report(number=facts.number, author_login=facts.author_login, author_id=facts.author_id,
                    stakeholder=base.registry.by_user_id(facts.author_id), documents=reports, unknown_files=unknown,
                    protected=protected, findings=tuple(dict.fromkeys((*content.findings, *credited.findings))),
                    log=log, head=_head_receipt(reports, log, facts.head_sha),
                    timezone=base.process.conference.timezone, presidency=_presidency(base), verdict=verdict,
                    close=close, closed_by_bot=log.closed is not None, state=state, now=now,
                    credited=_stakeholders(base, first.delegations) if first else credited.delegations,
                    proposed=_stakeholders(base, first.proposed) if first else credited.proposed,
                    records=credited.records, attestation_note=credited.attestation_note)
    wanted = _labels(report, _known_names(base))
    titles = _titles(base, reports)
    return Decision(labels=frozenset(wanted), label_specs={n: labels.spec(n, titles) for n in sorted(wanted)},
                    statuses=_statuses(report), body=messages.status_comment(report), close=close,
                    reopen=reopen, log=log, summary=_summary(report, wanted), notice=_notice(report))


class _Reader:
    """The versions of one pull request as `make_record` reads them, for one document at a time."""

    def __init__(self, sha: str, head: PullContent, read: PullReader | None) -> None:
        self._contents: dict[str, PullContent | None] = {sha: head}
        self._read = read
        self.document = ""

    def content(self, sha: str) -> PullContent | None:
        if sha not in self._contents:
            self._contents[sha] = self._read(sha) if self._read is not None else None
        return self._contents[sha]

    def present(self, sha: str) -> bool:
        return self.content(sha) is not None

    def files(self, sha: str) -> tuple[SourceFile, ...]:
        found = self.content(sha)
        return found.inputs if found is not None else ()

    def changes(self, sha: str) -> tuple[DocumentDiff | None, tuple[Finding, ...], tuple[Anchor, ...]]:
        found = self.content(sha)
        if found is None:
            return None, (), ()
        diff = dict(_changed(found)[0]).get(self.document)
        after = found.after.get(self.document)
        return diff, found.findings, anchors(diff, after) if diff is not None and after is not None else ()

    def for_document(self, did: str) -> _Reader:
        self.document = did
        return self


def _stakeholders(base: Workspace, ids: Iterable[str]) -> tuple[Stakeholder, ...]:
    return tuple(s for i in ids if (s := base.registry.get(i)) is not None)


def _head_receipt(reports: Iterable[DocumentReport], log: SubmissionLog, head: str) -> Receipt:
    """The head version's receipt as the records judged it (an attested time included)."""
    for report in reports:
        return report.head
    found = log.receipt(head)
    assert found is not None
    return found


def _remarks(base: Workspace, content: PullContent, seen: set[str]) -> list[tuple[str, DocumentDiff | None]]:
    """Documents a general remark is about that the input does not otherwise change: judged like any input."""
    found: list[tuple[str, DocumentDiff | None]] = []
    records, _ = read_files(content.inputs, base)
    for record in records:
        if record.kind not in NO_TEXT_KINDS or record.document in seen or base.document(record.document) is None:
            continue
        seen.add(record.document)
        found.append((record.document, DocumentDiff(record.document, (), (record.section,) if record.section else (),
                                                    {})))
    return found


def _notice(report: Report) -> tuple[str, str] | None:
    if report.verdict not in (Verdict.LATE, Verdict.AMENDED_LATE) or report.close or not report.presidency:
        return None
    window = next((r.window.id for r in report.documents if r.window is not None), "none")
    return f"<!-- ccmflow:notice {report.verdict} {window} -->", messages.late_notice(report)


Changed = tuple[list[tuple[str, DocumentDiff | None]], tuple[str, ...]]


def _documents(base: Workspace, content: PullContent) -> Changed:
    """Documents whose content the PR changes (by the structural diff), in the process's order, and changed files
    naming no document."""
    found, unknown = _changed(content)
    return sorted(found, key=lambda item: _order(base)(item[0])), unknown


def _changed(content: PullContent) -> Changed:
    """Documents whose content one version changes, with their diff (None: the file does not read there)."""
    paths = {c.path: c for c in content.changes if _is_document(c.path)}
    paths.update({c.old_path: c for c in content.changes if c.old_path and _is_document(c.old_path)})
    ids: list[str] = []
    seen_paths: set[str] = set()
    for side in (content.before, content.after):
        for doc in side.values():
            if doc.path in paths and doc.id not in ids:
                ids.append(doc.id)
            if doc.path in paths:
                seen_paths.add(doc.path)
    found: list[tuple[str, DocumentDiff | None]] = []
    for did in ids:
        old, new = content.before.get(did), content.after.get(did)
        known = new or old
        path = known.path if known else ""
        # Gone from the head (deleted, or its file now holds another id) rather than unreadable there.
        gone = new is None and path in paths and (
            paths[path].status == "deleted" or any(d.path == path for d in content.after.values()))
        if new is None and not gone:
            found.append((did, None))  # the head's file does not parse: changes cannot be shown yet
            continue
        diff = diff_documents(old, new)
        if not diff.empty:
            found.append((did, diff))
    unknown = tuple(sorted(p for p, c in paths.items() if p not in seen_paths and c.status != "deleted"))
    return found, unknown


def _order(base: Workspace) -> Callable[[str], tuple[int, str]]:
    order = {d: i for i, d in enumerate(base.process.document_order)}
    return lambda did: (order.get(did, len(order)), did)


def _is_document(path: str) -> bool:
    return is_managed(path) and kind_of(path) == FileKind.DOCUMENT


def _outside(content: PullContent) -> Iterable[str]:
    """Paths the PR changes that are not documents: the timeline, the registry, .github/, anything else."""
    for change in content.changes:
        for path in (change.path, change.old_path):
            if path and not _is_document(path) and not is_input_path(path):
                yield path


def _judge(base: Workspace, log: SubmissionLog, facts: PullFacts, did: str, head_diff: DocumentDiff | None,
           pins: Mapping[str, str], reader: _Reader, proposed: Document | None, now: datetime) -> DocumentReport:
    """One document of the input: its record (the window it falls in, pinned once judged, and the version that
    counts), and the verdict on the head. `head_diff` is what the head does to the document."""
    doc = base.document(did)
    version = doc.version if doc else (proposed.version if proposed else "")
    window = judged_window(base, did, version or None, log.receipts, pins.get(did))
    who = base.registry.by_user_id(facts.author_id)
    entered = Entered(login=facts.author_login, user_id=facts.author_id, stakeholder=who.id if who else None,
                      verified=True)
    record = make_record(base, Facts(
        name=f"pr-{facts.number}", number=facts.number, document=did, window=window, title=facts.title,
        body=facts.body,
        entered=entered, created=facts.created, head=facts.head_sha, receipts=log.receipts,
        acceptance=log.acceptance(base.registry), confirmed=log.confirmed(base.registry), now=now),
        reader.for_document(did))
    head = next(v for v in record.versions if v.sha == facts.head_sha)
    counted = record.version
    on_time = (Receipt(counted.sha, counted.received, counted.source or Source.EVENT)
               if counted is not None and counted.received is not None and counted.sha != head.sha else None)
    verdict = record.verdict
    if head.late and head.sha != record.counted and verdict in (Verdict.ON_TIME, Verdict.EARLY):
        verdict = Verdict.AMENDED_LATE  # the head came after the deadline; an earlier version is the one counted
    elif head.late and head.sha != record.counted and verdict == Verdict.LATE_ACCEPTED:
        verdict = Verdict.LATE  # pushed after the Presidency accepted an earlier version: this one is not accepted
    known = doc or proposed
    counted_diff = reader.for_document(did).changes(record.counted)[0] if record.counted else None
    diff = head_diff if record.counted in (None, facts.head_sha) else counted_diff or _remark_diff(did, record)
    return DocumentReport(id=did, title=known.title if known else did,
                          version=base.process.version_name(version) if version else "", diff=diff,
                          section_titles=_section_titles(base, known), window=window, verdict=verdict,
                          head=Receipt(head.sha, head.received or facts.received, head.source or facts.source),
                          on_time=on_time, record=record)


def _remark_diff(did: str, record: InputRecord) -> DocumentDiff:
    """A version that only remarks on the document: it touches the sections its remarks are about."""
    return DocumentDiff(did, (), tuple(dict.fromkeys(c.section for c in record.remarks if c.section)), {})


def _section_titles(base: Workspace, doc: Document | None) -> Mapping[str, str]:
    titles = dict(base.process.section_titles)
    if doc is not None:
        titles.update({s.id: s.title for s in doc.sections})
    return titles


def _policy(reports: Iterable[DocumentReport]) -> LatePolicy:
    """Close only when a window whose input is late says so; flagging is the default."""
    late = [r.window for r in reports if r.verdict == Verdict.LATE and r.window is not None]
    return LatePolicy.CLOSE if any(w.late_policy == LatePolicy.CLOSE for w in late) else LatePolicy.FLAG


def _presidency(base: Workspace) -> tuple[str, ...]:
    return tuple(a.login for s in base.registry.stakeholders if Role.ACCEPT_LATE in s.roles for a in s.accounts)


def _known_names(base: Workspace) -> frozenset[str]:
    """Every doc: and section: label the base allows; a PR can never name a new label."""
    names = {labels.doc(d) for d in base.documents}
    names.update(labels.section(s) for s in base.process.section_titles)
    names.update(labels.section(s.id) for d in base.documents.values() for s in d.sections)
    return frozenset(names)


def _labels(report: Report, known: frozenset[str]) -> set[str]:
    wanted: set[str] = set()
    for doc in report.documents:
        wanted.add(labels.doc(doc.id))
        wanted.update(labels.section(s) for s in (doc.diff.sections_touched if doc.diff else ()))
    wanted &= known
    if report.delegations:
        wanted.update(labels.category(s.category) for s in report.delegations)
    else:
        wanted.add(labels.UNREGISTERED)
    verdicts = {d.verdict for d in report.documents}
    if Verdict.LATE in verdicts:
        wanted.add(labels.LATE)
    if Verdict.LATE_ACCEPTED in verdicts:
        wanted.add(labels.LATE_ACCEPTED)
    if report.findings or report.unknown_files:
        wanted.add(labels.INVALID)
    if report.protected:
        wanted.add(labels.PROTECTED)
    return wanted


def _titles(base: Workspace, reports: Iterable[DocumentReport]) -> dict[str, str]:
    titles = {labels.doc(r.id): r.title for r in reports}
    titles.update({labels.section(k): v for k, v in base.process.section_titles.items()})
    for doc in base.documents.values():
        titles.update({labels.section(s.id): s.title for s in doc.sections})
    return titles


def _statuses(report: Report) -> tuple[CommitStatus, ...]:
    bad = len(report.findings) + len(report.unknown_files)
    validation = (CommitStatus(VALIDATION, StatusState.FAILURE, messages.validation_failed(bad)) if bad
                  else CommitStatus(VALIDATION, StatusState.SUCCESS, messages.validation_passed(len(report.documents))))
    late = report.verdict in (Verdict.LATE, Verdict.AMENDED_LATE)
    state = StatusState.FAILURE if late else StatusState.SUCCESS
    deadline = CommitStatus(DEADLINE, state, messages.deadline_status(report))
    return tuple(replace(s, description=labels.cap(s.description, MAX_STATUS_DESCRIPTION))
                 for s in (validation, deadline))


def _summary(report: Report, wanted: set[str]) -> str:
    docs = ", ".join(d.id for d in report.documents) or "no document"
    return f"#{report.number}: {docs}; {report.verdict}; labels {', '.join(sorted(wanted))}"


def _compact(log: SubmissionLog, base: Workspace) -> SubmissionLog:
    """Bound the hidden log: keep the first version, the last one before each deadline, and the newest ones."""
    if len(log.receipts) <= MAX_RECEIPTS:
        return log
    keep = {log.receipts[0].sha}
    for window in base.process.windows:
        last = log.last_before(window.closes) if window.closes else None
        if last is not None:
            keep.add(last.sha)
    newest = [r.sha for r in log.receipts if r.sha not in keep][-(MAX_RECEIPTS - len(keep)):]
    keep.update(newest)
    return replace(log, receipts=tuple(r for r in log.receipts if r.sha in keep))
