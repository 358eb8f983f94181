"""The inputs to one document in one window, read offline from local refs, the inputs ledger and freeze refs.

An input is a commit at a ref (`refs/pull/<n>/head` as `git fetch` brings them, or any ref pattern). Who sent
it and when come only from the ledger the bot keeps (times GitHub set, never commit dates); a ref the ledger
does not know is shown with its commit author as unverified and its timing unknown. Once a window is frozen,
the frozen on-time head counts and anything pushed later is shown as a late change.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from ccmflow.compare.diff import DocumentDiff
from ccmflow.core import status
from ccmflow.core.categories import Category
from ccmflow.core.errors import FatalError, Finding
from ccmflow.core.inputfile import InputFile, InputKind
from ccmflow.core.model import Document, Process, Stakeholder, Window, Workspace
from ccmflow.core.status import Verdict
from ccmflow.core.submissions import SubmissionLog
from ccmflow.inputs import DEFAULT_REFS
from ccmflow.inputs.basecache import BaseCache
from ccmflow.inputs.examine import Examined, Examiner, cache_path
from ccmflow.inputs.facts import InputFacts, read_facts
from ccmflow.inputs.freeze import belongs
from ccmflow.repo.git import GitError, Repository, ref_names
from ccmflow.repo.inputref import FETCH_HINT, input_name, pull_number, ref_commit
from ccmflow.repo.ledger import FrozenInput, InputRecord, Ledger, Manifest, freeze_ref, read_ledger, read_manifest
from ccmflow.repo.store import Store
from ccmflow.triage.credit import Credit, attest_log, credit

_FROZEN = re.compile(r"^refs/ccmflow/[^/]+/pr-(\d+)$")
_COMMENT = re.compile(r"<!--.*?(-->|$)", re.DOTALL)
Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class Author:
    """Who an input speaks for; `verified` when the identity comes from GitHub through the ledger."""

    login: str
    user_id: int | None
    stakeholder: Stakeholder | None
    verified: bool
    # Every delegation the input is made for, from its input record (a joint input names several); when set,
    # they are credited, not the account that opened it (the ISU entering an e-mail, one of a group).
    credited: tuple[Stakeholder, ...] = ()

    @property
    def delegations(self) -> tuple[Stakeholder, ...]:
        return self.credited or ((self.stakeholder,) if self.stakeholder is not None else ())

    @property
    def name(self) -> str:
        if self.credited:
            return ", ".join(s.name for s in self.credited)
        if self.stakeholder is not None:
            return self.stakeholder.name
        return f"{self.login} (unregistered)" if self.verified else f"{self.login} (unverified)"

    @property
    def category(self) -> str:
        """The first credited delegation's category (a joint input is counted once)."""
        if self.credited:
            return self.credited[0].category
        if self.stakeholder is not None:
            return self.stakeholder.category
        return Category.UNREGISTERED if self.verified else Category.UNVERIFIED


@dataclass(frozen=True, slots=True)
class Input:
    """One input as the summary shows it: the version that counts, its timing and what it changes."""

    name: str  # pr-12, or the ref's short name for a branch
    number: int | None
    ref: str
    sha: str  # the version that counts (the on-time head once the window has closed)
    head: str | None  # the ref's current head (None: only the frozen copy is left)
    title: str
    remarks: str
    author: Author
    received: datetime | None
    timing: Verdict  # on-time | late | late-accepted | unknown
    frozen: bool
    later: str | None  # a newer head that does not count (received after the deadline)
    later_received: datetime | None
    examined: Examined
    note: str = ""
    records: tuple[InputFile, ...] = ()  # the input's records for this document (documents/inputs/)

    @property
    def general_remarks(self) -> tuple[InputFile, ...]:
        return tuple(r for r in self.records if r.kind == InputKind.REMARK)

    @property
    def diff(self) -> DocumentDiff | None:
        return self.examined.diff

    @property
    def findings(self) -> tuple[Finding, ...]:
        return self.examined.findings

    @property
    def invalid(self) -> bool:
        return bool(self.examined.findings) or self.examined.diff is None


