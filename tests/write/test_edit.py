"""Edits as text splices: only the lines that must change do, and the result always holds the target."""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from types import MappingProxyType

import pytest
from msgspec.structs import replace

from ccmflow.compare.merge import merge_documents, read_side
from ccmflow.core.model import Document, Paragraph, Section
from ccmflow.read import invisible
from ccmflow.read import load as load_module
from ccmflow.read.load import document_text, parse_text
from ccmflow.read.yamlsafe import load
from ccmflow.write import edit
from ccmflow.write.edit import (
    ID_ALPHABET,
    MODELINE,
    EditError,
    Editor,
    InternalEditError,
    dump_document,
    new_id,
    splice_document,
    write_document,
)
from ccmflow.write.splice import Splicer

SAMPLE = (Path(__file__).parent / "data" / "edit_sample.yaml").read_text("utf-8")
PATH = "documents/review-document.yaml"


def editor() -> Editor:
    return Editor(SAMPLE, PATH)


def para(doc: Document, pid: str) -> Paragraph:
    found = doc.paragraph(pid)
    assert found is not None, pid
    return found


def sect(doc: Document, sid: str) -> Section:
    found = doc.section(sid)
    assert found is not None, sid
    return found


def touched(old: str, new: str) -> list[tuple[int, int]]:
    """Old line ranges (0-based, end exclusive) that a line diff replaces, deletes or inserts at."""
    matcher = difflib.SequenceMatcher(None, old.splitlines(), new.splitlines(), autojunk=False)
    return [(i1, i2) for tag, i1, i2, _, _ in matcher.get_opcodes() if tag != "equal"]


def lines_of(text: str, path: tuple[str | int, ...]) -> tuple[int, int]:
    """0-based first line and exclusive end line of a node."""
    span = load(text, PATH).spans[path]
    return span.line - 1, span.end_line


def block(text: str, pid: str) -> str:
    """The lines of one paragraph: its '- id:' line and the lines indented deeper than its dash."""
    lines = text.splitlines()
    first = next(i for i, line in enumerate(lines) if re.fullmatch(rf" *- id: {pid}", line))
    dash = lines[first].index("-")
    end = first + 1
    while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > dash):
        end += 1
    return "\n".join(lines[first:end]).rstrip("\n")


def test_sample_is_a_valid_document() -> None:
    assert parse_text(PATH, SAMPLE).record is not None


def test_no_op_write_is_byte_identical() -> None:
    assert write_document(SAMPLE, PATH, editor().document) == SAMPLE


@pytest.mark.parametrize("variant", [
    SAMPLE.replace("\n", "\r\n"),
    SAMPLE.rstrip("\n"),
    "\ufeff" + SAMPLE,
    dump_document(Editor(SAMPLE, PATH).document),
])
def test_no_op_write_is_byte_identical_in_every_framing(variant: str) -> None:
    assert write_document(variant, PATH, Editor(variant, PATH).document) == variant


def test_crlf_file_stays_crlf_after_an_edit() -> None:
    crlf = SAMPLE.replace("\n", "\r\n")
    ed = Editor(crlf, PATH)
    ed.set_text("p7m2c4ve", "Short text.")
    assert ed.text.count("\n") == ed.text.count("\r\n")


def test_changing_text_changes_only_the_lines_of_that_text() -> None:
    ed = editor()
    ed.set_text("p7m2c4ve", ("States not party will join the Convention as soon as possible. " * 4).strip())
    first, end = lines_of(SAMPLE, ("sections", 0, "paragraphs", 1, "text"))
    for i1, i2 in touched(SAMPLE, ed.text):
        assert first <= i1 and i2 <= end
    assert para(ed.document, "p7m2c4ve").text.startswith("States not party will join")


def test_new_text_is_folded_within_width() -> None:
    ed = editor()
    ed.set_text("pabc2345", ("Universalization remains a priority for every State. " * 6).strip())
    text_lines = block(ed.text, "pabc2345").splitlines()
    assert text_lines[2].endswith("text: >-")
    assert all(len(line) <= edit.WIDTH for line in text_lines)
    assert len(text_lines) > 4


