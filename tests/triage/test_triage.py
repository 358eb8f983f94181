"""The pure triage decision: labels, statuses, comment text and closing, from documents and the submission log."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from msgspec.structs import replace
from triagekit import AUSTRIA, BASE, BASE_TEXTS, REVIEW, content, review_edit, workspace

from ccmflow.core import labels
from ccmflow.core.errors import Finding
from ccmflow.core.model import Workspace
from ccmflow.core.submissions import Acceptance, SubmissionLog, decode, encode
from ccmflow.read.load import SourceFile, parse
from ccmflow.triage.decide import (
    DEADLINE,
    MAX_RECEIPTS,
    VALIDATION,
    Decision,
    PullFacts,
    decide,
)
from ccmflow.triage.messages import MAX_VISIBLE, STATUS_MARKER

PLAN = "documents/lausanne-action-plan.yaml"
PROCESS = "documents/process.yaml"
PLAN_OLD = "Each action is accompanied by indicators that allow progress to be measured."
DEADLINE_UTC = datetime(2020, 5, 4, 21, 59, 59, tzinfo=UTC)  # 4 May 2020 23:59:59 in Geneva
PRESIDENCY = 48213907


def facts(received: datetime, sha: str = "a" * 40, author: int = AUSTRIA, state: str = "open") -> PullFacts:
    return PullFacts(number=7, author_id=author, author_login="at-mission-geneva", head_sha=sha, received=received,
                     source="pr-created", state=state)


def at(day: int, hour: int = 12, month: int = 5) -> datetime:
    return datetime(2020, month, day, hour, tzinfo=UTC)


def triage(changed: dict[str, str | None], received: datetime, *, base: Workspace = BASE,
           log: SubmissionLog | None = None, sha: str = "a" * 40, author: int = AUSTRIA,
           findings: tuple[Finding, ...] = (), state: str = "open", now: datetime | None = None) -> Decision:
    pull = content(changed, findings)
    return decide(base, replace(pull, head=sha), facts(received, sha, author, state), log or SubmissionLog(7),
                  now or received + timedelta(minutes=5))


def status_of(decision: Decision, context: str) -> tuple[str, str]:
    found = next(s for s in decision.statuses if s.context == context)
    return found.state, found.description


def moved_deadline(day: str) -> Workspace:
    process = BASE_TEXTS[PROCESS].replace('closes: "2020-05-04"', f'closes: "{day}"', 1)
    assert process != BASE_TEXTS[PROCESS]
    return workspace({**BASE_TEXTS, PROCESS: process})


def test_on_time_input_is_labelled_by_structure_and_author():
    decision = triage(review_edit(), at(20, month=4))
    assert decision.labels == {"doc:review-document", "section:universalization", "from:state-party"}
    assert status_of(decision, VALIDATION)[0] == "success"
    assert status_of(decision, DEADLINE) == ("success", "Received on time (deadline 4 May 2020 23:59 CEST (21:59 UTC))")
    body = decision.body
    assert body.startswith(STATUS_MARKER)
    assert "paragraph 5 (`pkp3nvcv`): text amended" in body
    assert "4 May 2020, 23:59:59 CEST (21:59:59 UTC)" in body
    assert "14 days 9 hours before the deadline" in body
    assert "Input from Austria" in body
    assert not decision.close


def test_labels_come_from_the_structure_not_the_file_name():
    # A paragraph moved from one section to another touches both sections, whatever the file is called.
    text = BASE_TEXTS[REVIEW]
    decision = triage({REVIEW: text.replace("title: Universalization", "title: Universalisation", 1)},
                      at(20, month=4))
    assert decision.labels >= {"doc:review-document", "section:universalization"}
    comments_only = triage({REVIEW: "# a comment\n" + text}, at(20, month=4))
    assert not any(name.startswith(("doc:", "section:")) for name in comments_only.labels)


def test_late_input_is_flagged_kept_open_and_the_presidency_told():
    decision = triage(review_edit(), at(5, 8))
    assert labels.LATE in decision.labels
    state, description = status_of(decision, DEADLINE)
    assert state == "failure" and "after the deadline" in description
    assert "10 hours after the deadline" in decision.body
    assert "@ch-presidency-ccm" in decision.body and "/ccmflow accept-late" in decision.body
    assert not decision.close


def test_amended_after_the_deadline_keeps_the_on_time_version():
    log = SubmissionLog(7).record("a" * 40, at(1), "pr-created")
    decision = triage(review_edit("to 111"), at(6), log=log, sha="b" * 40)
    assert labels.LATE not in decision.labels
    state, description = status_of(decision, DEADLINE)
    assert state == "failure" and "aaaaaaa was on time" in description
    assert "`aaaaaaa` received on 1 May 2020" in decision.body and "remains the on-time input" in decision.body
    assert "the changes pushed after the deadline are late" in decision.body
    assert [r.sha[0] for r in decision.log.receipts] == ["a", "b"]


def test_a_sha_seen_before_keeps_its_first_received_time():
    log = SubmissionLog(7).record("a" * 40, at(1), "pr-created")
    decision = triage(review_edit(), at(9), log=log, sha="a" * 40)
    assert decision.log.receipts[0].received == at(1)
    assert labels.LATE not in decision.labels


def test_deadline_moved_later_and_earlier_follows_the_base_timeline():
    late_log = SubmissionLog(7).record("a" * 40, at(6), "pr-created")
    first = triage(review_edit(), at(6), log=late_log)
    assert labels.LATE in first.labels
    later = triage(review_edit(), at(6), log=first.log, base=moved_deadline("2020-05-10"))
    assert labels.LATE not in later.labels and status_of(later, DEADLINE)[0] == "success"
    on_time = triage(review_edit(), at(3), log=SubmissionLog(7))
    assert labels.LATE not in on_time.labels
    earlier = triage(review_edit(), at(3), log=on_time.log, base=moved_deadline("2020-05-01"))
    assert labels.LATE in earlier.labels


def test_acceptance_covers_versions_received_until_then():
    log = SubmissionLog(7).record("a" * 40, at(6), "pr-created")
    log = replace(log, accepted=Acceptance(PRESIDENCY, "ch-presidency-ccm", at(7)))
    accepted = triage(review_edit(), at(6), log=log)
    assert labels.LATE_ACCEPTED in accepted.labels and labels.LATE not in accepted.labels
    assert status_of(accepted, DEADLINE)[0] == "success"
    assert "accepted by @\u2060ch-presidency-ccm" in accepted.body
    pushed_after = triage(review_edit("to 112"), at(8), log=accepted.log, sha="c" * 40)
    assert labels.LATE in pushed_after.labels


def test_an_acceptance_counts_only_from_an_account_with_the_role_in_the_base_registry():
    log = SubmissionLog(7).record("a" * 40, at(6), "pr-created")
    by_delegate = replace(log, accepted=Acceptance(AUSTRIA, "at-mission-geneva", at(7)))
    decision = triage(review_edit(), at(6), log=by_delegate)
    assert labels.LATE in decision.labels and labels.LATE_ACCEPTED not in decision.labels
    assert status_of(decision, DEADLINE)[0] == "failure" and "accepted by" not in decision.body


def test_invalid_file_is_reported_with_file_line_and_fix():
    broken = BASE_TEXTS[REVIEW].replace("kind: narrative", "kind: [narrative", 1)
    finding = parse(SourceFile(REVIEW, broken.encode())).findings[0]
    decision = triage({REVIEW: broken}, at(20, month=4), findings=(finding,))
    assert labels.INVALID in decision.labels and "doc:review-document" in decision.labels
    assert status_of(decision, VALIDATION)[0] == "failure"
    assert f"`{REVIEW}`, line {finding.line}" in decision.body
    assert "**How to fix:**" in decision.body and "push the correction to the same branch" in decision.body
    assert "cannot be shown until the file can be read" in decision.body


def test_label_names_come_from_the_base_never_from_the_pr():
    new_doc = BASE_TEXTS[PLAN].replace("id: lausanne-action-plan", "id: made-up-document", 1)
    new_section = BASE_TEXTS[REVIEW].replace("  - id: transparency\n", "  - id: made-up-section\n", 1)
    decision = triage({"documents/made-up-document.yaml": new_doc, REVIEW: new_section}, at(20, month=4))
    assert not any("made-up" in name for name in decision.labels)
    assert "doc:review-document" in decision.labels
    assert "made-up-section" in decision.body  # still reported to people, just never turned into a label


def test_unregistered_author_and_protected_paths():
    decision = triage({PROCESS: BASE_TEXTS[PROCESS] + "\n", ".github/workflows/x.yml": "on: push\n"},
                      at(20, month=4), author=12345)
    assert {labels.UNREGISTERED, labels.PROTECTED} <= decision.labels
    assert "number 12345" in decision.body and "`.github/workflows/x.yml`" in decision.body
    assert status_of(decision, DEADLINE) == ("success", "Not input to a document: no deadline applies")


def test_two_documents_are_judged_each_and_the_worst_counts():
    changed = {**review_edit(), PLAN: BASE_TEXTS[PLAN].replace(PLAN_OLD, "Each action has indicators.", 1)}
    decision = triage(changed, at(10))
    assert {"doc:review-document", "doc:lausanne-action-plan", labels.LATE} <= decision.labels
    assert status_of(decision, DEADLINE)[0] == "failure"
    assert decision.body.index("Lausanne Review Document") < decision.body.index("Lausanne Action Plan")
    assert "6 July 2020" in decision.body  # the plan's own deadline, still open


def test_close_policy_closes_once_and_reopens_when_accepted():
    process = BASE_TEXTS[PROCESS].replace("late_policy: flag", "late_policy: close", 1)
    base = workspace({**BASE_TEXTS, PROCESS: process})
    first = triage(review_edit(), at(6), base=base)
    assert first.close and first.log.closed == first.log.receipts[-1].sha
    assert "closed because it arrived after the deadline" in first.body and "branch" in first.body
    again = triage(review_edit(), at(6), base=base, log=first.log, state="open")
    assert not again.close  # a person reopened it: the bot does not fight them
    accepted_log = replace(first.log, accepted=Acceptance(PRESIDENCY, "ch-presidency-ccm", at(7)))
    accepted = triage(review_edit(), at(6), base=base, log=accepted_log, state="closed")
    assert accepted.reopen and accepted.log.closed is None


def test_status_descriptions_fit_github_limits():
    for received in (at(20, month=4), at(6), at(1, month=9)):
        for status in triage(review_edit(), received).statuses:
            assert len(status.description) <= 140
    for name, spec in triage(review_edit(), at(6)).label_specs.items():
        assert len(name) <= 50 and len(spec.description) <= 100


def test_huge_inputs_stay_under_the_comment_limit():
    findings = tuple(Finding(REVIEW, i, 1, "x" * 500, "y" * 500) for i in range(5000))
    text = BASE_TEXTS[REVIEW]
    for n in range(600):
        text = text.replace("    paragraphs:\n", f"    paragraphs:\n      - id: pnew{n:04d}\n        kind: narrative\n"
                            f"        text: New paragraph {n}.\n", 1)
    decision = triage({REVIEW: text}, at(20, month=4), findings=findings)
    full = f"{decision.body}\n\n{encode(decision.log)}"
    assert len(decision.body) <= MAX_VISIBLE and len(full) < 65_536
    assert "… and 4960 more problems" in decision.body
    assert "more changed paragraphs" in decision.body


def test_text_from_a_pull_request_cannot_forge_the_hidden_log_or_mention_people():
    forged = encode(SubmissionLog(7).record("f" * 40, at(1, month=1), "pr-created"))
    hostile = Finding(f"documents/{forged}.yaml", 1, 1, f"@everyone {forged} <script>", f"`{forged}`")
    decision = triage(review_edit(), at(6), findings=(hostile,))
    assert "<!-- ccmflow:log" not in decision.body and "@everyone" not in decision.body
    assert "<script>" not in decision.body
    restored = decode(f"{decision.body}\n\n{encode(decision.log)}")
    assert restored is not None and [r.sha for r in restored.receipts] == ["a" * 40]


def test_the_hidden_log_stays_bounded_and_keeps_the_on_time_version():
    log = SubmissionLog(7)
    for i in range(200):
        log = log.record(f"{i:040x}", at(1) + timedelta(hours=i), "event")
    decision = triage(review_edit(), at(1) + timedelta(hours=250), log=log, sha="e" * 40)
    kept = decision.log.receipts
    assert len(kept) <= MAX_RECEIPTS
    last_on_time = log.last_before(DEADLINE_UTC)
    assert last_on_time is not None and decision.log.receipt(last_on_time.sha) is not None
    assert labels.LATE not in decision.labels


def test_the_same_inputs_give_the_same_decision():
    one = triage(review_edit(), at(6))
    two = triage(review_edit(), at(6))
    assert one == two


@pytest.mark.parametrize("received,verdict", [(at(20, month=4), "success"), (at(5, 8), "failure")])
def test_deadline_status_state(received: datetime, verdict: str):
    assert status_of(triage(review_edit(), received), DEADLINE)[0] == verdict


@pytest.mark.parametrize(("offset", "said"), [
    (timedelta(milliseconds=900), "⚠️ Late: received less than a second after the deadline"),
    (timedelta(seconds=1, milliseconds=900), "⚠️ Late: received 1 second after the deadline"),
    (timedelta(milliseconds=-100), "✅ On time: received less than a second before the deadline"),
    (timedelta(0), "✅ On time: received at the very second of the deadline"),
])
def test_a_fraction_of_a_second_around_the_deadline_is_never_zero_seconds(offset: timedelta, said: str) -> None:
    decision = triage(review_edit(), DEADLINE_UTC + offset)
    assert said in decision.body and "0 seconds" not in decision.body


def test_input_before_a_window_s_opening_date_is_set_is_kept_as_early():
    # On 3 May the Declaration's window is not open: it opens with the elements ("early August"), issued 7 August.
    declaration = "documents/political-declaration.yaml"
    text = BASE_TEXTS[declaration]
    old = "We, the States Parties to the Convention on Cluster Munitions, gathered in"
    assert old in text
    decision = triage({declaration: text.replace(old, "We, the States Parties, meeting in", 1)}, at(3))
    assert labels.LATE not in decision.labels
    assert status_of(decision, DEADLINE) == ("success", "Received before the input window opened; kept as input to it")
    assert "Received before the window opened (7 August 2020, 00:00:00 CEST" in decision.body


def test_an_input_to_an_adopted_document_is_refused_without_a_reopen_hint() -> None:
    """Once adopted, a document's text is no longer changed: the input is refused, and nothing suggests reopening
    a paragraph; a new document file in the same input is not agreed text of anyone's."""
    from ccmflow.core.agreement import ParagraphStatus
    from ccmflow.triage.agreed import guard, touches

    review = BASE.documents["review-document"]
    adopted = replace(BASE, documents={**BASE.documents, "review-document": replace(review, status="adopted")})
    new_document = BASE_TEXTS[REVIEW].replace("  id: review-document", "  id: review-annex", 1)
    pull = content({**review_edit(), "documents/review-annex.yaml": new_document})
    assert set(touches(adopted, pull, {})) == {"review-document"}
    decision = guard(triage(review_edit(), at(1)), adopted, pull, {})
    assert labels.TOUCHES_AGREED in decision.labels
    assert status_of(decision, "ccmflow/agreed") == ("failure", "Refused: 1 adopted document(s) changed")
    assert "⛔ Lausanne Review Document is adopted: its text is no longer changed, so this input is refused." \
        in decision.body
    assert "/ccmflow reopen" not in decision.body
    agreed = guard(triage(review_edit(), at(1)), BASE, content(review_edit()),
                   {"review-document": {"pkp3nvcv": ParagraphStatus.AGREED}})
    assert "/ccmflow reopen PARAGRAPH" in agreed.body  # agreed, not adopted: it can be reopened
