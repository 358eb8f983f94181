"""What the bot writes about an input sent through the issue form: its one comment on the issue, the PR's text.

Everything taken from the issue (the author's login, answers quoted back in a problem) goes through
`ccmflow.core.escape.escape`; the rest (delegations' names, document titles) comes from the base branch.
"""

from __future__ import annotations

from collections.abc import Sequence

from ccmflow.core.escape import escape, title

# The bot's one comment on a form's issue, found again by this marker (and its author) on every run.
FORM_MARKER = "<!-- ccmflow:issue-form -->"


def problems_comment(login: str, problems: Sequence[str], pull: int | None) -> str:
    """The fix-it answer: every problem, and what happens once the issue is edited."""
    lines = [FORM_MARKER, f"Thank you, {escape('@' + login, 60)}. Your input cannot be used yet; please edit this "
             "issue (··· menu → Edit) and fix:", ""]
    lines += [f"- {escape(problem, 600)}" for problem in problems]
    lines.append("")
    if pull is None:
        lines.append("This issue stays open. Once the form can be used, the bot opens a pull request with your "
                     "input, received at the time of your edit.")
    else:
        lines.append(f"Pull request #{pull} keeps the previous version of your input until the form can be used "
                     "again.")
    return "\n".join(lines)


def linked_comment(login: str, pull: int, summary: str, names: Sequence[str]) -> str:
    """The answer once the input is a pull request: where it is, and how to change it."""
    return "\n".join([
        FORM_MARKER,
        f"Thank you, {escape('@' + login, 60)}. Your input ({escape(summary)}, on behalf of "
        f"{escape(', '.join(names))}) is pull request #{pull}, where the bot tells you whether it arrived in time.",
        "",
        "To change it, edit this issue: each edit is a new version of the input, received at the time of the edit.",
    ])


def closed_comment(login: str, pull: int, state: str) -> str:
    """An edit that came after the input's pull request was closed or merged: it changes nothing."""
    return "\n".join([
        FORM_MARKER,
        f"{escape('@' + login, 60)}, pull request #{pull} with your input is {state}, so this edit was not applied. "
        "To send new input, open a new issue with the form.",
    ])


def pull_title(summary: str, names: Sequence[str]) -> str:
    return title(f"Input from {', '.join(names)}: {summary}", 240)


def pull_body(issue: int, login: str, summary: str, names: Sequence[str]) -> str:
    """The pull request's description: it names the issue, so GitHub links them both ways."""
    return "\n".join([
        f"Input sent through the issue form in #{issue} by {escape(login, 60)}, on behalf of "
        f"{escape(', '.join(names))}: {escape(summary)}.",
        "",
        f"The bot made this change from the form; it follows every edit of #{issue}. Its time of receipt is "
        "the issue's, as GitHub recorded it.",
    ])
