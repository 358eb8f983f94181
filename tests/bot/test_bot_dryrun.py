"""`ccmflow-bot --dry-run`, to replay an event: every read goes to GitHub, every write is printed instead of made,
and nothing reaches origin either."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable
from typing import Any

import pytest
from botkit import AUSTRIA, BOT_LOGIN, PRESIDENCY, PROCESS, World, change, edit, form, run
from ccmflow.bot.client import GitHub, PyGithubClient
from ccmflow.bot.dryrun import DryRunClient
from fakegithub import serve_checked

from ccmflow.core.errors import FatalError
from ccmflow.core.labels import LabelSpec
from ccmflow.core.record import PullState
from ccmflow.triage.decide import CommitStatus, StatusState

OPENED = "2020-04-20T10:00:00Z"
PUSHED = "2020-05-04T21:00:00Z"
LATE = "2020-05-05T08:00:00Z"
NEXT_DAY = "2020-05-06T09:05:00Z"
SCHEDULE = {"schedule": "5 * * * *"}
DISPATCH = {"inputs": {}, "ref": "refs/heads/main", "repository": {"default_branch": "main"}}
TITLE = "Consolidation summary: Lausanne Review Document"


def origin_refs(w: World) -> dict[str, str]:
    return {name: str(w.origin.references[name].target) for name in w.origin.references}


def dry(w: World, event: str, payload: dict[str, Any], now: str, key: str | None = None) -> str:
    """A dry run that must succeed and write nothing to GitHub or to origin; what it printed."""
    start, refs = len(w.fake.requests), origin_refs(w)
    result = w.run(event, payload, now=now, dry_run=True, env={"CCMFLOW_STATE_KEY": key} if key else None)
    assert result.code == 0, result.err
    assert [f"{r.method} {r.path}" for r in w.fake.requests[start:] if r.method != "GET"] == []
    assert origin_refs(w) == refs
    return result.out


def test_the_maintenance_job_says_what_it_would_open_freeze_and_update(world: World) -> None:
    run(world, "pull_request_target", world.open_pr(1, change(world, "111"), at=OPENED), OPENED)
    out = dry(world, "schedule", SCHEDULE, NEXT_DAY)
    assert f"ccmflow-bot: dry run: would open issue '{TITLE}" in out and "labelled ccmflow:summary" in out
    assert "would freeze review-zero-draft-input" in out and "no freeze needed" not in out
    assert [i for i in world.fake.state.issues.values() if i.pull is None] == []
    # Once the job has run, a new version of the input: the dry run names the tracking issue it would update.
    run(world, "schedule", SCHEDULE, NEXT_DAY)
    (tracking,) = [i.number for i in world.fake.state.issues.values() if i.pull is None]
    run(world, "pull_request_target", world.push_pr(1, change(world, "112"), at=LATE), LATE)
    before = world.fake.issue(tracking)["body"]
    out = dry(world, "schedule", SCHEDULE, "2020-05-06T10:05:00Z")
    assert f"dry run: would update issue #{tracking} '{TITLE}" in out
    assert world.fake.issue(tracking)["body"] == before


def test_an_issue_form_is_read_but_no_branch_or_pull_request_is_made(world: World) -> None:
    world.fake.use_git(world.tmp / "origin.git")
    out = dry(world, "issues", world.open_issue(form(), at=OPENED), OPENED)
    assert "handled: #1: dry run: would push input/issue-1 with" in out
    assert world.fake.calls("GET", "/repos/*/pulls")  # it looked for the form's pull request
    assert not list(world.fake.state.pulls()) and world.bot_comments(1) == []


def test_a_lost_state_is_rebuilt_from_githubs_records_and_only_shown(world: World) -> None:
    world.fake.use_git(world.tmp / "origin.git")
    run(world, "issues", world.open_issue(form(), at=OPENED), OPENED)  # the bot's pull request #2
    run(world, "pull_request_target", world.open_pr(3, change(world, "111"), at=OPENED), OPENED)
    comments = {n: world.status_comment(n) for n in (2, 3)}
    out = dry(world, "workflow_dispatch", DISPATCH, NEXT_DAY, key="a rotated key")
    assert "re-triaged 2 open pull requests" in out
    assert out.count("dry run: would update comment ") == 2
    # Read as a lost state is read: the form's issue, the timeline of the bot's own pull request, the runs of the
    # receipts workflow for the delegation's.
    assert world.fake.calls("GET", "/repos/*/issues/1") and world.fake.calls("GET", "/repos/*/issues/2/timeline")
    assert world.fake.calls("GET", "/repos/*/actions/workflows/ccmflow-receipts.yml/runs")
    assert {n: world.status_comment(n) for n in (2, 3)} == comments


def test_an_acceptance_would_reopen_an_input_the_close_policy_closed(world: World) -> None:
    world.push_base({PROCESS: edit(world.text(PROCESS), "late_policy: flag", "late_policy: close")})
    run(world, "pull_request_target", world.open_pr(4, change(world), at=LATE), LATE)
    assert world.fake.pull(4)["state"] == "closed"
    out = dry(world, "issue_comment", world.comment_event(4, "/ccmflow accept-late", PRESIDENCY, at=NEXT_DAY),
              NEXT_DAY)
    assert "dry run: would set #4 open" in out and "late-accepted" in out
    assert world.fake.pull(4)["state"] == "closed" and "late" in world.fake.issue_labels(4)


WRITES: dict[str, tuple[Callable[[GitHub], object], str]] = {
    "set_labels": (lambda c: c.set_labels(1, ["late", "doc:review-document"]),
                   "set the labels of #1 to: late, doc:review-document"),
    "update_label": (lambda c: c.update_label(LabelSpec("late", "d93f0b", "Received late")),
                     "set label 'late' to colour #d93f0b, 'Received late'"),
    "create_status": (lambda c: c.create_status("a" * 40, CommitStatus("ccmflow/deadline", StatusState.FAILURE,
                                                                       "Late"), None),
                      "set ccmflow/deadline on aaaaaaa to failure: Late"),
    "create_comment": (lambda c: c.create_comment(1, "Hello", "<!-- m -->"), "comment on #1:\nHello"),
    "edit_comment": (lambda c: c.edit_comment(7, "Hello again"), "update comment 7 to:\nHello again"),
    "delete_comment": (lambda c: c.delete_comment(7), "delete comment 7"),
    "set_state": (lambda c: c.set_state(1, PullState.CLOSED), "set #1 closed"),
    "create_issue": (lambda c: c.create_issue("Summary", "Body", ["ccmflow:summary"]),
                     "open issue 'Summary' labelled ccmflow:summary:\nBody"),
    "edit_issue": (lambda c: c.edit_issue(1, "Summary", "Body"), "update issue #1 'Summary' to:\nBody"),
    "edit_pull": (lambda c: c.edit_pull(1, "Input", "Body"), "update pull request #1 'Input' to:\nBody"),
}


@pytest.mark.parametrize("write", WRITES)
def test_every_write_is_printed_and_never_sent(write: str) -> None:
    """Whatever a behaviour asks of the client in a dry run, nothing reaches GitHub."""
    call, said = WRITES[write]
    for fake in serve_checked():
        fake.add_pull(1, title="Input", user_login=AUSTRIA[0], user_id=AUSTRIA[1], head_sha="a" * 40, head_ref="x")
        client = DryRunClient(PyGithubClient(fake.base_url, "token", fake.full_name, BOT_LOGIN))
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            call(client)
        assert out.getvalue() == f"ccmflow-bot: dry run: would {said}\n"
        assert fake.requests == []


def test_a_pull_request_is_never_opened_so_nothing_is_triaged_on_it() -> None:
    for fake in serve_checked():
        client = DryRunClient(PyGithubClient(fake.base_url, "token", fake.full_name, BOT_LOGIN))
        out = io.StringIO()
        with contextlib.redirect_stdout(out), pytest.raises(FatalError, match="a dry run opens no pull request"):
            client.create_pull("Input", "input/issue-1", "main", "Body")
        assert "would open a pull request 'Input' from input/issue-1 into main" in out.getvalue()
        assert fake.requests == []
