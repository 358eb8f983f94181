"""`ccmflow consolidate DOC --take pr-12 pr-31 ...`: the next version from the chosen inputs, on a new branch.

Each input counts in its on-time version (refs/ccmflow/<window>/pr-<n> once frozen, else refs/pull/<n>/head)
and is merged paragraph by paragraph, in the order given; each paragraph records the inputs it was derived
from, and documents/dispositions/<window>.yaml records what became of every input of the window. Nothing is
checked out: the branch (default consolidate/<doc>/<next-version>) is created and left for you to push.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from ccmflow.commands.common import add_common

if TYPE_CHECKING:
    from ccmflow.consolidation.consolidate import Consolidation


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "consolidate",
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("doc", metavar="DOC", help="a document id, e.g. review-document")
    parser.add_argument("--take", nargs="+", action="extend", required=True, metavar="INPUT",
                        help="inputs to merge, in order: pr-12, 12, or a branch (commas work too)")
    parser.add_argument("--branch", help="the branch to create (default: consolidate/DOC/NEXT-VERSION)")
    parser.add_argument("--base", default="HEAD", help="build on this branch or commit (default: HEAD)")
    parser.add_argument("--window", help="the submission window of the inputs (default: the document's current one)")
    parser.add_argument("--version", help="the version to produce (default: the next one in process.yaml)")
    parser.add_argument("--skip-conflicts", action="store_true",
                        help="where two inputs change a paragraph differently, keep the first and go on")
    parser.add_argument("--force", action="store_true", help="replace the branch if it exists")
    add_common(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    from ccmflow.commands.output import emit_json
    from ccmflow.consolidation.consolidate import consolidate
    from ccmflow.repo.store import Store

    tokens = [t for item in args.take for t in item.split(",") if t.strip()]
    result = consolidate(Store(args.repo), args.doc, tokens, base_rev=args.base, branch=args.branch,
                         window=args.window, version=args.version, skip_conflicts=args.skip_conflicts,
                         force=args.force)
    if args.json:
        emit_json(result.as_json())
    else:
        _print(result)
    return 0


def _print(result: Consolidation) -> None:
    from rich.table import Table
    from rich.text import Text

    from ccmflow.commands.output import console

    out = console()
    out.print(f"[green]✓[/green] {result.document.id} {result.document.version}: branch [bold]{result.branch}[/bold] "
              f"({result.commit[:12]}) from {', '.join(i.name for i in result.inputs)}")
    for clash in result.conflicts:
        out.print(Text("! ", style="yellow") + Text(f"{clash} (kept the earlier text)"))
    for warning in result.warnings:
        out.print(Text("! ", style="yellow") + Text(warning))
    table = Table(title=f"Dispositions ({result.register_path})", show_lines=False)
    for column in ("input", "from", "outcome", "paragraphs", "reason"):
        table.add_column(column)
    numbers = result.document.numbers()
    for d in result.register.inputs:
        shown = ", ".join(numbers.get(p) or p for p in d.paragraphs)
        # Reasons and names are people's text: shown as text, never read as rich markup.
        table.add_row(*(Text(cell) for cell in (d.input, d.stakeholder or "", d.outcome, shown, d.reason)))
    out.print(table)
    out.print(f"next: edit the reasons in {result.register_path} if needed, then "
              f"git push origin {result.branch} and open a pull request")
