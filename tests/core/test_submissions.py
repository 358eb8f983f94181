"""The input's state: first receipt wins, the on-time version at the deadline second, the hidden comment block,
one typed record (schema 2), and the logs and ledgers the bot wrote before it (schema 1) read and migrated."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import gitutil
import pygit2
from msgspec.structs import replace

from ccmflow.core.model import Account, Registry, Stakeholder
from ccmflow.core.submissions import (
    SCHEMA,
    Acceptance,
    Applied,
    Confirmation,
    IssueOrigin,
    Receipt,
    Recheck,
    Source,
    SubmissionLog,
    decode,
    encode,
)
from ccmflow.repo.ledger import LEDGER_FILE, LEDGER_REF, read_ledger, write_ledger
from ccmflow.repo.store import Store

DEADLINE = datetime(2020, 5, 4, 21, 59, 59, tzinfo=UTC)
SHA1, SHA2, SHA3 = "a" * 40, "b" * 40, "c" * 40
V1 = Path(__file__).resolve().parent / "data" / "state-v1"  # written by the bot of schema 1, through its entry point
V1_KEY = b"key-of-the-test-workflows"  # the key those runs signed with (botkit.STATE_KEY)
GERMANY = Stakeholder("germany", "Germany", "state-party", (Account(31000001, "de-mission"),))
SWITZERLAND = Stakeholder("switzerland", "Switzerland", "state-party", (Account(31000002, "ch-mission"),))
REGISTRY = Registry((GERMANY, SWITZERLAND))


def test_a_sha_seen_again_keeps_its_first_received_time() -> None:
    log = SubmissionLog(12).record(SHA1, DEADLINE - timedelta(hours=1), Source.PR_CREATED)
    again = log.record(SHA1, DEADLINE + timedelta(days=1), Source.EVENT)
    assert again is log
    assert again.receipts == (Receipt(SHA1, DEADLINE - timedelta(hours=1), Source.PR_CREATED),)


def test_received_times_are_kept_in_utc() -> None:
    zurich = datetime(2020, 5, 4, 23, 59, 59, tzinfo=ZoneInfo("Europe/Zurich"))
    receipt = SubmissionLog(1).record(SHA1, zurich, Source.EVENT).receipts[0]
    assert receipt.received == DEADLINE and receipt.received.tzinfo is UTC


def test_the_version_received_at_the_deadline_second_counts_as_on_time() -> None:
    log = (SubmissionLog(7)
           .record(SHA1, DEADLINE - timedelta(days=2), Source.PR_CREATED)
           .record(SHA2, DEADLINE, Source.EVENT)
           .record(SHA3, DEADLINE + timedelta(seconds=1), Source.EVENT))
    assert log.last_before(DEADLINE) == Receipt(SHA2, DEADLINE, Source.EVENT)
    assert log.last_before(DEADLINE - timedelta(seconds=1)) == Receipt(SHA1, DEADLINE - timedelta(days=2),
                                                                       Source.PR_CREATED)
    assert log.last_before(DEADLINE - timedelta(days=3)) is None
    assert log.last_before(None) == log.receipts[-1]  # no deadline yet: the latest version
    assert SubmissionLog(7).last_before(None) is None


def test_the_latest_receipt_counts_even_when_recorded_out_of_order() -> None:
    # A backfill may record an older head after a newer one.
    log = SubmissionLog(3).record(SHA2, DEADLINE - timedelta(hours=1), Source.EVENT).record(
        SHA1, DEADLINE - timedelta(hours=5), Source.BACKFILL)
    assert log.last_before(DEADLINE) is not None and log.last_before(DEADLINE).sha == SHA2  # type: ignore[union-attr]


def full_state() -> SubmissionLog:
    """Every field set, as a long-lived input's state may have them."""
    at = DEADLINE + timedelta(days=2)
    return SubmissionLog(
        42,
        receipts=(Receipt(SHA1, DEADLINE - timedelta(days=1), Source.PR_CREATED), Receipt(SHA2, DEADLINE, Source.RUN)),
        accepted=Acceptance(48213907, "ch-presidency-ccm", at),
        cosponsors=(Confirmation(delegation="germany", by_id=31000001, by_login="de-mission", at=at),),
        window="review-zero-draft-input",
        pinned={"review-document": "review-zero-draft-input"},
        origin=IssueOrigin(number=3, author_id=27361048, author_login="at-mission-geneva",
                           created_at=DEADLINE - timedelta(days=9)),
        merge_base=SHA3,
        closed=SHA2,
        recheck=Recheck(by_id=39084516, by_login="ccm-isu", at=at),
        applied=Applied(labels=frozenset({"late", "doc:review-document"}), sha=SHA2,
                        statuses={"ccmflow/deadline": ("failure", "Late --> no closing the comment here")}),
        noticed=frozenset({"<!-- ccmflow:notice late review-zero-draft-input -->"}),
        dated=SHA2,
        listed=at,
    )


