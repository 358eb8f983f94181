"""`ccmflow report OUT --format md|html|docx [--lang LANG]`: the conference's final report, in OUT.

One file per language in which every adopted text is completely translated and current (OUT/report-en.docx,
OUT/report-ar.docx ...), all under the report's one symbol; --lang writes one language, and is refused when an
adopted text's translation in it is outdated or incomplete. The annexes are the adopted texts, word for word as
at DOC/adopted; the explanations of position are the `position` input records on the branch read (--rev)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ccmflow.commands.common import add_common


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "report", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path, metavar="OUT", help="the folder to write the report into")
    parser.add_argument("--format", choices=("md", "html", "docx"), default="docx")
    parser.add_argument("--lang", metavar="LANG", help="one language: en, fr, es, ar, ru or zh (default: every "
                                                       "language the adopted texts are completely translated into)")
    add_common(parser, rev=True)
    return parser


def run(args: argparse.Namespace) -> int:
    from rich.text import Text

    from ccmflow.commands.output import console, emit_json
    from ccmflow.repo.store import Store
    from ccmflow.report.content import build_report, languages
    from ccmflow.report.render import html, markdown
    from ccmflow.report.word import report_docx

    store = Store(args.repo)
    rev = args.rev or "HEAD"
    wanted = [args.lang] if args.lang else languages(store, rev)
    out: Path = args.repo / args.out
    out.mkdir(parents=True, exist_ok=True)
    written: list[dict[str, str]] = []
    for lang in wanted:
        report = build_report(store, lang, rev)
        path = out / f"report-{lang}.{args.format}"
        if args.format == "docx":
            path.write_bytes(report_docx(report))
        else:
            path.write_text(markdown(report) if args.format == "md" else html(report), encoding="utf-8")
        written.append({"language": lang, "path": str(path), "symbol": report.symbol,
                        "annexes": ", ".join(a.document.id for a in report.annexes)})
    if args.json:
        emit_json({"written": written})
        return 0
    for item in written:  # the folder is the person's own text ('report [draft]'): never read as markup
        console().print(Text("✓ ", style="green") + Text(f"{item['symbol']} ({item['language']}): {item['path']} "
                                                          f"(annexes: {item['annexes']})"))
    return 0
