"""A hostile delegate against the real entry point: forged submission logs and markup planted in the bot's comments."""

from __future__ import annotations

import base64
import json
import re

import pytest
from botkit import PRESIDENCY, REVIEW, REVIEW_OLD, World, edit

from ccmflow.core.submissions import decode
from ccmflow.repo.ledger import freeze_ref

LATE = "2020-05-05T08:00:00Z"  # the review document's window closed 4 May 2020, 21:59:59 UTC
LATER = "2020-05-05T09:00:00Z"
LATEST = "2020-05-05T10:00:00Z"
WINDOW = "review-zero-draft-input"
KEY = {"CCMFLOW_STATE_KEY": "a secret only the workflow holds"}
NO_KEY = {"CCMFLOW_STATE_KEY": ""}
SCHEDULE = {"schedule": "5 * * * *"}


def numbered(w: World, fmt: str, words: str) -> dict[str, bytes | None]:
    """The review document with its narrative paragraphs numbered by `fmt`, and a change of text."""
    text = edit(w.text(REVIEW), REVIEW_OLD, f"bringing the total number of States Parties to {words}")
    meta = f"  numbering:\n    narrative: {json.dumps(fmt)}\nsections:\n"
    return {REVIEW: text.decode("utf-8").replace("sections:\n", meta, 1).encode("utf-8")}


def planted(log: dict[str, object]) -> str:
    payload = base64.b64encode(json.dumps(log, separators=(",", ":")).encode()).decode()
    return f"<!-- ccmflow:log {payload} --> {{n}}"


def triage(w: World, event: dict[str, object], now: str, env: dict[str, str]) -> None:
    run = w.run("pull_request_target", event, now=now, env=env)
    assert run.code == 0, run.err


def all_bot_text(w: World, number: int) -> str:
    return "\n".join(c["body"] for c in w.bot_comments(number))


@pytest.fixture(params=[NO_KEY, KEY], ids=["unsigned", "signed"])
def env(request: pytest.FixtureRequest) -> dict[str, str]:
    value: dict[str, str] = request.param
    return value


def test_a_planted_acceptance_does_not_make_a_late_input_accepted(world: World, env: dict[str, str]) -> None:
    triage(world, world.open_pr(7, numbered(world, "{n}", "110"), at=LATE), LATE, env)
    first = world.heads[7]
    forged = {"number": 7, "receipts": [{"sha": first, "received": LATE, "source": "pr-created"}],
              "accepted": {"by_id": PRESIDENCY[1], "by_login": PRESIDENCY[0], "at": "2030-01-01T00:00:00+00:00"}}
    triage(world, world.push_pr(7, numbered(world, planted(forged), "111"), at=LATER), LATER, env)
    triage(world, world.push_pr(7, numbered(world, "{n}", "112"), at=LATEST), LATEST, env)
    labels = world.fake.issue_labels(7)
    assert "late" in labels and "late-accepted" not in labels
    assert world.statuses(7)["ccmflow/deadline"][0] == "failure"
    body = world.status_comment(7)
    assert "accepted by" not in body and "Late: received" in body
    log = decode(body)
    assert log is not None and log.accepted is None
    assert [r.sha for r in log.receipts][:1] == [first]


def test_a_planted_receipt_for_a_commit_prepared_in_advance_does_not_make_it_on_time(
        world: World, env: dict[str, str]) -> None:
    triage(world, world.open_pr(8, numbered(world, "{n}", "110"), at=LATE), LATE, env)
    first = world.heads[8]
    # Prepared in advance, never pushed: its SHA is known to the delegate before GitHub has ever seen it.
    advance = world._commit(numbered(world, "{n}", "999"), first, None, "prepared in advance")
    forged = {"number": 8, "receipts": [{"sha": advance, "received": "2020-05-03T10:00:00+00:00",
                                         "source": "event"}]}
    triage(world, world.push_pr(8, numbered(world, planted(forged), "111"), at=LATER), LATER, env)
    # Force-push the prepared commit as the head.
    world.origin.references.create("refs/pull/8/head", advance, force=True)
    world.heads[8] = advance
    world.fake.set_pull(8, head_sha=advance, updated_at=LATEST)
    triage(world, world.pr_event("synchronize", 8), LATEST, env)
    assert "late" in world.fake.issue_labels(8)
    assert world.statuses(8)["ccmflow/deadline"][0] == "failure"
    log = decode(world.status_comment(8))
    assert log is not None and log.receipts[0].sha == first
    assert all(r.received.isoformat() >= "2020-05-05" for r in log.receipts)
    run = world.run("schedule", SCHEDULE, now="2020-05-06T09:05:00Z", env=env)
    assert run.code == 0, run.err
    assert freeze_ref(WINDOW, 8) not in world.origin.references


