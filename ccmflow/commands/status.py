"""`ccmflow status [DOC] [--at WHEN]`: the timeline, where the process stands, and the countdowns.

With DOC, where that document stands in the negotiation: brackets and paragraph statuses per section (from
refs/ccmflow/status/DOC), and the brackets of each version issued."""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import TYPE_CHECKING, Any

from ccmflow.commands.common import add_common, parse_when, readable_workspace

if TYPE_CHECKING:
    from rich.table import Table

    from ccmflow.core.model import Milestone, Process, Workspace
    from ccmflow.core.status import Phase, WindowState
    from ccmflow.core.translations import Coverage


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "status", description=__doc__)
    parser.add_argument("doc", metavar="DOC", nargs="?",
                        help="a document: its brackets and paragraph statuses per section")
    parser.add_argument("--at", metavar="WHEN",
                        help="an instant to look from, e.g. 2020-05-04T18:00 (conference time unless a zone is "
                             "given; default: now, or $CCMFLOW_NOW)")
    add_common(parser, rev=True)
    return parser


def run(args: argparse.Namespace) -> int:
    from rich.markup import escape

    from ccmflow.commands.output import console, emit_json
    from ccmflow.core.status import format_instant, phase

    if args.doc is not None:
        from ccmflow.commands.negotiation import show_negotiation

        return show_negotiation(args)
    found = readable_workspace(args.repo, args.rev)
    process = found.process
    now = parse_when(args.at, process.conference.timezone)
    current = phase(process, now)
    circulated = circulation(found, now)
    languages = translation_coverage(args, found)
    titles = {did: doc.short_title() for did, doc in found.documents.items()}
    if args.json:
        emit_json(as_json(process, current, now) | {
            "documents": _documents_json(found, circulated),
            "translations": [c.as_json() | {"circulated": circulated.get(c.document) is not None} for c in languages]})
        return 0
    out = console()
    # Names and titles are people's text ('[provisional] ...'): escaped, never read as markup.
    out.print(f"[bold]{escape(process.conference.name)}[/bold], {escape(process.conference.venue)}")
    out.print(f"As of {format_instant(now, process.conference.timezone)}: [bold]{escape(current.label)}[/bold]")
    if current.today:
        out.print("Today: " + "; ".join(m.title for m in current.today), markup=False)
    out.print(_documents_table(found, circulated))
    out.print(_windows_table(process, current.windows, now))
    out.print(_milestones_table(process, current, titles))
    out.print(_translations_table([c for c in languages if circulated.get(c.document)], circulated))
    return 0


def circulation(found: Workspace, now: datetime) -> dict[str, str | None]:
    """Each document's version in circulation at `now`, in the timeline's order (None: not circulated yet)."""
    from ccmflow.core.status import circulated_version

    order = [d for d in found.process.document_order if d in found.documents]
    order += [d for d in found.documents if d not in order]
    return {d: circulated_version(found.documents[d], found.process, now) for d in order}


def _documents_table(found: Workspace, circulated: dict[str, str | None]) -> Table:
    from rich.table import Table
    from rich.text import Text

    from ccmflow.write.header import day

    table = Table(title="Documents (the version in circulation)", title_justify="left")
    for column in ("document", "version", "symbol", "issued"):
        table.add_column(column)
    for did, version in circulated.items():
        doc = found.documents[did]
        if version is None:
            table.add_row(Text(doc.short_title()), "[yellow]not circulated yet[/yellow]", "—", "—")
            continue
        issued = doc.issued_at(version)
        table.add_row(Text(doc.short_title()), Text(found.process.version_name(version)),
                      Text(doc.symbol_at(version) or "—"), day(issued) if issued else "—")
    return table


def _documents_json(found: Workspace, circulated: dict[str, str | None]) -> list[dict[str, object]]:
    return [{"document": did, "version": version, "circulated": version is not None,
             "issued": found.documents[did].issued.get(version) if version else None}
            for did, version in circulated.items()]


def translation_coverage(args: argparse.Namespace, found: Workspace) -> list[Coverage]:
    """Per document and language other than English: paragraphs translated, outdated, missing."""
    from ccmflow.commands.localized import workspace_translations
    from ccmflow.core.languages import WORKING
    from ccmflow.core.translations import document_languages

    known = workspace_translations(args, found, strict=False)
    order = [d for d in found.process.document_order if d in found.documents]
    order += [d for d in found.documents if d not in order]
    return [c for d in order for c in document_languages(found.documents[d], known) if c.lang != WORKING]


