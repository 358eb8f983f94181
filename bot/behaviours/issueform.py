"""Input sent through the issue form: a pull request on the delegation's behalf, triaged in the same run."""

from __future__ import annotations

from datetime import datetime

from msgspec.structs import replace

from ccmflow.core.record import PullState
from ccmflow.core.submissions import IssueOrigin, Source, SubmissionLog
from ccmflow.propose import messages
from ccmflow.propose.build import Built, ProposalError, build
from ccmflow.propose.form import FormProblems, Submission, is_form, parse_form, read_form
from ccmflow.repo import prinput
from ccmflow.repo.branches import publish_branch

from ..client import PullInfo, mine
from ..context import Context
from ..events import IssuesEvent
from ..recovery import branch_of
from ..router import Result, Router, handled, ignored
from ..triaging import triage_guarded


def register(router: Router) -> None:
    router.on("issues", "opened", on_issue)
    router.on("issues", "edited", on_issue)


def on_issue(ctx: Context, event: IssuesEvent) -> Result:
    number = event.issue.number
    if event.issue.is_pull_request:
        return ignored(f"#{number} is a pull request, not an issue form")
    if not is_form(event.body):
        return ignored(f"#{number} was not written with the input form")
    if event.state != "open":
        return ignored(f"#{number} is closed: its form is no longer read")
    if event.action == "edited" and event.sender.id != event.user.id:
        # The input speaks for the author's delegation: only the author's own edits make a version of it.
        return ignored(f"#{number} was edited by account {event.sender.id}, not by its author "
                       f"({event.user.id}): the input is left as its author last sent it")
    if event.action == "edited" and not event.body_changed:
        # Only the title changed: the form's text is as it was (and may not be the author's own, if someone else
        # edited it since), so no version is made.
        return ignored(f"#{number}: only its title was edited; the input is left as its author last sent it")
    # GitHub's times: the issue's creation dates the first version, an edit the version it makes.
    received, source = ((event.created_at, Source.ISSUE_CREATED) if event.action == "opened"
                        else (event.updated_at, Source.ISSUE_EDITED))
    # The bot's own pull request from the form's branch into the default branch: one a maintainer opened from
    # that branch, or into another base, neither takes the author's next edit nor blocks it.
    existing = ctx.client.find_pull(branch_of(number), event.repository.default_branch)
    if existing is not None and existing.state != PullState.OPEN:
        _answer(ctx, number, messages.closed_comment(event.user.login, existing.number, existing.state))
        return handled(f"#{number}: its pull request #{existing.number} is {existing.state}; the edit was not applied")
    built, problems = _build(ctx, event, received)
    if built is None:
        _answer(ctx, number, messages.problems_comment(event.user.login, problems,
                                                        existing.number if existing else None))
        return handled(f"#{number}: the form cannot be used ({len(problems)} to fix); answered on the issue")
    registry = ctx.base().registry
    names = [s.name for d in built.record.on_behalf_of if (s := registry.get(d)) is not None]
    if ctx.settings.dry_run:
        return handled(f"#{number}: dry run: would push {branch_of(number)} with {built.summary} and open or update "
                       "its pull request")
    pull = _publish(ctx, event, built, names, existing)
    _answer(ctx, number, messages.linked_comment(event.user.login, pull.number, built.summary, names))
    origin = IssueOrigin(number=number, author_id=event.user.id, author_login=event.user.login,
                         created_at=event.created_at)

    def noted(log: SubmissionLog) -> SubmissionLog:
        return replace(log, origin=origin)

    triaged = triage_guarded(ctx, pull, received, source, update=noted, new=existing is None)
    what = "opened" if existing is None else "updated"
    return handled(f"#{number}: {built.summary}, pull request #{pull.number} {what}; triage: {triaged.text}")


def _build(ctx: Context, event: IssuesEvent, received: datetime) -> tuple[Built | None, tuple[str, ...]]:
    """The change the form asks for, made against the base commit; or what to fix in the form."""
    base = ctx.base()
    submission = Submission(issue=event.issue.number, author_id=event.user.id, received=received)
    try:
        proposal = read_form(parse_form(event.body), base, submission)
        document = base.document(proposal.document)
        assert document is not None
        text = ctx.store.text(ctx.base_commit(), document.path) or ""
        return build(base, text, proposal, f"issue-{event.issue.number}"), ()
    except FormProblems as exc:
        return None, exc.problems
    except ProposalError as exc:
        return None, (str(exc),)


def _publish(ctx: Context, event: IssuesEvent, built: Built, names: list[str], existing: PullInfo | None) -> PullInfo:
    """The input's branch pushed (a new commit only when the change differs) and its pull request open."""
    number = event.issue.number
    previous = existing.head_sha if existing is not None else None
    if existing is not None and previous is not None:
        prinput.ensure_heads(ctx.store, {existing.number: previous}, ctx.settings.token)
    message = f"{messages.pull_title(built.summary, names)}\n\nSent through the issue form in #{number}."
    sha = publish_branch(ctx.store, ctx.base_commit(), built.files, message, branch_of(number), ctx.settings.token,
                         previous)
    title = messages.pull_title(built.summary, names)
    body = messages.pull_body(number, event.user.login, built.summary, names)
    if existing is None:
        pull = ctx.client.create_pull(title, branch_of(number), event.repository.default_branch, body)
    else:
        if (existing.title, existing.body) != (title, body):
            ctx.client.edit_pull(existing.number, title, body)
        pull = existing if sha is None else ctx.client.get_pull(existing.number)
    # GitHub moves a pull request's head shortly after the push: the commit just pushed is the head.
    return replace(pull, head_sha=sha) if sha is not None and pull.head_sha != sha else pull


def _answer(ctx: Context, number: int, body: str) -> None:
    """The bot's one comment on the issue, written or brought up to date; nothing when it already says this."""
    found = mine(ctx.client.comments(number), ctx.settings.login, messages.FORM_MARKER)
    if not found:
        ctx.client.create_comment(number, body, messages.FORM_MARKER)
    elif found[0].body != body:
        ctx.client.edit_comment(found[0].id, body)
