"""Triaging one pull request on GitHub: labels, commit statuses and its one status comment, behind a guard.

Shared by the behaviours that triage (a pull request event, a command, the maintenance re-triage).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from ccmflow.core import labels
from ccmflow.core.agreement import ParagraphStatus
from ccmflow.core.errors import FatalError
from ccmflow.core.model import Workspace
from ccmflow.core.submissions import Source, SubmissionLog, encode
from ccmflow.repo import prinput
from ccmflow.repo.fetch import fetch
from ccmflow.repo.ledger import LedgerEntry
from ccmflow.repo.statusref import STATUS_REFS, agreed_statuses
from ccmflow.triage import agreed
from ccmflow.triage.decide import Decision, PullFacts, decide
from ccmflow.triage.messages import STATUS_MARKER

from .client import CommentInfo, GitHub, HeadEvent, PullInfo, mine
from .context import Context, status_logs
from .router import Outcome, handled, ignored

APPLIED = "applied"  # log.extra key: what the bot last made true on GitHub (labels; statuses of one head)
MERGE_BASE = "merge_base"  # log.extra key: the merge base the input was last compared with
NOTICED = "noticed"  # log.extra key: the notices to the Presidency already delivered (a JSON list of markers)
MAX_COMMENT = 65_536

LogUpdate = Callable[[SubmissionLog], SubmissionLog]
# Receipt sources of an input sent through the issue form: GitHub's time of the issue's creation (the first
# version), and of the edit that made a later version (the issue's updated_at in the `edited` event).
ISSUE = "issue"  # log.extra key: the issue form the bot opened this pull request from (IssueOrigin, as JSON)


@dataclass(frozen=True, slots=True)
class IssueOrigin:
    """The issue a pull request was made from: its author speaks for the input, and its time opens it.

    Kept in the bot's signed log of a pull request the bot itself opened, and believed only for such a one:
    the pull request's author is the bot, so who the delegation is and since when the input exists come from
    the issue, as GitHub recorded them when the bot read the event.
    """

    number: int
    author_id: int
    author_login: str
    created_at: datetime

    def encode(self) -> str:
        return json.dumps({"number": self.number, "author_id": self.author_id, "author_login": self.author_login,
                           "created_at": self.created_at.isoformat()}, sort_keys=True, separators=(",", ":"))

    def noted(self, log: SubmissionLog) -> SubmissionLog:
        return replace(log, extra={**log.extra, ISSUE: self.encode()})

    @classmethod
    def of(cls, log: SubmissionLog) -> IssueOrigin | None:
        try:
            data = json.loads(log.extra.get(ISSUE, "null"))
            if not isinstance(data, dict):
                return None
            created = datetime.fromisoformat(str(data["created_at"]))
            if created.tzinfo is None:
                return None
            return cls(int(data["number"]), int(data["author_id"]), str(data["author_login"]), created)
        except (ValueError, KeyError, TypeError):
            return None


def origin_of(pull: PullInfo, log: SubmissionLog, bot_login: str) -> IssueOrigin | None:
    """The issue a pull request the bot opened came from; never believed for anyone else's pull request."""
    return IssueOrigin.of(log) if pull.author_login == bot_login else None


def ledger_record(pull: PullInfo, log: SubmissionLog, bot_login: str) -> LedgerEntry:
    """A pull request as the inputs ledger keeps it. For one the bot opened from an issue form, the issue's
    author and time stand in for the bot's, as in triage: offline commands read the ledger, not the comment."""
    record = pull.record(log)
    origin = origin_of(pull, log, bot_login)
    if origin is None:
        return record
    return replace(record, author_id=origin.author_id, author_login=origin.author_login,
                   created_at=min(record.created_at, origin.created_at))


@dataclass(frozen=True, slots=True)
class Applied:
    """The state the bot last applied, kept in the hidden log so an unchanged re-run writes nothing."""

    labels: frozenset[str] | None
    sha: str | None
    statuses: dict[str, list[str]]

    @classmethod
    def of(cls, log: SubmissionLog) -> Applied:
        try:
            data = json.loads(log.extra.get(APPLIED, "{}"))
        except ValueError:
            data = {}
        if not isinstance(data, dict):
            data = {}
        names = data.get("labels")
        statuses = data.get("statuses")
        return cls(frozenset(map(str, names)) if isinstance(names, list) else None,
                   str(data["sha"]) if data.get("sha") else None,
                   {str(k): list(map(str, v)) for k, v in statuses.items() if isinstance(v, list)}
                   if isinstance(statuses, dict) else {})

    def encode(self) -> str:
        return json.dumps({"labels": sorted(self.labels or ()), "sha": self.sha, "statuses": self.statuses},
                          sort_keys=True, separators=(",", ":"))


class CommentMoved(Exception):
    """Another run rewrote the status comment after this run read it: its log must not be overwritten."""


GUARD_ATTEMPTS = 3