def _translations_table(coverage: list[Coverage], circulated: dict[str, str | None]) -> Table:
    from rich.table import Table

    from ccmflow.core.languages import LANGUAGES, WORKING

    table = Table(title="Translations (paragraphs translated and current / all; outdated: the English changed "
                        "since; not translated yet: no translation at all)", title_justify="left")
    table.add_column("document")
    codes = [lang.code for lang in LANGUAGES if lang.code != WORKING]
    for code in codes:
        table.add_column(code)
    for doc in dict.fromkeys(c.document for c in coverage):
        cells = []
        for code in codes:
            c = next(x for x in coverage if x.document == doc and x.lang == code)
            outdated = f"\n[yellow]{c.outdated} outdated[/yellow]" if c.outdated else ""
            missing = f"\n[dim]{c.missing} not translated yet[/dim]" if c.missing and c.translated + c.outdated else ""
            cells.append(f"{c.translated}/{len(c.states)}{outdated}{missing}")
        table.add_row(doc, *cells)
    for doc, version in circulated.items():
        if version is None:
            table.add_row(doc, *(["[dim]not circulated yet[/dim]"] + [""] * (len(codes) - 1)))
    return table


def _windows_table(process: Process, states: tuple[WindowState, ...], now: datetime) -> Table:
    from rich.table import Table
    from rich.text import Text

    from ccmflow.core.status import WindowPhase, format_delta, format_instant

    table = Table(title="Input windows", title_justify="left")
    for column in ("window", "document", "closes (conference time and UTC)", "state", "time left"):
        table.add_column(column)
    zone = process.conference.timezone
    for state in states:
        window = state.window
        closes = format_instant(window.closes, zone) if window.closes else "to be announced"
        is_open = state.state == WindowPhase.OPEN
        left = format_delta(state.remaining) if state.remaining is not None and is_open else "—"
        style = {WindowPhase.OPEN: "green", WindowPhase.CLOSED: "dim"}.get(state.state, "yellow")
        table.add_row(Text(window.title), window.document, closes, f"[{style}]{_state(state, zone, now)}[/{style}]",
                      left)
    return table


def _state(state: WindowState, zone: str, now: datetime) -> str:
    """A window's state in words; one not open yet says when it opens (as known then), so it never reads as
    open."""
    from ccmflow.core.status import WindowPhase, opening

    return opening(state.window, zone, now) if state.state == WindowPhase.UPCOMING else str(state.state)


def _milestones_table(process: Process, current: Phase, titles: dict[str, str]) -> Table:
    from rich.markup import escape
    from rich.table import Table

    table = Table(title="Milestones", title_justify="left")
    for column in ("when", "milestone", "kind"):
        table.add_column(column)
    for milestone in process.milestones:
        marker = " ◀ today" if milestone in current.today else \
            " ◀ next" if current.next is not None and milestone.id == current.next.id else ""
        table.add_row(milestone.when(), escape(milestone.title) + marker + _about(process, milestone, titles),
                      milestone.kind)
    return table


def _about(process: Process, milestone: Milestone, titles: dict[str, str]) -> str:
    """The milestone's purpose and the documents it discusses, under its title."""
    from rich.markup import escape

    lines = [milestone.purpose] if milestone.purpose else []
    if milestone.documents:
        lines.append("Documents: " + "; ".join(process.stage_name(s, titles) for s in milestone.documents))
    return "".join(f"\n[dim]{escape(line)}[/dim]" for line in lines)


def as_json(process: Process, current: Phase, now: datetime) -> dict[str, object]:
    from ccmflow.core.status import format_instant, known_opening, opening

    return {
        "at": now.isoformat(), "phase": current.label,
        "last_milestone": current.last.id if current.last else None,
        "next_milestone": current.next.id if current.next else None,
        "today_milestones": [m.id for m in current.today],
        "windows": [{"id": s.window.id, "document": s.window.document, "state": s.state,
                     "opens": opens.isoformat() if (opens := known_opening(s.window, now)) else None,
                     "opens_display": opening(s.window, process.conference.timezone, now),
                     "closes": s.window.closes.isoformat() if s.window.closes else None,
                     "closes_display": format_instant(s.window.closes, process.conference.timezone)
                     if s.window.closes else "to be announced",
                     "seconds_left": int(s.remaining.total_seconds()) if s.remaining is not None else None}
                    for s in current.windows],
        "milestones": [{"id": m.id, "title": m.title, "kind": m.kind, "when": m.when(),
                        "approximate": m.approximate is not None, "today": m in current.today,
                        "purpose": m.purpose,
                        "documents": [{"document": d.document, "version": d.version} for d in m.documents]}
                       for m in process.milestones],
    }
