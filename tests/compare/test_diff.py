"""Structural diff by paragraph id: added, removed, modified (with a word redline), moved; sections and metadata."""

from __future__ import annotations

import itertools
import json
import sys
from pathlib import Path

import pytest
from gitutil import commit, init_repo, instance_files, tag
from hypothesis import given, settings
from hypothesis import strategies as st
from msgspec.structs import replace
from roots import REPO_ROOT as ROOT

from ccmflow.compare.diff import diff_documents, redline
from ccmflow.core.model import Document, Paragraph
from ccmflow.read.load import parse_text
from ccmflow.repo.store import Store

LAP = "documents/lausanne-action-plan.yaml"


def read(name: str) -> Document:
    record = parse_text(f"documents/{name}.yaml", (ROOT / "documents" / f"{name}.yaml").read_text("utf-8")).record
    assert isinstance(record, Document)
    return record


@pytest.fixture(scope="module")
def plan() -> Document:
    return read("lausanne-action-plan")


def with_sections(doc: Document, **paragraphs: tuple[Paragraph, ...]) -> Document:
    """The document with some sections' paragraphs replaced (section ids with '_' for '-')."""
    sections = tuple(replace(s, paragraphs=paragraphs.get(s.id.replace("-", "_"), s.paragraphs))
                     for s in doc.sections)
    return replace(doc, sections=sections)


def paragraphs(doc: Document, section: str) -> list[Paragraph]:
    found = doc.section(section)
    assert found is not None
    return list(found.paragraphs)


def shape(diff: object) -> list[tuple[str, str, bool]]:
    return [(c.id, c.change, c.moved) for c in diff.changes]  # type: ignore[attr-defined]


# Redline ----------------------------------------------------------------------------------------------------------

def test_redline_marks_words_kept_deleted_and_inserted() -> None:
    assert redline("States Parties will destroy stockpiles as soon as possible.",
                   "States Parties will destroy all stockpiles without delay.") == (
        ("=", "States Parties will destroy "), ("+", "all "), ("=", "stockpiles "), ("-", "as soon as possible"),
        ("+", "without delay"), ("=", "."))


def test_redline_treats_punctuation_as_words() -> None:
    assert redline("victims, families", "victims and families") == (
        ("=", "victims"), ("-", ","), ("+", " and"), ("=", " families"))


def test_redline_of_equal_and_empty_texts() -> None:
    assert redline("same text", "same text") == (("=", "same text"),)
    assert redline("", "new") == (("+", "new"),)
    assert redline("old", "") == (("-", "old"),)
    assert redline("", "") == ()


@settings(derandomize=True, max_examples=200)
@given(st.text(alphabet="ab ,.\n-é", max_size=40), st.text(alphabet="ab ,.\n-é", max_size=40))
def test_redline_gives_back_both_texts(old: str, new: str) -> None:
    runs = redline(old, new)
    assert "".join(t for op, t in runs if op != "+") == old
    assert "".join(t for op, t in runs if op != "-") == new
    assert all(op in "=-+" and t for op, t in runs)
    assert all(a[0] != b[0] for a, b in itertools.pairwise(runs))  # neighbouring runs are merged


# Paragraph changes ---------------------------------------------------------------------------------------------------

def test_no_change_is_an_empty_diff(plan: Document) -> None:
    result = diff_documents(plan, plan)
    assert result.empty and result.changes == () and result.sections_touched == () and dict(result.meta) == {}


def test_a_reworded_paragraph_is_modified_with_a_redline(plan: Document) -> None:
    universal = paragraphs(plan, "universalization")
    target = universal[1]
    reworded = replace(target, text=target.text.replace("bilateral relations", "bilateral contacts"))
    new = with_sections(plan, universalization=(universal[0], reworded, *universal[2:]))
    result = diff_documents(plan, new)
    [change] = result.changes
    assert (change.id, change.change, change.fields, change.moved) == (target.id, "modified", ("text",), False)
    assert ("-", "relations") in change.redline and ("+", "contacts") in change.redline
    assert (change.section, change.old_section) == ("universalization", "universalization")
    assert change.old_number == change.new_number == "Action 1"
    assert (change.old, change.new) == (target, reworded)
    assert result.sections_touched == ("universalization",)
    assert result.of("modified") == (change,) and result.of("moved") == () and result.of("added") == ()


