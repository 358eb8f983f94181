"""What the final report says, in one language: everything read from git, nothing written by hand.

The cover carries the report's symbol (process.yaml `conference.report_symbol`, one for every language); then
the opening, the participation by category from the registry, the list of documents from the releases and
their symbols, the adoption of each document, the adopted texts as annexes word for word as at `DOC/adopted`,
and the explanations of position and reservations on the record (input records of kind `position` on the
default branch), attributed. A language is offered only where every adopted text is translated and current:
an outdated translation of an adopted text is refused, never printed as if it were the adopted text.
"""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from msgspec import Struct

from ccmflow.conference.adopt import ADOPTED_TAG
from ccmflow.core.categories import Category
from ccmflow.core.errors import FatalError
from ccmflow.core.inputfile import InputKind, PositionKind
from ccmflow.core.languages import CODES, WORKING
from ccmflow.core.model import Document, Workspace
from ccmflow.core.translations import State, Translation, coverage, localize
from ccmflow.read.inputfile import parse_input
from ccmflow.repo.inputfiles import input_files
from ccmflow.repo.releases import tags_of
from ccmflow.repo.store import Store
from ccmflow.repo.translationfiles import translations
from ccmflow.repo.versions import version_tag
from ccmflow.write.words import date_and_time, date_range, long_date, word

PAPERS = ("facilitators-text-", "non-paper-")


class Listed(Struct, frozen=True):
    """A document listed in the final report: its symbol, title and date of issue."""

    symbol: str | None
    title: str
    issued: str


class Annex(Struct, frozen=True):
    """An adopted text annexed to the final report, in the report's language."""

    number: int
    document: Document  # in the report's language
    states: dict[str, State]


class Position(Struct, frozen=True):
    """An explanation of position or reservation, as the final report records it."""

    kind: str  # 'Explanation of position' in the report's language
    by: str  # the delegations, as the registry names them
    document: str
    paragraphs: str  # 'paragraphs 5, 7' as numbered in the adopted text
    text: str


class ReportText(Struct, frozen=True):
    """The final report's content in one language, ready to be written out."""

    lang: str
    symbol: str
    title: str  # 'Final report'
    conference: str
    opening: str
    participation: tuple[tuple[str, tuple[str, ...]], ...]  # category heading, delegations
    documents: tuple[Listed, ...]
    adoptions: tuple[str, ...]
    annexes: tuple[Annex, ...]
    positions: tuple[Position, ...]

    def w(self, key: str) -> str:
        return word(self.lang, key)


def adopted_documents(store: Store, workspace: Workspace) -> list[tuple[str, Document]]:
    """The documents adopted so far, in the timeline's order, each as at its tag DOC/adopted."""
    found = []
    for did in workspace.process.document_order:
        tag = version_tag(did, ADOPTED_TAG)
        if store.has_ref(tag):
            found.append((tag, store.document(tag, did)))
    return found


def _translation(store: Store, rev: str, doc: Document, lang: str) -> Translation | None:
    """The translation on the branch read (translators finish after the adoption), judged against the adopted
    English text: a translation of any other wording is outdated."""
    found, _ = translations(store.require(rev), store=store, rev=rev)
    return next((t for t in found if t.document == doc.id and t.lang == lang), None)


def languages(store: Store, rev: str = "HEAD") -> list[str]:
    """The languages in which every adopted text is completely translated and current (English always)."""
    adopted = adopted_documents(store, store.require(rev))
    return [lang for lang in CODES if all(
        coverage(doc, _translation(store, rev, doc, lang), lang).translated == len(list(doc.walk()))
        for _, doc in adopted)]


def _annex(store: Store, rev: str, doc: Document, lang: str, number: int) -> Annex:
    translation = _translation(store, rev, doc, lang) if lang != WORKING else None
    cover = coverage(doc, translation, lang)
    if cover.outdated or cover.missing:
        raise FatalError(f"the report cannot be written in '{lang}': the adopted {doc.short_title()} has "
                         f"{cover.outdated} paragraph(s) whose translation is outdated and {cover.missing} not "
                         f"translated; a report carries the adopted text word for word (languages ready: "
                         f"{', '.join(languages(store, rev))})")
    shown = localize(doc, translation, lang)
    return Annex(number, shown.document, dict(shown.states))


