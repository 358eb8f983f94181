"""`ccmflow release DOC VERSION`: set the document's version, commit it on the current branch, tag DOC/VERSION."""

from __future__ import annotations

import argparse
from typing import Any

from ccmflow.commands.common import add_common


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "release", description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("doc", metavar="DOC", help="a document id, e.g. review-document")
    parser.add_argument("version", metavar="VERSION", help="a version id from process.yaml, e.g. consolidated")
    add_common(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    from ccmflow.commands.output import console, emit_json
    from ccmflow.repo.release import release
    from ccmflow.repo.store import Store

    done = release(Store(args.repo), args.doc, args.version)
    if args.json:
        emit_json(done.as_json())
        return 0
    out = console()
    out.print(f"[green]✓[/green] tagged [bold]{done.tag}[/bold] at {done.commit[:12]}")
    if done.committed and not done.work_tree:
        out.print("  the version was committed; your uncommitted edits of the file were left as they are")
    return 0