def test_a_change_to_another_field_has_no_redline(plan: Document) -> None:
    universal = paragraphs(plan, "universalization")
    target = universal[1]
    changed = replace(target, indicators=(*target.indicators, "Number of new accessions"),
                                  timeframe="2021-2026")
    result = diff_documents(plan, with_sections(plan, universalization=(universal[0], changed, *universal[2:])))
    [change] = result.changes
    assert (change.change, change.fields, change.redline) == ("modified", ("indicators", "timeframe"), ())


def test_provenance_alone_is_no_change_of_substance(plan: Document) -> None:
    universal = paragraphs(plan, "universalization")
    tagged = replace(universal[1], derived_from=("pr-12",))
    assert diff_documents(plan, with_sections(plan, universalization=(universal[0], tagged, *universal[2:]))).empty


def test_an_insert_renumbers_the_rest_but_only_the_new_paragraph_is_a_change(plan: Document) -> None:
    universal = paragraphs(plan, "universalization")
    fresh = Paragraph(id="pnew0001", kind="action", text="Establish a universalization fund.",
                      indicators=("Fund established",))
    new = with_sections(plan, universalization=(universal[0], fresh, *universal[1:]))
    old_numbers, new_numbers = plan.numbers(), new.numbers()
    renumbered = [pid for pid in old_numbers if old_numbers[pid] != new_numbers[pid]]
    assert len(renumbered) > 20 and new_numbers[universal[1].id] == "Action 2"  # every later action shifts by one
    assert old_numbers.keys() <= new_numbers.keys()  # ids never change
    result = diff_documents(plan, new)
    assert shape(result) == [("pnew0001", "added", False)]
    [added] = result.changes
    assert (added.section, added.new_number, added.old_number, added.new) == ("universalization", "Action 1", None,
                                                                              fresh)


def test_a_removed_paragraph_keeps_where_it_stood(plan: Document) -> None:
    universal = paragraphs(plan, "universalization")
    gone = universal[2]
    result = diff_documents(plan, with_sections(plan, universalization=(*universal[:2], *universal[3:])))
    assert shape(result) == [(gone.id, "removed", False)]
    [removed] = result.changes
    assert (removed.section, removed.old_section, removed.old_number, removed.new_number, removed.old) == (
        "universalization", "universalization", "Action 2", None, gone)
    assert result.sections_touched == ("universalization",)


def test_a_move_within_a_section_is_one_moved_paragraph(plan: Document) -> None:
    universal = paragraphs(plan, "universalization")
    last = universal[-1]
    new = with_sections(plan, universalization=(universal[0], last, *universal[1:-1]))
    result = diff_documents(plan, new)
    assert shape(result) == [(last.id, "moved", True)]
    [moved] = result.changes
    assert (moved.section, moved.old_section, moved.fields, moved.redline) == (
        "universalization", "universalization", (), ())
    assert (moved.old_number, moved.new_number) == (plan.numbers()[last.id], "Action 1")
    assert result.of("moved") == (moved,) and result.of("modified") == ()


def test_the_base_positions_and_numbers_given_change_nothing(plan: Document) -> None:
    universal = paragraphs(plan, "universalization")
    new = with_sections(plan, universalization=(universal[2], *universal[:2], *universal[4:]))
    at = {p.id: (s.id, p) for s in plan.sections for p in s.paragraphs}
    assert diff_documents(plan, new, old_at=at, old_numbers=plan.numbers()) == diff_documents(plan, new)
    assert diff_documents(plan, new, old_at=at, old_numbers={}) != diff_documents(plan, new)  # they are used


