"""`ccmflow consolidate` as the presidency's secretariat runs it: what the terminal says about the new branch, the
conflicts it skipped, the late inputs it took, and the dispositions it wrote."""

from __future__ import annotations

import pytest
from gitutil import commit
from inputkit import Process, append, set_text, utc

from ccmflow.consolidation.dispositions import read_register
from ccmflow.main import main
from ccmflow.repo.store import Store

DOC = "review-document"
BRANCH = f"consolidate/{DOC}/consolidated"
REGISTER = "documents/dispositions/review-zero-draft-input.yaml"


@pytest.fixture
def inputs(proc: Process) -> Process:
    """Austria and Chile rewrite paragraph 5 on time; Kenya adds to paragraph 11 after the deadline, unaccepted."""
    proc.submit(1, "austria", set_text("pkp3nvcv", "Austria's paragraph five."), utc(4, 20))
    proc.submit(2, "kenya", append("pabmu3fk", "Kenya, late."), utc(5, 5, 9))
    proc.submit(3, "chile", set_text("pkp3nvcv", "Chile's paragraph five."), utc(4, 21))
    proc.sync()
    return proc


def test_the_terminal_names_the_branch_skipped_conflicts_late_inputs_and_dispositions(
        inputs: Process, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("COLUMNS", "400")  # one line per table row
    main_before = inputs.repo.references["refs/heads/main"].target
    assert main(["consolidate", DOC, "--take", "pr-1", "2,pr-3", "--skip-conflicts", "-C", str(inputs.path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    tip = str(inputs.repo.references[f"refs/heads/{BRANCH}"].target)
    assert lines[0] == f"✓ {DOC} consolidated: branch {BRANCH} ({tip[:12]}) from pr-1, pr-2, pr-3"
    assert lines[1] == "! pr-3 conflicts with pr-1 on paragraph 5 (pkp3nvcv): changed two ways (text) (kept the " \
                       "earlier text)"
    assert lines[2] == "! pr-2 was received after the deadline and the presidency has not accepted it late; it is " \
                       "taken all the same, and its disposition says so"
    assert lines[3] == f"Dispositions ({REGISTER})"
    rows = {cells[0]: cells[1:] for line in lines if line.startswith("│")
            for cells in [[c.strip() for c in line.strip("│").split("│")]]}
    assert rows["pr-1"][:3] == ["austria", "incorporated", "5"]
    assert rows["pr-2"][:3] == ["kenya", "incorporated", "11"] and "after the deadline" in rows["pr-2"][3]
    assert rows["pr-3"][:3] == ["chile", "not-retained", ""] and "the text of pr-1 was kept" in rows["pr-3"][3]
    assert lines[-1] == (f"next: edit the reasons in {REGISTER} if needed, then git push origin {BRANCH} and open "
                         "a pull request")
    # What it says is what it did: a branch with the register, main untouched, nothing checked out.
    assert inputs.repo.references["refs/heads/main"].target == main_before
    store = Store(inputs.path)
    register = read_register(store.text(BRANCH, REGISTER) or "", REGISTER)
    assert [(d.input, d.outcome) for d in register.inputs] == [("pr-1", "incorporated"), ("pr-2", "incorporated"),
                                                               ("pr-3", "not-retained")]
    paragraph = store.document(BRANCH, DOC).paragraph("pkp3nvcv")
    assert paragraph is not None and paragraph.text == "Austria's paragraph five."


def test_a_reason_the_presidency_wrote_is_shown_as_written(inputs: Process, monkeypatch: pytest.MonkeyPatch,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("COLUMNS", "400")
    assert main(["consolidate", DOC, "--take", "pr-1", "-C", str(inputs.path)]) == 0
    store = Store(inputs.path)
    register = store.text(BRANCH, REGISTER) or ""
    edited = register.replace("Incorporated in the consolidated version.", "[bold]Taken[/bold] as proposed.", 1)
    assert edited != register
    commit(inputs.repo, {REGISTER: edited}, "the presidency edits a reason")
    capsys.readouterr()
    assert main(["consolidate", DOC, "--take", "pr-1", "--force", "-C", str(inputs.path)]) == 0
    row = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("│ pr-1"))
    assert "[bold]Taken[/bold] as proposed." in row  # people's text, never read as markup


def test_an_existing_branch_is_kept_without_force(inputs: Process, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["consolidate", DOC, "--take", "pr-1", "-C", str(inputs.path), "--json"]) == 0
    first = inputs.repo.references[f"refs/heads/{BRANCH}"].target
    capsys.readouterr()
    assert main(["consolidate", DOC, "--take", "pr-3", "-C", str(inputs.path)]) == 2
    assert BRANCH in capsys.readouterr().err
    assert inputs.repo.references[f"refs/heads/{BRANCH}"].target == first
