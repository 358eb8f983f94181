"""Presidency commands said in pull request comments: /ccmflow accept-late and /ccmflow recheck."""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial

from msgspec.structs import replace

from ccmflow.core.roles import MAY_RECHECK, MAY_RECHECK_WHO, Role
from ccmflow.core.submissions import Acceptance, Recheck, SubmissionLog
from ccmflow.triage import messages

from ..client import GitHubNotFound
from ..context import Context
from ..events import CommandWord, IssueCommentEvent
from ..replies import not_a_pull_request, reply
from ..router import Command, CommandHandler, Result, Router, handled, ignored
from ..triaging import triage_command


def register(router: Router) -> None:
    # The comment handler finds each word's handler in this router's table, whatever registered it.
    router.on("issue_comment", "created", partial(on_comment, commands=router.commands))
    router.command(CommandWord.ACCEPT_LATE, accept_late)
    router.command(CommandWord.RECHECK, recheck)


def on_comment(ctx: Context, event: IssueCommentEvent, *, commands: Mapping[str, CommandHandler]) -> Result:
    comment = event.comment
    parsed = comment.command
    if parsed is None:
        return ignored("the comment is not a /ccmflow command")
    word, args = parsed
    handler = commands.get(word)
    if handler is None:
        return ignored(f"'/ccmflow {word}' is not a command of this bot's behaviours")
    command = Command(word=word, args=args, number=event.issue.number, on_pull_request=event.issue.is_pull_request,
                      user_id=comment.user.id, login=comment.user.login, comment_id=comment.id,
                      created_at=comment.created_at)
    try:
        return handler(ctx, command)
    except GitHubNotFound as exc:  # the issue was deleted since the comment was made, or never was here
        return ignored(f"#{command.number}: '/ccmflow {word}' cannot be answered there: {exc}")


def _refuse(ctx: Context, command: Command, who_may: str) -> Result:
    """One short, polite reply per refused command, also when the run is repeated."""
    if not reply(ctx, command, messages.refusal(command.login, command.word, who_may)):
        return ignored(f"#{command.number}: '/ccmflow {command.word}' from @{command.login} was already answered")
    return handled(f"#{command.number}: refused '/ccmflow {command.word}' from @{command.login} "
                   f"(account {command.user_id} lacks the role)")


def accept_late(ctx: Context, command: Command) -> Result:
    if not command.on_pull_request:
        return not_a_pull_request(ctx, command)
    if not ctx.base().registry.may(command.user_id, Role.ACCEPT_LATE):
        return _refuse(ctx, command, "the Presidency")
    acceptance = Acceptance(command.user_id, command.login, command.created_at)

    def accept(log: SubmissionLog) -> SubmissionLog:
        previous = log.accepted
        # Said twice, the later acceptance counts: it covers every version received until then.
        return log if previous and previous.at >= acceptance.at else replace(log, accepted=acceptance)

    return triage_command(ctx, command, accept)


def recheck(ctx: Context, command: Command) -> Result:
    if not command.on_pull_request:
        return not_a_pull_request(ctx, command)
    registry = ctx.base().registry
    if not any(registry.may(command.user_id, role) for role in MAY_RECHECK):
        return _refuse(ctx, command, MAY_RECHECK_WHO)
    asked = Recheck(by_id=command.user_id, by_login=command.login, at=command.created_at)

    def note(log: SubmissionLog) -> SubmissionLog:
        return replace(log, recheck=asked)

    return triage_command(ctx, command, note)
