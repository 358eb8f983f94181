"""`ccmflow freeze WINDOW`: keep the on-time head of every input as a ref, with a manifest (after the deadline)."""

from __future__ import annotations

import argparse
from typing import Any

from ccmflow.commands.common import add_common, parse_when


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "freeze", description=__doc__)
    parser.add_argument("window", metavar="WINDOW", help="a window id from documents/process.yaml")
    parser.add_argument("--at", "--now", dest="at", metavar="WHEN",
                        help="the instant to freeze at (default: now, or $CCMFLOW_NOW)")
    parser.add_argument("--base", default="HEAD", metavar="REV", help="where to read process.yaml (default: HEAD)")
    add_common(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    from rich.table import Table
    from rich.text import Text

    from ccmflow.commands.output import console, emit_json
    from ccmflow.core.status import format_instant
    from ccmflow.inputs.freeze import freeze_report
    from ccmflow.repo.inputref import input_name, pull_ref
    from ccmflow.repo.ledger import manifest_ref, read_ledger
    from ccmflow.repo.store import Store

    store = Store(args.repo)
    workspace = store.require(store.commit(args.base).id)
    zone = workspace.process.conference.timezone
    now = parse_when(args.at, zone)
    report = freeze_report(store.repo, workspace.process, args.window, read_ledger(store.repo), now,
                           workspace.registry)
    manifest = report.manifest
    if args.json:
        emit_json({**manifest.as_json(), "changed": report.changed, "created": list(report.created),
                   "unavailable": list(report.unavailable)})
        return 0
    out = console()
    verb = "frozen" if report.changed else "already frozen, nothing changed"
    out.print(f"[bold]{args.window}[/bold]: {verb} ({manifest_ref(manifest.window)}); deadline "
              f"{format_instant(manifest.deadline, zone)}")
    table = Table(title_justify="left")
    for column in ("input", "author", "on-time version", "received"):
        table.add_column(column)
    for item in manifest.inputs:
        table.add_row(input_name(item.number), Text(item.stakeholder or item.author_login), (item.sha or "—")[:10],
                      format_instant(item.received, zone) if item.received else "—")
    out.print(table)
    out.print("Inputs with no version received by the deadline are not frozen: the ledger shows them as late.",
              style="dim")
    for number in report.unavailable:
        out.print(f"[yellow]{input_name(number)}: its on-time commit is not in this repository; fetch it "
                  f"(git fetch origin '+{pull_ref(number)}:{pull_ref(number)}') and freeze again[/yellow]")
    return 0
