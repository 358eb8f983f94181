"""`ccmflow summary` and `ccmflow compile` as the secretariat runs them: to the terminal, to files, in Word, and with a
progress bar only where a person watches a long run."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import docx
import pytest
from inputkit import Process, append, delete, set_text, utc
from stdiokit import Stream

from ccmflow.main import main

DOC = "review-document"
AT = ("--at", "2020-05-08")
FIVE = "Austria's paragraph five."


@pytest.fixture
def inputs(proc: Process) -> Process:
    """Austria rewrites paragraph 5 and Kenya deletes paragraph 11, both on time."""
    proc.submit(1, "austria", set_text("pkp3nvcv", FIVE), utc(4, 20))
    proc.submit(2, "kenya", delete("pabmu3fk"), utc(4, 21))
    proc.sync()
    return proc


def _forty_inputs(proc: Process) -> None:
    sha = proc.submit(1, "austria", append("pkp3nvcv", "One."), utc(4, 20))
    for number in range(2, 41):
        proc.pull(number, sha)


def test_a_long_run_shows_progress_on_a_terminal(proc: Process, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    _forty_inputs(proc)
    terminal = Stream(terminal=True)
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["summary", DOC, "-C", str(proc.path), *AT]) == 0
    shown = terminal.getvalue()
    assert "reading inputs" in shown and "40/40" in shown
    assert shown.endswith("\x1b[2K")  # the bar clears itself: the summary stands alone once it is printed
    assert "40 input(s)" in capsys.readouterr().out


def test_no_progress_in_a_pipe_or_for_a_file(proc: Process, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    _forty_inputs(proc)
    assert main(["summary", DOC, "-C", str(proc.path), *AT]) == 0
    assert capsys.readouterr().err == ""  # standard error is no terminal here
    terminal = Stream(terminal=True)
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["summary", DOC, "-C", str(proc.path), *AT, "--format", "md", "-o", str(tmp_path / "s.md")]) == 0
    assert terminal.getvalue() == ""


def test_summary_to_a_markdown_file(inputs: Process, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out" / "summary.md"
    assert main(["summary", DOC, "-C", str(inputs.path), *AT, "--format", "md", "-o", str(out)]) == 0
    assert capsys.readouterr().out == ""
    text = out.read_text("utf-8")
    assert text.startswith("# Consolidation summary") and "| #1 | Austria (State Party) |" in text
    assert "| #2 | Kenya (Signatory State) |" in text


def test_summary_to_a_json_file_says_where(inputs: Process, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "summary.json"
    assert main(["summary", DOC, "-C", str(inputs.path), *AT, "--json", "-o", str(out)]) == 0
    assert json.loads(capsys.readouterr().out) == {"document": DOC, "output": str(out)}
    written = json.loads(out.read_text("utf-8"))
    assert written["window"] == "review-zero-draft-input"
    assert {i["input"] for s in written["sections"] for i in s["inputs"]} == {"pr-1", "pr-2"}


def test_compile_to_word_needs_a_file(inputs: Process, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compile", DOC, "-C", str(inputs.path), *AT, "--format", "docx"]) == 2
    assert capsys.readouterr() == ("", "ccmflow: a .docx is binary: give -o FILE\n")


def test_compile_to_word_with_only_the_changed_paragraphs(inputs: Process, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "compilation.docx"
    assert main(["compile", DOC, "-C", str(inputs.path), *AT, "--format", "docx", "--only-changed", "-o", str(out),
                 "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"document": DOC, "format": "docx", "inputs": 2,
                                                   "output": str(out), "text": None}
    word = docx.Document(io.BytesIO(out.read_bytes()))
    # A table per section, each row a paragraph that drew input: 5 (universalization) and 11 (stockpiles).
    rows = {row.cells[0].text: row.cells[1].text for table in word.tables for row in table.rows[1:]}
    assert list(rows) == ["5.", "11."]
    assert f"[Alt 1 (Austria): {FIVE}]" in rows["5."] and "[Deletion proposed by Kenya]" in rows["11."]


def test_compile_to_a_markdown_file_prints_nothing(inputs: Process, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "compilation.md"
    assert main(["compile", DOC, "-C", str(inputs.path), *AT, "-o", str(out)]) == 0
    assert capsys.readouterr().out == ""
    text = out.read_text("utf-8")
    assert FIVE in text and "[Deletion proposed by Kenya]" in text
    assert main(["compile", DOC, "-C", str(inputs.path), *AT, "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["output"] is None and printed["text"] == text
