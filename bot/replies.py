"""The bot's one answer to a `/ccmflow` command, found again by a hidden marker: a repeated run answers once."""

from __future__ import annotations

from .client import mine
from .context import Context
from .router import Command


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
