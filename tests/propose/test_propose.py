"""`ccmflow propose`: an input received outside GitHub made into one commit on a new branch, offline."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pygit2
import pytest
from roots import REPO_ROOT as ROOT

from ccmflow.core.inputfile import Channel, InputKind
from ccmflow.core.model import Workspace
from ccmflow.main import main
from ccmflow.propose.build import INDICATOR_PLACEHOLDER, Edit, Proposal, ProposalError, build
from ccmflow.propose.resolve import ResolveError, resolve
from ccmflow.read.inputfile import check_input, parse_input
from ccmflow.read.load import SourceFile, parse_text
from ccmflow.repo.store import Store

PLAN = "documents/lausanne-action-plan.yaml"
REVIEW = "documents/review-document.yaml"


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
    on_section = _propose(capsys, instance, "review-document", "--remark", _text(tmp_path, "Too short."),
                          "--section", "universalization", "--as", "mexico")
    path = on_section["files"][0]
    record, _ = parse_input(SourceFile(path, _at(instance, on_section["branch"], path).encode()))
    assert record is not None and (record.section, record.paragraph) == ("universalization", None)
    assert on_section["summary"] == "general remark on section 'Universalization' of Lausanne Review Document"


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
    (["atlantis", "5", "--delete", "--as", "kenya"],
     "no document 'atlantis' (known: lausanne-action-plan, political-declaration, review-document)"),
    (["review-document", "--text", "TEXT", "--as", "kenya"],
     "name the paragraph as in the circulated text, e.g. '5' or 'Action 12'"),
    (["review-document", "5", "--remark", "TEXT", "--position", "explanation", "--as", "kenya"],
     "Lausanne Review Document is not adopted yet: explanations of position and reservations are given on the "
     "adopted text"),
])
def test_unusable_proposals_say_what_to_fix(capsys: pytest.CaptureFixture[str], instance: Path, tmp_path: Path,
                                            argv: list[str], message: str) -> None:
    argv = [_text(tmp_path, "  \n") if a == "EMPTY" else _text(tmp_path, "Some text.") if a == "TEXT" else a
            for a in argv]
    assert main(["propose", *argv, "-C", str(instance)]) == 2
    assert message in capsys.readouterr().err
    assert [r for r in pygit2.Repository(str(instance)).references if r.startswith("refs/heads/input/")] == []


def test_resolve_names_as_delegates_write_them(ccm: Workspace) -> None:
    plan = ccm.documents["lausanne-action-plan"]
    numbers = plan.numbers()
    twelve = next(pid for pid, n in numbers.items() if n == "Action 12")
    for name in ("Action 12", "action  12", twelve):
        assert resolve(plan, name)[1].id == twelve
    review = ccm.documents["review-document"]
    five = next(pid for pid, n in review.numbers().items() if n == "5")
    for name in ("5", "para. 5", "paragraph 5", " 5 "):
        assert resolve(review, name)[1].id == five
    with pytest.raises(ResolveError, match="no paragraph 'Action 99'"):
        resolve(plan, "Action 99")
    with pytest.raises(ResolveError, match=r"^no paragraph given: write its number as in the circulated text"):
        resolve(plan, "  ")


def test_a_name_that_fits_two_paragraphs_or_a_document_without_numbers(ccm: Workspace) -> None:
    """With actions numbered 'Para. 1', 'para. 1' is both Action 1 and narrative paragraph 1: refused, never
    guessed; a document that numbers nothing is named by ids."""
    from msgspec.structs import replace

    plan = replace(ccm.documents["lausanne-action-plan"], numbering={"action": "Para. {n}"})
    with pytest.raises(ResolveError) as several:
        resolve(plan, "Para. 1")
    assert str(several.value) == ("'Para. 1' names several paragraphs of Lausanne Action Plan 2021-2025; use the "
                                  "paragraph id shown by ccmflow show")
    bare = replace(plan, numbering={kind: "" for kind in {p.kind for _, p in plan.walk()}})
    with pytest.raises(ResolveError) as unnumbered:
        resolve(bare, "1")
    assert str(unnumbered.value) == ("Lausanne Action Plan 2021-2025 has no paragraph '1': it has no numbered "
                                     "paragraphs; use a paragraph id")


def test_an_input_is_made_on_a_delegations_behalf(ccm: Workspace) -> None:
    text = (ROOT / REVIEW).read_text()
    with pytest.raises(ProposalError, match=r"^say on whose behalf the input is made \(a delegation id"):
        build(ccm, text, Proposal("review-document", InputKind.DELETE, (), "5"), "x")


def test_an_inserted_action_stays_measurable(ccm: Workspace) -> None:
    text = (ROOT / PLAN).read_text()
    built = build(ccm, text, Proposal("lausanne-action-plan", InputKind.INSERT, ("austria",), "Action 1",
                                     text="A new action."), "austria-insert-x")
    doc = parse_text(PLAN, built.files[PLAN]).record
    assert doc is not None
    new = next(p for _, p in doc.walk() if p.text == "A new action.")  # type: ignore[union-attr]
    assert new.kind == "action" and new.indicators == (INDICATOR_PLACEHOLDER,)
    with pytest.raises(ProposalError, match="current text"):
        first = doc.walk().__next__()[1]  # type: ignore[union-attr]
        build(ccm, text, Proposal("lausanne-action-plan", InputKind.AMEND, ("austria",), first.id,
                                 text=first.text), "x")


def test_several_changes_are_made_one_after_the_other_or_refused(ccm: Workspace) -> None:
    """An input of kind CHANGES (what a Word file makes) applies its edits in order, as one proposal each would."""
    text = (ROOT / REVIEW).read_text()
    review = ccm.documents["review-document"]
    five, six = (next(pid for pid, n in review.numbers().items() if n == want) for want in ("5", "6"))

    def changes(*edits: Edit) -> Proposal:
        return Proposal("review-document", InputKind.CHANGES, ("kenya",), edits=edits)

    made = build(ccm, text, changes(Edit(InputKind.AMEND, "5", "Five, amended."), Edit(InputKind.DELETE, "6")), "k")
    assert made.summary == (f"2 changes to Lausanne Review Document: amendment to paragraph 5 ({five}); deletion of "
                            f"paragraph 6 ({six})")
    for edits, message in [
        ((Edit(InputKind.DELETE, "5"),),
         "an input of several changes needs at least two (one change is a proposal of its kind)"),
        ((Edit(InputKind.DELETE, "5"), Edit(InputKind.REMARK, "6")),
         "'remark' is not a change to a paragraph (amend, insert or delete)"),
        ((Edit(InputKind.DELETE, "5"), Edit(InputKind.AMEND, "5", "Five, amended.")),
         f"no paragraph '{five}' in documents/review-document.yaml"),
        ((Edit(InputKind.DELETE, "5"), Edit(InputKind.INSERT, "5", "After five.")),
         f"paragraph '{five}' is not in section 'universalization'"),
    ]:
        with pytest.raises(ProposalError) as refused:
            build(ccm, text, changes(*edits), "k")
        assert str(refused.value) == message


def test_a_position_on_the_adopted_text_cites_its_paragraphs(ccm: Workspace) -> None:
    from msgspec.structs import replace

    adopted = replace(ccm, documents={**ccm.documents,
                                      "review-document": replace(ccm.documents["review-document"], status="adopted")})
    text = (ROOT / REVIEW).read_text()
    position = Proposal("review-document", InputKind.POSITION, ("kenya",), remark="Kenya joins the consensus.")
    with pytest.raises(ProposalError, match=r"^cite the paragraphs the position is about, as in the adopted text"):
        build(adopted, text, position, "k")
    made = build(adopted, text, replace(position, cites=("5", "para. 5", "6")), "k")
    assert made.record.paragraphs == ("pkp3nvcv", "plo6mh6s") and list(made.files) == [made.record.path]
    assert made.summary == "explanation of position on Lausanne Review Document"


# --- A time of receipt that cannot be right is refused; an e-mail without one is entered with a warning. -------

NOW = ["--at", "2020-05-06T12:00"]


@pytest.mark.parametrize(("argv", "message"), [
    (["--received", "2020-05-07T09:00", *NOW], "--received 7 May 2020, 09:00:00 CEST (07:00:00 UTC) is later than "
                                               "now (6 May 2020, 12:00:00 CEST (10:00:00 UTC))"),
    (["--received", "2031-05-04T18:30"], "is later than now"),  # the real clock, far behind 2031
    (["--received", "0001-01-01T00:00:00Z", *NOW], "--received 0001-01-01T00:00:00+00:00 is before the process "
                                                    "began (its first announced date less 30 days: 16 March 2020, "
                                                    "00:00:00 CET (15 March 2020, 23:00:00 UTC)): check the date"),
    (["--received", "2019-05-04T18:30", *NOW], "is before the process began"),
    (["--received", "2020-05-04T18:30", "--channel", "github", *NOW], "--received attests when an input arrived "
                                                                      "outside GitHub; through github"),
    (["--received", "2020-05-04T18:30", "--channel", "issue-form", *NOW], "through issue-form, GitHub's own time"),
])
def test_a_time_of_receipt_that_cannot_be_right_is_refused(capsys: pytest.CaptureFixture[str], instance: Path,
                                                           tmp_path: Path, argv: list[str], message: str) -> None:
    capsys.readouterr()
    assert main(["propose", "review-document", "--remark", _text(tmp_path, "Views."), "--as", "chile", *argv,
                 "-C", str(instance)]) == 2
    assert message in capsys.readouterr().err
    assert [r for r in pygit2.Repository(str(instance)).references if r.startswith("refs/heads/input/")] == []


def test_the_plausible_times_come_from_the_process(instance: Path) -> None:
    """A month before the process's first date: move that date and the bound moves with it."""
    from msgspec.structs import replace

    from ccmflow.propose.receipt import check_receipt, earliest_receipt

    process = Store(instance).require("HEAD").process
    assert earliest_receipt(process) == datetime(2020, 3, 15, 23, 0, tzinfo=UTC)
    early = replace(process, milestones=(replace(process.milestones[0], start=date(2019, 1, 10)),
                                         *process.milestones[1:]))
    assert earliest_receipt(early) == datetime(2018, 12, 10, 23, 0, tzinfo=UTC)
    now = datetime(2020, 5, 6, tzinfo=UTC)
    assert check_receipt(early, Channel.EMAIL, datetime(2019, 5, 4, tzinfo=UTC), now) == []
    with pytest.raises(ProposalError, match="before the process began"):
        check_receipt(process, Channel.EMAIL, datetime(2019, 5, 4, tzinfo=UTC), now)


