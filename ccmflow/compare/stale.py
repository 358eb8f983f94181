"""Paragraphs an input aims at that a newer version has deleted or rewritten since the input's base."""

from __future__ import annotations

from ccmflow.compare.diff import ChangeKind, diff_documents
from ccmflow.compare.merge import same
from ccmflow.core.model import Document

DELETED = "deleted"
REWRITTEN = "rewritten"


def stale_paragraphs(before: Document | None, after: Document, new: Document) -> list[tuple[str, str]]:
    """(paragraph id, deleted|rewritten) for each paragraph the input changed or removed that `new` changed too;
    none when the input's base had no such document (the input brought it).

    A paragraph where the new version already says what the input proposes is not stale: it was taken.
    """
    if before is None:
        return []
    found: list[tuple[str, str]] = []
    for change in diff_documents(before, after).changes:
        # A modified paragraph always names its fields; a moved one changed nothing the input aims at.
        if change.change not in (ChangeKind.MODIFIED, ChangeKind.REMOVED):
            continue
        now, old = new.paragraph(change.id), before.paragraph(change.id)
        if now is None:
            if change.change != ChangeKind.REMOVED:
                found.append((change.id, DELETED))
        elif not same(now, old) and not same(now, after.paragraph(change.id)):
            found.append((change.id, REWRITTEN))
    return found
