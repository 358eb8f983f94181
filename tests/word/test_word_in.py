"""Word in: a circulated .docx a delegation marked up in Word becomes, through `propose --from-docx`, the same
input as the equivalent `ccmflow propose` commands; a file that cannot be read back whole is refused."""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import pygit2
import pytest
from gitutil import commit, set_ref
from msgspec.structs import replace
from wordkit import Marked, input_branches, numbered, render

from ccmflow.core.inputfile import Change, InputFile, InputKind, input_path
from ccmflow.main import main
from ccmflow.propose import build as propose_build
from ccmflow.read.inputfile import parse_input
from ccmflow.read.load import SourceFile
from ccmflow.repo.store import Store
from ccmflow.word.document import PROP_COMMIT
from ccmflow.word.ooxml import bookmark_name
from ccmflow.word.read import open_word, read_changes
from ccmflow.write.inputemit import dump_input

REVIEW = "documents/review-document.yaml"
PLAN = "documents/lausanne-action-plan.yaml"
WHEN = ["--received", "2020-05-04T18:30", "--reference", "E-mail of 4 May 2020"]


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


def _record(instance: Path, out: dict) -> tuple[InputFile, str]:  # type: ignore[type-arg]
    path = next(f for f in out["files"] if f.startswith("documents/inputs/"))
    text = _at(instance, out["branch"], path)
    record, findings = parse_input(SourceFile(path, text.encode("utf-8")))
    assert record is not None and not findings
    return record, text


def test_a_marked_up_file_is_the_input_the_propose_commands_make(
        capsys: pytest.CaptureFixture[str], instance: Path, tmp_path: Path, new_ids: list[str]) -> None:
    ids = numbered(instance, "review-document")
    base = Store(instance).require("HEAD").documents["review-document"]
    marked = Marked(render(instance, "review-document"))
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
    ids = numbered(instance, "review-document")
    base = Store(instance).require("HEAD").documents["review-document"]
    marked = Marked(render(instance, "review-document"))
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
    ids = numbered(instance, "lausanne-action-plan")
    marked = Marked(render(instance, "lausanne-action-plan"))
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
        reading = read_changes(open_word(render(instance, doc)), workspace.documents[doc], workspace.documents)
        assert reading.edits == () and reading.problems == (), doc


def test_a_destroyed_bookmark_is_refused_with_the_paragraph_named(capsys: pytest.CaptureFixture[str],
                                                                   instance: Path, tmp_path: Path) -> None:
    ids = numbered(instance, "review-document")
    marked = Marked(render(instance, "review-document"))
    marked.track_replace(bookmark_name(ids["5"]), "[number]", "twelve")
    marked.destroy_bookmark(bookmark_name(ids["8"]))
    edited = tmp_path / "broken.docx"
    edited.write_bytes(marked.data())
    capsys.readouterr()
    assert main(["propose", "--from-docx", str(edited), "--as", "kenya", "-C", str(instance)]) == 1
    err = capsys.readouterr().err
    assert f"paragraph 8 ({ids['8']}) could not be placed" in err and "nothing was made" in err
    assert f"({ids['5']})" not in err
    assert input_branches(instance) == []


def test_files_ccmflow_did_not_make_are_refused(capsys: pytest.CaptureFixture[str], instance: Path,
                                                tmp_path: Path) -> None:
    other = docx.Document()
    other.add_paragraph("Our amendments to paragraph 5.")
    buffer = io.BytesIO()
    other.save(buffer)
    foreign = tmp_path / "foreign.docx"
    foreign.write_bytes(buffer.getvalue())
    unknown = Marked(render(instance, "review-document"))
    unknown.set_property(PROP_COMMIT, "0123456789abcdef0123456789abcdef01234567")
    elsewhere = tmp_path / "elsewhere.docx"
    elsewhere.write_bytes(unknown.data())
    named = Marked(render(instance, "review-document"))
    named.set_property(PROP_COMMIT, "HEAD")
    by_name = tmp_path / "by-name.docx"
    by_name.write_bytes(named.data())
    for path, message in ((foreign, "ccmflow did not produce this file"),
                          (elsewhere, "which this repository does not have"),
                          (by_name, "ccmflow.commit property is not a commit id ('head')")):
        capsys.readouterr()
        assert main(["propose", "--from-docx", str(path), "--as", "kenya", "-C", str(instance)]) == 1
        assert message in capsys.readouterr().err
    assert input_branches(instance) == []


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