def test_other_paragraphs_stay_byte_identical() -> None:
    ed = editor()
    ed.set_text("p7m2c4ve", "Replaced.")
    for pid in ("p3k9x2qa", "pabc2345", "pq4r5s6t", "pw2x3y4z"):
        assert block(ed.text, pid) == block(SAMPLE, pid)


def test_comments_directly_above_and_below_an_edited_paragraph_survive() -> None:
    ed = editor()
    ed.set_text("p3k9x2qa", "A new first paragraph.")
    ed.set_text("p7m2c4ve", "A new action.")
    assert "      # a comment a person wrote\n      - id: p3k9x2qa\n" in ed.text
    assert "        # TODO: check the baseline with the ISU\n" in ed.text
    assert "# Sections follow the structure agreed at the intersessional meeting.\n" in ed.text
    assert ed.text.endswith("# end of document\n")


def with_meta(text: str, **fields: object) -> str:
    """The document's file with metadata changed, as consolidate and release write it."""
    return write_document(text, PATH, replace(Editor(text, PATH).document, **fields))


def test_trailing_comment_on_a_changed_value_survives() -> None:
    text = with_meta(SAMPLE, title="Review of the Convention")
    assert "    title: Review of the Convention   # working title\n" in text
    text = with_meta(text, title="A title long enough to need folding, " * 4)
    assert Editor(text, PATH).document.title == "A title long enough to need folding, " * 4
    assert "# working title" in text


def test_insert_at_the_right_place_leaves_neighbours_alone() -> None:
    ed = editor()
    new = Paragraph(id="pn3w2345", kind="narrative", text="A new paragraph, between two others.")
    ed.insert("universalization", "p3k9x2qa", new)
    ids = [p.id for p in sect(ed.document, "universalization").paragraphs]
    assert ids == ["p3k9x2qa", "pn3w2345", "p7m2c4ve", "pabc2345"]
    assert para(ed.document, "pn3w2345") == new
    for pid in ("p3k9x2qa", "p7m2c4ve", "pabc2345"):
        assert block(ed.text, pid) == block(SAMPLE, pid)
    assert all(i1 == i2 for i1, i2 in touched(SAMPLE, ed.text))  # insertions only


def test_insert_first_and_into_an_empty_section() -> None:
    ed = editor()
    first = Paragraph(id="pf1r5t23", kind="preambular", text="Recalling the Convention.")
    ed.insert("universalization", None, first)
    assert sect(ed.document, "universalization").paragraphs[0] == first
    assert "      # a comment a person wrote\n      - id: p3k9x2qa" in ed.text  # stays with its paragraph
    action = Paragraph(id="pv1ct1m2", kind="action", text="Victims will be assisted.",
                       indicators=("Number of victims",))
    ed.insert("victim-assistance", None, action)
    assert sect(ed.document, "victim-assistance").paragraphs == (action,)
    assert "paragraphs: []" not in ed.text


def test_delete_removes_exactly_the_paragraph() -> None:
    ed = editor()
    ed.delete("p7m2c4ve")
    assert ed.document.paragraph("p7m2c4ve") is None
    assert "TODO: check the baseline" not in ed.text  # its own trailing comment went with it
    first, end = lines_of(SAMPLE, ("sections", 0, "paragraphs", 1))
    for i1, i2 in touched(SAMPLE, ed.text):
        assert first - 1 <= i1 and i2 <= end + 2
    for pid in ("p3k9x2qa", "pabc2345"):
        assert block(ed.text, pid) == block(SAMPLE, pid)


def test_delete_last_paragraph_of_a_section_leaves_an_empty_list() -> None:
    ed = editor()
    for pid in ("pq4r5s6t", "pw2x3y4z"):
        ed.delete(pid)
    assert sect(ed.document, "stockpile-destruction").paragraphs == ()
    assert "  paragraphs: []\n" in ed.text


