"""`ccmflow release` records the date of issue, so the next version's header carries its symbol and its date."""

from __future__ import annotations

import json
from pathlib import Path

import pygit2
import pytest
from gitutil import instance_checkout

from ccmflow.main import main
from ccmflow.read.load import document_text
from ccmflow.write.header import make_header

DOC = "review-document"


def test_release_writes_the_date_of_issue_into_the_header(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    root = instance_checkout(tmp_path / "repo")
    monkeypatch.setenv("CCMFLOW_NOW", "2020-05-18T10:00")
    assert main(["release", DOC, "consolidated", "-C", str(root), "--json"]) == 0
    done = json.loads(capsys.readouterr().out)
    assert done["issued"] == "2020-05-18" and done["committed"] is True
    path = f"documents/{DOC}.yaml"
    document, _ = document_text(path, (root / path).read_text("utf-8"))
    assert document.version == "consolidated" and document.issued["zero-draft"] == "2020-04-15"
    head = make_header(document)
    assert (head.symbol, head.issued) == ("CCM/CONF/2020/WP.1/Rev.1", "18 May 2020")
    # The tag says when, too; the file at the tag is the one with the date.
    repo = pygit2.Repository(str(root))
    tag = repo.revparse_single(f"{DOC}/consolidated")
    assert isinstance(tag, pygit2.Tag) and "issued 2020-05-18" in tag.message


def test_an_explicit_date_of_issue_and_a_bad_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = instance_checkout(tmp_path / "repo")
    assert main(["release", DOC, "consolidated", "--issued", "2020-2-30", "-C", str(root)]) == 2
    assert "is not a date" in capsys.readouterr().err
    assert main(["release", DOC, "consolidated", "--issued", "2020-05-20", "-C", str(root)]) == 0
    assert "issued 2020-05-20" in capsys.readouterr().out
    assert 'consolidated: "2020-05-20"' in (root / "documents" / f"{DOC}.yaml").read_text("utf-8")
