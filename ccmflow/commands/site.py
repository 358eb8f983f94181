"""`ccmflow site OUT`: the public dashboard as a static site (process, documents, inputs, versions, search)."""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path
from typing import Any

from ccmflow.commands.common import NOW_ENV, add_common, parse_when
from ccmflow.core.errors import FatalError


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "site", description=__doc__)
    parser.add_argument("out", type=Path, metavar="OUT", help="the folder to write the site in (new, empty, or a "
                        "site built before)")
    parser.add_argument("--rev", default="HEAD", help="build from this commit, branch or tag (default: HEAD)")
    parser.add_argument("--at", metavar="WHEN", help="the instant the site shows the process at, e.g. "
                        "2020-05-04T12:00 (conference time unless a zone is given; default: now, or $CCMFLOW_NOW)")
    parser.add_argument("--fetch", action="store_true", help="first fetch the inputs (refs/pull/*/head) and "
                        "refs/ccmflow/* from origin, with $GITHUB_TOKEN if set (as the publishing workflow does)")
    add_common(parser)
    return parser


def _check_out(out: Path) -> None:
    from ccmflow.site.build import MARKER

    if out.exists() and not out.is_dir():
        raise FatalError(f"{out} is a file: give a folder for the site")
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file():
        raise FatalError(f"{out} is not empty and holds no site built by ccmflow: choose a new folder")


def run(args: argparse.Namespace) -> int:
    from rich.text import Text

    from ccmflow.commands.output import console, emit_json
    from ccmflow.repo.fetch import fetch
    from ccmflow.repo.store import Store
    from ccmflow.site.build import build_site

    _check_out(args.out)
    store = Store(args.repo)
    if args.fetch:
        problem = fetch(store, os.environ.get("GITHUB_TOKEN"))
        if problem:
            console(stderr=True).print(f"warning: {problem}; the site shows the inputs already here", markup=False)
    zone = store.require(store.commit(args.rev).id).process.conference.timezone
    at = parse_when(args.at, zone)
    fixed = bool(args.at or os.environ.get(NOW_ENV))  # a given instant: the pages keep it, and say so
    started = time.perf_counter()
    built = build_site(store, args.out, args.rev, at, fixed=fixed)
    seconds = time.perf_counter() - started
    if args.json:
        emit_json({"out": str(built.out), "commit": built.commit, "pages": list(built.pages),
                   "seconds": round(seconds, 3)})
    else:
        # The folder is the person's own text ('site [draft]'): printed as text, never read as markup.
        console().print(Text("✓ ", style="green") + Text(f"{len(built.pages)} pages in {built.out}/ from "
                                                          f"{built.commit[:10]} in {seconds:.2f} s; open "
                                                          f"{built.out / 'index.html'}"))
    return 0
