"""The findings of "one truth per input", each reproduced as the ISU and the Presidency met it."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from gitutil import commit
from inputkit import ACCOUNTS, REVIEW, WINDOW, Process, append, set_text, utc
from msgspec.structs import replace
from scenariokit import DELEGATIONS, Case, Kind, Way, When, build

from ccmflow.consolidation.consolidate import consolidate
from ccmflow.consolidation.dispositions import Outcome, read_register
from ccmflow.core.inputfile import Channel, InputKind
from ccmflow.core.status import Verdict
from ccmflow.core.submissions import SubmissionLog
from ccmflow.inputs.collect import collect
from ccmflow.inputs.compile import compile_inputs, render_html, render_markdown
from ccmflow.inputs.freeze import freeze
from ccmflow.inputs.summary import build as summarise
from ccmflow.inputs.summary_render import markdown
from ccmflow.main import main
from ccmflow.propose.build import Proposal
from ccmflow.propose.build import build as build_proposal
from ccmflow.repo import prinput
from ccmflow.repo.ledger import LedgerEntry, read_ledger, read_manifest
from ccmflow.triage.decide import PullFacts, decide
from ccmflow.word.compile import compilation_docx

AFTER = utc(5, 10)
ISU = (39084516, "ccm-isu")


def enter(proc: Process, number: int, who: tuple[int, str], proposal: Proposal, at: datetime,
          parent: str | None = None) -> str:
    """A pull request carrying what `ccmflow propose` makes, as GitHub and the bot's ledger know it."""
    workspace = proc.store.require(str(proc.base))
    made = build_proposal(workspace, proc.text(REVIEW), proposal, f"in-{number}")
    sha = str(commit(proc.repo, dict(made.files), "input", branch=None, parents=[parent or proc.base]))
    proc.pull(number, sha)
    old = proc.records.get(number)
    log = (old.log if old else SubmissionLog(number, window=WINDOW)).record(sha, at, "event" if old else "pr-created")
    proc.records[number] = LedgerEntry(number=number, title=f"Input {number}", body="", author_id=who[0],
                                       author_login=who[1], created_at=old.created_at if old else at,
                                       state="open", head_sha=sha, log=log)
    return sha


def comment(proc: Process, number: int, now: datetime) -> str:
    """The bot's status comment on the input, as triage writes it at `now`."""
    entry = read_ledger(proc.store).get(number)
    assert entry is not None
    base = proc.store.commit("HEAD").id
    head = entry.log.receipt(entry.head_sha)
    assert head is not None
    facts = PullFacts(number=number, author_id=entry.author_id, author_login=entry.author_login,
                      head_sha=entry.head_sha, received=head.received, source=head.source, created=entry.created_at,
                      title=entry.title, body=entry.body)
    content = prinput.read_pull(proc.store, base, entry.head_sha)
    return decide(proc.store.require("HEAD"), content, facts, entry.log, now,
                  prinput.pull_reader(proc.store, base)).body


def e_mailed(document_id: str, who: tuple[str, ...], paragraph: str, text: str, received: datetime) -> Proposal:
    return Proposal(document_id, InputKind.AMEND, who, paragraph, text=text, channel=Channel.EMAIL,
                    received=received, reference="E-mail of 4 May 2020", justification=f"{', '.join(who)} say why.")


def test_after_the_freeze_the_register_credits_the_delegations_the_isu_entered(proc: Process) -> None:
    emailed = utc(5, 4, 16)
    enter(proc, 1, ISU, e_mailed("review-document", ("france",), "5", "France's text.", emailed), utc(5, 5, 9))
    enter(proc, 2, ISU, e_mailed("review-document", ("chile", "france"), "7", "A joint text.", emailed),
          utc(5, 5, 9, 5))
    enter(proc, 3, ISU, e_mailed("review-document", ("kenya",), "9", "Kenya's text.", emailed), utc(5, 5, 9, 10))
    freeze(proc.store, WINDOW, proc.sync(), utc(5, 6))
    frozen = read_manifest(proc.store, WINDOW)
    assert frozen is not None and [i.stakeholder for i in frozen.inputs] == ["france", "chile", "kenya"]
    made = consolidate(proc.store, "review-document", ["pr-1", "pr-2", "pr-3"], skip_conflicts=True, now=AFTER)
    register = read_register(proc.store.text(made.branch, made.register_path) or "", "r.yaml")
    credit = {d.input: (d.stakeholder, d.joint, d.received, d.attested) for d in register.inputs}
    assert credit == {"pr-1": ("france", (), emailed.isoformat(), True),
                      "pr-2": ("chile", ("france",), emailed.isoformat(), True),
                      "pr-3": ("kenya", (), emailed.isoformat(), True)}


