"""`ccmflow render DOC --format md|html [--rev REV]`: the numbered document as Markdown or HTML."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ccmflow.commands.common import add_common, document
from ccmflow.commands.output import emit_json
from ccmflow.write.render import render_html, render_markdown


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "render", help="the numbered document as Markdown or HTML", description=__doc__)
    parser.add_argument("doc", metavar="DOC", help="a document id or a file path")
    parser.add_argument("--format", choices=("md", "html"), default="md")
    parser.add_argument("-o", "--output", type=Path, help="write to this file (default: standard output)")
    add_common(parser, rev=True)
    return parser


def run(args: argparse.Namespace) -> int:
    doc, workspace = document(args.repo, args.doc, args.rev)
    version = workspace.process.version_name(doc.version) if workspace else None
    text = render_html(doc, version_name=version) if args.format == "html" else render_markdown(
        doc, version_name=version)
    if args.output is not None:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text, encoding="utf-8")
    if args.json:
        emit_json({"document": doc.id, "format": args.format, "output": str(args.output) if args.output else None,
                   "text": None if args.output else text})
    elif args.output is None:
        sys.stdout.write(text)
    return 0
