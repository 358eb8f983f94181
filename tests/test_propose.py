"""`ccmflow propose`: an input received outside GitHub made into one commit on a new branch, offline."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pygit2
import pytest
from gitutil import instance_checkout

from ccmflow.core.inputfile import Channel, InputKind
from ccmflow.main import main
from ccmflow.propose.build import INDICATOR_PLACEHOLDER, Proposal, ProposalError, build
from ccmflow.propose.resolve import ResolveError, resolve
from ccmflow.read.inputfile import check_input, parse_input
from ccmflow.read.load import SourceFile, parse_text
from ccmflow.repo.store import Store, directory_workspace

ROOT = Path(__file__).resolve().parents[1]
PLAN = "documents/lausanne-action-plan.yaml"
REVIEW = "documents/review-document.yaml"


@pytest.fixture
def instance(tmp_path: Path) -> Path:
    return instance_checkout(tmp_path)


def _propose(capsys: pytest.CaptureFixture[str], instance: Path, *argv: str) -> dict:  # type: ignore[type-arg]
    capsys.readouterr()
    assert main(["propose", *argv, "-C", str(instance), "--json"]) == 0
    return dict(json.loads(capsys.readouterr().out))


def _at(instance: Path, branch: str, path: str) -> str:
    repo = pygit2.Repository(str(instance))
    commit = repo.revparse_single(f"refs/heads/{branch}").peel(pygit2.Commit)
    blob = commit.tree[path]
    assert isinstance(blob, pygit2.Blob)
    return blob.data.decode("utf-8")


def _text(tmp_path: Path, text: str) -> str:
    path = tmp_path / "input.txt"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_amendment_to_an_action_by_its_display_number(capsys: pytest.CaptureFixture[str], instance: Path,
                                                      tmp_path: Path) -> None:
    new = "States not party are urged to join the Convention without delay."
    out = _propose(capsys, instance, "lausanne-action-plan", "Action 12", "--text", _text(tmp_path, new),
                   "--as", "austria", "--as", "cmc")
    ws = Store(instance).require("HEAD")
    plan = ws.documents["lausanne-action-plan"]
    target = next(pid for pid, n in plan.numbers().items() if n == "Action 12")
    after = parse_text(PLAN, _at(instance, out["branch"], PLAN)).record
    assert after is not None and after.paragraph(target).text == new  # type: ignore[union-attr]
    # Structural: only the paragraph's text lines change, every other line stays byte-identical.
    old_lines = (instance / PLAN).read_text().splitlines()
    new_lines = _at(instance, out["branch"], PLAN).splitlines()
    assert len([line for line in new_lines if line not in old_lines]) == 1
    record, findings = parse_input(SourceFile(out["files"][0], _at(instance, out["branch"], out["files"][0]).encode()))
    assert not findings and record is not None
    assert record.kind == InputKind.AMEND and record.paragraph == target
    assert record.on_behalf_of == ("austria", "cmc")
    assert check_input(record, ws) == []


def test_insertion_deletion_and_remark(capsys: pytest.CaptureFixture[str], instance: Path, tmp_path: Path) -> None:
    base = Store(instance).require("HEAD").documents["review-document"]
    five = next(pid for pid, n in base.numbers().items() if n == "5")
    inserted = _propose(capsys, instance, "review-document", "--after", "paragraph 5",
                        "--text", _text(tmp_path, "A new paragraph."), "--as", "kenya")
    doc = parse_text(REVIEW, _at(instance, inserted["branch"], REVIEW)).record
    assert doc is not None
    new_six = next(pid for pid, n in doc.numbers().items() if n == "6")  # type: ignore[union-attr]
    assert doc.paragraph(new_six).text == "A new paragraph." and new_six not in base.numbers()  # type: ignore[union-attr]
    deleted = _propose(capsys, instance, "review-document", five, "--delete", "--as", "kenya")
    doc = parse_text(REVIEW, _at(instance, deleted["branch"], REVIEW)).record
    assert doc is not None and doc.paragraph(five) is None  # type: ignore[union-attr]
    remark = _propose(capsys, instance, "review-document", "5", "--remark",
                      _text(tmp_path, "The document is too long."), "--as", "mexico")
    assert remark["files"] == [f"documents/inputs/review-document/{remark['input']}.yaml"]  # no text change
    path = remark["files"][0]
    record, _ = parse_input(SourceFile(path, _at(instance, remark["branch"], path).encode()))
    assert record is not None and record.kind == InputKind.REMARK
    assert record.section == base.section_of(five).id  # type: ignore[union-attr]
    assert record.remark == "The document is too long."


def test_e_mail_attestation_is_recorded(capsys: pytest.CaptureFixture[str], instance: Path, tmp_path: Path) -> None:
    out = _propose(capsys, instance, "review-document", "--remark", _text(tmp_path, "Views."), "--as", "chile",
                   "--received", "2020-05-04T18:30", "--reference", "E-mail of 4 May 2020")
    record, _ = parse_input(SourceFile(out["files"][0], _at(instance, out["branch"], out["files"][0]).encode()))
    assert record is not None and record.section is None
    assert record.channel == Channel.EMAIL
    assert record.received == datetime(2020, 5, 4, 16, 30, tzinfo=UTC)  # conference time (CEST) read as such
    assert record.reference == "E-mail of 4 May 2020"


@pytest.mark.parametrize(("argv", "message"), [
    (["review-document", "999", "--delete", "--as", "kenya"], "has no paragraph '999'"),
    (["review-document", "5", "--delete", "--as", "atlantis"], "not in the registry: atlantis"),
    (["review-document", "5", "--text", "EMPTY", "--as", "kenya"], "the proposed text is empty"),
])
def test_unusable_proposals_say_what_to_fix(capsys: pytest.CaptureFixture[str], instance: Path, tmp_path: Path,
                                            argv: list[str], message: str) -> None:
    argv = [_text(tmp_path, "  \n") if a == "EMPTY" else a for a in argv]
    assert main(["propose", *argv, "-C", str(instance)]) == 2
    assert message in capsys.readouterr().err
    assert [r for r in pygit2.Repository(str(instance)).references if r.startswith("refs/heads/input/")] == []


def test_resolve_names_as_delegates_write_them() -> None:
    ws, _ = directory_workspace(ROOT)
    assert ws is not None
    plan = ws.documents["lausanne-action-plan"]
    numbers = plan.numbers()
    twelve = next(pid for pid, n in numbers.items() if n == "Action 12")
    for name in ("Action 12", "action  12", twelve):
        assert resolve(plan, name)[1].id == twelve
    review = ws.documents["review-document"]
    five = next(pid for pid, n in review.numbers().items() if n == "5")
    for name in ("5", "para. 5", "paragraph 5", " 5 "):
        assert resolve(review, name)[1].id == five
    with pytest.raises(ResolveError, match="no paragraph 'Action 99'"):
        resolve(plan, "Action 99")


def test_an_inserted_action_stays_measurable() -> None:
    ws, _ = directory_workspace(ROOT)
    assert ws is not None
    text = (ROOT / PLAN).read_text()
    built = build(ws, text, Proposal("lausanne-action-plan", InputKind.INSERT, ("austria",), "Action 1",
                                     text="A new action."), "austria-insert-x")
    doc = parse_text(PLAN, built.files[PLAN]).record
    assert doc is not None
    new = next(p for _, p in doc.walk() if p.text == "A new action.")  # type: ignore[union-attr]
    assert new.kind == "action" and new.indicators == (INDICATOR_PLACEHOLDER,)
    with pytest.raises(ProposalError, match="current text"):
        first = doc.walk().__next__()[1]  # type: ignore[union-attr]
        build(ws, text, Proposal("lausanne-action-plan", InputKind.AMEND, ("austria",), first.id,
                                 text=first.text), "x")
