"""Triage of inputs that carry an input record: joint inputs, general remarks and attested e-mail times."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from gitutil import commit
from inputkit import Process
from msgspec.structs import replace
from triagekit import AUSTRIA, BASE, content, review_edit

from ccmflow.core import labels
from ccmflow.core.inputfile import Channel, InputFile, InputKind, input_path
from ccmflow.core.status import Verdict
from ccmflow.core.submissions import Confirmation, Source, SubmissionLog
from ccmflow.inputs.collect import collect
from ccmflow.propose.build import Proposal, build
from ccmflow.read.load import SourceFile
from ccmflow.repo.ledger import LedgerEntry
from ccmflow.triage.credit import credit, read_files
from ccmflow.triage.decide import Decision, PullFacts, decide
from ccmflow.write.inputemit import dump_input

ISU = 39084516
KENYA = 47039185
CHILE = 60418273
EMAILED = datetime(2020, 5, 4, 16, 30, tzinfo=UTC)  # 18:30 CEST, before the deadline
ENTERED = datetime(2020, 5, 5, 7, 0, tzinfo=UTC)  # the next morning, after it


def record(kind: InputKind = InputKind.AMEND, *, on_behalf_of: tuple[str, ...] = ("austria",),
           received: datetime | None = None, **more: object) -> SourceFile:
    made = InputFile(id="in-1", document="review-document", kind=kind, on_behalf_of=on_behalf_of,
                     path=input_path("review-document", "in-1"),
                     paragraph=None if kind == InputKind.REMARK else "pkp3nvcv", received=received,
                     channel=Channel.EMAIL if received else Channel.GITHUB, **more)  # type: ignore[arg-type]
    return SourceFile(made.path, dump_input(made).encode())


def run(files: tuple[SourceFile, ...], author: int, at: datetime = ENTERED,
        changed: dict[str, str | None] | None = None, log: SubmissionLog | None = None) -> Decision:
    pull = content(review_edit() if changed is None else changed)
    paths = {f.path: f.raw.decode() for f in files}
    with_records = content({**(review_edit() if changed is None else changed), **paths})
    pull = replace(pull, changes=with_records.changes, inputs=files)
    facts = PullFacts(number=7, author_id=author, author_login="someone", head_sha="a" * 40, received=at,
                      source="pr-created", created=at)
    return decide(BASE, pull, facts, log or SubmissionLog(7), at)


def verdict(decision: Decision) -> Verdict:
    deadline = next(s for s in decision.statuses if s.context == "ccmflow/deadline")
    return Verdict.LATE if deadline.state == "failure" else Verdict.ON_TIME


def test_an_e_mail_time_attested_by_the_isu_is_honoured() -> None:
    decision = run((record(received=EMAILED),), ISU)
    assert verdict(decision) == Verdict.ON_TIME
    assert labels.LATE not in decision.labels
    assert "Received by e-mail on** 4 May 2020, 18:30:00 CEST" in decision.body
    assert "entered by Implementation Support Unit" in decision.body and "5 May 2020, 09:00:00 CEST" in decision.body
    # Credited to the delegation, not to the ISU who entered it.
    assert "## Input from Austria:" in decision.body
    assert labels.category("state-party") in decision.labels
    assert labels.category("implementation-support-unit") not in decision.labels
    # The hidden log keeps GitHub's time: the attestation is re-checked on every run.
    assert decision.log.receipts[0].received == ENTERED


def test_the_same_time_from_anyone_else_is_ignored() -> None:
    decision = run((record(received=EMAILED),), AUSTRIA)
    assert verdict(decision) == Verdict.LATE and labels.LATE in decision.labels
    assert "only an account with the record-input role may attest one" in decision.body


def test_an_attested_time_after_the_pull_request_was_opened_is_ignored() -> None:
    decision = run((record(received=datetime(2020, 5, 6, tzinfo=UTC)),), ISU)
    assert verdict(decision) == Verdict.LATE
    assert "later than the pull request's creation" in decision.body


def test_a_remark_alone_is_an_input_judged_against_its_window() -> None:
    remark = record(InputKind.REMARK, remark="The document is too long.", section="universalization")
    decision = run((remark,), AUSTRIA, at=datetime(2020, 5, 1, tzinfo=UTC), changed={})
    assert labels.doc("review-document") in decision.labels
    assert labels.section("universalization") in decision.labels
    assert labels.PROTECTED not in decision.labels and labels.INVALID not in decision.labels
    assert "General remark on Universalization: “The document is too long.”" in decision.body
    assert verdict(decision) == Verdict.ON_TIME


def test_a_joint_input_credits_only_its_author_until_the_others_confirm() -> None:
    decision = run((record(on_behalf_of=("austria", "chile", "cmc")),), CHILE, at=datetime(2020, 5, 1, tzinfo=UTC))
    assert "## Input from Chile:" in decision.body
    assert "Proposed co-sponsors, not confirmed: Austria and Cluster Munition Coalition." in decision.body
    assert labels.category("civil-society") not in decision.labels and labels.INVALID not in decision.labels


def test_a_joint_input_credits_every_delegation_that_confirmed() -> None:
    at = datetime(2020, 5, 1, tzinfo=UTC)
    confirmed = SubmissionLog(7, cosponsors=(
        Confirmation(delegation="cmc", by_id=19736205, by_login="cmc-stopclustermunitions", at=at),
        # Made by an account that is not Austria's: it confirms nothing.
        Confirmation(delegation="austria", by_id=KENYA, by_login="ke", at=at)))
    decision = run((record(on_behalf_of=("austria", "chile", "cmc")),), CHILE, at=at, log=confirmed)
    assert "## Input from Chile and Cluster Munition Coalition:" in decision.body
    assert "Proposed co-sponsors, not confirmed: Austria." in decision.body
    assert {labels.category("state-party"), labels.category("civil-society")} <= decision.labels


def test_a_joint_input_from_an_account_of_none_of_them_is_invalid() -> None:
    decision = run((record(on_behalf_of=("austria", "chile")),), KENYA, at=datetime(2020, 5, 1, tzinfo=UTC))
    assert labels.INVALID in decision.labels
    assert "not registered for Austria, Chile" in decision.body
    assert "## Input from Kenya:" in decision.body


def test_an_input_record_naming_an_unknown_delegation_is_a_finding() -> None:
    decision = run((record(on_behalf_of=("atlantis",)),), AUSTRIA, at=datetime(2020, 5, 1, tzinfo=UTC))
    assert labels.INVALID in decision.labels
    assert "atlantis" in decision.body and "is not in the registry" in decision.body


def test_naming_the_presidency_and_another_state_credits_and_labels_only_the_author() -> None:
    decision = run((record(on_behalf_of=("germany", "switzerland", "austria")),), AUSTRIA,
                   at=datetime(2020, 5, 1, tzinfo=UTC))
    assert "## Input from Austria:" in decision.body
    assert "Proposed co-sponsors, not confirmed: Germany and Switzerland" in decision.body
    assert labels.category("presidency") not in decision.labels
    assert labels.category("state-party") in decision.labels


def test_offline_an_attested_time_is_not_honoured_and_a_record_that_does_not_read_is_a_finding() -> None:
    """Without GitHub's word on who opened the input (a branch read offline), the time a record attests counts for
    nothing; a record that is not YAML is a finding at its place, never a crash."""
    credited = credit((record(received=EMAILED),), BASE, None, None)
    assert credited.attested is None
    assert credited.attestation_note == ("the attested time of receipt is not used: who opened the input is not "
                                         "known here")
    path = input_path("review-document", "in-2")
    records, findings = read_files((SourceFile(path, b"input: [\n"),), BASE)
    assert records == () and [f.file for f in findings] == [path]


def test_an_attested_time_dates_the_first_version_this_clone_has(proc: Process) -> None:
    """The ISU's first push is gone from this clone (force-pushed over): the time its record attests dates the
    version that is here, and the input is on time."""
    workspace = proc.store.require(str(proc.base))
    made = build(workspace, proc.text(), Proposal("review-document", InputKind.REMARK, ("chile",),
                                                  remark="Views sent by e-mail.", received=EMAILED), "in-1")
    sha = str(commit(proc.repo, dict(made.files), "input", branch=None, parents=[proc.base]))
    proc.pull(1, sha)
    gone = "f" * 40
    log = SubmissionLog(1).record(gone, ENTERED, "pr-created").record(sha, ENTERED + timedelta(hours=1), "event")
    proc.records[1] = LedgerEntry(number=1, title="E-mail from Chile", body="", author_id=ISU,
                                  author_login="ccm-isu", created_at=ENTERED, state="open", head_sha=sha, log=log)
    proc.sync()
    (item,) = collect(proc.store, "review-document", now=datetime(2020, 5, 8, tzinfo=UTC)).inputs
    assert item.timing == Verdict.ON_TIME and item.received == EMAILED
    assert [(v.sha, v.source) for v in item.record.versions][:1] == [(sha, Source.ATTESTED)]
