"""The submission log: first receipt wins, the on-time version at the deadline second, the hidden comment block."""

from __future__ import annotations

import base64
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from ccmflow.core.submissions import Acceptance, Receipt, SubmissionLog, decode, encode

DEADLINE = datetime(2020, 5, 4, 21, 59, 59, tzinfo=UTC)
SHA1, SHA2, SHA3 = "a" * 40, "b" * 40, "c" * 40


def test_a_sha_seen_again_keeps_its_first_received_time() -> None:
    log = SubmissionLog(12).record(SHA1, DEADLINE - timedelta(hours=1), "pr-created")
    again = log.record(SHA1, DEADLINE + timedelta(days=1), "event")
    assert again is log
    assert again.receipts == (Receipt(SHA1, DEADLINE - timedelta(hours=1), "pr-created"),)


def test_received_times_are_kept_in_utc() -> None:
    zurich = datetime(2020, 5, 4, 23, 59, 59, tzinfo=ZoneInfo("Europe/Zurich"))
    receipt = SubmissionLog(1).record(SHA1, zurich, "event").receipts[0]
    assert receipt.received == DEADLINE and receipt.received.tzinfo is UTC


def test_the_version_received_at_the_deadline_second_counts_as_on_time() -> None:
    log = (SubmissionLog(7)
           .record(SHA1, DEADLINE - timedelta(days=2), "pr-created")
           .record(SHA2, DEADLINE, "event")
           .record(SHA3, DEADLINE + timedelta(seconds=1), "event"))
    assert log.last_before(DEADLINE) == Receipt(SHA2, DEADLINE, "event")
    assert log.last_before(DEADLINE - timedelta(seconds=1)) == Receipt(SHA1, DEADLINE - timedelta(days=2),
                                                                       "pr-created")
    assert log.last_before(DEADLINE - timedelta(days=3)) is None
    assert log.last_before(None) == log.receipts[-1]  # no deadline yet: the latest version
    assert SubmissionLog(7).last_before(None) is None


def test_the_latest_receipt_counts_even_when_recorded_out_of_order() -> None:
    # A backfill may record an older head after a newer one.
    log = SubmissionLog(3).record(SHA2, DEADLINE - timedelta(hours=1), "event").record(
        SHA1, DEADLINE - timedelta(hours=5), "backfill")
    assert log.last_before(DEADLINE) is not None and log.last_before(DEADLINE).sha == SHA2  # type: ignore[union-attr]


def test_encode_and_decode_round_trip() -> None:
    log = SubmissionLog(
        42, (Receipt(SHA1, DEADLINE - timedelta(days=1), "pr-created"), Receipt(SHA2, DEADLINE, "event")),
        Acceptance(48213907, "ch-presidency-ccm", DEADLINE + timedelta(days=2)), "review-zero-draft-input",
        {"note": "accepted at the meeting --> closes the comment? no"})
    block = encode(log)
    assert block.startswith("<!-- ccmflow:log ") and block.endswith(" -->") and block.count("-->") == 1
    body = f"## Status\nOn time.\n\n{block}\n"
    assert decode(body) == log


def test_decode_without_a_block_or_with_a_damaged_one_is_none() -> None:
    assert decode("") is None
    assert decode("Just a comment.") is None
    assert decode("<!-- ccmflow:log not-base64! -->") is None
    assert decode("<!-- ccmflow:log " + base64.b64encode(b"[1, 2]").decode() + " -->") is None
    assert decode("<!-- ccmflow:log " + base64.b64encode(b"{bad json").decode() + " -->") is None
    assert decode("<!-- ccmflow:log " + base64.b64encode(b'{"receipts": []}').decode() + " -->") is None


def test_as_json_is_plain_data() -> None:
    log = SubmissionLog(5).record(SHA1, DEADLINE, "event")
    assert log.as_json() == {"number": 5, "receipts": [
        {"sha": SHA1, "received": "2020-05-04T21:59:59+00:00", "source": "event"}]}
