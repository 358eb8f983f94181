"""The consolidation summary on GitHub: one tracking issue per document, whose body the bot keeps current.

Refreshed on schedule and workflow_dispatch (which also publish the compilation text on the branch
`ccmflow-compilation`), after every triage, and on `/ccmflow summary` from the Presidency or the support unit.
Requests for the listing: the open-PR list (ceil(N/100)) + the tracking issues (1) + one write per document whose
summary changed. Inputs are read from git (refs/pull/*/head, the ledger), never with per-PR API calls.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from msgspec import Struct
from msgspec.structs import replace

from ccmflow.core import labels
from ccmflow.core.errors import FatalError
from ccmflow.core.model import Workspace
from ccmflow.core.roles import MAY_ASK_SUMMARY, MAY_ASK_SUMMARY_WHO
from ccmflow.core.submissions import SubmissionLog
from ccmflow.inputs.collect import Inputs, collect
from ccmflow.inputs.compile import compile_inputs, render_html, render_markdown
from ccmflow.inputs.summary import build
from ccmflow.inputs.summary_render import MAX_BODY, markdown_parts
from ccmflow.repo.fetch import push
from ccmflow.repo.ledger import Ledger, read_ledger
from ccmflow.repo.treeedit import publish_tree
from ccmflow.triage import messages

from ..client import GitHub, GitHubUnreachable, PullInfo
from ..context import Context
from ..events import (
    INPUT_COMMANDS,
    PULL_ACTIONS,
    CommandWord,
    IssueCommentEvent,
    PullRequestEvent,
    Schedule,
    WorkflowDispatch,
)
from ..replies import reply
from ..router import Command, Result, Router, handled, ignored
from ..triaging import ledger_record

TITLE = "Consolidation summary: "
MAX_TITLE = 256
BRANCH = "ccmflow-compilation"
_MARKER = re.compile(r"<!-- ccmflow:summary (\S+) parts=(\d+) -->")
_PART = re.compile(r"<!-- ccmflow:summary-part (\S+) (\d+)/(\d+) -->")
_ROOM = 200  # characters kept free in each body for the hidden markers
ROLES = MAY_ASK_SUMMARY

LogUpdate = Callable[[int, SubmissionLog], SubmissionLog]


def register(router: Router) -> None:
    router.on("schedule", None, on_schedule)
    router.on("workflow_dispatch", None, on_schedule)
    for event in ("pull_request_target", "pull_request"):
        for action in PULL_ACTIONS:
            router.after(event, action, after_triage)
    router.after("issue_comment", "created", after_command)
    router.command(CommandWord.SUMMARY, on_command)


def on_schedule(ctx: Context, event: WorkflowDispatch | Schedule) -> Result:
    why_not = event.not_on_default_branch()
    if why_not is not None:  # the checkout is that branch's: its documents are not the ones delegations amend
        return ignored(f"run from {why_not}: no summary from there")
    return refresh(ctx, create=True, publish=not ctx.settings.dry_run)


def after_triage(ctx: Context, event: PullRequestEvent) -> Result:
    """The triaged input's newest version is logged just as triage logs it; everything else comes from the ledger."""
    pull = event.pull
    received, source = event.received

    def update(number: int, log: SubmissionLog) -> SubmissionLog:
        return log.record(pull.head_sha, received, source) if number == pull.number else log

    return _quietly(ctx, lambda: refresh(ctx, create=False, update=update))


def after_command(ctx: Context, event: IssueCommentEvent) -> Result:
    """After /ccmflow accept-late or recheck, the input's log (just rewritten by triage) is read again."""
    parsed = event.comment.command
    if parsed is None or parsed[0] not in INPUT_COMMANDS or not event.issue.is_pull_request:
        return ignored("no input changed: the summary stays as it is")
    number = event.issue.number

    def work() -> Result:
        fresh = ctx.status_log(number)

        def update(n: int, log: SubmissionLog) -> SubmissionLog:
            return fresh if n == number and fresh is not None else log

        return refresh(ctx, create=False, update=update)

    return _quietly(ctx, work)