def test_an_on_time_remark_is_noted_frozen_or_not_taken_or_not(proc: Process) -> None:
    remark = Proposal("review-document", InputKind.REMARK, ("france",), remark="The review is thorough.",
                      justification="General views.")
    enter(proc, 1, (18572639, "fr-cd-geneve"), remark, utc(4, 20))
    enter(proc, 2, ACCOUNTS["austria"], Proposal("review-document", InputKind.AMEND, ("austria",), "5",
                                                 text="Austria's text."), utc(4, 21))
    ledger = proc.sync()
    for frozen in (False, True):
        if frozen:
            freeze(proc.store, WINDOW, ledger, utc(5, 5))
        for taken in (["pr-2"], ["pr-1", "pr-2"]):
            made = consolidate(proc.store, "review-document", taken, now=AFTER, force=True)
            outcome = made.register.get("pr-1")
            assert outcome is not None and outcome.outcome == Outcome.NOTED, (frozen, taken, outcome)
            assert "validation" not in outcome.reason and "no change" not in outcome.reason


def test_a_push_after_the_deadline_cannot_change_whom_an_on_time_input_speaks_for(proc: Process) -> None:
    first = enter(proc, 1, ACCOUNTS["austria"], Proposal("review-document", InputKind.AMEND, ("austria",), "5",
                                                         text="Austria's text."), utc(4, 20))
    # 6 May: the same text, now on behalf of three delegations, with a general remark.
    workspace = proc.store.require(str(proc.base))
    made = build_proposal(workspace, proc.text(REVIEW, proc.repo.get(first).id),  # type: ignore[union-attr]
                          Proposal("review-document", InputKind.REMARK, ("austria", "germany", "france"),
                                   remark="Added after the deadline."), "in-2")
    files = {**dict(made.files)}
    later = str(commit(proc.repo, files, "late", branch=None, parents=[proc.repo.get(first).id]))  # type: ignore
    proc.pull(1, later)
    entry = proc.records[1]
    proc.records[1] = replace(entry, head_sha=later, log=entry.log.record(later, utc(5, 6), "event"))
    ledger = proc.sync()
    for stage in ("open", "frozen"):
        if stage == "frozen":
            freeze(proc.store, WINDOW, ledger, utc(5, 7))
        (item,) = collect(proc.store, "review-document", now=AFTER).inputs
        assert item.who == "Austria" and item.record.verdict == Verdict.ON_TIME and item.sha == first
        assert item.record.remarks == () and item.later == later
        summary = markdown(summarise(collect(proc.store, "review-document", now=AFTER)))
        assert "Added after the deadline" not in summary and "late, not counted" in summary
        compiled = render_markdown(compile_inputs(collect(proc.store, "review-document", now=AFTER)))
        assert "Added after the deadline" not in compiled and "Germany" not in compiled
        body = comment(proc, 1, AFTER)
        assert "## Input from Austria: pull request #1" in body and "Added after the deadline" not in body
        assert "Received on time, but changed after the deadline" in body


def test_justifications_reach_every_output(proc: Process) -> None:
    reason = "Twelve States joined since Dubrovnik."
    enter(proc, 1, ISU, replace(e_mailed("review-document", ("kenya",), "5", "Kenya's text.", utc(5, 4, 16)),
                                justification=reason), utc(5, 5, 9))
    proc.sync()
    collected = collect(proc.store, "review-document", now=AFTER)
    summary = summarise(collected)
    assert reason in markdown(summary)
    assert reason in json.dumps(summary.as_json())
    compiled = compile_inputs(collected)
    assert f"Justification (Kenya):* {reason}" in render_markdown(compiled)
    assert f"Justification (<span class=\"sponsors\">Kenya</span>): {reason}" in render_html(compiled)
    word = docx.Document(io.BytesIO(compilation_docx(compiled)))
    cells = [p.text for t in word.tables for r in t.rows for c in r.cells for p in c.paragraphs]
    assert f"[Justification (Kenya): {reason}]" in cells
    assert f"Justification: “{reason}”" in comment(proc, 1, AFTER)
    made = consolidate(proc.store, "review-document", ["pr-1"], now=AFTER)
    assert made.register.inputs[0].justification == reason


