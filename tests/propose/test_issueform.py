"""Reading a submitted issue form: GitHub's Markdown, as written and as edited afterwards, into a proposal."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from ccmflow.core.inputfile import Channel, InputKind
from ccmflow.core.issueform import Field
from ccmflow.core.model import Workspace
from ccmflow.propose.build import Proposal
from ccmflow.propose.form import FormProblems, Submission, is_form, parse_form, read_form

AUSTRIA_ID = 27361048
ISU_ID = 39084516
STRANGER_ID = 99999901
IN_WINDOW = datetime(2020, 4, 20, 10, tzinfo=UTC)


def body(**answers: str) -> str:
    fields = {"Document": "Lausanne Review Document", "Kind of input": "Amend a paragraph", "Paragraph": "5",
              "Proposed text or remark": "New text.", "Justification": "_No response_",
              "On whose behalf": "_No response_"}
    fields.update({k.replace("_", " "): v for k, v in answers.items()})
    return "\n\n".join(f"### {label}\n\n{answer}" for label, answer in fields.items())


def read(workspace: Workspace, text: str, author: int = AUSTRIA_ID, at: datetime = IN_WINDOW) -> Proposal:
    return read_form(parse_form(text), workspace, Submission(issue=7, author_id=author, received=at))


def test_answers_as_github_writes_them() -> None:
    answers = parse_form(body(Justification="Two lines\n\nof reasons."))
    assert answers.get(Field.DOCUMENT) == "Lausanne Review Document"
    assert answers.get(Field.JUSTIFICATION) == "Two lines\n\nof reasons."
    assert answers.get(Field.ON_BEHALF_OF) is None  # _No response_


def test_answers_after_the_author_edited_the_body() -> None:
    edited = ("Some words first\r\n### document\r\n\r\nLausanne Action Plan 2021-2025\r\n"
              "### Proposed text or remark\r\n\r\nLine one\r\n### A heading of my own\r\nLine two\r\n"
              "### Document\r\n\r\nignored: only the first section of a field counts\r\n")
    answers = parse_form(edited)
    assert answers.get(Field.DOCUMENT) == "Lausanne Action Plan 2021-2025"
    assert answers.get(Field.TEXT) == "Line one\n### A heading of my own\nLine two"
    assert answers.get(Field.KIND) is None and answers.get(Field.PARAGRAPH) is None
    assert is_form(edited) and not is_form("It looks like you spelled 'commit' with two 't's.")


def test_an_amendment_by_display_number(ccm: Workspace) -> None:
    proposal = read(ccm, body(Paragraph="para. 5"))
    assert (proposal.document, proposal.kind, proposal.paragraph) == ("review-document", InputKind.AMEND, "pkp3nvcv")
    assert proposal.on_behalf_of == ("austria",) and proposal.channel == Channel.ISSUE_FORM and proposal.issue == 7
    assert proposal.text == "New text." and proposal.justification is None


def test_a_joint_input_and_a_remark_on_a_section(ccm: Workspace) -> None:
    proposal = read(ccm, body(Kind_of_input="General remark on a section or the whole document",
                              Paragraph="universalization", On_whose_behalf="Austria, Chile and cmc"),
                    author=ISU_ID)
    assert proposal.kind == InputKind.REMARK and proposal.section == "universalization" and proposal.paragraph is None
    assert proposal.remark == "New text." and proposal.text is None
    assert proposal.on_behalf_of[:2] == ("austria", "chile") and len(proposal.on_behalf_of) == 3


def test_every_problem_at_once_each_saying_what_to_fix(ccm: Workspace) -> None:
    with pytest.raises(FormProblems) as caught:
        read(ccm, body(Document="The Treaty", Kind_of_input="Rewrite", On_whose_behalf="Atlantis"))
    problems = caught.value.problems
    assert len(problems) == 3
    assert problems[0].startswith("Document: there is no document 'The Treaty'; choose one of: ")
    assert problems[1].startswith("Kind of input: choose one of: Amend a paragraph; ")
    assert problems[2].startswith("On whose behalf: not in the registry: Atlantis")


@pytest.mark.parametrize(("answers", "author", "expected"), [
    ({"Paragraph": "99"}, AUSTRIA_ID, "Paragraph: Lausanne Review Document has no paragraph '99'"),
    ({"Paragraph": "_No response_"}, AUSTRIA_ID, "Paragraph: give the paragraph by its number"),
    ({"Proposed text or remark": "_No response_"}, AUSTRIA_ID, "Proposed text or remark: empty"),
    ({"On whose behalf": "Chile"}, AUSTRIA_ID, "On whose behalf: your GitHub account is not registered for Chile"),
    ({}, STRANGER_ID, "your GitHub account is not in the registry of delegations"),
    ({"Document": "Lausanne Action Plan 2021-2025", "Paragraph": "Action 1"}, AUSTRIA_ID,
     "Document: written input to Lausanne Action Plan 2021-2025 is not open yet (it opens on 9 June 2020"),
    ({"Document": "_No response_"}, AUSTRIA_ID, "Document: no document chosen; choose one of: "),
    ({"Kind of input": "_No response_"}, AUSTRIA_ID, "Kind of input: choose one of: Amend a paragraph"),
    ({"Kind of input": "General remark on a section or the whole document", "Paragraph": "Outer space"}, AUSTRIA_ID,
     "Paragraph: 'Outer space' is neither a paragraph nor a section: Lausanne Review Document has no section "
     "'Outer space' (its sections: Introduction; Universalization;"),
    ({"Kind of input": "General remark on a section or the whole document",
      "Proposed text or remark": "_No response_"}, AUSTRIA_ID, "Proposed text or remark: empty; write your remark"),
    ({"Kind of input": "Explanation of position on the adopted text", "Paragraph": "_No response_",
      "Proposed text or remark": "_No response_"}, AUSTRIA_ID,
     "Paragraph: give the paragraphs the position is about, e.g. '5, 11'"),
    ({"Kind of input": "Explanation of position on the adopted text", "Proposed text or remark": "_No response_"},
     AUSTRIA_ID, "Proposed text or remark: empty; write your position"),
])
def test_a_form_that_cannot_be_used(ccm: Workspace, answers: dict[str, str], author: int,
                                    expected: str) -> None:
    fields = {k.replace(" ", "_"): v for k, v in answers.items()}
    with pytest.raises(FormProblems) as caught:
        read(ccm, body(**fields), author=author)
    assert [p for p in caught.value.problems if p.startswith(expected)], caught.value.problems


def test_a_deletion_needs_no_text(ccm: Workspace) -> None:
    proposal = read(ccm, body(Kind_of_input="Delete a paragraph", Proposed_text_or_remark="_No response_"))
    assert proposal.kind == InputKind.DELETE and proposal.text is None


@pytest.mark.parametrize("where", ["_No response_", "whole document", "The whole document"])
def test_a_remark_on_the_whole_document(ccm: Workspace, where: str) -> None:
    proposal = read(ccm, body(Kind_of_input="General remark on a section or the whole document",
                              Paragraph=where))
    assert proposal.kind == InputKind.REMARK and proposal.section is None and proposal.paragraph is None


def test_a_reservation_on_the_adopted_text_through_the_form(ccm: Workspace) -> None:
    from msgspec.structs import replace

    from ccmflow.core.inputfile import PositionKind

    text = body(Kind_of_input="Reservation on the adopted text", Paragraph="5, 11",
                Proposed_text_or_remark="Austria reserves its position.")
    with pytest.raises(FormProblems) as refused:  # the zero draft is not adopted
        read(ccm, text)
    assert any("is not adopted yet" in p for p in refused.value.problems)
    review = ccm.documents["review-document"]
    adopted = replace(ccm, documents={**ccm.documents,
                                      "review-document": replace(review, status="adopted")})
    made = read(adopted, text, at=datetime(2020, 11, 27, 16, tzinfo=UTC))
    assert (made.kind, made.position, made.cites) == (InputKind.POSITION, PositionKind.RESERVATION,
                                                       ("pkp3nvcv", "pabmu3fk"))
    with pytest.raises(FormProblems) as unknown:
        read(adopted, body(Kind_of_input="Explanation of position on the adopted text", Paragraph="5, 999"),
             at=datetime(2020, 11, 27, 16, tzinfo=UTC))
    assert any("has no paragraph '999'" in p for p in unknown.value.problems)


def test_the_document_named_by_the_id_after_its_title_and_a_delegation_named_twice(ccm: Workspace) -> None:
    """A title edited by hand still names its document by the id in brackets the dropdown shows; a delegation
    named twice (by name and by id) is credited once."""
    proposal = read(ccm, body(Document="Review Document, as revised (review-document)",
                              On_whose_behalf="Austria, austria"))
    assert proposal.document == "review-document" and proposal.on_behalf_of == ("austria",)


def test_a_document_without_an_input_window(ccm: Workspace) -> None:
    from msgspec.structs import replace

    process = replace(ccm.process, windows=tuple(w for w in ccm.process.windows if w.document != "review-document"))
    with pytest.raises(FormProblems) as caught:
        read(replace(ccm, process=process), body())
    assert caught.value.problems == ("Document: the timeline opens no input window for Lausanne Review Document yet",)
