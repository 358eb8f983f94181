"""Freezing a window at its deadline: the on-time head of every input kept as a ref, plus a manifest.

The on-time head comes from the bot's submission log (the last version GitHub received by the deadline), never
from an input's current head, so a freeze that runs late, or twice, gives the same result, and a force-push
after the deadline changes nothing. The frozen ref keeps the commit even when the fork behind it is deleted.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from ccmflow.core.errors import FatalError
from ccmflow.core.model import Process, Registry, Window, Workspace
from ccmflow.core.status import format_instant
from ccmflow.repo.git import Commit, Repository, has_ref, set_ref
from ccmflow.repo.inputfiles import input_files_since_base
from ccmflow.repo.ledger import (
    FrozenInput,
    InputRecord,
    Ledger,
    Manifest,
    freeze_ref,
    read_manifest,
    write_manifest,
)
from ccmflow.repo.prinput import has_commit
from ccmflow.triage.credit import attest_log, credit


@dataclass(frozen=True, slots=True)
class FreezeReport:
    """What a freeze run did: refs it created, inputs whose on-time commit is not here, and the manifest."""

    manifest: Manifest
    created: tuple[str, ...]
    unavailable: tuple[int, ...]
    changed: bool
    kept: tuple[int, ...] = ()  # a redo: frozen refs kept although the ledger now names another on-time head


def freeze(repo: Repository, process: Process, window_id: str, ledger: Ledger, now: datetime,
           registry: Registry | None = None) -> Manifest:
    """Freeze `window_id` (only once its deadline has passed); idempotent: a second run changes nothing."""
    return freeze_report(repo, process, window_id, ledger, now, registry).manifest


def attested_times(repo: Repository, base: Commit, workspace: Workspace, ledger: Ledger) -> dict[int, datetime]:
    """Per input, the time of receipt outside GitHub (an e-mail) that triage honours: attested in the input's
    record by an account with the record-input role, and not later than the pull request (triage.credit).

    The bot's hidden log keeps GitHub's times only, so the freeze applies the attestation the same way triage
    and the summary do; an e-mail received on time and entered after the deadline is frozen as on time.
    """
    found: dict[int, datetime] = {}
    for record in ledger.inputs:
        files = input_files_since_base(repo, base, record.head_sha)
        attested = credit(files, workspace, record.author_id, record.created_at).attested if files else None
        if attested is not None:
            found[record.number] = attested
    return found


def freeze_report(repo: Repository, process: Process, window_id: str, ledger: Ledger, now: datetime,
                  registry: Registry | None = None, redo: bool = False,
                  attested: Mapping[int, datetime] | None = None) -> FreezeReport:
    """Freeze the window; `redo` builds the manifest again from `ledger`, at `now`, keeping only the entries
    whose ref is frozen already: a frozen ref is never moved (the first freeze wins), and `kept` lists those the
    ledger would now freeze at another commit. `attested` (see `attested_times`) dates inputs received by
    e-mail."""
    window = _closed_window(process, window_id, now)
    assert window.closes is not None
    existing = read_manifest(repo, window.id)
    if redo and existing is not None:
        existing = Manifest(existing.window, existing.deadline, now, tuple(
            i for i in existing.inputs if i.sha is not None and has_ref(repo, freeze_ref(window.id, i.number))))
    entries = {i.number: i for i in existing.inputs} if existing is not None else {}
    kept: list[int] = []
    for record in ledger.inputs:
        if belongs(record, window.document, window, strict=True):
            frozen = _frozen(record, window.closes, registry, (attested or {}).get(record.number))
            if frozen is not None and record.number not in entries:
                entries[record.number] = frozen
            elif redo and record.number in entries and (frozen is None or frozen.sha != entries[record.number].sha):
                kept.append(record.number)
    manifest = Manifest(window.id, window.closes, existing.frozen_at if existing is not None else now,
                        tuple(entries[n] for n in sorted(entries)))
    created: list[str] = []
    unavailable: list[int] = []
    for item in manifest.inputs:
        if item.sha is None:
            continue
        ref = freeze_ref(window.id, item.number)
        if has_ref(repo, ref):
            continue  # the first freeze wins: a frozen ref is never moved
        if not has_commit(repo, item.sha):
            unavailable.append(item.number)
            continue
        set_ref(repo, ref, item.sha)
        created.append(ref)
    changed = write_manifest(repo, manifest)
    return FreezeReport(manifest, tuple(created), tuple(unavailable), changed or bool(created), tuple(kept))


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


def belongs(record: InputRecord, document: str, window: Window | None, strict: bool = False) -> bool:
    """Whether an input was judged in this window; one never judged belongs to any window of its document.

    `strict` (a freeze): an input the bot judged only for other documents does not belong either.
    """
    pins = record.log.pins()
    if strict and pins and document not in pins:
        return False
    pinned = pins.get(document) or record.log.window
    return window is None or pinned is None or pinned == window.id


def _frozen(record: InputRecord, deadline: datetime, registry: Registry | None,
            attested: datetime | None = None) -> FrozenInput | None:
    """The input's last version received by the deadline; None when nothing arrived in time.

    Only inputs with an on-time version are frozen: an input opened after the deadline is seen by a late run
    and not by a punctual one, so listing it would make the result depend on when the freeze ran. Late inputs
    are judged from the ledger instead (and one the Presidency accepts stays usable by consolidate).
    """
    on_time = attest_log(record.log, attested).last_before(deadline)
    if on_time is None:
        return None
    stakeholder = registry.by_user_id(record.author_id) if registry is not None else None
    return FrozenInput(number=record.number, sha=on_time.sha, latest_sha=on_time.sha, received=on_time.received,
                       author_id=record.author_id, author_login=record.author_login,
                       stakeholder=stakeholder.id if stakeholder else None, late=False)
