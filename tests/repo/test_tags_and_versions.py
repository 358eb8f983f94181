"""Versions and papers in git: releasing, tagging, finding a version, moving a branch, the status record; each
refusal says what to do."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pygit2
import pytest
from gitutil import commit, init_repo, instance_files, tag

from ccmflow.core.errors import FatalError
from ccmflow.repo.release import release
from ccmflow.repo.releases import advance_branch, tag_paper, tags_of
from ccmflow.repo.statusref import STATUS_FILE, protected_touches, read_status, status_ref
from ccmflow.repo.store import Store
from ccmflow.repo.treeedit import commit_files
from ccmflow.repo.versions import find_version

DOC = "review-document"
PATH = "documents/review-document.yaml"
WHEN = datetime(2020, 11, 25, 16, 0, tzinfo=UTC)


@pytest.fixture
def repo(tmp_path: Path) -> pygit2.Repository:
    repo = init_repo(tmp_path)
    commit(repo, instance_files(), "zero drafts")
    return repo


def test_release_needs_a_branch_a_known_document_and_a_tag_not_taken(repo: pygit2.Repository) -> None:
    store = Store(repo.workdir)
    with pytest.raises(FatalError, match="no document 'annual-report' \\(known: lausanne-action-plan, "):
        release(store, "annual-report", "consolidated")
    tag(repo, f"{DOC}/consolidated", repo.head.target)
    with pytest.raises(FatalError, match="review-document/consolidated exists already; a released version is never"):
        release(store, DOC, "consolidated")
    repo.set_head(repo.head.target)  # detached
    with pytest.raises(FatalError, match="HEAD is not on a branch: check out the branch to release on"):
        release(store, DOC, "final")


def test_a_release_in_a_repository_without_a_work_tree_commits_and_tags(repo: pygit2.Repository,
                                                                        tmp_path: Path) -> None:
    bare = pygit2.clone_repository(repo.workdir, str(tmp_path / "bare.git"), bare=True)
    made = release(Store(bare.path), DOC, "consolidated", "2020-05-15")
    assert made.committed and not made.work_tree and made.tag == f"{DOC}/consolidated"
    assert Store(bare.path).document(made.tag, DOC).version == "consolidated"


def test_papers_are_tagged_once_and_listed_in_the_order_issued(repo: pygit2.Repository) -> None:
    store = Store(repo.workdir)
    head = str(repo.head.target)
    tag(repo, f"{DOC}/zero-draft", repo.head.target)  # a lightweight tag: no tagger, no time
    paper = tag_paper(store, DOC, "facilitator-1", "HEAD", "Facilitator's text\n", "ie-facilitator", WHEN)
    assert (paper.name, paper.commit, paper.when, paper.by) == ("facilitator-1", head, WHEN, "ie-facilitator")
    listed = tags_of(store, DOC)
    assert [(t.name, t.when, t.by, t.message) for t in listed] == [
        ("zero-draft", None, None, ""), ("facilitator-1", WHEN, "ie-facilitator", "Facilitator's text")]
    with pytest.raises(FatalError, match="review-document/facilitator-1 exists already; a released paper is never"):
        tag_paper(store, DOC, "facilitator-1", "HEAD", "Again\n", "ie-facilitator", WHEN)
    with pytest.raises(FatalError, match="'nowhere' is not a commit of this repository"):
        tag_paper(store, DOC, "facilitator-2", "nowhere", "Lost\n", "ie-facilitator", WHEN)


def test_a_branch_not_checked_out_moves_without_touching_the_work_tree(repo: pygit2.Repository) -> None:
    store = Store(repo.workdir)
    base = str(repo.head.target)
    repo.references.create("refs/heads/facilitation", repo.head.target)
    ahead = commit_files(store, base, {"documents/notes.md": b"A facilitator's notes.\n"}, "notes")
    advance_branch(store, "facilitation", ahead)
    assert str(repo.references["refs/heads/facilitation"].target) == ahead
    assert str(repo.head.target) == base and not (Path(repo.workdir) / "documents" / "notes.md").exists()


def test_a_version_is_found_at_its_first_commit_even_past_commits_that_change_no_document(
        repo: pygit2.Repository) -> None:
    commit(repo, {"README.md": "Drafting.\n"}, "readme")  # the same documents tree as the zero drafts
    text = instance_files()[PATH].decode("utf-8").replace("  version: zero-draft", "  version: consolidated", 1)
    consolidated = str(commit(repo, {PATH: text}, "consolidated"))
    commit(repo, {"README.md": "Drafting, still.\n"}, "readme again")
    found = find_version(Store(repo.workdir), DOC, "consolidated")
    assert found.rev == consolidated and "no tag review-document/consolidated here" in (found.note or "")


def test_in_a_repository_without_commits_a_version_names_nothing(tmp_path: Path) -> None:
    init_repo(tmp_path)
    store = Store(tmp_path)
    assert find_version(store, DOC, "zero-draft").rev == "zero-draft"
    with pytest.raises(FatalError, match="unknown revision 'zero-draft'"):
        store.document("zero-draft", DOC)


@pytest.mark.usefixtures("no_user_config")
def test_without_a_git_user_commits_are_ccmflow_s(repo: pygit2.Repository) -> None:
    store = Store(repo.workdir)
    made = commit_files(store, str(repo.head.target), {"documents/notes.md": b"x\n"}, "notes")
    assert store.commit(made).author == "ccmflow"


def test_a_damaged_status_record_stops_with_what_to_do(repo: pygit2.Repository) -> None:
    store = Store(repo.workdir)
    assert read_status(store, DOC).entries == ()
    repo.references.create(status_ref(DOC), commit(repo, {STATUS_FILE: json.dumps({"entries": [{"paragraph": 5}]})},
                                                   "damaged", branch=None, parents=[]))
    with pytest.raises(FatalError, match=r"refs/ccmflow/status/review-document does not read as a status record \("):
        read_status(store, DOC)
    assert protected_touches(store, None, store.document("HEAD", DOC)) == ()  # a new document: nothing agreed
