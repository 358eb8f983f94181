"""Editing files of every shape a person may write: each edit holds its target and keeps what it can, and a file
that cannot be edited is refused with the reason and the line (test_edit.py covers the everyday shapes)."""

from __future__ import annotations

import secrets

import pytest
from msgspec.structs import replace

from ccmflow.core.model import Document, Paragraph, Section
from ccmflow.read.load import parse_text
from ccmflow.write.edit import EditError, Editor, derived_id, new_id, write_document

PATH = "documents/review-document.yaml"
SMALL = """\
document:
  id: review-document
  title: Review
  version: zero-draft
  status: draft
sections:
  - id: one
    title: One
    paragraphs:
      - id: p1111111
        kind: narrative
        text: Short.  # a note
"""
LONG = ("A longer text that will need folding because it runs past the width of one line, " * 3).strip()


def _document(text: str) -> Document:
    record = parse_text(PATH, text).record
    assert isinstance(record, Document)
    return record


def _with_title(document: Document, index: int, title: str) -> Document:
    sections = list(document.sections)
    sections[index] = replace(sections[index], title=title)
    return replace(document, sections=tuple(sections))


@pytest.mark.parametrize(("text", "reason"), [
    ("document: [review\n", f"cannot edit {PATH}: {PATH}:2:1: not valid YAML"),
    ("- a list\n", "no 'document:' mapping"),
    ("document: {id: review-document}\nsections: {one: 1}\n", "no 'sections:' list"),
    ("document: {id: review-document}\nsections:\n  - title: One\n", "section 1 has no id"),
    ("document: {id: review-document}\nsections:\n  - id: one\n", "section 'one' has no 'paragraphs:' list"),
    ("document: {id: review-document}\nsections:\n  - id: one\n    paragraphs: [{text: x}]\n",
     "a paragraph in section 'one' has no id"),
    (SMALL + "      - id: p1111111\n        kind: narrative\n        text: Twice.\n",
     "paragraph id 'p1111111' occurs twice; fix the file before editing it"),
])
def test_a_file_that_cannot_be_edited_is_refused_with_the_reason(text: str, reason: str) -> None:
    with pytest.raises(EditError) as refused:
        write_document(text, PATH, _document(SMALL))
    assert reason in str(refused.value)


def test_a_target_with_an_id_twice_is_refused() -> None:
    document = _document(SMALL)
    twice = replace(document, sections=(*document.sections, Section("two", "Two", document.sections[0].paragraphs)))
    with pytest.raises(EditError, match="paragraph id 'p1111111' occurs twice"):
        write_document(SMALL, PATH, twice)


def test_an_invalid_document_cannot_be_opened_for_editing_and_the_findings_say_why() -> None:
    with pytest.raises(EditError) as refused:
        Editor(SMALL.replace("kind: narrative", "kind: narative"), PATH)
    assert str(refused.value).startswith(f"{PATH} is not a valid document:\n{PATH}:11:")
    assert "narative" in str(refused.value)


def test_edits_that_make_no_sense_are_refused_and_change_nothing() -> None:
    ed = Editor(SMALL, PATH)
    with pytest.raises(EditError, match="'id' is not a paragraph field that can be set"):
        ed.set_field("p1111111", "id", "p2222222")
    with pytest.raises(EditError, match="'colour' is not a paragraph field"):
        ed.set_field("p1111111", "colour", "blue")
    with pytest.raises(EditError, match="cannot be moved after itself"):
        ed.move("p1111111", "one", "p1111111")
    with pytest.raises(EditError, match="no section 'two'"):
        ed.insert("two", None, Paragraph(id="p2222222", kind="narrative", text="New."))
    assert ed.text == SMALL


@pytest.mark.parametrize("value", ["yes", "Off", "* every State", "% of States Parties", "- all"])
def test_a_short_value_yaml_would_read_otherwise_is_quoted(value: str) -> None:
    ed = Editor(SMALL, PATH)
    ed.set_field("p1111111", "target", value)
    assert f'        target: "{value}"\n' in ed.text
    assert ed.document.sections[0].paragraphs[0].target == value


def test_a_comment_after_a_short_text_moves_to_the_header_of_its_folded_replacement() -> None:
    ed = Editor(SMALL, PATH)
    ed.set_text("p1111111", LONG)
    assert "        text: >-  # a note\n          A longer text" in ed.text
    assert ed.document.sections[0].paragraphs[0].text == LONG


def test_a_key_spaced_from_its_colon_is_edited_in_place() -> None:
    text = SMALL.replace("    title: One\n", "    title  : One\n")
    ed = Editor(text, PATH)
    ed.write(_with_title(ed.document, 0, "Two"))
    assert ed.text == text.replace("title  : One", "title  : Two")


def test_an_explicit_key_is_refused_with_its_line() -> None:
    ed = Editor(SMALL.replace("    title: One\n", "    ? title\n    : One\n"), PATH)
    with pytest.raises(EditError, match="line 8: cannot edit a key written in this form"):
        ed.write(_with_title(ed.document, 0, "Two"))


KEPT = SMALL.replace("        text: Short.  # a note\n", "        text: |+\n          Kept lines.\n\n")
TWO = ("  - id: two\n    title: Two\n    paragraphs:\n"
       "      - id: p2222222\n        kind: narrative\n        text: Other.\n")


def test_a_key_added_after_a_text_keeping_its_blank_lines_comes_after_them() -> None:
    ed = Editor(KEPT, PATH)
    assert ed.document.sections[0].paragraphs[0].text == "Kept lines.\n\n"
    ed.set_field("p1111111", "references", ["review-document#one"])
    assert ed.text == KEPT + "        references: [review-document#one]\n"
    ed.set_field("p1111111", "references", [])
    assert ed.text == KEPT