# --- The branch is built on the base branch's tip; the file names only the version the delegate edited. -------

AUSTRIA = "  - id: austria\n    name: Austria\n    category: state-party\n"


def _edited(instance: Path, doc_path: str, rev: str, **changes: str | None) -> str:
    """The document's file at `rev` with paragraphs (by id) given a new text, or deleted (None)."""
    from ccmflow.write.edit import Editor

    repo = pygit2.Repository(str(instance))
    blob = repo.revparse_single(rev).peel(pygit2.Commit).tree[doc_path]
    assert isinstance(blob, pygit2.Blob)
    editor = Editor(blob.data.decode("utf-8"), doc_path)
    for pid, text in changes.items():
        if text is None:
            editor.delete(pid)
        else:
            editor.set_text(pid, text)
    return editor.text


def _tree_paths(repo: pygit2.Repository, old: pygit2.Commit, new: pygit2.Commit) -> list[str]:
    return sorted(d.delta.new_file.path for d in repo.diff(old.tree, new.tree))


def test_a_file_naming_a_pull_requests_commit_is_refused(capsys: pytest.CaptureFixture[str], instance: Path,
                                                          tmp_path: Path) -> None:
    """The attack of issue 16: Austria's pull request commit C rewrites paragraph 6 and gives Austria the
    record-input role; Austria renders the document at C, edits paragraph 5 and e-mails the file. The ISU's clone
    has C (the README's fetch hint brings every refs/pull/*/head): the file must not put C into a branch."""
    ids = numbered(instance, "review-document")
    repo = pygit2.Repository(str(instance))
    stakeholders = (instance / "documents/stakeholders.yaml").read_text()
    assert AUSTRIA in stakeholders
    attack = commit(repo, {REVIEW: _edited(instance, REVIEW, "HEAD", **{ids["6"]: "The ISU is abolished."}),
                           "documents/stakeholders.yaml": stakeholders.replace(
                               AUSTRIA, AUSTRIA + "    roles: [record-input]\n")}, "Austria's input", branch=None)
    set_ref(repo, "refs/pull/7/head", attack)
    marked = Marked(render(instance, "review-document", rev="refs/pull/7/head"))
    marked.track_replace(bookmark_name(ids["5"]), "[number]", "twelve")
    sent = tmp_path / "austria.docx"
    sent.write_bytes(marked.data())
    capsys.readouterr()
    code = main(["propose", "--from-docx", str(sent), "--as", "austria", *WHEN, "-C", str(instance)])
    err = capsys.readouterr().err
    assert code == 1
    assert f"names commit {str(attack)[:12]} as the version it was made from, which is not in the history of the " \
           "base branch (HEAD) (a pull request's commit, or another branch's)" in err
    assert len(err.strip().splitlines()) == 1 and input_branches(instance) == []


