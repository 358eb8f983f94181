"""`ccmflow mark` and `ccmflow status DOC` as the presidency's team records and follows the negotiation: who is
recorded, in JSON too, and the brackets of the versions issued, with or without git."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ccmflow.main import main
from ccmflow.repo.statusref import read_status
from ccmflow.repo.store import Store

DOC = "review-document"
P2 = "pold5l7v"  # paragraph 2: no brackets, so it can be agreed


@pytest.fixture(autouse=True)
def _in_session(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CCMFLOW_NOW", "2020-11-24T10:00")


def test_mark_names_the_registry_account_given_with_by(instance: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Logins are matched as GitHub matches them, whatever the case.
    assert main(["mark", DOC, "2", "agreed-ad-ref", "--by", "CH-Presidency-CCM", "-C", str(instance), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "document": DOC, "paragraph": P2, "before": "open", "status": "agreed-ad-ref",
        "recorded": {"paragraph": P2, "status": "agreed-ad-ref", "by_login": "ch-presidency-ccm", "by_id": 48213907,
                     "at": "2020-11-24T09:00:00+00:00", "revision": "zero-draft"}}
    entry = read_status(Store(instance), DOC).latest()[P2]
    assert (entry.by_login, entry.by_id) == ("ch-presidency-ccm", 48213907)


def test_mark_refuses_a_login_the_registry_does_not_have(instance: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["mark", DOC, "2", "agreed", "--by", "someone-else", "-C", str(instance)]) == 2
    assert capsys.readouterr().err == ("ccmflow: --by someone-else: no account with that login in the registry "
                                       "(documents/stakeholders.yaml)\n")
    assert read_status(Store(instance), DOC).latest() == {}


def test_status_of_a_document_outside_git(top: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    # Files on disk only: nothing is agreed yet, and no version has been issued.
    monkeypatch.setenv("COLUMNS", "200")
    assert main(["status", DOC, "-C", str(top)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Lausanne Review Document (zero-draft): 8 brackets; ")
    assert "Brackets per version" not in out
    assert main(["status", DOC, "-C", str(top), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["versions"] == [] and data["brackets"] == 8


def test_papers_without_symbol_are_no_versions(instance: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["release", DOC, "zero-draft", "-C", str(instance)]) == 0
    assert main(["release", DOC, "--kind", "non-paper", "--title", "Ideas", "-C", str(instance)]) == 0
    capsys.readouterr()
    assert main(["status", DOC, "-C", str(instance), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["versions"] == [
        {"version": "zero-draft", "symbol": "CCM/CONF/2020/WP.1", "brackets": 8}]
    assert main(["status", DOC, "-C", str(instance)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "Brackets per version: zero-draft 8"