def test_encode_and_decode_round_trip_every_field() -> None:
    log = full_state()
    block = encode(log)
    assert block.startswith("<!-- ccmflow:log ") and block.endswith(" -->") and block.count("-->") == 1
    body = f"## Status\nOn time.\n\n{block}\n"
    assert decode(body) == log
    signed = encode(log, b"k")
    assert decode(signed, b"k") == log and decode(signed, b"other") is None


def test_as_json_is_plain_data_with_its_schema_version() -> None:
    log = SubmissionLog(5).record(SHA1, DEADLINE, Source.EVENT)
    assert log.as_json() == {"v": SCHEMA, "number": 5, "receipts": [
        {"sha": SHA1, "received": "2020-05-04T21:59:59+00:00", "source": "event"}]}
    assert json.loads(json.dumps(full_state().as_json())) == full_state().as_json()


def test_decode_without_a_block_or_with_a_damaged_one_is_none() -> None:
    assert decode("") is None
    assert decode("Just a comment.") is None
    assert decode("<!-- ccmflow:log not-base64! -->") is None
    assert decode("<!-- ccmflow:log " + base64.b64encode(b"[1, 2]").decode() + " -->") is None
    assert decode("<!-- ccmflow:log " + base64.b64encode(b"{bad json").decode() + " -->") is None
    assert decode("<!-- ccmflow:log " + base64.b64encode(b'{"receipts": []}').decode() + " -->") is None


def test_a_field_in_a_shape_the_bot_cannot_use_is_left_unset_never_a_crash() -> None:
    data = full_state().as_json()
    data.update(accepted={"by_id": "x"}, cosponsors=[{"delegation": "germany"}, 7], pins=[1], origin="nope",
                merge_base="not a sha", recheck=None, applied={"statuses": {"c": ["only one"]}}, noticed="x",
                listed="yesterday", receipts=[{"sha": SHA1, "received": "2020-05-04T21:59:59"}, "junk"])
    block = "<!-- ccmflow:log " + base64.b64encode(json.dumps(data).encode()).decode() + " -->"
    log = decode(block)
    assert log == SubmissionLog(42, window="review-zero-draft-input", closed=SHA2, dated=SHA2,
                                applied=Applied(labels=None, sha=None, statuses={}))


def test_a_source_this_version_does_not_know_reads_as_an_event() -> None:
    data = SubmissionLog(7).record(SHA1, DEADLINE, Source.TIMELINE).record(SHA2, DEADLINE, Source.EVENT).as_json()
    data["receipts"][1]["source"] = "carrier-pigeon"  # type: ignore[index]
    block = "<!-- ccmflow:log " + base64.b64encode(json.dumps(data).encode()).decode() + " -->"
    log = decode(block)
    assert log is not None and [r.source for r in log.receipts] == [Source.TIMELINE, Source.EVENT]


