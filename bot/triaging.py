"""Triaging one pull request on GitHub: labels, commit statuses and its one status comment, behind a guard.

Shared by the behaviours that triage (a pull request event, a command, the maintenance re-triage, the form).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from msgspec import Struct
from msgspec.structs import replace

from ccmflow.core import labels
from ccmflow.core.agreement import ParagraphStatus
from ccmflow.core.errors import FatalError
from ccmflow.core.model import Workspace
from ccmflow.core.record import PullState
from ccmflow.core.submissions import Applied, IssueOrigin, Source, SubmissionLog, encode
from ccmflow.repo import prinput
from ccmflow.repo.fetch import fetch
from ccmflow.repo.ledger import LedgerEntry
from ccmflow.repo.statusref import STATUS_REFS, agreed_statuses
from ccmflow.triage import agreed
from ccmflow.triage.decide import CommitStatus, Decision, PullFacts, decide
from ccmflow.triage.messages import STATUS_MARKER

from . import consent, receipts, recovery
from .client import CommentInfo, GitHub, GitHubNotFound, PullInfo, mine
from .context import Context, status_logs
from .replies import not_a_pull_request
from .router import Command, Result, handled, ignored

MAX_COMMENT = 65_536

LogUpdate = Callable[[SubmissionLog], SubmissionLog]


def origin_of(pull: PullInfo, log: SubmissionLog, bot_login: str) -> IssueOrigin | None:
    """The issue a pull request the bot opened came from; never believed for anyone else's pull request."""
    return log.origin if pull.author_login == bot_login else None


def ledger_record(pull: PullInfo, log: SubmissionLog, bot_login: str) -> LedgerEntry:
    """A pull request as the inputs ledger keeps it. For one the bot opened from an issue form, the issue's
    author and time stand in for the bot's, as in triage: offline commands read the ledger, not the comment."""
    record = pull.record(log)
    origin = origin_of(pull, log, bot_login)
    if origin is None:
        return record
    return replace(record, author_id=origin.author_id, author_login=origin.author_login,
                   created_at=min(record.created_at, origin.created_at))


class CommentMoved(Exception):
    """Another run rewrote the status comment after this run read it: its log must not be overwritten."""


GUARD_ATTEMPTS = 3


def triage_guarded(ctx: Context, pull: PullInfo, received: datetime, source: Source, *, refresh: bool = False,
                   required: bool = False, event_time: datetime | None = None, update: LogUpdate | None = None,
                   before: str | None = None, new: bool = False) -> Result:
    """`triage_pull` with the guard, started again from the comment as it now is when another run wrote first.

    Triage, commands and maintenance run in different concurrency groups, so two of them can work on one
    input at once; none may overwrite a version or an acceptance the other has just logged. `refresh` reads
    the pull request again before each new attempt (its head may have moved); a `required` change (a
    command's) that still cannot land ends the run with an error rather than silently. `new`: this run opened
    the pull request (the issue form), so it has no history to lose.
    """
    def attempt() -> Result:
        return triage_pull(ctx, pull, received, source, event_time=event_time, update=update, guard=True,
                           before=before, new=new)

    for _ in range(GUARD_ATTEMPTS - 1):
        try:
            return attempt()
        except CommentMoved:
            if refresh:
                pull = ctx.client.get_pull(pull.number)
                received = pull.updated_at
    try:
        return attempt()
    except CommentMoved as exc:
        if required:
            raise FatalError(f"{exc} {GUARD_ATTEMPTS} times; run this job again") from None
        return ignored(f"{exc}; left to that run, which judges it with the same timeline")


def triage_command(ctx: Context, command: Command, update: LogUpdate) -> Result:
    """The input a command was said on, triaged again with what the command changes in its state."""
    try:
        pull = ctx.client.get_pull(command.number)
    except GitHubNotFound:
        return not_a_pull_request(ctx, command)
    # Commands run in a concurrency group of their own, so the input's triage may be writing at the same time.
    return triage_guarded(ctx, pull, pull.updated_at, Source.BACKFILL, refresh=True, required=True, update=update)


