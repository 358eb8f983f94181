"""The fast path, edit by edit: each common edit is read from git's hunks, each unusual one steps aside, and
either way the input's diff is what a full parse of the head gives (test_docpatch.py tries random edits)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pygit2
import pytest
from gitutil import commit, init_repo, instance_files

from ccmflow.compare import docpatch
from ccmflow.compare.diff import ChangeKind, diff_documents
from ccmflow.core.model import Document
from ccmflow.inputs.examine import Examined, Examiner
from ccmflow.read.load import SourceFile, parse
from ccmflow.repo.prinput import read_pull
from ccmflow.repo.store import Store

REVIEW = "documents/review-document.yaml"
DECLARATION = "documents/political-declaration.yaml"
Edit = Callable[[str], str]


@dataclass(frozen=True, slots=True)
class Repo:
    store: Store
    git: pygit2.Repository


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Repo:
    path: Path = tmp_path_factory.mktemp("docpatch-paths")
    git = init_repo(path)
    return Repo(Store(path), git)


def _text(path: str) -> str:
    return instance_files()[path].decode("utf-8")


def _examine(repo: Repo, path: str, head_text: str, base_text: str | None = None) -> tuple[Examined, str, str]:
    """The input making `path` read `head_text`, examined against a base where it reads `base_text`."""
    files: dict[str, str | bytes] = dict(instance_files())
    if base_text is not None:
        files[path] = base_text
    base = str(commit(repo.git, files, "base", branch=None, parents=[]))
    head = str(commit(repo.git, {path: head_text}, "input", branch=None, parents=[base]))
    return Examiner(repo.store, _document(repo, base, path), base).examine(head), base, head


def _document(repo: Repo, commit: str, path: str) -> Document:
    workspace, findings = repo.store.workspace(commit)
    assert workspace is not None, findings
    return next(d for d in workspace.documents.values() if d.path == path)


def _agrees(repo: Repo, path: str, examined: Examined, base: str, head: str, head_text: str) -> None:
    """The examination says what reading the whole head file says: the same diff, or the head's findings."""
    before = _document(repo, base, path)
    expected = parse(SourceFile(path, head_text.encode("utf-8"))).record
    findings = read_pull(repo.store, base, head).findings
    if isinstance(expected, Document) and not findings:
        assert not examined.findings
        assert examined.diff == diff_documents(before, expected)
        assert examined.touches == (not examined.diff.empty)
    else:
        assert examined.touches and examined.findings
        assert examined.findings == findings


def _item(text: str, pid: str) -> tuple[int, int]:
    """Where the item of paragraph `pid` starts and ends in the text."""
    start = text.index(f"- id: {pid}\n")
    start = text.rindex("\n", 0, start) + 1
    after = re.compile(r"^ *- id: ", re.MULTILINE).search(text, start + 1)
    return start, after.start() if after else len(text)


def _swap(first: str, second: str) -> Edit:
    def edit(text: str) -> str:
        a, b = _item(text, first), _item(text, second)
        return text[:a[0]] + text[b[0]:b[1]] + text[a[0]:a[1]] + text[b[1]:]
    return edit


def _delete(*pids: str) -> Edit:
    def edit(text: str) -> str:
        for pid in pids:
            start, end = _item(text, pid)
            text = text[:start] + text[end:]
        return text
    return edit


def _move(pid: str, after: str) -> Edit:
    def edit(text: str) -> str:
        start, end = _item(text, pid)
        item, rest = text[start:end], text[:start] + text[end:]
        at = _item(rest, after)[1]
        return rest[:at] + item + rest[at:]
    return edit


def _in_item(pid: str, old: str, new: str) -> Edit:
    def edit(text: str) -> str:
        start, end = _item(text, pid)
        item = text[start:end]
        assert old in item, (pid, old)
        return text[:start] + item.replace(old, new, 1) + text[end:]
    return edit


def _field(pid: str, line: str) -> Edit:
    """A field added to paragraph `pid`, after its kind."""
    return _in_item(pid, "        kind: narrative\n", f"        kind: narrative\n        {line}\n")


def _both(*edits: Edit) -> Edit:
    def edit(text: str) -> str:
        for one in edits:
            text = one(text)
        return text
    return edit


def _insert_after(pid: str, item: str) -> Edit:
    def edit(text: str) -> str:
        end = _item(text, pid)[1]
        return text[:end] + item + text[end:]
    return edit


def _first_review(text: str) -> str:
    return text.replace("The First Review", "The first Review", 1)


FAST = {
    "two neighbouring paragraphs reworded": _both(_first_review,
                                                  _in_item("p4sbyqum", "The review draws", "The present review draws")),
    "two paragraphs swapped": _swap("pold5l7v", "p4sbyqum"),
    "two paragraphs swapped and reworded": _both(_swap("pold5l7v", "p4sbyqum"), _first_review,
                                                 _in_item("p4sbyqum", "The review draws", "The present review draws")),
    "a paragraph moved to another section": _move("pold5l7v", "pkp3nvcv"),
    "a reference to a paragraph of the same document": _field("pold5l7v", "references: [review-document#pkp3nvcv]"),
    "a blank line inside a paragraph's text": _in_item("pold5l7v", "adopted the\n", "adopted the\n\n"),
    "provenance added, no substance changed": _field("pold5l7v", "derived_from: [pr-12]"),
}


