"""Carrying a proposal made against the version a delegate edited onto the current version (propose/rebase.py):
what goes through, what clashes, and what cannot be carried at all."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from msgspec.structs import replace
from roots import REPO_ROOT as ROOT

from ccmflow.core.inputfile import InputKind
from ccmflow.core.model import Document, Workspace
from ccmflow.propose.build import Edit, Proposal, ProposalError
from ccmflow.propose.rebase import Clashes, rebase
from ccmflow.read.load import parse_text
from ccmflow.write.edit import Editor

REVIEW = "documents/review-document.yaml"


@pytest.fixture
def edited(ccm: Workspace) -> tuple[Workspace, str]:
    """The version the delegate edited: the zero draft, and its file."""
    return ccm, (ROOT / REVIEW).read_text("utf-8")


def _number(workspace: Workspace, number: str) -> str:
    return next(pid for pid, n in workspace.documents["review-document"].numbers().items() if n == number)


def _current(edited: tuple[Workspace, str], change: Callable[[Document], Document]) -> tuple[Workspace, str]:
    """The current version: the edited one with `change` made by the Presidency since."""
    workspace, text = edited
    editor = Editor(text, REVIEW)
    editor.write(change(workspace.documents["review-document"]))
    document = parse_text(REVIEW, editor.text).record
    assert isinstance(document, Document)
    return replace(workspace, documents={**workspace.documents, "review-document": document}), editor.text


def _amended(pid: str, text: str) -> Callable[[Document], Document]:
    return lambda doc: replace(doc, sections=tuple(
        replace(s, paragraphs=tuple(replace(p, text=text) if p.id == pid else p for p in s.paragraphs))
        for s in doc.sections))


def test_a_remark_carried_onto_a_changed_version_changes_no_text(edited: tuple[Workspace, str]) -> None:
    workspace, text = edited
    current, current_text = _current(edited, _amended(_number(workspace, "2"), "Paragraph two, consolidated."))
    remark = Proposal("review-document", InputKind.REMARK, ("kenya",), paragraph="5", remark="Too long.")
    built = rebase(workspace, text, current, current_text, remark, "kenya-remark-x")
    assert list(built.files) == [built.record.path]
    assert built.record.kind == InputKind.REMARK and built.record.paragraph == _number(workspace, "5")


def test_new_paragraphs_typed_one_after_another_are_carried_in_order(edited: tuple[Workspace, str]) -> None:
    workspace, text = edited
    current, current_text = _current(edited, _amended(_number(workspace, "2"), "Paragraph two, consolidated."))
    seven = _number(workspace, "7")
    proposal = Proposal("review-document", InputKind.CHANGES, ("kenya",),
                        edits=(Edit(InputKind.INSERT, "7", "First new."), Edit(InputKind.INSERT, "7", "Second new.")))
    built = rebase(workspace, text, current, current_text, proposal, "kenya-changes-x")
    merged = parse_text(REVIEW, built.files[REVIEW]).record
    assert isinstance(merged, Document)
    texts = [p.text for _, p in merged.walk()]
    at = texts.index(merged.paragraph(seven).text)  # type: ignore[union-attr]
    assert texts[at + 1:at + 3] == ["First new.", "Second new."]
    assert "Paragraph two, consolidated." in texts
    first, second = built.record.changes
    assert first.paragraph == seven and merged.paragraph(second.paragraph).text == "First new."  # type: ignore[union-attr]


def test_a_new_paragraph_after_one_the_current_version_moved_clashes(edited: tuple[Workspace, str]) -> None:
    """Paragraph 7 moved to the next section since: a paragraph proposed after it would land there."""
    workspace, text = edited
    seven = _number(workspace, "7")

    def move(doc: Document) -> Document:
        paragraph = doc.paragraph(seven)
        assert paragraph is not None
        at = next(i for i, s in enumerate(doc.sections) if any(p.id == seven for p in s.paragraphs))
        sections = [replace(s, paragraphs=tuple(p for p in s.paragraphs if p.id != seven)) for s in doc.sections]
        sections[at + 1] = replace(sections[at + 1], paragraphs=(paragraph, *sections[at + 1].paragraphs))
        return replace(doc, sections=tuple(sections))

    current, current_text = _current(edited, move)
    proposal = Proposal("review-document", InputKind.INSERT, ("kenya",), paragraph="7", text="New after seven.")
    with pytest.raises(Clashes) as clashed:
        rebase(workspace, text, current, current_text, proposal, "kenya-insert-x")
    assert clashed.value.clashes == [
        f"paragraph 7 ({seven}): the new paragraph proposed after it would land in another section, since the "
        "current version moves it there (propose it after another paragraph)"]


def test_what_cannot_be_carried_at_all_is_a_proposal_error(edited: tuple[Workspace, str]) -> None:
    workspace, text = edited
    amend = Proposal("review-document", InputKind.AMEND, ("kenya",), paragraph="5", text="Five, amended.")
    without = replace(workspace, documents={k: v for k, v in workspace.documents.items() if k != "review-document"})
    with pytest.raises(ProposalError, match=r"^the current version has no document 'review-document'$"):
        rebase(workspace, text, without, "", amend, "kenya-amend-x")
    with pytest.raises(ProposalError) as broken:
        rebase(workspace, text, workspace, "document: [not, a, document\n", amend, "kenya-amend-x")
    assert str(broken.value).startswith(f"the changes cannot be carried onto the current {REVIEW}: ")