def test_move_within_a_section() -> None:
    ed = editor()
    ed.move("p3k9x2qa", "universalization", "pabc2345")
    ids = [p.id for p in sect(ed.document, "universalization").paragraphs]
    assert ids == ["p7m2c4ve", "pabc2345", "p3k9x2qa"]
    assert "      # a comment a person wrote\n      - id: p3k9x2qa" in ed.text
    assert para(ed.document, "p3k9x2qa") == para(editor().document, "p3k9x2qa")


def test_move_across_sections_keeps_the_paragraph_text_and_reindents() -> None:
    ed = editor()
    ed.move("p7m2c4ve", "stockpile-destruction", "pq4r5s6t")
    ids = [p.id for p in sect(ed.document, "stockpile-destruction").paragraphs]
    assert ids == ["pq4r5s6t", "p7m2c4ve", "pw2x3y4z"]
    assert block(ed.text, "p7m2c4ve") == block(SAMPLE, "p7m2c4ve")
    ed.move("pabc2345", "victim-assistance", None)
    assert sect(ed.document, "victim-assistance").paragraphs[0].id == "pabc2345"


def test_indicators_added_to_a_paragraph_that_had_none() -> None:
    ed = editor()
    ed.set_field("p3k9x2qa", "indicators", ["Number of accessions", "Ratio: accessions to signatures"])
    ed.set_field("p3k9x2qa", "kind", "action")
    paragraph = para(ed.document, "p3k9x2qa")
    assert paragraph.kind == "action"
    assert paragraph.indicators == ("Number of accessions", "Ratio: accessions to signatures")
    lines = block(ed.text, "p3k9x2qa").splitlines()
    at = lines.index("        indicators:")
    assert lines[at + 1] == "          - Number of accessions"  # indented like the file's other lists
    assert lines[-1] == "        references: [review-document#pabc2345]"


def test_changing_one_indicator_changes_one_line() -> None:
    ed = editor()
    old = para(ed.document, "p7m2c4ve").indicators
    ed.set_field("p7m2c4ve", "indicators", [old[0], "Number of States not party attending meetings"])
    assert len(touched(SAMPLE, ed.text)) == 1
    (i1, i2), = touched(SAMPLE, ed.text)
    assert i2 - i1 == 1


def test_optional_keys_removed_and_added() -> None:
    ed = editor()
    ed.set_field("pw2x3y4z", "baseline", None)
    ed.set_field("pw2x3y4z", "references", [])
    ed.set_field("pw2x3y4z", "timeframe", "2025-2030")
    ed.set_field("pw2x3y4z", "responsible", ["States Parties", "ISU"])
    paragraph = para(ed.document, "pw2x3y4z")
    assert (paragraph.baseline, paragraph.references, paragraph.timeframe) == (None, (), "2025-2030")
    assert paragraph.responsible == ("States Parties", "ISU")
    assert "baseline:" not in block(ed.text, "pw2x3y4z")
    assert 'timeframe: "2025-2030"' in ed.text  # would read as a number or date unquoted


def test_list_keeps_the_flow_style_the_file_uses() -> None:
    ed = editor()
    ed.set_field("p3k9x2qa", "references", ["review-document#pabc2345", "review-document#p7m2c4ve"])
    assert "references: [review-document#pabc2345, review-document#p7m2c4ve]" in ed.text
    ed.set_field("pw2x3y4z", "references", ["review-document#pq4r5s6t", "review-document#p3k9x2qa"])
    assert "          - review-document#p3k9x2qa\n" in ed.text  # that one was a block list


def test_metadata_fields() -> None:
    text = with_meta(SAMPLE, symbol="CCM/CONF/2026/3", version="revision-1", status="circulated", informs=(),
                     informed_by=("first-review-document",))
    doc = Editor(text, PATH).document
    assert (doc.symbol, doc.version, doc.status) == ("CCM/CONF/2026/3", "revision-1", "circulated")
    assert (doc.informs, doc.informed_by) == ((), ("first-review-document",))
    assert "    symbol: CCM/CONF/2026/3\n" in text
    assert block(text, "p3k9x2qa") == block(SAMPLE, "p3k9x2qa")


def test_numbering_written_and_removed_again() -> None:
    doc = editor().document
    target = replace(doc, numbering=MappingProxyType({"action": "Action {n}", "preambular": ""}))
    text = write_document(SAMPLE, PATH, target)
    assert '    numbering:\n        preambular: ""\n' in text
    assert write_document(text, PATH, doc) == SAMPLE


