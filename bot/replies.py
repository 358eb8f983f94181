"""The bot's one answer to a `/ccmflow` command, found again by a hidden marker: a repeated run answers once."""

from __future__ import annotations

from ccmflow.triage import messages

from .client import GitHubNotFound, mine
from .context import Context
from .router import Command, Result, handled, ignored


def reply_marker(command: Command) -> str:
    """The hidden marker of the bot's one reply to a command, found again when the run is repeated."""
    return f"<!-- ccmflow:reply {command.comment_id} -->"


def answered(ctx: Context, command: Command) -> bool:
    return bool(mine(ctx.client.comments(command.number), ctx.settings.login, reply_marker(command)))


def reply(ctx: Context, command: Command, text: str) -> bool:
    """Answer a command once, also when the run is repeated; False when it had been answered already.

    Raises GitHubNotFound when the issue the command was said on is gone (deleted since, or never here).
    """
    marker = reply_marker(command)
    if answered(ctx, command):
        return False
    ctx.client.create_comment(command.number, f"{marker}\n{text}", marker)
    return True


def not_a_pull_request(ctx: Context, command: Command) -> Result:
    """A command for an input said on an issue, or about a pull request GitHub does not know: a polite answer."""
    what = f"#{command.number}: '/ccmflow {command.word}' is about a pull request, and #{command.number} is not one"
    try:
        replied = reply(ctx, command, messages.not_a_pull_request(command.login, command.word, command.number))
    except GitHubNotFound:
        return ignored(f"{what}; nor an issue GitHub knows, so there is nothing to answer on")
    return handled(f"{what}: answered") if replied else ignored(f"{what}; already answered")