def test_a_move_across_sections_names_both_sections(plan: Document) -> None:
    universal = paragraphs(plan, "universalization")
    stockpiles = paragraphs(plan, "stockpile-destruction")
    moving = universal[3]
    new = with_sections(plan, universalization=tuple(p for p in universal if p is not moving),
                        stockpile_destruction=(*stockpiles, moving))
    result = diff_documents(plan, new)
    assert shape(result) == [(moving.id, "moved", True)]
    assert (result.changes[0].section, result.changes[0].old_section) == ("stockpile-destruction", "universalization")
    assert result.sections_touched == ("universalization", "stockpile-destruction")


def test_a_moved_and_reworded_paragraph_is_modified_and_moved(plan: Document) -> None:
    universal = paragraphs(plan, "universalization")
    moving = replace(universal[-1], text=universal[-1].text + " Addendum.")
    result = diff_documents(plan, with_sections(plan, universalization=(moving, *universal[:-1])))
    [change] = result.changes
    assert (change.change, change.moved, change.fields) == ("modified", True, ("text",))
    assert result.of("moved") == result.of("modified") == (change,)
    assert change.redline[-1] == ("+", " Addendum.")


def test_a_renamed_section_is_touched_without_paragraph_changes(plan: Document) -> None:
    sections = tuple(replace(s, title="Universalisation of the Convention")
                     if s.id == "universalization" else s for s in plan.sections)
    result = diff_documents(plan, replace(plan, sections=sections))
    assert result.changes == () and result.sections_touched == ("universalization",) and not result.empty


def test_metadata_changes(plan: Document) -> None:
    new = replace(plan, version="first-draft", status="circulated", informs=())
    result = diff_documents(plan, new)
    assert dict(result.meta) == {"version": ("working-paper", "first-draft"), "status": ("draft", "circulated"),
                                 "informs": (("political-declaration",), ())}
    assert result.changes == () and not result.empty
    assert json.loads(json.dumps(result.as_json()["meta"])) == {
        "version": ["working-paper", "first-draft"], "status": ["draft", "circulated"],
        "informs": [["political-declaration"], []]}


def test_a_new_or_deleted_document(plan: Document) -> None:
    created = diff_documents(None, plan)
    count = sum(1 for _ in plan.walk())
    assert created.document == "lausanne-action-plan" and len(created.of("added")) == count
    assert created.sections_touched == tuple(s.id for s in plan.sections)
    deleted = diff_documents(plan, None)
    assert len(deleted.of("removed")) == count and dict(deleted.meta) == {}


def test_as_json_is_plain_data(plan: Document) -> None:
    universal = paragraphs(plan, "universalization")
    reworded = replace(universal[1], text="Promote adherence.")
    new = with_sections(plan, universalization=(universal[0], reworded, *universal[2:]))
    data = diff_documents(plan, new).as_json()
    changes = data["changes"]
    assert isinstance(changes, list) and len(changes) == 1
    change = changes[0]
    assert change["id"] == universal[1].id and change["change"] == "modified" and change["fields"] == ["text"]
    assert change["redline"][0] == ["=", "Promote adherence"]


# Between git revisions -------------------------------------------------------------------------------------------

def test_diff_between_two_revisions_in_git(tmp_path: Path) -> None:
    repo = init_repo(tmp_path)
    files = instance_files()
    base = commit(repo, files, "Zero drafts")
    tag(repo, "lausanne-action-plan/working-paper", base)
    text = files[LAP].decode()
    # Swap two paragraphs in the introduction, change a word and the version: three kinds of change in one commit.
    start = text.index("      - id: pnq3iyl6")
    middle = text.index("      - id: p6x2m2os")
    end = text.index("  - id: universalization")
    swapped = text[:start] + text[middle:end] + text[start:middle] + text[end:]
    edited = swapped.replace("version: working-paper", "version: first-draft", 1).replace(
        "sets out the actions", "sets out the commitments", 1)
    commit(repo, {LAP: edited}, "Consolidate")
    store = Store(tmp_path)
    old = store.require("lausanne-action-plan/working-paper").documents
    new = store.require("HEAD").documents
    result = diff_documents(old["lausanne-action-plan"], new["lausanne-action-plan"])
    assert result.document == "lausanne-action-plan"
    assert shape(result) == [("pg2fmela", "modified", False), ("p6x2m2os", "moved", True)]
    assert ("-", "actions") in result.changes[0].redline and ("+", "commitments") in result.changes[0].redline
    assert dict(result.meta) == {"version": ("working-paper", "first-draft")}
    assert result.sections_touched == ("introduction",)


