"""Rendering is linear in the document: paragraph numbers are computed once per document, not per reference."""

from __future__ import annotations

import pytest

from ccmflow.core.model import Document, Workspace
from ccmflow.write.render import render_html, render_markdown


@pytest.mark.parametrize("render", [render_html, render_markdown])
def test_numbers_are_computed_once_per_document_whatever_the_references(render: object, ccm: Workspace,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    doc = ccm.documents["lausanne-action-plan"]
    references = sum(len(p.references) for _, p in doc.walk())
    assert references > 5
    calls: list[str] = []
    numbers = Document.numbers

    def counted(self: Document) -> dict[str, str]:
        calls.append(self.id)
        return numbers(self)

    monkeypatch.setattr(Document, "numbers", counted)
    text = render(doc, others=ccm.documents)  # type: ignore[operator]
    assert "paragraph" in text.lower()
    assert len(calls) <= len(set(calls)) + 1  # once for the paragraphs' own numbers, once for the references
