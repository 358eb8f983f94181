"""The merge driver's file merge reads each side once and proves the spliced result without reading it again."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from mergekit import DOC, TEXTS, changed, document

from ccmflow.compare import mergefile
from ccmflow.compare.markers import mark_parsed, paragraph_path
from ccmflow.compare.merge import MergeError, merge_documents, read_side
from ccmflow.read import load, yamlsafe
from ccmflow.write.docemit import Emitter
from ccmflow.write.edit import write_document


class Reads(Counter[str]):
    """Reads of each whole text, the texts read without positions and those read with their mappings' only."""

    def __init__(self) -> None:
        super().__init__()
        self.without_positions: set[str] = set()
        self.mappings_only: set[str] = set()


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> Reads:
    """How many times each whole text is parsed (YAML read into data), wherever the parse is asked."""
    counts = Reads()
    real = yamlsafe.load

    def counting(source: str | bytes, path: str, positions: bool = True, *, mappings: bool = False) -> Any:
        text = source.decode("utf-8") if isinstance(source, bytes) else source
        if text.lstrip().startswith("# The review document"):  # a whole file, not one paragraph item
            counts[text] += 1
            if not positions:
                (counts.mappings_only if mappings else counts.without_positions).add(text)
        return real(source, path, positions, mappings=mappings)

    monkeypatch.setattr(load, "load_yaml", counting)
    monkeypatch.setattr(mergefile, "load_yaml", counting)
    load._parsed.clear()  # no parse cached by another test
    return counts


def test_a_clean_merge_reads_each_side_once_and_never_the_result(reads: Reads) -> None:
    base = document()
    ours = document(changed("p001", "Ours changed the first."))
    theirs = document({**changed("p004", "Theirs changed the fourth."), "p005": "Theirs added a fifth."})
    merged = mergefile.merge_file(base, ours, theirs, DOC)
    assert merged.conflicts == () and merged.proved_in_pieces
    assert "Ours changed the first." in merged.text and "Theirs added a fifth." in merged.text
    assert "Theirs changed the third." not in merged.text
    assert sorted(reads.values()) == [1, 1, 1] and set(reads) == {base, ours, theirs}
    assert reads.without_positions == {base}  # only its content counts
    assert reads.mappings_only == {theirs}  # it places nothing in the result, at most the markers' other side
    # What a full read of every text gives: the merged document, written over OURS text.
    expected = merge_documents(read_side(base, DOC)[0], read_side(ours, DOC)[0], read_side(theirs, DOC)[0]).document
    assert read_side(merged.text, DOC)[0] == expected
    assert merged.text == write_document(ours, DOC, expected)


def test_a_conflict_is_marked_from_the_reads_already_made(reads: Reads) -> None:
    base = document()
    ours = document({**changed("p002", "Ours rewrote the second."), "p005": "Ours added a fifth."})
    theirs = document(changed("p002", "Theirs rewrote the second."))
    merged = mergefile.merge_file(base, ours, theirs, DOC)
    assert [str(c) for c in merged.conflicts] == ["paragraph 2 (p002): changed two ways (text)"]
    assert set(reads) == {base, ours, theirs} and sorted(reads.values()) == [1, 1, 1]
    assert reads.mappings_only == {theirs}  # its conflicting paragraph's item read again alone, not all of it
    load._parsed.clear()
    # The same markers as from texts read afresh in full: OURS kept where the clash is, THEIRS beside it.
    text = write_document(ours, DOC, merge_documents(read_side(base, DOC)[0], read_side(ours, DOC)[0],
                                                     read_side(theirs, DOC)[0]).document)
    marked = mark_parsed(yamlsafe.load(text, DOC), yamlsafe.load(theirs, DOC), merged.conflicts)
    assert merged.text == marked