def test_sections_added_removed_and_renamed() -> None:
    doc = editor().document
    renamed = replace(sect(doc, "universalization"), title="Universalization and the norm")
    sections = [renamed if s.id == "universalization" else s for s in doc.sections if s.id != "victim-assistance"]
    at = [s.id for s in sections].index("stockpile-destruction") + 1
    sections.insert(at, Section("cooperation", "Cooperation and assistance", ()))
    text = write_document(SAMPLE, PATH, replace(doc, sections=tuple(sections)))
    doc = Editor(text, PATH).document
    assert [s.id for s in doc.sections] == ["universalization", "stockpile-destruction", "cooperation"]
    assert sect(doc, "universalization").title == "Universalization and the norm"
    assert block(text, "pw2x3y4z") == block(SAMPLE, "pw2x3y4z")
    assert text.endswith("# end of document\n")


def test_new_section_can_take_existing_paragraphs() -> None:
    doc = editor().document
    moved = sect(doc, "universalization").paragraphs[:1]
    kept = replace(sect(doc, "universalization"), paragraphs=sect(doc, "universalization").paragraphs[1:])
    target = replace(doc, sections=(kept, Section("norms", "Norms", moved), *doc.sections[1:]))
    text = write_document(SAMPLE, PATH, target)
    assert block(text, "p3k9x2qa") == block(SAMPLE, "p3k9x2qa")
    assert "# a comment a person wrote" in text


ODD = """\
document: {id: review-document, title: Odd, version: zero-draft, status: draft}
sections:
-
   id: one
   title: "One"
   paragraphs:
   -   id: p1111111
       kind: narrative
       text: Plain text that
         continues on a second line
   -   {id: p2222222, kind: narrative, text: flow mapping paragraph}
   -
       # comment after the dash
       id: p3333333
       kind: action
       text: 'single quoted'
       indicators: [a, b]
- {id: two, title: Two, paragraphs: [{id: p4444444, kind: narrative, text: x}]}
"""


def test_odd_but_valid_shapes_can_be_edited() -> None:
    assert write_document(ODD, PATH, Editor(ODD, PATH).document) == ODD
    ed = Editor(ODD, PATH)
    ed.set_text("p1111111", "Changed text")
    ed.set_text("p2222222", "Changed flow paragraph")
    ed.set_field("p3333333", "indicators", ["a", "c"])
    ed.insert("two", None, Paragraph(id="p6666666", kind="narrative", text="New."))
    ed.write(replace(ed.document, title="Odd two"))
    ed.move("p3333333", "two", "p4444444")
    assert [p.id for p in sect(ed.document, "two").paragraphs] == ["p6666666", "p4444444", "p3333333"]
    assert "# comment after the dash" in ed.text
    assert para(ed.document, "p3333333").indicators == ("a", "c")


@pytest.mark.parametrize("text", [
    "A hash # inside, and a colon: inside, and #start",
    "# A line that starts with a hash\nand a second line",
    "Key: value",
    "  two leading spaces",
    "first line\n  more indented line\nback",
    "trailing space ",
    "double  spaces  kept",
    "paragraph one\n\nparagraph two\n\n\nafter two empty lines",
    "Le Comité a noté l'élan vers l'universalisation, « sans réserve » — à l'unanimité.",
    "تؤكد الدول الأطراف التزامها بتنفيذ الاتفاقية تنفيذاً كاملاً",
    "Pneumonoultramicroscopicsilicovolcanoconiosis" * 4 + " and then short words " * 3,
    "ends with a newline\n",
    "\nstarts with a newline",
    "a tab\there and a NEL\x85 and a line separator\u2028 too",
    "'quoted' and \"double\" and a backslash \\ and {braces} [brackets] & * ! | > % @ `",
    "yes",
    "2025",
    "- looks like a list item",
])
def test_tricky_texts_round_trip(text: str) -> None:
    ed = editor()
    ed.set_text("pabc2345", text)
    assert para(ed.document, "pabc2345").text == text
    assert Editor(ed.text, PATH).document == ed.document


