"""`ccmflow merge-driver O A B P` run as git runs it: three files on disk, the merged text written over A, the exit
code git reads (0 clean, 1 a person must resolve), and what it says on stderr (or, with --json, on stdout)."""

from __future__ import annotations

import json
from pathlib import Path

import pygit2
import pytest
from mergekit import DOC, changed, document

from ccmflow.main import main

PROCESS = "documents/process.yaml"


@pytest.fixture
def sides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The folder git writes the three versions to; the driver runs outside any clone (no status record)."""
    folder = tmp_path / "sides"
    folder.mkdir()
    monkeypatch.chdir(tmp_path)
    return folder


def merge(sides: Path, base: str, ours: str, theirs: str, path: str = DOC, *options: str) -> int:
    for name, text in (("O", base), ("A", ours), ("B", theirs)):
        (sides / name).write_text(text, encoding="utf-8")
    return main(["merge-driver", str(sides / "O"), str(sides / "A"), str(sides / "B"), path, *options])


def test_clean_merge_writes_the_result_over_ours(sides: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ours = document(changed("p001", "Ours: the States Parties reaffirm."))
    theirs = document(changed("p004", "Theirs: clearance remains hard."))
    assert merge(sides, document(), ours, theirs, DOC, "--json") == 0
    merged = (sides / "A").read_text()
    assert "Ours: the States Parties reaffirm." in merged and "Theirs: clearance remains hard." in merged
    assert json.loads(capsys.readouterr().out) == {"path": DOC, "clean": True, "conflicts": []}


def test_a_conflict_is_named_on_stderr_and_marked_in_ours(sides: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ours, theirs = document(changed("p002", "Ours: twelve.")), document(changed("p002", "Theirs: thirteen."))
    assert merge(sides, document(), ours, theirs) == 1
    out, err = capsys.readouterr()
    assert out == "" and err == f"ccmflow: {DOC}: paragraph 2 (p002): changed two ways (text)\n"
    merged = (sides / "A").read_text()
    assert "<<<<<<< ours: paragraph 2 (p002)" in merged and "Theirs: thirteen." in merged
    assert merge(sides, document(), ours, theirs, DOC, "--json") == 1
    out, err = capsys.readouterr()
    (conflict,) = json.loads(out)["conflicts"]
    assert json.loads(out)["clean"] is False and conflict["paragraph_id"] == "p002"
    assert "changed two ways" in err


def test_the_marker_size_git_asks_for(sides: Path) -> None:
    ours, theirs = document(changed("p002", "Ours: twelve.")), document(changed("p002", "Theirs: thirteen."))
    assert merge(sides, document(), ours, theirs, DOC, "--marker-size", "9") == 1
    merged = (sides / "A").read_text()
    assert "<<<<<<<<< ours: paragraph 2 (p002)" in merged and "\n=========\n" in merged


def test_an_adopted_text_is_left_as_it_is(sides: Path, capsys: pytest.CaptureFixture[str]) -> None:
    adopted = document().replace("status: draft", "status: adopted")
    theirs = document(changed("p003", "Theirs rewrote the adopted third paragraph.")).replace(
        "status: draft", "status: adopted")
    assert merge(sides, adopted, adopted, theirs, DOC, "--json") == 1
    assert (sides / "A").read_text() == adopted
    out, err = capsys.readouterr()
    refused = json.loads(out)
    assert refused["clean"] is False and refused["path"] == DOC and "paragraph 3 (p003)" in refused["agreed_text"]
    assert err.startswith(f"ccmflow: {DOC}: ") and "paragraph 3 (p003)" in err


def test_the_status_record_of_this_clone_is_read(tmp_path: Path, sides: Path, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    from datetime import UTC, datetime

    from ccmflow.core.agreement import ParagraphStatus, StatusEntry
    from ccmflow.repo.statusref import record_status
    from ccmflow.repo.store import Store

    clone = tmp_path / "clone"
    pygit2.init_repository(str(clone), initial_head="main")
    record_status(Store(clone), "review-document", [StatusEntry(
        paragraph="p003", status=ParagraphStatus.AGREED, by_login="presidency", by_id=1,
        at=datetime(2020, 11, 24, 15, tzinfo=UTC), revision="rev-1")])
    theirs = document(changed("p003", "Theirs rewrote the agreed third paragraph."))
    assert merge(sides, document(), document(), theirs) == 0  # outside the clone: nothing is agreed
    monkeypatch.chdir(clone)  # git runs the driver in the clone's work tree
    assert merge(sides, document(), document(), theirs) == 1
    assert (sides / "A").read_text() == document()
    assert "paragraph 3 (p003)" in capsys.readouterr().err


def test_a_side_that_is_not_a_document_is_merged_by_lines(sides: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = document().replace("  status: draft\n", "  status: [unclosed\n")
    theirs = document(changed("p004", "Theirs changed the last paragraph."))
    assert merge(sides, document(), broken, theirs) == 0
    merged = (sides / "A").read_text()
    assert "status: [unclosed" in merged and "Theirs changed the last paragraph." in merged
    assert capsys.readouterr() == ("", "")


def test_other_files_merge_by_lines_and_a_clash_is_marked(sides: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = "a: 1\nb: 2\nc: 3\nd: 4\ne: 5\n"
    assert merge(sides, base, base.replace("a: 1", "a: 10"), base.replace("e: 5", "e: 50"), PROCESS) == 0
    assert (sides / "A").read_text() == "a: 10\nb: 2\nc: 3\nd: 4\ne: 50\n"
    assert merge(sides, base, base.replace("a: 1", "a: 2"), base.replace("a: 1", "a: 3"), PROCESS) == 1
    merged = (sides / "A").read_text()
    assert merged.startswith("<<<<<<< ours\na: 2\n=======\na: 3\n>>>>>>> theirs\n")
    assert capsys.readouterr().err == (f"ccmflow: {PROCESS}: not a document ccmflow can read, merged by lines with "
                                       "conflicts\n")


def test_without_a_path_the_file_of_ours_names_it(sides: Path) -> None:
    # Git passes %P; run by hand without it, A's own name decides (here: not a documents/ file, so by lines).
    base = document()
    for name, text in (("O", base), ("A", document(changed("p001", "Ours."))), ("B", document(changed("p004", "T.")))):
        (sides / name).write_text(text, encoding="utf-8")
    assert main(["merge-driver", str(sides / "O"), str(sides / "A"), str(sides / "B")]) == 0
    assert "Ours." in (sides / "A").read_text() and "T." in (sides / "A").read_text()


def test_a_failure_of_the_structural_merge_falls_back_to_lines(sides: Path, monkeypatch: pytest.MonkeyPatch,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    # A bug of ours must never cost a merge: git's own line merge takes over, and says why.
    from ccmflow.compare import mergefile

    def bug(*_: object, **__: object) -> object:
        raise RuntimeError("a bug")

    monkeypatch.setattr(mergefile, "merge_file", bug)
    assert merge(sides, document(), document(changed("p001", "Ours.")), document(changed("p004", "Theirs."))) == 0
    assert "Ours." in (sides / "A").read_text() and "Theirs." in (sides / "A").read_text()
    assert capsys.readouterr().err == (f"ccmflow: {DOC}: structural merge failed (RuntimeError('a bug')); merging "
                                       "by lines\n")


def test_without_git_on_the_path(sides: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    # A document still merges by paragraph (no status record can be read, so nothing is agreed) ...
    assert merge(sides, document(), document(changed("p001", "Ours.")), document(changed("p004", "Theirs."))) == 0
    # ... another file cannot be merged at all, and the driver says so.
    base = "a: 1\n"
    assert merge(sides, base, "a: 2\n", base, PROCESS) == 2
    assert capsys.readouterr().err.startswith(f"ccmflow: cannot run git merge-file for {PROCESS}: ")


def test_git_merge_file_failing_is_reported(sides: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (sides / "O").write_text("a: 1\n")
    (sides / "A").write_text("a: 2\n")
    assert main(["merge-driver", str(sides / "O"), str(sides / "A"), str(sides / "missing"), PROCESS]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"ccmflow: git merge-file failed on {PROCESS}: ") and "missing" in err
    assert (sides / "A").read_text() == "a: 2\n"


def test_the_three_files_are_required(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["merge-driver", "O", "A"]) == 2
    assert capsys.readouterr().err == ("ccmflow: merge-driver needs O A B [P] (git passes them: %O %A %B %P), or "
                                       "--install\n")


def test_install_says_what_it_changed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    clone = tmp_path / "clone"
    pygit2.init_repository(str(clone), initial_head="main")
    assert main(["merge-driver", "--install", "-C", str(clone), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"gitattributes_changed": True, "config_changed": True}
    assert main(["merge-driver", "--install", "-C", str(clone)]) == 0
    assert capsys.readouterr().out == "merge driver already installed\n"
    pygit2.Repository(str(clone)).config["merge.ccmflow.driver"] = "old-ccmflow merge-driver %O %A %B %P"
    (clone / ".gitattributes").unlink()
    assert main(["merge-driver", "--install", "-C", str(clone)]) == 0
    assert capsys.readouterr().out == ("merge driver installed\n  .gitattributes changed: commit it so every clone "
                                       "merges documents by paragraph id\n")
    assert pygit2.Repository(str(clone)).config["merge.ccmflow.driver"] == "ccmflow merge-driver %O %A %B %P"
    assert "documents/*.yaml merge=ccmflow" in (clone / ".gitattributes").read_text()
