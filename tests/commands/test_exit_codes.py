"""How a command ends when the person stops it, the reader goes away, or the repository is not one ccmflow can read:
one exit code and one clear line, never a traceback."""

from __future__ import annotations

import io
import json
import runpy
import subprocess
import sys
from pathlib import Path

import pygit2
import pytest
from gitutil import commit
from roots import REPO_ROOT as ROOT
from stdiokit import ClosedPipe

from ccmflow.main import main


def test_ctrl_c_ends_the_command_with_130_and_no_traceback(monkeypatch: pytest.MonkeyPatch,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    from ccmflow.read import directory

    def interrupted(*_: object) -> object:
        raise KeyboardInterrupt  # the person presses Ctrl-C while the files are read

    monkeypatch.setattr(directory, "directory_files", interrupted)
    assert main(["status", "-C", str(ROOT)]) == 130
    assert capsys.readouterr() == ("", "")


@pytest.mark.parametrize("json_output", [False, True])
def test_output_into_a_closed_pipe_is_not_an_error(json_output: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    # Tables go through rich, JSON is written plainly: the reader going away ends either quietly with 0.
    err = io.StringIO()
    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    monkeypatch.setattr(sys, "stderr", err)
    assert main(["show", "review-document", "-C", str(ROOT), *(["--json"] if json_output else [])]) == 0
    # Standard error is closed, so that Python's own flush at exit cannot print a second broken pipe.
    assert err.closed


@pytest.mark.parametrize("json_output", [False, True])
def test_findings_into_a_closed_pipe_still_fail(json_output: bool, top: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # `ccmflow validate | head -n 1`: the reader goes away while the findings are printed; the exit code still
    # says that there are findings, and nothing else is printed.
    path = top / "documents" / "political-declaration.yaml"
    path.write_text(path.read_text().replace("kind: operative", "kind: operational", 1))
    err = io.StringIO()
    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    monkeypatch.setattr(sys, "stderr", err)
    assert main(["new-id", "-C", str(top), *(["--json"] if json_output else [])]) == 1
    assert err.closed


@pytest.mark.parametrize("command", ["show lausanne-action-plan", "show lausanne-action-plan --json", "status"])
def test_piped_into_head_exits_quietly(command: str) -> None:
    # The real thing: `ccmflow show DOC | head -n 1` prints the first line, no error, and the pipeline succeeds.
    shown = subprocess.run(["bash", "-o", "pipefail", "-c",
                            f"{sys.executable} -m ccmflow.main {command} -C {ROOT} | head -n 1"],
                           capture_output=True, text=True, check=False, cwd=ROOT)
    assert (shown.returncode, shown.stderr) == (0, "") and shown.stdout.count("\n") == 1


@pytest.mark.filterwarnings("ignore:'ccmflow.main' found in sys.modules:RuntimeWarning")  # imported by this module
def test_python_m_ccmflow_main_runs_a_command(monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    # How `ccmflow merge-driver --install --command "python -m ccmflow.main"` has git run it.
    monkeypatch.setattr(sys, "argv", ["ccmflow", "new-id", "-n", "2", "-C", str(ROOT), "--json"])
    with pytest.raises(SystemExit) as ended:
        runpy.run_module("ccmflow.main", run_name="__main__")
    assert ended.value.code == 0
    assert len(json.loads(capsys.readouterr().out)["ids"]) == 2


def test_a_folder_without_documents_says_how_to_start_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["status", "-C", str(tmp_path)]) == 2
    assert capsys.readouterr().err == (f"ccmflow: no documents/ folder in {tmp_path.resolve()} or above (run ccmflow "
                                       "init DIR to start one)\n")
    assert main(["new-id", "-C", str(tmp_path), "--json"]) == 2
    assert json.loads(capsys.readouterr().out) == {
        "ok": False, "exit_code": 2,
        "error": f"no documents/ folder in {tmp_path.resolve()} or above (run ccmflow init DIR to start one)"}


def test_a_subfolder_finds_the_documents_above_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new-id", "-C", str(ROOT / "documents" / "schemas"), "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["ids"]) == 1


def test_new_id_needs_every_file_valid(top: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A fresh id must be fresh across every document: one that cannot be read could hold it.
    path = top / "documents" / "political-declaration.yaml"
    text = path.read_text()
    path.write_text(text.replace("kind: operative", "kind: operational", 1))
    assert main(["new-id", "-C", str(top), "--json"]) == 1
    (finding,) = json.loads(capsys.readouterr().out)["findings"]
    assert finding["file"] == "documents/political-declaration.yaml" and "'operational'" in finding["message"]
    assert text.replace("kind: operative", "kind: operational", 1).splitlines()[finding["line"] - 1].strip() == \
        "kind: operational"


def test_new_id_count_must_be_a_number(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["new-id", "-n", "five", "-C", str(ROOT)])
    assert stopped.value.code == 2 and "argument -n/--count: not a number: 'five'" in capsys.readouterr().err


@pytest.mark.parametrize(("name", "what"), [("process.yaml", "the process timeline"),
                                          ("stakeholders.yaml", "the registry of stakeholders")])
def test_show_a_file_that_is_not_a_document(name: str, what: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = ROOT / "documents" / name
    assert main(["show", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"ccmflow: {path} is {what}, not a document:") and "documents/DOC.yaml" in err
    assert main(["render", str(path), "--json"]) == 2
    assert json.loads(capsys.readouterr().out)["ok"] is False


def test_show_a_broken_document_file_lists_its_problems(top: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = top / "documents" / "review-document.yaml"
    path.write_text(path.read_text().replace("  status: draft", "  status: [draft", 1))
    assert main(["show", str(path), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is False and data["findings"][0]["file"] == str(path)


def test_status_at_a_revision_with_one_broken_document_shows_the_rest(instance: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    repo = pygit2.Repository(str(instance))
    path = "documents/political-declaration.yaml"
    broken = (instance / path).read_text().replace("kind: operative", "kind: operational", 1)
    commit(repo, {path: broken}, "a broken edit")
    assert main(["status", "-C", str(instance), "--rev", "main", "--at", "2020-05-04T12:00", "--json"]) == 0
    out, err = capsys.readouterr()
    data = json.loads(out)
    assert data["phase"] == "open for input: Written input on the zero draft of the Review Document"
    assert "political-declaration" not in {d["document"] for d in data["documents"]}
    assert {"review-document", "lausanne-action-plan"} <= {d["document"] for d in data["documents"]}
    read, translations = err.splitlines()
    assert read == f"ccmflow: warning: 1 problem(s) in {path} (`ccmflow validate` lists them); showing what can be read"
    assert "translations/fr/political-declaration.yaml" in translations and translations.endswith("left out")
    # The work tree is not what is read: there, every document is valid.
    assert main(["status", "-C", str(instance), "--at", "2020-05-04T12:00", "--json"]) == 0
    assert "political-declaration" in {d["document"] for d in json.loads(capsys.readouterr().out)["documents"]}
