"""Word in: a circulated .docx a delegation marked up in Word becomes, through `propose --from-docx`, the same
input as the equivalent `ccmflow propose` commands; a file that cannot be read back whole is refused."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from pathlib import Path

import docx
import pygit2
import pytest
from gitutil import instance_checkout
from wordkit import Marked

from ccmflow.core.inputfile import Change, InputFile, InputKind, input_path
from ccmflow.main import main
from ccmflow.propose import build as propose_build
from ccmflow.read.inputfile import parse_input
from ccmflow.read.load import SourceFile
from ccmflow.repo.store import Store
from ccmflow.word.document import PROP_COMMIT
from ccmflow.word.ooxml import bookmark_name
from ccmflow.word.read import read_changes
from ccmflow.write.inputemit import dump_input

ROOT = Path(__file__).resolve().parents[1]
REVIEW = "documents/review-document.yaml"
PLAN = "documents/lausanne-action-plan.yaml"
WHEN = ["--received", "2020-05-04T18:30", "--reference", "E-mail of 4 May 2020"]


@pytest.fixture
def instance(tmp_path: Path) -> Path:
    return instance_checkout(tmp_path)


@pytest.fixture(autouse=True)
def new_ids(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """New paragraph ids are random: drawn here in order, so that clearing the list between two ways of making
    the same input gives both the same ids."""
    drawn: list[str] = []

    def new_id(taken: object) -> str:
        drawn.append(f"pnew{len(drawn):04d}")
        return drawn[-1]

    monkeypatch.setattr(propose_build, "new_id", new_id)
    return drawn


def _render(instance: Path, doc: str) -> bytes:
    out = instance / "out" / f"{doc}.docx"
    assert main(["render", doc, "--format", "docx", "-o", str(out), "-C", str(instance)]) == 0
    return out.read_bytes()


def _run(capsys: pytest.CaptureFixture[str], instance: Path, *argv: str) -> dict:  # type: ignore[type-arg]
    capsys.readouterr()
    assert main(["propose", *argv, "-C", str(instance), "--json"]) == 0, capsys.readouterr().err
    return dict(json.loads(capsys.readouterr().out))


def _at(instance: Path, branch: str, path: str) -> str:
    repo = pygit2.Repository(str(instance))
    blob = repo.revparse_single(f"refs/heads/{branch}").peel(pygit2.Commit).tree[path]
    assert isinstance(blob, pygit2.Blob)
    return blob.data.decode("utf-8")


def _file(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def _ids(instance: Path, doc: str) -> dict[str, str]:
    """Display number -> paragraph id at HEAD."""
    document = Store(instance).require("HEAD").documents[doc]
    return {number: pid for pid, number in document.numbers().items()}


def _record(instance: Path, out: dict) -> tuple[InputFile, str]:  # type: ignore[type-arg]
    path = next(f for f in out["files"] if f.startswith("documents/inputs/"))
    text = _at(instance, out["branch"], path)
    record, findings = parse_input(SourceFile(path, text.encode("utf-8")))
    assert record is not None and not findings
    return record, text


def _input_branches(instance: Path) -> list[str]:
    return [r for r in pygit2.Repository(str(instance)).references if r.startswith("refs/heads/input/")]


def test_a_marked_up_file_is_the_input_the_propose_commands_make(
        capsys: pytest.CaptureFixture[str], instance: Path, tmp_path: Path, new_ids: list[str]) -> None:
    ids = _ids(instance, "review-document")
    base = Store(instance).require("HEAD").documents["review-document"]
    marked = Marked(_render(instance, "review-document"))
    marked.retype(bookmark_name(ids["2"]), "over those five years", "over the five years 2015-2020")
    marked.track_replace(bookmark_name(ids["5"]), "[number]", "twelve")
    marked.comment(bookmark_name(ids["5"]), "Twelve States joined since Dubrovnik.\nSee the treaty database.")
    marked.insert_after(bookmark_name(ids["7"]), "Regional meetings helped several signatories to ratify.")
    marked.delete(bookmark_name(ids["9"]))
    marked.comment(bookmark_name(ids["9"]), "Repeats paragraph 6.")
    edited = tmp_path / "review-kenya.docx"
    edited.write_bytes(marked.data())

    from_word = _run(capsys, instance, "--from-docx", str(edited), "--as", "kenya", *WHEN)

    # The same changes, one `ccmflow propose` at a time, each on the branch the previous one made (after the
    # insertion, numbers after it have moved: the deletion names its paragraph by id).
    two = base.paragraph(ids["2"]).text.replace("over those five years", "over the five years 2015-2020")  # type: ignore[union-attr]
    five = base.paragraph(ids["5"]).text.replace("[number]", "twelve", 1)  # type: ignore[union-attr]
    new_ids.clear()
    steps = [
        ["review-document", "2", "--text", _file(tmp_path, "two.txt", two)],
        ["review-document", "5", "--text", _file(tmp_path, "five.txt", five), "--justification",
         _file(tmp_path, "why5.txt", "Twelve States joined since Dubrovnik.\nSee the treaty database.")],
        ["review-document", "--after", "7", "--text",
         _file(tmp_path, "new.txt", "Regional meetings helped several signatories to ratify.")],
        ["review-document", ids["9"], "--delete", "--justification",
         _file(tmp_path, "why9.txt", "Repeats paragraph 6.")],
    ]
    branch, records = "main", []
    for step in steps:
        made = _run(capsys, instance, *step, "--as", "kenya", *WHEN, "--base", branch)
        branch = made["branch"]
        records.append(_record(instance, made)[0])

    assert _at(instance, from_word["branch"], REVIEW) == _at(instance, branch, REVIEW)
    record, text = _record(instance, from_word)
    assert record.kind == InputKind.CHANGES and from_word["files"] == sorted([REVIEW, record.path])
    assert [(c.kind, c.paragraph) for c in record.changes] == [
        (InputKind.AMEND, ids["2"]), (InputKind.AMEND, ids["5"]), (InputKind.INSERT, ids["7"]),
        (InputKind.DELETE, ids["9"])]
    expected = replace(records[0], id=record.id, path=input_path("review-document", record.id),
                       kind=InputKind.CHANGES, paragraph=None, justification=None,
                       changes=tuple(Change(r.kind, r.paragraph or "", r.justification) for r in records))
    assert text == dump_input(expected)
    # Based on the version the file was made from.
    repo = pygit2.Repository(str(instance))
    made = repo.revparse_single(f"refs/heads/{from_word['branch']}").peel(pygit2.Commit)
    assert made.parents[0].id == repo.head.target


def test_one_change_makes_the_very_record_of_one_propose(capsys: pytest.CaptureFixture[str], instance: Path,
                                                         tmp_path: Path) -> None:
    ids = _ids(instance, "review-document")
    base = Store(instance).require("HEAD").documents["review-document"]
    marked = Marked(_render(instance, "review-document"))
    marked.track_replace(bookmark_name(ids["5"]), "[number]", "twelve")
    marked.comment(bookmark_name(ids["5"]), "Twelve States joined.")
    edited = tmp_path / "one.docx"
    edited.write_bytes(marked.data())
    from_word = _run(capsys, instance, "--from-docx", str(edited), "--as", "kenya", *WHEN)
    five = base.paragraph(ids["5"]).text.replace("[number]", "twelve", 1)  # type: ignore[union-attr]
    by_hand = _run(capsys, instance, "review-document", "5", "--text", _file(tmp_path, "five.txt", five),
                   "--justification", _file(tmp_path, "why.txt", "Twelve States joined."), "--as", "kenya", *WHEN)
    assert from_word["kind"] == by_hand["kind"] == "amend"
    assert _at(instance, from_word["branch"], REVIEW) == _at(instance, by_hand["branch"], REVIEW)
    word_text = _record(instance, from_word)[1]
    hand_text = _record(instance, by_hand)[1]
    assert word_text == hand_text.replace(by_hand["input"], from_word["input"])


def test_new_paragraph_typed_after_an_actions_details_and_a_deleted_action(
        capsys: pytest.CaptureFixture[str], instance: Path, tmp_path: Path) -> None:
    """Detail lines (indicators, references) are not paragraphs; a line typed after them, in their style, is."""
    ids = _ids(instance, "lausanne-action-plan")
    marked = Marked(_render(instance, "lausanne-action-plan"))
    marked.insert_after(bookmark_name(ids["Action 3"]), "Report on outreach each year.", style="CCMDetail")
    marked.delete(bookmark_name(ids["Action 5"]))
    edited = tmp_path / "plan.docx"
    edited.write_bytes(marked.data())
    out = _run(capsys, instance, "--from-docx", str(edited), "--as", "austria")
    record, _ = _record(instance, out)
    assert [(c.kind, c.paragraph) for c in record.changes] == [(InputKind.INSERT, ids["Action 3"]),
                                                               (InputKind.DELETE, ids["Action 5"])]
    doc_text = _at(instance, out["branch"], PLAN)
    assert "Report on outreach each year." in doc_text and "To be defined" in doc_text


def test_a_rendered_file_read_back_changes_nothing(instance: Path) -> None:
    workspace = Store(instance).require("HEAD")
    for doc in sorted(workspace.documents):
        reading = read_changes(_render(instance, doc), workspace.documents[doc], workspace.documents)
        assert reading.edits == () and reading.problems == (), doc


def test_a_destroyed_bookmark_is_refused_with_the_paragraph_named(capsys: pytest.CaptureFixture[str],
                                                                   instance: Path, tmp_path: Path) -> None:
    ids = _ids(instance, "review-document")
    marked = Marked(_render(instance, "review-document"))
    marked.track_replace(bookmark_name(ids["5"]), "[number]", "twelve")
    marked.destroy_bookmark(bookmark_name(ids["8"]))
    edited = tmp_path / "broken.docx"
    edited.write_bytes(marked.data())
    capsys.readouterr()
    assert main(["propose", "--from-docx", str(edited), "--as", "kenya", "-C", str(instance)]) == 2
    err = capsys.readouterr().err
    assert f"paragraph 8 ({ids['8']}) could not be placed" in err and "nothing was made" in err
    assert f"({ids['5']})" not in err
    assert _input_branches(instance) == []


def test_files_ccmflow_did_not_make_are_refused(capsys: pytest.CaptureFixture[str], instance: Path,
                                                tmp_path: Path) -> None:
    other = docx.Document()
    other.add_paragraph("Our amendments to paragraph 5.")
    buffer = io.BytesIO()
    other.save(buffer)
    foreign = tmp_path / "foreign.docx"
    foreign.write_bytes(buffer.getvalue())
    unknown = Marked(_render(instance, "review-document"))
    unknown.set_property(PROP_COMMIT, "0123456789abcdef0123456789abcdef01234567")
    elsewhere = tmp_path / "elsewhere.docx"
    elsewhere.write_bytes(unknown.data())
    for path, message in ((foreign, "ccmflow did not produce this file"),
                          (elsewhere, "which this repository does not have")):
        capsys.readouterr()
        assert main(["propose", "--from-docx", str(path), "--as", "kenya", "-C", str(instance)]) == 2
        assert message in capsys.readouterr().err
    assert _input_branches(instance) == []


@pytest.mark.parametrize(("body", "valid"), [
    ("  kind: changes\n  changes:\n    - kind: amend\n      paragraph: pkp3nvcv\n"
     "    - kind: delete\n      paragraph: pgtgoa2k\n", True),
    ("  kind: changes\n  changes:\n    - kind: amend\n      paragraph: pkp3nvcv\n", False),  # one: its own kind
    ("  kind: changes\n  paragraph: pkp3nvcv\n  changes:\n    - kind: amend\n      paragraph: pkp3nvcv\n"
     "    - kind: delete\n      paragraph: pgtgoa2k\n", False),
    ("  kind: amend\n  paragraph: pkp3nvcv\n  changes:\n    - kind: amend\n      paragraph: pkp3nvcv\n"
     "    - kind: delete\n      paragraph: pgtgoa2k\n", False),
    ("  kind: changes\n  changes:\n    - kind: remark\n      paragraph: pkp3nvcv\n"
     "    - kind: delete\n      paragraph: pgtgoa2k\n", False),
])
def test_the_record_of_several_changes(body: str, valid: bool) -> None:
    text = f"input:\n  id: kenya-changes-x\n  document: review-document\n  on_behalf_of: [kenya]\n{body}"
    record, findings = parse_input(SourceFile(input_path("review-document", "kenya-changes-x"), text.encode()))
    assert (record is not None and not findings) is valid, findings
    if record is not None:
        assert record.changes == (Change(InputKind.AMEND, "pkp3nvcv"), Change(InputKind.DELETE, "pgtgoa2k"))
