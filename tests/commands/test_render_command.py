"""`ccmflow render` as the secretariat circulates a text: Markdown and HTML described in JSON, Word files to a file or
a pipe (never to a terminal or into JSON), translations at a revision, and a rendering from files git does not hold."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import docx
import pygit2
import pytest
from gitutil import commit
from inputkit import Process
from roots import REPO_ROOT as ROOT
from stdiokit import Stream

from ccmflow.main import main
from ccmflow.word.read import NotReadable, made_from, open_word

DECLARATION = "political-declaration"
FRENCH = f"documents/translations/fr/{DECLARATION}.yaml"


def test_markdown_under_json_holds_the_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", "review-document", "-C", str(ROOT), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["document"], data["format"], data["language"], data["output"]) == ("review-document", "md", "en",
                                                                                      None)
    assert "\n# Lausanne Review Document" in data["text"] and "\n## Universalization" in data["text"]


def test_html_to_a_file_under_json_says_where(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "site" / "rd.html"
    assert main(["render", "review-document", "-C", str(ROOT), "--format", "html", "-o", str(out), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"document": "review-document", "format": "html", "language": "en",
                                                   "output": str(out), "text": None}
    assert out.read_text("utf-8").lower().startswith("<!doctype html>")


def test_word_goes_to_a_redirected_output_but_never_to_a_terminal(monkeypatch: pytest.MonkeyPatch,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    redirected = Stream(terminal=False)
    monkeypatch.setattr(sys, "stdout", redirected)
    assert main(["render", "lausanne-action-plan", "-C", str(ROOT), "--format", "docx"]) == 0
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(redirected.buffer.getvalue())).paragraphs)
    assert "Action 50" in text
    terminal = Stream(terminal=True)
    monkeypatch.setattr(sys, "stdout", terminal)
    assert main(["render", "lausanne-action-plan", "-C", str(ROOT), "--format", "docx"]) == 2
    assert terminal.buffer.getvalue() == b"" and terminal.getvalue() == ""
    assert capsys.readouterr().err == "ccmflow: a .docx is binary: give -o FILE\n"


def test_word_under_json_needs_a_file(proc: Process, capsys: pytest.CaptureFixture[str]) -> None:
    # JSON cannot hold a Word file: the command says so in JSON, instead of making a file that goes nowhere.
    refused = {"ok": False, "exit_code": 2, "error": "a .docx is binary: give -o FILE"}
    assert main(["render", "review-document", "-C", str(ROOT), "--format", "docx", "--json"]) == 2
    assert json.loads(capsys.readouterr().out) == refused
    assert main(["compile", "review-document", "-C", str(proc.path), "--format", "docx", "--json"]) == 2
    assert json.loads(capsys.readouterr().out) == refused


def test_a_translation_at_a_revision(instance: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = pygit2.Repository(str(instance))
    committed = (instance / FRENCH).read_text("utf-8")
    (instance / FRENCH).write_text("translation: [broken", encoding="utf-8")  # the work tree is not what is read
    assert main(["render", DECLARATION, "--lang", "fr", "--rev", str(repo.head.target), "-C", str(instance)]) == 0
    assert "Déclaration de Lausanne" in capsys.readouterr().out
    assert main(["render", DECLARATION, "--lang", "fr", "-C", str(instance), "--json"]) == 1
    (finding,) = json.loads(capsys.readouterr().out)["findings"]
    assert finding["file"] == FRENCH
    commit(repo, {FRENCH: committed.replace("Préambule", "Préambule révisé")}, "French preamble")
    assert main(["render", DECLARATION, "--lang", "fr", "--rev", "main", "-C", str(instance)]) == 0
    assert "Préambule révisé" in capsys.readouterr().out


def test_a_translation_needs_the_document_by_its_id(capsys: pytest.CaptureFixture[str]) -> None:
    path = ROOT / "documents" / f"{DECLARATION}.yaml"
    assert main(["render", str(path), "--lang", "fr"]) == 2
    assert capsys.readouterr().err == ("ccmflow: --lang reads the translations beside a valid documents/ tree: name "
                                       f"the document by its id (e.g. {DECLARATION}), and run ccmflow validate if "
                                       "it is one\n")


def test_a_word_file_from_files_git_does_not_hold_cannot_be_read_back(top: Path, tmp_path: Path) -> None:
    out = tmp_path / "pd.docx"
    assert main(["render", DECLARATION, "-C", str(top), "--format", "docx", "-o", str(out)]) == 0
    # Circulated, edited and sent back, it could not be matched to a version: ccmflow says so when it is read.
    with pytest.raises(NotReadable, match="rendered from files that were not committed"):
        made_from(open_word(out.read_bytes()))
