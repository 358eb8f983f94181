"""Square brackets are how a negotiation marks text not yet agreed ('[provisional]', '[number]'), and a folder may
be called 'site [draft]': the terminal shows them as written, never reads them as rich markup (which would drop
'[provisional]' silently, or stop on '[/draft]' with a traceback)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pygit2
import pytest
from gitutil import commit, instance_checkout
from inputkit import Process

from ccmflow.main import main

REVIEW = "documents/review-document.yaml"
TITLE = "Lausanne Review Document: review of the operation and status of the Convention on Cluster"
BRACKETED = "[provisional] Review Document: review of the operation and status of the Convention on Cluster"


@pytest.fixture(autouse=True)
def _wide(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "400")


def _bracket(root: Path) -> None:
    """The review document's title, a section's, the conference's name, a window's and a milestone's, bracketed."""
    review, process = root / REVIEW, root / "documents" / "process.yaml"
    review.write_text(review.read_text("utf-8").replace(TITLE, BRACKETED, 1).replace(
        "    title: Universalization", "    title: \"[provisional] Universalization\"", 1), encoding="utf-8")
    text = process.read_text("utf-8")
    for line in ("name: Second Review Conference of the Convention on Cluster Munitions",
                 "title: Written input on the zero draft of the Review Document",
                 "title: First preparatory meeting"):
        key, value = line.split(": ", 1)
        assert line in text
        text = text.replace(line, f'{key}: "[{"virtual" if "meeting" in value else "provisional"}] {value}"', 1)
    process.write_text(text, encoding="utf-8")


def test_status_shows_bracketed_titles(top: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _bracket(top)
    assert main(["status", "-C", str(top), "--at", "2020-05-03"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("[provisional] Second Review Conference of the Convention on Cluster Munitions, Lausanne")
    assert "[provisional] Written input on the zero draft of the Review Document" in out
    assert "[virtual] First preparatory meeting" in out
    assert "[provisional] Review Document" in out  # the documents table


def test_status_of_a_document_shows_bracketed_titles(top: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _bracket(top)
    assert main(["status", "review-document", "-C", str(top)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("[provisional] Review Document (zero-draft): 8 brackets")
    assert "│ [provisional] Universalization " in out


def test_diff_shows_a_bracketed_title(instance: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = pygit2.Repository(str(instance))
    before = str(repo.head.target)
    _bracket(instance)
    commit(repo, {REVIEW: (instance / REVIEW).read_text("utf-8")}, "bracketed title")
    assert main(["diff", "review-document", before, "main", "-C", str(instance)]) == 0
    meta = capsys.readouterr().out.splitlines()[1]
    assert meta.startswith(f"  title: {TITLE}") and f"→ {BRACKETED}" in meta


def test_propose_names_a_bracketed_title(instance: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _bracket(instance)
    commit(pygit2.Repository(str(instance)), {REVIEW: (instance / REVIEW).read_text("utf-8")}, "bracketed title")
    remark = tmp_path / "remark.txt"
    remark.write_text("Too long.", encoding="utf-8")
    assert main(["propose", "review-document", "5", "--remark", str(remark), "--as", "kenya", "-C",
                 str(instance)]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first == ("✓ general remark on section '[provisional] Universalization' of [provisional] Review Document, "
                     "on behalf of Kenya")


@pytest.mark.parametrize("folder", ["site [draft]", "site [/draft]"])
def test_site_names_a_bracketed_folder(folder: str, proc: Process, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / folder
    assert main(["site", str(out), "-C", str(proc.path), "--at", "2020-05-08"]) == 0
    assert f" pages in {out}/ from " in capsys.readouterr().out and (out / "index.html").is_file()


def test_report_and_demo_name_a_bracketed_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "-C", str(tmp_path), "--out", "demo [draft]"]) == 0
    assert f"{tmp_path / 'demo [draft]' / 'repository'}" in capsys.readouterr().out
    repo = tmp_path / "demo [draft]" / "repository"
    assert main(["report", "report [/draft]", "-C", str(repo), "--format", "md"]) == 0
    assert f": {repo / 'report [/draft]' / 'report-en.md'} (annexes: review-document)" in capsys.readouterr().out
    assert main(["report", "report [/draft]", "-C", str(repo), "--format", "md", "--json"]) == 0
    assert os.path.isfile(json.loads(capsys.readouterr().out)["written"][0]["path"])


def test_a_checkout_named_with_brackets(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = instance_checkout(tmp_path / "ccm [2020]")
    assert main(["release", "review-document", "zero-draft", "-C", str(root)]) == 0
    assert capsys.readouterr().out.startswith("✓ tagged review-document/zero-draft at ")
