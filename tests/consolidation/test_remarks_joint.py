"""General remarks and joint inputs through the consolidation outputs: summary, compilation text, register."""

from __future__ import annotations

import io
from datetime import datetime

import docx
from gitutil import commit
from inputkit import ACCOUNTS, REVIEW, WINDOW, Process, utc
from msgspec.structs import replace
from rich.console import Console

from ccmflow.consolidation.consolidate import consolidate
from ccmflow.consolidation.dispositions import Outcome, read_register
from ccmflow.consolidation.outcomes import window_inputs
from ccmflow.consolidation.trace import concordance, delegations
from ccmflow.core.inputfile import InputKind
from ccmflow.core.submissions import Confirmation, SubmissionLog
from ccmflow.inputs.collect import collect
from ccmflow.inputs.compile import compile_inputs, render_html, render_markdown
from ccmflow.inputs.freeze import freeze_report
from ccmflow.inputs.summary import build
from ccmflow.inputs.summary_render import markdown, renderables
from ccmflow.propose.build import Proposal
from ccmflow.propose.build import build as build_proposal
from ccmflow.repo.ledger import LedgerEntry
from ccmflow.word.compile import compilation_docx

AFTER = utc(5, 10)


def propose(proc: Process, number: int, who: str, proposal: Proposal, at: datetime,
            confirmed: tuple[str, ...] = ()) -> str:
    """A pull request opened by `who` from what `ccmflow propose` (or the issue form) makes, as the ledger knows it;
    `confirmed`: the delegations whose accounts confirmed they co-sponsor it (/ccmflow co-sponsor)."""
    workspace = proc.store.require(str(proc.base))
    made = build_proposal(workspace, proc.text(REVIEW), proposal, f"in-{number}")
    sha = str(commit(proc.repo, dict(made.files), "input", branch=None, parents=[proc.base]))
    proc.pull(number, sha)
    user_id, login = ACCOUNTS[who]
    proc.records[number] = LedgerEntry(number=number, title=f"Input {number}", body="", author_id=user_id,
                                       author_login=login, created_at=at, state="open",
                                       head_sha=sha,
                                       log=SubmissionLog(number, cosponsors=tuple(
                                           Confirmation(delegation=d, by_id=ACCOUNTS[d][0], by_login=ACCOUNTS[d][1],
                                                        at=at) for d in confirmed)).record(sha, at, "pr-created"))
    return sha


def test_remarks_and_joint_inputs_are_credited_everywhere(proc: Process) -> None:
    propose(proc, 1, "austria", Proposal("review-document", InputKind.AMEND, ("austria", "chile", "cmc"), "5",
                                         text="A joint amendment to paragraph five."), utc(4, 20),
            confirmed=("chile", "cmc"))
    propose(proc, 2, "mexico", Proposal("review-document", InputKind.REMARK, ("mexico",), "5",
                                        remark="The section should be shorter."), utc(4, 21))
    propose(proc, 3, "kenya", Proposal("review-document", InputKind.REMARK, ("kenya",),
                                       remark="Fewer actions, please."), utc(5, 8))
    proc.sync()
    collected = collect(proc.store, "review-document", now=AFTER)
    assert [i.name for i in collected.valid] == ["pr-1", "pr-2", "pr-3"]
    summary = build(collected)
    text = markdown(summary)
    assert "Austria, Chile, Cluster Munition Coalition" in text
    universal = next(s for s in summary.sections if s.id == "universalization")
    assert [(r.input, r.delegation, r.text) for r in universal.remarks] == [
        ("pr-2", "Mexico", "The section should be shorter.")]
    assert [(r.input, r.timing.label) for r in summary.remarks] == [("pr-3", "late")]
    assert "**General remarks** (no text change):" in text and "## General remarks on the whole document" in text
    terminal = io.StringIO()
    for item in renderables(summary):
        Console(file=terminal, width=300).print(item)
    assert "general remark, pr-2 (Mexico, on time): The section should be shorter." in terminal.getvalue()
    assert "general remark on the whole document, pr-3 (Kenya, late): Fewer actions, please." in terminal.getvalue()
    compiled = compile_inputs(collected)
    md, page = render_markdown(compiled), render_html(compiled)
    assert "[Alt 1 (Austria, Chile, Cluster Munition Coalition)" in md
    assert "- Mexico: “The section should be shorter.”" in md
    assert "Kenya (late): “Fewer actions, please.”" in md
    assert "The section should be shorter." in page
    word = docx.Document(io.BytesIO(compilation_docx(compiled)))
    lines = [p.text for p in word.paragraphs]
    assert "General remarks on the whole document" in lines and "General remarks" in lines
    assert "Mexico: “The section should be shorter.”" in lines
    assert "Kenya (late): “Fewer actions, please.”" in lines
    result = consolidate(proc.store, "review-document", ["pr-1"])
    register = {d.input: d for d in result.register.inputs}
    assert register["pr-1"].stakeholder == "austria" and register["pr-1"].joint == ("chile", "cmc")
    assert register["pr-2"].outcome == Outcome.NOTED and register["pr-2"].stakeholder == "mexico"
    assert register["pr-3"].outcome == Outcome.NOTED
    shown = {d["input"]: d for d in result.as_json()["dispositions"]}  # type: ignore[attr-defined]
    assert shown["pr-1"]["joint"] == ["chile", "cmc"] and "joint" not in shown["pr-2"]
    # The trace names every delegation of the joint input, not only the account that opened it.
    proc.repo.set_head(f"refs/heads/{result.branch}")
    row = concordance(proc.store, "review-document").row("pkp3nvcv")
    assert row is not None and row.inputs == ("pr-1",)
    assert row.delegations == ("Austria", "Chile", "Cluster Munition Coalition")


