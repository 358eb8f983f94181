"""Building an input's one record: which version counts, and every fact of it, from git's and GitHub's facts.

The bot's triage, the summary, the freeze and everything downstream call `make_record`; nothing else decides
which version of an input counts, who it speaks for or what it says.

- **Receipts.** Each version's time is one GitHub recorded (the submission log, never a commit date). An
  attested time of receipt (an e-mail the support unit entered) dates the first version whose input files carry
  it, when the author holds record-input and the time is not later than the pull request's creation; the
  versions after it keep GitHub's times.
- **The version that counts.** While the window is open, the latest. After its deadline, the last version
  received by the deadline; a frozen window's manifest names it once and for all. A late version counts only
  when the Presidency accepted the input after receiving it. No version in time and no acceptance: the latest,
  late. Received before the window opened: early, and kept for the window.
- **Facts of that version.** Credit, remarks, justification and changes are read at the version that counts, so
  a push after the deadline cannot change whom an on-time input speaks for or what it said: it is a late version
  like any other.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Protocol

from msgspec import Struct
from msgspec.structs import replace

from ccmflow.compare.diff import Anchor, ChangeKind, DocumentDiff
from ccmflow.core import status
from ccmflow.core.errors import Finding
from ccmflow.core.inputfile import CHANGE_KINDS, NO_TEXT_KINDS, RECORD_ROLE, Channel, InputFile, InputKind
from ccmflow.core.model import Window, Workspace
from ccmflow.core.record import Entered, InputChange, InputRecord, Received
from ccmflow.core.status import Verdict
from ccmflow.core.submissions import Acceptance, Receipt, Source
from ccmflow.read.load import SourceFile
from ccmflow.triage.credit import attested_time, credit, read_files

UNLOGGED = ("the bot has not logged when this input arrived yet (the maintenance job syncs the ledger hourly)")
_COMMENT = re.compile(r"<!--.*?(-->|$)", re.DOTALL)
NOT_HERE = "the on-time version is not available locally: freeze the window (ccmflow freeze) so that it is kept"


class Versions(Protocol):
    """Reads an input's versions (commits) from git: the input files each adds, and what each does to a document
    (its diff, its problems, and where each paragraph it adds stands)."""

    def present(self, sha: str) -> bool: ...
    def files(self, sha: str) -> tuple[SourceFile, ...]: ...
    def changes(self, sha: str) -> tuple[DocumentDiff | None, tuple[Finding, ...], tuple[Anchor, ...]]: ...


class Facts(Struct, frozen=True, kw_only=True):
    """What git and GitHub know of one input to one document, before anything is judged."""

    name: str
    number: int | None
    document: str
    window: Window | None
    title: str
    body: str  # the pull request's description
    entered: Entered
    created: datetime | None  # when GitHub says the input was opened (bounds an attested time)
    head: str | None  # the current head (None: only a frozen copy is left)
    receipts: tuple[Receipt, ...] = ()  # the submission log's versions; () when the ledger does not know the input
    acceptance: Acceptance | None = None  # re-checked against the base registry by the caller
    confirmed: frozenset[str] = frozenset()  # delegations that confirmed co-sponsoring it (re-checked)
    frozen: Received | None = None  # the on-time version the window's freeze manifest keeps
    frozen_record: InputRecord | None = None  # the record the freeze kept (None: a manifest of schema 1)
    frozen_late: bool = False  # the freeze found no version received by the deadline
    now: datetime


def make_record(base: Workspace, facts: Facts, versions: Versions) -> InputRecord:
    """The record of one input to one document, judged against `facts.window` as of `facts.now`."""
    known = _versions(base, facts, versions)
    counted, verdict, note = _counts(facts, known)
    if counted is not None and facts.frozen_record is not None and counted.sha == facts.frozen_record.counted:
        return _from_frozen(facts, known)
    record = InputRecord(name=facts.name, number=facts.number, document=facts.document,
                         window=facts.window.id if facts.window else None, title=facts.title,
                         entered_by=facts.entered, delegations=(), versions=known,
                         counted=counted.sha if counted else None, verdict=verdict, note=note,
                         accepted=facts.acceptance if verdict == Verdict.LATE_ACCEPTED else None)
    if counted is None or not versions.present(counted.sha):
        return record
    credited = credit(versions.files(counted.sha), base, facts.entered.user_id, facts.created, facts.confirmed)
    diff, findings, placed = versions.changes(counted.sha)
    own = credited.for_document(facts.document)
    problems = tuple(str(f) for f in (*findings, *credited.findings))
    channel = next((r.channel for r in own), next((r.channel for r in credited.records), Channel.GITHUB))
    delegations = tuple(s.id for s in credited.delegations)
    if not delegations and facts.entered.stakeholder is not None:
        delegations = (facts.entered.stakeholder,)  # no input file (or one set aside): the author's own delegation
    return replace(record, delegations=delegations, proposed=tuple(s.id for s in credited.proposed),
                   channel=channel, reference=next((r.reference for r in own if r.reference), None),
                   changes=_changes(diff, own, placed), problems=problems,
                   justification=_justification(own, description(facts.body)))


def _from_frozen(facts: Facts, known: tuple[Received, ...]) -> InputRecord:
    """The frozen record, with the versions GitHub received since and the co-sponsors who confirmed since."""
    frozen = facts.frozen_record
    assert frozen is not None
    newly = tuple(d for d in frozen.proposed if d in facts.confirmed)
    return replace(frozen, versions=known, delegations=(*frozen.delegations, *newly),
                   proposed=tuple(d for d in frozen.proposed if d not in newly), title=facts.title or frozen.title,
                   entered_by=facts.entered if facts.entered.verified else frozen.entered_by, frozen=True)


def _versions(base: Workspace, facts: Facts, versions: Versions) -> tuple[Received, ...]:
    """Every version known, in order of receipt, late ones flagged; an attested time dates the first version
    whose files carry it."""
    closes = facts.window.closes if facts.window else None
    receipts = sorted(facts.receipts, key=lambda r: r.received)
    found = [Received(sha=r.sha, received=r.received, source=r.source) for r in receipts]
    frozen = facts.frozen
    if frozen is not None and frozen.sha not in {r.sha for r in found}:
        found.append(frozen)  # the frozen version outlives a log that lost it
    if not found and facts.head is not None:
        found.append(Received(sha=facts.head, received=None, source=None))
    found = _attest(base, facts, versions, found)
    found.sort(key=lambda v: (v.received is None, v.received or facts.now))
    # A version is made on time (late=False): only one received after the window closed is made again.
    return tuple(replace(v, late=True) if closes is not None and v.received is not None and v.received > closes
                 else v for v in found)


def _attest(base: Workspace, facts: Facts, versions: Versions, found: list[Received]) -> list[Received]:
    author = facts.entered.user_id
    if author is None or facts.created is None or not base.registry.may(author, RECORD_ROLE):
        return found
    for index, version in enumerate(found):
        if version.received is None or not versions.present(version.sha):
            continue
        records, _ = read_files(versions.files(version.sha), base)
        attested, _ = attested_time(records, base.registry, author, facts.created)
        if attested is not None:
            if attested < version.received:
                found[index] = replace(version, received=attested, source=Source.ATTESTED)
            break
    return found


def _counts(facts: Facts, known: tuple[Received, ...]) -> tuple[Received | None, Verdict, str]:
    """The version that counts, the verdict on the input, and why it is unknown when it is."""
    window = facts.window
    latest = known[-1] if known else None
    if latest is None:
        return None, Verdict.UNKNOWN, ""
    if window is None:
        return latest, Verdict.NO_WINDOW, ""
    if not facts.entered.verified:
        return latest, Verdict.UNKNOWN, ""  # commit dates are never used: only the ledger knows receipts
    closes = window.closes
    frozen = facts.frozen
    open_now = closes is None or facts.now <= closes
    if latest.received is None:
        if open_now and frozen is None:  # not logged yet, but it can only have arrived before now
            return latest, status.judge_in(window, facts.now).verdict, ""
        if facts.frozen_late and facts.acceptance is None:
            return latest, Verdict.LATE, ""
        return latest, Verdict.UNKNOWN, UNLOGGED
    accepted = _accepted(facts.acceptance, known, closes)
    if accepted is not None:
        return accepted, Verdict.LATE_ACCEPTED, ""
    if frozen is not None:
        on_time: Received | None = next((v for v in known if v.sha == frozen.sha), frozen)
    elif open_now:
        on_time = latest
    else:
        on_time = _last_by(known, closes)
    if on_time is None:
        return latest, Verdict.LATE, ""
    assert on_time.received is not None
    return on_time, status.judge_in(window, on_time.received).verdict, ""


def _accepted(acceptance: Acceptance | None, known: Iterable[Received], closes: datetime | None) -> Received | None:
    """The late version the Presidency accepted: the last received before its acceptance, when after the deadline."""
    if acceptance is None or closes is None:
        return None
    found = _last_by(known, acceptance.at)
    return found if found is not None and found.received is not None and found.received > closes else None


def _last_by(known: Iterable[Received], instant: datetime | None) -> Received | None:
    """The last version received by `instant` (known is in order of receipt)."""
    timed = [v for v in known if v.received is not None and (instant is None or v.received <= instant)]
    return timed[-1] if timed else None


_KINDS = {ChangeKind.ADDED: InputKind.INSERT, ChangeKind.REMOVED: InputKind.DELETE,
          ChangeKind.MODIFIED: InputKind.AMEND, ChangeKind.MOVED: InputKind.MOVE}


def _changes(diff: DocumentDiff | None, own: Sequence[InputFile], placed: Sequence[Anchor]) -> tuple[InputChange, ...]:
    """What the version asks of the document: its paragraph changes in document order, then its remarks."""
    said, after = _reasons(own)
    follows = {a.id: a.after for a in placed}
    found: list[InputChange] = []
    for change in diff.changes if diff is not None else ():
        kind = _KINDS[change.change]
        why = after.get(follows.get(change.id) or "", "") if kind == InputKind.INSERT else said.get(change.id, "")
        found.append(InputChange(kind=kind, paragraphs=(change.id,), section=change.section, justification=why))
        if change.moved and kind == InputKind.AMEND:
            found.append(InputChange(kind=InputKind.MOVE, paragraphs=(change.id,), section=change.section))
    for record in own:
        if record.kind in NO_TEXT_KINDS:  # a remark, or a position on the record citing paragraphs
            found.append(InputChange(kind=record.kind, section=record.section,
                                     paragraphs=(record.paragraph,) if record.paragraph else record.paragraphs,
                                     justification=record.justification or "", text=record.remark or ""))
    return tuple(found)


def _reasons(own: Sequence[InputFile]) -> tuple[dict[str, str], dict[str, str]]:
    """The justification given per paragraph amended or deleted, and per paragraph a new one is inserted after
    (a Word comment is one change's)."""
    said: dict[str, str] = {}
    after: dict[str, str] = {}
    for record in own:
        single = ((record.kind, record.paragraph, record.justification),) if record.kind in CHANGE_KINDS else ()
        several = tuple((c.kind, c.paragraph, c.justification) for c in record.changes)
        for kind, paragraph, why in (*single, *several):
            if paragraph and why:
                (after if kind == InputKind.INSERT else said).setdefault(paragraph, why)
    return said, after


def description(body: str) -> str:
    """A pull request's description as the delegation wrote it: hidden template comments removed, trimmed."""
    return _COMMENT.sub("", body or "").strip()


def _justification(own: Sequence[InputFile], body: str) -> str:
    """Why the input is made, in the delegation's words: its input files' justification, else the description of
    the pull request (a delegation's own pull request has no input file)."""
    given = [r.justification for r in own if r.justification]
    given += [c.justification for r in own for c in r.changes if c.justification]
    if given:
        return "\n\n".join(dict.fromkeys(given))
    return "" if own else body


def judged_window(base: Workspace, document: str, version: str | None, receipts: Sequence[Receipt],
                   pinned: str | None) -> Window | None:
    """The window an input to `document` falls in: the one it was first judged in, else the one its first
    version fell in."""
    window = base.process.window(pinned) if pinned else None
    if window is not None and window.document == document:
        return window
    first = min((r.received for r in receipts), default=None)
    if first is None:
        return None
    return status.judge(base.process, document, first, version=version).window
