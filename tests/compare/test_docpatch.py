"""The fast path (document at a head from git's hunks) must agree with a full parse, or step aside."""

from __future__ import annotations

import re
from pathlib import Path

import pygit2
import pytest
from gitutil import commit, init_repo, instance_files
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ccmflow.compare.diff import diff_documents
from ccmflow.core.model import Document
from ccmflow.inputs.examine import Examiner
from ccmflow.read.load import SourceFile, is_managed, parse
from ccmflow.repo.git import document_patch
from ccmflow.repo.prinput import read_pull
from ccmflow.repo.store import Store

DOC = "documents/review-document.yaml"
ITEM = re.compile(r"^      - id: ", re.MULTILINE)


class Setup(tuple[Store, pygit2.Commit, str]):
    def __repr__(self) -> str:
        return "<repository with the embedded instance>"


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> tuple[Store, pygit2.Commit, str]:
    path: Path = tmp_path_factory.mktemp("docpatch")
    repo = init_repo(path)
    base = commit(repo, instance_files(), "zero draft")
    store = Store(path)
    return Setup((store, store.repo[base].peel(pygit2.Commit), instance_files()[DOC].decode("utf-8")))


def _items(text: str) -> list[int]:
    return [m.start() for m in ITEM.finditer(text)]


def _edit(text: str, op: str, which: int, word: str) -> str:
    starts = _items(text)
    i = which % len(starts)
    start = starts[i]
    end = starts[i + 1] if i + 1 < len(starts) else len(text)
    item = text[start:end]
    if op == "word":
        return text[:start] + re.sub(r"(text: >-\n\s+)", rf"\g<1>{word} ", item, count=1) + text[end:]
    if op == "delete":
        return text[:start] + text[end:]
    if op == "insert":
        fresh = re.sub(r"id: \S+", f"id: pnew{word[:6].lower()}x", item, count=1)
        return text[:end] + fresh + text[end:]
    if op == "duplicate-id":
        return text[:end] + item + text[end:]
    if op == "move":
        rest = text[:start] + text[end:]
        target = _items(rest)[(which * 7) % len(_items(rest))]
        return rest[:target] + item + rest[target:]
    if op == "indent":
        return text[:start] + item.replace("        kind:", "       kind:", 1) + text[end:]
    if op == "comment":
        return text[:end] + "# a comment at the margin\n" + text[end:]
    if op == "tab":
        return text[:start] + item.replace("        kind:", "\tkind:", 1) + text[end:]
    if op == "title":
        return text.replace("title: >-", f"title: >-\n    {word}", 1)
    if op == "reference":
        return text[:start] + item.replace("        kind:", "        references: [review-document#nowhere1]\n"
                                           "        kind:", 1) + text[end:]
    if op == "field":
        return text[:start] + item.replace("        kind: narrative", "        kind: operative", 1) + text[end:]
    if op == "marker":
        return text[:end] + "      ...\n" + text[end:]
    if op == "no-newline":
        return text.rstrip("\n")
    raise AssertionError(op)


OPS = ("word", "delete", "insert", "duplicate-id", "move", "indent", "comment", "tab", "title", "reference",
       "field", "marker", "no-newline")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=st.lists(st.tuples(st.sampled_from(OPS), st.integers(0, 200),
                              st.from_regex(r"[A-Za-z]{3,9}", fullmatch=True)), min_size=1, max_size=3))
def test_fast_path_agrees_with_full_parse(setup: tuple[Store, pygit2.Commit, str],
                                          ops: list[tuple[str, int, str]]) -> None:
    store, base, text = setup
    new_text = text
    for op, which, word in ops:
        new_text = _edit(new_text, op, which, word)
    head = commit(store.repo, {DOC: new_text}, "input", branch=None, parents=[base.id])
    examined = Examiner(store, store.document(base.id, "review-document"), base).examine(str(head))
    expected = parse(SourceFile(DOC, new_text.encode("utf-8"))).record
    findings = read_pull(store.repo, base, str(head)).findings
    if not examined.touches:
        assert isinstance(expected, Document) and not findings
        assert diff_documents(store.document(base.id, "review-document"), expected).empty
    elif examined.fast:
        assert isinstance(expected, Document)
        assert not findings
        assert examined.diff == diff_documents(store.document(base.id, "review-document"), expected)
    elif isinstance(expected, Document) and not findings:
        assert examined.diff == diff_documents(store.document(base.id, "review-document"), expected)
    else:
        assert examined.findings or examined.diff is None


@pytest.mark.parametrize("op", ["word", "delete", "insert", "move", "field"])
def test_common_edits_take_the_fast_path(setup: tuple[Store, pygit2.Commit, str], op: str) -> None:
    store, base, text = setup
    head = commit(store.repo, {DOC: _edit(text, op, 5, "Strongly")}, "input", branch=None, parents=[base.id])
    examined = Examiner(store, store.document(base.id, "review-document"), base).examine(str(head))
    assert examined.fast and examined.touches and examined.diff is not None and not examined.findings


def test_untouched_document_is_skipped_without_parsing(setup: tuple[Store, pygit2.Commit, str]) -> None:
    store, base, _ = setup
    head = commit(store.repo, {"README.md": "hello\n"}, "other", branch=None, parents=[base.id])
    examined = Examiner(store, store.document(base.id, "review-document"), base).examine(str(head))
    assert not examined.touches and examined.diff is None


def test_cache_round_trip(setup: tuple[Store, pygit2.Commit, str], tmp_path: Path) -> None:
    store, base, text = setup
    head = str(commit(store.repo, {DOC: _edit(_edit(text, "insert", 3, "Alpha"), "word", 9, "Beta")}, "input",
                      branch=None, parents=[base.id]))
    doc = store.document(base.id, "review-document")
    first = Examiner(store, doc, base, tmp_path / "cache.json")
    result = first.examine(head)
    first.save()
    again = Examiner(store, doc, base, tmp_path / "cache.json")
    assert again.examine(head) == result
    assert again.computed == 0


def test_patch_from_a_shared_old_blob_is_the_tree_diffs(setup: tuple[Store, pygit2.Commit, str]) -> None:
    store, base, text = setup
    shared: dict[str, pygit2.Blob] = {}
    for op in ("word", "insert", "delete", "move", "field"):
        head = store.repo[commit(store.repo, {DOC: _edit(text, op, 5, "Strongly")}, op, branch=None,
                                 parents=[base.id])].peel(pygit2.Commit)
        from_tree = document_patch(store.repo, base, head, DOC, is_managed)
        assert from_tree is not None
        assert document_patch(store.repo, base, head, DOC, is_managed, shared) == from_tree
    assert list(shared) == [str(base.tree[DOC].id)]  # the merge base's blob, read once for all five


def test_a_shared_old_blob_keeps_git_attributes(tmp_path: Path) -> None:
    repo = init_repo(tmp_path)
    files = instance_files()
    base = repo[commit(repo, files, "zero draft")].peel(pygit2.Commit)
    text = files[DOC].decode("utf-8")
    head = repo[commit(repo, {DOC: _edit(text, "word", 5, "Strongly")}, "input", branch=None,
                       parents=[base.id])].peel(pygit2.Commit)
    assert document_patch(repo, base, head, DOC, is_managed, {}) is not None
    (tmp_path / ".gitattributes").write_text("*.yaml binary\n")  # git reads attributes from the work tree
    assert document_patch(repo, base, head, DOC, is_managed) is None
    assert document_patch(repo, base, head, DOC, is_managed, {}) is None
