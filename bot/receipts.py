"""When each version of an input arrived, from records GitHub keeps and nobody else can write.

The signed state in the bot's comment is a cache of these records. They are read when the cache cannot be
trusted to hold every version: when it is lost (a key set or rotated, a comment cut or edited), when the bot
never wrote one although the pull request is not new, or when a version is missing from it (a triage run that
never ran). Each version keeps the earliest time any record gives it (`SubmissionLog.record`).

- Runs of the receipts workflow (`ccmflow-receipts.yml`, `pull_request`: opened, synchronize, reopened). GitHub
  creates a run for every such event, with the pull request's head commit and its own `created_at`, whatever
  becomes of it afterwards: its one job never runs (`if: false`), a run awaiting a maintainer's approval or
  cancelled is still listed. The triage workflow's own runs cannot serve: for `pull_request_target` a run's
  head commit is the base branch's. A run is believed for this pull request when it comes from the same
  repository and branch (a run's `pull_requests` are the open ones matching it when listed, not the one that
  started it); one dated before this pull request was opened is another's, and dropped (`SubmissionLog.since`).
- The timeline's `head_ref_force_pushed` events, for a head no run dates (the bot's own pushes to an issue
  form's branch start no workflow), and the pull request's creation for the version the bot opened a form's
  pull request with, while no later version was pushed over it.
"""

from __future__ import annotations

from datetime import datetime

from msgspec.structs import replace

from ccmflow.core.submissions import Source, SubmissionLog

from .client import GitHubForbidden, GitHubNotFound, PullInfo
from .context import Context

RECEIPTS_WORKFLOW = "ccmflow-receipts.yml"
# What dates the version an event brings when the pull request (or the issue it came from) is new.
FIRST = (Source.PR_CREATED, Source.ISSUE_CREATED)


def missing(log: SubmissionLog, head: str, source: Source, before: str | None) -> bool:
    """Whether a run that should have logged a version may have been lost, so GitHub's records are worth a read.

    The head is new to the log and either has no time of its own (it is backfilled from updated_at), or the
    push that brought it replaced a head the log never saw. Once the records were read for a head, they are
    not read again for it.
    """
    if log.dated == head or log.receipt(head) is not None:
        return False
    return source == Source.BACKFILL or bool(before and log.receipts and log.receipt(before) is None)


def dated(ctx: Context, pull: PullInfo, log: SubmissionLog) -> SubmissionLog:
    """The log with every version GitHub's own records date, and the head marked as read for."""
    for sha, at in sorted(_runs(ctx, pull), key=lambda run: run[1]):
        log = log.record(sha, at, Source.RUN)
    if log.receipt(pull.head_sha) is None:
        events = ctx.client.head_events(pull.number)
        for event in events:
            log = log.record(event.sha, event.at, Source.TIMELINE)
        if not events and pull.author_login == ctx.settings.login:
            # The bot pushes every later version of a form over the one before, which the timeline records:
            # without such an event, the head is the version the bot opened the pull request with.
            log = log.record(pull.head_sha, pull.created_at, Source.PR_CREATED)
    # In the order GitHub received them: the first is the version the input was opened with. A run older than the
    # pull request is another's from the same branch.
    log = replace(log, receipts=tuple(sorted(log.receipts, key=lambda r: r.received)), dated=pull.head_sha)
    return log.since(opened(pull, log, ctx.settings.login))


def opened(pull: PullInfo, log: SubmissionLog, bot_login: str) -> datetime:
    """When the input was opened, as GitHub recorded it: the pull request's creation, or for one the bot opened
    from an issue form, the issue's. Nothing dated before can be true of the input."""
    origin = log.origin if pull.author_login == bot_login else None
    return min(pull.created_at, origin.created_at) if origin is not None else pull.created_at


def _runs(ctx: Context, pull: PullInfo) -> list[tuple[str, datetime]]:
    """(head, created_at) of each run of the receipts workflow that belongs to this pull request."""
    if pull.author_login == ctx.settings.login or pull.head_repo is None or not pull.head_ref:
        return []  # the bot's own pushes start no workflow; a deleted fork's runs cannot be told apart
    try:
        runs = ctx.client.pull_runs(RECEIPTS_WORKFLOW, pull.head_ref)
    except GitHubForbidden as exc:
        ctx.warn(f"{exc}: the job needs the `actions: read` permission to read when versions arrived")
        return []
    except GitHubNotFound:
        ctx.warn(f"the workflow {RECEIPTS_WORKFLOW} is not in this repository: versions whose own triage was "
                 "lost are dated from the timeline only (render the workflows again with ccmflow)")
        return []
    repo = pull.head_repo.lower()
    return [(r.head_sha, r.created_at) for r in runs
            if r.event == "pull_request" and (r.head_repo or "").lower() == repo]