def test_co_sponsors_named_without_confirming_are_kept_apart_in_the_register(proc: Process) -> None:
    """Austria names Chile as co-sponsor; Chile never confirms: the register says Chile was proposed, never joint,
    and reads back as written."""
    propose(proc, 1, "austria", Proposal("review-document", InputKind.AMEND, ("austria", "chile"), "5",
                                         text="Austria's amendment, Chile named."), utc(4, 20))
    proc.sync()
    result = consolidate(proc.store, "review-document", ["pr-1"])
    (disposition,) = result.register.inputs
    assert (disposition.stakeholder, disposition.joint, disposition.proposed) == ("austria", (), ("chile",))
    (shown,) = result.as_json()["dispositions"]  # type: ignore[misc]
    assert shown["proposed"] == ["chile"] and "joint" not in shown
    text = proc.store.text(result.commit, result.register_path) or ""
    assert "    proposed: [chile]\n" in text
    assert read_register(text, result.register_path) == result.register


def test_naming_delegations_one_may_not_speak_for_credits_nobody_else_anywhere(proc: Process) -> None:
    # Mexico's account names Chile and the CMC: triage and the summary refuse the record, and so must the
    # register and the trace, which credit Mexico's own delegation.
    propose(proc, 1, "mexico", Proposal("review-document", InputKind.AMEND, ("chile", "cmc"), "5",
                                        text="Words put in others' mouths."), utc(4, 20))
    proc.sync()
    workspace = proc.store.require(str(proc.base))
    (item,) = window_inputs(proc.store, str(proc.base), workspace.documents["review-document"], WINDOW,
                            utc(5, 4, 21, 59))
    assert item.delegations == ("mexico",)
    assert delegations(proc.store, workspace, "review-document")["pr-1"] == ("Mexico",)


def test_an_attested_e_mail_time_counts_in_the_summary_only_from_a_record_input_account(proc: Process) -> None:
    emailed = utc(5, 4, 21, 30)  # before the deadline (4 May, 21:59:59 UTC)
    remark = Proposal("review-document", InputKind.REMARK, ("chile",), remark="Views sent by e-mail.",
                      received=emailed)
    propose(proc, 1, "mexico", remark, utc(5, 7))
    proc.sync()
    (item,) = collect(proc.store, "review-document", now=AFTER).inputs
    assert item.timing.label == "late"  # Mexico holds no record-input role
    isu = (39084516, "ccm-isu")
    proc.records[1] = replace(proc.records[1], author_id=isu[0], author_login=isu[1])
    proc.sync()
    (item,) = collect(proc.store, "review-document", now=AFTER).inputs
    assert item.timing.label == "on time" and item.received == emailed
    assert item.who == "Chile"
    # The Presidency team receives input too (process.yaml, contacts): it records what it received, likewise.
    presidency = (48213907, "ch-presidency-ccm")
    proc.records[1] = replace(proc.records[1], author_id=presidency[0], author_login=presidency[1])
    proc.sync()
    (item,) = collect(proc.store, "review-document", now=AFTER).inputs
    assert item.timing.label == "on time" and item.received == emailed and item.who == "Chile"


def test_the_freeze_keeps_an_input_e_mailed_on_time_and_entered_after_the_deadline(proc: Process) -> None:
    emailed = utc(5, 4, 21, 30)  # before the deadline (4 May, 21:59:59 UTC); entered by the ISU on 7 May
    remark = Proposal("review-document", InputKind.REMARK, ("chile",), remark="Views sent by e-mail.",
                      received=emailed)
    sha = propose(proc, 1, "presidency", remark, utc(5, 7))
    proc.records[1] = replace(proc.records[1], author_id=39084516, author_login="ccm-isu")  # record-input
    ledger = proc.sync()


    report = freeze_report(proc.store, WINDOW, ledger, utc(5, 8))
    (frozen,) = report.manifest.inputs
    assert (frozen.number, frozen.sha, frozen.received) == (1, sha, emailed)
    # The same record opened by an account without the role: GitHub's time stands, and nothing is on time.
    proc.records[1] = replace(proc.records[1], author_id=ACCOUNTS["austria"][0], author_login="at")
    ledger = proc.sync()
    # Judged again from this ledger, nothing of it was on time: the first freeze stands, and says so.
    assert freeze_report(proc.store, WINDOW, ledger, utc(5, 8), redo=True).kept == (1,)