# Against an independent account, on a generated 300-paragraph document -----------------------------------------------

def test_generated_revisions_diff_as_an_independent_count_says() -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from gen import generate_document, mutate
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    text = generate_document(300, seed=5)
    old = parse_text("documents/generated-plan.yaml", text).record
    new = parse_text("documents/generated-plan.yaml", mutate(text, seed=6, n_edits=40)).record
    assert isinstance(old, Document) and isinstance(new, Document)
    before = {p.id: (s.id, p) for s, p in old.walk()}
    after = {p.id: (s.id, p) for s, p in new.walk()}
    result = diff_documents(old, new)
    assert {c.id for c in result.of("added")} == after.keys() - before.keys()
    assert {c.id for c in result.of("removed")} == before.keys() - after.keys()
    assert {c.id for c in result.of("modified")} == {
        pid for pid in before.keys() & after.keys() if before[pid][1].content() != after[pid][1].content()}
    crossed = {pid for pid in before.keys() & after.keys() if before[pid][0] != after[pid][0]}
    assert crossed <= {c.id for c in result.of("moved")}
    assert all(c.change != "moved" or c.fields == () for c in result.changes)
    assert len(result.changes) >= 20


# Markdown redline -------------------------------------------------------------------------------------------------

def _markdown_reading(markdown: str) -> tuple[str, str, list[str]]:
    """(the old text, the new text, literal marker leftovers) as a CommonMark reader with GitHub's strikethrough
    sees the redline: struck text is deleted, strong text inserted, the rest kept."""
    from markdown_it import MarkdownIt

    old, new, leftovers = [], [], []
    state = "="
    for block in MarkdownIt("commonmark").enable("strikethrough").parse(markdown):
        for token in block.children or []:
            if token.type in ("s_open", "strong_open"):
                state = "-" if token.type == "s_open" else "+"
            elif token.type in ("s_close", "strong_close"):
                state = "="
            elif token.type in ("text", "softbreak"):
                content = token.content if token.type == "text" else "\n"
                leftovers += [m for m in ("**", "~~") if m in content]
                if state != "+":
                    old.append(content)
                if state != "-":
                    new.append(content)
    return "".join(old), "".join(new), leftovers


def test_markdown_redline_marks_changes_that_start_with_a_space_or_punctuation() -> None:
    from ccmflow.compare.redline import redline_markdown

    inserted = redline_markdown(redline("the humanitarian harm caused by cluster munitions.",
                                        "the humanitarian harm caused by cluster munitions, and reflecting the "
                                        "sustained outreach of States Parties."))
    assert _markdown_reading(inserted)[1:] == (
        "the humanitarian harm caused by cluster munitions, and reflecting the sustained outreach of States "
        "Parties.", [])
    assert "**munitions, and reflecting the sustained outreach of States Parties**." in inserted
    deleted = redline_markdown(redline("in respect of the Convention, which", "in respect of, which"))
    assert deleted == "in respect of ~~the Convention~~, which"
    assert redline_markdown(redline("The main challenge remains", "The main challenge in this area remains")) == (
        "The main challenge **in this area** remains")


@settings(derandomize=True, max_examples=300)
@given(st.text(alphabet="ab ,.;()é*~", max_size=40), st.text(alphabet="ab ,.;()é*~", max_size=40))
def test_markdown_redline_reads_back_as_both_texts(old: str, new: str) -> None:
    from ccmflow.compare.redline import redline_markdown

    old, new = " ".join(old.split()), " ".join(new.split())
    # Literal `*` and `~` in the texts are escaped, so a stray marker would show up as text that is not there.
    read_old, read_new, _ = _markdown_reading(redline_markdown(redline(old, new)))

    def squeezed(text: str) -> str:
        return "".join(text.split())

    assert (squeezed(read_old), squeezed(read_new)) == (squeezed(old), squeezed(new))
