"""`ccmflow trace DOC [PARAGRAPH]`: which inputs and delegations shaped each paragraph, version by version.

Versions are the tags DOC/<version> (made by `ccmflow release`) in process.yaml's order, then HEAD when it
has moved on. The table is a concordance: each paragraph's number in each version (— where it did not exist),
then the inputs it was derived from and who made them. Give PARAGRAPH (an id, or a number in the latest
version) to follow one paragraph's text through the versions.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from ccmflow.commands.common import add_common

if TYPE_CHECKING:
    from ccmflow.consolidation.trace import Trace
    from ccmflow.core.model import Document

MISSING = "—"


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "trace", description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("doc", metavar="DOC", help="a document id")
    parser.add_argument("paragraph", nargs="?", metavar="PARAGRAPH", help="one paragraph: its id or latest number")
    parser.add_argument("--format", choices=("text", "md"), default="text")
    add_common(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    from ccmflow.commands.output import emit_json, terminal_safe
    from ccmflow.consolidation.trace import Trace, concordance, find_paragraph
    from ccmflow.repo.store import Store

    trace = concordance(Store(args.repo), args.doc)
    if args.paragraph:
        pid = find_paragraph(trace, args.paragraph)
        trace = Trace(trace.document, trace.points, tuple(r for r in trace.rows if r.paragraph_id == pid))
    if args.json:
        data = trace.as_json()
        if args.paragraph:
            data["texts"] = {p.version: _text(p.document, trace.rows[0].paragraph_id) for p in trace.points}
        emit_json(data)
    elif args.format == "md":
        print(terminal_safe(markdown(trace)))
    else:
        _print(trace, bool(args.paragraph))
    return 0


def _text(document: Document, pid: str) -> str | None:
    paragraph = document.paragraph(pid)
    return paragraph.text if paragraph else None


def _cells(trace: Trace) -> list[list[str]]:
    return [[r.paragraph_id, *(n if n is not None else MISSING for n in r.numbers), ", ".join(r.inputs),
             ", ".join(r.delegations)] for r in trace.rows]


def _headers(trace: Trace) -> list[str]:
    return ["paragraph", *(p.name for p in trace.points), "inputs", "delegations"]


def _print(trace: Trace, one: bool) -> None:
    from rich.table import Table
    from rich.text import Text

    from ccmflow.commands.output import console

    out = console()
    table = Table(title=f"{trace.document}: concordance")
    for header in _headers(trace):
        table.add_column(header)
    for cells in _cells(trace):
        table.add_row(*[c or "" for c in cells])
    out.print(table)
    if one and trace.rows:
        pid = trace.rows[0].paragraph_id
        for point in trace.points:
            paragraph = point.document.paragraph(pid)
            out.print(Text(f"{point.name}:", style="bold"))
            out.print(Text(paragraph.text if paragraph else "(not in this version)",
                           style="" if paragraph else "dim"))


def markdown(trace: Trace) -> str:
    headers = _headers(trace)
    lines = [f"# {trace.document}: concordance", "", "| " + " | ".join(headers) + " |",
             "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |" for cells in _cells(trace)]
    return "\n".join(lines) + "\n"
