"""The tracking issue on GitHub: created once, updated in place, split when huge, within its request budget."""

from __future__ import annotations

import math

import pygit2
import pytest
from botkit import AUSTRIA, PRESIDENCY, STRANGER, World, change, run
from ccmflow.bot.behaviours import summary as bot_summary

from ccmflow.core import labels

ON_TIME = "2020-04-20T10:00:00Z"
TITLE = ("Consolidation summary: Lausanne Review Document: review of the operation and status of the Convention "
         "on Cluster Munitions, 2015-2020")
SCHEDULE = {"schedule": "5 * * * *"}


def tracking(w: World) -> list[dict[str, object]]:
    issues = [w.fake.issue(n) for n in sorted(w.fake.state.issues) if w.fake.state.issues[n].pull is None]
    return [i for i in issues if labels.SUMMARY in {label["name"] for label in i["labels"]}]  # type: ignore


def test_created_once_then_updated_in_place(world: World) -> None:
    run(world, "pull_request_target", world.open_pr(1, change(world, "111"), at=ON_TIME), ON_TIME)
    assert tracking(world) == []  # triage never opens the issue: the maintenance job does
    out = run(world, "schedule", SCHEDULE, ON_TIME)
    assert "review-document updated" in out
    (issue,) = tracking(world)
    assert issue["title"] == TITLE and issue["user"]["login"] == "github-actions[bot]"  # type: ignore[index]
    assert "| #1 | Austria (State Party) | `5 (pkp3nvcv)` |" in str(issue["body"])
    # The compilation text is published on a branch of its own and linked from the summary.
    branch = world.origin.references["refs/heads/ccmflow-compilation"].peel(pygit2.Commit)
    assert "compilation/review-document.html" in branch.tree
    assert "/blob/ccmflow-compilation/compilation/review-document.md" in str(issue["body"])
    world.fake.reset_requests()
    assert "none updated" in run(world, "schedule", SCHEDULE, ON_TIME)
    assert not world.fake.calls("PATCH", "/repos/*/issues/*") and not world.fake.calls("POST", "/repos/*/issues")
    run(world, "pull_request_target", world.open_pr(10, change(world, "112"), at=ON_TIME, user=AUSTRIA), ON_TIME)
    (issue,) = tracking(world)
    assert "| #10 |" in str(issue["body"])
    assert len([i for i in world.fake.state.issues.values() if i.pull is None]) == 1


def test_listing_costs_at_most_ceil_n_over_100_plus_2(world: World) -> None:
    count = 130
    for number in range(1, count + 1):
        sha = world.pr_commit(number, change(world, str(200 + number)))
        world.fake.add_pull(number, title=f"Input {number}", user_login=AUSTRIA[0], user_id=AUSTRIA[1],
                            head_sha=sha, head_ref=f"input-{number}", created_at=ON_TIME, updated_at=ON_TIME)
    run(world, "schedule", SCHEDULE, ON_TIME)
    world.fake.reset_requests()
    event = world.push_pr(1, change(world, "999"), at="2020-04-21T10:00:00Z")
    run(world, "pull_request_target", event, now="2020-04-21T10:00:00Z")
    listing = world.fake.calls("GET", "/repos/*/pulls")
    issues = world.fake.calls("GET", "/repos/*/issues")
    writes = [r for r in world.fake.calls("PATCH", "/repos/*/issues/*") + world.fake.calls("POST", "/repos/*/issues")]
    assert len(listing) == math.ceil(count / 100) and len(issues) == 1 and len(writes) == 1
    assert len(listing) + len(issues) + len(writes) <= math.ceil(count / 100) + 2
    assert not world.fake.calls("GET", "/repos/*/pulls/*")  # never one request per pull request


def split_summary(w: World, monkeypatch: pytest.MonkeyPatch) -> tuple[dict[str, object], int]:
    """Eight inputs with long remarks, and bodies of at most 3,000 characters: the summary needs several parts."""
    monkeypatch.setattr(bot_summary, "MAX_BODY", 3_000)
    for number in range(1, 9):
        w.open_pr(number, change(w, str(300 + number)), at=ON_TIME)
        w.fake.set_issue(number, body="Remarks. " * 40)
    run(w, "schedule", SCHEDULE, ON_TIME)
    (issue,) = tracking(w)
    return issue, int(issue["number"])  # type: ignore[call-overload]


