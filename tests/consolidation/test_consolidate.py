"""Consolidated versions on real repositories: inputs as refs, frozen refs first, provenance, dispositions."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pygit2
import pytest
from consolidationkit import AUSTRIA, CHILE, DOC, P2, P3, P4, P14, PATH, WINDOW, ledger, make_input, text_at
from gitutil import commit, set_ref
from msgspec.structs import replace

from ccmflow.consolidation.consolidate import consolidate, next_version
from ccmflow.consolidation.dispositions import read_register
from ccmflow.consolidation.messages import notices
from ccmflow.core.errors import FatalError, InvalidInput
from ccmflow.core.model import Document, Paragraph, Workspace
from ccmflow.main import main
from ccmflow.repo.ledger import FrozenInput, Manifest, freeze_ref, write_manifest
from ccmflow.repo.store import Store
from ccmflow.write.edit import Editor


def result_doc(repo: pygit2.Repository, branch: str = f"consolidate/{DOC}/consolidated") -> Document:
    return Store(repo.workdir).document(branch, DOC)


def test_two_inputs_become_the_consolidated_version(repo: pygit2.Repository) -> None:
    make_input(repo, 1, lambda e: e.set_text(P2, "The First Review Conference adopted the Dubrovnik Declaration."))
    make_input(repo, 2, lambda e: e.insert("introduction", P3, Paragraph(id="pnewchl1", kind="narrative",
                                                                         text="Chile proposes a new paragraph.")))
    make_input(repo, 3, lambda e: e.set_text(P14, "Unrelated proposal nobody takes."))
    ledger(repo, (1, AUSTRIA, "Austria: paragraph 2"), (2, CHILE, "Chile: new paragraph"), (3, AUSTRIA, "Other"))
    main_before = repo.references["refs/heads/main"].target
    done = consolidate(Store(repo.workdir), DOC, ["pr-1", "2"])
    assert done.branch == f"consolidate/{DOC}/consolidated"
    assert repo.references["refs/heads/main"].target == main_before  # nothing else moved
    assert not (Path(repo.workdir) / "documents").exists()  # nothing checked out
    doc = result_doc(repo)
    assert doc.version == "consolidated"
    assert doc.paragraph(P2).derived_from == ("pr-1",)  # type: ignore[union-attr]
    assert doc.paragraph("pnewchl1").derived_from == ("pr-2",)  # type: ignore[union-attr]
    assert doc.paragraph(P3).derived_from == ()  # type: ignore[union-attr]
    assert doc.numbers()["pnewchl1"] == "4"
    text = text_at(repo, done.branch, f"documents/dispositions/{WINDOW}.yaml")
    register = read_register(text, "x.yaml")
    outcomes = {d.input: (d.outcome, d.stakeholder, d.paragraphs) for d in register.inputs}
    assert outcomes == {"pr-1": ("incorporated", "austria", (P2,)), "pr-2": ("incorporated", "chile", ("pnewchl1",)),
                        "pr-3": ("not-retained", "austria", ())}
    assert register.version == "consolidated" and register.window == WINDOW
    # Untouched lines of the document stay byte for byte.
    before, after = text_at(repo, "main").splitlines(), text_at(repo, done.branch).splitlines()
    assert len([line for line in after if line not in before]) < 12


def test_frozen_refs_are_preferred_and_late_inputs_listed(repo: pygit2.Repository) -> None:
    on_time = make_input(repo, 5, lambda e: e.set_text(P3, "On time wording."))
    make_input(repo, 5, lambda e: e.set_text(P3, "Wording pushed after the deadline."))
    set_ref(repo, freeze_ref(WINDOW, 5), on_time)
    make_input(repo, 6, lambda e: e.set_text(P14, "Late only."))
    deadline = datetime(2020, 5, 4, 21, 59, 59, tzinfo=UTC)
    write_manifest(Store(repo.path), Manifest(WINDOW, deadline, deadline, (
        FrozenInput(number=5, sha=str(on_time), latest_sha="x" * 40, received=deadline, author_id=AUSTRIA,
                    author_login="at", stakeholder="austria", late=False),
        FrozenInput(number=6, sha=None, latest_sha="y" * 40, received=None, author_id=CHILE, author_login="cl",
                    stakeholder="chile", late=True))))
    done = consolidate(Store(repo.workdir), DOC, ["5"])
    assert done.inputs[0].source == "frozen"
    assert result_doc(repo).paragraph(P3).text == "On time wording."  # type: ignore[union-attr]
    late = done.register.get("pr-6")
    assert late is not None and late.outcome == "not-retained" and "after the deadline" in late.reason
    with pytest.raises(FatalError, match="no version received by the deadline"):
        consolidate(Store(repo.workdir), DOC, ["6"], branch="other")


def test_conflict_stops_with_inputs_paragraph_id_and_number(repo: pygit2.Repository,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    make_input(repo, 1, lambda e: e.set_text(P14, "Austria's version of paragraph 14."))
    make_input(repo, 2, lambda e: e.set_text(P14, "Chile's version of paragraph 14."))
    with pytest.raises(InvalidInput) as caught:
        consolidate(Store(repo.workdir), DOC, ["pr-1", "pr-2"])
    (finding,) = caught.value.findings
    assert finding.message == f"pr-2 conflicts with pr-1 on paragraph 14 ({P14}): changed two ways (text)"
    assert finding.file == PATH and text_at(repo, "main").splitlines()[finding.line - 1].strip() == f"- id: {P14}"
    assert f"refs/heads/consolidate/{DOC}/consolidated" not in repo.references
    assert main(["consolidate", DOC, "--take", "pr-1,pr-2", "-C", repo.workdir]) == 1
    assert "pr-2 conflicts with pr-1 on paragraph 14" in capsys.readouterr().out


def test_a_section_title_or_a_document_field_changed_two_ways_names_the_earlier_input(
        repo: pygit2.Repository) -> None:
    """Two inputs retitle a section, two others change the agenda item: each clash names the input whose change
    stands (not the base branch, which changed neither), and is placed at the file's first line."""
    def retitle(title: str) -> Callable[[Editor], None]:
        return lambda e: e.write(replace(e.document, sections=tuple(
            replace(s, title=title) if s.id == "universalization" else s for s in e.document.sections)))

    def agenda(item: str) -> Callable[[Editor], None]:
        return lambda e: e.write(replace(e.document, agenda_item=item))

    for number, change in enumerate((retitle("Universal adherence"), retitle("Universality"), agenda("Item 9"),
                                     agenda("Item 11")), 1):
        make_input(repo, number, change)
    with pytest.raises(InvalidInput) as caught:
        consolidate(Store(repo.workdir), DOC, ["pr-1", "pr-2", "pr-3", "pr-4"])
    assert [(f.file, f.line, f.column, f.message, f.hint) for f in caught.value.findings] == [
        (PATH, 1, 1, "pr-2 conflicts with pr-1 on section universalization: title changed two ways",
         "take only one of them, or add --skip-conflicts to keep the text of pr-1"),
        (PATH, 1, 1, "pr-4 conflicts with pr-3 on document agenda_item: changed two ways",
         "take only one of them, or add --skip-conflicts to keep the text of pr-3")]
    done = consolidate(Store(repo.workdir), DOC, ["pr-1", "pr-2", "pr-3", "pr-4"], skip_conflicts=True)
    result = result_doc(repo)
    assert (result.section("universalization").title, result.agenda_item) == (  # type: ignore[union-attr]
        "Universal adherence", "Item 9")
    assert [c.others for c in done.conflicts] == [("pr-1",), ("pr-3",)]