def triage_pull(ctx: Context, pull: PullInfo, received: datetime, source: Source, *,
                event_time: datetime | None = None, update: LogUpdate | None = None,
                guard: bool = False, before: str | None = None, new: bool = False) -> Result:
    """Triage one input and carry the decision out; the same inputs always end in the same GitHub state.

    With `guard`, the comment is read again before the first write and `CommentMoved` is raised if it
    changed: runs outside the pull request's own concurrency group (the maintenance job) use it so that a
    version another run has just logged is never dropped, nor judged from a stale log.
    """
    if prinput.ensure_heads(ctx.store, {pull.number: pull.head_sha}, ctx.settings.token):
        return ignored(f"#{pull.number}: its head {pull.head_sha[:7]} is no longer in the repository (pushed "
                       "over or deleted); the event for its current head triages it")
    base = ctx.base()
    comments = ctx.client.comments(pull.number)
    ours = mine(comments, ctx.settings.login, STATUS_MARKER)
    log, lost = _state(ctx, pull, ours, source, before, new)
    # A merged PR's head is in the base: compare it with the merge base it had while open.
    content = prinput.read_pull(ctx.store, ctx.base_commit(), pull.head_sha,
                                log.merge_base if pull.state != PullState.OPEN else None)
    log = replace(log, merge_base=content.merge_base or log.merge_base)
    if lost:
        log = recovery.replay(log, comments, base.registry, consent.named(content), ctx.settings.login)
    if _superseded(log, pull.head_sha, event_time):
        return ignored(f"#{pull.number}: this event is about {pull.head_sha[:7]}, but the newer version "
                       f"{log.receipts[-1].sha[:7]} was already triaged")
    if update is not None:
        log = update(log)
    decision = decide(base, content, _facts(pull, log, received, source, ctx.settings.login), log, ctx.settings.now,
                      prinput.pull_reader(ctx.store, ctx.base_commit(), content.merge_base))
    # Agreed text: statuses from this (the base) repository's record, which a pull request cannot write.
    decision = agreed.guard(decision, base, content, _agreed(ctx, base))
    noticed = decision.notice is not None and bool(mine(comments, ctx.settings.login, decision.notice[0]))
    writes, ctx.logged[pull.number] = apply(ctx.client, pull, decision, ours, guard, noticed,
                                            ctx.settings.state_key)
    return handled(f"{decision.summary}; {writes or 'nothing to change'}", wrote=bool(writes))


def _state(ctx: Context, pull: PullInfo, ours: Sequence[CommentInfo], source: Source, before: str | None,
           new: bool) -> tuple[SubmissionLog, bool]:
    """The input's state, and whether it was lost: the signed block of the status comment, completed from
    GitHub's own records when it cannot be trusted to hold every version (see `receipts`).

    Lost: a comment whose block cannot be read (a key set or rotated, a comment cut or edited), or no comment on
    a pull request that is not new. Nothing dated before the pull request was opened (GitHub's time, not the
    log's word), or the issue the bot opened it from, is kept.
    """
    logs = status_logs(ours, ctx.settings, pull.number)
    lost = (bool(ours) and not logs) or not (ours or new or source in receipts.FIRST)
    log = _merged_log(pull.number, logs)
    if lost and log.origin is None and pull.author_login == ctx.settings.login:
        log = replace(log, origin=recovery.origin(ctx, pull))
    log = log.since(receipts.opened(pull, log, ctx.settings.login))
    if lost or receipts.missing(log, pull.head_sha, source, before):
        log = receipts.dated(ctx, pull, log)
    return log, lost


def _agreed(ctx: Context, base: Workspace) -> dict[str, dict[str, ParagraphStatus]]:
    """Each document's paragraph statuses as origin records them now (refs/ccmflow/status/*, fetched first)."""
    fetch(ctx.store, ctx.settings.token, (STATUS_REFS,))
    return {did: agreed_statuses(ctx.store, d) for did, d in base.documents.items()}




def _superseded(log: SubmissionLog, head: str, event_time: datetime | None) -> bool:
    """Whether this event is about an older head than one already triaged (events can arrive out of order)."""
    newest = log.receipts[-1] if log.receipts else None
    return (event_time is not None and newest is not None and newest.sha != head
            and log.receipt(head) is not None and newest.received > event_time)


def _facts(pull: PullInfo, log: SubmissionLog, received: datetime, source: Source, bot_login: str) -> PullFacts:
    """What GitHub says of the pull request; for one the bot opened from a form, the issue's author speaks."""
    origin = origin_of(pull, log, bot_login)
    author_id, author_login = ((origin.author_id, origin.author_login) if origin is not None
                               else (pull.author_id, pull.author_login))
    return PullFacts(number=pull.number, author_id=author_id, author_login=author_login, head_sha=pull.head_sha,
                     received=received, source=source, state=pull.state, created=pull.created_at, title=pull.title,
                     body=pull.body)


def _merged_log(number: int, logs: Sequence[SubmissionLog]) -> SubmissionLog:
    """The hidden log of the status comment; if a retried POST ever left two, their receipts are merged."""
    if not logs:
        return SubmissionLog(number)
    merged = logs[0]
    for other in logs[1:]:
        for receipt in sorted(other.receipts, key=lambda r: r.received):
            merged = merged.record(receipt.sha, receipt.received, receipt.source)
    return merged


# Carrying a decision out ------------------------------------------------------------------------------------------

class Plan(Struct, frozen=True, kw_only=True):
    """What one run writes for a decision, worked out before the first write."""

    relabel: bool  # the bot's labels differ from the decision's
    statuses: tuple[CommitStatus, ...]  # the statuses the head does not carry yet
    notify: bool  # the Presidency gets a notice of its own
    body: str  # the status comment as it must read, its state last
    log: SubmissionLog  # the state that body carries

    def writes(self, decision: Decision, comment: CommentInfo | None) -> bool:
        return bool(self.relabel or self.statuses or decision.close or decision.reopen or self.notify
                    or comment is None or comment.body != self.body)