def on_command(ctx: Context, command: Command) -> Result:
    """`/ccmflow summary`: refresh every summary now, and answer once (a repeated run answers nothing new)."""
    registry = ctx.base().registry
    allowed = any(registry.may(command.user_id, role) for role in ROLES)
    if not allowed:
        reply(ctx, command, messages.refusal(command.login, command.word, MAY_ASK_SUMMARY_WHO))
        return ignored(f"'/ccmflow summary' from @{command.login}: only {MAY_ASK_SUMMARY_WHO} "
                       "may ask for it (the summary is refreshed hourly anyway)")
    outcome = refresh(ctx, create=True)
    reply(ctx, command, messages.summary_answer(command.login))
    return outcome


def _quietly(ctx: Context, work: Callable[[], Result]) -> Result:
    """A refresh after triage that fails leaves triage's work standing; the hourly run refreshes it again.

    Not when GitHub could not be reached: that run did nothing, and must not look green.
    """
    try:
        return work()
    except GitHubUnreachable:
        raise
    except FatalError as exc:
        return ignored(f"summary not refreshed: {exc}")


class Issue(Struct, frozen=True):
    number: int
    title: str
    body: str

    @property
    def parts(self) -> int:
        match = _MARKER.search(self.body)
        return int(match.group(2)) if match else 1


def refresh(ctx: Context, *, create: bool, update: LogUpdate | None = None, publish: bool = False) -> Result:
    """Every document's summary, written where it changed; `create` opens missing tracking issues."""
    workspace = ctx.base()
    issues = [Issue(n, t, b) for n, t, b, who in ctx.client.find_issues(labels.SUMMARY) if who == ctx.settings.login]
    if not create and not issues:
        return ignored("no tracking issue yet: the maintenance job opens one per document")
    problem = ctx.fetch()
    listed = ctx.open_pulls()
    ledger = merged_ledger(read_ledger(ctx.store), listed, update, ctx.settings.login)
    numbers = frozenset(pull.number for pull in listed)
    collected = {doc: collect(ctx.store, doc, now=ctx.settings.now, ledger=ledger, open_numbers=numbers)
                 for doc in _documents(workspace)}
    links = _publish_compilations(ctx, collected) if publish else _published(ctx, collected)
    written: list[str] = []
    for doc, found in collected.items():
        title = (TITLE + found.document.title)[:MAX_TITLE]
        issue = _find(issues, doc, title)
        if issue is None and not (create and found.inputs):
            continue
        parts = markdown_parts(build(found, compilation=links.get(doc)), MAX_BODY - _ROOM, stamp=False)
        if write(ctx.client, ctx.settings.login, issue, doc, title, parts):
            written.append(doc)
    note = f" (working from local refs: {problem})" if problem else ""
    return handled(f"summaries of {len(collected)} document(s) from {len(listed)} open PRs: "
                   f"{', '.join(written) or 'none'} updated{note}")


def _documents(workspace: Workspace) -> list[str]:
    order = [d for d in workspace.process.document_order if d in workspace.documents]
    return order + sorted(d for d in workspace.documents if d not in order)


def merged_ledger(ledger: Ledger, listed: Sequence[PullInfo], update: LogUpdate | None, bot_login: str) -> Ledger:
    """The ledger (hourly) with what the PR list says now: title, description, head, author; logs kept."""
    records = {r.number: r for r in ledger.inputs}
    if update is not None:
        records = {n: replace(r, log=update(n, r.log)) for n, r in records.items()}
    for pull in listed:
        old = records.get(pull.number)
        log = old.log if old is not None else SubmissionLog(pull.number)
        if old is None and update is not None:
            log = update(pull.number, log)
        records[pull.number] = ledger_record(pull, log, bot_login)
    return Ledger(tuple(records[n] for n in sorted(records)))


