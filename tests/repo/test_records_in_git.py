"""Input records and translations read out of git: only the files that are what they claim, never links; and an
input named the ways a person names it."""

from __future__ import annotations

from pathlib import Path

import pygit2
import pytest
from gitutil import Link, commit, init_repo, instance_files

from ccmflow.core.errors import FatalError
from ccmflow.repo.inputfiles import input_files, input_files_since_base
from ccmflow.repo.inputref import resolve_input
from ccmflow.repo.store import Store
from ccmflow.repo.translationfiles import tree_translation_files

INPUTS = "documents/inputs/review-document"
RECORD = "input:\n  id: {id}\n  document: review-document\n  kind: remark\n  on_behalf_of: [austria]\n  remark: x\n"
FRENCH = "documents/translations/fr/political-declaration.yaml"


@pytest.fixture
def repo(tmp_path: Path) -> pygit2.Repository:
    return init_repo(tmp_path)


def test_an_input_branch_brings_only_its_own_records(repo: pygit2.Repository) -> None:
    base = commit(repo, {**instance_files(), f"{INPUTS}/old-1.yaml": RECORD.format(id="old-1")}, "with a record")
    head = commit(repo, {
        f"{INPUTS}/new-2.yaml": RECORD.format(id="new-2"),  # the input's record
        f"{INPUTS}/old-1.yaml": None,  # a record it deletes is no record of its own
        f"{INPUTS}/README.md": "Inputs received by e-mail.\n",  # not a record
        f"{INPUTS}/linked-3.yaml": Link("/etc/passwd"),  # never followed
        "documents/inputs/deeper/x/y.yaml": RECORD.format(id="y"),  # not where a record goes
    }, "input", branch=None, parents=[base])
    store = Store(repo.workdir)
    assert [f.path for f in input_files_since_base(store, str(base), str(head))] == [f"{INPUTS}/new-2.yaml"]
    assert [f.path for f in input_files(store, str(head))] == [f"{INPUTS}/new-2.yaml"]
    assert input_files_since_base(store, str(base), None) == ()
    assert input_files_since_base(store, str(base), "0" * 40) == ()  # a head that is not here


def test_a_head_without_records_has_none_whatever_its_history(repo: pygit2.Repository) -> None:
    base = commit(repo, instance_files(), "base")
    unrelated = commit(repo, {"README.md": "no shared history, no inputs folder\n"}, "other", branch=None, parents=[])
    store = Store(repo.workdir)
    assert input_files_since_base(store, str(base), str(unrelated)) == ()
    with_record = commit(repo, {f"{INPUTS}/new-2.yaml": RECORD.format(id="new-2")}, "other", branch=None,
                         parents=[unrelated])  # no merge base: every record of the head is its own
    assert [f.path for f in input_files_since_base(store, str(base), str(with_record))] == [f"{INPUTS}/new-2.yaml"]
    with pytest.raises(FatalError):  # an unknown base is an error, as ever, records or none
        input_files_since_base(store, "no-such-branch", str(unrelated))


def test_inputs_that_are_a_file_hold_no_records(repo: pygit2.Repository) -> None:
    base = commit(repo, {**instance_files(), "documents/inputs": "not a folder\n"}, "odd")
    assert input_files(Store(repo.workdir), str(base)) == ()


def test_translations_in_git_are_the_regular_files_one_folder_deep(repo: pygit2.Repository) -> None:
    files = instance_files()
    assert FRENCH in files
    without = commit(repo, {p: raw for p, raw in files.items() if "/translations/" not in p}, "no translations")
    store = Store(repo.workdir)
    assert tree_translation_files(store, str(without)) == []
    spanish = "documents/translations/es"
    odd = commit(repo, {FRENCH: files[FRENCH], "documents/translations/README.md": "How to translate.\n",
                        f"{spanish}/political-declaration.yaml": Link("../fr/political-declaration.yaml"),
                        f"{spanish}/old/political-declaration.yaml": files[FRENCH]}, "odd")
    assert [f.path for f in tree_translation_files(store, str(odd))] == [FRENCH]


def test_an_input_is_named_by_number_ref_or_branch(repo: pygit2.Repository) -> None:
    base = commit(repo, instance_files(), "zero drafts")
    head = commit(repo, {f"{INPUTS}/x-1.yaml": RECORD.format(id="x-1")}, "input", branch="chile-input",
                  parents=[base])
    repo.references.create("refs/pull/3/head", head)
    store = Store(repo.workdir)
    for token in ("pr-3", "3", "#3", "refs/pull/3/head"):
        found = resolve_input(store, token)
        assert (found.name, found.number, found.source, found.head) == ("pr-3", 3, "pull", str(head)), token
    branch = resolve_input(store, "chile-input")
    assert (branch.name, branch.ref, branch.source) == ("chile-input", "refs/heads/chile-input", "branch")
    with pytest.raises(FatalError, match=r"input pr-4: no refs/pull/4/head here \(fetch the inputs first"):
        resolve_input(store, "pr-4")
    with pytest.raises(FatalError, match="input peru-input: not pr-<n>, a number, a branch or a revision"):
        resolve_input(store, "peru-input")