def test_skip_conflicts_keeps_the_first(repo: pygit2.Repository) -> None:
    make_input(repo, 1, lambda e: e.set_text(P14, "Austria's version of paragraph 14."))

    def chile(e: Editor) -> None:
        e.set_text(P14, "Chile's version of paragraph 14.")
        e.set_text(P2, "Chile also changed paragraph 2.")

    make_input(repo, 2, chile)
    done = consolidate(Store(repo.workdir), DOC, ["pr-1", "pr-2"], skip_conflicts=True)
    doc = result_doc(repo)
    assert doc.paragraph(P14).text == "Austria's version of paragraph 14."  # type: ignore[union-attr]
    assert doc.paragraph(P14).derived_from == ("pr-1",)  # type: ignore[union-attr]
    assert doc.paragraph(P2).derived_from == ("pr-2",)  # type: ignore[union-attr]
    chile_d = done.register.get("pr-2")
    assert chile_d is not None and chile_d.outcome == "partly-incorporated" and chile_d.paragraphs == (P2,)
    assert "conflicted with pr-1 on paragraph 14" in chile_d.reason
    assert [str(c) for c in done.conflicts] == [f"pr-2 conflicts with pr-1 on paragraph 14 ({P14}): "
                                                "changed two ways (text)"]


def test_later_input_built_on_an_earlier_one_supersedes_it(repo: pygit2.Repository) -> None:
    first = make_input(repo, 1, lambda e: e.set_text(P3, "First wording."))
    set_ref(repo, "refs/heads/first", first)
    make_input(repo, 2, lambda e: e.set_text(P3, "Second, better wording."), parent="first")
    done = consolidate(Store(repo.workdir), DOC, ["1", "2"])
    assert result_doc(repo).paragraph(P3).text == "Second, better wording."  # type: ignore[union-attr]
    assert result_doc(repo).paragraph(P3).derived_from == ("pr-1", "pr-2")  # type: ignore[union-attr]
    first_d = done.register.get("pr-1")
    assert first_d is not None and first_d.outcome == "superseded" and first_d.superseded_by == ("pr-2",)
    assert done.register.get("pr-2").outcome == "incorporated"  # type: ignore[union-attr]


