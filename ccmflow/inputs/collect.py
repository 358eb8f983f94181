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
from datetime import UTC, datetime

from msgspec import Struct
from msgspec.structs import replace

from ccmflow.compare.diff import DocumentDiff
from ccmflow.core import status
from ccmflow.core.errors import FatalError, Finding
from ccmflow.core.inputfile import INPUTS_DIR
from ccmflow.core.model import Document, Process, Window, Workspace
from ccmflow.core.record import InputRecord, PullState, credit_category, credit_name, names_of
from ccmflow.core.status import Verdict, WindowPhase
from ccmflow.inputs import DEFAULT_REFS
from ccmflow.inputs.basecache import BaseCache
from ccmflow.inputs.examine import Examined, Examiner, cache_path
from ccmflow.inputs.freeze import belongs
from ccmflow.inputs.records import GitVersions, facts_of
from ccmflow.repo.inputref import FETCH_HINT, input_name, pull_number
from ccmflow.repo.ledger import Ledger, Manifest, freeze_ref, read_ledger, read_manifest
from ccmflow.repo.store import Store
from ccmflow.triage.record import make_record

_FROZEN = re.compile(r"^refs/ccmflow/[^/]+/pr-(\d+)$")
Progress = Callable[[int, int], None]


class Input(Struct, frozen=True):
    """One input as the summary shows it: its record, and what the version that counts does to the document.

    Every fact (credit, receipt, verdict, kind, justification) is the record's; the names are the registry's
    names for the record's delegations, read once here.
    """

    record: InputRecord
    examined: Examined
    ref: str
    head: str | None  # the ref's current head (None: only the frozen copy is left)
    who: str  # the credited delegations as people read them, or the account outside the registry
    category: str  # the first credited delegation's category
    proposed: tuple[str, ...] = ()  # the names of delegations named without their confirmation

    @property
    def name(self) -> str:
        return self.record.name

    @property
    def number(self) -> int | None:
        return self.record.number

    @property
    def title(self) -> str:
        return self.record.title

    @property
    def sha(self) -> str:
        """The version that counts."""
        return self.record.counted or self.head or ""

    @property
    def timing(self) -> Verdict:
        return self.record.verdict

    @property
    def received(self) -> datetime | None:
        return self.record.received

    @property
    def later(self) -> str | None:
        """The newest version received after the one that counts (late, not counted), if any."""
        newer = self.record.later
        return newer[-1].sha if newer else None

    @property
    def verified(self) -> bool:
        return self.record.entered_by.verified

    @property
    def frozen(self) -> bool:
        return self.record.frozen

    @property
    def note(self) -> str:
        return self.record.note

    @property
    def diff(self) -> DocumentDiff | None:
        return self.examined.diff

    @property
    def findings(self) -> tuple[Finding, ...]:
        return self.examined.findings

    @property
    def invalid(self) -> bool:
        return self.record.invalid or self.examined.diff is None


class Inputs(Struct, frozen=True):
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
    opened = [s.window for s in states if s.state == WindowPhase.OPEN]
    if opened:
        return opened[0]
    closed = [s.window for s in states if s.state == WindowPhase.CLOSED]
    if closed:
        return max(closed, key=lambda w: w.closes or now)
    return windows[0] if windows else None


