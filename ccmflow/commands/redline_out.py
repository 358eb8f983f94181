"""`ccmflow diff ... --format html|docx`: the redline as a file, crediting each change to the delegations behind it."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime

from ccmflow.commands.output import BINARY, emit_json
from ccmflow.compare.diff import DocumentDiff
from ccmflow.compare.redline import redline_html
from ccmflow.consolidation.trace import authored
from ccmflow.core.errors import FatalError
from ccmflow.core.model import Document
from ccmflow.repo.store import Store
from ccmflow.repo.versions import resolve_version_rev
from ccmflow.word.document import Origin
from ccmflow.word.redline import redline_docx


def _dated(new: Document, version: str) -> datetime | None:
    """The new version's date of issue, when it has one: the date of the Presidency's own changes."""
    issued = new.issued_at(new.version if version not in new.issued else version)
    return datetime(issued.year, issued.month, issued.day, 12, tzinfo=UTC) if issued is not None else None


def authors_of(store: Store, doc: str, version: str, new: Document) -> dict[str, str]:
    """Per paragraph of `new` that came from inputs, the delegations behind it (as every redline names them)."""
    workspace, _ = store.workspace(store.commit(resolve_version_rev(store, doc, version)).id)
    return {pid: p.names for pid, p in authored(store, workspace, new).items()} if workspace is not None else {}


def write_redline(args: argparse.Namespace, store: Store, result: DocumentDiff, old: Document,
                  new: Document) -> int:
    if args.format == "docx" and args.output is None and (args.json or sys.stdout.isatty()):
        raise FatalError(BINARY)  # a terminal shows no Word file, and JSON cannot hold one
    commit = store.commit(resolve_version_rev(store, args.doc, args.new))
    workspace, _ = store.workspace(commit.id)
    found = authored(store, workspace, new) if workspace is not None else {}
    authors = {pid: p.names for pid, p in found.items()}
    conference = workspace.process.conference if workspace else None
    if args.format == "html":
        from ccmflow.conference.revisions import status_notes

        data = redline_html(result, old, new, args.old, args.new, authors,
                            status_notes(store, old, new)).encode("utf-8")
    else:
        when = _dated(new, args.new) or commit.time
        data = redline_docx(result, old, new, when, Origin(commit.id, args.new), args.old, found, conference)
    if args.output is not None:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_bytes(data)
    if args.json:  # the page itself goes in the JSON when there is no file: standard output holds JSON only
        emit_json({"document": args.doc, "format": args.format, "output": str(args.output) if args.output else None,
                   "text": None if args.output else data.decode("utf-8"), "authors": authors})
    elif args.output is None:
        sys.stdout.buffer.write(data)
    return 0
