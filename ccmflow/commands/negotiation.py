"""`ccmflow status DOC`: where one document stands in the negotiation (brackets and statuses per section), for the
status command; rich is loaded only to print the table."""

from __future__ import annotations

import argparse
from typing import Any


def show_negotiation(args: argparse.Namespace) -> int:
    from ccmflow.commands.common import document
    from ccmflow.commands.output import console, emit_json
    from ccmflow.conference.counts import state
    from ccmflow.core.agreement import ParagraphStatus, StatusBook

    doc, _ = document(args.repo, args.doc, args.rev)
    store = _store(args.repo)
    book = StatusBook(doc.id)
    versions: list[dict[str, object]] = []
    if store is not None:
        from ccmflow.repo.statusref import read_status

        book = read_status(store, doc.id)
        versions = _versions(store, doc.id)
    found = state(doc, book)
    if args.json:
        emit_json(found.as_json() | {"versions": versions})
        return 0
    from rich.markup import escape
    from rich.table import Table
    from rich.text import Text

    out = console()
    # Titles are people's text, often bracketed while negotiated: escaped, never read as markup.
    out.print(f"[bold]{escape(doc.short_title())}[/bold] ({doc.version}): {found.brackets} bracket"
              f"{'' if found.brackets == 1 else 's'}; " + ", ".join(
                  f"{n} {ParagraphStatus(s).label}" for s, n in found.by_status().items() if n))
    table = Table(title="Per section", title_justify="left")
    table.add_column("section", ratio=1)
    for name in ("brackets", "open", "bracketed", "ad ref", "agreed", "adopted"):
        table.add_column(name, justify="right")
    for section in found.sections:
        counts = section.by_status()
        table.add_row(Text(section.title), str(section.brackets), *(str(counts[s.value]) for s in ParagraphStatus))
    out.print(table)
    if versions:
        out.print("Brackets per version: " + "; ".join(f"{v['version']} {v['brackets']}" for v in versions))
    return 0


def _store(repo: Any) -> Any:
    """The repository's store, or None outside a git repository (then no paragraph is agreed yet)."""
    from ccmflow.core.errors import FatalError
    from ccmflow.repo.store import Store

    try:
        return Store(repo)
    except FatalError:
        return None


def _versions(store: Any, doc: str) -> list[dict[str, object]]:
    """The brackets of each version and revision issued (its tag), in the order issued."""
    from ccmflow.core.brackets import total
    from ccmflow.repo.releases import tags_of

    found: list[dict[str, object]] = []
    for tagged in tags_of(store, doc):
        at = store.find_document(tagged.commit, doc)
        if at is not None and not tagged.name.startswith(("facilitators-text-", "non-paper-", "adopted")):
            found.append({"version": tagged.name, "symbol": at.symbol_at(tagged.name),
                          "brackets": total(p.text for _, p in at.walk())})
    return found
