"""Maintenance (schedule, workflow_dispatch): sync the inputs ledger from GitHub, freeze windows past their deadline.

Requests: the open-PR list (ceil(N/100)), plus one comment listing per pull request changed since the last
sync, to read the submission log the bot keeps in its status comment (none for one this run has just
re-triaged: triage left that log). That is up to N more requests, which only this hourly maintenance job
spends; triage and the summary read the ledger instead.
"""

from __future__ import annotations

from msgspec.structs import replace

from ccmflow.core.errors import FatalError
from ccmflow.core.record import PullState
from ccmflow.core.submissions import SubmissionLog
from ccmflow.inputs.freeze import due, freeze_report
from ccmflow.repo.fetch import push
from ccmflow.repo.ledger import LEDGER_REF, Ledger, manifest_ref, read_ledger, write_ledger

from ..context import Context
from ..events import Schedule, WorkflowDispatch
from ..receipts import dated
from ..router import Result, Router, handled, ignored
from ..triaging import ledger_record


def register(router: Router) -> None:
    router.on("schedule", None, on_maintenance)
    router.on("workflow_dispatch", None, on_maintenance)


def on_maintenance(ctx: Context, event: WorkflowDispatch | Schedule) -> Result:
    why_not = event.not_on_default_branch()
    if why_not is not None:
        return ignored(f"run from {why_not}: no freeze from there")
    workspace = ctx.base()
    problem = ctx.fetch()
    if problem is not None:
        raise FatalError(f"the maintenance job needs the inputs and ccmflow refs from origin: {problem}")
    ledger, read = sync_ledger(ctx, read_ledger(ctx.store))
    specs: list[str] = []
    if not ctx.settings.dry_run and write_ledger(ctx.store, ledger, f"Sync inputs ledger ({len(ledger.inputs)})"):
        specs.append(f"{LEDGER_REF}:{LEDGER_REF}")
    frozen: list[str] = []
    would: list[str] = []  # a dry run freezes nothing: it names the windows whose freeze is due
    unavailable: list[str] = []
    for window in due(workspace.process, ctx.settings.now):
        if ctx.settings.dry_run:
            would.append(window.id)
            continue
        report = freeze_report(ctx.store, window.id, ledger, ctx.settings.now)
        specs += [f"{r}:{r}" for r in report.created]
        if report.changed:
            specs.append(f"{manifest_ref(window.id)}:{manifest_ref(window.id)}")
            frozen.append(f"{window.id} ({len(report.created)} new refs)")
        unavailable += [f"{window.id}/pr-{n}" for n in report.unavailable]
    push(ctx.store, ctx.settings.token, specs)
    notes = [f"ledger: {len(ledger.inputs)} inputs, {read} logs read"]
    if would:
        notes.append(f"dry run: would freeze {', '.join(would)} (refs frozen earlier are never moved)")
    else:
        notes.append(f"froze {', '.join(frozen)}" if frozen else "no freeze needed")
    if unavailable:
        notes.append(f"on-time commits not available: {', '.join(unavailable)}")
    return handled("; ".join(notes))


def sync_ledger(ctx: Context, ledger: Ledger) -> tuple[Ledger, int]:
    """The ledger with every open pull request as GitHub lists it now; logs re-read only where something changed."""
    listed = ctx.open_pulls()
    records = {r.number: r for r in ledger.inputs}
    read = 0
    for pull in listed:
        old = records.get(pull.number)
        log = old.log if old is not None else SubmissionLog(pull.number)
        # GitHub bumps updated_at on every push and comment (the bot's status comment included): the value the
        # log was last read at, unchanged, means an unchanged log.
        if old is None or old.head_sha != pull.head_sha or log.listed != pull.updated_at:
            log = ctx.status_log(pull.number) or log
            read += 1
            if log.receipt(pull.head_sha) is None:  # the head's own run was lost: what does GitHub date?
                log = dated(ctx, pull, log)
        log = replace(log, listed=pull.updated_at)
        records[pull.number] = ledger_record(pull, log, ctx.settings.login)
    still_open = {pull.number for pull in listed}
    for number, record in records.items():
        if record.state == PullState.OPEN and number not in still_open:
            records[number] = replace(record, state=PullState.CLOSED)
    return Ledger(tuple(records[n] for n in sorted(records))), read

