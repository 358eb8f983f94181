"""`ccmflow adopt DOC [--by LOGIN]`: adopt a document by consensus. Refused (exit 1) while any bracket or any
paragraph short of agreed remains, listing them by number; on a clean text, issue its final version (status
adopted, dated with the time of adoption), tag DOC/adopted and record every paragraph adopted."""

from __future__ import annotations

import argparse
from typing import Any

from ccmflow.commands.common import add_common


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "adopt", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("doc", metavar="DOC", help="a document id, e.g. review-document")
    parser.add_argument("--by", metavar="LOGIN", help="the registry account adopting (default: git's user.name)")
    add_common(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    from ccmflow.commands.mark import acting
    from ccmflow.commands.output import console, emit_json
    from ccmflow.conference.adopt import NotReady, adopt

    store, login, user_id, at = acting(args)
    try:
        done = adopt(store, args.doc, login=login, user_id=user_id, at=at)
    except NotReady as exc:
        if not args.json:
            raise
        emit_json({"ok": False, "adopted": False, "blockers": [b.as_json() for b in exc.blockers]})
        return exc.exit_code
    if args.json:
        emit_json({"ok": True, "adopted": True, **done.as_json()})
        return 0
    console().print(f"[green]✓[/green] {args.doc} adopted: tagged [bold]{args.doc}/adopted[/bold] and "
                    f"[bold]{done.tag}[/bold] at {done.commit[:12]}, issued {done.issued}; every paragraph is "
                    "recorded adopted")
    return 0
