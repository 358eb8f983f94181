"""The one client of GitHub, through the entry point: rate limits GitHub does not time, answers in a shape the bot
cannot use, and a status comment raced by another run while the answer to its creation was lost."""

from __future__ import annotations

from datetime import datetime

import pytest
from botkit import AUSTRIA, BOT_LOGIN, PRESIDENCY, World, change, form, state
from ccmflow.bot.client import PyGithubClient
from fakegithub import serve_checked

OPENED = "2020-04-20T10:00:00Z"
SAID = "2020-04-21T08:00:00Z"
SECONDARY = ("You have exceeded a secondary rate limit. Please wait a few minutes before you try again.")


def test_a_secondary_rate_limit_without_retry_after_is_waited_out_for_a_minute(world: World) -> None:
    """GitHub's advice when a secondary limit gives no time: wait at least a minute."""
    event = world.open_pr(1, change(world), at=OPENED)
    world.fake.fail("POST", "/repos/*/statuses/*", status=403, message=SECONDARY)
    run = world.run("pull_request_target", event, now=OPENED)
    assert run.code == 0, run.err
    assert run.sleeps == [60.0]
    assert set(world.statuses(1)) == {"ccmflow/validation", "ccmflow/deadline"}


def test_an_api_answer_the_bot_cannot_use_stops_the_run_naming_the_field(world: World) -> None:
    world.run("pull_request_target", world.open_pr(1, change(world), at=OPENED), now=OPENED)
    world.fake.state.issues[1].created_at = "yesterday"  # what GitHub would never send
    run = world.run("issue_comment", world.comment_event(1, "/ccmflow recheck", PRESIDENCY, at=SAID), now=SAID)
    assert run.code == 2 and run.out == ""
    assert run.err == ("ccmflow-bot: GitHub's answer to 'read pull request #1' is not what the bot can use: "
                       "created_at: expected a timestamp, got the text 'yesterday'\n")


@pytest.mark.parametrize("listing", ["comments", "pulls"])
def test_a_listing_answered_with_something_else_than_a_list_stops_the_run(world: World, listing: str) -> None:
    """A proxy, or a GitHub Enterprise Server of another version, answering a listing with an object."""
    if listing == "comments":
        event, name = world.open_pr(1, change(world), at=OPENED), "pull_request_target"
        world.fake.fail("GET", "/repos/*/issues/1/comments", status=200)
        what = "list the comments of #1"
    else:
        world.fake.use_git(world.tmp / "origin.git")
        event, name = world.open_issue(form(), at=OPENED), "issues"
        world.fake.fail("GET", "/repos/*/pulls", status=200)
        what = "find the pull request of branch input/issue-1"
    run = world.run(name, event, now=OPENED)
    assert run.code == 2 and world.fake.pending_faults == 0
    assert run.err == (f"ccmflow-bot: GitHub's answer to '{what}' is not what the bot can use: expected a list, "
                       "got an object\n")
    assert [r for r in world.fake.requests if r.method != "GET"] == []


def test_a_status_comment_raced_by_another_run_while_the_answer_was_lost_ends_as_one(world: World) -> None:
    """Another run posted its status comment just before this run's; this run's POST was made but its answer lost.
    The oldest comment is kept, with what this run decided, and the other deleted."""
    event = world.open_pr(1, change(world), at=OPENED)
    stale = "<!-- ccmflow:status -->\nThe other run's word, about an older version."

    def other_run() -> None:
        world.fake.add_comment(1, stale, BOT_LOGIN, 41898282, type="Bot")

    world.fake.interleave("POST", "/repos/*/issues/1/comments", other_run)
    world.fake.fail("POST", "/repos/*/issues/1/comments", status=502, apply=True)
    run = world.run("pull_request_target", event, now=OPENED)
    assert run.code == 0, run.err
    (comment,) = world.bot_comments(1)
    assert comment["body"] != stale and "paragraph 5 (`pkp3nvcv`): text amended" in comment["body"]
    assert [r.received for r in state(world, 1).receipts] == [datetime.fromisoformat(OPENED)]
    assert len(world.fake.calls("DELETE", "/repos/*/issues/comments/*")) == 1


def test_a_pull_request_without_a_web_address_gets_statuses_without_a_link(world: World) -> None:
    event = world.open_pr(1, change(world), at=OPENED)
    del event["pull_request"]["html_url"]
    run = world.run("pull_request_target", event, now=OPENED)
    assert run.code == 0, run.err
    statuses = world.fake.statuses(world.heads[1])
    assert set(statuses) == {"ccmflow/validation", "ccmflow/deadline"}
    assert all(s["target_url"] is None for s in statuses.values())
    linked = world.open_pr(2, change(world), at=OPENED)
    assert world.run("pull_request_target", linked, now=OPENED).code == 0
    assert {s["target_url"] for s in world.fake.statuses(world.heads[2]).values()} == {
        linked["pull_request"]["html_url"]}


def test_a_timeline_time_github_would_not_send_dates_nothing() -> None:
    for fake in serve_checked():
        number = fake.add_pull(title="Input", user_login=AUSTRIA[0], user_id=AUSTRIA[1], head_sha="a" * 40,
                               head_ref="input")
        fake.add_timeline_event(number, "head_ref_force_pushed", *AUSTRIA, created_at="4 May 2020",
                                commit_id="b" * 40)
        fake.add_timeline_event(number, "head_ref_force_pushed", *AUSTRIA, created_at="2020-05-04T21:00:00Z",
                                commit_id="c" * 40)
        client = PyGithubClient(fake.base_url, "token", fake.full_name, BOT_LOGIN)
        assert [(e.sha, e.at.isoformat()) for e in client.head_events(number)] == [
            ("c" * 40, "2020-05-04T21:00:00+00:00")]
