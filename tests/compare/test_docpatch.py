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
from ccmflow.repo.patch import FilePatches
from ccmflow.repo.prinput import read_pull
from ccmflow.repo.store import Store

DOC = "documents/review-document.yaml"
ITEM = re.compile(r"^      - id: ", re.MULTILINE)


class Setup(tuple[Store, pygit2.Repository, pygit2.Commit, str]):
    def __repr__(self) -> str:
        return "<repository with the embedded instance>"


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> tuple[Store, pygit2.Repository, pygit2.Commit, str]:
    path: Path = tmp_path_factory.mktemp("docpatch")
    repo = init_repo(path)
    base = commit(repo, instance_files(), "zero draft")
    return Setup((Store(path), repo, repo[base].peel(pygit2.Commit), instance_files()[DOC].decode("utf-8")))


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
def test_fast_path_agrees_with_full_parse(setup: Setup, ops: list[tuple[str, int, str]]) -> None:
    store, repo, base, text = setup
    new_text = text
    for op, which, word in ops:
        new_text = _edit(new_text, op, which, word)
    head = commit(repo, {DOC: new_text}, "input", branch=None, parents=[base.id])
    examined = Examiner(store, store.document(str(base.id), "review-document"), str(base.id)).examine(str(head))
    expected = parse(SourceFile(DOC, new_text.encode("utf-8"))).record
    findings = read_pull(store, str(base.id), str(head)).findings
    if not examined.touches:
        assert isinstance(expected, Document) and not findings
        assert diff_documents(store.document(str(base.id), "review-document"), expected).empty
    elif examined.fast:
        assert isinstance(expected, Document)
        assert not findings
        assert examined.diff == diff_documents(store.document(str(base.id), "review-document"), expected)
    elif isinstance(expected, Document) and not findings:
        assert examined.diff == diff_documents(store.document(str(base.id), "review-document"), expected)
    else:
        assert examined.findings or examined.diff is None


@pytest.mark.parametrize("op", ["word", "delete", "insert", "move", "field"])
def test_common_edits_take_the_fast_path(setup: Setup, op: str) -> None:
    store, repo, base, text = setup
    head = commit(repo, {DOC: _edit(text, op, 5, "Strongly")}, "input", branch=None, parents=[base.id])
    examined = Examiner(store, store.document(str(base.id), "review-document"), str(base.id)).examine(str(head))
    assert examined.fast and examined.touches and examined.diff is not None and not examined.findings


def test_untouched_document_is_skipped_without_parsing(setup: Setup) -> None:
    store, repo, base, _ = setup
    head = commit(repo, {"README.md": "hello\n"}, "other", branch=None, parents=[base.id])
    examined = Examiner(store, store.document(str(base.id), "review-document"), str(base.id)).examine(str(head))
    assert not examined.touches and examined.diff is None


def test_cache_round_trip(setup: Setup, tmp_path: Path) -> None:
    store, repo, base, text = setup
    head = str(commit(repo, {DOC: _edit(_edit(text, "insert", 3, "Alpha"), "word", 9, "Beta")}, "input",
                      branch=None, parents=[base.id]))
    doc = store.document(str(base.id), "review-document")
    first = Examiner(store, doc, str(base.id), tmp_path / "cache.json")
    result = first.examine(head)
    first.save()
    again = Examiner(store, doc, str(base.id), tmp_path / "cache.json")
    assert again.examine(head) == result
    assert again.computed == 0


def test_patch_from_a_shared_old_blob_is_the_tree_diffs(setup: Setup) -> None:
    store, repo, base, text = setup
    shared = FilePatches(store, str(base.id), DOC, is_managed)
    for op in ("word", "insert", "delete", "move", "field"):
        head = str(commit(repo, {DOC: _edit(text, op, 5, "Strongly")}, op, branch=None, parents=[base.id]))
        from_tree = FilePatches(store, str(base.id), DOC, is_managed, share=False).change(head)
        assert from_tree.hunks is not None
        assert shared.change(head) == from_tree
    assert list(shared._shared or ()) == [str(base.tree[DOC].id)]  # the merge base's blob, read once for all five


def test_a_shared_old_blob_keeps_git_attributes(tmp_path: Path) -> None:
    repo = init_repo(tmp_path)
    files = instance_files()
    base = str(commit(repo, files, "zero draft"))
    text = files[DOC].decode("utf-8")
    head = str(commit(repo, {DOC: _edit(text, "word", 5, "Strongly")}, "input", branch=None,
                      parents=[pygit2.Oid(hex=base)]))
    store = Store(tmp_path)
    assert FilePatches(store, base, DOC, is_managed).change(head).hunks is not None
    (tmp_path / ".gitattributes").write_text("*.yaml binary\n")  # git reads attributes from the work tree
    assert FilePatches(store, base, DOC, is_managed, share=False).change(head).hunks is None
    assert FilePatches(store, base, DOC, is_managed).change(head).hunks is None
