"""`ccmflow release DOC VERSION [--issued DATE]`: set the document's version and its date of issue, commit it on
the current branch, tag DOC/VERSION."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from ccmflow.commands.common import add_common
from ccmflow.core.errors import FatalError


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "release", description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("doc", metavar="DOC", help="a document id, e.g. review-document")
    parser.add_argument("version", metavar="VERSION", help="a version id from process.yaml, e.g. consolidated")
    parser.add_argument("--issued", metavar="DATE", help="the date of issue the header shows, YYYY-MM-DD (default: "
                        "the date the file records for the version, else today in conference time, or the day of "
                        "$CCMFLOW_NOW)")
    add_common(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    from ccmflow.commands.output import console, emit_json
    from ccmflow.repo.release import release
    from ccmflow.repo.store import Store

    store = Store(args.repo)
    done = release(store, args.doc, args.version, _issued(store, args))
    if args.json:
        emit_json(done.as_json())
        return 0
    out = console()
    issued = f", issued {done.issued}" if done.issued else ""
    out.print(f"[green]✓[/green] tagged [bold]{done.tag}[/bold] at {done.commit[:12]}{issued}")
    if done.committed and not done.work_tree:
        out.print("  the version was committed; your uncommitted edits of the file were left as they are")
    return 0


def _issued(store: Any, args: argparse.Namespace) -> date | None:
    """--issued, else today in conference time when the file records no date for the version (None: keep it)."""
    from zoneinfo import ZoneInfo

    from ccmflow.commands.common import parse_when

    if args.issued is not None:
        try:
            return date.fromisoformat(args.issued)
        except ValueError:
            raise FatalError(f"--issued '{args.issued}' is not a date: use YYYY-MM-DD, e.g. 2020-05-18") from None
    workspace = store.require("HEAD")
    document = workspace.document(args.doc)
    if document is not None and document.issued_at(args.version) is not None:
        return None
    zone = workspace.process.conference.timezone
    return parse_when(None, zone).astimezone(ZoneInfo(zone)).date()
