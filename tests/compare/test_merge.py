"""Structural three-way merge: the rules, by paragraph id."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from msgspec.structs import replace

from ccmflow.compare.merge import Conflict, MergeError, merge_documents, merge_order, same
from ccmflow.core.model import Document, Paragraph, Section


def para(pid: str, text: str | None = None, kind: str = "operative", **extra: object) -> Paragraph:
    return Paragraph(id=pid, kind=kind, text=text or f"Text of {pid}.", **extra)  # type: ignore[arg-type]


def doc(*sections: tuple[str, list[Paragraph]], version: str = "zero-draft") -> Document:
    return Document("review-document", "Review", version, "draft",
                    tuple(Section(sid, sid.title(), tuple(ps)) for sid, ps in sections),
                    "documents/review-document.yaml")


def ids(document: Document) -> list[str]:
    return [p.id for _, p in document.walk()]


def edit(document: Document, pid: str, **changes: object) -> Document:
    return replace(document, sections=tuple(
        replace(s, paragraphs=tuple(replace(p, **changes) if p.id == pid else p for p in s.paragraphs))  # type: ignore[arg-type]
        for s in document.sections))


def drop(document: Document, pid: str) -> Document:
    return replace(document, sections=tuple(
        replace(s, paragraphs=tuple(p for p in s.paragraphs if p.id != pid)) for s in document.sections))


def insert_after(document: Document, anchor: str | None, new: Paragraph, section: str = "a") -> Document:
    out = []
    for s in document.sections:
        ps = list(s.paragraphs)
        if s.id == section:
            at = 0 if anchor is None else [p.id for p in ps].index(anchor) + 1
            ps.insert(at, new)
        out.append(replace(s, paragraphs=tuple(ps)))
    return replace(document, sections=tuple(out))


BASE = doc(("a", [para("p001"), para("p002"), para("p003"), para("p004")]), ("b", [para("p005"), para("p006")]))


def test_changes_to_different_paragraphs_merge() -> None:
    ours = edit(BASE, "p001", text="Ours changed one.")
    theirs = edit(BASE, "p002", text="Theirs changed two.")
    result = merge_documents(BASE, ours, theirs)
    assert result.clean
    assert result.document.paragraph("p001").text == "Ours changed one."  # type: ignore[union-attr]
    assert result.document.paragraph("p002").text == "Theirs changed two."  # type: ignore[union-attr]


def test_same_change_on_both_sides_is_no_conflict() -> None:
    ours = edit(BASE, "p001", text="Both.")
    result = merge_documents(BASE, ours, ours)
    assert result.clean and result.document.paragraph("p001").text == "Both."  # type: ignore[union-attr]


def test_rewrap_never_conflicts_and_the_real_change_wins() -> None:
    base = edit(BASE, "p001", text="States Parties will report annually on progress made.")
    ours = edit(base, "p001", text="States Parties will report\nannually on  progress made.")
    theirs = edit(base, "p001", text="States Parties will report every year on progress made.")
    result = merge_documents(base, ours, theirs)
    assert result.clean
    assert result.document.paragraph("p001").text == "States Parties will report every year on progress made."  # type: ignore[union-attr]
    # Rewrapped differently on both sides: OURS wrapping stays.
    other = edit(base, "p001", text="States Parties will\nreport annually on progress made.")
    assert merge_documents(base, ours, other).clean


def test_changed_two_ways_conflicts_by_id_and_number() -> None:
    ours = edit(BASE, "p003", text="Ours.")
    theirs = edit(BASE, "p003", text="Theirs.")
    result = merge_documents(BASE, ours, theirs)
    assert result.conflicts == (Conflict("p003", "3", "changed two ways (text)", "Ours.", "Theirs.", "paragraph",
                                         ("text",)),)
    assert str(result.conflicts[0]) == "paragraph 3 (p003): changed two ways (text)"
    assert result.document.paragraph("p003").text == "Ours."  # type: ignore[union-attr]


def test_different_fields_of_one_paragraph_merge() -> None:
    ours = edit(BASE, "p003", text="Ours.")
    theirs = edit(BASE, "p003", timeframe="2021-2025")
    result = merge_documents(BASE, ours, theirs)
    assert result.clean
    merged = result.document.paragraph("p003")
    assert merged is not None and (merged.text, merged.timeframe) == ("Ours.", "2021-2025")


def test_delete_unchanged_paragraph() -> None:
    theirs = drop(BASE, "p002")
    ours = edit(BASE, "p001", text="Changed.")
    result = merge_documents(BASE, ours, theirs)
    assert result.clean and "p002" not in ids(result.document)
    assert "p002" not in ids(merge_documents(BASE, theirs, ours).document)


def test_delete_versus_modify_conflicts_and_keeps_the_text() -> None:
    ours = drop(BASE, "p006")
    theirs = edit(BASE, "p006", text="Kept and changed.")
    result = merge_documents(BASE, ours, theirs)
    (conflict,) = result.conflicts
    assert (conflict.paragraph_id, conflict.number) == ("p006", "6")
    assert conflict.reason == "deleted in ours, modified in theirs"
    assert result.document.paragraph("p006").text == "Kept and changed."  # type: ignore[union-attr]
    flipped = merge_documents(BASE, theirs, ours)
    assert flipped.conflicts[0].reason == "deleted in theirs, modified in ours"


def test_reorder_never_conflicts() -> None:
    ours = replace(BASE, sections=(replace(BASE.sections[0], paragraphs=tuple(
        BASE.sections[0].paragraphs[i] for i in (3, 0, 1, 2))), BASE.sections[1]))
    theirs = edit(BASE, "p004", text="Moved and changed elsewhere.")
    result = merge_documents(BASE, ours, theirs)
    assert result.clean
    assert ids(result.document) == ["p004", "p001", "p002", "p003", "p005", "p006"]
    assert result.document.paragraph("p004").text == "Moved and changed elsewhere."  # type: ignore[union-attr]
    assert ids(merge_documents(BASE, theirs, ours).document) == ids(result.document)


def test_move_to_another_section_on_one_side() -> None:
    moved = replace(BASE, sections=(drop(BASE, "p002").sections[0],
                                    replace(BASE.sections[1], paragraphs=(BASE.sections[1].paragraphs[0],
                                                                          BASE.paragraph("p002"),  # type: ignore[arg-type]
                                                                          BASE.sections[1].paragraphs[1]))))
    other = edit(BASE, "p002", text="Changed in place.")
    for result in (merge_documents(BASE, moved, other), merge_documents(BASE, other, moved)):
        assert result.clean
        assert [p.id for p in result.document.sections[1].paragraphs] == ["p005", "p002", "p006"]
        assert result.document.paragraph("p002").text == "Changed in place."  # type: ignore[union-attr]


def test_both_insert_at_the_same_spot_keeps_both_in_order() -> None:
    ours = insert_after(BASE, "p002", para("pours1"))
    theirs = insert_after(insert_after(BASE, "p002", para("ptheirs1")), "ptheirs1", para("ptheirs2"))
    result = merge_documents(BASE, ours, theirs)
    assert result.clean
    assert ids(result.document)[:7] == ["p001", "p002", "pours1", "ptheirs1", "ptheirs2", "p003", "p004"]
    assert ids(merge_documents(BASE, ours, theirs).document) == ids(result.document)


def test_insert_at_the_start_and_after_a_deleted_paragraph() -> None:
    ours = drop(BASE, "p002")
    theirs = insert_after(insert_after(BASE, None, para("pfirst")), "p002", para("pafter2"))
    result = merge_documents(BASE, ours, theirs)
    assert result.clean
    assert ids(result.document)[:4] == ["pfirst", "p001", "pafter2", "p003"]


def test_provenance_is_unioned() -> None:
    ours = edit(BASE, "p001", derived_from=("pr-1",))
    theirs = edit(BASE, "p001", derived_from=("pr-2",), text="Changed.")
    result = merge_documents(BASE, ours, theirs)
    assert result.clean
    assert result.document.paragraph("p001").derived_from == ("pr-1", "pr-2")  # type: ignore[union-attr]


def test_metadata_field_by_field() -> None:
    ours = replace(BASE, title="New title")
    theirs = replace(BASE, version="consolidated")
    result = merge_documents(BASE, ours, theirs)
    assert result.clean and (result.document.title, result.document.version) == ("New title", "consolidated")
    clash = merge_documents(BASE, replace(BASE, title="One"), replace(BASE, title="Two"))
    assert [(c.kind, c.paragraph_id) for c in clash.conflicts] == [("document", "title")]
    assert str(clash.conflicts[0]) == "document title: changed two ways"


def test_metadata_mappings_merge_as_wholes() -> None:
    """Symbols per version are one field: one side's new symbol is taken; two different ones clash."""
    base = replace(BASE, symbols={"zero-draft": "CCM/CONF/2020/WP.1"})
    ours = replace(base, symbols={**base.symbols, "consolidated": "CCM/CONF/2020/WP.1/Rev.1"})
    assert merge_documents(base, ours, base).document.symbols == ours.symbols
    theirs = replace(base, symbols={**base.symbols, "consolidated": "CCM/CONF/2020/WP.2"})
    clash = merge_documents(base, ours, theirs)
    assert [str(c) for c in clash.conflicts] == ["document symbols: changed two ways"]
    assert clash.document.symbols == ours.symbols


