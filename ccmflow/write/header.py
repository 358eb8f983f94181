"""The header a circulated document carries: symbol, date of issue, original language, the conference, the
agenda item, the title and who submits it. One record that every rendering (Markdown, HTML, Word) lays out, in
the reader's language: dates and language names from CLDR, our few header words from ccmflow/words/."""

from __future__ import annotations

from datetime import date

from msgspec import Struct

from ccmflow.core.languages import WORKING
from ccmflow.core.model import Conference, Document
from ccmflow.write.words import date_and_time, date_range, long_date, original, word


class Header(Struct, frozen=True):
    """The header of a rendered document: title, symbol, date of issue, original language and conference."""

    title: str
    symbol: str | None = None
    issued: str | None = None  # "7 August 2020", "7 août 2020"
    original: str | None = None  # "Original: English"
    conference: str | None = None
    venue_dates: str | None = None  # "Lausanne, Switzerland, 23–27 November 2020"
    agenda_item: str | None = None
    submitted_by: str | None = None
    version: str | None = None  # "Zero draft"
    status: str | None = None
    lang: str = WORKING

    def meta(self) -> list[str]:
        """'Version: Zero draft', 'Status: Draft', in the reader's language (the version's name is the timeline's)."""
        return [word(self.lang, "version").format(value=self.version),
                word(self.lang, "status").format(value=self.status)]

    def symbol_block(self) -> list[str]:
        """The lines set apart at the top right: symbol, date of issue, original language."""
        return [x for x in (self.symbol, self.issued, self.original) if x]


def day(value: date, lang: str = WORKING) -> str:
    """A date as a header prints it: '7 August 2020' (CLDR's long date in the reader's language)."""
    return long_date(value, lang)


def dates(start: date, end: date, lang: str = WORKING) -> str:
    """'23 – 27 November 2020', '30 November – 4 December 2020': CLDR's interval, in the reader's language."""
    return date_range(start, end, lang)


def make_header(doc: Document, conference: Conference | None = None, version_name: str | None = None,
                lang: str = WORKING, process_title: str | None = None) -> Header:
    """The header of `doc` (already localized when `lang` is not English: its title, agenda item and submitter
    come from the translation file)."""
    issued, at = doc.issued_at(), doc.issued_time()
    shown = (date_and_time(issued, at, lang) if at else day(issued, lang)) if issued else None
    return Header(
        title=doc.title, symbol=doc.symbol_at(), issued=shown,
        original=original(doc.original, lang) if doc.original else None,
        conference=conference.name if conference else process_title,
        venue_dates=f"{conference.venue}, {dates(conference.start, conference.end, lang)}" if conference else None,
        agenda_item=doc.agenda_item, submitted_by=doc.submitted_by, version=version_name or doc.version,
        status=word(lang, f"status-{doc.status}"), lang=lang)
