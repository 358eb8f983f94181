"""Reading documents, timeline and registry out of real git repositories at any revision, without a checkout."""

from __future__ import annotations

import dataclasses
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pygit2
import pytest
from gitutil import Link, Submodule, commit, init_repo, instance_files, set_ref, tag, write_files

from ccmflow.compare.diff import diff_documents
from ccmflow.core.errors import FatalError, InvalidInput
from ccmflow.core.model import Document
from ccmflow.read import load
from ccmflow.read.directory import directory_workspace
from ccmflow.read.kinds import FileKind
from ccmflow.read.load import SourceFile
from ccmflow.repo.store import Snapshot, Store

LAP, RD = "documents/lausanne-action-plan.yaml", "documents/review-document.yaml"
PD = "documents/political-declaration.yaml"
PROCESS, REGISTRY = "documents/process.yaml", "documents/stakeholders.yaml"
FIRST_TEXT = "The Convention on Cluster Munitions was adopted in Dublin on 30 May 2008"


@dataclasses.dataclass
class History:
    """main: zero draft (tagged) -> edit of the review document; branch 'plan' and refs/pull/7/head off the base."""

    path: Path
    repo: pygit2.Repository
    base: pygit2.Oid
    head: pygit2.Oid
    plan: pygit2.Oid
    pull: pygit2.Oid
    files: dict[str, bytes]


def edit(files: dict[str, bytes], path: str, old: str, new: str) -> bytes:
    text = files[path].decode("utf-8")
    assert old in text, old
    return text.replace(old, new, 1).encode("utf-8")


@pytest.fixture
def history(tmp_path: Path) -> History:
    repo = init_repo(tmp_path)
    files = instance_files()
    base = commit(repo, files, "Zero drafts")
    tag(repo, "review-document/zero-draft", base)
    tag(repo, "v1", base, message="annotated tag")
    head = commit(repo, {RD: edit(files, RD, "adopted in Dublin", "adopted at Dublin")}, "Reword")
    plan = commit(repo, {LAP: edit(files, LAP, "  status: draft", "  status: circulated")}, "Circulate",
                  branch="plan", parents=[base])
    pull = commit(repo, {PD: edit(files, PD, "gathered in Lausanne", "meeting in Lausanne")}, "Input",
                  branch=None, parents=[base])
    set_ref(repo, "refs/pull/7/head", pull)
    return History(tmp_path, repo, base, head, plan, pull, files)


def work_tree(top: Path) -> list[str]:
    return sorted(p.relative_to(top).as_posix() for p in top.rglob("*") if p.relative_to(top).parts[0] != ".git")


def first_text(store: Store, rev: str | pygit2.Oid) -> str:
    return store.document(rev, "review-document").sections[0].paragraphs[0].text


@pytest.mark.parametrize("rev, expected", [
    ("HEAD", "adopted at Dublin"),
    ("main", "adopted at Dublin"),
    ("refs/heads/main", "adopted at Dublin"),
    ("HEAD~1", "adopted in Dublin"),
    ("main^", "adopted in Dublin"),
    ("review-document/zero-draft", "adopted in Dublin"),
    ("refs/tags/review-document/zero-draft", "adopted in Dublin"),
    ("v1", "adopted in Dublin"),  # an annotated tag is peeled to its commit
    ("plan", "adopted in Dublin"),
    ("refs/pull/7/head", "adopted in Dublin"),
])
def test_a_document_at_any_revision(history: History, rev: str, expected: str) -> None:
    assert expected in first_text(Store(history.path), rev)


def test_a_document_at_a_sha_full_short_or_oid(history: History) -> None:
    store = Store(history.path)
    sha = str(history.base)
    assert "adopted in Dublin" in first_text(store, sha)
    assert "adopted in Dublin" in first_text(store, sha[:10])
    assert "adopted in Dublin" in first_text(store, history.base)
    assert "adopted at Dublin" in first_text(store, history.head)


def test_each_revision_has_its_own_timeline_registry_and_documents(history: History) -> None:
    store = Store(history.path)
    plan = store.require("plan")
    assert plan.documents["lausanne-action-plan"].status == "circulated"
    assert store.require("main").documents["lausanne-action-plan"].status == "draft"
    assert plan.process.windows[0].closes == datetime(2020, 5, 4, 21, 59, 59, tzinfo=UTC)
    assert plan.registry.by_user_id(48213907) is not None
    pulled = store.require("refs/pull/7/head").documents["political-declaration"]
    assert "meeting in Lausanne" in pulled.sections[0].paragraphs[0].text