def test_a_side_holding_a_paragraph_twice_is_refused() -> None:
    twice = replace(BASE, sections=(*BASE.sections, Section("c", "C", (para("p001"),))))
    with pytest.raises(MergeError, match=r"documents/review-document\.yaml: paragraph id 'p001' appears twice"):
        merge_documents(BASE, BASE, twice)


def test_sections_added_deleted_and_retitled() -> None:
    ours = replace(BASE, sections=(*BASE.sections, Section("c", "C", (para("p007"),))))
    theirs = replace(BASE, sections=(replace(BASE.sections[0], title="Renamed"),))
    result = merge_documents(BASE, ours, theirs)
    assert result.clean
    assert [(s.id, s.title) for s in result.document.sections] == [("a", "Renamed"), ("c", "C")]


def test_no_common_ancestor() -> None:
    result = merge_documents(None, BASE, edit(BASE, "p001", text="Other."))
    assert [c.paragraph_id for c in result.conflicts] == ["p001"]
    assert result.conflicts[0].reason == "added twice with different content (text)"
    assert merge_documents(None, BASE, BASE).clean


def test_action_numbers_in_conflicts() -> None:
    base = doc(("a", [para("p001"), para("pact1", kind="action", indicators=("x",))]))
    result = merge_documents(base, edit(base, "pact1", text="A."), edit(base, "pact1", text="B."))
    assert str(result.conflicts[0]) == "Action 1 (pact1): changed two ways (text)"