def _issued(doc: Document, version: str, lang: str) -> str:
    day, at = doc.issued_at(version), doc.issued_time(version)
    if day is None:
        return ""
    return date_and_time(day, at, lang) if at else long_date(day, lang)


def _documents(store: Store, workspace: Workspace, lang: str) -> tuple[Listed, ...]:
    """Every release of every document, each document's in the order issued (papers by their tag's time)."""
    zone = ZoneInfo(workspace.process.conference.timezone)
    rows: list[Listed] = []
    for did in workspace.process.document_order:
        found: list[tuple[str, Listed]] = []
        for tagged in tags_of(store, did):
            at = store.find_document(tagged.commit, did)
            if at is None or tagged.name == ADOPTED_TAG:
                continue
            if tagged.name.startswith(PAPERS):
                title = tagged.message.splitlines()[0] if tagged.message else tagged.name
                when = tagged.when.astimezone(zone) if tagged.when else None
                found.append((when.strftime("%Y-%m-%dT%H:%M") if when else "",
                              Listed(None, f"{at.short_title()}: {title}",
                                     date_and_time(when.date(), when.time(), lang) if when else "")))
                continue
            name = workspace.process.version_name(tagged.name)
            found.append((at.issued.get(tagged.name, ""), Listed(at.symbol_at(tagged.name),
                                                                  f"{at.short_title()} ({name})",
                                                                  _issued(at, tagged.name, lang))))
        rows += [listed for _, listed in sorted(found, key=lambda f: f[0])]
    return tuple(rows)


def _participation(workspace: Workspace, lang: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    groups = []
    for category in Category:
        names = tuple(s.name for s in workspace.registry.stakeholders if s.category == category.value)
        if names:
            groups.append((word(lang, f"category-{category.value}"), names))
    return tuple(groups)


def _positions(store: Store, workspace: Workspace, adopted: dict[str, Document], lang: str,
               rev: str) -> tuple[Position, ...]:
    found: list[Position] = []
    for file in input_files(store, rev):
        record, _ = parse_input(file)
        if record is None or record.kind != InputKind.POSITION or record.document not in adopted:
            continue
        doc = adopted[record.document]
        numbers = doc.numbers()
        shown = [numbers.get(p) or p for p in record.paragraphs]
        cited = ", ".join(f"{word(lang, 'paragraph')} {n}" if n[:1].isdigit() else n for n in shown)
        names = "; ".join(s.name if (s := workspace.registry.get(d)) else d for d in record.on_behalf_of)
        kind = "report-reservation" if record.position is PositionKind.RESERVATION else "report-explanation"
        found.append(Position(word(lang, kind), names, doc.short_title(),
                              word(lang, "report-on").format(paragraphs=cited), record.remark or ""))
    return tuple(sorted(found, key=lambda p: (p.document, p.by)))


def build_report(store: Store, lang: str = WORKING, rev: str = "HEAD") -> ReportText:
    workspace = store.require(rev)
    process = workspace.process
    symbol = process.conference.report_symbol
    if symbol is None:
        raise FatalError(f"the report needs its symbol: set conference: report_symbol: in {process.path}")
    adopted = adopted_documents(store, workspace)
    if not adopted:
        raise FatalError("no document is adopted yet (ccmflow adopt DOC): the report's annexes are the adopted texts")
    conf = process.conference
    annexes = tuple(_annex(store, rev, doc, lang, i) for i, (_, doc) in enumerate(adopted, 1))
    adoptions = tuple(word(lang, "report-adopted").format(
        date=_issued(doc, doc.version, lang) or long_date(date.today(), lang), title=annex.document.short_title(),
        symbol=doc.symbol_at() or "", annex=annex.number) for (_, doc), annex in zip(adopted, annexes, strict=True))
    return ReportText(
        lang=lang, symbol=symbol, title=word(lang, "report-title"), conference=conf.name,
        opening=word(lang, "report-opening").format(conference=conf.name, venue=conf.venue,
                                                    dates=date_range(conf.start, conf.end, lang)),
        participation=_participation(workspace, lang), documents=_documents(store, workspace, lang),
        adoptions=adoptions, annexes=annexes,
        positions=_positions(store, workspace, {d.id: d for _, d in adopted}, lang, rev))
