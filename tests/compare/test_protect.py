"""Agreed and adopted text: which changes touch it, and the one message every path gives."""

from __future__ import annotations

import pytest
from mergekit import DOC, changed, document

from ccmflow.compare.merge import read_side
from ccmflow.compare.mergefile import merge_file
from ccmflow.compare.protect import AgreedTextChanged, refusal, touched_agreed
from ccmflow.core.agreement import ParagraphStatus


def test_a_merge_into_an_adopted_text_is_refused_for_every_change_and_every_insertion() -> None:
    base = document()
    adopted = base.replace("  status: draft\n", "  status: adopted\n")
    theirs = document({**changed("p002", "Theirs rewrote the second."), "p005": "Theirs added a fifth."})
    with pytest.raises(AgreedTextChanged) as refused:
        merge_file(base, adopted, theirs, DOC)
    assert str(refused.value) == (
        "Review: this change changes the text of paragraph 2 (p002), which is adopted; inserts paragraph p005 into "
        "the adopted text. The adopted text is final: a delegation puts its view on the record with an explanation "
        "of position or a reservation (ccmflow propose DOC PARAGRAPH --position explanation --remark FILE)")
    untouched = merge_file(base, adopted, base, DOC)  # nothing changed: nothing to refuse
    assert untouched.conflicts == () and "status: adopted" in untouched.text


def test_a_new_document_touches_nothing_and_a_deleted_one_every_agreed_paragraph() -> None:
    review = read_side(document(), DOC)[0]
    agreed = {"p001": ParagraphStatus.AGREED, "p002": ParagraphStatus.AGREED_AD_REF}
    assert touched_agreed(None, review, agreed) == ()
    (gone,) = touched_agreed(review, None, agreed)
    assert (gone.paragraph, gone.deleted, gone.inserted) == ("p001", True, False)
    assert refusal("Review", (gone,)) == (
        "Review: this change deletes paragraph 1 (p001), which is agreed. Agreed text is not changed: ask the "
        "Presidency or the section's facilitator to reopen the paragraph first (/ccmflow reopen PARAGRAPH, or "
        "ccmflow mark DOC PARAGRAPH open)")
