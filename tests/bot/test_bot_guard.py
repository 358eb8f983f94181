"""Runs outside an input's own concurrency group (commands, maintenance, the issue form) against another run writing
the same status comment: what that run logged is never overwritten, and two comments left by racing runs become
one that keeps both."""

from __future__ import annotations

from datetime import UTC, datetime

from botkit import BOT_LOGIN, PRESIDENCY, STATE_KEY, World, change, form, run, run_issue, state
from msgspec.structs import replace

from ccmflow.core.submissions import Recheck, Source, SubmissionLog, encode

OPENED = "2020-04-20T10:00:00Z"
PUSHED = "2020-05-04T21:00:00Z"
LATE = "2020-05-05T08:00:00Z"
SAID = "2020-05-06T08:00:00Z"
DISPATCH = {"inputs": {}, "ref": "refs/heads/main", "repository": {"default_branch": "main"}}
BOT_ID = 41898282


def status_comment_id(w: World, number: int) -> int:
    (comment,) = [c for c in w.bot_comments(number) if "<!-- ccmflow:status -->" in c["body"]]
    return int(comment["id"])


def rival_writes(w: World, number: int, skips: tuple[int, ...]) -> list[str]:
    """Another run rewrites the status comment just before the given listings of its comments (counted from 0);
    what each write left, in order."""
    cid = status_comment_id(w, number)
    written: list[str] = []

    def rewrite() -> None:
        body = f"Rewritten by another run ({len(written) + 1}).\n" + w.fake.state.comments[cid].body
        w.fake.set_comment(cid, body)
        written.append(body)

    for skip in skips:
        w.fake.interleave("GET", f"/repos/*/issues/{number}/comments", rewrite, skip=skip)
    return written


def test_a_command_that_keeps_finding_the_comment_moved_fails_and_asks_to_run_again(world: World) -> None:
    run(world, "pull_request_target", world.open_pr(1, change(world), at=LATE), LATE)
    # Each of the three attempts reads the comment, then finds it rewritten when it checks before writing.
    written = rival_writes(world, 1, (1, 3, 5))
    result = world.run("issue_comment", world.comment_event(1, "/ccmflow accept-late", PRESIDENCY, at=SAID), now=SAID)
    assert result.code == 2 and result.out == ""
    assert result.err == ("ccmflow-bot: #1: its status comment changed while this run worked 3 times; run this job "
                          "again\n")
    assert len(written) == 3 and world.status_comment(1) == written[-1]
    assert "late" in world.fake.issue_labels(1) and state(world, 1).accepted is None


def test_the_maintenance_job_leaves_an_input_whose_comment_keeps_moving_to_the_run_writing_it(world: World) -> None:
    run(world, "pull_request_target", world.open_pr(1, change(world), at=OPENED), OPENED)
    written = rival_writes(world, 1, (0, 1, 3, 5))
    out = run(world, "workflow_dispatch", DISPATCH, SAID)
    assert "re-triaged 1 open pull requests (run by hand): 0 changed" in out
    assert len(written) == 4 and world.status_comment(1) == written[-1]


def test_a_form_edit_racing_a_recheck_keeps_both(world: World) -> None:
    """The author edits the issue while a recheck's run logs its request on the pull request's status comment: the
    form's run starts again from that comment, and logs the new version beside the recheck."""
    world.fake.use_git(world.tmp / "origin.git")
    run_issue(world, world.open_issue(form(), at=OPENED), OPENED)
    (number,) = [i.number for i in world.fake.state.pulls()]
    cid = status_comment_id(world, number)
    asked = Recheck(by_id=PRESIDENCY[1], by_login=PRESIDENCY[0], at=datetime(2020, 4, 21, 8, tzinfo=UTC))

    def recheck_logged() -> None:
        body = world.fake.state.comments[cid].body
        logged = replace(state(world, number), recheck=asked)
        world.fake.set_comment(cid, body[:body.index("<!-- ccmflow:log")] + encode(logged, STATE_KEY.encode()))

    world.fake.interleave("GET", f"/repos/*/issues/{number}/comments", recheck_logged, skip=1)
    edited = form(text="Since the First Review Conference, 111 States have joined the Convention.")
    run_issue(world, world.edit_issue(1, edited, at="2020-04-22T09:30:00Z"), "2020-04-22T09:30:00Z")
    log = state(world, number)
    assert log.recheck == asked
    assert [r.source for r in log.receipts] == [Source.ISSUE_CREATED, Source.ISSUE_EDITED]


def test_two_status_comments_left_by_racing_runs_become_one_with_every_version(world: World) -> None:
    """The triage of the opening and of the first push ran at once, and each found no comment and wrote its own;
    the second holds the only time of the push (the receipts workflow made no run for it)."""
    run(world, "pull_request_target", world.open_pr(1, change(world, "111"), at=OPENED), OPENED)
    first = world.heads[1]
    world.push_pr(1, change(world, "112"), at=PUSHED)
    world.fake.delete_runs()
    other = SubmissionLog(1).record(world.heads[1], datetime(2020, 5, 4, 21, tzinfo=UTC), Source.EVENT)
    world.fake.add_comment(1, f"<!-- ccmflow:status -->\nThe other run's word.\n\n{encode(other, STATE_KEY.encode())}",
                           BOT_LOGIN, BOT_ID, type="Bot")
    world.fake.set_pull(1, updated_at=LATE)  # the Presidency's comment, the morning after the deadline
    out = run(world, "issue_comment", world.comment_event(1, "/ccmflow recheck", PRESIDENCY, at=LATE), LATE)
    assert "duplicate comment removed" in out
    assert len(world.bot_comments(1)) == 1
    assert [(r.sha, r.received) for r in state(world, 1).receipts] == [
        (first, datetime(2020, 4, 20, 10, tzinfo=UTC)), (world.heads[1], datetime(2020, 5, 4, 21, tzinfo=UTC))]
    assert world.statuses(1)["ccmflow/deadline"][0] == "success"
