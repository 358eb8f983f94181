"""`ccmflow mark DOC PARAGRAPH STATUS [--by LOGIN]`: record a paragraph's status at the conference (open,
agreed-ad-ref, agreed) in refs/ccmflow/status/DOC, as the bot's /ccmflow ad-ref, agree and reopen do.

PARAGRAPH is named as in the circulated text ('5', 'Action 12') or by its id. The time is the clock's (or
$CCMFLOW_NOW); the entry names the registry account given with --by (its numeric id), else the local git user.
Push the ref for others to see it: git push origin refs/ccmflow/status/DOC."""

from __future__ import annotations

import argparse
from typing import Any

from ccmflow.commands.common import add_common

STATUSES = ("open", "agreed-ad-ref", "agreed")


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "mark", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("doc", metavar="DOC", help="a document id, e.g. review-document")
    parser.add_argument("paragraph", metavar="PARAGRAPH", help="'5', 'Action 12' or a paragraph id")
    parser.add_argument("status", metavar="STATUS", choices=STATUSES, help=f"one of: {', '.join(STATUSES)}")
    parser.add_argument("--by", metavar="LOGIN", help="the registry account that set it (default: git's user.name)")
    add_common(parser)
    return parser


def acting(args: argparse.Namespace) -> tuple[Any, str, int, Any]:
    """The repository's store, who acts (login, numeric id) and when (the clock, or $CCMFLOW_NOW)."""
    from ccmflow.commands.common import parse_when
    from ccmflow.repo.store import Store

    store = Store(args.repo)
    workspace = store.require("HEAD")
    login, user_id = _who(store, workspace, args.by)
    return store, login, user_id, parse_when(None, workspace.process.conference.timezone)


def run(args: argparse.Namespace) -> int:
    from ccmflow.commands.output import console, emit_json
    from ccmflow.conference.mark import mark
    from ccmflow.core.agreement import ParagraphStatus

    store, login, user_id, at = acting(args)
    done = mark(store, args.doc, args.paragraph, ParagraphStatus(args.status), login=login, user_id=user_id, at=at)
    if args.json:
        emit_json({"document": done.document, "paragraph": done.paragraph, "before": done.before.value,
                   "status": done.after.value, "recorded": done.entry.as_json() if done.entry else None})
        return 0
    console().print(f"[green]✓[/green] {done.document}: {done.sentence()}")
    return 0


def _who(store: Any, workspace: Any, by: str | None) -> tuple[str, int]:
    """The login and numeric id recorded: a registry account named by --by, else the local git user (id 0)."""
    from ccmflow.core.errors import FatalError

    if by is None:
        user = store.user()
        return (user if user is not None else "local"), 0
    for stakeholder in workspace.registry.stakeholders:
        for account in stakeholder.accounts:
            if account.login.casefold() == by.casefold():
                return account.login, account.id
    raise FatalError(f"--by {by}: no account with that login in the registry ({workspace.registry.path})")
