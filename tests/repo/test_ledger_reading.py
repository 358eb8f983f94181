"""The ledger and freeze manifests as later versions or a damaged ref may leave them: read, never a crash."""

from __future__ import annotations

import json
from pathlib import Path

import pygit2
import pytest
from gitutil import commit, init_repo, instance_files

from ccmflow.core.errors import FatalError
from ccmflow.core.record import PullState
from ccmflow.repo.ledger import LEDGER_FILE, LEDGER_REF, MANIFEST_FILE, manifest_ref, read_ledger, read_manifest
from ccmflow.repo.store import Store

ENTRY = {"number": 4, "title": "Chile", "body": "", "author_id": 60418273, "author_login": "chile-mission",
         "created_at": "2020-04-20T10:00:00+00:00", "head_sha": "a" * 40}
FROZEN = {"number": 4, "sha": "a" * 40, "latest_sha": "a" * 40, "received": "2020-04-20T10:00:00+00:00",
          "author_id": 60418273, "author_login": "chile-mission", "stakeholder": "chile", "late": False}


def _ref(repo: pygit2.Repository, ref: str, files: dict[str, str]) -> None:
    repo.references.create(ref, commit(repo, files, "state", branch=None, parents=[]))


def _store(tmp_path: Path) -> tuple[pygit2.Repository, Store]:
    repo = init_repo(tmp_path)
    commit(repo, instance_files(), "zero drafts")
    return repo, Store(tmp_path)


def test_a_state_this_version_does_not_know_reads_as_open(tmp_path: Path) -> None:
    repo, store = _store(tmp_path)
    _ref(repo, LEDGER_REF, {LEDGER_FILE: json.dumps({"inputs": [{**ENTRY, "state": "locked"},
                                                                {**ENTRY, "number": 5, "state": "merged"}]})})
    ledger = read_ledger(store)
    assert [(e.number, e.state) for e in ledger.inputs] == [(4, PullState.OPEN), (5, PullState.MERGED)]


def test_a_frozen_record_that_does_not_read_is_built_again(tmp_path: Path) -> None:
    repo, store = _store(tmp_path)
    manifest = {"schema": 2, "window": "review-zero-draft-input", "deadline": "2020-05-04T21:59:59+00:00",
                "frozen_at": "2020-05-05T06:00:00+00:00", "inputs": [{**FROZEN, "record": {"written by": "a newer"}}]}
    _ref(repo, manifest_ref("review-zero-draft-input"), {MANIFEST_FILE: json.dumps(manifest)})
    found = read_manifest(store, "review-zero-draft-input")
    assert found is not None
    (frozen,) = found.inputs
    assert (frozen.number, frozen.sha, frozen.record) == (4, "a" * 40, None)


def test_a_ledger_ref_without_its_file_reads_as_empty(tmp_path: Path) -> None:
    repo, store = _store(tmp_path)
    _ref(repo, LEDGER_REF, {f"{LEDGER_FILE}/misplaced.json": "{}"})  # a folder where the file should be
    assert read_ledger(store).inputs == ()
    assert read_manifest(store, "review-zero-draft-input") is None  # no manifest at all


@pytest.mark.parametrize("text", ["{not json", '{"inputs": [{"number": "four"}]}', b'{"inputs": "\xff"}'])
def test_a_ledger_that_does_not_read_stops_with_the_ref_and_the_fix(tmp_path: Path, text: str | bytes) -> None:
    repo, store = _store(tmp_path)
    _ref(repo, LEDGER_REF, {LEDGER_FILE: text})
    with pytest.raises(FatalError, match=r"refs/ccmflow/ledger does not read as the record ccmflow wrote there "
                                         r"\(inputs\.json\); fetch it again from origin"):
        read_ledger(store)


def test_a_manifest_that_does_not_read_stops_with_the_ref_and_the_fix(tmp_path: Path) -> None:
    repo, store = _store(tmp_path)
    ref = manifest_ref("review-zero-draft-input")
    _ref(repo, ref, {MANIFEST_FILE: json.dumps({"window": "review-zero-draft-input", "deadline": "soon"})})
    with pytest.raises(FatalError, match=f"{ref} does not read as the record") as raised:
        read_manifest(store, "review-zero-draft-input")
    assert f"git fetch origin '+{ref}:{ref}'" in str(raised.value)