def apply(client: GitHub, pull: PullInfo, decision: Decision, ours: Sequence[CommentInfo], guard: bool = False,
          noticed: bool = False, key: bytes | None = None) -> tuple[str, SubmissionLog]:
    """Labels, then statuses, then closing, then the comment that records them: a crash halfway re-applies.

    Returns what was written, and the log the status comment now holds.
    """
    comment = ours[0] if ours else None
    plan = _plan(pull, decision, comment, noticed, key)
    if guard and comment is not None and plan.writes(decision, comment):
        _check_unmoved(client, pull.number, comment)
    done = [*_relabel(client, pull, decision, plan), *_set_statuses(client, pull, plan),
            *_set_state(client, pull, decision), *_write_comments(client, pull, decision, plan, ours)]
    return ", ".join(done), plan.log


def _plan(pull: PullInfo, decision: Decision, comment: CommentInfo | None, noticed: bool,
          key: bytes | None) -> Plan:
    previous = decision.log.applied
    applied = dict(previous.statuses) if previous.sha == pull.head_sha else {}
    pending = tuple(s for s in decision.statuses if applied.get(s.context) != (s.state, s.description))
    applied.update({s.context: (s.state, s.description) for s in pending})
    # A notice goes out once: the status comment's own mentions count when that comment is new.
    marker = decision.notice[0] if decision.notice is not None else None
    notify = marker is not None and marker not in decision.log.noticed and not noticed and comment is not None
    log = replace(decision.log, applied=Applied(labels=decision.labels, sha=pull.head_sha, statuses=applied),
                  noticed=decision.log.noticed | ({marker} if marker else set()))
    body = f"{decision.body}\n\n{encode(log, key)}"  # the state last: only a block that ends the body is read
    if len(body) > MAX_COMMENT:
        raise AssertionError(f"status comment of {len(body)} characters; messages must keep it shorter")
    current = _current_labels(pull, previous, comment)
    relabel = _folded(current) != _folded(decision.labels)  # GitHub's label names ignore case
    return Plan(relabel=relabel, statuses=pending, notify=notify, body=body, log=log)


def _current_labels(pull: PullInfo, previous: Applied, comment: CommentInfo | None) -> frozenset[str]:
    """The bot's labels on the pull request: an event payload predates the bot's last writes unless it is
    newer than the status comment, and then what the bot last applied is what it carries."""
    if pull.fresh or comment is None or pull.updated_at > comment.updated_at or previous.labels is None:
        return frozenset(n for n in pull.labels if labels.owned(n))
    return previous.labels


def _folded(names: frozenset[str]) -> frozenset[str]:
    return frozenset(n.lower() for n in names)


def _check_unmoved(client: GitHub, number: int, comment: CommentInfo) -> None:
    if not any(c.id == comment.id and c.body == comment.body for c in client.comments(number)):
        raise CommentMoved(f"#{number}: its status comment changed while this run worked")


def _relabel(client: GitHub, pull: PullInfo, decision: Decision, plan: Plan) -> list[str]:
    if not plan.relabel:
        return []
    kept = [n for n in pull.labels if not labels.owned(n)]
    result = client.set_labels(pull.number, sorted({*kept, *decision.labels}))
    specs = {name.lower(): spec for name, spec in decision.label_specs.items()}
    for label in result:
        spec = specs.get(label.name.lower())
        if spec and label.color == labels.GITHUB_DEFAULT_COLOR and not label.description:
            client.update_label(spec)  # GitHub created it on the fly, grey: once per repository
    return ["labels"]


def _set_statuses(client: GitHub, pull: PullInfo, plan: Plan) -> list[str]:
    for status in plan.statuses:
        client.create_status(pull.head_sha, status, pull.html_url)
    return [s.context for s in plan.statuses]


def _set_state(client: GitHub, pull: PullInfo, decision: Decision) -> list[str]:
    if decision.close:
        client.set_state(pull.number, PullState.CLOSED)
        return ["closed"]
    if decision.reopen:
        client.set_state(pull.number, PullState.OPEN)
        return ["reopened"]
    return []


def _write_comments(client: GitHub, pull: PullInfo, decision: Decision, plan: Plan,
                    ours: Sequence[CommentInfo]) -> list[str]:
    done: list[str] = []
    comment = ours[0] if ours else None
    if comment is None:
        client.create_comment(pull.number, plan.body, STATUS_MARKER)  # new: its mentions notify
        done.append("comment created")
    elif plan.notify and decision.notice is not None:
        client.create_comment(pull.number, f"{decision.notice[0]}\n{decision.notice[1]}", decision.notice[0])
        done.append("Presidency notified")
    if comment is not None and comment.body != plan.body:
        client.edit_comment(comment.id, plan.body)
        done.append("comment updated")
    for extra in ours[1:]:
        client.delete_comment(extra.id)
        done.append("duplicate comment removed")
    return done