def test_fields_of_one_paragraph_from_two_inputs(repo: pygit2.Repository) -> None:
    make_input(repo, 1, lambda e: e.set_text(P3, "Text from one input."))
    make_input(repo, 2, lambda e: e.set_field(P3, "references", ["review-document#pold5l7v"]))
    done = consolidate(Store(repo.workdir), DOC, ["1", "2"])
    assert {d.input: d.outcome for d in done.register.inputs} == {"pr-1": "incorporated", "pr-2": "incorporated"}
    assert result_doc(repo).paragraph(P3).derived_from == ("pr-1", "pr-2")  # type: ignore[union-attr]


def test_branch_input_and_cli_json(repo: pygit2.Repository, capsys: pytest.CaptureFixture[str]) -> None:
    head = make_input(repo, None, lambda e: e.delete(P4))
    set_ref(repo, "refs/heads/presidency/Merge_Ideas", head)
    code = main(["consolidate", DOC, "--take", "presidency/Merge_Ideas", "--branch", "next", "-C", repo.workdir,
                 "--json"])
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["branch"] == "next" and data["version"] == "consolidated"
    assert data["dispositions"] == [{"input": "presidency-merge-ideas", "outcome": "incorporated",
                                     "reason": "Incorporated in the consolidated version.", "paragraphs": []}]
    assert result_doc(repo, "next").paragraph(P4) is None
    assert main(["consolidate", DOC, "--take", "presidency/Merge_Ideas", "--branch", "next",
                 "-C", repo.workdir]) == 2  # exists: refuse without --force


def test_result_must_pass_the_cross_document_rules(repo: pygit2.Repository) -> None:
    make_input(repo, 1, lambda e: e.delete(P14))  # the action plan refers to paragraph 14
    with pytest.raises(InvalidInput, match=f"'review-document#{P14}' does not resolve"):
        consolidate(Store(repo.workdir), DOC, ["1"])
    assert f"refs/heads/consolidate/{DOC}/consolidated" not in repo.references


def test_edited_reasons_survive_a_rerun(repo: pygit2.Repository) -> None:
    make_input(repo, 1, lambda e: e.set_text(P3, "Some wording."))
    done = consolidate(Store(repo.workdir), DOC, ["1"])
    register = text_at(repo, done.branch, done.register_path)
    edited = register.replace("Incorporated in the consolidated version.", "Thank you, taken as proposed.")
    commit(repo, {done.register_path: edited}, "presidency edits reasons")
    again = consolidate(Store(repo.workdir), DOC, ["1"], branch="again")
    assert again.register.get("pr-1").reason == "Thank you, taken as proposed."  # type: ignore[union-attr]


def test_unknown_inputs_are_refused(repo: pygit2.Repository) -> None:
    with pytest.raises(FatalError, match="no refs/pull/9/head"):
        consolidate(Store(repo.workdir), DOC, ["pr-9"])
    with pytest.raises(FatalError, match="not pr-<n>"):
        consolidate(Store(repo.workdir), DOC, ["no-such-branch"])


def test_what_cannot_be_consolidated_is_refused_with_what_to_write(repo: pygit2.Repository) -> None:
    make_input(repo, 1, lambda e: e.set_text(P3, "Some wording."))
    store = Store(repo.workdir)
    for options, message in [
        ({"doc": "atlantis"}, "no document 'atlantis' at HEAD (known: lausanne-action-plan, political-declaration, "
                              "review-document)"),
        ({"version": "ratified"}, "version 'ratified' is not in process.yaml's versions"),
        ({"window": "nope"}, "no window 'nope' in process.yaml (known: review-zero-draft-input, "),
    ]:
        with pytest.raises(FatalError) as refused:
            consolidate(store, str(options.pop("doc", DOC)), ["1"], **options)
        assert str(refused.value).startswith(message)
    assert [r for r in repo.references if r.startswith("refs/heads/consolidate/")] == []


def test_a_document_no_window_covers_is_consolidated_under_its_version(repo: pygit2.Repository) -> None:
    """Without an input window for the Review Document, the register is named after its version."""
    process = "documents/process.yaml"
    text = re.sub(r"  - id: [a-z-]+\n    document: review-document\n(    .*\n)+", "", text_at(repo, "main", process))
    commit(repo, {process: text}, "the review windows left out")
    make_input(repo, 1, lambda e: e.set_text(P3, "Some wording."))
    done = consolidate(Store(repo.workdir), DOC, ["1"])
    assert done.window == f"{DOC}-zero-draft" and done.register_path == f"documents/dispositions/{DOC}-zero-draft.yaml"
    register = text_at(repo, done.branch, done.register_path)
    assert register.splitlines()[:2] == [
        f"# What became of each input to the window {DOC}-zero-draft, written by `ccmflow consolidate`.",
        "# The presidency may edit each reason (and outcome: incorporated, partly-incorporated, not-retained,"]


