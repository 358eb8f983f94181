"""`ccmflow show DOC [--rev REV]`: the numbered document in the terminal."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from ccmflow.commands.common import add_common, document
from ccmflow.commands.localized import add_lang

if TYPE_CHECKING:
    from rich.text import Text

    from ccmflow.core.model import Document, Paragraph


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "show", description=__doc__)
    parser.add_argument("doc", metavar="DOC", help="a document id (e.g. review-document) or a file path")
    add_lang(parser)
    add_common(parser, rev=True)
    return parser


def run(args: argparse.Namespace) -> int:
    from rich.text import Text

    from ccmflow.commands.localized import localized
    from ccmflow.commands.output import console, emit_json

    doc, workspace = document(args.repo, args.doc, args.rev)
    shown = localized(args, doc, workspace)
    doc = shown.document
    if args.json:
        emit_json(as_json(doc))
        return 0
    out = console()
    version = workspace.process.version_name(doc.version) if workspace else doc.version
    out.print(Text(doc.title, style="bold"))
    out.print(Text(" · ".join(x for x in (doc.symbol, version, doc.status) if x), style="dim"))
    numbers = doc.numbers()
    for section in doc.sections:
        out.print()
        out.print(Text(section.title, style="bold underline"))
        for paragraph in section.paragraphs:
            out.print(_paragraph(paragraph, numbers[paragraph.id]))
    return 0


def _paragraph(paragraph: Paragraph, number: str) -> Text:
    from rich.text import Text

    text = Text()
    if number:
        text.append(f"{number}. " if number[-1].isdigit() and " " not in number else f"{number}: ", style="bold")
    text.append(paragraph.text)
    text.append(f"  [{paragraph.id}]", style="dim")
    for label, values in (("Indicators", paragraph.indicators), ("Responsible", paragraph.responsible)):
        if values:
            text.append(f"\n    {label}: " + "; ".join(values), style="cyan")
    for label, value in (("Baseline", paragraph.baseline), ("Target", paragraph.target),
                         ("Timeframe", paragraph.timeframe)):
        if value:
            text.append(f"\n    {label}: {value}", style="cyan")
    if paragraph.references:
        text.append("\n    See: " + ", ".join(paragraph.references), style="dim")
    return text


def as_json(doc: Document) -> dict[str, object]:
    numbers = doc.numbers()
    return {
        "id": doc.id, "title": doc.title, "symbol": doc.symbol, "version": doc.version, "status": doc.status,
        "sections": [{"id": s.id, "title": s.title, "paragraphs": [
            {"id": p.id, "number": numbers[p.id], **{k: list(v) if isinstance(v, tuple) else v
                                                    for k, v in p.content().items()}}
            for p in s.paragraphs]} for s in doc.sections],
    }
