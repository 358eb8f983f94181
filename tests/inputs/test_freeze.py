"""Freezing a window: refs for on-time heads and a manifest, the same whenever it runs and however often."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import datetime, timedelta
from pathlib import Path

import pygit2
import pytest
from inputkit import DEADLINE, WINDOW, Process, append, utc
from msgspec.structs import replace

from ccmflow.core.errors import FatalError
from ccmflow.core.status import Verdict
from ccmflow.core.submissions import SubmissionLog
from ccmflow.inputs.collect import collect
from ccmflow.inputs.freeze import due, freeze, freeze_report
from ccmflow.main import main
from ccmflow.repo.ledger import FrozenInput, Manifest, freeze_ref, manifest_ref, read_manifest, write_manifest


def _scenario(path: Path) -> Process:
    """Three inputs before the deadline; pr-2 amended twice, the second time a minute before it."""
    proc = Process(path)
    proc.submit(1, "austria", append("pkp3nvcv", "Austria."), utc(4, 20))
    proc.submit(2, "chile", append("pc2cyt73", "Chile, first."), utc(4, 25))
    proc.submit(2, "chile", append("pc2cyt73", "Chile, second."), DEADLINE - timedelta(minutes=1))
    proc.submit(3, "icrc", append("pvs7vs65", "ICRC."), utc(5, 1))
    return proc


def _freeze(proc: Process, minutes_after: float) -> tuple[object, dict[str, str]]:
    ledger = proc.sync()

    manifest = freeze(proc.store, WINDOW, ledger, DEADLINE + timedelta(minutes=minutes_after))
    refs = {r: str(proc.repo.references[r].target) for r in proc.repo.references
            if r.startswith(f"refs/ccmflow/{WINDOW}/") and not r.endswith("/manifest")}
    return manifest.inputs, refs


def _late_events(proc: Process) -> None:
    """What happens after the deadline: a force-push to pr-1, a new version of pr-2, a new input pr-4."""
    proc.submit(1, "austria", append("pkp3nvcv", "Rewritten after the deadline."), utc(5, 5, 9))
    proc.submit(2, "chile", append("pc2cyt73", "Chile, late."), utc(5, 5, 10))
    proc.submit(4, "mexico", append("pk7j2ndw", "Mexico, late."), utc(5, 6))


def test_a_late_freeze_gives_the_same_result(tmp_path: Path) -> None:
    punctual = _scenario(tmp_path / "punctual")
    on_time = _freeze(punctual, 5)
    late = _scenario(tmp_path / "late")
    _late_events(late)  # the scheduled run was skipped; these happened before the next one
    assert _freeze(late, 3 * 24 * 60) == on_time
    inputs, refs = on_time
    assert [i.number for i in inputs] == [1, 2, 3]  # type: ignore[attr-defined]
    assert set(refs) == {freeze_ref(WINDOW, n) for n in (1, 2, 3)}


def test_the_second_version_before_the_deadline_is_the_one_frozen(tmp_path: Path) -> None:
    proc = _scenario(tmp_path)
    inputs, refs = _freeze(proc, 5)
    assert refs[freeze_ref(WINDOW, 2)] == proc.records[2].log.receipts[-1].sha
    assert all(not i.late for i in inputs)  # type: ignore[attr-defined]


def test_running_twice_changes_nothing(tmp_path: Path) -> None:
    proc = _scenario(tmp_path)
    _freeze(proc, 5)
    manifest_commit = proc.repo.references[manifest_ref(WINDOW)].target
    _late_events(proc)
    ledger = proc.sync()

    report = freeze_report(proc.store, WINDOW, ledger, utc(5, 9))
    assert not report.changed and report.created == ()
    assert proc.repo.references[manifest_ref(WINDOW)].target == manifest_commit
    manifest = read_manifest(proc.store, WINDOW)
    assert manifest is not None and manifest.frozen_at == DEADLINE + timedelta(minutes=5)


def test_a_force_push_after_the_freeze_is_shown_as_a_late_change(tmp_path: Path) -> None:
    proc = _scenario(tmp_path)
    _freeze(proc, 5)
    frozen = str(proc.repo.references[freeze_ref(WINDOW, 1)].target)
    _late_events(proc)
    proc.sync()
    collected = collect(proc.store, "review-document", now=utc(5, 8))
    first = next(i for i in collected.inputs if i.name == "pr-1")
    assert (first.sha, first.timing, first.frozen) == (frozen, Verdict.ON_TIME, True)
    assert first.later == proc.records[1].head_sha
    assert "Austria." in first.diff.changes[0].new.text  # type: ignore[union-attr]
    assert "Rewritten" not in first.diff.changes[0].new.text  # type: ignore[union-attr]
    late = next(i for i in collected.inputs if i.name == "pr-4")
    assert late.timing == Verdict.LATE


def test_a_deleted_fork_leaves_the_frozen_version(tmp_path: Path) -> None:
    proc = _scenario(tmp_path)
    _freeze(proc, 5)
    frozen = str(proc.repo.references[freeze_ref(WINDOW, 3)].target)
    proc.repo.references.delete("refs/pull/3/head")
    if shutil.which("git"):  # unreachable objects would go; the frozen ref keeps this one
        subprocess.run(["git", "-C", str(proc.path), "gc", "--quiet", "--prune=now"], check=True)
    collected = collect(proc.store, "review-document", now=utc(5, 8))
    third = next(i for i in collected.inputs if i.name == "pr-3")
    assert third.sha == frozen and third.head is None and third.timing == Verdict.ON_TIME


def test_refused_before_the_deadline_and_without_one(tmp_path: Path) -> None:
    proc = _scenario(tmp_path)
    ledger = proc.sync()
    process = proc.store.require(proc.base).process
    with pytest.raises(FatalError, match="open until 4 May 2020, 23:59:59 CEST"):
        freeze(proc.store, WINDOW, ledger, DEADLINE)
    with pytest.raises(FatalError, match="to be announced"):
        freeze(proc.store, "review-consolidated-input", ledger, utc(12, 1))
    with pytest.raises(FatalError, match="no window 'nope'"):
        freeze(proc.store, "nope", ledger, utc(12, 1))
    assert [w.id for w in due(process, utc(5, 5))] == [WINDOW]


def test_an_on_time_commit_missing_here_is_reported(tmp_path: Path) -> None:
    proc = _scenario(tmp_path)
    ghost = "0123456789abcdef0123456789abcdef01234567"
    record = proc.records[3]
    proc.records[3] = replace(record, state="open", head_sha=ghost,
                              log=SubmissionLog(3).record(ghost, utc(5, 2), "event"))
    ledger = proc.sync()

    report = freeze_report(proc.store, WINDOW, ledger, utc(5, 5))
    assert report.unavailable == (3,) and freeze_ref(WINDOW, 3) not in proc.repo.references
    assert read_manifest(proc.store, WINDOW).get(3).sha == ghost  # type: ignore[union-attr]


def test_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    proc = _scenario(tmp_path)
    proc.sync()
    assert main(["freeze", WINDOW, "-C", str(proc.path), "--at", "2020-05-05T00:05", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["changed"] and len(data["created"]) == 3 and data["window"] == WINDOW
    assert main(["freeze", WINDOW, "-C", str(proc.path), "--now", "2020-05-06T00:05"]) == 0
    assert "already frozen, nothing changed" in capsys.readouterr().out
    assert main(["freeze", WINDOW, "-C", str(proc.path), "--now", "2020-05-04T12:00"]) == 2
    assert isinstance(proc.repo.references[freeze_ref(WINDOW, 1)].peel(pygit2.Commit), pygit2.Commit)


def test_cli_refuses_to_freeze_without_the_inputs_ledger(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    proc = _scenario(tmp_path)  # refs/pull/* are here, but no refs/ccmflow/ledger (a clone that did not fetch it)
    assert main(["freeze", WINDOW, "-C", str(proc.path), "--at", "2020-05-05T00:05"]) == 2
    err = capsys.readouterr().err
    assert "no inputs ledger here (refs/ccmflow/ledger)" in err and "'refs/ccmflow/*:refs/ccmflow/*'" in err
    assert manifest_ref(WINDOW) not in proc.repo.references


def test_redo_builds_the_manifest_again_and_keeps_frozen_refs(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    proc = _scenario(tmp_path)
    second = proc.records[2].log.receipts[-1].sha
    first = proc.records[2].log.receipts[0].sha
    proc.sync()
    # A freeze made from a stale ledger: it knew only pr-1, and pr-2's first version.
    stale = proc.records.copy()
    proc.records = {1: stale[1], 2: replace(stale[2], log=SubmissionLog(2).record(first, utc(4, 25), "event"))}
    proc.sync()
    assert main(["freeze", WINDOW, "-C", str(proc.path), "--at", "2020-05-05T00:05"]) == 0
    assert str(proc.repo.references[freeze_ref(WINDOW, 2)].target) == first
    proc.records = stale
    proc.sync()
    capsys.readouterr()
    assert main(["freeze", WINDOW, "-C", str(proc.path), "--at", "2020-05-06T10:00", "--redo", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["frozen_at"].startswith("2020-05-06T08:00") and data["kept"] == [2]
    assert [i["number"] for i in data["inputs"]] == [1, 2, 3] and data["created"] == [freeze_ref(WINDOW, 3)]
    assert str(proc.repo.references[freeze_ref(WINDOW, 2)].target) == first  # the first freeze wins
    assert main(["freeze", WINDOW, "-C", str(proc.path), "--at", "2020-05-06T10:00", "--redo"]) == 0
    assert "git update-ref -d refs/ccmflow/review-zero-draft-input/pr-2" in capsys.readouterr().out
    proc.repo.references.delete(freeze_ref(WINDOW, 2))  # as the presidency would, to freeze it again
    assert main(["freeze", WINDOW, "-C", str(proc.path), "--at", "2020-05-06T10:00", "--redo", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["kept"] == []
    assert str(proc.repo.references[freeze_ref(WINDOW, 2)].target) == second


def test_a_manifest_written_before_records_is_read_and_migrated(tmp_path: Path) -> None:
    """Schema 1 entries (no record) are judged again at the frozen head by readers, and the next freeze run writes
    their records without moving a ref."""
    proc = _scenario(tmp_path)
    inputs, refs = _freeze(proc, 5)
    data = read_manifest(proc.store, WINDOW).as_json()  # type: ignore[union-attr]
    for item in data["inputs"]:  # type: ignore[union-attr]
        item.pop("record")  # what a manifest of schema 1 held
    data.pop("schema")
    old = Manifest(WINDOW, DEADLINE, DEADLINE + timedelta(minutes=5), tuple(_v1(i) for i in data["inputs"]))
    write_manifest(proc.store, old)
    assert all(i.record is None for i in read_manifest(proc.store, WINDOW).inputs)  # type: ignore[union-attr]
    collected = collect(proc.store, "review-document", now=utc(5, 8))
    assert [(i.name, i.sha, i.timing) for i in collected.inputs] == [
        (f"pr-{i.number}", i.sha, Verdict.ON_TIME) for i in inputs]  # type: ignore[attr-defined]
    report = freeze_report(proc.store, WINDOW, proc.sync(), utc(5, 9))
    assert report.changed and report.created == ()
    migrated = read_manifest(proc.store, WINDOW)
    assert migrated is not None and all(i.record is not None for i in migrated.inputs)
    assert [i.record.delegations for i in migrated.inputs] == [("austria",), ("chile",), ("icrc",)]  # type: ignore
    assert {r: str(proc.repo.references[r].target) for r in refs} == refs


def _v1(item: object) -> FrozenInput:
    data = dict(item)  # type: ignore[call-overload]
    return FrozenInput(number=data["number"], sha=data["sha"], latest_sha=data["latest_sha"],
                       received=datetime.fromisoformat(data["received"]), author_id=data["author_id"],
                       author_login=data["author_login"], stakeholder=data["stakeholder"], late=data["late"])


def test_entries_of_an_old_manifest_that_cannot_be_judged_again_are_kept_as_they_were(tmp_path: Path) -> None:
    """Schema 1 listed a late input without an on-time head, and pr-2's frozen head is missing from this clone (its
    fork deleted): the next freeze writes the other records, keeps those two entries as they were, makes no ref."""
    proc = _scenario(tmp_path)
    _freeze(proc, 5)
    data = read_manifest(proc.store, WINDOW).as_json()  # type: ignore[union-attr]
    for item in data["inputs"]:  # type: ignore[union-attr]
        item.pop("record")
    old = [_v1(i) for i in data["inputs"]]  # type: ignore[union-attr]
    gone = "0" * 40
    old[1] = replace(old[1], sha=gone, latest_sha=gone)
    late = FrozenInput(number=4, sha=None, latest_sha=gone, received=None, author_id=36184025,
                       author_login="mx-mission-geneva", stakeholder="mexico", late=True)
    write_manifest(proc.store, Manifest(WINDOW, DEADLINE, DEADLINE + timedelta(minutes=5), (*old, late)))
    refs = set(proc.repo.references)
    report = freeze_report(proc.store, WINDOW, proc.sync(), utc(5, 9))
    assert report.created == () and report.unavailable == () and set(proc.repo.references) == refs
    kept = read_manifest(proc.store, WINDOW)
    assert kept is not None
    assert [(i.number, i.sha, i.record is not None) for i in kept.inputs] == [
        (1, old[0].sha, True), (2, gone, False), (3, old[2].sha, True), (4, None, False)]


def test_an_input_judged_in_another_window_or_for_another_document_is_not_frozen(tmp_path: Path) -> None:
    """The bot pins the window an input was first judged in, per document: pr-2 was judged for the consolidated
    version's window, pr-3 only for the Action Plan; neither is frozen with the zero draft's window."""
    proc = _scenario(tmp_path)
    for number, pins in ((2, {"review-document": "review-consolidated-input"}),
                         (3, {"lausanne-action-plan": "action-plan-input"})):
        entry = proc.records[number]
        proc.records[number] = replace(entry, log=replace(entry.log, pinned=pins))
    inputs, refs = _freeze(proc, 5)
    assert [i.number for i in inputs] == [1]  # type: ignore[attr-defined]
    assert set(refs) == {freeze_ref(WINDOW, 1)}
