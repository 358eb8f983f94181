"""Every real webhook payload through the entry point: handled, or ignored with a one-line reason; never a crash."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from botkit import REVIEW, REVIEW_OLD, WEBHOOKS, World, edit
from ccmflow.bot.main import build_router

PAYLOADS = sorted(WEBHOOKS.glob("*/*.json"))
TRIAGED = {"opened", "synchronize", "reopened", "edited", "ready_for_review", "closed"}
NOW = "2020-04-20T10:00:00Z"


def _check(run_out: str, run_err: str, code: int) -> list[str]:
    assert code == 0, run_err
    assert "Traceback" not in run_err and run_err == ""
    lines = run_out.strip().splitlines()
    assert lines, "the bot must say what it did"
    for line in lines:
        assert line.startswith("ccmflow-bot: ")
        verb = line.split(": ")[2]
        assert verb in ("handled", "ignored"), line
        assert len(line.split(": ", 3)[-1]) > 10, "a reason, not just a verb"
    return lines


def test_the_sweep_sees_every_kind_of_payload() -> None:
    assert len(PAYLOADS) >= 100
    assert {p.parent.name for p in PAYLOADS} >= {"pull_request", "issue_comment", "push", "workflow_dispatch"}


@pytest.mark.parametrize("path", PAYLOADS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_payload_as_github_sent_it(world: World, path: Path) -> None:
    event = path.parent.name
    payload = json.loads(path.read_text(encoding="utf-8"))
    run = world.run(event, payload, now=NOW)
    lines = _check(run.out, run.err, run.code)
    action = payload.get("action") if isinstance(payload.get("action"), str) else None
    assert len(lines) == max(1, len(build_router().handlers(event, action)))  # one line per behaviour


@pytest.mark.parametrize("path", sorted(WEBHOOKS.glob("pull_request/*.json")), ids=lambda p: p.stem)
def test_pull_request_payload_with_a_head_in_the_repository(world: World, path: Path) -> None:
    payload = json.loads(path.read_text(encoding="utf-8"))
    pull = payload["pull_request"]
    sha = world.pr_commit(pull["number"], {REVIEW: edit(world.text(REVIEW), REVIEW_OLD, "to 110")})
    world.fake.add_pull(pull["number"], title=pull["title"], user_login=pull["user"]["login"],
                        user_id=pull["user"]["id"], head_sha=sha, head_ref=pull["head"]["ref"],
                        created_at=pull["created_at"], updated_at=pull["updated_at"])
    pull["head"]["sha"] = sha
    run = world.run("pull_request_target", payload, now=NOW)
    lines = _check(run.out, run.err, run.code)
    assert len(lines) == max(1, len(build_router().handlers("pull_request_target", payload["action"])))
    line = lines[0]  # triage is registered first; the summary refresh answers after it
    if payload["action"] in TRIAGED:
        assert ": handled: " in line
        assert {"doc:review-document", "unregistered"} <= world.fake.issue_labels(pull["number"])
        assert len(world.bot_comments(pull["number"])) == 1
    else:
        assert ": ignored: " in line and world.fake.requests == []
