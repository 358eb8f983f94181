"""`ccmflow release DOC VERSION [--issued DATE]`: set the document's version and its date of issue, commit it on
the current branch, tag DOC/VERSION.

During the conference, `ccmflow release DOC` (no VERSION) issues the next revision, Rev.1, Rev.2 ...: its symbol
continues the document's (CCM/CONF/2020/WP.1/Rev.2), dated with the date and time in conference time (the
clock, or $CCMFLOW_NOW). `--kind facilitators-text` or `--kind non-paper` releases a paper without symbol:
a tag DOC/facilitators-text-N (or non-paper-N) at --rev (default HEAD), the text left as it is."""

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
    parser.add_argument("version", metavar="VERSION", nargs="?",
                        help="a version id from process.yaml, e.g. consolidated (none: the next revision, during "
                             "the conference)")
    parser.add_argument("--kind", choices=("facilitators-text", "non-paper"),
                        help="release a paper without symbol instead of a version")
    parser.add_argument("--title", help="--kind: what the paper is, e.g. 'Universalization, as at 24 November'")
    parser.add_argument("--at-rev", dest="paper_rev", default="HEAD", metavar="REV",
                        help="--kind: the commit or branch holding the paper's text (default: HEAD)")
    parser.add_argument("--by", metavar="LOGIN", help="--kind: who issues it (default: git's user.name)")
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
    if args.kind is not None or args.version is None:
        return _conference(store, args)
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


def _conference(store: Any, args: argparse.Namespace) -> int:
    """A revision (no VERSION) or a paper without symbol (--kind), dated by the clock in conference time."""
    from ccmflow.commands.common import parse_when
    from ccmflow.commands.mark import _who
    from ccmflow.commands.output import console, emit_json
    from ccmflow.conference.revisions import PaperKind, issue_paper, issue_revision

    workspace = store.require("HEAD")
    now = parse_when(None, workspace.process.conference.timezone)
    if args.kind is not None:
        who, _ = _who(store, workspace, args.by)
        paper = issue_paper(store, args.doc, PaperKind(args.kind), args.paper_rev, args.title or args.kind, who, now)
        if args.json:
            emit_json({"tag": f"{args.doc}/{paper.name}", "commit": paper.commit, "symbol": None,
                       "issued": paper.when.isoformat() if paper.when else None})
        else:
            console().print(f"[green]✓[/green] tagged [bold]{args.doc}/{paper.name}[/bold] at {paper.commit[:12]} "
                            "(no symbol)")
        return 0
    revision, done = issue_revision(store, args.doc, now, _who(store, workspace, args.by)[0])
    if args.json:
        emit_json({**done.as_json(), "symbol": revision.symbol, "revision": f"Rev.{revision.number}"})
        return 0
    console().print(f"[green]✓[/green] Rev.{revision.number} [bold]{revision.symbol}[/bold]: tagged "
                    f"[bold]{done.tag}[/bold] at {done.commit[:12]}, as at {str(done.issued).replace('T', ' ')} "
                    "(conference time)")
    return 0