def test_a_change_outside_paragraphs_is_checked_by_reading_the_result() -> None:
    base = document()
    ours = document(changed("p003", "Ours changed the third."))
    theirs = base.replace("title: Review", "title: Theirs")  # OURS text must take THEIRS title: a metadata splice
    merged = mergefile.merge_file(base, ours, theirs, DOC)
    assert not merged.proved_in_pieces and merged.conflicts == ()
    assert "title: Theirs" in merged.text and "Ours changed the third." in merged.text


def test_a_paragraph_spliced_wrong_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    real = Emitter.paragraph

    def wrong(self: Emitter, paragraph: Any, dash: int) -> str:
        return real(self, paragraph, dash).replace("Theirs added", "Someone else added")

    monkeypatch.setattr(Emitter, "paragraph", wrong)
    base = document()
    theirs = document({**TEXTS, "p005": "Theirs added a fifth."})
    with pytest.raises(MergeError):
        mergefile.merge_file(base, base.replace("p001", "p001", 1), theirs, DOC)


def _noted(text: str) -> str:
    """Paragraph 2 with a comment at the margin between its lines: its lines do not read alone."""
    return text.replace("      - id: p002\n        kind: narrative\n",
                        "      - id: p002\n# a note at the margin\n        kind: narrative\n")


def test_what_cannot_be_proved_in_pieces_is_read_again_in_full() -> None:
    base = _noted(document())
    merged = mergefile.merge_file(base, base, _noted(document(changed("p002", "Theirs rewrote the second."))), DOC)
    assert not merged.proved_in_pieces and merged.conflicts == ()
    assert "# a note at the margin\n" in merged.text and "Theirs rewrote the second." in merged.text
    # A section written as one flow mapping: its paragraphs are not spliced item by item.
    other = "  - {id: other, title: Other, paragraphs: [{id: p009, kind: narrative, text: Kept.}]}\n"
    flow = document() + other
    merged = mergefile.merge_file(flow, flow, flow.replace(TEXTS["p003"], "Theirs changed the third."), DOC)
    assert not merged.proved_in_pieces and merged.conflicts == ()
    assert "Theirs changed the third." in merged.text
    assert merged.text.endswith(other)


def test_a_side_that_is_no_valid_document_is_refused_with_its_first_problems() -> None:
    broken = document().replace("        kind: narrative\n", "", 1)
    with pytest.raises(MergeError, match=r"^documents/review-document\.yaml:11:\d+: .*missing required key 'kind'"):
        mergefile.merge_file(document(), document(), broken, DOC)


def test_a_paragraph_is_found_by_id_in_any_section_and_in_nothing_but_a_document() -> None:
    text = document() + ("  - id: stockpiles\n    title: Stockpiles\n    paragraphs:\n      - id: p005\n"
                         "        kind: narrative\n        text: >-\n          Stockpiles are being destroyed.\n")
    loaded = yamlsafe.load(text, DOC)
    assert paragraph_path(loaded, "p005") == ("sections", 1, "paragraphs", 0)
    assert loaded.locate(("sections", 1, "paragraphs", 0, "id"))[0] == text.splitlines().index("      - id: p005") + 1
    assert paragraph_path(loaded, "p009") is None
    assert paragraph_path(yamlsafe.load("- id: p005\n", DOC), "p005") is None  # a list, not a document
    assert paragraph_path(None, "p005") is None  # a file that did not read


def _marked(base: str, ours: str, theirs: str) -> str:
    """The merge with its conflicts marked from texts read afresh in full, each with every position."""
    load._parsed.clear()
    result = merge_documents(read_side(base, DOC)[0], read_side(ours, DOC)[0], read_side(theirs, DOC)[0])
    text = write_document(ours, DOC, result.document)
    return mark_parsed(yamlsafe.load(text, DOC), yamlsafe.load(theirs, DOC), result.conflicts)


_LAST = ["p001", "p003", "p004", "p002"]  # the conflicting paragraph last in the file


