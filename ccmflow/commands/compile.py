"""`ccmflow compile DOC`: the compilation text, every proposal under its paragraph beside the clean text."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ccmflow.commands.common import add_common
from ccmflow.commands.summary import add_input_options
from ccmflow.core.errors import FatalError


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "compile", description=__doc__)
    add_input_options(parser)
    parser.add_argument("--format", choices=("md", "html", "docx"), default="md")
    parser.add_argument("--only-changed", action="store_true", help="show only the paragraphs that drew input")
    parser.add_argument("-o", "--output", type=Path, help="write to this file (default: standard output)")
    add_common(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    from ccmflow.commands.output import BINARY, emit_json
    from ccmflow.commands.summary import gather
    from ccmflow.inputs.compile import compile_inputs, render_html, render_markdown

    compiled = compile_inputs(gather(args))
    if args.format == "docx":
        from ccmflow.word.compile import compilation_docx

        if args.output is None:
            raise FatalError(BINARY)
        data = compilation_docx(compiled, args.only_changed)
        text = ""
    else:
        text = (render_html if args.format == "html" else render_markdown)(compiled, args.only_changed)
        data = text.encode("utf-8")
    if args.output is not None:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_bytes(data)
    if args.json:
        emit_json({"document": compiled.document, "format": args.format, "inputs": compiled.inputs,
                   "output": str(args.output) if args.output else None, "text": None if args.output else text})
    elif args.output is None:
        sys.stdout.write(text)
    return 0