@dataclass(frozen=True, slots=True)
class Inputs:
    """Every input to a document in a window, with what was left out and why."""

    document: Document
    workspace: Workspace
    window: Window | None
    base: str
    now: datetime
    manifest: Manifest | None
    inputs: tuple[Input, ...]
    elsewhere: tuple[str, ...]  # inputs judged in another window
    withdrawn: tuple[str, ...]  # closed or merged according to the ledger
    missing: tuple[str, ...]  # open in the ledger but no local ref (fetch refs/pull/*/head)
    computed: int  # inputs examined afresh (the rest came from the cache)
    refs: str = DEFAULT_REFS  # the pattern of refs read as inputs
    refs_found: int = 0  # refs matching it here (with frozen copies of refs gone)

    @property
    def valid(self) -> tuple[Input, ...]:
        return tuple(i for i in self.inputs if not i.invalid)

    @property
    def nothing_fetched(self) -> str | None:
        """Why no input is shown when no ref here matches the pattern (a fresh clone), and what to run."""
        if self.refs_found:
            return None
        if _pattern_covers_pulls(self.refs):
            return ("no input is here: no ref matches refs/pull/*/head, because git clone does not fetch pull "
                    f"requests. Fetch them, with the bot's ledger and freeze refs, and run this again: {FETCH_HINT}")
        return f"no input is here: no ref matches {self.refs}"


def current_window(process: Process, document: Document, now: datetime) -> Window | None:
    """The window for the document's current version: open now, else the last to close, else the next one."""
    windows = status.windows_for(process, document.id, document.version)
    states = [status.window_state(w, now) for w in windows]
    opened = [s.window for s in states if s.state == "open"]
    if opened:
        return opened[0]
    closed = [s.window for s in states if s.state == "closed"]
    if closed:
        return max(closed, key=lambda w: w.closes or now)
    return windows[0] if windows else None


def collect(store: Store, document_id: str, *, window_id: str | None = None, refs: str = DEFAULT_REFS,
            base: str = "HEAD", now: datetime | None = None, progress: Progress | None = None,
            cache: bool = True, ledger: Ledger | None = None, open_numbers: Collection[int] | None = None,
            kept: BaseCache | None = None) -> Inputs:
    """The inputs to a document, from local refs matching `refs`, judged against its window.

    `ledger` replaces the one at refs/ccmflow/ledger (the bot passes a fresher one); `open_numbers`, when
    given, are the pull requests open now: a refs/pull/<n>/head of any other is a closed input. `kept` is the
    base's cache when the caller has opened it already (for the base workspace, before calling this).
    """
    now = now or datetime.now(UTC)
    base_commit = store.commit(base)
    if kept is None or kept.commit.id != base_commit.id:
        kept = BaseCache(store, base_commit, enabled=cache)
    workspace = kept.workspace()
    document = workspace.document(document_id)
    if document is None:
        raise FatalError(f"no document '{document_id}' at {base} (known: {', '.join(sorted(workspace.documents))})")
    window = _window(workspace.process, document, window_id, now)
    manifest = read_manifest(store.repo, window.id) if window is not None else None
    ledger = ledger if ledger is not None else read_ledger(store.repo)
    examiner = Examiner(store, document, base_commit, cache_path(store.repo, document_id) if cache else None, kept)
    candidates = _candidates(store.repo, refs, manifest)
    collector = _Collector(store.repo, workspace, window, manifest, ledger, examiner, now,
                           frozenset(open_numbers) if open_numbers is not None else None)
    # Git first (heads, ledger entries, input records, commits), then the judgement on that plain data, then
    # git again for the diffs of the versions that count, then the inputs put together: no back and forth.
    facts = [f for f in (collector.facts(ref, head) for ref, head in candidates) if f is not None]
    judged = [j for j in map(collector.judge, facts) if j is not None]
    examined: list[Examined] = []
    for done, (_, version, _) in enumerate(judged, 1):
        examined.append(examiner.examine(version.sha))
        if progress is not None:
            progress(done, len(judged))
    for (fact, version, credited), result in zip(judged, examined, strict=True):
        collector.add(fact, version, credited, result)
    examiner.save()
    kept.save()
    seen = {i.number for i in collector.inputs if i.number is not None} | collector.skipped
    missing = tuple(input_name(r.number) for r in ledger.inputs if r.state == "open" and r.number not in seen
                    and _pattern_covers_pulls(refs) and belongs(r, document_id, window, strict=True))
    return Inputs(document, workspace, window, str(base_commit.id), now, manifest, tuple(collector.inputs),
                  tuple(collector.elsewhere), tuple(collector.withdrawn), missing, examiner.computed, refs,
                  len(candidates))