def test_reading_never_touches_the_work_tree_or_index(history: History) -> None:
    write_files(history.path, {RD: "document: [broken on disk"})
    before = work_tree(history.path)
    index_before = (history.path / ".git" / "index").exists()
    store = Store(history.path)
    for rev in ("HEAD", "HEAD~1", "plan", "v1", "refs/pull/7/head"):
        workspace, findings = store.workspace(rev)
        assert workspace is not None and findings == []
    after = work_tree(history.path)
    assert after == before == ["documents", "documents/review-document.yaml"]
    assert (history.path / RD).read_text() == "document: [broken on disk"
    assert (history.path / ".git" / "index").exists() == index_before
    assert history.repo.head.target == history.head


def test_a_store_opens_from_a_subfolder(history: History) -> None:
    (history.path / "documents").mkdir(exist_ok=True)
    assert Store(history.path / "documents").require("HEAD").documents.keys() == {
        "review-document", "lausanne-action-plan", "political-declaration"}


@pytest.mark.parametrize("rev", ["nope", "HEAD~9", "refs/pull/8/head", "HEAD^{tree}", "", "0" * 40])
def test_an_unknown_revision_is_a_fatal_error(history: History, rev: str) -> None:
    store = Store(history.path)
    with pytest.raises(FatalError, match="unknown revision") as caught:
        store.workspace(rev)
    assert not isinstance(caught.value, InvalidInput) and caught.value.exit_code == 2
    with pytest.raises(FatalError, match="unknown revision"):
        store.document(rev, "review-document")


def test_a_blob_id_is_no_revision(history: History) -> None:
    blob = history.repo.revparse_single(f"{history.base}:documents/process.yaml").id
    with pytest.raises(FatalError, match="unknown revision"):
        Store(history.path).commit(str(blob))


def test_outside_a_repository_is_a_fatal_error(tmp_path: Path) -> None:
    with pytest.raises(FatalError, match="not inside a git repository"):
        Store(tmp_path / "nowhere")


def test_an_unknown_document_is_a_fatal_error(history: History) -> None:
    with pytest.raises(FatalError, match="no document 'annual-report' at HEAD"):
        Store(history.path).document("HEAD", "annual-report")


def test_a_broken_revision_gives_findings_and_require_raises_them(history: History) -> None:
    broken = commit(history.repo, {REGISTRY: edit(history.files, REGISTRY, "category: state-party", "category: x")},
                    "Break", branch="broken", parents=[history.base])
    store = Store(history.path)
    workspace, findings = store.workspace("broken")
    assert workspace is None
    assert [(f.file, f.message) for f in findings] == [(REGISTRY, "stakeholders[3].category: 'x' is not allowed here")]
    with pytest.raises(InvalidInput) as caught:
        store.require(broken)
    assert caught.value.findings == findings and caught.value.exit_code == 1
    # One document is readable when only another file is broken; its own breakage is reported.
    assert store.document("broken", "review-document").id == "review-document"
    commit(history.repo, {LAP: b"document: [broken\n"}, "Break the plan", branch="broken")
    with pytest.raises(InvalidInput) as caught:
        store.document("broken", "lausanne-action-plan")
    assert [f.file for f in caught.value.findings] == [LAP]


@pytest.mark.parametrize("entry, what", [(Link("/etc/passwd"), "symbolic link"),
                                         (Link("process.yaml"), "symbolic link"), (Submodule("1" * 40), "submodule")])
def test_links_and_submodules_in_documents_are_refused_never_followed(history: History, entry: Link | Submodule,
                                                                      what: str) -> None:
    sha = commit(history.repo, {"documents/extra.yaml": entry}, "Link", branch="linked", parents=[history.base])
    store = Store(history.path)
    snapshot = store.snapshot(sha)
    assert [f.path for f in snapshot.files] == [LAP, PD, PROCESS, RD, REGISTRY]
    assert [str(f) for f in snapshot.refused] == [
        f"documents/extra.yaml:1:1: a {what} is not accepted in documents/ "
        "(fix: replace it with the file's own content)"]
    workspace, findings = store.workspace("linked")
    assert workspace is None and findings == list(snapshot.refused)