def triage_guarded(ctx: Context, pull: PullInfo, received: datetime, source: Source, *, refresh: bool = False,
                   required: bool = False, event_time: datetime | None = None, update: LogUpdate | None = None,
                   before: str | None = None) -> Outcome:
    """`triage_pull` with the guard, started again from the comment as it now is when another run wrote first.

    Triage, commands and maintenance run in different concurrency groups, so two of them can work on one
    input at once; none may overwrite a version or an acceptance the other has just logged. `refresh` reads
    the pull request again before each new attempt (its head may have moved); a `required` change (a
    command's) that still cannot land ends the run with an error rather than silently.
    """
    for attempt in range(1, GUARD_ATTEMPTS + 1):
        try:
            return triage_pull(ctx, pull, received, source, event_time=event_time, update=update, guard=True,
                               before=before)
        except CommentMoved as exc:
            if attempt == GUARD_ATTEMPTS:
                if required:
                    raise FatalError(f"{exc} {GUARD_ATTEMPTS} times; run this job again") from None
                return ignored(f"{exc}; left to that run, which judges it with the same timeline")
            if refresh:
                pull = ctx.client.get_pull(pull.number)
                received = pull.updated_at
    raise AssertionError("unreachable")


def with_head_events(log: SubmissionLog, events: Sequence[HeadEvent]) -> SubmissionLog:
    """The log with every head the timeline dates (GitHub's own times), each kept at its earliest time."""
    for event in events:
        log = log.record(event.sha, event.at, Source.TIMELINE)
    return log


def _versions_missing(log: SubmissionLog, head: str, source: Source, before: str | None) -> bool:
    """Whether a run that should have logged a version may have been lost, so the timeline is worth a request.

    The head is new to the log and either has no time of its own (it is backfilled from updated_at), or the
    push that brought it replaced a head the log never saw.
    """
    if log.receipt(head) is not None:
        return False
    return source == Source.BACKFILL or bool(before and log.receipts and log.receipt(before) is None)


def triage_pull(ctx: Context, pull: PullInfo, received: datetime, source: Source, *,
                event_time: datetime | None = None, update: LogUpdate | None = None,
                guard: bool = False, before: str | None = None) -> Outcome:
    """Triage one input and carry the decision out; the same inputs always end in the same GitHub state.

    With `guard`, the comment is read again before the first write and `CommentMoved` is raised if it
    changed: runs outside the pull request's own concurrency group (the maintenance job) use it so that a
    version another run has just logged is never dropped, nor judged from a stale log.
    """
    missing = prinput.ensure_heads(ctx.repo, {pull.number: pull.head_sha}, ctx.settings.token)
    if missing:
        return ignored(f"#{pull.number}: its head {pull.head_sha[:7]} is no longer in the repository (pushed "
                       "over or deleted); the event for its current head triages it")
    base = ctx.base()
    comments = ctx.client.comments(pull.number)
    ours = mine(comments, ctx.settings.login, STATUS_MARKER)
    # Nothing logged can predate the pull request itself (GitHub's time, not the log's word), or the issue the
    # bot opened it from.
    raw = _merged_log(pull.number, status_logs(ours, ctx.settings, pull.number))
    origin = origin_of(pull, raw, ctx.settings.login)
    log = raw.since(min(pull.created_at, origin.created_at) if origin is not None else pull.created_at)
    if _versions_missing(log, pull.head_sha, source, before):
        log = with_head_events(log, ctx.client.head_events(pull.number))
    # A merged PR's head is in the base: compare it with the merge base it had while open.
    hint = log.extra.get(MERGE_BASE) if pull.state != "open" else None
    content = prinput.read_pull(ctx.repo, ctx.base_commit(), pull.head_sha, hint)
    if content.merge_base:
        log = replace(log, extra={**log.extra, MERGE_BASE: content.merge_base})
    newest = log.receipts[-1] if log.receipts else None
    if (event_time is not None and newest is not None and newest.sha != pull.head_sha
            and log.receipt(pull.head_sha) is not None and newest.received > event_time):
        return ignored(f"#{pull.number}: this event is about {pull.head_sha[:7]}, but the newer version "
                       f"{newest.sha[:7]} was already triaged")
    if update is not None:
        log = update(log)
        origin = origin_of(pull, log, ctx.settings.login)
    author_id, author_login = ((origin.author_id, origin.author_login) if origin is not None
                               else (pull.author_id, pull.author_login))
    facts = PullFacts(number=pull.number, author_id=author_id, author_login=author_login,
                      head_sha=pull.head_sha, received=received, source=source, state=pull.state,
                      created=pull.created_at, title=pull.title, body=pull.body)
    decision = decide(base, content, facts, log, ctx.settings.now,
                      prinput.pull_reader(ctx.repo, ctx.base_commit(), content.merge_base))
    # Agreed text: statuses from this (the base) repository's record, which a pull request cannot write.
    decision = agreed.guard(decision, base, content, _agreed(ctx, base))
    noticed = decision.notice is not None and bool(mine(comments, ctx.settings.login, decision.notice[0]))
    writes, ctx.logged[pull.number] = apply(ctx.client, pull, decision, ours, guard, noticed,
                                            ctx.settings.state_key)
    return handled(f"{decision.summary}; {writes or 'nothing to change'}", wrote=bool(writes))


