"""`ccmflow diff DOC OLD NEW` as a delegate reads it: the terminal redline for every kind of change, and the redline
as an HTML page or a Word file, to a file, to a pipe, or described in JSON."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Callable
from pathlib import Path

import docx
import pygit2
import pytest
from gitutil import commit
from stdiokit import Stream

from ccmflow.core.model import Paragraph
from ccmflow.main import main
from ccmflow.write.edit import Editor

DOC = "review-document"
PATH = f"documents/{DOC}.yaml"
P4, P5, P11 = "prj66qqb", "pkp3nvcv", "pabmu3fk"  # paragraphs 4, 5 and 11 of the zero draft


@pytest.fixture
def repo(instance: Path) -> pygit2.Repository:
    """The instance, its review document's zero draft tagged."""
    repository = pygit2.Repository(str(instance))
    repository.references.create(f"refs/tags/{DOC}/zero-draft", repository.head.target)
    return repository


def edit(repo: pygit2.Repository, change: Callable[[Editor], None]) -> str:
    """A commit on main changing the review document; its id."""
    editor = Editor((Path(repo.workdir) / PATH).read_text("utf-8"), PATH)
    change(editor)
    return str(commit(repo, {PATH: editor.text}, "edit"))


def diff(repo: pygit2.Repository, *options: str) -> int:
    return main(["diff", DOC, "zero-draft", "main", "-C", repo.workdir, *options])


def test_only_the_version_changed(repo: pygit2.Repository, capsys: pytest.CaptureFixture[str]) -> None:
    text = (Path(repo.workdir) / PATH).read_text("utf-8")
    commit(repo, {PATH: text.replace("  version: zero-draft", "  version: consolidated", 1)}, "the next version")
    assert diff(repo) == 0
    assert capsys.readouterr().out.splitlines() == [f"{DOC}: zero-draft → main", "  version: zero-draft → consolidated",
                                                    "no paragraph changes"]


def test_added_removed_and_moved_paragraphs_on_the_terminal(repo: pygit2.Repository,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    def changes(editor: Editor) -> None:
        editor.insert("universalization", P5, Paragraph(id="pnewaaaa", kind="narrative", text="A new paragraph."))
        editor.delete(P11)
        editor.move(P4, "universalization", "pnewaaaa")

    edit(repo, changes)
    assert diff(repo) == 0
    out = capsys.readouterr().out
    removed = out.split("Removed 11 (pabmu3fk) from stockpile-destruction\n")[1].splitlines()[0]
    assert removed.startswith("[-Several States Parties completed destruction") and removed.endswith("-]")
    assert "Added 5 (pnewaaaa) in universalization\n{+A new paragraph.+}\n" in out
    assert "\nMoved 4 → 6 (prj66qqb) in universalization, moved from introduction\n\n" in out  # no redline: same text
    assert "sections touched:" in out


def test_the_html_redline_under_json_is_json(repo: pygit2.Repository, capsys: pytest.CaptureFixture[str]) -> None:
    edit(repo, lambda e: e.set_text(P5, "Since the First Review Conference, many States have joined."))
    assert diff(repo, "--format", "html", "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["document"] == DOC and data["format"] == "html" and data["output"] is None
    assert data["text"].startswith("<!DOCTYPE html>") and "<ins>many</ins>" in data["text"]
    assert diff(repo, "--format", "html") == 0  # without --json: the page itself
    assert capsys.readouterr().out.startswith("<!DOCTYPE html>")


def test_a_word_redline_to_a_file_says_where_under_json(repo: pygit2.Repository, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    edit(repo, lambda e: e.set_text(P5, "Since the First Review Conference, many States have joined."))
    out = tmp_path / "redline" / "rd.docx"
    assert diff(repo, "--format", "docx", "-o", str(out), "--json") == 0
    assert json.loads(capsys.readouterr().out) == {"document": DOC, "format": "docx", "output": str(out),
                                                   "text": None, "authors": {}}
    inserted = docx.Document(str(out)).element.body.xpath(".//w:ins//w:t/text()")
    assert "many" in " ".join(inserted)


def test_a_word_redline_goes_to_a_pipe_but_never_to_a_terminal(repo: pygit2.Repository,
                                                                monkeypatch: pytest.MonkeyPatch,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    edit(repo, lambda e: e.set_text(P5, "Since the First Review Conference, many States have joined."))
    piped = Stream(terminal=False)
    monkeypatch.setattr(sys, "stdout", piped)
    assert diff(repo, "--format", "docx") == 0
    assert "many" in " ".join(docx.Document(io.BytesIO(piped.buffer.getvalue())).element.body.xpath(
        ".//w:ins//w:t/text()"))
    terminal = Stream(terminal=True)
    monkeypatch.setattr(sys, "stdout", terminal)
    assert diff(repo, "--format", "docx") == 2
    assert terminal.buffer.getvalue() == b"" and capsys.readouterr().err == "ccmflow: a .docx is binary: give -o FILE\n"


def test_a_word_redline_under_json_needs_a_file(repo: pygit2.Repository, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    edit(repo, lambda e: e.set_text(P5, "Since the First Review Conference, many States have joined."))
    assert diff(repo, "--format", "docx", "--json") == 2
    assert json.loads(capsys.readouterr().out) == {"ok": False, "exit_code": 2,
                                                   "error": "a .docx is binary: give -o FILE"}
