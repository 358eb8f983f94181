"""Inputs by every channel, of every kind and timing, in one process repository; and what each one should be.

A `Case` is one input: how it came in (a delegation's own pull request, the issue form, the support unit
entering an e-mail with or without an attested time, a marked-up Word file), what it asks for, and when it
arrived. `build` makes its versions as git commits and its ledger entry as the bot keeps it; `expect` says,
from the case alone (never from ccmflow's own code), who it must be credited to, when it counts as received,
its verdict, what it asks for and why.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from gitutil import commit, tag
from inputkit import REVIEW, Process
from msgspec import Struct
from msgspec.structs import replace

from ccmflow.core.inputfile import Channel, InputKind
from ccmflow.core.status import Verdict
from ccmflow.core.submissions import Acceptance, Confirmation, Source, SubmissionLog
from ccmflow.propose.build import Edit, Proposal
from ccmflow.propose.build import build as build_proposal
from ccmflow.repo.ledger import LedgerEntry

DOCUMENT = "review-document"
WINDOW = "review-zero-draft-input"
DEADLINE = datetime(2020, 5, 4, 21, 59, 59, tzinfo=UTC)  # 4 May 2020, 23:59:59 CEST
OPENS = datetime(2020, 4, 14, 22, 0, tzinfo=UTC)  # 15 April 2020, 00:00 CEST
ACCEPTED_AT = datetime(2020, 5, 6, 17, 0, tzinfo=UTC)
BEFORE_FREEZE = datetime(2020, 5, 7, 12, 0, tzinfo=UTC)  # after the deadline, the window not frozen yet
AFTER_FREEZE = datetime(2020, 5, 10, 12, 0, tzinfo=UTC)
ISU = ("isu", 39084516, "ccm-isu")
PRESIDENCY = (48213907, "ch-presidency-ccm")
# Delegations and their first account, in the order cases take them.
DELEGATIONS = (("austria", 27361048, "at-mission-geneva"), ("chile", 60418273, "cl-mission-geneva"),
               ("france", 18572639, "fr-cd-geneve"), ("kenya", 47039185, "ke-mission-geneva"),
               ("mexico", 36184025, "mx-mission-geneva"), ("icrc", 31275846, "icrc-weapons-unit"),
               ("cmc", 19736205, "cmc-stopclustermunitions"), ("finland", 26483719, "fi-mission-geneva"),
               ("indonesia", 38516274, "id-mission-geneva"), ("iraq", 64128357, "iq-mission-geneva"),
               ("japan", 45372918, "jp-cd-delegation"), ("serbia", 58364102, "rs-mission-geneva"))


class Way(StrEnum):
    """How the input came in."""

    PULL_REQUEST = "pull-request"  # a delegation's own pull request
    FORM = "issue-form"  # the issue form; the bot opened the pull request, the issue's author is credited
    EMAIL = "e-mail"  # the support unit entered an e-mail, attesting when it was received
    EMAIL_UNDATED = "e-mail-undated"  # the support unit entered an e-mail without a time of receipt
    WORD = "word"  # a marked-up Word file: several changes, each with its justification


class Kind(StrEnum):
    AMEND = "amend"
    INSERT = "insert"
    DELETE = "delete"
    REMARK = "remark"
    JOINT = "joint"  # an amendment for two delegations (the second confirms it)
    CHANGES = "changes"  # the Word file's: an amendment and an insertion


class When(StrEnum):
    EARLY = "early"  # before the window opened
    ON_TIME = "on-time"
    LATE = "late"
    ACCEPTED = "late-accepted"
    ATTESTED = "attested-entered-late"  # e-mailed before the deadline, entered after it
    REPUSHED = "on-time-then-late"  # on time, then pushed again after the deadline (text, credit and reasons)


class Case(Struct, frozen=True):
    way: Way
    kind: Kind
    when: When
    minute: int = 0  # spreads receipt times apart

    @property
    def label(self) -> str:
        return f"{self.way}/{self.kind}/{self.when}"


def matrix() -> list[Case]:
    """Every combination that can happen: a Word file is always several changes, and only the support unit can
    attest a time of receipt."""
    kinds = (Kind.AMEND, Kind.INSERT, Kind.DELETE, Kind.REMARK, Kind.JOINT)
    timings = (When.EARLY, When.ON_TIME, When.LATE, When.ACCEPTED, When.REPUSHED)
    cases = [Case(w, k, t) for w in (Way.PULL_REQUEST, Way.FORM, Way.EMAIL, Way.EMAIL_UNDATED)
             for k in kinds for t in timings]
    cases += [Case(Way.EMAIL, k, When.ATTESTED) for k in kinds]
    cases += [Case(Way.WORD, Kind.CHANGES, t) for t in (*timings, When.ATTESTED)]
    return [replace(c, minute=i) for i, c in enumerate(cases)]


class Expect(Struct, frozen=True):
    """What every output must say of one input."""

    credit: tuple[str, ...]  # registry ids, the lead first
    received: datetime
    verdict: Verdict
    kinds: frozenset[InputKind]
    justification: str  # the input's justification, as a whole
    reasons: tuple[str, ...]  # the justification of each change, where the input gives one per change
    attested: bool


@dataclass
class Built:
    case: Case
    number: int
    expect: Expect
    paragraphs: tuple[str, ...]  # the base paragraphs its counted version changes (or remarks on)


@dataclass
class Scenario:
    """A process repository with one pull request per case, and the ledger the bot would have written."""

    proc: Process
    built: dict[int, Built] = field(default_factory=dict)

    def by_number(self, number: int) -> Built:
        return self.built[number]


def _received(case: Case) -> tuple[datetime, datetime | None]:
    """When GitHub received the first version, and when the e-mail behind it was received (attested)."""
    step = timedelta(minutes=case.minute)
    if case.when == When.EARLY:
        return datetime(2020, 4, 10, 8, tzinfo=UTC) + step, None
    if case.when in (When.ON_TIME, When.REPUSHED):
        return datetime(2020, 4, 20, 8, tzinfo=UTC) + step, None
    if case.when == When.ATTESTED:
        return datetime(2020, 5, 6, 8, tzinfo=UTC) + step, datetime(2020, 5, 4, 14, tzinfo=UTC) + step
    return datetime(2020, 5, 6, 8, tzinfo=UTC) + step, None


def _delegations(case: Case) -> tuple[tuple[str, int, str], ...]:
    lead = DELEGATIONS[case.minute % len(DELEGATIONS)]
    if case.kind != Kind.JOINT:
        return (lead,)
    return lead, DELEGATIONS[(case.minute + 5) % len(DELEGATIONS)]


def _author(case: Case) -> tuple[int, str]:
    if case.way in (Way.EMAIL, Way.EMAIL_UNDATED, Way.WORD):
        return ISU[1], ISU[2]
    _, user_id, login = _delegations(case)[0]
    return user_id, login


def _justification(case: Case, version: int) -> str:
    return f"Why {case.label} asks this (version {version})."


def expect(case: Case, paragraphs: Sequence[str]) -> Expect:
    """What the input is, from the case alone."""
    received, attested = _received(case)
    counted = attested if attested is not None else received
    verdict = {When.EARLY: Verdict.EARLY, When.ON_TIME: Verdict.ON_TIME, When.LATE: Verdict.LATE,
               When.ACCEPTED: Verdict.LATE_ACCEPTED, When.ATTESTED: Verdict.ON_TIME,
               When.REPUSHED: Verdict.ON_TIME}[case.when]
    kinds = {Kind.AMEND: {InputKind.AMEND}, Kind.INSERT: {InputKind.INSERT}, Kind.DELETE: {InputKind.DELETE},
             Kind.REMARK: {InputKind.REMARK}, Kind.JOINT: {InputKind.AMEND},
             Kind.CHANGES: {InputKind.AMEND, InputKind.INSERT}}[case.kind]
    if case.kind == Kind.CHANGES:
        reasons = (f"{_justification(case, 1)} (first change)", f"{_justification(case, 1)} (second change)")
        justification = "\n\n".join(reasons)
    else:
        reasons = ()
        justification = _justification(case, 1)
    return Expect(credit=tuple(d for d, _, _ in _delegations(case)), received=counted, verdict=verdict,
                  kinds=frozenset(kinds), justification=justification, reasons=reasons,
                  attested=attested is not None)


def _targets(base: Sequence[str], case: Case) -> tuple[str, str]:
    """Two paragraphs of the base for the case: spread over the document."""
    first = base[(case.minute * 7) % len(base)]
    second = base[(case.minute * 7 + 3) % len(base)]
    return first, second


def _proposal(case: Case, version: int, targets: tuple[str, str], numbers: dict[str, str]) -> Proposal:
    who = tuple(d for d, _, _ in _delegations(case))
    if version > 1 and case.way != Way.PULL_REQUEST:
        who = (*who, "serbia" if "serbia" not in who else "japan")  # a late change of credit: it must not count
    text = f"Text proposed by {case.label}, version {version}."
    reason = _justification(case, version)
    first, second = (numbers[p] for p in targets)
    channel = {Way.PULL_REQUEST: Channel.GITHUB, Way.FORM: Channel.ISSUE_FORM}.get(case.way, Channel.EMAIL)
    _, attested = _received(case)
    common = {"document": DOCUMENT, "on_behalf_of": who, "channel": channel,
              "received": attested if case.way in (Way.EMAIL, Way.WORD) and version == 1 else None,
              "reference": f"E-mail {case.minute}" if channel == Channel.EMAIL else None,
              "issue": 1000 + case.minute if case.way == Way.FORM else None}
    if case.kind == Kind.CHANGES:
        edits = (Edit(InputKind.AMEND, first, text, f"{reason} (first change)"),
                 Edit(InputKind.INSERT, second, f"{text} A new paragraph.", f"{reason} (second change)"))
        return Proposal(kind=InputKind.CHANGES, edits=edits, **common)  # type: ignore[arg-type]
    if case.kind == Kind.REMARK:
        return Proposal(kind=InputKind.REMARK, paragraph=first, remark=f"Views of {case.label} ({version}).",
                        justification=reason, **common)  # type: ignore[arg-type]
    kind = {Kind.AMEND: InputKind.AMEND, Kind.JOINT: InputKind.AMEND, Kind.INSERT: InputKind.INSERT,
            Kind.DELETE: InputKind.DELETE}[case.kind]
    return Proposal(kind=kind, paragraph=first, text=None if kind == InputKind.DELETE else text,
                    justification=reason, **common)  # type: ignore[arg-type]


def _only_document(files: dict[str, str]) -> dict[str, str]:
    """A delegation's own pull request of a text change carries no input file: the description is its reason."""
    return {path: text for path, text in files.items() if not path.startswith("documents/inputs/")}