def test_split_into_comments_when_too_long_and_back(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    issue, number = split_summary(world, monkeypatch)
    parts = [c for c in world.fake.comments(number) if "ccmflow:summary-part review-document" in c["body"]]
    assert parts and all(len(c["body"]) <= 3_000 for c in parts) and len(str(issue["body"])) <= 3_000
    assert f"parts={len(parts) + 1}" in str(issue["body"])
    joined = str(issue["body"]) + "".join(c["body"] for c in parts)
    assert all(f"| #{n} |" in joined for n in range(1, 9))
    for closed in range(2, 9):
        world.fake.set_pull(closed, state="closed")
    run(world, "schedule", SCHEDULE, ON_TIME)
    assert not [c for c in world.fake.comments(number) if "ccmflow:summary-part" in c["body"]]
    assert "parts=1" in str(world.fake.issue(number)["body"])


def test_summary_command_by_the_presidency_only(world: World) -> None:
    world.open_pr(1, change(world, "111"), at=ON_TIME)
    world.fake.add_issue(50, title="Questions", user_login=PRESIDENCY[0], user_id=PRESIDENCY[1])
    out = run(world, "issue_comment", _comment(world, 50, "/ccmflow summary", STRANGER), ON_TIME)
    assert "only the Presidency, the Implementation Support Unit" in out and tracking(world) == []
    out = run(world, "issue_comment", _comment(world, 50, "/ccmflow summary", PRESIDENCY), ON_TIME)
    assert "review-document updated" in out and len(tracking(world)) == 1
    replies = [c["body"] for c in world.fake.comments(50) if c["user"]["login"] == "github-actions[bot]"]
    assert len(replies) == 2 and "can only be used by" in replies[0] and "up to date" in replies[1]


def _comment(w: World, number: int, body: str, user: tuple[str, int]) -> dict[str, object]:
    payload = w.comment_event(number, body, user, at=ON_TIME)
    payload["issue"].pop("pull_request", None)  # type: ignore[attr-defined]
    return payload


def test_summary_command_by_a_thematic_coordinator_is_obeyed(world: World) -> None:
    # Ireland coordinates universalization in the registry (thematic-coordinator, coordination-committee).
    coordinator = ("ie-disarmament-geneva", 29847106)
    world.open_pr(1, change(world, "111"), at=ON_TIME)
    world.fake.add_issue(51, title="Questions", user_login=PRESIDENCY[0], user_id=PRESIDENCY[1])
    out = run(world, "issue_comment", _comment(world, 51, "/ccmflow summary", coordinator), ON_TIME)
    assert "review-document updated" in out and len(tracking(world)) == 1
    replies = [c["body"] for c in world.fake.comments(51) if c["user"]["login"] == "github-actions[bot]"]
    assert len(replies) == 1 and "up to date" in replies[0]


def test_parts_are_rewritten_in_place_and_other_comments_left_alone(world: World,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    _, number = split_summary(world, monkeypatch)
    thanks = world.fake.add_comment(number, "Thank you for the summary.", *PRESIDENCY)
    forged = world.fake.add_comment(number, "<!-- ccmflow:summary-part review-document 2/9 -->\nForged.", *STRANGER)

    def parts() -> dict[int, str]:
        return {c["id"]: c["body"] for c in world.fake.comments(number) if c["id"] not in (thanks, forged)}

    before = parts()
    world.fake.set_issue(2, body="Amended remarks of the delegation. " * 10)
    run(world, "schedule", SCHEDULE, ON_TIME)
    after = parts()
    assert set(after) == set(before) and after != before  # the same comments, edited
    assert "Amended remarks of the delegation." in str(world.fake.issue(number)["body"]) + "".join(after.values())
    others = {c["id"]: c["body"] for c in world.fake.comments(number) if c["id"] in (thanks, forged)}
    assert others == {thanks: "Thank you for the summary.",
                      forged: "<!-- ccmflow:summary-part review-document 2/9 -->\nForged."}


def test_a_refresh_after_triage_that_github_refuses_leaves_the_triage_standing(world: World) -> None:
    run(world, "pull_request_target", world.open_pr(1, change(world, "111"), at=ON_TIME), ON_TIME)
    run(world, "schedule", SCHEDULE, ON_TIME)
    (issue,) = tracking(world)
    world.fake.fail("PATCH", "/repos/{owner}/{repo}/issues/{issue_number}", status=403)
    result = world.run("pull_request_target", world.open_pr(3, change(world, "112"), at=ON_TIME), now=ON_TIME)
    assert result.code == 0, result.err
    assert (f"ignored: summary not refreshed: GitHub refused to update issue #{issue['number']}: 403 Forbidden"
            in result.out)
    assert world.fake.pending_faults == 0
    assert "doc:review-document" in world.fake.issue_labels(3) and len(world.bot_comments(3)) == 1
    assert "| #3 |" not in str(world.fake.issue(int(issue["number"]))["body"])  # type: ignore[call-overload]


def test_a_refused_summary_command_on_an_issue_deleted_since_is_ignored_with_why(world: World) -> None:
    world.fake.add_issue(52, title="Questions", user_login=PRESIDENCY[0], user_id=PRESIDENCY[1])
    event = _comment(world, 52, "/ccmflow summary", STRANGER)
    del world.fake.state.issues[52]  # deleted before the run answered
    out = run(world, "issue_comment", event, ON_TIME)
    assert "ignored: #52: '/ccmflow summary' cannot be answered there: GitHub refused to list the comments of #52: " \
           "404 Not Found" in out
    assert tracking(world) == []
