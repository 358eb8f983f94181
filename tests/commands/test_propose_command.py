"""`ccmflow propose` as the support unit enters what came by e-mail: arguments that make no input are refused before
anything is made, text can come from a pipe, positions go on the adopted text, and a Word file that cannot be
carried onto the current version is refused with the reason."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pygit2
import pytest
from gitutil import commit
from wordkit import Marked, input_branches, numbered, render

from ccmflow.main import main
from ccmflow.read.inputfile import parse_input
from ccmflow.read.load import SourceFile
from ccmflow.repo.store import Store
from ccmflow.word.ooxml import bookmark_name

REVIEW = "review-document"
REVIEW_PATH = f"documents/{REVIEW}.yaml"


def _file(tmp_path: Path, text: str, name: str = "input.txt") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(("argv", "message"), [
    (["--text", "TEXT"], "name the document (DOC), e.g. ccmflow propose review-document 5 --text FILE --as ..."),
    ([REVIEW, "5", "--after", "6", "--text", "TEXT"], "--after PARAGRAPH goes with --text FILE and no other PARAGRAPH"),
    ([REVIEW, "--after", "6", "--delete"], "--after PARAGRAPH goes with --text FILE and no other PARAGRAPH"),
    ([REVIEW, "5", "--section", "universalization", "--text", "TEXT"], "--section goes with --remark"),
    ([REVIEW, "5", "--position", "reservation", "--text", "TEXT"], "--position goes with --remark FILE: the statement"),
    ([REVIEW, "5", "--text", "MISSING"], "cannot read MISSING: No such file or directory"),
    ([REVIEW, "5", "--text", "LATIN1"],
     "cannot read LATIN1: line 2 is not UTF-8 text (byte 0xe9): save the file as UTF-8"),
])
def test_arguments_that_make_no_input(argv: list[str], message: str, instance: Path, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    files = {"TEXT": _file(tmp_path, "Some text."), "MISSING": str(tmp_path / "missing.txt"),
             "LATIN1": str(tmp_path / "latin1.txt")}
    (tmp_path / "latin1.txt").write_bytes("Proposition\nde la délégation.".encode("latin-1"))
    argv = [files.get(a, a) for a in argv]
    message = next((message.replace(k, v) for k, v in files.items() if k in message), message)
    assert main(["propose", *argv, "--as", "kenya", "-C", str(instance)]) == 2
    assert capsys.readouterr().err == f"ccmflow: {message}\n"
    assert input_branches(instance) == []


def test_the_text_can_come_from_a_pipe(instance: Path, monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    # `pbpaste | ccmflow propose review-document 5 --text - --as kenya`
    monkeypatch.setattr(sys, "stdin", io.StringIO("Kenya's wording of paragraph five.\n"))
    assert main(["propose", REVIEW, "5", "--text", "-", "--as", "kenya", "-C", str(instance), "--json"]) == 0
    made = json.loads(capsys.readouterr().out)
    paragraph = Store(instance).document(made["branch"], REVIEW).paragraph(numbered(instance, REVIEW)["5"])
    assert paragraph is not None and paragraph.text == "Kenya's wording of paragraph five."


def test_a_reservation_goes_on_the_adopted_text(instance: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    statement = _file(tmp_path, "Austria cannot join the consensus on paragraphs 5 and 6.")
    argv = ["propose", REVIEW, "5", "--remark", statement, "--position", "reservation", "--cite", "6",
            "--as", "austria", "-C", str(instance)]
    assert main(argv) == 2
    assert capsys.readouterr().err == ("ccmflow: Lausanne Review Document is not adopted yet: explanations of "
                                       "position and reservations are given on the adopted text\n")
    repo = pygit2.Repository(str(instance))
    text = (instance / REVIEW_PATH).read_text("utf-8")
    commit(repo, {REVIEW_PATH: text.replace("  status: draft", "  status: adopted", 1)}, "adopted")
    assert main([*argv, "--json"]) == 0
    made = json.loads(capsys.readouterr().out)
    assert made["kind"] == "position" and made["summary"] == "reservation on Lausanne Review Document"
    (path,) = made["files"]  # the statement only: the adopted text is not touched
    record, findings = parse_input(SourceFile(path, (Store(instance).text(made["branch"], path) or "").encode()))
    assert record is not None and not findings
    ids = numbered(instance, REVIEW)
    assert record.paragraphs == (ids["5"], ids["6"])
    assert record.remark == "Austria cannot join the consensus on paragraphs 5 and 6."


@pytest.fixture
def sent(instance: Path, tmp_path: Path) -> Path:
    """Kenya's marked-up copy of the review document: paragraph 5 gets 'twelve' for '[number]'."""
    marked = Marked(render(instance, REVIEW))
    marked.track_replace(bookmark_name(numbered(instance, REVIEW)["5"]), "[number]", "twelve")
    path = tmp_path / "kenya.docx"
    path.write_bytes(marked.data())
    return path


