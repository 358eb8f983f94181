"""Presidency commands said in pull request comments: /ccmflow accept-late and /ccmflow recheck."""

from __future__ import annotations

import json
from dataclasses import replace

from bot.client import PullInfo, github_time, mine
from bot.context import Context
from bot.router import Command, Outcome, Router, handled, ignored
from bot.triage import LogUpdate, triage_guarded
from ccmflow import messages
from ccmflow.messages import RECHECK
from ccmflow.submissions import Acceptance, SubmissionLog

PREFIX = "/ccmflow"


def register(router: Router) -> None:
    router.on("issue_comment", "created", on_comment)
    router.command("accept-late", accept_late)
    router.command("recheck", recheck)


def parse(body: str) -> tuple[str, tuple[str, ...]] | None:
    """The command word and arguments when the comment's first line is `/ccmflow <word> ...`."""
    first = (body or "").strip().splitlines()[0] if (body or "").strip() else ""
    words = first.split()
    if not words or words[0] != PREFIX:
        return None
    return (words[1].lower() if len(words) > 1 else "", tuple(words[2:]))


def on_comment(ctx: Context) -> Outcome:
    comment, issue = ctx.payload.get("comment") or {}, ctx.payload.get("issue") or {}
    parsed = parse(str(comment.get("body") or ""))
    if parsed is None:
        return ignored("the comment is not a /ccmflow command")
    word, args = parsed
    handler = ctx.router.commands.get(word)
    if handler is None:
        return ignored(f"'/ccmflow {word}' is not a command of this bot's behaviours")
    command = Command(word, args, int(issue["number"]), "pull_request" in issue, int(comment["user"]["id"]),
                      str(comment["user"]["login"]), int(comment["id"]), github_time(comment["created_at"]))
    return handler(ctx, command)


def reply_marker(command: Command) -> str:
    """The hidden marker of the bot's one reply to a command, found again when the run is repeated."""
    return f"<!-- ccmflow:reply {command.comment_id} -->"


def answered(ctx: Context, command: Command) -> bool:
    return bool(mine(ctx.client.comments(command.number), ctx.settings.login, reply_marker(command)))


def _refuse(ctx: Context, command: Command, who_may: str) -> Outcome:
    """One short, polite reply per refused command, also when the run is repeated."""
    marker = reply_marker(command)
    if answered(ctx, command):
        return ignored(f"#{command.number}: '/ccmflow {command.word}' from @{command.login} was already answered")
    body = f"{marker}\n{messages.refusal(command.login, command.word, who_may)}"
    ctx.client.create_comment(command.number, body, marker)
    return handled(f"#{command.number}: refused '/ccmflow {command.word}' from @{command.login} "
                   f"(account {command.user_id} lacks the role)")


def accept_late(ctx: Context, command: Command) -> Outcome:
    if not command.on_pull_request:
        return ignored("'/ccmflow accept-late' applies to a pull request, not to an issue")
    if not ctx.base().registry.may(command.user_id, "accept-late"):
        return _refuse(ctx, command, "the Presidency")
    acceptance = Acceptance(command.user_id, command.login, command.created_at)

    def accept(log: SubmissionLog) -> SubmissionLog:
        previous = log.accepted
        # Said twice, the later acceptance counts: it covers every version received until then.
        return log if previous and previous.at >= acceptance.at else replace(log, accepted=acceptance)

    return _retriage(ctx, command, accept)


def recheck(ctx: Context, command: Command) -> Outcome:
    if not command.on_pull_request:
        return ignored("'/ccmflow recheck' applies to a pull request, not to an issue")
    registry = ctx.base().registry
    if not (registry.may(command.user_id, "accept-late") or registry.may(command.user_id, "consolidate")):
        return _refuse(ctx, command, "the Presidency and the Implementation Support Unit")
    who = json.dumps({"by_login": command.login, "by_id": command.user_id,
                      "at": command.created_at.isoformat()}, sort_keys=True)

    def note(log: SubmissionLog) -> SubmissionLog:
        return replace(log, extra={**log.extra, RECHECK: who})

    return _retriage(ctx, command, note)


def _retriage(ctx: Context, command: Command, update: LogUpdate) -> Outcome:
    # Commands run in a concurrency group of their own, so the input's triage may be writing at the same time.
    pull: PullInfo = ctx.client.get_pull(command.number)
    return triage_guarded(ctx, pull, pull.updated_at, "backfill", refresh=True, required=True, update=update)
