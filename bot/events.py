"""The events the bot acts on, parsed once from GitHub's payload into typed, frozen records.

Behaviours receive these records, never the payload: every field they use was checked here, and a payload
GitHub sends in another shape is refused with the path of the first field that is missing or of the wrong type
(`PayloadError`), so that the run ignores it with one line instead of a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from enum import StrEnum
from typing import Any

from msgspec import Struct

from ccmflow.core.submissions import Source

from .client import PullInfo
from .payload import SHA, Fields

COMMAND_PREFIX = "/ccmflow"


class CommandWord(StrEnum):
    """The words of `/ccmflow <word>` comments the bot answers."""

    ACCEPT_LATE = "accept-late"
    RECHECK = "recheck"
    SUMMARY = "summary"
    CO_SPONSOR = "co-sponsor"
    # Paragraph status at the conference (behaviours/paragraphstatus.py).
    AD_REF = "ad-ref"
    AGREE = "agree"
    REOPEN = "reopen"


# The commands whose effect on an input the consolidation summary shows: it is refreshed after them.
INPUT_COMMANDS = frozenset({CommandWord.ACCEPT_LATE, CommandWord.RECHECK, CommandWord.CO_SPONSOR})


def command_of(body: str) -> tuple[str, tuple[str, ...]] | None:
    """The command word and arguments when a comment's first line is `/ccmflow <word> ...`, else None."""
    lines = body.strip().splitlines()
    words = lines[0].split() if lines else []
    if not words or words[0] != COMMAND_PREFIX:
        return None
    return (words[1].lower() if len(words) > 1 else "", tuple(words[2:]))

# The pull request actions that may bring a new version of an input, or change whether it is open.
PULL_ACTIONS = ("opened", "synchronize", "reopened", "edited", "ready_for_review", "closed")

class Repository(Struct, frozen=True):
    default_branch: str
    html_url: str | None  # for links in the bot's comments; the settings' repository when absent

    @classmethod
    def parse(cls, fields: Fields) -> Repository:
        return cls(default_branch=fields.name("default_branch"), html_url=fields.opt_text("html_url"))

    def not_default(self, ref: str) -> str | None:
        """Why `ref` is not this repository's default branch, None when it is.

        The one rule for 'on the base branch' (a push to it, a run dispatched from it): the exact branch ref,
        so a tag, another branch or a payload that does not say its default branch are never taken for it.
        """
        if ref == f"refs/heads/{self.default_branch}":
            return None
        return f"{ref!r} is not the default branch ({self.default_branch!r})"


class User(Struct, frozen=True):
    login: str
    id: int  # the numeric account id: the registry trusts this, never the login

    @classmethod
    def parse(cls, fields: Fields) -> User:
        return cls(login=fields.name("login"), id=fields.integer("id"))


class Comment(Struct, frozen=True):
    id: int
    body: str
    user: User
    created_at: datetime  # GitHub's time: when the comment was made

    @classmethod
    def parse(cls, fields: Fields) -> Comment:
        return cls(id=fields.integer("id"), body=fields.text("body"), user=User.parse(fields.obj("user")),
                   created_at=fields.time("created_at"))

    @property
    def command(self) -> tuple[str, tuple[str, ...]] | None:
        """The command word and arguments when the comment's first line is `/ccmflow <word> ...`."""
        return command_of(self.body)


class Issue(Struct, frozen=True):
    number: int
    is_pull_request: bool  # GitHub's issues API also lists pull requests, marked by a `pull_request` object

    @classmethod
    def parse(cls, fields: Fields) -> Issue:
        return cls(number=fields.integer("number"), is_pull_request=fields.opt_obj("pull_request") is not None)


class PullRequestEvent(Struct, frozen=True):
    """pull_request and pull_request_target."""

    action: str
    pull: PullInfo
    before: str | None = None  # synchronize: the head this push replaced, when GitHub says

    @property
    def received(self) -> tuple[datetime, Source]:
        """When GitHub received the head this event is about, and what set that time (the log's source).

        The PR's creation for the first version; for a push, the event's server time (updated_at); for
        anything else, updated_at is the best bound GitHub gives.
        """
        if self.action == "opened":
            return self.pull.created_at, Source.PR_CREATED
        return self.pull.updated_at, (Source.EVENT if self.action == "synchronize" else Source.BACKFILL)


class IssueCommentEvent(Struct, frozen=True):
    action: str
    issue: Issue
    comment: Comment