@pytest.mark.parametrize(("argv", "message"), [
    (["5"], "leave out PARAGRAPH"),
    (["--after", "5", "--justification", "JUSTIFICATION"], "leave out --after, --justification"),
])
def test_a_word_file_brings_its_own_paragraphs(argv: list[str], message: str, sent: Path, instance: Path,
                                               tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = [_file(tmp_path, "Because.") if a == "JUSTIFICATION" else a for a in argv]
    assert main(["propose", REVIEW, *argv, "--from-docx", str(sent), "--as", "kenya", "-C", str(instance)]) == 2
    assert capsys.readouterr().err == (f"ccmflow: --from-docx reads the paragraphs and justifications from the file: "
                                       f"{message}\n")
    assert input_branches(instance) == []


def test_a_word_file_of_another_document(sent: Path, instance: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["propose", "lausanne-action-plan", "--from-docx", str(sent), "--as", "kenya",
                 "-C", str(instance)]) == 2
    assert capsys.readouterr().err == (f"ccmflow: {sent} is a rendering of '{REVIEW}', not of "
                                       "'lausanne-action-plan'\n")
    assert main(["propose", REVIEW, "--from-docx", str(sent), "--as", "kenya", "-C", str(instance)]) == 0
    assert len(input_branches(instance)) == 1


def test_a_word_file_sent_back_unchanged(instance: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    unchanged = tmp_path / "unchanged.docx"
    unchanged.write_bytes(render(instance, REVIEW))
    head = str(pygit2.Repository(str(instance)).head.target)
    assert main(["propose", "--from-docx", str(unchanged), "--as", "kenya", "-C", str(instance)]) == 1
    assert capsys.readouterr().err == (f"ccmflow: {unchanged} makes no change to Lausanne Review Document (as of "
                                       f"commit {head[:12]})\n")
    assert input_branches(instance) == []


def test_a_word_file_of_a_document_the_base_no_longer_has(instance: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    repo = pygit2.Repository(str(instance))
    note = "documents/extra-note.yaml"
    (instance / note).write_text(
        "document:\n  id: extra-note\n  title: Extra note\n  version: first-draft\n  status: draft\nsections:\n"
        "  - id: introduction\n    title: Introduction\n    paragraphs:\n      - id: pxtra001\n"
        "        kind: narrative\n        text: >-\n          A short note.\n", encoding="utf-8")
    commit(repo, {note: (instance / note).read_text("utf-8")}, "a note")
    marked = Marked(render(instance, "extra-note", "main"))
    marked.retype(bookmark_name("pxtra001"), "short", "longer")
    edited = tmp_path / "note.docx"
    edited.write_bytes(marked.data())
    commit(repo, {note: None}, "the note withdrawn")
    assert main(["propose", "--from-docx", str(edited), "--as", "kenya", "-C", str(instance)]) == 1
    assert capsys.readouterr().err == (f"ccmflow: {edited} is a rendering of 'extra-note', which the base branch "
                                       "(HEAD) does not have\n")


def test_a_word_file_naming_a_document_its_commit_never_had(sent: Path, instance: Path, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    altered = Marked(sent.read_bytes())
    altered.files["docProps/custom.xml"] = altered.files["docProps/custom.xml"].replace(
        f">{REVIEW}<".encode(), b">no-such-document<")
    path = tmp_path / "altered.docx"
    path.write_bytes(altered.data())
    head = str(pygit2.Repository(str(instance)).head.target)
    assert main(["propose", "--from-docx", str(path), "--as", "kenya", "-C", str(instance)]) == 1
    assert capsys.readouterr().err == (f"ccmflow: {path} is a rendering of 'no-such-document', which commit "
                                       f"{head[:12]} does not have\n")


def test_a_word_file_too_big_or_missing(instance: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    big = tmp_path / "big.docx"
    with big.open("wb") as handle:
        handle.truncate(64 * (1 << 20) + 1)  # one byte over what a circulated document can be (sparse: no disk)
    assert main(["propose", "--from-docx", str(big), "--as", "kenya", "-C", str(instance)]) == 1
    assert capsys.readouterr().err == (f"ccmflow: {big}: the file is over 64 MiB, more than a circulated document can "
                                       "be: send the document without what was added to it\n")
    missing = tmp_path / "missing.docx"
    assert main(["propose", "--from-docx", str(missing), "--as", "kenya", "-C", str(instance)]) == 2
    assert capsys.readouterr().err == f"ccmflow: cannot read {missing}: No such file or directory\n"
    assert input_branches(instance) == []