def _window(process: Process, document: Document, window_id: str | None, now: datetime) -> Window | None:
    if window_id is None:
        return current_window(process, document, now)
    window = process.window(window_id)
    if window is None or window.document != document.id:
        known = ", ".join(w.id for w in process.windows_for(document.id)) or "none"
        raise FatalError(f"no window '{window_id}' for {document.id} (its windows: {known})")
    return window


def _pattern_covers_pulls(pattern: str) -> bool:
    return fnmatch.fnmatchcase("refs/pull/1/head", pattern)


def _candidates(repo: Repository, pattern: str, manifest: Manifest | None) -> list[tuple[str, str | None]]:
    """(ref, head) pairs to examine; frozen inputs whose ref is gone come back from their freeze ref."""
    found: list[tuple[str, str | None]] = []
    numbers: set[int] = set()
    for name in ref_names(repo):
        if not fnmatch.fnmatchcase(name, pattern):
            continue
        try:
            target = ref_commit(repo, name)
        except (GitError, ValueError, KeyError):
            continue
        found.append((name, str(target)))
        number = pull_number(name)
        if number is not None:
            numbers.add(number)
    if manifest is not None and _pattern_covers_pulls(pattern):
        for frozen in manifest.inputs:
            if frozen.number not in numbers and frozen.sha is not None:
                found.append((freeze_ref(manifest.window, frozen.number), None))
    return sorted(found, key=lambda item: _sort_key(item[0]))


def _sort_key(ref: str) -> tuple[int, str]:
    number = _number(ref)
    return (number, "") if number is not None else (1 << 30, ref)


def _number(ref: str) -> int | None:
    """The pull request number of refs/pull/<n>/head or of a freeze ref; None for any other ref."""
    number = pull_number(ref)
    if number is not None:
        return number
    match = _FROZEN.match(ref)
    return int(match.group(1)) if match else None


def remarks(body: str) -> str:
    """The PR description as general remarks: hidden template comments removed, whitespace trimmed."""
    return _COMMENT.sub("", body or "").strip()


@dataclass(frozen=True, slots=True)
class _Version:
    sha: str
    timing: Verdict
    received: datetime | None
    later: str | None = None
    later_received: datetime | None = None
    note: str = ""