def test_merge_order_is_deterministic_for_moves() -> None:
    base = ["a", "b", "c", "d"]
    assert merge_order(base, base, ["d", "a", "b", "c"], set(base)) == ["d", "a", "b", "c"]
    # Both sides reordering: one deterministic order, nothing lost.
    both = merge_order(base, ["b", "a", "c", "d"], ["a", "b", "d", "c"], set(base))
    assert sorted(both) == base and both == merge_order(base, ["b", "a", "c", "d"], ["a", "b", "d", "c"], set(base))


PIDS = [f"p{i:03d}" for i in range(12)]


@st.composite
def variants(draw: st.DrawFn) -> Document:
    """A random edit of BASE-like documents: deletions, rewrites, insertions, moves."""
    base = doc(("a", [para(p) for p in PIDS[:6]]), ("b", [para(p) for p in PIDS[6:]]))
    result = base
    for pid in draw(st.lists(st.sampled_from(PIDS), unique=True, max_size=4)):
        result = edit(result, pid, text=draw(st.sampled_from(["X.", "Y.", "Changed text."])))
    for pid in draw(st.lists(st.sampled_from(PIDS), unique=True, max_size=3)):
        result = drop(result, pid)
    for n in range(draw(st.integers(0, 3))):
        present = ids(result)
        anchor = draw(st.sampled_from([None, *present]))
        section = "a" if anchor is None else next(s.id for s in result.sections if anchor in
                                                  [p.id for p in s.paragraphs])
        result = insert_after(result, anchor, para(f"pnew{n}"), section)
    if draw(st.booleans()):
        first = result.sections[0]
        order = draw(st.permutations(list(first.paragraphs)))
        result = replace(result, sections=(replace(first, paragraphs=tuple(order)), *result.sections[1:]))
    return result


BASE12 = doc(("a", [para(p) for p in PIDS[:6]]), ("b", [para(p) for p in PIDS[6:]]))


@settings(max_examples=150, deadline=None)
@given(variants())
def test_merging_an_untouched_side_gives_the_other(x: Document) -> None:
    assert merge_documents(BASE12, x, BASE12).document == x
    assert merge_documents(BASE12, BASE12, x).document == replace(x, path=BASE12.path)
    assert merge_documents(BASE12, x, x).document == x


@settings(max_examples=150, deadline=None)
@given(variants(), variants())
def test_nothing_is_lost(x: Document, y: Document) -> None:
    result = merge_documents(BASE12, x, y)
    merged = ids(result.document)
    assert len(merged) == len(set(merged))
    for side, other in ((x, y), (y, x)):
        for _, paragraph in side.walk():
            gone = paragraph.id not in merged
            if gone:  # only ever because the other side deleted it, unchanged here
                assert other.paragraph(paragraph.id) is None and same(paragraph, BASE12.paragraph(paragraph.id))
    conflicting = {c.paragraph_id for c in result.conflicts}
    for _, paragraph in result.document.walk():
        if paragraph.id not in conflicting:
            assert any(same(paragraph, d.paragraph(paragraph.id)) for d in (x, y))
