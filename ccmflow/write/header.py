"""The header a circulated document carries: symbol, date of issue, original language, the conference, the
agenda item, the title and who submits it. One record that every rendering (Markdown, HTML, Word) lays out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ccmflow.core.languages import WORKING, label, language
from ccmflow.core.model import Conference, Document


@dataclass(frozen=True, slots=True)
class Header:
    title: str
    symbol: str | None = None
    issued: str | None = None  # "16 March 2020"
    original: str | None = None  # "Original: English"
    conference: str | None = None
    venue_dates: str | None = None  # "Lausanne, Switzerland, 23–27 November 2020"
    agenda_item: str | None = None
    submitted_by: str | None = None
    version: str | None = None  # "Zero draft"
    status: str | None = None

    def symbol_block(self) -> list[str]:
        """The lines set apart at the top right: symbol, date of issue, original language."""
        return [x for x in (self.symbol, self.issued, self.original) if x]


def day(value: date) -> str:
    return f"{value.day} {value:%B %Y}"


def dates(start: date, end: date) -> str:
    """'23–27 November 2020', '30 November–4 December 2020', or across years in full."""
    if start == end:
        return day(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{day(end)}"
    if start.year == end.year:
        return f"{start.day} {start:%B}–{day(end)}"
    return f"{day(start)}–{day(end)}"


def make_header(doc: Document, conference: Conference | None = None, version_name: str | None = None,
                lang: str = WORKING, process_title: str | None = None) -> Header:
    issued = doc.issued_at()
    original = language(doc.original).native if doc.original else None
    return Header(
        title=doc.title, symbol=doc.symbol_at(), issued=day(issued) if issued else None,
        original=f"{label(lang, 'original')}: {original}" if original else None,
        conference=conference.name if conference else process_title,
        venue_dates=f"{conference.venue}, {dates(conference.start, conference.end)}" if conference else None,
        agenda_item=doc.agenda_item, submitted_by=doc.submitted_by, version=version_name or doc.version,
        status=doc.status.capitalize())
