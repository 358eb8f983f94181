"""`ccmflow summary DOC`: per section, every input touching it, from local refs (offline), as tables, md or json."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ccmflow.commands.common import add_common, parse_when
from ccmflow.inputs import DEFAULT_REFS

if TYPE_CHECKING:
    from ccmflow.inputs.collect import Inputs
    from ccmflow.inputs.collect import Progress as Callback
    from ccmflow.repo.store import Store

# Below this many refs a run takes well under a second: no progress bar.
PROGRESS_FROM = 40


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "summary", description=__doc__)
    add_input_options(parser)
    parser.add_argument("--format", choices=("text", "md", "json"), default="text")
    parser.add_argument("-o", "--output", type=Path, help="write Markdown or JSON to this file")
    add_common(parser)
    return parser


def add_input_options(parser: argparse.ArgumentParser) -> None:
    """Options shared with `compile`: which document, window, refs and base."""
    parser.add_argument("doc", metavar="DOC", help="a document id, e.g. review-document")
    parser.add_argument("--window", help="the input window (default: the document's current window)")
    parser.add_argument("--refs", default=DEFAULT_REFS, metavar="PATTERN",
                        help=f"which refs are inputs (default: {DEFAULT_REFS}; e.g. 'refs/heads/input/*')")
    parser.add_argument("--base", default="HEAD", metavar="REV", help="the base text (default: HEAD)")
    parser.add_argument("--at", metavar="WHEN", help="judge timing as of this instant (default: now, or "
                        "$CCMFLOW_NOW)")
    parser.add_argument("--no-cache", action="store_true", help="recompute every input (ignore .git/ccmflow/)")


def gather(args: argparse.Namespace) -> Inputs:
    from ccmflow.inputs.basecache import BaseCache
    from ccmflow.inputs.collect import collect
    from ccmflow.repo.store import Store

    store = Store(args.repo)
    kept = BaseCache(store, store.commit(args.base).id, enabled=not args.no_cache)
    zone = kept.workspace().process.conference.timezone
    now = parse_when(args.at, zone)
    quiet = args.json or getattr(args, "format", "text") != "text" or not sys.stderr.isatty()
    with _progress(quiet, store, args.refs) as callback:
        collected = collect(store, args.doc, window_id=args.window, refs=args.refs, base=args.base, now=now,
                            progress=callback, cache=not args.no_cache, kept=kept)
    if collected.nothing_fetched:  # a fresh clone: say why there is nothing, not just "0 input(s)"
        from ccmflow.commands.output import terminal_safe

        print(terminal_safe(f"ccmflow: {collected.nothing_fetched}"), file=sys.stderr)
    return collected


@contextmanager
def _progress(quiet: bool, store: Store, pattern: str) -> Iterator[Callback | None]:
    count = 0 if quiet else len(store.refs(pattern))
    if count < PROGRESS_FROM:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from ccmflow.commands.output import console

    columns = (TextColumn("reading inputs"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=console(stderr=True), transient=True) as bar:
        task = bar.add_task("inputs", total=count)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update


def run(args: argparse.Namespace) -> int:
    from ccmflow.inputs.summary import build

    summary = build(gather(args))
    fmt = "json" if args.json else args.format
    if fmt == "text" and args.output is None:
        from ccmflow.commands.output import console
        from ccmflow.inputs.summary_render import renderables

        out = console()
        for item in renderables(summary):
            out.print(item)
        return 0
    if fmt == "json":
        from ccmflow.commands.jsontext import indented

        text = indented(summary.as_json()) + "\n"
    else:
        from ccmflow.inputs.summary_render import markdown

        text = markdown(summary)
    if args.output is None:
        sys.stdout.write(text)
        return 0
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    if args.json:
        from ccmflow.commands.output import emit_json

        emit_json({"document": summary.document, "output": str(args.output)})
    return 0