def test_a_paragraph_whose_text_keeps_its_blank_lines_moves_with_them() -> None:
    ed = Editor(KEPT + TWO, PATH)
    ed.insert("one", "p1111111", Paragraph(id="p3333333", kind="narrative", text="New."))
    assert "          Kept lines.\n\n      - id: p3333333\n" in ed.text
    ed.move("p1111111", "two", "p2222222")
    assert ed.text.endswith("        text: Other.\n      - id: p1111111\n        kind: narrative\n        text: |+\n"
                            "          Kept lines.\n\n")
    assert ed.document.sections[1].paragraphs[1].text == "Kept lines.\n\n"


@pytest.mark.parametrize(("key", "value", "written"), [
    ("symbol", "CCM/CONF/2020/WP.1", "CCM/CONF/2020/WP.1"),
    ("informs", ("lausanne-action-plan",), "[lausanne-action-plan]"),
])
def test_a_value_left_empty_in_the_file_is_filled_in_where_it_stands(key: str, value: object, written: str) -> None:
    text = SMALL.replace("  status: draft\n", f"  status: draft\n  {key}:\n")
    filled = write_document(text, PATH, replace(_document(SMALL), **{key: value}))
    assert filled == text.replace(f"  {key}:\n", f"  {key}: {written}\n")


def test_a_target_no_file_can_hold_is_refused() -> None:
    """A file's numbering only adds to the defaults: a record without the default for actions has no file."""
    with pytest.raises(EditError, match="cannot be written as a file"):
        write_document(SMALL, PATH, replace(_document(SMALL), numbering={}))


def test_an_optional_key_on_the_dash_line_removed_rewrites_the_paragraph() -> None:
    text = SMALL.replace("      - id: p1111111\n", "      - references: [review-document#one]\n        id: p1111111\n")
    ed = Editor(text, PATH)
    ed.set_field("p1111111", "references", [])
    assert ed.document == _document(SMALL)
    assert "      - id: p1111111\n        kind: narrative\n        text: >-\n          Short.\n" in ed.text


def test_a_text_opening_on_a_blank_line_keeps_its_indentation() -> None:
    text = SMALL.replace("        text: Short.  # a note\n", "        text: >-\n\n            Indented four.\n")
    ed = Editor(text, PATH)
    assert ed.document.sections[0].paragraphs[0].text == "\nIndented four."
    ed.insert("one", "p1111111", Paragraph(id="p2222222", kind="narrative", text="New."))
    assert "      - id: p2222222\n        kind: narrative\n        text: >-\n            New.\n" in ed.text


FLOW = """\
document: {id: review-document, title: Review, version: zero-draft, status: draft}
sections: [{id: one, title: One, paragraphs: [{id: p1111111, kind: narrative, text: Short.}]}]
"""


def test_sections_written_as_one_flow_list_are_kept_or_rewritten_whole() -> None:
    assert write_document(FLOW, PATH, _document(FLOW)) == FLOW
    ed = Editor(FLOW, PATH)
    ed.write(replace(ed.document, sections=(*ed.document.sections, Section("two", "Two", ()))))
    assert ed.text.endswith("sections:\n  - id: one\n    title: One\n    paragraphs:\n      - id: p1111111\n"
                            "        kind: narrative\n        text: >-\n          Short.\n\n  - id: two\n"
                            "    title: Two\n    paragraphs: []\n")
    assert [s.id for s in ed.document.sections] == ["one", "two"]
    empty = FLOW.replace("[{id: one, title: One, paragraphs: [{id: p1111111, kind: narrative, text: Short.}]}]", "[]")
    assert write_document(empty, PATH, _document(FLOW)).endswith("sections:\n  - id: one\n    title: One\n"
                                                                  "    paragraphs:\n      - id: p1111111\n"
                                                                  "        kind: narrative\n        text: >-\n"
                                                                  "          Short.\n")


def test_metadata_that_lost_its_id_is_written_again_whole() -> None:
    text = SMALL.replace("  id: review-document\n", "")
    fixed = write_document(text, PATH, _document(SMALL))
    assert fixed.startswith("document:\n  id: review-document\n  title: Review\n")
    assert _document(fixed) == _document(SMALL)


UNEVEN = SMALL + """\
  - id: two
    title: Two
    paragraphs:
    - id: p2222222
      kind: narrative
      text: In a list indented less.
"""


@pytest.mark.parametrize(("pid", "to", "after", "line"), [
    ("p1111111", "two", "p2222222", "    - id: p1111111\n      kind: narrative\n      text: Short.  # a note\n"),
    ("p2222222", "one", "p1111111", "      - id: p2222222\n        kind: narrative\n        text: In a list"),
])
def test_a_paragraph_moved_to_a_list_indented_otherwise_takes_its_indentation(pid: str, to: str, after: str,
                                                                                line: str) -> None:
    ed = Editor(UNEVEN, PATH)
    ed.move(pid, to, after)
    assert line in ed.text
    assert [p.id for p in ed.document.sections[0 if to == "one" else 1].paragraphs][-1] == pid


def test_a_fresh_id_is_never_one_taken(monkeypatch: pytest.MonkeyPatch) -> None:
    drawn = iter("aaaaaaa" + "bbbbbbb")
    monkeypatch.setattr(secrets, "choice", lambda alphabet: next(drawn))
    assert new_id({"paaaaaaa"}) == "pbbbbbbb"


def test_a_derived_id_is_the_same_for_the_same_seed_and_never_one_taken() -> None:
    first = derived_id("issue-12", ())
    assert derived_id("issue-12", ()) == first
    other = derived_id("issue-12", {first})
    assert other != first and derived_id("issue-12", {first}) == other