class IssuesEvent(Struct, frozen=True):
    """issues: an issue opened or edited; its body is a stranger's data (the input form, or anything)."""

    action: str
    issue: Issue
    body: str  # empty when GitHub sends none (an issue opened without a description)
    user: User  # who opened it: the registry trusts the numeric id
    created_at: datetime  # GitHub's time: when the issue was opened
    updated_at: datetime  # GitHub's time: its last change (for `edited`, the edit)
    state: str  # open | closed
    repository: Repository
    sender: User  # who made this change (for `edited`, the editor: maintainers can edit anyone's issue)
    # For `edited`: whether the body changed. GitHub names what an edit changed (`changes.body`, `changes.title`);
    # an edit of the title alone brings no new text, so it can make no version of the input.
    body_changed: bool = True


class PushEvent(Struct, frozen=True):
    ref: str
    before: str  # all zeros when the branch was created
    after: str  # all zeros when it was deleted
    deleted: bool
    repository: Repository

    def not_to_default_branch(self) -> str | None:
        """Why this push does not change the base branch, None when it does."""
        if self.deleted:
            return f"the push deletes {self.ref!r}"
        return self.repository.not_default(self.ref)


class WorkflowDispatch(Struct, frozen=True):
    ref: str  # the branch or tag the run was started from
    repository: Repository

    def not_on_default_branch(self) -> str | None:
        return self.repository.not_default(self.ref)


class Schedule(Struct, frozen=True):
    """A scheduled run: GitHub runs it from the default branch, and the bot reads nothing of its payload."""

    def not_on_default_branch(self) -> str | None:
        return None  # GitHub runs only the default branch's copy of a scheduled workflow


Event = PullRequestEvent | IssueCommentEvent | IssuesEvent | PushEvent | WorkflowDispatch | Schedule


def _pull_request(top: Fields) -> PullRequestEvent:
    pull = PullInfo.from_json(top.obj("pull_request").data, path="pull_request")
    # `before` only helps find a version whose own run was lost; a payload without it is still usable.
    before = top.opt_text("before")
    return PullRequestEvent(action=top.name("action"), pull=pull,
                            before=before if before is not None and SHA.fullmatch(before) else None)


def _issue_comment(top: Fields) -> IssueCommentEvent:
    return IssueCommentEvent(action=top.name("action"), issue=Issue.parse(top.obj("issue")),
                             comment=Comment.parse(top.obj("comment")))


def _issues(top: Fields) -> IssuesEvent:
    issue = top.obj("issue")
    return IssuesEvent(action=top.name("action"), issue=Issue.parse(issue),
                       body=issue.opt_text("body") or "", user=User.parse(issue.obj("user")),
                       created_at=issue.time("created_at"), updated_at=issue.time("updated_at"),
                       state=issue.name("state"), repository=Repository.parse(top.obj("repository")),
                       sender=User.parse(top.obj("sender")), body_changed=_body_changed(top))


def _body_changed(top: Fields) -> bool:
    """False only when GitHub says the edit changed something else (the title) and not the body."""
    changes = top.opt_obj("changes")
    named = changes.keys() if changes is not None else ()
    return not named or "body" in named


def _push(top: Fields) -> PushEvent:
    return PushEvent(ref=top.name("ref"), before=top.sha("before"), after=top.sha("after"),
                     deleted=top.flag("deleted"), repository=Repository.parse(top.obj("repository")))


def _dispatch(top: Fields) -> WorkflowDispatch:
    return WorkflowDispatch(ref=top.name("ref"), repository=Repository.parse(top.obj("repository")))


PARSERS: dict[str, Callable[[Fields], Event]] = {
    "pull_request": _pull_request,
    "pull_request_target": _pull_request,
    "issue_comment": _issue_comment,
    "issues": _issues,
    "push": _push,
    "workflow_dispatch": _dispatch,
    "schedule": lambda top: Schedule(),
}


def action_of(payload: Any) -> str | None:
    """The payload's action, for routing; None for events without one (push) or a payload without it."""
    action = payload.get("action") if isinstance(payload, dict) else None
    return action if isinstance(action, str) else None


def parse(name: str, payload: Any) -> Event:
    """The record of event `name`, one a behaviour handles (each has its parser, which tests/bot/test_bot_startup.py
    checks); PayloadError names the first field the bot cannot use."""
    return PARSERS[name](Fields.of(payload, ""))

