"""`ccmflow release` and `ccmflow trace` on a checkout, as the secretariat issues versions and a delegate follows one
paragraph through them."""

from __future__ import annotations

import json
from pathlib import Path

import pygit2
import pytest

from ccmflow.main import main
from ccmflow.repo.store import Store
from ccmflow.write.edit import Editor

DOC = "review-document"
PATH = f"documents/{DOC}.yaml"
P2, P4 = "pold5l7v", "prj66qqb"  # paragraphs 2 and 4 of the zero draft


def _commit_work_tree(root: Path, message: str) -> None:
    repo = pygit2.Repository(str(root))
    repo.index.add_all()
    repo.index.write()
    sig = pygit2.Signature("ISU", "isu@example.org", 1589000000, 0)
    repo.create_commit("HEAD", sig, sig, message, repo.index.write_tree(), [repo.head.target])


def test_tagging_the_zero_draft_keeps_the_date_the_file_records(instance: Path, monkeypatch: pytest.MonkeyPatch,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    # A clone whose tags were never made: the zero draft is tagged as it stands, dated as its file says, not today.
    monkeypatch.setenv("CCMFLOW_NOW", "2020-06-01T10:00")
    head = str(pygit2.Repository(str(instance)).head.target)
    assert main(["release", DOC, "zero-draft", "-C", str(instance)]) == 0
    assert capsys.readouterr().out == f"✓ tagged {DOC}/zero-draft at {head[:12]}, issued 2020-04-15\n"
    repo = pygit2.Repository(str(instance))
    assert str(repo.head.target) == head  # nothing to commit: the file already says zero-draft, issued 15 April
    assert str(repo.revparse_single(f"{DOC}/zero-draft").peel(pygit2.Commit).id) == head


def test_a_release_leaves_uncommitted_edits_alone_and_says_so(instance: Path, monkeypatch: pytest.MonkeyPatch,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("CCMFLOW_NOW", "2020-05-18T10:00")
    edited = (instance / PATH).read_text("utf-8").replace("Review Document", "Review Document (my edit)", 1)
    (instance / PATH).write_text(edited, encoding="utf-8")
    assert main(["release", DOC, "consolidated", "-C", str(instance)]) == 0
    tip = str(pygit2.Repository(str(instance)).head.target)
    assert capsys.readouterr().out.splitlines() == [
        f"✓ tagged {DOC}/consolidated at {tip[:12]}, issued 2020-05-18",
        "  the version was committed; your uncommitted edits of the file were left as they are"]
    assert (instance / PATH).read_text("utf-8") == edited
    assert Store(instance).document(f"{DOC}/consolidated", DOC).version == "consolidated"


@pytest.fixture
def versions(instance: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The zero draft and a consolidated version that rewrites paragraph 2 and drops paragraph 4, both released."""
    monkeypatch.setenv("CCMFLOW_NOW", "2020-05-18T10:00")
    assert main(["release", DOC, "zero-draft", "-C", str(instance)]) == 0
    editor = Editor((instance / PATH).read_text("utf-8"), PATH)
    editor.set_text(P2, "The First Review Conference, held in Dubrovnik, adopted a declaration.")
    editor.delete(P4)
    (instance / PATH).write_text(editor.text, encoding="utf-8")
    _commit_work_tree(instance, "Consolidated text")
    assert main(["release", DOC, "consolidated", "-C", str(instance)]) == 0
    return instance


def test_one_paragraph_through_the_versions(versions: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("COLUMNS", "300")
    capsys.readouterr()
    assert main(["trace", DOC, "2", "-C", str(versions)]) == 0
    lines = capsys.readouterr().out.splitlines()
    rows = [line for line in lines if line.startswith("│")]
    assert len(rows) == 1 and [cell.strip() for cell in rows[0].split("│")[1:4]] == [P2, "2", "2"]
    texts = lines[lines.index("Zero draft:") + 1], lines[lines.index("Consolidated version:") + 1]
    assert texts[0].startswith("The First Review Conference") and texts[0] != texts[1]
    assert texts[1] == "The First Review Conference, held in Dubrovnik, adopted a declaration."
    assert main(["trace", DOC, P4, "-C", str(versions)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[lines.index("Consolidated version:") + 1] == "(not in this version)"


def test_the_whole_concordance_in_json_has_no_texts(versions: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["trace", DOC, "-C", str(versions), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert "texts" not in data
    numbers = {p["paragraph_id"]: p["numbers"] for p in data["paragraphs"]}
    assert numbers[P4] == {"zero-draft": "4", "consolidated": None}
    assert numbers[P2] == {"zero-draft": "2", "consolidated": "2"}
