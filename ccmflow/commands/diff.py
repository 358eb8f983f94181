"""`ccmflow diff DOC OLD NEW`: what changed between two versions, paragraph by paragraph, with a redline."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ccmflow.commands.common import add_common

if TYPE_CHECKING:
    from ccmflow.compare.diff import DocumentDiff

# Formats written to a file (or standard output): the HTML redline page and the Word redline.
FILE_FORMATS = ("html", "docx")


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "diff", description=__doc__)
    parser.add_argument("doc", metavar="DOC", help="a document id")
    parser.add_argument("old", metavar="OLD", help="a version (e.g. zero-draft: the tag DOC/zero-draft) or git rev")
    parser.add_argument("new", metavar="NEW", help="a version or git revision")
    parser.add_argument("--format", choices=("text", "md", *FILE_FORMATS), default="text",
                        help="text, md, html (a redline page naming the delegations behind each change) or docx "
                             "(Word tracked changes, each authored by the delegations behind it)")
    parser.add_argument("-o", "--output", type=Path, help="write html/docx to this file")
    add_common(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    from ccmflow.commands.output import emit_json, terminal_safe
    from ccmflow.compare.diff import diff_documents
    from ccmflow.compare.redline import diff_markdown
    from ccmflow.repo.store import Store
    from ccmflow.repo.versions import find_version

    store = Store(args.repo)
    old_rev, new_rev = find_version(store, args.doc, args.old), find_version(store, args.doc, args.new)
    for note in filter(None, (old_rev.note, new_rev.note)):
        print(terminal_safe(f"ccmflow: {note}"), file=sys.stderr)
    old = store.document(old_rev.rev, args.doc)
    new = store.document(new_rev.rev, args.doc)
    result = diff_documents(old, new)
    if args.format in FILE_FORMATS:
        from ccmflow.commands.redline_out import write_redline

        return write_redline(args, store, result, old, new)
    if args.json:
        emit_json(result.as_json())
    elif args.format == "md":
        from ccmflow.commands.redline_out import authors_of
        from ccmflow.conference.revisions import status_notes

        numbers = new.numbers()
        changed = {new.label(pid) if pid in numbers else pid: what
                   for pid, what in status_notes(store, old, new).items()}
        print(terminal_safe(diff_markdown(result, args.old, args.new, authors_of(store, args.doc, args.new, new),
                                          changed)))
    else:
        _print(result, args.old, args.new)
    return 0


def _print(result: DocumentDiff, old: str, new: str) -> None:
    from rich.text import Text

    from ccmflow.commands.output import console, redline_text
    from ccmflow.compare.diff import ChangeKind
    from ccmflow.compare.redline import change_heading

    out = console()
    # Titles and revisions are people's text ('[provisional] ...'): printed as text, never read as markup.
    out.print(Text(result.document, style="bold") + Text(f": {old} → {new}"))
    for key, (before, after) in result.meta.items():
        out.print(Text(f"  {key}: {before} → {after}"))
    if not result.changes:
        out.print("no paragraph changes")
        return
    out.print(f"sections touched: {', '.join(result.sections_touched)}")
    for change in result.changes:
        out.print()
        out.print(Text(change_heading(change), style="bold"))
        if change.redline:
            out.print(redline_text(change.redline))
        elif change.new is not None and change.change == ChangeKind.ADDED:
            out.print(redline_text((("+", change.new.text),)))
        elif change.old is not None and change.change == ChangeKind.REMOVED:
            out.print(redline_text((("-", change.old.text),)))
