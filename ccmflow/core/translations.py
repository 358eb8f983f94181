"""Translations of a document's texts, and how current they are.

English is the working language and the source: every translated text records a hash of the English text it
translates, so an English edit leaves the translation in place but marks it outdated until a translator
updates it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import StrEnum
from types import MappingProxyType
from typing import TYPE_CHECKING

from msgspec import Struct, field
from msgspec.structs import replace

from ccmflow.core.languages import LANGUAGES, WORKING

# The records are needed only in annotations.
if TYPE_CHECKING:
    from ccmflow.core.model import Document, Section


def source_hash(english: str) -> str:
    """What a translation records about the English it translates: enough of a SHA-256 to never collide."""
    import hashlib  # here: its import (OpenSSL's) costs about 3 ms, and only the translation commands need it

    return hashlib.sha256(english.encode("utf-8")).hexdigest()[:16]


class State(StrEnum):
    TRANSLATED = "translated"
    OUTDATED = "outdated"
    MISSING = "missing"


class Translated(Struct, frozen=True):
    """One translated text and the hash of the English text it was made from."""

    text: str
    source: str

    def state(self, english: str) -> State:
        return State.TRANSLATED if self.source == source_hash(english) else State.OUTDATED


class Translation(Struct, frozen=True):
    """One document's texts in one language: its title, header lines (agenda item, who submits it), section titles
    and paragraph texts, each optional."""

    document: str
    lang: str
    path: str
    title: Translated | None = None
    sections: Mapping[str, Translated] = field(default_factory=lambda: MappingProxyType({}))
    paragraphs: Mapping[str, Translated] = field(default_factory=lambda: MappingProxyType({}))
    agenda_item: Translated | None = None
    submitted_by: Translated | None = None


class Coverage(Struct, frozen=True):
    """How much of a document exists, current, in a language (paragraph texts)."""

    document: str
    lang: str
    states: Mapping[str, State]  # paragraph id -> state, in document order

    def count(self, state: State) -> int:
        return sum(1 for s in self.states.values() if s is state)

    @property
    def translated(self) -> int:
        return self.count(State.TRANSLATED)

    @property
    def outdated(self) -> int:
        return self.count(State.OUTDATED)

    @property
    def missing(self) -> int:
        return self.count(State.MISSING)

    def as_json(self) -> dict[str, object]:
        return {"document": self.document, "language": self.lang, "translated": self.translated,
                "outdated": self.outdated, "missing": self.missing,
                "outdated_paragraphs": [p for p, s in self.states.items() if s is State.OUTDATED]}


def coverage(doc: Document, translation: Translation | None, lang: str) -> Coverage:
    if lang == WORKING:
        return Coverage(doc.id, lang, {p.id: State.TRANSLATED for _, p in doc.walk()})
    found = translation.paragraphs if translation else {}
    states = {p.id: found[p.id].state(p.text) if p.id in found else State.MISSING for _, p in doc.walk()}
    return Coverage(doc.id, lang, MappingProxyType(states))


def document_languages(doc: Document, translations: Iterable[Translation]) -> tuple[Coverage, ...]:
    """The languages of a document and their status, English first: the API a site or a report shows."""
    mine = {t.lang: t for t in translations if t.document == doc.id}
    return tuple(coverage(doc, mine.get(lang.code), lang.code) for lang in LANGUAGES)


class Localized(Struct, frozen=True):
    """A document with its texts in one language, and each paragraph's state (MISSING: the English is shown)."""

    document: Document
    lang: str
    states: Mapping[str, State]


def localize(doc: Document, translation: Translation | None, lang: str) -> Localized:
    """The document as read in `lang`: translated texts where they exist (outdated ones too, marked)."""
    if lang == WORKING or translation is None:
        return Localized(doc, lang, coverage(doc, translation, lang).states)
    states = coverage(doc, translation, lang).states
    sections = tuple(_section(s, translation) for s in doc.sections)
    title = translation.title.text if translation.title else doc.title
    agenda = translation.agenda_item.text if translation.agenda_item else doc.agenda_item
    submitted = translation.submitted_by.text if translation.submitted_by else doc.submitted_by
    return Localized(replace(doc, title=title, sections=sections, agenda_item=agenda, submitted_by=submitted), lang,
                     states)


def _section(section: Section, translation: Translation) -> Section:
    title = translation.sections[section.id].text if section.id in translation.sections else section.title
    paragraphs = tuple(replace(p, text=translation.paragraphs[p.id].text) if p.id in translation.paragraphs else p
                       for p in section.paragraphs)
    return replace(section, title=title, paragraphs=paragraphs)