def test_only_yaml_files_directly_in_documents_are_read(history: History) -> None:
    sha = commit(history.repo, {"documents/notes.txt": "x", "documents/drafts/old.yaml": "x: [", "README.yaml": "x: [",
                                "documents/extra.yml": b"document: [broken\n"}, "Other files", parents=[history.base])
    paths = [f.path for f in Store(history.path).snapshot(sha).files]
    assert paths == ["documents/extra.yml", LAP, PD, PROCESS, RD, REGISTRY]


def test_a_commit_without_documents_reports_the_missing_files(history: History) -> None:
    empty = commit(history.repo, {"README.md": "hello"}, "Elsewhere", branch="bare", parents=[])
    store = Store(history.path)
    assert store.snapshot(empty).files == ()
    workspace, findings = store.workspace("bare")
    assert workspace is None and [f.message for f in findings] == [
        "the process file is missing", "the stakeholders file is missing"]


def test_round_trip_an_edit_through_git(history: History) -> None:
    store = Store(history.path)
    old = store.document("HEAD", "lausanne-action-plan")
    text = history.files[LAP].decode()
    paragraph = old.sections[1].paragraphs[1]
    edited = text.replace(paragraph.text.split(" ")[0] + " adherence", "Promote universal adherence", 1)
    assert edited != text
    sha = commit(history.repo, {LAP: edited}, "Edit")
    new = store.document(sha, "lausanne-action-plan")
    assert load.parse_text(LAP, edited).record == new
    change = diff_documents(old, new)
    assert [(c.id, c.change, c.fields) for c in change.changes] == [(paragraph.id, "modified", ("text",))]
    assert change.changes[0].redline[:2] == (("=", "Promote"), ("+", " universal"))
    # Reverting gives back the first blob: the same record, parsed once.
    back = commit(history.repo, {LAP: text}, "Revert")
    assert history.repo.revparse_single(f"{back}:{LAP}").id == history.repo.revparse_single(f"{history.base}:{LAP}").id
    assert store.document(back, "lausanne-action-plan") is old


def test_the_same_blob_is_parsed_once_per_process(history: History, monkeypatch: pytest.MonkeyPatch) -> None:
    # Fresh blob ids for this test: a comment unique to it, so no earlier test has parsed them.
    marker = f"# {history.path.name}\n".encode()
    unique = {path: marker + raw for path, raw in history.files.items() if path.endswith(".yaml")}
    first = commit(history.repo, unique, "Unique", branch="unique", parents=[history.base])
    second = commit(history.repo, {"README.md": "unrelated"}, "Same documents", branch="unique")
    third = commit(history.repo, {LAP: unique[LAP] + b"# changed\n"}, "One file changes", branch="unique")
    set_ref(history.repo, "refs/pull/9/head", first)
    tag(history.repo, "again", second)
    calls: Counter[str] = Counter()
    real = load._parse

    def counting(file: SourceFile, kind: FileKind, positions: bool = True) -> load.Parsed:
        calls[file.path] += 1
        return real(file, kind, positions)

    monkeypatch.setattr(load, "_parse", counting)
    for rev in (first, "refs/pull/9/head", second, "again", "unique~1"):
        assert Store(history.path).require(rev) is not None  # a new Store each time: only the parse cache helps
    assert calls == Counter({LAP: 1, PD: 1, PROCESS: 1, RD: 1, REGISTRY: 1})
    Store(history.path).require(third)
    assert calls == Counter({LAP: 2, PD: 1, PROCESS: 1, RD: 1, REGISTRY: 1})
    Store(history.path).document("refs/pull/9/head", "review-document")
    assert calls[RD] == 1


def test_a_store_reuses_the_workspace_of_an_identical_documents_tree(history: History) -> None:
    other = commit(history.repo, {"README.md": "unrelated"}, "Readme", branch=None, parents=[history.head])
    store = Store(history.path)
    assert store.workspace("HEAD") is store.workspace(other)
    assert store.workspace("HEAD") is not store.workspace("HEAD~1")