@pytest.mark.parametrize("name", FAST)
def test_common_edits_are_read_from_the_hunks_alone(repo: Repo, name: str) -> None:
    head_text = FAST[name](_text(REVIEW))
    examined, base, head = _examine(repo, REVIEW, head_text)
    assert examined.fast
    _agrees(repo, REVIEW, examined, base, head, head_text)


def test_a_swap_is_a_move_and_provenance_alone_touches_nothing(repo: Repo) -> None:
    swapped, _, _ = _examine(repo, REVIEW, FAST["two paragraphs swapped"](_text(REVIEW)))
    assert swapped.diff is not None and {c.change for c in swapped.diff.changes} == {ChangeKind.MOVED}
    moved, _, _ = _examine(repo, REVIEW, FAST["a paragraph moved to another section"](_text(REVIEW)))
    assert moved.diff is not None and [(c.id, c.old_section, c.section) for c in moved.diff.changes] == [
        ("pold5l7v", "introduction", "universalization")]
    provenance, _, _ = _examine(repo, REVIEW, FAST["provenance added, no substance changed"](_text(REVIEW)))
    assert not provenance.touches and provenance.diff is not None and provenance.diff.empty


def test_unnumbered_paragraphs_inserted_and_deleted_keep_the_numbers_right(repo: Repo) -> None:
    """The Declaration's preamble is unnumbered: inserting and deleting there renumbers nothing."""
    text = _text(DECLARATION)
    first, second = re.findall(r"- id: (\S+)\n\s+kind: preambular", text)[:2]
    fresh = re.sub(r"id: \S+", "id: pfreshpre1", text[slice(*_item(text, first))], count=1)
    head_text = _both(_insert_after(first, fresh), _delete(second))(text)
    examined, base, head = _examine(repo, DECLARATION, head_text)
    assert examined.fast
    _agrees(repo, DECLARATION, examined, base, head, head_text)
    assert examined.diff is not None
    added = next(c for c in examined.diff.changes if c.change is ChangeKind.ADDED)
    assert added.id == "pfreshpre1" and added.new_number == ""


def _odd_section(text: str) -> str:
    """The Universalization section's item written `-   id:`, its keys lined up after it."""
    return text.replace("  - id: universalization\n    title: Universalization\n    paragraphs:\n",
                        "  -   id: universalization\n      title: Universalization\n      paragraphs:\n", 1)


def _odd_paragraph(text: str) -> str:
    """Paragraph 2's item written `-  id:`, its keys lined up after it."""
    start, end = _item(text, "pold5l7v")
    item = text[start:end].replace("\n ", "\n  ").replace("- id:", "-  id:", 1)
    return text[:start] + item + text[end:]


def _first_line(text: str) -> str:
    return "# a note to the Presidency\n" + text


STEPS_ASIDE = {
    "a line added above the metadata": (None, _first_line),
    "an item written as plain text": (None, _insert_after("pold5l7v", "      - just a sentence\n")),
    "an unknown kind": (None, _in_item("pold5l7v", "kind: narrative", "kind: narative")),
    "every paragraph of a section deleted": (None, _delete("ph6ip46u", "pold5l7v", "p4sbyqum", "prj66qqb")),
    "a paragraph given a section's id": (None, _in_item("pold5l7v", "id: pold5l7v", "id: universalization")),
    "a reference to nowhere in another document": (
        None, _field("pold5l7v", "references: [lausanne-action-plan#pnowhere1]")),
    "a blank line between two items": (None, lambda t: t.replace("\n      - id: p4sbyqum", "\n\n      - id: p4sbyqum")),
    "a base with Windows line endings": (lambda t: t.replace("\n", "\r\n"),
                                         _first_review),
    "a base whose section item is indented oddly": (_odd_section, _first_review),
    "a base whose paragraph item is indented oddly": (_odd_paragraph, _first_review),
}


@pytest.mark.parametrize("name", STEPS_ASIDE)
def test_unusual_edits_step_aside_for_the_full_parse(repo: Repo, name: str) -> None:
    base_edit, head_edit = STEPS_ASIDE[name]
    base_text = base_edit(_text(REVIEW)) if base_edit else None
    head_text = head_edit(base_text if base_text is not None else _text(REVIEW))
    examined, base, head = _examine(repo, REVIEW, head_text, base_text)
    assert not examined.fast
    _agrees(repo, REVIEW, examined, base, head, head_text)


def test_a_head_that_does_not_pass_has_its_findings_located(repo: Repo) -> None:
    path = "documents/review-document.yaml"
    text = _text(path)
    at = text.index("kind: narrative")
    examined, base, head = _examine(repo, path, text[:at] + "kind: nonsense" + text[at + len("kind: narrative"):])
    line = text.count("\n", 0, at) + 1
    assert [f.line for f in read_pull(repo.store, base, head).findings] == [line]
    assert [f.line for f in examined.findings] == [line] and examined.diff is None


def test_a_kept_layout_serves_only_the_text_it_was_taken_from() -> None:
    text = _text(REVIEW)
    parsed = parse(SourceFile(REVIEW, text.encode("utf-8")))
    assert isinstance(parsed.record, Document) and parsed.loaded is not None
    built = docpatch.index(parsed.loaded, parsed.record)
    assert built is not None
    kept = docpatch.layout(built)
    assert docpatch.from_layout(parsed.record, text, kept) == built
    assert docpatch.from_layout(parsed.record, text.replace("\n", "\r\n"), kept) is None
    assert docpatch.from_layout(parsed.record, text, kept[:-1]) is None