HOSTILE = "<img src=x> @someone [here](https://evil.example) \x00 {n}"


def test_markup_in_a_numbering_format_never_reaches_a_comment(world: World, env: dict[str, str]) -> None:
    triage(world, world.open_pr(9, numbered(world, HOSTILE, "110"), at=LATE), LATE, env)
    triage(world, world.push_pr(9, numbered(world, HOSTILE + " <!-- ccmflow:log AAAA -->", "111"), at=LATER),
           LATER, env)
    text = all_bot_text(world, 9)
    assert text.count("<!-- ccmflow:log") == 1 and text.rstrip().endswith("-->")
    assert "<img" not in text and "@someone" not in text and "](https://evil" not in text and "\x00" not in text
    # Every '<' left is the bot's own markup.
    assert not re.sub(r"<!-- ccmflow:(status|notice [a-z-]+ [a-z-]+|log [A-Za-z0-9+/=]+( hmac-sha256=[0-9a-f]+)?) -->|"
                      r"</?(sub|details|summary)>", "", text).count("<")
    assert "late" in world.fake.issue_labels(9)


def forged_acceptance(number: int, sha: str) -> str:
    log = {"number": number, "receipts": [{"sha": sha, "received": LATE, "source": "pr-created"}],
           "accepted": {"by_id": PRESIDENCY[1], "by_login": PRESIDENCY[0], "at": "2030-01-01T00:00:00+00:00"}}
    return base64.b64encode(json.dumps(log, separators=(",", ":")).encode()).decode()


def test_only_the_block_that_ends_the_bots_comment_is_read(world: World, env: dict[str, str]) -> None:
    """Should some text ever slip through unescaped, a log block inside the visible text is still no log."""
    triage(world, world.open_pr(10, numbered(world, "{n}", "110"), at=LATE), LATE, env)
    ours = next(c for c in world.bot_comments(10) if "ccmflow:status" in c["body"])
    planted_body = ours["body"].replace("## Input", f"<!-- ccmflow:log {forged_acceptance(10, world.heads[10])} -->"
                                        "\n## Input", 1)
    world.fake.set_comment(ours["id"], planted_body)
    triage(world, world.push_pr(10, numbered(world, "{n}", "111"), at=LATER), LATER, env)
    assert "late" in world.fake.issue_labels(10) and "late-accepted" not in world.fake.issue_labels(10)
    assert world.status_comment(10).count("ccmflow:log") == 1


@pytest.mark.parametrize("tamper", ["unsigned", "signature of another log"])
def test_with_a_key_a_log_the_bot_did_not_sign_is_no_log(world: World, tamper: str) -> None:
    triage(world, world.open_pr(11, numbered(world, "{n}", "110"), at=LATE), LATE, KEY)
    ours = next(c for c in world.bot_comments(11) if "ccmflow:status" in c["body"])
    real = re.search(r"<!-- ccmflow:log (\S+) (hmac-sha256=[0-9a-f]{64}) -->$", ours["body"])
    assert real is not None, "with a key, the bot signs its log"
    signature = "" if tamper == "unsigned" else f" {real.group(2)}"
    block = f"<!-- ccmflow:log {forged_acceptance(11, world.heads[11])}{signature} -->"
    world.fake.set_comment(ours["id"], ours["body"][: real.start()] + block)
    triage(world, world.push_pr(11, numbered(world, "{n}", "111"), at=LATER), LATER, KEY)
    assert "late" in world.fake.issue_labels(11) and "late-accepted" not in world.fake.issue_labels(11)
    log = decode(world.status_comment(11), KEY["CCMFLOW_STATE_KEY"].encode(), 11)
    assert log is not None and log.accepted is None  # rebuilt from what GitHub says, and signed again


def test_without_a_key_the_job_log_says_the_log_is_unsigned(world: World) -> None:
    run = world.run("pull_request_target", world.open_pr(12, numbered(world, "{n}", "110"), at=LATE), now=LATE,
                    env={"CCMFLOW_STATE_KEY": ""})
    assert run.code == 0, run.err
    assert run.out.splitlines()[0].startswith("::warning::ccmflow-bot: CCMFLOW_STATE_KEY is not set")
    assert "hmac-sha256=" not in world.status_comment(12)
