"""Paragraphs an input aims at that the base branch has rewritten or deleted since the input was made."""

from __future__ import annotations

from mergekit import DOC, changed, document

from ccmflow.compare.merge import read_side
from ccmflow.compare.stale import DELETED, REWRITTEN, stale_paragraphs


def test_what_the_base_rewrote_or_deleted_since_is_stale_and_what_it_took_is_not() -> None:
    made_on = read_side(document(), DOC)[0]
    proposed = read_side(document({**changed("p001", "Input's first."), "p002": "Input's second.",
                                   "p003": "Input's third."}), DOC)[0]
    now = read_side(document({**changed("p001", "Base's first."), "p003": "Input's third."}, order=[
        "p001", "p003", "p004"]), DOC)[0]
    assert stale_paragraphs(made_on, proposed, now) == [("p001", REWRITTEN), ("p002", DELETED)]


def test_an_input_that_brought_the_document_has_nothing_stale() -> None:
    document_now = read_side(document(), DOC)[0]
    assert stale_paragraphs(None, document_now, document_now) == []
