"""`ccmflow diff ... --format html|docx`: the redline as a file, crediting each change to the delegations behind it."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime

from ccmflow.commands.output import emit_json
from ccmflow.compare.diff import DocumentDiff
from ccmflow.compare.redline import redline_html
from ccmflow.consolidation.trace import delegations
from ccmflow.core.model import Document
from ccmflow.repo.store import Store
from ccmflow.repo.versions import resolve_version_rev
from ccmflow.word.document import Origin
from ccmflow.word.redline import change_authors, redline_docx


def write_redline(args: argparse.Namespace, store: Store, result: DocumentDiff, old: Document,
                  new: Document) -> int:
    commit = store.commit(resolve_version_rev(store, args.doc, args.new))
    workspace, _ = store.workspace(commit.id)
    who = delegations(store, workspace, args.doc) if workspace is not None else {}
    authors = change_authors(new, who)
    conference = workspace.process.conference if workspace else None
    if args.format == "html":
        data = redline_html(result, old, new, args.old, args.new, authors).encode("utf-8")
    else:
        when = datetime.fromtimestamp(commit.commit_time, UTC)
        data = redline_docx(result, old, new, when, Origin(str(commit.id), args.new), args.old, authors, conference)
    if args.output is not None:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_bytes(data)
    elif args.format == "docx" and sys.stdout.isatty():
        print("ccmflow: a .docx is binary: give -o FILE", file=sys.stderr)
        return 2
    else:
        sys.stdout.buffer.write(data)
    if args.json:
        emit_json({"document": args.doc, "format": args.format, "output": str(args.output) if args.output else None,
                   "authors": authors})
    return 0