def collect(store: Store, document_id: str, *, window_id: str | None = None, refs: str = DEFAULT_REFS,
            base: str = "HEAD", now: datetime | None = None, progress: Progress | None = None,
            cache: bool = True, ledger: Ledger | None = None, open_numbers: Collection[int] | None = None,
            kept: BaseCache | None = None, closed: bool = False) -> Inputs:
    """The inputs to a document, from local refs matching `refs`, judged against its window.

    `closed` keeps the inputs closed since (the trace: an input closed once incorporated is behind its text).
    `ledger` replaces the one at refs/ccmflow/ledger (the bot passes a fresher one); `open_numbers`, when
    given, are the pull requests open now: a refs/pull/<n>/head of any other is a closed input. `kept` is the
    base's cache when the caller has opened it already (for the base workspace, before calling this).
    """
    now = now or datetime.now(UTC)
    base_commit = store.commit(base).id
    if kept is None or kept.commit != base_commit:
        kept = BaseCache(store, base_commit, enabled=cache)
    workspace = kept.workspace()
    document = workspace.document(document_id)
    if document is None:
        raise FatalError(f"no document '{document_id}' at {base} (known: {', '.join(sorted(workspace.documents))})")
    window = _window(workspace.process, document, window_id, now)
    manifest = read_manifest(store, window.id) if window is not None else None
    ledger = ledger if ledger is not None else read_ledger(store)
    examiner = Examiner(store, document, base_commit, cache_path(store, document_id) if cache else None, kept)
    candidates = _candidates(store, refs, manifest)
    collector = _Collector(store, workspace, window, manifest, ledger, examiner, now,
                           frozenset(open_numbers) if open_numbers is not None else None, closed)
    for done, (ref, head) in enumerate(candidates, 1):
        collector.add(ref, head)
        if progress is not None:
            progress(done, len(candidates))
    examiner.save()
    kept.save()
    seen = {i.number for i in collector.inputs if i.number is not None} | collector.skipped
    missing = tuple(input_name(r.number) for r in ledger.inputs if r.state == PullState.OPEN and r.number not in seen
                    and _pattern_covers_pulls(refs) and belongs(r, document_id, window, strict=True))
    return Inputs(document, workspace, window, base_commit, now, manifest, tuple(collector.inputs),
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


def _candidates(store: Store, pattern: str, manifest: Manifest | None) -> list[tuple[str, str | None]]:
    """(ref, head) pairs to examine; frozen inputs whose ref is gone come back from their freeze ref."""
    found: list[tuple[str, str | None]] = []
    numbers: set[int] = set()
    for name, target in store.refs(pattern).items():
        found.append((name, target))
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


class _Collector:
    """Each candidate ref's record (one `make_record` per input), and what was left out and why."""

    def __init__(self, store: Store, workspace: Workspace, window: Window | None,
                 manifest: Manifest | None, ledger: Ledger, examiner: Examiner, now: datetime,
                 open_numbers: frozenset[int] | None, closed: bool = False) -> None:
        self.store, self.workspace, self.window, self.manifest = store, workspace, window, manifest
        self.ledger, self.examiner, self.now, self.open_numbers = ledger, examiner, now, open_numbers
        self.closed = closed
        self.versions = GitVersions(store, examiner)
        self.inputs: list[Input] = []
        self.elsewhere: list[str] = []
        self.withdrawn: list[str] = []
        self.skipped: set[int] = set()

    def add(self, ref: str, head: str | None) -> None:
        """The input at `ref`, when it is one of this document and window; else noted where it belongs."""
        number = _number(ref)
        entry = self.ledger.get(number) if number is not None else None
        frozen = self.manifest.get(number) if self.manifest is not None and number is not None else None
        name = _name(ref, number)
        document = self.examiner.document.id
        if entry is not None and not belongs(entry, document, self.window):
            self.elsewhere.append(name)
            self.skipped.add(entry.number)
            return
        closed = entry is not None and entry.state != PullState.OPEN
        gone = closed or (self.open_numbers is not None and number is not None and number not in self.open_numbers)
        if number is not None and gone and not self.closed:
            self.withdrawn.append(name)
            self.skipped.add(number)
            return
        commit = self.store.find_commit(head) if head is not None and entry is None and frozen is None else None
        facts = facts_of(document=document, window=self.window, registry=self.workspace.registry, now=self.now,
                         ref_name=name, number=number, head=head, entry=entry, frozen=frozen, commit=commit)
        record = make_record(self.workspace, facts, self.versions)
        counted = record.counted
        examined = (self.examiner.examine(counted) if counted is not None and self.versions.present(counted)
                    else Examined(None, True))
        # An input file of this document that does not pass is kept and flagged, never dropped.
        broken = any(p.startswith(f"{INPUTS_DIR}/{document}/") for p in record.problems)
        if not examined.touches and not record.remarks and not broken:
            if number is not None:
                self.skipped.add(number)
            return
        if not examined.touches:  # a general remark: it is about the document without changing it
            sections = tuple(dict.fromkeys(c.section for c in record.remarks if c.section))
            examined = replace(examined, touches=True, diff=DocumentDiff(document, (), sections, {}))
        registry = self.workspace.registry
        self.inputs.append(Input(record, examined, ref, head, credit_name(record, registry),
                                 credit_category(record, registry), names_of(registry, record.proposed)))


def _name(ref: str, number: int | None) -> str:
    return input_name(number) if number is not None else ref.removeprefix("refs/heads/").removeprefix("refs/")