def test_the_branch_is_built_on_the_tip_and_touches_only_the_document_and_the_record(
        capsys: pytest.CaptureFixture[str], instance: Path, tmp_path: Path) -> None:
    """The file was made from M; main has since moved to B (paragraph 9 reworded, the registry and the Action Plan
    changed). The branch is on B, holds B's paragraph 9 and the delegate's paragraph 5, and against B changes the
    document and the input's record only."""
    ids = numbered(instance, "review-document")
    repo = pygit2.Repository(str(instance))
    marked = Marked(render(instance, "review-document"))
    edited_from = str(repo.head.target)
    marked.track_replace(bookmark_name(ids["5"]), "[number]", "twelve")
    sent = tmp_path / "kenya.docx"
    sent.write_bytes(marked.data())
    plan = numbered(instance, "lausanne-action-plan")
    stakeholders = (instance / "documents/stakeholders.yaml").read_text()
    tip = commit(repo, {REVIEW: _edited(instance, REVIEW, "HEAD", **{ids["9"]: "Paragraph nine, as consolidated."}),
                        PLAN: _edited(instance, PLAN, "HEAD", **{plan["Action 1"]: "Action one, as consolidated."}),
                        "documents/stakeholders.yaml": stakeholders.replace("name: Austria", "name: Republic of "
                                                                            "Austria")}, "consolidated")
    capsys.readouterr()
    assert main(["propose", "--from-docx", str(sent), "--as", "kenya", *WHEN, "-C", str(instance)]) == 0
    out = capsys.readouterr().out
    assert f"the file was made from {edited_from[:12]}, its changes carried onto it" in out
    made = repo.revparse_single(f"refs/heads/{input_branches(instance)[0].removeprefix('refs/heads/')}")
    made = made.peel(pygit2.Commit)
    assert made.parents[0].id == tip
    record = next(p for p in _tree_paths(repo, repo[tip], made) if p.startswith("documents/inputs/"))
    assert _tree_paths(repo, repo[tip], made) == sorted([REVIEW, record])
    document = Store(instance).require(str(made.id)).documents["review-document"]
    assert document.paragraph(ids["9"]).text == "Paragraph nine, as consolidated."  # type: ignore[union-attr]
    assert "twelve" in document.paragraph(ids["5"]).text  # type: ignore[union-attr]


@pytest.mark.parametrize(("paragraph", "on_tip", "in_file", "message"), [
    ("5", "tip-text", "amend", "paragraph 5 ({pid}): changed two ways (text)"),
    ("10", None, "amend", "paragraph 10 ({pid}): deleted in the current version, modified in the file"),
    ("6", "tip-text", "delete", "paragraph 6 ({pid}): deleted in the file, modified in the current version"),
    ("11", None, "insert", "paragraph 11 ({pid}): the new paragraph proposed after it has nowhere to go"),
    ("9", None, "delete", "paragraph 9 ({pid}): the current version already deletes it"),
    ("5", "same", "amend", "paragraph 5 ({pid}): the current version already has the proposed text"),
])
def test_a_change_the_tip_also_made_is_named_and_nothing_is_made(
        capsys: pytest.CaptureFixture[str], instance: Path, tmp_path: Path, paragraph: str, on_tip: str | None,
        in_file: str, message: str) -> None:
    ids = numbered(instance, "review-document")
    pid = ids[paragraph]
    repo = pygit2.Repository(str(instance))
    base = Store(instance).require("HEAD").documents["review-document"]
    old = base.paragraph(pid).text  # type: ignore[union-attr]
    delegate = old.rstrip(".") + ", as Kenya proposes."
    marked = Marked(render(instance, "review-document"))
    name = bookmark_name(pid)
    if in_file == "amend":
        marked.retype(name, old[-20:], delegate[-40:])
        delegate = old[:-20] + delegate[-40:]
    elif in_file == "delete":
        marked.delete(name)
    else:
        marked.insert_after(name, "A paragraph Kenya adds.")
    sent = tmp_path / "kenya.docx"
    sent.write_bytes(marked.data())
    tip_text = {"tip-text": "Paragraph as the Presidency consolidated it.", "same": delegate, None: None}[on_tip]
    commit(repo, {REVIEW: _edited(instance, REVIEW, "HEAD", **{pid: tip_text})}, "consolidated")
    capsys.readouterr()
    assert main(["propose", "--from-docx", str(sent), "--as", "kenya", "-C", str(instance)]) == 1
    err = capsys.readouterr().err
    assert message.format(pid=pid) in err, err
    assert "has since changed what it changes, so nothing was made" in err
    assert input_branches(instance) == []
