"""The languages a document exists in: English (the text in documents/) and each translation the repository holds.

Translations live under documents/translations/<lang>/<doc>.yaml (ccmflow.read.translations); the site needs,
per document, each language's text and whether it lags behind the English. The provider is a parameter, so a
test or another treaty body's site can supply its own.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType

from msgspec import Struct, field

from ccmflow.core.languages import WORKING
from ccmflow.core.model import Document, Workspace
from ccmflow.core.translations import State, localize
from ccmflow.repo.store import Store
from ccmflow.repo.translationfiles import translations as translation_files
from ccmflow.write.words import native_name

# Scripts written right to left (ISO 639-1 codes of the languages that use them).
RIGHT_TO_LEFT = frozenset({"ar", "fa", "he", "ur", "ps", "yi", "dv"})


class LanguageVersion(Struct, frozen=True):
    """One document as read in one language; `outdated` when the English has changed since a paragraph was
    translated, `untranslated` when some paragraphs have no translation yet (kept apart: the first is a translation
    to update, the second one still to make)."""

    code: str  # "fr", "ar"
    name: str  # the language's name in that language, e.g. "Français", "العربية"
    document: Document
    outdated: bool = False
    outdated_note: str = ""  # what lags, for a person (e.g. "3 paragraphs changed since translated")
    untranslated: int = 0  # paragraphs with no translation yet, shown in English
    states: Mapping[str, State] = field(default_factory=lambda: MappingProxyType({}))  # paragraph id -> state

    @property
    def direction(self) -> str:
        return "rtl" if self.code.split("-")[0] in RIGHT_TO_LEFT else "ltr"


Translations = Callable[[Store, str, Workspace, str, Document], Sequence[LanguageVersion]]
"""(store, the built revision, its workspace, document id, English document) -> the document's other languages."""


def repository_translations(store: Store, rev: str, workspace: Workspace, doc: str,
                            english: Document) -> Sequence[LanguageVersion]:
    """The translation files at `rev`: each language's text of `doc`, English where a paragraph is missing."""
    found, _ = translation_files(workspace, store=store, rev=rev)  # files with problems are left out, not shown
    versions = []
    for translation in found:
        if translation.document != doc or translation.lang == WORKING:
            continue
        localized = localize(english, translation, translation.lang)
        states = list(localized.states.values())
        outdated, missing = states.count(State.OUTDATED), states.count(State.MISSING)
        note = f"{outdated} paragraph{'s' if outdated != 1 else ''} changed in English since translated" \
            if outdated else ""
        versions.append(LanguageVersion(code=translation.lang, name=native_name(translation.lang),
                                        document=localized.document, outdated=bool(outdated), outdated_note=note,
                                        untranslated=missing, states=localized.states))
    return sorted(versions, key=lambda v: v.code)


def document_path(doc: str, code: str = "en") -> str:
    """Where a document's page is on the site: English at documents/<doc>.html, others beside it."""
    return f"documents/{doc}.html" if code == "en" else f"documents/{doc}.{code}.html"
