"""Fetching from and pushing to origin (a bare repository in a temporary folder, over a file path): what arrives,
and each way a transfer fails, in words the run prints."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pygit2
import pytest
from gitutil import commit, instance_files

from ccmflow.core.errors import FatalError
from ccmflow.repo.branches import commit_on_new_branch, publish_branch
from ccmflow.repo.fetch import fetch, push
from ccmflow.repo.prinput import ensure_heads
from ccmflow.repo.store import Store

DOC = "documents/review-document.yaml"


@dataclass(frozen=True, slots=True)
class Remote:
    origin: pygit2.Repository  # bare, as GitHub holds it
    path: Path
    store: Store  # a clone of it, as the Actions checkout is
    base: str


@pytest.fixture
def remote(tmp_path: Path) -> Remote:
    origin = pygit2.init_repository(str(tmp_path / "origin.git"), bare=True, initial_head="main")
    base = str(commit(origin, instance_files(), "zero drafts"))
    pygit2.clone_repository(str(tmp_path / "origin.git"), str(tmp_path / "checkout"))
    return Remote(origin, tmp_path / "origin.git", Store(tmp_path / "checkout"), base)


def _input(remote: Remote, number: int, words: str) -> str:
    """A pull request's head as GitHub keeps it in origin: refs/pull/<n>/head."""
    text = instance_files()[DOC].decode("utf-8").replace("The First Review Conference", words, 1)
    sha = commit(remote.origin, {DOC: text}, f"input {number}", branch=None, parents=[remote.base])
    remote.origin.references.create(f"refs/pull/{number}/head", sha)
    return str(sha)


def test_fetch_brings_the_inputs_and_ccmflow_refs(remote: Remote) -> None:
    sha = _input(remote, 7, "The first Review Conference")
    remote.origin.references.create("refs/ccmflow/ledger", pygit2.Oid(hex=remote.base))
    assert fetch(remote.store, None) is None
    assert remote.store.refs("refs/pull/*/head") == {"refs/pull/7/head": sha}
    assert remote.store.refs("refs/ccmflow/*") == {"refs/ccmflow/ledger": remote.base}


def test_fetch_says_why_it_could_not(remote: Remote) -> None:
    shutil.rmtree(remote.path)
    reason = fetch(remote.store, None)
    assert reason is not None and reason.startswith("could not fetch from origin: ")
    remote.store._repo.remotes.delete("origin")
    assert fetch(remote.store, None) == "no 'origin' remote"


def test_push_publishes_refs(remote: Remote) -> None:
    push(remote.store, None, [])  # nothing to push: no remote is asked
    made = commit_on_new_branch(remote.store, remote.base, {"README.md": "Drafting the review.\n"}, "readme",
                                "ccmflow-readme")
    push(remote.store, None, ["refs/heads/ccmflow-readme:refs/heads/ccmflow-readme"])
    assert str(remote.origin.references["refs/heads/ccmflow-readme"].target) == made


def test_a_push_origin_refuses_stops_the_run_with_the_reason(remote: Remote) -> None:
    made = commit_on_new_branch(remote.store, remote.base, {"README.md": "One.\n"}, "one", "ccmflow-one")
    # Another push is writing the same ref on origin at this moment.
    (remote.path / "refs" / "heads" / "ccmflow-one.lock").write_text("", "utf-8")
    with pytest.raises(FatalError, match=r"^origin refused: refs/heads/ccmflow-one: failed to lock"):
        push(remote.store, None, ["refs/heads/ccmflow-one:refs/heads/ccmflow-one"])
    (remote.path / "refs" / "heads" / "ccmflow-one.lock").unlink()
    # Origin moved on meanwhile: a push that is no fast-forward is refused by git itself.
    commit(remote.origin, {"README.md": "Origin's.\n"}, "origin's", branch="ccmflow-one", parents=[remote.base])
    with pytest.raises(FatalError, match=r"^could not push to origin: "):
        push(remote.store, None, ["refs/heads/ccmflow-one:refs/heads/ccmflow-one"])
    assert str(remote.origin.references["refs/heads/ccmflow-one"].target) != made
    remote.store._repo.remotes.delete("origin")
    with pytest.raises(FatalError, match=r"^no 'origin' remote to push refs/heads/ccmflow-one:refs/heads/ccmflow-one"):
        push(remote.store, None, ["refs/heads/ccmflow-one:refs/heads/ccmflow-one"])


def test_missing_pull_request_heads_are_fetched_and_the_gone_ones_named(remote: Remote) -> None:
    here = _input(remote, 3, "The first Review Conference")
    gone = "0123456789abcdef0123456789abcdef01234567"
    assert not remote.store.has_commit(here)
    assert ensure_heads(remote.store, {3: here, 4: gone}, None) == {4}
    assert remote.store.has_commit(here)
    assert ensure_heads(remote.store, {3: here}, None) == set()  # all here: origin is not asked


def test_fetching_pull_request_heads_fails_with_the_reason(remote: Remote) -> None:
    sha = _input(remote, 3, "The first Review Conference")
    shutil.rmtree(remote.path)
    with pytest.raises(FatalError, match=r"^could not fetch pull request heads from 'origin': "):
        ensure_heads(remote.store, {3: sha}, None)
    remote.store._repo.remotes.delete("origin")
    with pytest.raises(FatalError, match=r"^no 'origin' remote to fetch pull request heads from"):
        ensure_heads(remote.store, {3: sha}, None)


def test_a_published_branch_is_pushed_once_per_change(remote: Remote) -> None:
    files = {"documents/inputs/review-document/input-1.yaml": "input: {}\n"}
    first = publish_branch(remote.store, remote.base, files, "input 1", "ccmflow-input-1", None)
    assert first is not None and str(remote.origin.references["refs/heads/ccmflow-input-1"].target) == first
    assert publish_branch(remote.store, remote.base, files, "input 1 again", "ccmflow-input-1", None, first) is None
    edited = {path: "input: {edited: true}\n" for path in files}
    second = publish_branch(remote.store, remote.base, edited, "input 1 edited", "ccmflow-input-1", None, first)
    assert second not in (None, first)
    assert str(remote.origin.references["refs/heads/ccmflow-input-1"].target) == second


def test_a_new_branch_needs_a_valid_and_unused_name(remote: Remote) -> None:
    with pytest.raises(FatalError, match="'two words' is not a valid branch name"):
        commit_on_new_branch(remote.store, remote.base, {"README.md": "x\n"}, "x", "two words")
    commit_on_new_branch(remote.store, remote.base, {"README.md": "x\n"}, "x", "taken")
    with pytest.raises(FatalError, match="the branch 'taken' exists already"):
        commit_on_new_branch(remote.store, remote.base, {"README.md": "y\n"}, "y", "taken")