def test_confirmations_count_only_from_an_account_the_registry_gives_that_delegation_now() -> None:
    at = DEADLINE - timedelta(days=1)
    log = (SubmissionLog(9)
           .confirm(Confirmation(delegation="germany", by_id=31000001, by_login="de-mission", at=at))
           .confirm(Confirmation(delegation="switzerland", by_id=31000001, by_login="de-mission", at=at)))
    assert log.confirmed(REGISTRY) == frozenset({"germany"})  # a German account speaks for Germany only
    again = log.confirm(Confirmation(delegation="germany", by_id=31000001, by_login="de-mission", at=DEADLINE))
    assert again is log  # said twice: the first time stands
    moved = Registry((replace(GERMANY, accounts=()), SWITZERLAND))
    assert log.confirmed(moved) == frozenset()  # the account left the registry: its word no longer counts
    assert log.since(DEADLINE).cosponsors == ()  # a consent dated before the pull request cannot be about it


def test_a_real_schema_1_comment_is_read_and_migrated_with_its_signature() -> None:
    body = (V1 / "status-comment-pr-1.md").read_text(encoding="utf-8")
    log = decode(body, V1_KEY, 1)
    assert log is not None
    at = datetime(2020, 5, 6, 8, tzinfo=UTC)
    assert log.accepted == Acceptance(48213907, "ch-presidency-ccm", at)
    assert log.recheck == Recheck(by_id=39084516, by_login="ccm-isu", at=datetime(2020, 5, 5, 9, tzinfo=UTC))
    assert log.pins() == {"review-document": "review-zero-draft-input"}
    assert log.merge_base is not None and len(log.merge_base) == 40
    assert log.noticed == frozenset({"<!-- ccmflow:notice late review-zero-draft-input -->"})
    assert log.applied.labels == frozenset({"doc:review-document", "from:state-party", "late-accepted",
                                            "section:universalization"})
    assert log.applied.statuses["ccmflow/validation"] == ("success", "The document is valid")
    assert log.receipts == (Receipt(log.applied.sha or "", datetime(2020, 5, 5, 8, tzinfo=UTC), Source.PR_CREATED),)
    assert decode(encode(log, V1_KEY), V1_KEY, 1) == log  # written again as schema 2, read back the same
    assert decode(body, b"another key", 1) is None


def test_a_real_schema_1_issue_form_comment_keeps_its_origin() -> None:
    log = decode((V1 / "status-comment-pr-3.md").read_text(encoding="utf-8"), V1_KEY, 3)
    assert log is not None
    assert log.origin == IssueOrigin(number=2, author_id=27361048, author_login="at-mission-geneva",
                                     created_at=datetime(2020, 4, 20, 10, tzinfo=UTC))
    assert [r.source for r in log.receipts] == [Source.ISSUE_CREATED, Source.ISSUE_EDITED]


def test_a_schema_1_bag_with_a_closed_head_and_unknown_keys_migrates() -> None:
    old = {"number": 4, "receipts": [], "extra": {"closed": SHA1, "windows": "{broken", "someday": "x",
                                                  "ledger-seen": "2020-05-06T09:00:00+00:00"}}
    block = "<!-- ccmflow:log " + base64.b64encode(json.dumps(old).encode()).decode() + " -->"
    assert decode(block) == SubmissionLog(4, closed=SHA1, listed=datetime(2020, 5, 6, 9, tzinfo=UTC))


def test_a_real_schema_1_ledger_is_read_and_written_again_as_schema_2(tmp_path: Path) -> None:
    repo = gitutil.init_repo(tmp_path / "repo")
    oid = gitutil.commit(repo, {LEDGER_FILE: (V1 / "inputs.json").read_bytes()}, "old ledger", branch=None)
    gitutil.set_ref(repo, LEDGER_REF, oid)
    store = Store(repo.path)
    ledger = read_ledger(store)
    first, form = ledger.inputs
    assert first.log.accepted is not None and first.log.accepted.by_login == "ch-presidency-ccm"
    assert first.log.listed is not None and first.log.pins() == {"review-document": "review-zero-draft-input"}
    assert form.log.origin is not None and form.log.origin.number == 2
    assert write_ledger(store, ledger)  # migrated: the stored JSON changes once...
    stored = json.loads(repo[repo.references[LEDGER_REF].peel(pygit2.Commit).tree[LEDGER_FILE].id].data)
    assert all(i["log"]["v"] == SCHEMA and "extra" not in i["log"] for i in stored["inputs"])
    assert read_ledger(store) == ledger and not write_ledger(store, ledger)  # ...and reads back the same