def _find(issues: Sequence[Issue], doc: str, title: str) -> Issue | None:
    """The tracking issue: by its hidden marker, else by its exact title; the oldest when there are several."""
    marked = [i for i in issues if (m := _MARKER.search(i.body)) is not None and m.group(1) == doc]
    found = marked or [i for i in issues if i.title == title]
    return min(found, key=lambda i: i.number) if found else None


def write(client: GitHub, login: str, issue: Issue | None, doc: str, title: str, parts: Sequence[str]) -> bool:
    """Make the issue (and its overflow comments) say `parts`; writes only what differs. True when it wrote."""
    count = len(parts)
    body = f"<!-- ccmflow:summary {doc} parts={count} -->\n{parts[0]}"
    wrote = False
    if issue is None:
        number, before = client.create_issue(title, body, [labels.SUMMARY]), 1
        wrote = True
    else:
        number, before = issue.number, issue.parts
        if issue.body != body or issue.title != title:
            client.edit_issue(number, title, body)
            wrote = True
    if count > 1 or before > 1:
        wrote = _overflow(client, login, number, doc, parts) or wrote
    return wrote


def _overflow(client: GitHub, login: str, number: int, doc: str, parts: Sequence[str]) -> bool:
    """Parts 2..n as the bot's comments on the issue, each with a hidden part marker; extra ones deleted."""
    mine: dict[int, tuple[int, str]] = {}
    for comment in client.comments(number):
        match = _PART.search(comment.body)
        if comment.login == login and match and match.group(1) == doc:
            mine.setdefault(int(match.group(2)), (comment.id, comment.body))
    wrote = False
    for index in range(2, len(parts) + 1):
        body = f"<!-- ccmflow:summary-part {doc} {index}/{len(parts)} -->\n{parts[index - 1]}"
        if index not in mine:
            client.create_comment(number, body, f"<!-- ccmflow:summary-part {doc} {index}/")
            wrote = True
        elif mine[index][1] != body:
            client.edit_comment(mine[index][0], body)
            wrote = True
    for index, (comment_id, _) in mine.items():
        if index > len(parts):
            client.delete_comment(comment_id)
            wrote = True
    return wrote


def _server(ctx: Context) -> str:
    api = ctx.settings.api_url.rstrip("/")
    return "https://github.com" if api == "https://api.github.com" else api.removesuffix("/api/v3")


def _links(ctx: Context, docs: Sequence[str]) -> dict[str, str]:
    base = f"{_server(ctx)}/{ctx.settings.repository}/blob/{BRANCH}/compilation"
    return {d: f"[Markdown]({base}/{d}.md), [HTML]({base}/{d}.html) (on the branch `{BRANCH}`)" for d in docs}


def _published(ctx: Context, collected: Mapping[str, Inputs]) -> dict[str, str]:
    """Links to the compilation texts the last maintenance run published, when there are any."""
    published = ctx.store.find_commit(f"refs/remotes/origin/{BRANCH}")
    if published is None:
        return {}
    return _links(ctx, [d for d in collected if ctx.store.file(published.id, f"compilation/{d}.md") is not None])


def _publish_compilations(ctx: Context, collected: Mapping[str, Inputs]) -> dict[str, str]:
    """Commit every document's compilation text to the branch ccmflow-compilation and push it when it changed."""
    files: dict[str, bytes] = {}
    for doc, found in collected.items():
        if found.inputs:
            compiled = compile_inputs(found)
            files[f"compilation/{doc}.md"] = render_markdown(compiled).encode("utf-8")
            files[f"compilation/{doc}.html"] = render_html(compiled).encode("utf-8")
    if not files:
        return {}
    if publish_tree(ctx.store, BRANCH, f"refs/remotes/origin/{BRANCH}", files, "Compilation texts"):
        push(ctx.store, ctx.settings.token, [f"+refs/heads/{BRANCH}:refs/heads/{BRANCH}"])
    return _links(ctx, [f.split("/")[1].removesuffix(".md") for f in files if f.endswith(".md")])
