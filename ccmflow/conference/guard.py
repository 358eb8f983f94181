"""Agreed text on the proposal path: the documents a proposal (a form, an e-mail, a Word file) would commit are read
back and asked the one question of ccmflow.compare.protect before anything is committed."""

from __future__ import annotations

from collections.abc import Mapping

from ccmflow.core.model import Document
from ccmflow.read.load import document_text
from ccmflow.repo.statusref import refuse_agreed_changes
from ccmflow.repo.store import Store


def refuse_if_agreed(store: Store, base: Document | None, files: Mapping[str, str]) -> None:
    """Stop (FatalError, nothing committed) when the proposed files change agreed or adopted text of `base`."""
    if base is None or base.path not in files:
        return
    new, _ = document_text(base.path, files[base.path])
    refuse_agreed_changes(store, base, new)
