"""The languages a document exists in: English (the text in documents/) and any translation a provider supplies.

Translations are kept elsewhere in the repository by their own module; the site only needs, per document, each
language's text and whether it lags behind the English. A provider is plugged in at build time; without one the
site shows English only and no language list.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ccmflow.core.model import Document, Workspace
from ccmflow.repo.store import Store

# Scripts written right to left (ISO 639-1 codes of the languages that use them).
RIGHT_TO_LEFT = frozenset({"ar", "fa", "he", "ur", "ps", "yi", "dv"})


@dataclass(frozen=True, slots=True)
class Translation:
    """One document in one language; `outdated` when the English has changed since it was translated."""

    code: str  # "fr", "ar"
    name: str  # the language's name in that language, e.g. "Français", "العربية"
    document: Document
    outdated: bool = False
    outdated_note: str = ""  # what lags, for a person (e.g. "3 paragraphs changed since translated")

    @property
    def direction(self) -> str:
        return "rtl" if self.code.split("-")[0] in RIGHT_TO_LEFT else "ltr"


Translations = Callable[[Store, Workspace, str, Document], Sequence[Translation]]
"""(store, workspace at the build revision, document id, English document) -> its translations."""


def no_translations(store: Store, workspace: Workspace, doc: str, english: Document) -> Sequence[Translation]:
    return ()


def document_path(doc: str, code: str = "en") -> str:
    """Where a document's page is on the site: English at documents/<doc>.html, others beside it."""
    return f"documents/{doc}.html" if code == "en" else f"documents/{doc}.{code}.html"
