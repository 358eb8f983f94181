"""What one input does to the document, as the summary's examiner finds it: inputs git cannot compare, inputs
that change other files too, and what its cache gives back."""

from __future__ import annotations

import json

import pygit2
from gitutil import commit, instance_files, signature
from inputkit import REVIEW, Process, utc

from ccmflow.compare.diff import ChangeKind
from ccmflow.inputs.collect import Inputs, collect
from ccmflow.inputs.examine import cache_path
from ccmflow.inputs.summary import build

AFTER = utc(5, 8)
DOC = "review-document"


def _collect(proc: Process) -> Inputs:
    return collect(proc.store, DOC, now=AFTER)


def _without_the_document(proc: Process) -> str:
    """A commit on the base that deletes documents/review-document.yaml."""
    repo = proc.repo
    root = repo[proc.base].peel(pygit2.Commit).tree
    documents = repo.TreeBuilder(repo[root["documents"].id])
    documents.remove("review-document.yaml")
    top = repo.TreeBuilder(root)
    top.insert("documents", documents.write(), pygit2.GIT_FILEMODE_TREE)
    sig = signature()
    return str(repo.create_commit(None, sig, sig, "delete the document", top.write(), [proc.base]))


def test_inputs_git_cannot_compare_are_kept_and_flagged(proc: Process) -> None:
    """An input with no history in common with the base, and one that deletes the document: listed as invalid,
    each with the reason, never dropped."""
    orphan = commit(proc.repo, {**instance_files(), REVIEW: proc.text().replace("[number] States have",
                                                                               "twelve States have", 1)},
                    "from elsewhere", branch=None, parents=[])
    proc.pull(1, str(orphan))
    proc.pull(2, _without_the_document(proc))
    collected = _collect(proc)
    first, second = collected.inputs
    assert first.diff is None and [f.message for f in first.findings] == [
        "the input shares no history with the base branch"]
    assert second.diff is not None and second.findings
    assert {c.change for c in second.diff.changes} == {ChangeKind.REMOVED}
    assert len(second.diff.changes) == len(list(collected.workspace.documents[DOC].walk()))
    summary = build(collected)
    assert [i.input for i in summary.invalid] == ["pr-1", "pr-2"]
    assert summary.invalid[0].problems == ("documents/review-document.yaml:1:1: the input shares no history with the "
                                           "base branch (fix: open it from the base branch)",)


def test_an_input_that_changes_another_file_too_is_read_whole(proc: Process) -> None:
    """git's hunks of the document alone cannot say whether the input is valid when it changes another file: the
    input is read whole, and its change is the same as the document's hunks give."""
    amended = proc.text().replace("[number] States have", "ten States have", 1)
    alone = commit(proc.repo, {REVIEW: amended}, "alone", branch=None, parents=[proc.base])
    stakeholders = "documents/stakeholders.yaml"
    both = commit(proc.repo, {REVIEW: amended, stakeholders: proc.text(stakeholders) + "\n"}, "two files",
                  branch=None, parents=[proc.base])
    proc.pull(1, str(alone))
    proc.pull(2, str(both))
    one, two = _collect(proc).inputs
    assert one.examined.fast and not two.examined.fast
    assert one.diff is not None and two.diff is not None and one.diff.changes == two.diff.changes
    assert [(c.id, c.change) for c in two.diff.changes] == [("pkp3nvcv", ChangeKind.MODIFIED)]


def test_document_level_changes_come_back_from_the_cache(proc: Process) -> None:
    """A change to what the document informs is kept in the cache as JSON lists and read back as it was made."""
    text = proc.text().replace("informs: [lausanne-action-plan]",
                               "informs: [lausanne-action-plan, political-declaration]", 1)
    proc.submit(1, "austria", text, utc(4, 20))
    proc.sync()
    cold = _collect(proc)
    warm = _collect(proc)
    assert (cold.computed, warm.computed) == (1, 0)
    (item,) = warm.inputs
    assert item.diff is not None and dict(item.diff.meta) == {
        "informs": (("lausanne-action-plan",), ("lausanne-action-plan", "political-declaration"))}
    assert warm.inputs == cold.inputs


def test_a_cache_entry_that_does_not_read_is_computed_again(proc: Process) -> None:
    proc.submit(1, "austria", proc.text().replace("[number] States have", "ten States have", 1), utc(4, 20))
    proc.sync()
    cold = _collect(proc)
    path = cache_path(proc.store, DOC)
    head, line = path.read_text("utf-8").splitlines()
    sha, _ = json.loads(line)
    path.write_text(f"{head}\n{json.dumps([sha, {'merge_base': None}])}\n", "utf-8")
    again = _collect(proc)
    assert again.computed == 1 and again.inputs == cold.inputs


def test_whether_a_version_is_here_is_asked_of_git_once(proc: Process) -> None:
    from ccmflow.inputs.examine import Examiner
    from ccmflow.inputs.records import GitVersions

    store = proc.store
    examiner = Examiner(store, store.require(str(proc.base)).documents[DOC], str(proc.base))
    asked: list[str] = []
    store_has = store.has_commit
    store.has_commit = lambda sha: asked.append(sha) or store_has(sha)  # type: ignore[method-assign]
    versions = GitVersions(store, examiner)
    absent = "0" * 40
    assert [versions.present(sha) for sha in (str(proc.base), absent, str(proc.base), absent)] == [
        True, False, True, False]
    assert asked == [str(proc.base), absent]
