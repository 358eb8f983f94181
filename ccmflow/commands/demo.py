"""`ccmflow demo [--out DIR]`: run the whole drafting process offline on the embedded documents; print where it is."""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "demo", description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("ccmflow-demo"), metavar="DIR",
                        help="where to write (default: ./ccmflow-demo; a previous demo there is replaced)")
    parser.add_argument("--force", action="store_true",
                        help="write into a non-empty folder that is not a previous demo (only the demo's "
                             "own folders in it are replaced)")
    parser.add_argument("--json", action="store_true", help="print machine-readable JSON instead of tables")
    parser.add_argument("-C", "--repo", default=Path("."), type=Path, metavar="DIR",
                        help="run in this folder: --out is read from it (default: the current directory)")
    return parser


def run(args: argparse.Namespace) -> int:
    from rich.table import Table
    from rich.text import Text

    from ccmflow.commands.output import console, emit_json
    from ccmflow.demo.run import run_demo

    started = time.perf_counter()
    result = run_demo(args.repo / args.out, args.force)
    elapsed = time.perf_counter() - started
    if args.json:
        emit_json({"out": str(result.out), "seconds": round(elapsed, 2),
                   "outputs": [{"what": o.what, "path": str(o.path)} for o in result.outputs]})
        return 0
    out = console()
    out.print(Text("✓ ", style="green") + Text(f"The drafting process ran offline in {elapsed:.1f} s: "
                                                f"{result.facts['story']}. Each input was triaged, the window "
                                                "frozen, then summarised, compiled and consolidated.") + Text(
        _week(result.facts["conference"])))
    table = Table(title="Where the outputs are", title_justify="left")
    table.add_column("what", ratio=1)
    table.add_column("where", ratio=1, overflow="fold")
    for item in result.outputs:
        table.add_row(item.what, Text(_shown(item.path)))  # the folder is the person's own text: never markup
    out.print(table)
    repo = _shown(result.out / "repository")
    out.print("Try, on the scratch repository:")
    for command in (f"ccmflow summary review-document -C {repo} --at 2020-05-08",
                    f"ccmflow compile review-document -C {repo} --at 2020-05-08 --format html -o compilation.html",
                    f"ccmflow diff review-document zero-draft consolidate/review-document/consolidated -C {repo}"):
        out.print(Text(f"  {command}", style="bold"))
    return 0


def _week(facts: Any) -> str:
    """The conference week in one sentence, read off what the run did (run_demo always runs the week)."""
    return (f" At the conference: {facts['rev1']} with {facts['rev1_brackets']} brackets, a facilitator's text, "
            f"{facts['ad_ref']} paragraphs agreed ad referendum, {facts['rev2']}, every paragraph agreed, the Review "
            "Document adopted, an explanation of position on the record, and the final report.")


def _shown(path: Path) -> str:
    """A path as short as it can be: relative to the current folder when it is inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
