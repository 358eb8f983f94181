"""Freezing a window at its deadline: the on-time head of every input kept as a ref, plus a manifest.

The on-time head comes from the bot's submission log (the last version GitHub received by the deadline), never
from an input's current head, so a freeze that runs late, or twice, gives the same result, and a force-push
after the deadline changes nothing. The frozen ref keeps the commit even when the fork behind it is deleted.
"""

from __future__ import annotations

from datetime import datetime

from msgspec import Struct
from msgspec.structs import replace

from ccmflow.core.errors import FatalError
from ccmflow.core.model import Process, Window, Workspace
from ccmflow.core.record import InputRecord
from ccmflow.core.status import Verdict, format_instant
from ccmflow.inputs.examine import Examiner, cache_path
from ccmflow.inputs.records import GitVersions, facts_of
from ccmflow.repo.ledger import (
    FrozenInput,
    Ledger,
    LedgerEntry,
    Manifest,
    freeze_ref,
    read_manifest,
    write_manifest,
)
from ccmflow.repo.store import Store
from ccmflow.triage.record import make_record

ON_TIME = (Verdict.ON_TIME, Verdict.EARLY)  # the verdicts of a version received by the deadline


class FreezeReport(Struct, frozen=True):
    """What a freeze run did: refs it created, inputs whose on-time commit is not here, and the manifest."""

    manifest: Manifest
    created: tuple[str, ...]
    unavailable: tuple[int, ...]
    changed: bool
    kept: tuple[int, ...] = ()  # a redo: frozen refs kept although the ledger now names another on-time head


def freeze(store: Store, window_id: str, ledger: Ledger, now: datetime, base: str = "HEAD") -> Manifest:
    """Freeze `window_id` (only once its deadline has passed); idempotent: a second run changes nothing."""
    return freeze_report(store, window_id, ledger, now, base=base).manifest


def freeze_report(store: Store, window_id: str, ledger: Ledger, now: datetime, *, base: str = "HEAD",
                  redo: bool = False) -> FreezeReport:
    """Freeze the window: each input with a version received by the deadline is kept with its record.

    `redo` builds the manifest again from `ledger`, at `now`, keeping only the entries whose ref is frozen
    already: a frozen ref is never moved (the first freeze wins), and `kept` lists those the ledger would now
    freeze at another commit. An entry of a manifest written before records were kept gets its record, judged
    at the version frozen then (the manifest's schema is migrated; no ref moves).
    """
    workspace = store.require(base)
    window = _closed_window(workspace.process, window_id, now)
    assert window.closes is not None
    existing = read_manifest(store, window.id)
    if redo and existing is not None:
        existing = Manifest(existing.window, existing.deadline, now, tuple(
            i for i in existing.inputs if i.sha is not None and store.has_ref(freeze_ref(window.id, i.number))))
    entries = {i.number: i for i in existing.inputs} if existing is not None else {}
    judging = _Judge(store, workspace, window, base, now)
    kept: list[int] = []
    for record in ledger.inputs:
        if not belongs(record, window.document, window, strict=True):
            continue
        frozen = entries.get(record.number)
        if frozen is not None:
            if frozen.sha is not None and frozen.record is None:  # schema 1: its record, at the frozen head
                entries[record.number] = judging.migrate(record, frozen)
            if redo and ((judged := judging.on_time(record, None)) is None or judged.sha != frozen.sha):
                kept.append(record.number)
            continue
        judged = judging.on_time(record, None)
        if judged is not None:
            entries[record.number] = judged
    manifest = Manifest(window.id, window.closes, existing.frozen_at if existing is not None else now,
                        tuple(entries[n] for n in sorted(entries)))
    created: list[str] = []
    unavailable: list[int] = []
    for item in manifest.inputs:
        if item.sha is None:
            continue
        ref = freeze_ref(window.id, item.number)
        if store.has_ref(ref):
            continue  # the first freeze wins: a frozen ref is never moved
        if not store.has_commit(item.sha):
            unavailable.append(item.number)
            continue
        store.set_ref(ref, item.sha)
        created.append(ref)
    changed = write_manifest(store, manifest)
    return FreezeReport(manifest, tuple(created), tuple(unavailable), changed or bool(created), tuple(kept))


class _Judge:
    """Each input's record for the freeze, as every other reader builds it (`make_record`)."""

    def __init__(self, store: Store, workspace: Workspace, window: Window, base: str, now: datetime) -> None:
        document = workspace.documents[window.document]
        examiner = Examiner(store, document, store.commit(base).id, cache_path(store, document.id))
        self.workspace, self.window, self.now = workspace, window, now
        self.versions = GitVersions(store, examiner)

    def record(self, entry: LedgerEntry, frozen: FrozenInput | None) -> InputRecord:
        facts = facts_of(document=self.window.document, window=self.window, registry=self.workspace.registry,
                         now=self.now, ref_name="", number=entry.number, head=None, entry=entry, frozen=frozen,
                         commit=None)
        return make_record(self.workspace, facts, self.versions)

    def on_time(self, entry: LedgerEntry, frozen: FrozenInput | None) -> FrozenInput | None:
        """The entry freezing the input's last version received by the deadline; None when none was.

        Only inputs with an on-time version are frozen: an input opened after the deadline is seen by a late run
        and not by a punctual one, so listing it would make the result depend on when the freeze ran. Late inputs
        are judged from the ledger instead (and one the Presidency accepts stays usable by consolidate).
        """
        record = self.record(entry, frozen)
        version = record.version
        counted = record.counted
        if record.verdict not in ON_TIME or version is None or counted is None:
            return None
        # Only what had arrived by the deadline: a freeze that runs late, or twice, keeps the same record.
        record = replace(record, versions=tuple(v for v in record.versions if not v.late))
        return FrozenInput(number=entry.number, sha=counted, latest_sha=counted,
                           received=version.received, author_id=entry.author_id, author_login=entry.author_login,
                           stakeholder=record.delegations[0] if record.delegations else None, late=False,
                           record=record if self.versions.present(counted) else None)

    def migrate(self, entry: LedgerEntry, frozen: FrozenInput) -> FrozenInput:
        judged = self.on_time(entry, frozen)
        if judged is None or judged.sha != frozen.sha:
            return frozen  # it cannot be judged again here (the commit is gone): kept as it was
        return judged


def due(process: Process, now: datetime) -> tuple[Window, ...]:
    """Windows whose deadline has passed, for the maintenance job to freeze (again: it costs nothing)."""
    return tuple(w for w in process.windows if w.closes is not None and now > w.closes)


def _closed_window(process: Process, window_id: str, now: datetime) -> Window:
    window = process.window(window_id)
    if window is None:
        known = ", ".join(w.id for w in process.windows)
        raise FatalError(f"no window '{window_id}' in {process.path} (windows: {known})")
    if window.closes is None:
        raise FatalError(f"window '{window_id}' has no deadline yet (to be announced): nothing to freeze")
    if now <= window.closes:
        when = format_instant(window.closes, process.conference.timezone)
        raise FatalError(f"window '{window_id}' is open until {when}: it can be frozen only after its deadline")
    return window


def belongs(record: LedgerEntry, document: str, window: Window | None, strict: bool = False) -> bool:
    """Whether an input was judged in this window (the bot pins the window an input first falls in, per document,
    in its log); one never judged yet belongs to any window of its document.

    `strict` (a freeze): an input the bot judged only for other documents does not belong either.
    """
    pins = record.log.pins()
    if strict and pins and document not in pins:
        return False
    pinned = pins.get(document) or record.log.window
    return window is None or pinned is None or pinned == window.id