def test_one_receipt_time_in_the_comment_and_its_versions_table(proc: Process) -> None:
    enter(proc, 1, ISU, e_mailed("review-document", ("kenya",), "5", "Kenya's text.", utc(5, 4, 16, 30)),
          utc(5, 5, 7, 5))
    proc.sync()
    body = comment(proc, 1, AFTER)
    assert "**Received by e-mail on** 4 May 2020, 18:30:00 CEST" in body
    row = next(line for line in body.splitlines() if "counts" in line)
    assert "4 May 2020, 18:30:00 CEST (16:30:00 UTC), attested" in row and "before the deadline" in row
    assert "5 May 2020, 09:05" not in row


def test_an_input_before_its_window_opens_is_early_everywhere(proc: Process) -> None:
    plan = "documents/lausanne-action-plan.yaml"
    workspace = proc.store.require(str(proc.base))
    made = build_proposal(workspace, proc.text(plan), Proposal("lausanne-action-plan", InputKind.AMEND, ("austria",),
                                                               "Action 1", text="Austria's action."), "in-1")
    sha = str(commit(proc.repo, dict(made.files), "input", branch=None, parents=[proc.base]))
    proc.pull(1, sha)
    proc.records[1] = LedgerEntry(number=1, title="Early input", body="", author_id=ACCOUNTS["austria"][0],
                                  author_login=ACCOUNTS["austria"][1], created_at=utc(5, 4), state="open",
                                  head_sha=sha, log=SubmissionLog(1).record(sha, utc(5, 4), "pr-created"))
    proc.sync()
    for now in (utc(5, 10), utc(6, 20), utc(7, 10)):
        (item,) = collect(proc.store, "lausanne-action-plan", now=now).inputs
        assert item.timing == Verdict.EARLY, now
        entry = summarise(collect(proc.store, "lausanne-action-plan", now=now)).as_json()["sections"][0]
        assert entry["inputs"][0]["timing"] == "early"  # type: ignore[index]
    assert "Received before the window opened" in comment(proc, 1, utc(5, 10))


def test_a_reason_names_only_the_inputs_whose_text_stands_in_document_order(proc: Process) -> None:
    five, seven = "pkp3nvcv", "puaq37yf"
    proc.submit(1, "austria", set_text(five, "Austria's five."), utc(4, 20))
    proc.submit(2, "chile", set_text(five, "Chile's five."), utc(4, 21))  # loses to pr-1 and is dropped
    proc.submit(3, "kenya", lambda e: (set_text(seven, "Kenya's seven.")(e), set_text(five, "Kenya's five.")(e)),
                utc(4, 22))
    proc.submit(4, "mexico", append(seven, "Mexico."), utc(4, 23))
    proc.sync()
    made = consolidate(proc.store, "review-document", ["pr-1", "pr-2", "pr-3", "pr-4"], skip_conflicts=True,
                       now=AFTER)
    register = {d.input: d.reason for d in made.register.inputs}
    assert "the text of pr-1 was kept" in register["pr-3"] and "pr-2" not in register["pr-3"]
    assert "pr-3" in register["pr-4"]
    numbers = made.document.numbers()
    assert register["pr-4"].index(numbers[seven]) > 0


def test_every_redline_names_the_delegations_and_dates_changes_at_their_receipt(
        proc: Process, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    scenario = build(proc, [Case(Way.EMAIL, Kind.AMEND, When.ON_TIME, minute=0)])
    expect = scenario.by_number(1).expect
    made = consolidate(proc.store, "review-document", ["pr-1"], now=AFTER)
    monkeypatch.setenv("CCMFLOW_NOW", "2026-12-05T12:00:00Z")
    out = tmp_path / "redline.docx"
    assert main(["diff", "review-document", str(proc.base), made.branch, "--format", "docx", "-o", str(out),
                 "-C", str(proc.path)]) == 0
    word = docx.Document(str(out))
    marks = [el for el in word.element.body.iter() if el.tag in (qn("w:ins"), qn("w:del"))]
    assert DELEGATIONS[0][0] == "austria"
    assert marks and {m.get(qn("w:author")) for m in marks} == {"Austria"}
    # The time the e-mail was received (attested), not the machine's clock, nor the commit's.
    assert {m.get(qn("w:date")) for m in marks} == {f"{expect.received.astimezone(UTC):%Y-%m-%dT%H:%M:%SZ}"}
    capsys.readouterr()
    for form in ("md", "html"):
        assert main(["diff", "review-document", str(proc.base), made.branch, "--format", form,
                     "-C", str(proc.path)]) == 0
        assert "Austria" in capsys.readouterr().out, form