def test_the_work_tree_is_read_by_directory_workspace(history: History) -> None:
    write_files(history.path, {p: raw for p, raw in history.files.items()})
    workspace, findings = directory_workspace(history.path)
    assert findings == [] and workspace is not None
    assert workspace.documents == Store(history.path).require("HEAD~1").documents
    doc = workspace.documents["review-document"]
    assert isinstance(doc, Document) and FIRST_TEXT in doc.sections[0].paragraphs[0].text


def test_only_a_full_commit_id_names_a_commit_here(history: History) -> None:
    store = Store(history.path)
    sha = str(history.base)
    assert store.has_commit(sha)
    blob = str(history.repo.revparse_single(f"{sha}:{PROCESS}").id)
    for other in ("main", "v1", sha[:12], "0" * 40, "z" * 40, blob):
        assert not store.has_commit(other), other


def test_a_ref_naming_no_commit_is_left_out_of_the_refs(history: History) -> None:
    tree = history.repo.revparse_single(f"{history.base}^{{tree}}").id
    history.repo.references.create("refs/ccmflow/tree", tree)
    refs = Store(history.path).refs("refs/ccmflow/*")
    assert refs == {}
    assert "refs/pull/7/head" in Store(history.path).refs()


def test_refs_name_their_commits_in_gits_order_through_annotated_tags(history: History) -> None:
    refs = Store(history.path).refs()
    assert list(refs) == [name for name in history.repo.references if name in refs]
    assert refs["refs/tags/v1"] == str(history.base)  # the annotated tag's commit, not the tag object
    tags = Store(history.path).refs("refs/tags/*")
    assert "refs/tags/v1" in tags and all(name.startswith("refs/tags/") for name in tags)


def test_the_names_in_a_folder_at_a_revision(history: History) -> None:
    store = Store(history.path)
    assert store.names("HEAD", "documents") == sorted({path.split("/")[1] for path in history.files})
    assert store.names("HEAD", "inputs") == []  # no such folder
    assert store.names("HEAD", "documents/process.yaml") == []  # a file, not a folder


@pytest.mark.usefixtures("no_user_config")
def test_the_git_user_is_the_repository_s_own(history: History) -> None:
    store = Store(history.path)
    assert store.user() is None
    store.set_user("ISU", "isu@example.org")
    assert store.user() == "ISU" and Store(history.path).user() == "ISU"


def test_a_file_on_disk_is_committed_only_when_head_holds_it_byte_for_byte(history: History, tmp_path: Path) -> None:
    store = Store(history.path)
    head = str(history.head)
    write_files(history.path, {RD: edit(history.files, RD, "adopted in Dublin", "adopted at Dublin")})
    assert store.committed_as(history.path / RD) == head
    write_files(history.path, {RD: b"edited on disk\n", "documents/notes.yaml": b"new: file\n"})
    assert store.committed_as(history.path / RD) is None  # an uncommitted edit
    assert store.committed_as(history.path / "documents" / "notes.yaml") is None  # not in HEAD
    assert store.committed_as(history.path / "documents" / "missing.yaml") is None  # not on disk
    (tmp_path / "elsewhere.yaml").write_text("x: 1\n", "utf-8")
    assert store.committed_as(tmp_path / "elsewhere.yaml") is None  # outside the repository
    unborn = init_repo(tmp_path / "new")
    write_files(tmp_path / "new", {RD: b"x\n"})
    assert Store(unborn.workdir).committed_as(tmp_path / "new" / RD) is None  # no commit yet


def test_find_document_answers_none_for_a_document_that_is_not_there(history: History) -> None:
    store = Store(history.path)
    assert store.find_document("HEAD", "annual-report") is None
    assert store.find_document("HEAD", "review-document") == store.document("HEAD", "review-document")


def test_documents_that_are_a_file_or_a_folder_named_like_one_hold_nothing(history: History) -> None:
    folder = commit(history.repo, {"documents/old.yaml/notes.md": "kept aside"}, "A folder", branch=None,
                    parents=[history.base])
    assert [f.path for f in Store(history.path).snapshot(str(folder)).files] == [LAP, PD, PROCESS, RD, REGISTRY]
    flat = commit(history.repo, {"documents": "not a folder"}, "A file", branch=None, parents=[])
    assert Store(history.path).snapshot(str(flat)) == Snapshot((), ())
