"""`ccmflow freeze` when an on-time commit is missing from the clone, and `ccmflow init` given the real accounts: what
the terminal says to do next, and only that."""

from __future__ import annotations

from pathlib import Path

import pytest
from inputkit import WINDOW, Process, set_text, utc
from msgspec.structs import replace

from ccmflow.core.submissions import SubmissionLog
from ccmflow.main import main
from ccmflow.repo.ledger import freeze_ref

GHOST = "0123456789abcdef0123456789abcdef01234567"
PACKAGE = ("--package", "git+https://github.com/example/ccmflow@0123456789abcdef0123456789abcdef01234567")


def test_freeze_says_how_to_fetch_a_missing_on_time_commit(proc: Process, monkeypatch: pytest.MonkeyPatch,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("COLUMNS", "300")
    proc.submit(1, "austria", set_text("pkp3nvcv", "Austria's paragraph five."), utc(4, 20))
    proc.submit(3, "chile", set_text("pabmu3fk", "Chile's paragraph eleven."), utc(4, 21))
    # The ledger knows a version of #3 received on time that this clone never fetched (pushed over since).
    proc.records[3] = replace(proc.records[3], head_sha=GHOST, log=SubmissionLog(3).record(GHOST, utc(5, 2), "event"))
    proc.sync()
    assert main(["freeze", WINDOW, "-C", str(proc.path), "--at", "2020-05-05T00:05"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1] == ("pr-3: its on-time commit is not in this repository; fetch it (git fetch origin "
                         "'+refs/pull/3/head:refs/pull/3/head') and freeze again")
    assert freeze_ref(WINDOW, 1) in proc.repo.references and freeze_ref(WINDOW, 3) not in proc.repo.references


def test_init_with_the_real_accounts_asks_for_no_replacement(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "body"
    assert main(["init", str(target), "--presidency-id", "583231", "--isu-id", "583232", *PACKAGE]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"✓ created {target} with a commit, tagged outcome-document/zero-draft\n")
    assert "placeholder" not in out and "  next: edit documents/process.yaml" in out
    assert main(["validate", "-C", str(target)]) == 0
    assert capsys.readouterr().out == f"✓ {target / 'documents'}: no problems found\n"
