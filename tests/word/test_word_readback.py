"""Word in, what the reader makes of a file's structure: bookmarks and comments where Word puts them, tabs and line
breaks typed in the text, headings, moved paragraphs, edited details, and files that are not the circulated
working-language version of a commit."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pygit2
import pytest
from docx.oxml.ns import qn
from gitutil import commit, instance_checkout
from lxml import etree
from wordkit import Marked, W, input_branches, numbered, render

from ccmflow.core.inputfile import InputKind
from ccmflow.core.model import Workspace
from ccmflow.main import main
from ccmflow.propose.build import Edit
from ccmflow.repo.store import Store
from ccmflow.word.ooxml import bookmark_name
from ccmflow.word.read import NotReadable, Reading, open_word, read_changes

REVIEW = "review-document"
PLAN = "lausanne-action-plan"


@pytest.fixture(scope="module")
def head(checkout: Path) -> Workspace:
    return Store(checkout).require("HEAD")


def _read(marked: Marked, head: Workspace, doc: str = REVIEW) -> Reading:
    return read_changes(open_word(marked.data()), head.documents[doc], head.documents)


def _body(marked: Marked) -> etree._Element:
    return marked.root.find(f"{W}body")


def _el(tag: str, **attrs: str) -> etree._Element:
    element = etree.Element(f"{W}{tag}")
    for key, value in attrs.items():
        element.set(f"{W}{key}", value)
    return element


def _heading(marked: Marked, title: str) -> etree._Element:
    return next(p for p in _body(marked).iter(f"{W}p")
                if p.find(f"{W}pPr/{W}pStyle") is not None and p.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "Heading1"
                and "".join(t.text or "" for t in p.iter(f"{W}t")) == title)


# --- Where Word puts bookmarks and comments ---------------------------------------------------------------------

def test_a_bookmark_word_moved_between_paragraphs_still_names_its_paragraph(
        rendered: bytes, head: Workspace, ids: dict[str, str]) -> None:
    """Word may save a bookmark's start just before the paragraph rather than inside it: the paragraph is the
    same, and its change is read."""
    marked = Marked(rendered)
    name = bookmark_name(ids["5"])
    marked.track_replace(name, "[number]", "twelve")
    p = marked.paragraph(name)
    start = next(b for b in p.iter(f"{W}bookmarkStart") if b.get(f"{W}name") == name)
    p.remove(start)
    p.addprevious(start)
    reading = _read(marked, head)
    assert reading.problems == ()
    assert [(e.kind, e.paragraph) for e in reading.edits] == [(InputKind.AMEND, ids["5"])]
    assert "twelve" in (reading.edits[0].text or "")


def test_a_comment_whose_range_starts_between_paragraphs_justifies_the_next_one(
        rendered: bytes, head: Workspace, ids: dict[str, str]) -> None:
    marked = Marked(rendered)
    name = bookmark_name(ids["5"])
    marked.track_replace(name, "[number]", "twelve")
    marked.comment(name, "Twelve States joined.")
    p = marked.paragraph(name)
    start = p.find(f"{W}commentRangeStart")
    p.remove(start)
    p.addprevious(start)
    reading = _read(marked, head)
    assert reading.problems == ()
    assert reading.edits[0].justification == "Twelve States joined."


def test_an_empty_comment_is_no_justification(rendered: bytes, head: Workspace,
                                              ids: dict[str, str]) -> None:
    marked = Marked(rendered)
    name = bookmark_name(ids["5"])
    marked.track_replace(name, "[number]", "twelve")
    marked.comment(name, "   ")
    reading = _read(marked, head)
    assert reading.problems == () and reading.edits == (
        Edit(InputKind.AMEND, ids["5"], reading.edits[0].text, None),)


def test_a_comment_on_a_heading_or_on_an_unchanged_paragraph_is_named(
        rendered: bytes, head: Workspace, ids: dict[str, str]) -> None:
    marked = Marked(rendered)
    marked.comment(bookmark_name(ids["6"]), "We support this paragraph.")
    heading = _heading(marked, "Universalization")
    heading.insert(1, _el("commentRangeStart", id="77"))
    heading.append(_el("commentRangeEnd", id="77"))
    reference = _el("r")
    reference.append(_el("commentReference", id="77"))
    heading.append(reference)
    marked.comments.append(_comment("77", "A better title?"))
    reading = _read(marked, head)
    assert reading.edits == ()
    assert reading.problems == (
        "the comment 'A better title?' is not on a paragraph of the text (it is on a heading, the title block or an "
        "empty line): put it on the paragraph it justifies",
        f"the comment 'We support this paragraph.' is on paragraph 6 ({ids['6']}), which the file does not change: "
        "a comment is read as the justification of a change (make a remark with ccmflow propose --remark)")


def _comment(cid: str, text: str) -> etree._Element:
    made = _el("comment", id=cid, author="Kenya delegate", date="2020-05-04T10:00:00Z")
    para, run, t = _el("p"), _el("r"), _el("t")
    t.text = text
    run.append(t)
    para.append(run)
    made.append(para)
    return made


# --- What is typed in the text ----------------------------------------------------------------------------------

def test_a_tab_and_a_line_break_typed_in_a_paragraph_are_read_as_typed(
        rendered: bytes, head: Workspace, ids: dict[str, str]) -> None:
    marked = Marked(rendered)
    p = marked.paragraph(bookmark_name(ids["5"]))
    run = _el("r")
    for element in (_el("tab"), _el("t"), _el("br"), _el("t")):
        run.append(element)
    run[1].text, run[3].text = "(a)", "as reported."
    p.append(run)
    reading = _read(marked, head)
    old = head.documents[REVIEW].paragraph(ids["5"]).text  # type: ignore[union-attr]
    assert reading.problems == ()
    assert reading.edits == (Edit(InputKind.AMEND, ids["5"], f"{old}\t(a)\nas reported."),)


# --- What cannot be read back -----------------------------------------------------------------------------------

def test_a_heading_changed_or_added_is_named(rendered: bytes, head: Workspace,
                                             ids: dict[str, str]) -> None:
    marked = Marked(rendered)
    heading = _heading(marked, "Universalization")
    next(heading.iter(f"{W}t")).text = "Universal adherence"
    added = etree.fromstring(etree.tostring(heading))
    next(added.iter(f"{W}t")).text = "Other matters"
    body = _body(marked)
    body.find(f"{W}sectPr").addprevious(added)
    reading = _read(marked, head)
    assert reading.problems == (
        "the heading of section 'Universalization' was changed to 'Universal adherence': section titles are not "
        "read back from Word",
        "the heading 'Other matters' is not a section of the Lausanne Review Document: sections cannot be added in "
        "Word (propose the paragraphs under an existing heading)")


def test_a_paragraph_moved_is_named(rendered: bytes, head: Workspace, ids: dict[str, str]) -> None:
    """Paragraph 5 cut and pasted after paragraph 6, its bookmark with it: a move is not read back."""
    marked = Marked(rendered)
    five = marked.paragraph(bookmark_name(ids["5"]))
    marked.paragraph(bookmark_name(ids["6"])).addnext(five)
    reading = _read(marked, head)
    assert reading.problems == (f"paragraph 6 ({ids['6']}) is not where the version has it: moving paragraphs is "
                                "not read back from Word (propose the move in a pull request)",)


def test_a_file_without_any_of_the_bookmarks_is_refused_whole(rendered: bytes, head: Workspace) -> None:
    marked = Marked(rendered)
    for mark in [*marked.root.iter(f"{W}bookmarkStart"), *marked.root.iter(f"{W}bookmarkEnd")]:
        mark.getparent().remove(mark)
    reading = _read(marked, head)
    assert reading.problems[0] == (
        "the file has none of the bookmarks ccmflow puts around each paragraph (were they removed, or the text "
        "copied into another file?): no paragraph can be placed")


def test_a_paragraph_cut_out_is_deleted_while_a_new_one_elsewhere_is_inserted(
        rendered: bytes, head: Workspace, ids: dict[str, str]) -> None:
    """Paragraph 9 removed untracked (its bookmark with it) and a new paragraph typed in another section: the new
    paragraph is not taken for paragraph 9 with a lost bookmark, however alike their text."""
    marked = Marked(rendered)
    nine = marked.paragraph(bookmark_name(ids["9"]))
    text = head.documents[REVIEW].paragraph(ids["9"]).text  # type: ignore[union-attr]
    nine.getparent().remove(nine)
    marked.insert_after(bookmark_name(ids["2"]), text)
    reading = _read(marked, head)
    assert reading.problems == ()
    assert [(e.kind, e.paragraph) for e in reading.edits] == [(InputKind.INSERT, ids["2"]),
                                                              (InputKind.DELETE, ids["9"])]


def test_an_actions_details_edited_are_named(checkout: Path, head: Workspace) -> None:
    ids = numbered(checkout, PLAN)
    marked = Marked(render(checkout, PLAN))
    name = bookmark_name(ids["Action 1"])
    marked.retype(name, "Promote adherence", "Promote universal adherence")
    detail = marked.paragraph(name).getnext()
    texts = list(detail.iter(f"{W}t"))
    texts[-1].text = "Number of States that joined"
    reading = _read(marked, head, PLAN)
    assert reading.problems == (
        f"the details of Action 1 ({ids['Action 1']}) (indicators, lead, references...) were edited: only a "
        "paragraph's text is read back from Word",)


# --- Files that are not the circulated version of a commit ------------------------------------------------------

def _refused(capsys: pytest.CaptureFixture[str], instance: Path, path: Path) -> str:
    capsys.readouterr()
    assert main(["propose", "--from-docx", str(path), "--as", "kenya", "-C", str(instance)]) == 1
    err = capsys.readouterr().err
    assert input_branches(instance) == [] and "Traceback" not in err
    return err


def test_a_redline_a_translation_and_a_rendering_of_uncommitted_files_are_refused(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    instance = instance_checkout(tmp_path / "process")
    out = tmp_path / "out"
    assert main(["render", REVIEW, "--format", "docx", "--lang", "fr", "-o", str(out / "fr.docx"),
                 "-C", str(instance)]) == 0
    assert main(["diff", REVIEW, "HEAD", "HEAD", "--format", "docx", "-o", str(out / "redline.docx"),
                 "-C", str(instance)]) == 0
    yaml = instance / "documents" / f"{REVIEW}.yaml"
    yaml.write_text(yaml.read_text("utf-8").replace("Successive Presidencies", "The Presidencies"), "utf-8")
    assert main(["render", REVIEW, "--format", "docx", "-o", str(out / "dirty.docx"), "-C", str(instance)]) == 0
    assert "this file is the 'fr' version: only the working language ('en') is read back" in _refused(
        capsys, instance, out / "fr.docx")
    assert "this file is a redline or a compilation text: read back the circulated document" in _refused(
        capsys, instance, out / "redline.docx")
    assert "the file was rendered from files that were not committed" in _refused(capsys, instance,
                                                                                    out / "dirty.docx")


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {name: package.read(name) for name in package.namelist()}


def _zip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize(("damage", "why"), [
    (lambda parts: {n: d for n, d in parts.items() if n != "[Content_Types].xml"},
     "KeyError: \"There is no item named '[Content_Types].xml' in the archive\""),
    (lambda parts: {**parts, "word/styles.xml": parts["word/styles.xml"].replace(
        b'w:type="paragraph"', b'w:type="bogus"', 1)}, "WD_STYLE_TYPE has no XML mapping for 'bogus'"),
    (lambda parts: {**parts, "word/styles.xml": parts["word/document.xml"]}, "AttributeError"),
])
def test_a_package_python_docx_cannot_read_is_refused_in_one_line(rendered: bytes, damage: object,
                                                                  why: str) -> None:
    """Well-formed parts that python-docx cannot make sense of: no content types, a style of no known type, a
    document where the styles should be."""
    with pytest.raises(NotReadable) as refused:
        open_word(_zip(damage(_parts(rendered))))  # type: ignore[operator]
    message = str(refused.value)
    assert message.startswith("not a Word (.docx) file python-docx can read") and why in message
    assert "\n" not in message


# --- What Word and ccmflow put in a file besides the text -------------------------------------------------------

def test_words_own_bookmark_and_an_empty_table_change_nothing(rendered: bytes, head: Workspace,
                                                             ids: dict[str, str]) -> None:
    """Word saves a '_GoBack' bookmark where the cursor was; a table with nothing typed in it holds no text."""
    marked = Marked(rendered)
    name = bookmark_name(ids["5"])
    marked.track_replace(name, "[number]", "twelve")
    p = marked.paragraph(name)
    p.append(_el("bookmarkStart", id="990", name="_GoBack"))
    p.append(_el("bookmarkEnd", id="990"))
    table, row, cell = _el("tbl"), _el("tr"), _el("tc")
    cell.append(_el("p"))
    row.append(cell)
    table.append(row)
    marked.paragraph(bookmark_name(ids["6"])).addnext(table)
    reading = _read(marked, head)
    assert reading.problems == ()
    assert [(e.kind, e.paragraph) for e in reading.edits] == [(InputKind.AMEND, ids["5"])]


def test_a_reference_within_the_document_is_a_link_to_its_paragraph(tmp_path: Path) -> None:
    """Action 2 refers to Action 1 of the same plan: in Word, a link to Action 1's bookmark; read back, the file
    changes nothing."""
    instance = instance_checkout(tmp_path)
    path = instance / "documents" / f"{PLAN}.yaml"
    ids = numbered(instance, PLAN)
    text = path.read_text("utf-8")
    anchor = f'          - "review-document#puaq37yf"\n      - id: {ids["Action 3"]}'
    assert text.count(anchor) == 1
    path.write_text(text.replace(anchor, f'          - "review-document#puaq37yf"\n'
                                         f'          - "{PLAN}#{ids["Action 1"]}"\n      - id: {ids["Action 3"]}'),
                    "utf-8")
    commit(pygit2.Repository(str(instance)), {f"documents/{PLAN}.yaml": path.read_bytes()}, "refer to Action 1")
    data = render(instance, PLAN, "HEAD")
    word = docx.Document(io.BytesIO(data))
    links = [(link.get(qn("w:anchor")), "".join(t.text or "" for t in link.iter(qn("w:t"))))
             for link in word.element.body.iter(qn("w:hyperlink"))]
    assert links == [(bookmark_name(ids["Action 1"]), "Action 1")]
    names = {b.get(qn("w:name")) for b in word.element.body.iter(qn("w:bookmarkStart"))}
    assert bookmark_name(ids["Action 1"]) in names
    workspace = Store(instance).require("HEAD")
    reading = read_changes(open_word(data), workspace.documents[PLAN], workspace.documents)
    assert reading == Reading((), ())
