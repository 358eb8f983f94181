"""Windows announced only approximately open when their document's stage is issued, or on a day the Presidency
records; status, the issue form and judging agree on every date; a date shows the documents as they stood."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from types import MappingProxyType
from zoneinfo import ZoneInfo

import pytest
from msgspec.structs import replace
from roots import REPO_ROOT as ROOT

from ccmflow.core.model import OpenedBy, Workspace
from ccmflow.core.status import Verdict, circulated_version, judge, opening, window_state
from ccmflow.main import main
from ccmflow.propose.form import Submission as FormSubmission
from ccmflow.propose.form import parse_form, read_form
from ccmflow.read.directory import directory_workspace
from ccmflow.read.load import parse_text
from ccmflow.read.rules import check

ZURICH = ZoneInfo("Europe/Zurich")
AUSTRIA_ID = 27361048


def cest(month: int, day: int, hour: int = 12, minute: int = 0, second: int = 0) -> datetime:
    return datetime(2020, month, day, hour, minute, second, tzinfo=ZURICH)


def with_issued(workspace: Workspace, did: str, **issued: str) -> Workspace:
    """The workspace with more dates of issue on one document (as `ccmflow release` writes them)."""
    doc = workspace.documents[did]
    documents = dict(workspace.documents) | {did: replace(doc, issued=MappingProxyType(dict(doc.issued) | issued))}
    return Workspace(MappingProxyType(documents), workspace.process, workspace.registry)


def test_the_declaration_window_opens_when_its_elements_are_issued(ccm: Workspace) -> None:
    window = ccm.process.window("declaration-input")
    assert window is not None and window.opened_by is OpenedBy.ISSUED
    assert window.opens == cest(8, 7, 0).astimezone(UTC)  # political-declaration.yaml: issued elements 7 August
    assert window_state(window, cest(8, 10)).state == "open"
    assert window_state(window, cest(9, 20)).state == "open"
    assert window_state(window, cest(8, 6, 23, 59, 59)).state == "upcoming"


@pytest.mark.parametrize(("when", "verdict"), [
    (cest(8, 6, 23, 59, 59), Verdict.EARLY),
    (cest(8, 7, 0, 0, 0), Verdict.ON_TIME),
    (cest(9, 20), Verdict.ON_TIME),
    (cest(9, 25, 23, 59, 59), Verdict.ON_TIME),
    (cest(9, 26, 0, 0, 1), Verdict.LATE),
])
def test_declaration_inputs_are_judged_against_the_day_the_window_opened(ccm: Workspace, when: datetime,
                                                                          verdict: Verdict) -> None:
    assert judge(ccm.process, "political-declaration", when, "elements").verdict is verdict


def test_status_shows_the_declaration_window_open_on_10_august_and_20_september(
        capsys: pytest.CaptureFixture[str]) -> None:
    for at in ("2020-08-10T12:00", "2020-09-20T12:00"):
        assert main(["status", "--at", at, "-C", str(ROOT), "--json"]) == 0
        data = json.loads(capsys.readouterr().out)
        states = {w["id"]: w["state"] for w in data["windows"]}
        assert states["declaration-input"] == "open", at
        assert "Written input to the Political Declaration" in data["phase"]
    assert main(["status", "--at", "2020-08-10T12:00", "-C", str(ROOT)]) == 0
    assert "open for input: Written input to the Political Declaration" in capsys.readouterr().out


def test_before_the_elements_were_issued_status_says_what_was_known_then(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["status", "--at", "2020-04-16T12:00", "-C", str(ROOT), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    window = next(w for w in data["windows"] if w["id"] == "declaration-input")
    # On 16 April nobody knew the elements would come on 7 August: the approximate date stood.
    assert window["state"] == "upcoming" and window["opens"] is None
    assert window["opens_display"] == "opens early August 2020 (approximate)"


def test_the_form_accepts_a_declaration_input_on_20_september(ccm: Workspace) -> None:
    title = ccm.documents["political-declaration"].title
    text = "\n\n".join(f"### {k}\n\n{v}" for k, v in {
        "Document": title, "Kind of input": "Amend a paragraph", "Paragraph": "1", "Proposed text or remark":
        "Reaffirm our commitment.", "Justification": "_No response_", "On whose behalf": "_No response_"}.items())
    proposal = read_form(parse_form(text), ccm, FormSubmission(issue=3, author_id=AUSTRIA_ID,
                                                               received=cest(9, 20).astimezone(UTC)))
    assert proposal.document == "political-declaration"


@pytest.mark.parametrize(("did", "wid", "version"), [
    ("review-document", "review-consolidated-input", "consolidated"),
    ("political-declaration", "declaration-first-draft-comments", "first-draft"),
])
def test_the_comment_windows_open_when_their_version_is_issued(ccm: Workspace, did: str, wid: str,
                                                               version: str) -> None:
    before = ccm.process.window(wid)
    assert before is not None and before.opens is None  # not issued yet in the embedded instance
    assert judge(ccm.process, did, cest(10, 20), version).verdict is Verdict.EARLY
    day = "2020-05-15" if version == "consolidated" else "2020-10-05"
    issued = with_issued(ccm, did, **{version: day})
    window = issued.process.window(wid)
    assert window is not None and window.opens == datetime.fromisoformat(day).replace(tzinfo=ZURICH)
    after = datetime.fromisoformat(day).replace(hour=9, tzinfo=ZURICH)
    assert window_state(window, after).state == "open"
    # No deadline is announced for comments: an input after the issue has no deadline yet, never "early".
    assert judge(issued.process, did, after, version).verdict is Verdict.NO_DEADLINE


def recorded(text: str) -> str:
    old = '    opens:\n      month: "2020-10"\n      part: early\n'
    assert old in text
    return text.replace(old, old + '    opened: "2020-10-02"\n', 1)


def test_the_presidency_records_the_day_a_window_opened(ccm: Workspace) -> None:
    text = recorded((ROOT / "documents" / "process.yaml").read_text("utf-8"))
    parsed = parse_text("documents/process.yaml", text)
    assert parsed.findings == ()
    workspace, findings = check([parsed, *(parse_text(d.path, (ROOT / d.path).read_text("utf-8"))
                                           for d in ccm.documents.values()),
                                 parse_text("documents/stakeholders.yaml",
                                            (ROOT / "documents" / "stakeholders.yaml").read_text("utf-8"))])
    assert not findings and workspace is not None
    window = workspace.process.window("declaration-first-draft-comments")
    assert window is not None and window.opened_by is OpenedBy.RECORDED
    assert window.opens == cest(10, 2, 0).astimezone(UTC)
    assert opening(window, "Europe/Zurich", cest(9, 1)) == "opens early October 2020 (approximate)"
    assert opening(window, "Europe/Zurich", cest(10, 3)).startswith("opens on 2 October 2020, 00:00:00 CEST")


def test_a_recorded_day_on_a_window_with_an_announced_date_is_a_finding() -> None:
    text = (ROOT / "documents" / "process.yaml").read_text("utf-8")
    old = '    opens: "2020-06-09"\n'
    parsed = parse_text("documents/process.yaml", text.replace(old, old + '    opened: "2020-06-10"\n', 1))
    (finding,) = parsed.findings
    assert finding.line == text.splitlines().index(old.rstrip("\n")) + 2
    assert "opens on a date already" in finding.message and "remove `opened`" in finding.hint


def test_an_issue_after_the_deadline_of_the_window_it_opens_is_a_finding(top: Path) -> None:
    path = top / "documents" / "political-declaration.yaml"
    path.write_text(path.read_text("utf-8").replace('elements: "2020-08-07"', 'elements: "2020-09-28"', 1))
    _, findings = directory_workspace(top)
    (finding,) = findings
    assert finding.file == "documents/political-declaration.yaml" and finding.line == 14
    assert "issued after window 'declaration-input' closes" in finding.message


@pytest.mark.parametrize(("at", "versions"), [
    (cest(4, 16), {"review-document": "zero-draft", "lausanne-action-plan": None, "political-declaration": None}),
    (cest(5, 29), {"review-document": "zero-draft", "lausanne-action-plan": "working-paper",
                   "political-declaration": None}),
    (cest(8, 7), {"review-document": "zero-draft", "lausanne-action-plan": "working-paper",
                  "political-declaration": "elements"}),
])
def test_a_document_is_in_circulation_from_its_date_of_issue(ccm: Workspace, at: datetime,
                                                             versions: dict[str, str | None]) -> None:
    assert {d: circulated_version(doc, ccm.process, at) for d, doc in ccm.documents.items()} == versions


def test_an_earlier_stage_stands_until_the_next_is_issued(ccm: Workspace) -> None:
    doc = ccm.documents["review-document"]
    later = replace(doc, version="consolidated", issued=MappingProxyType({"zero-draft": "2020-04-15",
                                                                          "consolidated": "2020-05-18"}))
    assert circulated_version(later, ccm.process, cest(5, 17)) == "zero-draft"
    assert circulated_version(later, ccm.process, cest(5, 18, 0)) == "consolidated"
    undated = replace(later, issued=MappingProxyType({"zero-draft": "2020-04-15"}))
    assert circulated_version(undated, ccm.process, cest(4, 1)) == "consolidated"  # no date: never in the future


def test_status_on_16_april_shows_the_action_plan_and_declaration_not_circulated(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["status", "--at", "2020-04-16T12:00", "-C", str(ROOT), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {d["document"]: d["version"] for d in data["documents"]} == {
        "review-document": "zero-draft", "lausanne-action-plan": None, "political-declaration": None}
    assert {t["document"] for t in data["translations"] if t["circulated"]} == {"review-document"}
    assert main(["status", "--at", "2020-04-16T12:00", "-C", str(ROOT)]) == 0
    out = capsys.readouterr().out
    assert out.count("not circulated yet") >= 2


def test_the_second_preparatory_meeting_discusses_all_three_documents(ccm: Workspace) -> None:
    meeting = next(m for m in ccm.process.milestones if m.id == "second-preparatory-meeting")
    # The note: delegations "share their views on the informal drafts of the Review document and the Lausanne
    # Action Plan and ... comment on the elements".
    assert [s.document for s in meeting.documents] == ["review-document", "lausanne-action-plan",
                                                       "political-declaration"]
    assert meeting.purpose is not None and "Review Document" in meeting.purpose