def _agreed(ctx: Context, base: Workspace) -> dict[str, dict[str, ParagraphStatus]]:
    """Each document's paragraph statuses as origin records them now (refs/ccmflow/status/*, fetched first)."""
    fetch(ctx.repo, ctx.settings.token, (STATUS_REFS,))
    return {did: agreed_statuses(ctx.repo, d) for did, d in base.documents.items()}


def _json_list(text: str | None) -> list[str]:
    try:
        data = json.loads(text) if text else []
    except ValueError:
        return []
    return [str(item) for item in data] if isinstance(data, list) else []


def _folded(names: frozenset[str]) -> frozenset[str]:
    return frozenset(n.lower() for n in names)


def _merged_log(number: int, logs: Sequence[SubmissionLog]) -> SubmissionLog:
    """The hidden log of the status comment; if a retried POST ever left two, their receipts are merged."""
    if not logs:
        return SubmissionLog(number)
    merged = logs[0]
    for other in logs[1:]:
        for receipt in sorted(other.receipts, key=lambda r: r.received):
            merged = merged.record(receipt.sha, receipt.received, receipt.source)
    return merged


def apply(client: GitHub, pull: PullInfo, decision: Decision, ours: Sequence[CommentInfo], guard: bool = False,
          noticed: bool = False, key: bytes | None = None) -> tuple[str, SubmissionLog]:
    """Labels, then statuses, then closing, then the comment that records them: a crash halfway re-applies.

    Returns what was written, and the log the status comment now holds.
    """
    done: list[str] = []
    previous = Applied.of(decision.log)
    comment = ours[0] if ours else None
    # An event payload predates the bot's last writes unless it is newer than the status comment.
    payload_current = pull.fresh or comment is None or pull.updated_at > comment.updated_at
    current = frozenset(n for n in pull.labels if labels.owned(n))
    if not payload_current and previous.labels is not None:
        current = previous.labels
    statuses = dict(previous.statuses) if previous.sha == pull.head_sha else {}
    pending = [s for s in decision.statuses if statuses.get(s.context) != [s.state, s.description]]
    statuses.update({s.context: [s.state, s.description] for s in pending})
    # A notice goes out once: the status comment's own mentions count when that comment is new.
    delivered = set(_json_list(decision.log.extra.get(NOTICED)))
    marker = decision.notice[0] if decision.notice is not None else None
    notify = marker is not None and marker not in delivered and not noticed and comment is not None
    if marker is not None:
        delivered.add(marker)
    hidden = {**decision.log.extra, APPLIED: Applied(decision.labels, pull.head_sha, statuses).encode()}
    if delivered:
        hidden[NOTICED] = json.dumps(sorted(delivered), separators=(",", ":"))
    log = replace(decision.log, extra=hidden)
    body = f"{decision.body}\n\n{encode(log, key)}"  # the log last: only a block that ends the body is read
    if len(body) > MAX_COMMENT:
        raise AssertionError(f"status comment of {len(body)} characters; messages must keep it shorter")
    relabel = _folded(current) != _folded(decision.labels)  # GitHub's label names ignore case
    writes = (relabel or pending or decision.close or decision.reopen or notify or comment is None
              or comment.body != body)
    if guard and writes and comment is not None and not any(
            c.id == comment.id and c.body == comment.body for c in client.comments(pull.number)):
        raise CommentMoved(f"#{pull.number}: its status comment changed while this run worked")
    if relabel:
        kept = [n for n in pull.labels if not labels.owned(n)]
        result = client.set_labels(pull.number, sorted({*kept, *decision.labels}))
        done.append("labels")
        specs = {name.lower(): spec for name, spec in decision.label_specs.items()}
        for label in result:
            spec = specs.get(label.name.lower())
            if spec and label.color == labels.GITHUB_DEFAULT_COLOR and not label.description:
                client.update_label(spec)  # GitHub created it on the fly, grey: once per repository
    for status in pending:
        client.create_status(pull.head_sha, status, pull.html_url)
        done.append(status.context)
    if decision.close:
        client.set_state(pull.number, "closed")
        done.append("closed")
    if decision.reopen:
        client.set_state(pull.number, "open")
        done.append("reopened")
    if comment is None:
        client.create_comment(pull.number, body, STATUS_MARKER)  # new: its mentions notify
        done.append("comment created")
    elif notify and decision.notice is not None:
        client.create_comment(pull.number, f"{decision.notice[0]}\n{decision.notice[1]}", decision.notice[0])
        done.append("Presidency notified")
    if comment is not None and comment.body != body:
        client.edit_comment(comment.id, body)
        done.append("comment updated")
    for extra in ours[1:]:
        client.delete_comment(extra.id)
        done.append("duplicate comment removed")
    return ", ".join(done), log
