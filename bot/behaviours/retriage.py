"""Re-triage of every open pull request when the timeline or the registry changes on the base branch."""

from __future__ import annotations

from ccmflow.core.model import Document
from ccmflow.core.submissions import Source
from ccmflow.read.load import DOCUMENTS_DIR, PROCESS_FILE, REGISTRY_FILE, is_managed, kind_of, parse
from ccmflow.repo import prinput
from ccmflow.repo.store import Store

from ..client import PullInfo
from ..context import Context
from ..events import PushEvent, WorkflowDispatch
from ..router import Result, Router, handled, ignored
from ..triaging import triage_guarded

# What labels, windows and roles are read from: the timeline and the registry (section titles live in
# the timeline), plus each document's id and version (the version picks the input window).
_TRUSTED = (f"{DOCUMENTS_DIR}/{PROCESS_FILE}", f"{DOCUMENTS_DIR}/{REGISTRY_FILE}")


def register(router: Router) -> None:
    router.on("push", None, on_push)
    router.on("workflow_dispatch", None, on_dispatch)


def on_push(ctx: Context, event: PushEvent) -> Result:
    why_not = event.not_to_default_branch()
    if why_not is not None:
        return ignored(f"not a change of the base branch: {why_not}")
    reason = _relevant(ctx.store, event.before, event.after)
    if reason is None:
        return ignored("the push changes neither the timeline, the registry nor any document's version")
    return retriage_all(ctx, reason)


def on_dispatch(ctx: Context, event: WorkflowDispatch) -> Result:
    why_not = event.not_on_default_branch()
    if why_not is not None:
        return ignored(f"run from {why_not}: the process lives there")
    return retriage_all(ctx, "run by hand")


def _guarded(ctx: Context, pull: PullInfo) -> Result:
    """Triage one open input; if its own triage wrote meanwhile, start again from what that run logged."""
    return triage_guarded(ctx, pull, pull.updated_at, Source.BACKFILL, refresh=True)


def _relevant(store: Store, before: str, after: str) -> str | None:
    """Why a push calls for re-triage, or None when nothing triage reads from has changed."""
    if not store.has_commit(before) or not store.has_commit(after):
        return "the history before the push is not available"
    changed = [path for _, path in store.changed_paths(before, after)]
    if any(path in _TRUSTED for path in changed):
        return "the timeline or the registry changed"
    for path in changed:
        if is_managed(path) and kind_of(path) == "document" and \
                _identity(store, before, path) != _identity(store, after, path):
            return f"{path} changed its id or version"
    return None


def _identity(store: Store, commit: str, path: str) -> tuple[str, str] | None:
    file = store.file(commit, path)
    if file is None:
        return None
    record = parse(file).record
    return (record.id, record.version) if isinstance(record, Document) else None


def retriage_all(ctx: Context, reason: str) -> Result:
    """Every open pull request, judged again against the base branch as it is now."""
    ctx.base()  # an invalid timeline stops here, before any request
    pulls = ctx.open_pulls()
    gone = prinput.ensure_heads(ctx.store, {p.number: p.head_sha for p in pulls}, ctx.settings.token)
    changed = skipped = 0
    for pull in pulls:
        if pull.number in gone:
            skipped += 1
            continue
        outcome = _guarded(ctx, pull)
        changed += outcome.wrote
    note = f", {skipped} skipped (head not available)" if skipped else ""
    return handled(f"re-triaged {len(pulls)} open pull requests ({reason}): {changed} changed{note}")
