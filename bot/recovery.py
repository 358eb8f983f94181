"""What a lost state is rebuilt from, besides the receipts: the issue a form's pull request came from, and the
commands said on the pull request, each as GitHub recorded it (author's numeric id, time of the comment).

A state is lost when the status comment exists but its block cannot be read (a key set or rotated, a comment
cut or edited), or when the bot never wrote one on a pull request that is not new. What the commands did is
done again by the same rules as when they were said, against the base branch's registry as it is now:
an acceptance counts only from an account with `accept-late`, a recheck from one that may ask for it, a
co-sponsor's consent only from a registered account of a delegation the input names. A comment edited since
it was made is not replayed: the bot obeys commands when they are said, and cannot know what an edit changed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from msgspec.structs import replace

from ccmflow.core.model import Registry
from ccmflow.core.roles import MAY_RECHECK, Role
from ccmflow.core.submissions import Acceptance, IssueOrigin, Recheck, SubmissionLog

from . import consent
from .client import CommentInfo, PullInfo
from .context import Context
from .events import CommandWord, command_of

_FORM_BRANCH = re.compile(r"input/issue-([1-9][0-9]{0,9})")


def branch_of(issue: int) -> str:
    """The branch that holds the input of issue `issue`: one per issue, so every edit replaces its head."""
    return f"input/issue-{issue}"


def origin(ctx: Context, pull: PullInfo) -> IssueOrigin | None:
    """The issue a pull request the bot opened came from, as GitHub records it (one request), or None.

    Only the bot's own pull requests from its own form branch in this repository: nobody else's branch name
    makes an issue's author speak for an input.
    """
    found = _FORM_BRANCH.fullmatch(pull.head_ref)
    if (found is None or pull.author_login != ctx.settings.login
            or (pull.head_repo or "").lower() != ctx.settings.repository.lower()):
        return None
    issue = ctx.client.get_issue(int(found.group(1)))
    return IssueOrigin(number=issue.number, author_id=issue.author_id, author_login=issue.author_login,
                       created_at=issue.created_at)


def replay(log: SubmissionLog, comments: Iterable[CommentInfo], registry: Registry, named: frozenset[str],
           bot_login: str) -> SubmissionLog:
    """The log with what the commands on the pull request did, by the rules they were obeyed by."""
    for comment in comments:
        parsed = command_of(comment.body)
        if parsed is None or comment.login == bot_login or comment.updated_at != comment.created_at:
            continue
        word, at, who = parsed[0], comment.created_at, comment.user_id
        if word == CommandWord.ACCEPT_LATE and registry.may(who, Role.ACCEPT_LATE):
            if log.accepted is None or log.accepted.at < at:  # said twice, the later one counts
                log = replace(log, accepted=Acceptance(who, comment.login, at))
        elif word == CommandWord.RECHECK and any(registry.may(who, role) for role in MAY_RECHECK):
            # Each run that obeys a recheck records it over the one before: the last said counts (GitHub lists
            # comments oldest first), also when two were said within the same second.
            log = replace(log, recheck=Recheck(by_id=who, by_login=comment.login, at=at))
        elif word == CommandWord.CO_SPONSOR:
            for confirmation in consent.confirmations(registry, user_id=who, login=comment.login, at=at,
                                                      delegations=named):
                log = log.confirm(confirmation)
    return log