def test_an_e_mail_without_a_time_of_receipt_is_entered_with_a_warning(capsys: pytest.CaptureFixture[str],
                                                                       instance: Path, tmp_path: Path) -> None:
    capsys.readouterr()
    assert main(["propose", "review-document", "--remark", _text(tmp_path, "Views."), "--as", "chile",
                 "--channel", "e-mail", "-C", str(instance)]) == 0
    captured = capsys.readouterr()
    assert "✓ general remark" in captured.out
    assert ("ccmflow: warning: no time of receipt (--received) for an input received by e-mail: the time its pull "
            "request is opened will count as the time it was received") in " ".join(captured.err.split())
    out = _propose(capsys, instance, "review-document", "--remark", _text(tmp_path, "Views."), "--as", "chile",
                   "--channel", "e-mail", "--branch", "input/second")
    assert out["warnings"] == [w for w in out["warnings"] if "no time of receipt" in w] and len(out["warnings"]) == 1
    quiet = _propose(capsys, instance, "review-document", "--remark", _text(tmp_path, "Views."), "--as", "chile",
                     "--received", "2020-05-04T18:30", *NOW, "--branch", "input/third")
    assert quiet["warnings"] == []


@pytest.mark.parametrize(("argv", "code", "message"), [
    (["--received", "2031-05-04T18:30"], 2, "is later than now"),
    (["--received", "0001-01-01T00:00:00Z"], 2, "is before the process began"),
    (["--received", "2020-05-04T18:30", "--channel", "github"], 2, "arrived outside GitHub"),
    (["--channel", "e-mail"], 0, "no time of receipt (--received)"),
])
def test_the_same_checks_apply_to_a_word_file(capsys: pytest.CaptureFixture[str], instance: Path, tmp_path: Path,
                                              argv: list[str], code: int, message: str) -> None:
    from wordkit import Marked, numbered, render

    from ccmflow.word.ooxml import bookmark_name

    marked = Marked(render(instance, "review-document"))
    marked.track_replace(bookmark_name(numbered(instance, "review-document")["5"]), "[number]", "twelve")
    sent = tmp_path / "kenya.docx"
    sent.write_bytes(marked.data())
    capsys.readouterr()
    assert main(["propose", "--from-docx", str(sent), "--as", "kenya", *argv, "-C", str(instance)]) == code
    assert message in " ".join(capsys.readouterr().err.split())
