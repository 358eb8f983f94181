"""`ccmflow demo`: the whole process offline, its outputs, and that it is repeatable and careful with folders."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pygit2
import pytest

from ccmflow.core.errors import FatalError
from ccmflow.demo.run import instance_root, run_demo
from ccmflow.main import main
from ccmflow.repo.ledger import freeze_ref, read_ledger, read_manifest
from ccmflow.repo.store import Store

WINDOW = "review-zero-draft-input"
OUTPUTS = ("summary/review-document.md", "summary/review-document.json", "compilation/review-document.md",
           "compilation/review-document.html", "consolidated/review-document.md",
           "consolidated/review-document.html", "consolidated/review-zero-draft-input.yaml",
           "redline/review-document.md", "redline/review-document.html",
           *(f"triage/pr-{n}.md" for n in range(1, 9)))


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("demo") / "out"
    assert main(["demo", "--out", str(out)]) == 0
    return out


def test_every_output_is_written(demo: Path) -> None:
    for name in OUTPUTS:
        assert (demo / name).is_file() and (demo / name).stat().st_size > 200, name


def test_the_summary_tells_the_story(demo: Path) -> None:
    summary = json.loads((demo / "summary/review-document.json").read_text("utf-8"))
    assert summary["window"] == WINDOW and summary["total"] == 8 and summary["frozen_at"]
    assert summary["by_timing"] == {"on-time": 6, "late-accepted": 1, "late": 1}
    universal = next(s for s in summary["sections"] if s["id"] == "universalization")
    assert [o["proposals"] for o in universal["overlaps"]] == [2]
    assert universal["cosponsored"][0]["delegations"] == ["Austria", "Chile"]
    (invalid,) = summary["invalid"]
    assert invalid["input"] == "pr-7" and "documents/review-document.yaml:" in invalid["problems"][0]
    cmc = next(e for s in summary["sections"] for e in s["inputs"] if e["input"] == "pr-4")
    assert cmc["timing"] == "on-time" and "late, not counted" in cmc["later"]
    kenya = next(e for s in summary["sections"] for e in s["inputs"] if e["input"] == "pr-5")
    assert kenya["timing"] == "late"  # its commit says 3 May; GitHub received it on 5 May
    text = (demo / "summary/review-document.md").read_text("utf-8")
    assert text.startswith("# Consolidation summary: Lausanne Review Document")


def test_triage_compilation_consolidation_and_redline(demo: Path) -> None:
    assert "Received on time" in (demo / "triage/pr-1.md").read_text("utf-8")
    assert "changed after the deadline" in (demo / "triage/pr-4.md").read_text("utf-8")
    assert "not valid YAML" in (demo / "triage/pr-7.md").read_text("utf-8")
    assert "Accepted by the Presidency" in (demo / "triage/pr-6.md").read_text("utf-8")
    compilation = (demo / "compilation/review-document.html").read_text("utf-8")
    assert "<b>Alt 1</b> (<span class=\"sponsors\">Austria; Chile</span>)" in compilation
    assert "[Deletion proposed by" in compilation
    consolidated = (demo / "consolidated/review-document.md").read_text("utf-8")
    assert "reflecting the sustained outreach of States Parties" in consolidated
    assert "predictable multi-year commitments" not in consolidated  # pr-4's late change is not taken
    register = (demo / "consolidated/review-zero-draft-input.yaml").read_text("utf-8")
    assert "input: pr-3" in register and "not-retained" in register
    # Late inputs are outside the freeze manifest but never dropped from the register.
    assert all(f"input: pr-{n}\n" in register for n in range(1, 9))
    late = register.split("input: pr-5\n", 1)[1].split("- input:", 1)[0]
    assert "Received after the deadline" in late
    page = (demo / "redline/review-document.html").read_text("utf-8")
    assert "<ins>" in page
    # The same redline in every format names the delegations behind each change, as `ccmflow diff` does.
    assert "Austria" in page and "Proposed by Austria" in (demo / "redline/review-document.md").read_text("utf-8")


def test_the_repository_holds_the_ledger_and_the_freeze(demo: Path) -> None:
    repo = pygit2.Repository(str(demo / "repository"))
    assert [r.number for r in read_ledger(Store(repo.path)).inputs] == list(range(1, 9))
    manifest = read_manifest(Store(repo.path), WINDOW)
    assert manifest is not None and [i.number for i in manifest.inputs] == [1, 2, 3, 4, 7, 8]
    assert freeze_ref(WINDOW, 4) in repo.references
    assert "refs/heads/consolidate/review-document/consolidated" in repo.references
    assert "refs/tags/review-document/zero-draft" in repo.references


def test_each_document_is_tagged_at_its_own_first_stage_on_the_note_s_date(demo: Path) -> None:
    repo = pygit2.Repository(str(demo / "repository"))
    tags = {name.removeprefix("refs/tags/"): repo.references[name].peel(pygit2.Tag)
            for name in repo.references if name.startswith("refs/tags/")}
    days = {name: datetime.fromtimestamp(tag.tagger.time, UTC).date().isoformat() for name, tag in tags.items()}
    # No zero draft of the Action Plan or the Declaration, and nothing dated 16 March.
    assert days == {"review-document/zero-draft": "2020-04-15", "lausanne-action-plan/working-paper": "2020-05-29",
                    "political-declaration/elements": "2020-08-07",
                    # The conference week: each text tagged on the day it was issued.
                    "review-document/rev-1": "2020-11-23", "review-document/facilitators-text-1": "2020-11-24",
                    "review-document/rev-2": "2020-11-25", "review-document/final": "2020-11-27",
                    "review-document/adopted": "2020-11-27"}


def test_the_demo_is_repeatable_and_careful_with_folders(demo: Path, tmp_path: Path) -> None:
    again = run_demo(tmp_path / "again")
    assert again.facts["freezes_changed"] == [True, False]  # the second, late freeze changes nothing
    for name in OUTPUTS:
        if name.startswith(("summary", "compilation", "triage", "redline")):
            assert (demo / name).read_bytes() == (tmp_path / "again" / name).read_bytes(), name
    run_demo(tmp_path / "again")  # a previous demo's output is replaced without asking
    other = tmp_path / "mine"
    other.mkdir()
    (other / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(FatalError, match="not empty"):
        run_demo(other)
    run_demo(other, force=True)
    assert (other / "notes.txt").read_text("utf-8") == "keep me" and (other / "summary").is_dir()


def test_the_embedded_documents_are_found() -> None:
    names = {item.name for item in instance_root().iterdir()}
    assert {"review-document.yaml", "process.yaml", "stakeholders.yaml", "schemas"} <= names


def test_the_story_is_read_off_the_summary(tmp_path: Path) -> None:
    result = run_demo(tmp_path / "out", False)
    summary = json.loads((tmp_path / "out" / "summary" / "review-document.json").read_text("utf-8"))
    story = str(result.facts["story"])
    timing = summary["by_timing"]
    assert story.startswith(f"{summary['total']} inputs to the Lausanne Review Document ({timing['on-time']} on "
                            f"time, {timing['late-accepted']} late and accepted, {timing['late']} late; 1 invalid)")
    assert "paragraph 5 (pkp3nvcv) drew 3 inputs with 2 different proposals" in story
    assert "2 delegations proposed the same amendment to paragraph 5 (pkp3nvcv)" in story


def _consolidate(demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], *take: str) -> dict[str, Any]:
    """`ccmflow consolidate` on a copy of the demo's repository; its JSON, dispositions by input."""
    repository = tmp_path / "repository"
    shutil.copytree(demo / "repository", repository)
    # From the zero draft, as in May: main has since gone on into the conference week, where the text was agreed.
    pygit2.Repository(str(repository)).references.delete("refs/ccmflow/status/review-document")
    assert main(["consolidate", "review-document", "--take", *take, "--skip-conflicts", "--branch", "try",
                 "--base", "review-document/zero-draft", "-C", str(repository), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    data["by_input"] = {d["input"]: d for d in data["dispositions"]}
    return data


def test_register_credits_a_cosponsor_only_to_the_input_whose_text_stands(
        demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # pr-3 (ICRC) changes paragraph 5 differently from pr-1 and loses the conflict; pr-2 (Chile) has pr-1's text.
    found = _consolidate(demo, tmp_path, capsys, "pr-1", "pr-3")["by_input"]
    assert found["pr-2"]["outcome"] == "incorporated"
    assert found["pr-2"]["reason"].endswith("the same text was proposed by pr-1.")
    assert found["pr-2"].get("superseded_by") == ["pr-1"]
    icrc = found["pr-3"]
    assert icrc["outcome"] == "not-retained" and icrc["paragraphs"] == []
    assert "conflicted with pr-1 on paragraph 5" in icrc["reason"] and "nothing yet" not in icrc["reason"]


def test_register_says_an_input_is_invalid_and_warns_of_a_late_input_taken(
        demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _consolidate(demo, tmp_path, capsys, "pr-1", "refs/pull/5/head")
    found = data["by_input"]
    germany = found["pr-7"]  # its YAML does not parse
    assert germany["outcome"] == "not-retained"
    assert "does not pass validation (documents/review-document.yaml:" in germany["reason"]
    kenya = found["pr-5"]  # late, never accepted, taken by its ref all the same
    assert kenya["outcome"] == "incorporated" and "has not accepted it late" in kenya["reason"]
    assert [w.split(" ", 1)[0] for w in data["warnings"]] == ["pr-5"]
    mexico = found["pr-6"]  # late and accepted by the presidency, not taken
    assert mexico["reason"].startswith("Received after the deadline and accepted late; not taken")


def test_the_demo_goes_on_into_the_conference_week(demo: Path) -> None:
    from ccmflow.repo.statusref import read_status
    from ccmflow.repo.store import Store

    store = Store(demo / "repository")
    rev1 = store.document("refs/tags/review-document/rev-1", "review-document")
    assert rev1.symbol_at() == "CCM/CONF/2020/WP.1/Rev.1" and rev1.issued["rev-1"] == "2020-11-23T18:00"
    assert "[number]" in (demo / "conference/review-document-rev-1.html").read_text("utf-8")
    assert '<mark class="bracket">[number]</mark>' in (demo / "conference/review-document-rev-1.html").read_text(
        "utf-8")
    entries = read_status(store, "review-document").entries
    ad_ref = [e for e in entries if e.status.value == "agreed-ad-ref"]
    assert {e.by_login for e in ad_ref} == {"nz-disarmament-geneva"} and len(ad_ref) == 2
    assert {e.status.value for e in entries[-45:]} == {"adopted"}
    adopted = store.document("refs/tags/review-document/adopted", "review-document")
    assert adopted.status == "adopted" and "[" not in "".join(p.text for _, p in adopted.walk())
    redline = (demo / "conference/review-document-rev-1-rev-2.html").read_text("utf-8")
    # Paragraph 5 was bracketed in Rev.1 and agreed ad referendum by Rev.2; paragraph 6 open, then ad ref; the
    # brackets the Presidency cleaned leave five paragraphs open.
    assert redline.count("status: bracketed → agreed ad referendum") == 1
    assert redline.count("status: open → agreed ad referendum") == 1
    assert redline.count("status: bracketed → open") == 5
    report = (demo / "report/report-en.md").read_text("utf-8")
    assert "CCM/CONF/2020/6" in report and "**Explanation of position**, Kenya" in report
    assert "| (no symbol) | Lausanne Review Document: Facilitator's text 1" in report
    assert (demo / "report/report-en.docx").stat().st_size > 10_000
    assert '<mark class="bracket">[number]</mark>' in (demo / "compilation/review-document.html").read_text("utf-8")


def test_the_redline_between_revisions_marks_the_statuses_that_changed(
        demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["diff", "review-document", "rev-1", "rev-2", "--format", "md", "-C",
                 str(demo / "repository")]) == 0
    status = capsys.readouterr().out.split("## Status changed", 1)[1]
    assert "- 6 (plo6mh6s): open → agreed ad referendum" in status
    assert "- 5 (pkp3nvcv): bracketed → agreed ad referendum" in status
    capsys.readouterr()
    assert main(["diff", "review-document", "zero-draft", "rev-1", "--format", "md", "-C",
                 str(demo / "repository")]) == 0
    assert "## Status changed" not in capsys.readouterr().out  # the zero draft was issued with no time