def test_plain_texts_are_folded_not_quoted() -> None:
    ed = editor()
    for text in ("Le Comité a noté l'élan : « oui »", "two\n\nparagraphs", "# hash first", "a\n indented\nb"):
        ed.set_text("pabc2345", text)
        assert "text: >-" in block(ed.text, "pabc2345"), text


def test_invalid_target_is_refused_and_says_why() -> None:
    doc = editor().document
    paragraph = replace(para(doc, "p7m2c4ve"), indicators=())  # an action needs indicators
    section = sect(doc, "universalization")
    paragraphs = tuple(paragraph if p.id == paragraph.id else p for p in section.paragraphs)
    target = replace(doc, sections=(replace(section, paragraphs=paragraphs), *doc.sections[1:]))
    with pytest.raises(EditError, match="not be a valid document"):
        write_document(SAMPLE, PATH, target)


def test_a_splice_that_does_not_hold_the_target_is_an_internal_error(monkeypatch: pytest.MonkeyPatch) -> None:
    wrong = SAMPLE.replace("twelve States", "ten States")
    monkeypatch.setattr(Splicer, "write", lambda self, target: wrong)
    with pytest.raises(InternalEditError):
        write_document(SAMPLE, PATH, editor().document)


def test_duplicate_ids_and_unknown_ids_are_refused() -> None:
    ed = editor()
    with pytest.raises(EditError):
        ed.insert("universalization", None, Paragraph(id="p3k9x2qa", kind="narrative", text="Twice."))
    with pytest.raises(EditError):
        ed.delete("pnothere")
    with pytest.raises(EditError):
        ed.insert("universalization", "pq4r5s6t", Paragraph(id="pn3w2345", kind="narrative", text="Wrong section."))
    assert ed.text == SAMPLE


def test_new_id_is_opaque_and_fresh() -> None:
    taken = {new_id(()) for _ in range(50)}
    pid = new_id(taken)
    assert pid not in taken
    assert re.fullmatch(f"p[{ID_ALPHABET}]{{7}}", pid)


def test_dump_document_is_canonical_and_round_trips() -> None:
    doc = editor().document
    text = dump_document(doc)
    assert text.startswith(MODELINE + "\ndocument:\n  id: review-document\n")
    assert "\nsections:\n  - id: universalization\n    title: Universalization\n    paragraphs:\n" in text
    assert "      - id: p7m2c4ve\n        kind: action\n        text: >-\n" in text
    assert "        references: [review-document#pabc2345]\n" in text
    assert "        indicators:\n          - Number of States not party that join the Convention\n" in text
    assert replace(parse_text(PATH, text).record, path=doc.path) == doc  # type: ignore[type-var]
    assert all(len(line) <= edit.WIDTH for line in text.splitlines())


def test_dump_document_of_a_new_empty_document() -> None:
    sections = (Section("general", "General", ()),)
    doc = Document("new-document", "New", "zero-draft", "draft", sections, "x.yaml")
    assert "    paragraphs: []\n" in dump_document(doc)


try:
    from hypothesis import HealthCheck, example, given, settings
    from hypothesis import strategies as st
except ImportError:  # pragma: no cover - hypothesis is a test extra
    pass
else:
    PIECES = st.sampled_from([
        "word", "Convention", " ", " ", "  ", "\n", "\n\n", "#", ": ", " #", "-", ">", "|", "'", '"', "\\",
        "é", "à", "ç", "ب", "ع", "😀", "\t", "\u00a0", "\u2028", "[", "]", "{", "}", ",", "x" * 120, "1",
    ])
    TEXTS = st.one_of(st.text(min_size=1), st.lists(PIECES, min_size=1, max_size=40).map("".join))

    @settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(text=TEXTS.filter(lambda t: bool(t.strip())))
    @example(text="States\u2060Parties")
    @example(text="\ufeff")  # written as the escape "\\ufeff": refused from the data, not the text
    def test_random_texts_round_trip_through_set_text(text: str) -> None:
        if any(0xD800 <= ord(c) <= 0xDFFF for c in text):
            return  # lone surrogates cannot be written as UTF-8 at all
        ed = editor()
        if next(invisible.found(text, invisible.language_of(PATH)), None) is not None:
            with pytest.raises(EditError, match="invisible character"):  # refused wherever text is read
                ed.set_text("p7m2c4ve", text)
            assert ed.text == SAMPLE
            return
        ed.set_text("p7m2c4ve", text)
        assert para(ed.document, "p7m2c4ve").text == text
        for pid in ("p3k9x2qa", "pabc2345", "pw2x3y4z"):
            assert block(ed.text, pid) == block(SAMPLE, pid)


