"""`ccmflow render DOC --format md|html|docx [--rev REV] [--lang LANG]`: the numbered document for circulation."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ccmflow.commands.common import add_common, document
from ccmflow.commands.localized import add_lang
from ccmflow.core.errors import FatalError


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "render", description=__doc__)
    parser.add_argument("doc", metavar="DOC", help="a document id or a file path")
    parser.add_argument("--format", choices=("md", "html", "docx"), default="md")
    parser.add_argument("-o", "--output", type=Path, help="write to this file (default: standard output)")
    add_lang(parser)
    add_common(parser, rev=True)
    return parser


def run(args: argparse.Namespace) -> int:
    from ccmflow.commands.localized import exact_commit, localized
    from ccmflow.commands.output import BINARY, emit_json
    from ccmflow.write.render import render_html, render_markdown

    doc, workspace = document(args.repo, args.doc, args.rev)
    version = workspace.process.version_name(doc.version) if workspace else None
    conference = workspace.process.conference if workspace else None
    others = workspace.documents if workspace else None
    shown = localized(args, doc, workspace)
    data: bytes
    if args.format == "docx":
        from ccmflow.word.document import Origin, document_docx

        if args.output is None and (args.json or sys.stdout.isatty()):
            raise FatalError(BINARY)
        data = document_docx(shown.document, Origin(exact_commit(args, doc), doc.version), conference, version,
                             shown.lang, shown.states, others)
    else:
        render = render_html if args.format == "html" else render_markdown
        data = render(shown.document, version_name=version, others=others, conference=conference, lang=shown.lang,
                      states=shown.states).encode("utf-8")
    if args.output is not None:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_bytes(data)
    if args.json:
        emit_json({"document": doc.id, "format": args.format, "language": shown.lang,
                   "output": str(args.output) if args.output else None,
                   "text": None if args.output or args.format == "docx" else data.decode("utf-8")})
    elif args.output is None:
        sys.stdout.buffer.write(data)
    return 0