def test_inputs_taken_twice_or_without_shared_history_are_refused(repo: pygit2.Repository) -> None:
    make_input(repo, 1, lambda e: e.set_text(P3, "Some wording."))
    orphan = commit(repo, {PATH: text_at(repo, "main").replace("Second Review Conference", "2RC", 1)},
                    "from elsewhere", branch=None, parents=[])
    set_ref(repo, "refs/pull/2/head", orphan)
    store = Store(repo.workdir)
    with pytest.raises(FatalError, match=r"^input taken twice: pr-1$"):
        consolidate(store, DOC, ["1", "pr-1"])
    with pytest.raises(FatalError, match=r"^pr-2 \(refs/pull/2/head\) shares no history with the base branch$"):
        consolidate(store, DOC, ["1", "2"])


def test_only_pull_requests_are_told_their_disposition(repo: pygit2.Repository) -> None:
    """The notices the bot posts go to pull requests: an input taken from a branch has no conversation to post in."""
    make_input(repo, 1, lambda e: e.set_text(P3, "Some wording."))
    branch = make_input(repo, None, lambda e: e.set_text(P2, "Ideas of the Presidency."))
    set_ref(repo, "refs/heads/presidency/ideas", branch)
    done = consolidate(Store(repo.workdir), DOC, ["pr-1", "presidency/ideas"])
    assert [d.input for d in done.register.inputs] == ["pr-1", "presidency-ideas"]
    found = notices(done.register, done.document, "consolidated version", {}, "https://example.org/blob")
    assert [n.number for n in found] == [1]


def test_a_register_that_is_not_one_is_refused_with_its_place(repo: pygit2.Repository) -> None:
    make_input(repo, 1, lambda e: e.set_text(P3, "Some wording."))
    done = consolidate(Store(repo.workdir), DOC, ["1"])
    text = text_at(repo, done.branch, done.register_path)
    assert read_register(text, done.register_path) == done.register
    with pytest.raises(InvalidInput) as broken:
        read_register(text.replace("inputs:\n", "inputs: [\n", 1), done.register_path)
    assert broken.value.findings[0].file == done.register_path
    with pytest.raises(InvalidInput) as invalid:
        read_register(text.replace("    outcome: incorporated", "    outcome: adopted", 1), done.register_path)
    assert "adopted" in str(invalid.value.findings[0].message)


def test_a_cosponsored_input_not_taken_is_incorporated_and_credited(repo: pygit2.Repository) -> None:
    same = "The First Review Conference adopted the Dubrovnik Declaration and Action Plan."
    make_input(repo, 1, lambda e: e.set_text(P2, same))
    make_input(repo, 2, lambda e: e.set_text(P2, same))  # Chile proposes the very same text
    make_input(repo, 3, lambda e: e.set_text(P2, same + " It was a milestone."))  # close, but not the same
    ledger(repo, (1, AUSTRIA, "Austria: paragraph 2"), (2, CHILE, "Chile: paragraph 2"), (3, AUSTRIA, "Other"))
    done = consolidate(Store(repo.workdir), DOC, ["pr-1"])
    outcomes = {d.input: (d.outcome, d.reason, d.paragraphs) for d in done.register.inputs}
    assert outcomes["pr-1"][0] == "incorporated"
    assert outcomes["pr-2"] == ("incorporated", "Incorporated in the consolidated version: the same text was "
                                "proposed by pr-1.", (P2,))
    assert outcomes["pr-3"][0] == "not-retained"
    paragraph = result_doc(repo).paragraph(P2)
    assert paragraph is not None and paragraph.derived_from == ("pr-1", "pr-2")


def test_the_next_version_is_the_next_stage_the_document_goes_through(ccm: Workspace) -> None:
    documents = ccm.documents
    # The Action Plan starts from an informal working paper, the Declaration from elements: both go on to a first
    # draft, never to the Review Document's consolidated version listed between them.
    assert next_version(ccm, documents["review-document"]) == "consolidated"
    assert next_version(ccm, documents["lausanne-action-plan"]) == "first-draft"
    assert next_version(ccm, documents["political-declaration"]) == "first-draft"
    review = documents["review-document"]
    last = [v.id for v in ccm.process.versions_of("review-document")][-1]
    for version, message in ((last, f"review-document is at the last version ('{last}'); name one with --version"),
                             ("draft-x", "review-document is at version 'draft-x', which process.yaml does not list")):
        with pytest.raises(FatalError) as refused:
            next_version(ccm, replace(review, version=version))
        assert str(refused.value) == message
