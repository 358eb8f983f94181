"""`ccmflow site OUT --fetch` as the publishing workflow runs it: the inputs are fetched from origin first, and a
clone that cannot fetch still gets its site, with a warning; a file in the way of the folder is refused."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pygit2
import pytest
from inputkit import Process, set_text, utc

from ccmflow.main import main

AT = ("--at", "2020-05-08")


@pytest.fixture
def clone(proc: Process, tmp_path: Path) -> Path:
    """A fresh clone of a process repository holding Austria's input: git clone fetches no pull request refs."""
    proc.submit(1, "austria", set_text("pkp3nvcv", "Austria's paragraph five."), utc(4, 20))
    proc.sync()
    cloned = pygit2.clone_repository(str(proc.path), str(tmp_path / "clone"))
    assert "refs/pull/1/head" not in cloned.references
    return tmp_path / "clone"


def test_fetch_brings_the_inputs_and_the_ledger(clone: Path, proc: Process, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["site", str(tmp_path / "out"), "-C", str(clone), "--fetch", *AT, "--json"]) == 0
    captured = capsys.readouterr()
    assert captured.err == "" and "inputs/review-document.html" in json.loads(captured.out)["pages"]
    fetched = pygit2.Repository(str(clone)).references
    assert fetched["refs/pull/1/head"].target == proc.repo.references["refs/pull/1/head"].target
    assert fetched["refs/ccmflow/ledger"].target == proc.repo.references["refs/ccmflow/ledger"].target


def test_a_clone_that_cannot_fetch_still_gets_its_site(clone: Path, proc: Process, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    shutil.rmtree(proc.path)  # origin is gone
    assert main(["site", str(tmp_path / "out"), "-C", str(clone), "--fetch", *AT]) == 0
    out, err = capsys.readouterr()
    assert err.startswith("warning: could not fetch from origin: ")
    assert err.rstrip().endswith("; the site shows the inputs already here")
    assert out.startswith("✓ ") and (tmp_path / "out" / "index.html").is_file()
    pygit2.Repository(str(clone)).remotes.delete("origin")
    assert main(["site", str(tmp_path / "out"), "-C", str(clone), "--fetch", *AT]) == 0
    assert capsys.readouterr().err == "warning: no 'origin' remote; the site shows the inputs already here\n"


def test_a_file_where_the_folder_should_be(clone: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    taken = tmp_path / "site.html"
    taken.write_text("mine", encoding="utf-8")
    assert main(["site", str(taken), "-C", str(clone), *AT]) == 2
    assert capsys.readouterr().err == f"ccmflow: {taken} is a file: give a folder for the site\n"
    assert taken.read_text("utf-8") == "mine"
