"""The bot's entry point end to end: real git repositories, real event payloads, a fake GitHub; final state only."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pygit2
import pytest
from botkit import (
    AUSTRIA,
    ISU,
    PLAN,
    PLAN_OLD,
    PRESIDENCY,
    PROCESS,
    REGISTRY,
    REVIEW,
    STRANGER,
    World,
    change,
    edit,
)
from fakegithub import serve_checked

from ccmflow.core.submissions import decode

ON_TIME = "2020-04-20T10:00:00Z"
BEFORE_DEADLINE = "2020-05-03T10:00:00Z"
LATE = "2020-05-05T08:00:00Z"  # the review document's window closed 4 May 2020, 21:59:59 UTC


def triage(w: World, number: int, event: dict[str, object], now: str) -> None:
    run = w.run("pull_request_target", event, now=now)
    assert run.code == 0, run.err
    assert "handled" in run.out


def test_on_time_input_gets_labels_statuses_and_one_comment(world: World) -> None:
    event = world.open_pr(1, change(world), at=ON_TIME, labels=("needs-translation",))
    triage(world, 1, event, ON_TIME)
    assert world.fake.issue_labels(1) == {"doc:review-document", "section:universalization", "from:state-party",
                                          "needs-translation"}
    assert world.statuses(1) == {"ccmflow/validation": ("success", "The document is valid"),
                                 "ccmflow/deadline": ("success",
                                                      "Received on time (deadline 4 May 2020 23:59 CEST (21:59 UTC))")}
    body = world.status_comment(1)
    assert "paragraph 5 (`pkp3nvcv`): text amended" in body and "21:59:59 UTC" in body
    labels = world.fake.labels()
    assert labels["doc:review-document"]["color"] == "1d76db"
    assert labels["section:universalization"]["description"] == "Changes the section: Universalization"
    # The same event again (a re-run of the job): nothing changes, nothing is written.
    before = world.fake.comments(1)
    run = world.run("pull_request_target", event, now=ON_TIME)
    assert run.code == 0 and "nothing to change" in run.out
    assert world.fake.comments(1) == before and len(world.fake.state.statuses) == 2


def test_late_input_is_flagged_and_kept_open(world: World) -> None:
    triage(world, 2, world.open_pr(2, change(world), at=LATE), LATE)
    assert "late" in world.fake.issue_labels(2)
    assert world.statuses(2)["ccmflow/deadline"][0] == "failure"
    assert world.fake.pull(2)["state"] == "open"
    body = world.status_comment(2)
    assert "10 hours after the deadline" in body and "@ch-presidency-ccm" in body


def test_amended_after_the_deadline_stays_on_time_for_its_on_time_version(world: World) -> None:
    first = world.open_pr(3, change(world), at=BEFORE_DEADLINE)
    on_time_sha = world.heads[3]
    triage(world, 3, first, BEFORE_DEADLINE)
    push = world.push_pr(3, {REVIEW: edit(world.text(REVIEW, on_time_sha), "to 110", "to 111")},
                         at="2020-05-06T09:00:00Z")
    triage(world, 3, push, "2020-05-06T09:00:00Z")
    assert "late" not in world.fake.issue_labels(3)
    assert world.fake.statuses(on_time_sha)["ccmflow/deadline"]["state"] == "success"
    assert world.statuses(3)["ccmflow/deadline"][0] == "failure"
    body = world.status_comment(3)
    assert f"`{on_time_sha[:7]}` received on 3 May 2020" in body and "are late" in body
    log = decode(body)
    assert log is not None and [r.sha for r in log.receipts] == [on_time_sha, world.heads[3]]


def test_deadline_moved_later_then_earlier_relabels_open_inputs(world: World) -> None:
    triage(world, 4, world.open_pr(4, change(world), at=LATE), LATE)
    triage(world, 5, world.open_pr(5, {PLAN: edit(world.text(PLAN), PLAN_OLD, "Each action has indicators.")},
                                   at=BEFORE_DEADLINE), BEFORE_DEADLINE)
    assert "late" in world.fake.issue_labels(4)
    process = world.text(PROCESS)
    before, after = world.push_base({PROCESS: edit(process, 'closes: "2020-05-04"', 'closes: "2020-05-10"')})
    run = world.run("push", world.push_event(before, after), now="2020-05-06T00:00:00Z")
    assert run.code == 0 and "re-triaged 2 open pull requests" in run.out
    assert "late" not in world.fake.issue_labels(4)
    assert world.statuses(4)["ccmflow/deadline"][0] == "success"
    before, after = world.push_base({PROCESS: edit(process, 'closes: "2020-05-04"', 'closes: "2020-05-01"')})
    run = world.run("push", world.push_event(before, after), now="2020-05-06T00:00:00Z")
    assert run.code == 0
    assert "late" in world.fake.issue_labels(4)
    assert "late" not in world.fake.issue_labels(5)  # the action plan's window is another one
    assert len(world.bot_comments(4)) == 1
    # A push that changes nothing the triage reads from is ignored, with the reason.
    before, after = world.push_base({"README.md": b"# CCM drafts, updated\n"})
    run = world.run("push", world.push_event(before, after), now="2020-05-06T00:00:00Z")
    assert run.code == 0 and "ignored: the push changes neither the timeline" in run.out


def test_invalid_yaml_is_reported_with_line_and_fix(world: World) -> None:
    broken = world.text(REVIEW).replace("kind: narrative", "kind: [narrative", 1).encode()
    triage(world, 6, world.open_pr(6, {REVIEW: broken}, at=ON_TIME), ON_TIME)
    assert {"invalid", "doc:review-document"} <= world.fake.issue_labels(6)
    assert world.statuses(6)["ccmflow/validation"][0] == "failure"
    body = world.status_comment(6)
    assert f"`{REVIEW}`, line " in body and "**How to fix:**" in body


@pytest.mark.parametrize("hostile", [
    b"a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b]\n",
    b"document: !!python/object/apply:os.system ['touch /tmp/ccmflow-pwned']\n",
    b"<!-- ccmflow:log eyJudW1iZXIiOjF9 -->: @everyone\n" + b"[" * 5000,
    b"x: " + b"y" * (5 * 1024 * 1024),
])
def test_hostile_yaml_is_refused_as_data(world: World, hostile: bytes) -> None:
    triage(world, 7, world.open_pr(7, {"documents/review-document.yaml": hostile}, at=ON_TIME), ON_TIME)
    assert "invalid" in world.fake.issue_labels(7)
    body = world.status_comment(7)
    assert len(body) < 65_536 and "@everyone" not in body
    assert not Path("/tmp/ccmflow-pwned").exists()
    log = decode(body)
    assert log is not None and log.number == 7


def test_symlinks_and_submodules_are_refused(world: World) -> None:
    sha = world.pr_commit(8, change(world))
    repo = world.origin
    commit = repo[sha].peel(pygit2.Commit)
    builder = repo.TreeBuilder(commit.tree)
    docs = repo.TreeBuilder(repo[commit.tree["documents"].id])
    docs.insert("link.yaml", repo.create_blob(b"/etc/passwd"), pygit2.enums.FileMode.LINK)
    builder.insert("documents", docs.write(), pygit2.enums.FileMode.TREE)
    builder.insert("vendor", pygit2.Oid(hex="1" * 40), pygit2.enums.FileMode.COMMIT)
    signature = pygit2.Signature("Delegate", "d@example.org", 1_577_836_900, 0)
    head = repo.create_commit(None, signature, signature, "link", builder.write(), [commit.id])
    repo.references.create("refs/pull/8/head", head, force=True)
    world.heads[8] = str(head)
    world.fake.add_pull(8, title="x", user_login=AUSTRIA[0], user_id=AUSTRIA[1], head_sha=str(head),
                        head_ref="x", created_at=ON_TIME, updated_at=ON_TIME)
    triage(world, 8, world.pr_event("opened", 8), ON_TIME)
    assert {"invalid", "protected"} <= world.fake.issue_labels(8)
    body = world.status_comment(8)
    assert "symbolic link is not accepted" in body and "submodule is not accepted" in body


def test_unregistered_author(world: World) -> None:
    triage(world, 9, world.open_pr(9, change(world), at=ON_TIME, user=STRANGER), ON_TIME)
    labels = world.fake.issue_labels(9)
    assert "unregistered" in labels and not any(n.startswith("from:") for n in labels)
    assert f"number {STRANGER[1]}" in world.status_comment(9)


def test_a_pull_request_touching_the_timeline_is_protected(world: World) -> None:
    change = {PROCESS: edit(world.text(PROCESS), 'closes: "2020-05-04"', 'closes: "2020-12-31"'),
              ".github/workflows/evil.yml": b"on: push\n"}
    triage(world, 10, world.open_pr(10, change, at=LATE), LATE)
    assert "protected" in world.fake.issue_labels(10)
    # The PR's own timeline is never used: its new deadline does not make anything on time.
    assert "late" not in world.fake.issue_labels(10)  # it is not input to a document at all
    assert "`.github/workflows/evil.yml`" in world.status_comment(10)


def test_two_documents_at_once(world: World) -> None:
    both = {**change(world), PLAN: edit(world.text(PLAN), PLAN_OLD, "Each action has indicators.")}
    triage(world, 11, world.open_pr(11, both, at="2020-05-10T10:00:00Z"), "2020-05-10T10:00:00Z")
    assert {"doc:review-document", "doc:lausanne-action-plan", "late"} <= world.fake.issue_labels(11)
    assert world.statuses(11)["ccmflow/deadline"][0] == "failure"


def test_fork_pull_request_is_read_from_refs_pull(world: World) -> None:
    triage(world, 12, world.open_pr(12, change(world), at=ON_TIME, fork=True), ON_TIME)
    assert world.fake.pull(12)["head"]["repo"]["fork"] is True
    assert "doc:review-document" in world.fake.issue_labels(12)
    assert world.workspace.get(world.heads[12]) is not None  # fetched as git objects, never checked out
    assert not (world.tmp / "checkout" / "documents" / "review-document.yaml").read_text().count("to 110")


def test_accept_late_by_the_presidency(world: World) -> None:
    triage(world, 13, world.open_pr(13, change(world), at=LATE), LATE)
    event = world.comment_event(13, "/ccmflow accept-late", PRESIDENCY, at="2020-05-06T08:00:00Z")
    run = world.run("issue_comment", event, now="2020-05-06T08:00:00Z")
    assert run.code == 0, run.err
    labels = world.fake.issue_labels(13)
    assert "late-accepted" in labels and "late" not in labels
    assert world.statuses(13)["ccmflow/deadline"] == (
        "success", "Late input accepted by the Presidency (@\u2060ch-presidency-ccm)")
    body = world.status_comment(13)
    assert "accepted by @\u2060ch-presidency-ccm on 6 May 2020, 10:00:00 CEST (08:00:00 UTC)" in body
    assert len(world.bot_comments(13)) == 1


def test_accept_late_by_someone_else_is_politely_refused(world: World) -> None:
    triage(world, 14, world.open_pr(14, change(world), at=LATE), LATE)
    event = world.comment_event(14, "/ccmflow accept-late", AUSTRIA, at="2020-05-06T08:00:00Z")
    for _ in range(2):  # said once, run twice: answered once
        run = world.run("issue_comment", event, now="2020-05-06T08:00:00Z")
        assert run.code == 0, run.err
    replies = [c["body"] for c in world.bot_comments(14) if "ccmflow:reply" in c["body"]]
    assert len(replies) == 1 and "can only be used by the Presidency" in replies[0]
    assert "late" in world.fake.issue_labels(14) and "late-accepted" not in world.fake.issue_labels(14)


def test_recheck_by_the_support_unit_is_recorded(world: World) -> None:
    triage(world, 15, world.open_pr(15, change(world), at=ON_TIME), ON_TIME)
    event = world.comment_event(15, "/ccmflow recheck", ISU, at="2020-04-21T08:00:00Z")
    run = world.run("issue_comment", event, now="2020-04-21T08:00:00Z")
    assert run.code == 0, run.err
    assert "at the request of @\u2060ccm-isu on 21 April 2020, 10:00:00 CEST" in world.status_comment(15)
    unknown = world.comment_event(15, "/ccmflow dance", ISU, at="2020-04-21T08:00:00Z")
    run = world.run("issue_comment", unknown, now="2020-04-21T08:00:00Z")
    assert run.code == 0 and "ignored: '/ccmflow dance' is not a command" in run.out


def test_recheck_by_a_member_of_the_coordination_committee_is_recorded(world: World) -> None:
    member = ("ie-disarmament-geneva", 29847106)  # Ireland: coordination-committee and thematic-coordinator
    triage(world, 19, world.open_pr(19, change(world), at=ON_TIME), ON_TIME)
    event = world.comment_event(19, "/ccmflow recheck", member, at="2020-04-21T08:00:00Z")
    run = world.run("issue_comment", event, now="2020-04-21T08:00:00Z")
    assert run.code == 0, run.err
    assert "at the request of @\u2060ie-disarmament-geneva on 21 April 2020" in world.status_comment(19)
    refused = world.comment_event(19, "/ccmflow recheck", AUSTRIA, at="2020-04-21T09:00:00Z")
    run = world.run("issue_comment", refused, now="2020-04-21T09:00:00Z")
    assert run.code == 0, run.err
    replies = [c["body"] for c in world.bot_comments(19) if "ccmflow:reply" in c["body"]]
    assert len(replies) == 1 and "the Coordination Committee" in replies[0]


def test_faults_mid_run_still_end_in_one_comment(world: World) -> None:
    event = world.open_pr(16, change(world), at=ON_TIME)
    world.fake.fail("PUT", "/repos/*/issues/16/labels", status=502)
    world.fake.fail("POST", "/repos/*/statuses/*", status=503)
    # The comment is created but the answer is lost: a blind retry would leave two.
    world.fake.fail("POST", "/repos/*/issues/16/comments", status=502, apply=True)
    run = world.run("pull_request_target", event, now=ON_TIME)
    assert run.code == 0, run.err
    assert world.fake.pending_faults == 0
    assert len(world.bot_comments(16)) == 1
    assert world.fake.issue_labels(16) == {"doc:review-document", "section:universalization", "from:state-party"}
    assert set(world.statuses(16)) == {"ccmflow/validation", "ccmflow/deadline"}
    assert all(wait <= 120 for wait in run.sleeps) and len(run.sleeps) == 3


def test_rate_limits_are_waited_out_as_github_says(world: World) -> None:
    event = world.open_pr(17, change(world), at=ON_TIME)
    world.fake.rate_limit("GET", "/repos/*/issues/17/comments", kind="primary", reset_in=2)
    world.fake.rate_limit("POST", "/repos/*/statuses/*", kind="secondary", reset_in=7)
    world.fake.rate_limit("POST", "/repos/*/issues/17/comments", kind="secondary", status=429, reset_in=4)
    run = world.run("pull_request_target", event, now=ON_TIME)
    assert run.code == 0, run.err
    assert 7.0 in run.sleeps and 4.0 in run.sleeps
    assert any(1.0 <= wait <= 4.0 for wait in run.sleeps[:1])  # until x-ratelimit-reset, not a guess
    assert len(world.bot_comments(17)) == 1 and len(world.statuses(17)) == 2


def test_a_rerun_after_a_crash_ends_like_one_clean_run(world: World, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    event = world.open_pr(18, change(world), at=LATE)
    world.fake.fail("POST", "/repos/*/issues/18/comments", status=500, times=5)
    crashed = world.run("pull_request_target", event, now=LATE)
    assert crashed.code == 2 and "Traceback" not in crashed.err and len(crashed.err.strip().splitlines()) == 1
    assert world.bot_comments(18) == []  # labels and statuses were set; the comment was not
    rerun = world.run("pull_request_target", event, now=LATE)
    assert rerun.code == 0, rerun.err
    for clean_fake in serve_checked():
        clean = World(tmp_path / "clean", clean_fake, monkeypatch)
        (tmp_path / "clean").mkdir(exist_ok=True)
        clean_event = clean.open_pr(18, change(clean), at=LATE)
        assert clean.run("pull_request_target", clean_event, now=LATE).code == 0
        assert clean.snapshot(18) == world.snapshot(18)
        assert clean.fake.labels() == world.fake.labels()


def test_close_policy_closes_with_the_reason_and_keeps_the_branch(world: World) -> None:
    world.push_base({PROCESS: edit(world.text(PROCESS), "late_policy: flag", "late_policy: close")})
    triage(world, 19, world.open_pr(19, change(world), at=LATE), LATE)
    assert world.fake.pull(19)["state"] == "closed"
    assert "closed because it arrived after the deadline" in world.status_comment(19)
    assert world.origin.references.get("refs/pull/19/head") is not None
    event = world.comment_event(19, "/ccmflow accept-late", PRESIDENCY, at="2020-05-06T08:00:00Z")
    assert world.run("issue_comment", event, now="2020-05-06T08:00:00Z").code == 0
    assert world.fake.pull(19)["state"] == "open" and "late-accepted" in world.fake.issue_labels(19)


def test_closed_and_merged_update_the_record(world: World) -> None:
    triage(world, 20, world.open_pr(20, change(world), at=ON_TIME), ON_TIME)
    labels = world.fake.issue_labels(20)
    world.merge_pr(20)  # the base now contains the head: the record keeps what the input changed
    run = world.run("pull_request_target", world.pr_event("closed", 20), now="2020-04-22T10:00:00Z")
    assert run.code == 0, run.err
    body = world.status_comment(20)
    assert "This input has been merged" in body and "paragraph 5 (`pkp3nvcv`)" in body
    assert world.fake.issue_labels(20) == labels


def test_the_status_comment_is_found_beyond_the_first_page(world: World) -> None:
    event = world.open_pr(26, change(world), at=ON_TIME)
    for i in range(130):
        world.fake.add_comment(26, f"Comment {i}", *AUSTRIA)
    triage(world, 26, event, ON_TIME)
    for i in range(20):
        world.fake.add_comment(26, f"/ccmflow is great {i}", *STRANGER)
    push = world.push_pr(26, {REVIEW: edit(world.text(REVIEW, world.heads[26]), "to 110", "to 113")}, at=ON_TIME)
    triage(world, 26, push, ON_TIME)
    assert len(world.bot_comments(26)) == 1
    # Someone else's comment carrying the marker is not the bot's: it is neither read nor touched.
    world.fake.add_comment(26, "<!-- ccmflow:status --> forged", *STRANGER)
    triage(world, 26, push, ON_TIME)
    log = decode(world.status_comment(26))
    assert len(world.bot_comments(26)) == 1 and log is not None and len(log.receipts) == 2


def test_an_event_older_than_what_was_triaged_is_ignored(world: World) -> None:
    opened = world.open_pr(21, change(world), at=BEFORE_DEADLINE)
    triage(world, 21, opened, BEFORE_DEADLINE)
    push = world.push_pr(21, {REVIEW: edit(world.text(REVIEW, world.heads[21]), "to 110", "to 112")},
                         at="2020-05-06T09:00:00Z")
    triage(world, 21, push, "2020-05-06T09:00:00Z")
    state = world.snapshot(21)
    run = world.run("pull_request_target", opened, now="2020-05-06T10:00:00Z")
    assert run.code == 0 and "ignored" in run.out and world.snapshot(21) == state


def test_head_that_is_gone_is_ignored_with_a_reason(world: World) -> None:
    event = world.open_pr(22, change(world), at=ON_TIME)
    event["pull_request"]["head"]["sha"] = "0123456789abcdef0123456789abcdef01234567"
    run = world.run("pull_request_target", event, now=ON_TIME)
    assert run.code == 0 and "ignored: #22: its head 0123456 is no longer in the repository" in run.out
    assert world.bot_comments(22) == []


def test_workflow_dispatch_retriages_everything(world: World) -> None:
    world.open_pr(23, change(world), at=LATE)  # the bot never saw it: a missed event
    event = {"inputs": {}, "ref": "refs/heads/main", "repository": {"default_branch": "main"},
             "sender": {"login": "ch-presidency-ccm", "id": PRESIDENCY}, "workflow": ".github/workflows/x.yml"}
    run = world.run("workflow_dispatch", event, now="2020-05-06T00:00:00Z")
    assert run.code == 0 and "re-triaged 1 open pull requests" in run.out
    assert "doc:review-document" in world.fake.issue_labels(23)


def test_dry_run_writes_nothing(world: World) -> None:
    event = world.open_pr(24, change(world), at=ON_TIME)
    run = world.run("pull_request_target", event, now=ON_TIME, dry_run=True)
    assert run.code == 0 and "dry run: would set the labels of #24" in run.out
    assert "would comment on #24" in run.out
    assert all(r.method == "GET" for r in world.fake.requests)
    assert world.fake.issue_labels(24) == set() and world.bot_comments(24) == []


def test_registry_comes_from_the_base_never_from_the_pr(world: World) -> None:
    registry = world.text(REGISTRY).replace("id: 27361048", "id: 27361048\n        login: at-x\n      - id: 77",
                                            1)
    changes = {**change(world), REGISTRY: registry.encode()}
    triage(world, 25, world.open_pr(25, changes, at=ON_TIME, user=("newcomer", 77)), ON_TIME)
    assert {"unregistered", "protected"} <= world.fake.issue_labels(25)


def test_a_retriage_racing_the_inputs_own_triage_keeps_the_version_it_logged(world: World) -> None:
    """The maintenance job is outside a PR's concurrency group: it must not overwrite a freshly logged version."""
    triage(world, 30, world.open_pr(30, change(world), at=ON_TIME), ON_TIME)
    before = world.status_comment(30)
    push = world.push_pr(30, {REVIEW: edit(world.text(REVIEW, world.heads[30]), "to 110", "to 111")},
                         at=BEFORE_DEADLINE)
    triage(world, 30, push, BEFORE_DEADLINE)
    after = world.status_comment(30)  # what the PR's own triage wrote: both versions, the second on time
    (comment,) = world.bot_comments(30)
    # Replay the race: the re-triage reads the comment as it was, and the triage's write lands just before
    # the re-triage writes. GitHub's updated_at is later than the push by then (someone edited the title).
    world.fake.set_comment(comment["id"], before)
    world.fake.set_pull(30, updated_at=LATE)
    world.fake.interleave("GET", "/repos/*/issues/30/comments", lambda: world.fake.set_comment(comment["id"], after),
                          skip=1)
    dispatch = {"inputs": {}, "ref": "refs/heads/main", "repository": {"default_branch": "main"}}
    run = world.run("workflow_dispatch", dispatch, now=LATE)
    assert run.code == 0, run.err
    body = world.status_comment(30)
    assert "late" not in world.fake.issue_labels(30)
    assert world.statuses(30)["ccmflow/deadline"][0] == "success"
    log = decode(body)
    assert log is not None
    pushed = log.receipt(world.heads[30])
    assert pushed is not None and pushed.received == datetime.fromisoformat(BEFORE_DEADLINE)


def test_the_presidency_is_notified_once_when_an_input_becomes_late(world: World) -> None:
    """Mentions added by editing a comment notify nobody: a late change gets a short comment of its own."""
    triage(world, 31, world.open_pr(31, change(world), at=ON_TIME), ON_TIME)
    push = world.push_pr(31, {REVIEW: edit(world.text(REVIEW, world.heads[31]), "to 110", "to 111")}, at=LATE)
    triage(world, 31, push, LATE)

    def notices(number: int) -> list[str]:
        return [c["body"] for c in world.bot_comments(number) if "<!-- ccmflow:notice" in c["body"]]

    (notice,) = notices(31)
    assert "@ch-presidency-ccm" in notice and "was changed after the deadline" in notice
    run = world.run("pull_request_target", push, now=LATE)  # the same event again: nothing new to say
    assert run.code == 0 and "nothing to change" in run.out and len(notices(31)) == 1
    # An input late from the start is announced by the status comment itself, created with the mentions.
    triage(world, 32, world.open_pr(32, change(world), at=LATE), LATE)
    assert notices(32) == [] and "@ch-presidency-ccm" in world.status_comment(32)