def _moved_and_edited(text: str) -> str:
    """p7m2c4ve moved, as it is, to the top of the second section; pq4r5s6t given a new text."""
    lines = text.splitlines(keepends=True)
    first = next(i for i, line in enumerate(lines) if line.strip() == "- id: p7m2c4ve")
    end = next(i for i in range(first + 1, len(lines)) if lines[i].strip() == "- id: pabc2345")
    moving, rest = lines[first:end], lines[:first] + lines[end:]
    at = next(i for i, line in enumerate(rest) if line.strip() == "- id: pq4r5s6t")
    dash = rest[at].index("-") - moving[0].index("-")
    moved = [" " * dash + line if line.strip() else line for line in moving] if dash >= 0 else moving
    return "".join(rest[:at] + moved + rest[at:]).replace("within eight years.", "within six years.")


def test_the_files_own_record_saves_comparing_fields_and_changes_nothing_spliced() -> None:
    head, _, rest = SAMPLE.partition("- id: stockpile-destruction\n")
    middle, _, tail = rest.partition("- id: victim-assistance\n")
    # The second section's paragraphs two columns less indented, so that a paragraph moved there is reindented.
    middle = "".join(line[2:] if line.startswith("      ") else line for line in middle.splitlines(keepends=True))
    indented = f"{head}- id: stockpile-destruction\n{middle}- id: victim-assistance\n{tail}"
    record, loaded = document_text(PATH, indented)
    theirs = read_side(_moved_and_edited(SAMPLE), PATH)[0]
    assert theirs.paragraph("pq4r5s6t") != record.paragraph("pq4r5s6t")
    # The merge keeps OURS' own records where only THEIRS changed nothing: those are the same objects.
    target = merge_documents(read_side(SAMPLE, PATH)[0], record, theirs).document
    assert target.paragraph("p3k9x2qa") is record.paragraph("p3k9x2qa")
    alone = splice_document(indented, PATH, target)
    spliced = splice_document(indented, PATH, target, loaded=loaded, record=record)
    assert (spliced.text, spliced.chunks, spliced.only_paragraphs) == (
        alone.text, alone.chunks, alone.only_paragraphs)
    assert read_side(spliced.text, PATH)[0].sections == target.sections
    assert spliced.chunks["p7m2c4ve"][2] and not spliced.chunks["p3k9x2qa"][2]  # reindented; kept as it was
    # A record (and its parse) of another text is not used: the text spliced is read again.
    stale = splice_document(SAMPLE, PATH, target, loaded=loaded, record=record)
    assert stale.text == splice_document(SAMPLE, PATH, target).text


def test_a_paragraph_the_record_holds_otherwise_is_compared_field_by_field() -> None:
    record, loaded = document_text(PATH, SAMPLE)
    load_module._parsed.clear()
    equal = document_text(PATH, SAMPLE)[0]  # read again: equal records, not the same objects
    assert equal.paragraph("p3k9x2qa") == record.paragraph("p3k9x2qa")
    assert equal.paragraph("p3k9x2qa") is not record.paragraph("p3k9x2qa")
    assert splice_document(SAMPLE, PATH, equal, loaded=loaded, record=record).text == SAMPLE
    changed = document_text(PATH, SAMPLE.replace("by the Third Review Conference", "by 2025"))[0]
    text = splice_document(SAMPLE, PATH, changed, loaded=loaded, record=record).text
    assert text == write_document(SAMPLE, PATH, changed) != SAMPLE