def build(proc: Process, cases: Iterable[Case]) -> Scenario:
    """Each case as a pull request (numbered from 1) with its versions, and the ledger the bot keeps."""
    scenario = Scenario(proc)
    tag(proc.repo, f"{DOCUMENT}/zero-draft", proc.base)  # as ccmflow init tags each document's first version
    workspace = proc.store.require(str(proc.base))
    document = workspace.documents[DOCUMENT]
    numbers = document.numbers()
    # Paragraphs no other document refers to: deleting one of those would make the input invalid.
    referred = {r.split("#", 1)[1] for d in workspace.documents.values() for _, p in d.walk() for r in p.references}
    base_ids = [p.id for _, p in document.walk() if p.id not in referred]
    base_text = proc.text(REVIEW)
    for number, case in enumerate(cases, 1):
        targets = _targets(base_ids, case)
        received, _ = _received(case)
        user_id, login = _author(case)
        # The bot pins the window each input falls in, as triage judged it.
        log = SubmissionLog(number, window=WINDOW, cosponsors=_confirmations(case, received))
        parent = proc.base
        versions = [(1, received)] + ([(2, datetime(2020, 5, 6, 10, tzinfo=UTC) + timedelta(minutes=case.minute))]
                                      if case.when == When.REPUSHED else [])
        sha = ""
        for version, at in versions:
            made = build_proposal(workspace, base_text, _proposal(case, version, targets, numbers),
                                  f"case-{number}")
            files = dict(made.files)
            own_pr = case.way == Way.PULL_REQUEST and case.kind not in (Kind.REMARK, Kind.JOINT)
            sha = str(commit(proc.repo, _only_document(files) if own_pr else files,
                             f"Input {number}, version {version}", branch=None, parents=[parent]))
            log = log.record(sha, at, Source.PR_CREATED if version == 1 else Source.EVENT)
        if case.when == When.ACCEPTED:
            log = replace(log, accepted=Acceptance(PRESIDENCY[0], PRESIDENCY[1], ACCEPTED_AT))
        proc.pull(number, sha)
        own_pr = case.way == Way.PULL_REQUEST and case.kind not in (Kind.REMARK, Kind.JOINT)
        proc.records[number] = LedgerEntry(
            number=number, title=f"Input {number} ({case.label})",
            body=_justification(case, 1) if own_pr else "Entered on the delegation's behalf.",
            author_id=user_id, author_login=login, created_at=received, state="open", head_sha=sha, log=log)
        paragraphs = targets if case.kind == Kind.CHANGES else targets[:1]
        scenario.built[number] = Built(case, number, expect(case, paragraphs), paragraphs)
    proc.sync()
    return scenario


def _confirmations(case: Case, at: datetime) -> tuple[Confirmation, ...]:
    """A joint input made from a delegate's account is credited to the partner once the partner confirms it."""
    if case.kind != Kind.JOINT or case.way not in (Way.PULL_REQUEST, Way.FORM):
        return ()
    partner = _delegations(case)[1]
    return (Confirmation(delegation=partner[0], by_id=partner[1], by_login=partner[2], at=at),)


def pairs(cases: Sequence[Case]) -> Iterable[tuple[Case, Case]]:
    return itertools.combinations(cases, 2)