@pytest.mark.parametrize(("name", "theirs"), [
    ("in the middle", document(changed("p002", "Theirs rewrote the second."))),
    ("last in the file", document(changed("p002", "Theirs rewrote the second."), order=_LAST)),
    ("last, with no line end", document(changed("p002", "Theirs rewrote the second."), order=_LAST)[:-1]),
    ("followed by notes", document(changed("p002", "Theirs rewrote the second.")).replace(
        "      - id: p003\n", "        # a note indented\n\n# and one at the margin\n\n      - id: p003\n")),
    ("with its keys in another order", document(changed("p002", "Theirs rewrote the second.")).replace(
        "      - id: p002\n        kind: narrative\n", "      - kind: narrative\n        id: p002\n")),
])
def test_their_conflicting_item_is_read_alone_where_their_mappings_say(reads: Reads, name: str, theirs: str) -> None:
    base = document()
    ours = document(changed("p002", "Ours rewrote the second."))
    merged = mergefile.merge_file(base, ours, theirs, DOC)
    assert [c.paragraph_id for c in merged.conflicts] == ["p002"], name
    assert reads[theirs] == 1 and reads.mappings_only == {theirs}, name
    assert merged.text == _marked(base, ours, theirs), name
    assert "Theirs rewrote the second." in merged.text


@pytest.mark.parametrize(("name", "theirs"), [
    ("a note at the margin inside the item", _noted(document(changed("p002", "Theirs rewrote the second.")))),
    ("its '-' on a line of its own", document(changed("p002", "Theirs rewrote the second.")).replace(
        "      - id: p002\n", "      -\n        id: p002\n")),
    ("a line break libyaml knows and git does not",
     document(changed("p002", "Theirs rewrote the\x85          second."))),
    ("a block scalar that keeps its blank lines", document(changed("p002", "Theirs rewrote the second.")).replace(
        "text: >-\n          Theirs", "text: >+\n          Theirs")),
])
def test_their_item_that_cannot_be_read_alone_is_placed_by_a_full_reading(reads: Reads, name: str,
                                                                         theirs: str) -> None:
    base = document()
    ours = document(changed("p002", "Ours rewrote the second."))
    merged = mergefile.merge_file(base, ours, theirs, DOC)
    assert [c.paragraph_id for c in merged.conflicts] == ["p002"], name
    assert reads[theirs] == 2, name  # once with its mappings' spans, then again with every position
    assert merged.text == _marked(base, ours, theirs), name


def test_a_section_or_metadata_conflict_places_their_side_by_a_full_reading(reads: Reads) -> None:
    base = document()
    ours = document(changed("p002", "Ours rewrote the second.")).replace("title: Review", "title: Ours")
    theirs = document(changed("p002", "Theirs rewrote the second.")).replace("title: Review", "title: Theirs")
    merged = mergefile.merge_file(base, ours, theirs, DOC)
    assert [c.paragraph_id for c in merged.conflicts] == ["p002", "title"]
    assert reads[theirs] == 2
    assert merged.text == _marked(base, ours, theirs)


@pytest.mark.parametrize("deleted_in", ["ours", "theirs"])
def test_a_paragraph_deleted_on_one_side_and_changed_on_the_other_is_marked_as_a_full_reading_marks_it(
        reads: Reads, deleted_in: str) -> None:
    base = document()
    changed_side = document(changed("p003", "Rewritten third."))
    deleted_side = document({pid: text for pid, text in TEXTS.items() if pid != "p003"})
    ours, theirs = (deleted_side, changed_side) if deleted_in == "ours" else (changed_side, deleted_side)
    merged = mergefile.merge_file(base, ours, theirs, DOC)
    assert [c.reason for c in merged.conflicts] == [
        f"deleted in {deleted_in}, modified in {'theirs' if deleted_in == 'ours' else 'ours'}"]
    assert reads[theirs] == 1 and merged.text == _marked(base, ours, theirs)