class _Collector:
    def __init__(self, repo: Repository, workspace: Workspace, window: Window | None,
                 manifest: Manifest | None, ledger: Ledger, examiner: Examiner, now: datetime,
                 open_numbers: frozenset[int] | None) -> None:
        self.repo, self.workspace, self.window, self.manifest = repo, workspace, window, manifest
        self.ledger, self.examiner, self.now, self.open_numbers = ledger, examiner, now, open_numbers
        self.inputs: list[Input] = []
        self.elsewhere: list[str] = []
        self.withdrawn: list[str] = []
        self.skipped: set[int] = set()
        self._accounts: dict[int, Stakeholder] | None = None

    def facts(self, ref: str, head: str | None) -> InputFacts | None:
        """The git facts of a candidate ref; None (noted) when the ledger places it elsewhere or it is closed."""
        number = _number(ref)
        record = self.ledger.get(number) if number is not None else None
        frozen = self.manifest.get(number) if self.manifest is not None and number is not None else None
        name = _name(ref, number)
        if record is not None and not belongs(record, self.examiner.document.id, self.window):
            self.elsewhere.append(name)
            self.skipped.add(record.number)
            return None
        closed = record is not None and record.state != "open"
        if number is not None and (closed or (self.open_numbers is not None and number not in self.open_numbers)):
            self.withdrawn.append(name)
            self.skipped.add(number)
            return None
        return read_facts(self.repo, self.examiner.base, ref, head, number, record, frozen)

    def judge(self, facts: InputFacts) -> tuple[InputFacts, _Version, Credit] | None:
        """Which version counts and who is credited, from the facts alone."""
        record = facts.record
        credited = self._credit(facts)
        if record is not None and credited.attested is not None:
            record = replace(record, log=attest_log(record.log, credited.attested))
        version = self._version(record, facts.frozen, facts.head, facts.present)
        if version is None:
            return None
        return replace(facts, record=record), version, credited

    def add(self, facts: InputFacts, version: _Version, credited: Credit, examined: Examined) -> None:
        """The input as the summary shows it, once the version that counts has been examined."""
        record, frozen, number = facts.record, facts.frozen, facts.number
        own = credited.for_document(self.examiner.document.id)
        if not examined.touches and any(r.kind == InputKind.REMARK for r in own):
            sections = tuple(dict.fromkeys(r.section for r in own if r.kind == InputKind.REMARK and r.section))
            examined = replace(examined, touches=True, diff=DocumentDiff(self.examiner.document.id, (), sections, {}))
        if credited.findings and own:
            examined = replace(examined, findings=(*examined.findings, *credited.findings))
        if not examined.touches:
            if number is not None:
                self.skipped.add(number)
            return
        title = record.title if record is not None else self._subject(facts, version.sha)
        body = record.body if record is not None else ""
        author = replace(self._author(facts, version.sha), credited=credited.delegations)
        self.inputs.append(Input(
            _name(facts.ref, number), number, facts.ref, version.sha, facts.head, title, remarks(body), author,
            version.received, version.timing, frozen is not None, version.later, version.later_received,
            examined, version.note, own))

    def _credit(self, facts: InputFacts) -> Credit:
        """The input's records at its current head, checked against the base registry and its author."""
        if not facts.input_files:
            return Credit((), (), ())
        record, frozen = facts.record, facts.frozen
        author = record.author_id if record is not None else frozen.author_id if frozen is not None else None
        created = record.created_at if record is not None else None
        return credit(facts.input_files, self.workspace, author, created)

    def _version(self, record: InputRecord | None, frozen: FrozenInput | None, head: str | None,
                 present: frozenset[str]) -> _Version | None:
        """Which version counts, and its timing (see the module docstring)."""
        closes = self.window.closes if self.window is not None else None
        if record is None and frozen is None:
            return _Version(head, Verdict.UNKNOWN, None) if head is not None else None
        log = record.log if record is not None else SubmissionLog(frozen.number if frozen else 0)
        current = head or (frozen.latest_sha if frozen is not None else None)
        if closes is None or (self.now <= closes and frozen is None):
            receipt = log.receipt(current) if current else None
            return _Version(current, Verdict.ON_TIME, receipt.received if receipt else None) if current else None
        if not log.receipts and frozen is None:
            return _Version(current, Verdict.UNKNOWN, None, note="the bot has not logged when this input arrived yet "
                            "(the maintenance job syncs the ledger hourly)") if current else None
        on_time = log.last_before(closes)
        sha, received = (on_time.sha, on_time.received) if on_time is not None else (None, None)
        if frozen is not None:
            sha, received = frozen.sha, frozen.received
        acceptance = log.acceptance(self.workspace.registry)  # only from someone who may accept, now
        accepted = log.last_before(acceptance.at) if acceptance is not None else None
        if accepted is not None and accepted.received > closes:
            return self._later(_Version(accepted.sha, Verdict.LATE_ACCEPTED, accepted.received), current, log)
        if sha is not None:
            if sha not in present:
                return _Version(current, Verdict.UNKNOWN, None, note="the on-time version is not available locally: "
                                "freeze the window (ccmflow freeze) so that it is kept") if current else None
            return self._later(_Version(sha, Verdict.ON_TIME, received), current, log)
        if current is None:
            return None
        receipt = log.receipt(current)
        return _Version(current, Verdict.LATE, receipt.received if receipt else None)

    def _later(self, version: _Version, current: str | None, log: SubmissionLog) -> _Version:
        if current is None or current == version.sha:
            return version
        receipt = log.receipt(current)
        return _Version(version.sha, version.timing, version.received, current,
                        receipt.received if receipt else None, version.note)

    def _author(self, facts: InputFacts, sha: str) -> Author:
        record, frozen = facts.record, facts.frozen
        if record is not None:
            return Author(record.author_login, record.author_id, self._stakeholder(record.author_id), True)
        if frozen is not None:
            return Author(frozen.author_login, frozen.author_id, self._stakeholder(frozen.author_id), True)
        return Author(facts.commits[sha].author, None, None, False)

    def _stakeholder(self, user_id: int) -> Stakeholder | None:
        """Who an account speaks for, by numeric id (one index of the registry, not a search per input)."""
        if self._accounts is None:
            self._accounts = {}
            for stakeholder in reversed(self.workspace.registry.stakeholders):  # the first listed wins
                self._accounts.update({a.id: stakeholder for a in stakeholder.accounts})
        return self._accounts.get(user_id)

    def _subject(self, facts: InputFacts, sha: str) -> str:
        return facts.commits[sha].subject


def _name(ref: str, number: int | None) -> str:
    return input_name(number) if number is not None else ref.removeprefix("refs/heads/").removeprefix("refs/")
