"""`ccmflow freeze WINDOW`: keep the on-time head of every input as a ref, with a manifest (after the deadline)."""

from __future__ import annotations

import argparse
from typing import Any

from ccmflow.commands.common import add_common, parse_when
from ccmflow.core.errors import FatalError


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "freeze", description=__doc__)
    parser.add_argument("window", metavar="WINDOW", help="a window id from documents/process.yaml")
    parser.add_argument("--at", "--now", dest="at", metavar="WHEN",
                        help="the instant to freeze at (default: now, or $CCMFLOW_NOW)")
    parser.add_argument("--base", default="HEAD", metavar="REV", help="where to read process.yaml (default: HEAD)")
    parser.add_argument("--redo", action="store_true",
                        help="build the manifest again from the inputs ledger as it is now (after a freeze made "
                             "with a missing or stale ledger); refs already frozen are kept as they are: the first "
                             "freeze wins (delete one with git update-ref -d REF to freeze it again)")
    add_common(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    from rich.table import Table
    from rich.text import Text

    from ccmflow.commands.output import console, emit_json
    from ccmflow.core.record import credit_name
    from ccmflow.core.status import format_instant
    from ccmflow.inputs.freeze import freeze_report
    from ccmflow.repo.inputref import FETCH_HINT, input_name, pull_ref
    from ccmflow.repo.ledger import LEDGER_REF, freeze_ref, manifest_ref, read_ledger
    from ccmflow.repo.store import Store

    store = Store(args.repo)
    base = store.commit(args.base).id
    workspace = store.require(base)
    zone = workspace.process.conference.timezone
    now = parse_when(args.at, zone)
    if not store.has_ref(LEDGER_REF):
        raise FatalError(f"no inputs ledger here ({LEDGER_REF}): the freeze reads from it when GitHub received "
                         "each input, and without it every input would count as late. Fetch it first: "
                         f"{FETCH_HINT} (the bot's maintenance job writes it, and freezes each window itself)")
    ledger = read_ledger(store)
    report = freeze_report(store, args.window, ledger, now, base=base, redo=args.redo)
    manifest = report.manifest
    if args.json:
        emit_json({**manifest.as_json(), "changed": report.changed, "created": list(report.created),
                   "unavailable": list(report.unavailable), "kept": list(report.kept)})
        return 0
    out = console()
    verb = "frozen" if report.changed else "already frozen, nothing changed (--redo builds it again)"
    out.print(f"[bold]{args.window}[/bold]: {verb} ({manifest_ref(manifest.window)}); deadline "
              f"{format_instant(manifest.deadline, zone)}")
    table = Table(title_justify="left")
    for column in ("input", "from", "on-time version", "received"):
        table.add_column(column)
    registry = workspace.registry
    for item in manifest.inputs:
        who = credit_name(item.record, registry) if item.record else item.stakeholder or item.author_login
        table.add_row(input_name(item.number), Text(who), (item.sha or "—")[:10],
                      format_instant(item.received, zone) if item.received else "—")
    out.print(table)
    out.print("Inputs with no version received by the deadline are not frozen: the ledger shows them as late.",
              style="dim")
    for number in report.kept:
        ref = freeze_ref(manifest.window, number)
        out.print(f"[yellow]{input_name(number)}: kept as first frozen ({ref}); the ledger now gives another "
                  f"on-time version (to freeze it again: git update-ref -d {ref}, then --redo)[/yellow]")
    for number in report.unavailable:
        out.print(f"[yellow]{input_name(number)}: its on-time commit is not in this repository; fetch it "
                  f"(git fetch origin '+{pull_ref(number)}:{pull_ref(number)}') and freeze again[/yellow]")
    return 0
