"""Receipts that do not depend on the bot's own comment: setting the state key after inputs were logged, rotating
it, cutting the end of the comment, or losing a triage run leaves every verdict as it was, because the time of
every version comes back from records GitHub keeps (the receipts workflow's runs, the timeline), and what the
commands did comes back from the comments that said them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from botkit import (
    AUSTRIA,
    BOT_LOGIN,
    ISU,
    PRESIDENCY,
    STATE_KEY,
    World,
    change,
    form,
    run,
    run_issue,
    state,
)
from ccmflow.bot.client import PyGithubClient
from fakegithub import fake_sha, serve_checked

from ccmflow.core.submissions import Source
from ccmflow.repo.ledger import read_manifest
from ccmflow.repo.store import Store

OPENED = "2020-04-20T10:00:00Z"
PUSHED = "2020-05-04T21:00:00Z"  # an hour before the review document's window closed (21:59:59 UTC)
LATER = "2020-05-05T08:00:00Z"
NEXT_DAY = "2020-05-06T09:00:00Z"
WINDOW = "review-zero-draft-input"
DISPATCH = {"inputs": {}, "ref": "refs/heads/main", "repository": {"default_branch": "main"},
            "sender": {"login": PRESIDENCY[0], "id": PRESIDENCY[1]}, "workflow": ".github/workflows/x.yml"}
Verdict = tuple[set[str], dict[str, tuple[str, str]], list[tuple[str, datetime]]]


def verdict(w: World, number: int, key: str = STATE_KEY) -> Verdict:
    """What a delegation and the Presidency see of an input's timing: labels, statuses, and its versions' times."""
    head = w.fake.pull(number)["head"]["sha"]
    statuses = {k: (v["state"], v["description"]) for k, v in w.fake.statuses(head).items()}
    return (w.fake.issue_labels(number), statuses, sorted((r.sha, r.received) for r in state(w, number, key).receipts))


def amended_after_the_deadline(w: World, number: int, key: str = STATE_KEY) -> None:
    """Opened on 20 April, a version pushed an hour before the deadline, another the next morning."""
    run(w, "pull_request_target", w.open_pr(number, change(w, "111"), at=OPENED), OPENED, key)
    run(w, "pull_request_target", w.push_pr(number, change(w, "112"), at=PUSHED), PUSHED, key)
    run(w, "pull_request_target", w.push_pr(number, change(w, "113"), at=LATER), LATER, key)


def cut_the_comment(w: World, number: int) -> None:
    comment = next(c for c in w.bot_comments(number) if "ccmflow:status" in c["body"])
    w.fake.set_comment(comment["id"], comment["body"][:-120], updated_at=comment["updated_at"])


LOSSES: dict[str, tuple[str, str, Callable[[World, int], None]]] = {
    # name: (the key the inputs were logged with, the key afterwards, what else happened to the comment)
    "key set after inputs were logged": ("", STATE_KEY, lambda w, n: None),
    "key rotated": ("the key of last year", STATE_KEY, lambda w, n: None),
    "end of the comment cut": (STATE_KEY, STATE_KEY, cut_the_comment),
}


@pytest.mark.parametrize("loss", LOSSES, ids=list(LOSSES))
def test_a_lost_log_then_a_push_changes_no_verdict(world: World, loss: str) -> None:
    """The next event after the loss is a push: its own time is GitHub's, and every earlier version's comes back."""
    before_key, after_key, damage = LOSSES[loss]
    run(world, "pull_request_target", world.open_pr(9, change(world, "111"), at=OPENED), OPENED, before_key)
    run(world, "pull_request_target", world.push_pr(9, change(world, "112"), at=PUSHED), PUSHED, before_key)
    damage(world, 9)
    run(world, "pull_request_target", world.push_pr(9, change(world, "113"), at=LATER), LATER, after_key)
    assert "late" not in world.fake.issue_labels(9)  # amended after the deadline: its on-time version stands
    assert [r.received for r in state(world, 9, after_key).receipts] == [
        datetime(2020, 4, 20, 10, tzinfo=UTC), datetime(2020, 5, 4, 21, tzinfo=UTC),
        datetime(2020, 5, 5, 8, tzinfo=UTC)]


@pytest.mark.parametrize("loss", LOSSES, ids=list(LOSSES))
def test_a_lost_log_changes_no_verdict(world: World, loss: str) -> None:
    before_key, after_key, damage = LOSSES[loss]
    amended_after_the_deadline(world, 1, before_key)
    seen = verdict(world, 1, before_key)
    assert "late" not in seen[0] and seen[1]["ccmflow/deadline"][0] == "failure"  # amended late, on time before
    damage(world, 1)
    out = run(world, "workflow_dispatch", DISPATCH, NEXT_DAY, after_key)
    assert "re-triaged 1 open pull requests" in out
    assert verdict(world, 1, after_key) == seen
    assert world.fake.calls("GET", "/repos/*/actions/workflows/ccmflow-receipts.yml/runs")
    assert {r.source for r in state(world, 1, after_key).receipts} == {Source.RUN}
    # The freeze keeps the version received before the deadline, not the one the log happened to hold.
    run(world, "schedule", {"schedule": "5 * * * *"}, NEXT_DAY, after_key)
    manifest = read_manifest(Store(world.origin.path), WINDOW)
    on_time = next(sha for sha, at in seen[2] if at == datetime(2020, 5, 4, 21, tzinfo=UTC))
    assert manifest is not None and manifest.get(1) is not None and manifest.get(1).sha == on_time  # type: ignore[union-attr]


def test_a_late_input_accepted_before_the_key_was_rotated_stays_accepted(world: World) -> None:
    run(world, "pull_request_target", world.open_pr(2, change(world, "111"), at=LATER), LATER)
    run(world, "issue_comment", world.comment_event(2, "/ccmflow recheck", ISU, at=LATER), LATER)
    run(world, "issue_comment", world.comment_event(2, "/ccmflow accept-late", PRESIDENCY, at=NEXT_DAY), NEXT_DAY)
    # A delegate's own "acceptance" is no acceptance, before the loss or after it.
    run(world, "issue_comment", world.comment_event(2, "/ccmflow accept-late", AUSTRIA, at=NEXT_DAY), NEXT_DAY)
    seen = verdict(world, 2)
    assert "late-accepted" in seen[0]
    comment = world.status_comment(2)
    run(world, "workflow_dispatch", DISPATCH, "2020-05-07T09:00:00Z", "a new key")
    assert verdict(world, 2, "a new key") == seen
    log = state(world, 2, "a new key")
    assert log.accepted is not None and log.accepted.by_login == PRESIDENCY[0]
    assert log.recheck is not None and log.recheck.by_login == ISU[0]
    assert world.status_comment(2).split("<!-- ccmflow:log")[0] == comment.split("<!-- ccmflow:log")[0]


def test_an_acceptance_written_into_an_edited_comment_is_not_replayed(world: World) -> None:
    """The bot obeys a command when it is said; a comment edited into one afterwards was never obeyed."""
    run(world, "pull_request_target", world.open_pr(3, change(world, "111"), at=LATER), LATER)
    said = world.fake.add_comment(3, "Thank you.", PRESIDENCY[0], PRESIDENCY[1], created_at=LATER)
    world.fake.set_comment(said, "/ccmflow accept-late", updated_at=NEXT_DAY)
    run(world, "workflow_dispatch", DISPATCH, NEXT_DAY, "a new key")
    assert "late" in world.fake.issue_labels(3) and state(world, 3, "a new key").accepted is None


def test_a_push_whose_triage_run_was_lost_stays_the_on_time_version(world: World) -> None:
    run(world, "pull_request_target", world.open_pr(4, change(world, "111"), at=OPENED), OPENED)
    on_time = world.push_pr(4, change(world, "112"), at=PUSHED)["after"]  # its triage run is lost
    late = world.push_pr(4, change(world, "113"), at=LATER)
    run(world, "pull_request_target", late, LATER)
    log = state(world, 4)
    assert log.receipt(on_time) is not None and log.receipt(on_time).received == datetime(  # type: ignore[union-attr]
        2020, 5, 4, 21, tzinfo=UTC)
    assert "late" not in world.fake.issue_labels(4)  # amended after the deadline, not late


def test_a_cancelled_or_unapproved_receipts_run_still_dates_its_version(world: World) -> None:
    run(world, "pull_request_target", world.open_pr(5, change(world, "111"), at=OPENED), OPENED)
    world.push_pr(5, change(world, "112"), at=PUSHED)  # triage lost; the receipts run cancelled, or held for approval
    for item, conclusion in zip(world.fake.state.runs[-1:], ("cancelled",), strict=True):
        item.conclusion = conclusion
    run(world, "issue_comment", world.comment_event(5, "/ccmflow recheck", PRESIDENCY, at=LATER), LATER)
    assert state(world, 5).receipt(world.heads[5]).received == datetime(2020, 5, 4, 21, tzinfo=UTC)  # type: ignore[union-attr]


def test_records_are_read_once_per_head_and_not_at_all_on_the_usual_path(world: World) -> None:
    amended_after_the_deadline(world, 6)
    assert not world.fake.calls("GET", "/repos/*/actions/*")  # nothing was lost: the signed log is enough
    cut_the_comment(world, 6)
    run(world, "workflow_dispatch", DISPATCH, NEXT_DAY)
    assert len(world.fake.calls("GET", "/repos/*/actions/*")) == 1
    run(world, "workflow_dispatch", DISPATCH, "2020-05-07T09:00:00Z")
    assert len(world.fake.calls("GET", "/repos/*/actions/*")) == 1  # the log is whole again: no new read


def test_a_run_from_another_repository_or_before_the_pull_request_dates_nothing(world: World) -> None:
    """A fork's branch of the same name, or an earlier pull request from the same branch, is another input."""
    fork = world.fake.add_pull(title="A fork's", user_login=PRESIDENCY[0], user_id=PRESIDENCY[1],
                               head_sha=fake_sha("fork"), head_ref="input-7", created_at=OPENED, fork=True)
    earlier = world.fake.add_pull(title="Withdrawn", user_login=AUSTRIA[0], user_id=AUSTRIA[1],
                                  head_sha=fake_sha("earlier"), head_ref="input-7", created_at=OPENED)
    for number in (fork, earlier):
        world.fake.set_pull(number, state="closed")
    run(world, "pull_request_target", world.open_pr(7, change(world, "111"), at=LATER), LATER)
    cut_the_comment(world, 7)
    run(world, "workflow_dispatch", DISPATCH, NEXT_DAY)
    assert "late" in world.fake.issue_labels(7)
    assert [r.received for r in state(world, 7).receipts] == [datetime(2020, 5, 5, 8, tzinfo=UTC)]


def test_without_actions_read_the_run_says_so_and_falls_back_to_the_timeline(world: World) -> None:
    run(world, "pull_request_target", world.open_pr(8, change(world, "111"), at=OPENED), OPENED)
    world.force_push_pr(8, change(world, "112"), at=PUSHED)  # lost
    world.fake.grant()  # the job's token was not given `actions: read`
    result = world.run("issue_comment", world.comment_event(8, "/ccmflow recheck", PRESIDENCY, at=LATER), now=LATER)
    assert result.code == 0, result.err
    assert "::warning::ccmflow-bot: GitHub refused to list the runs of ccmflow-receipts.yml" in result.out
    assert "actions: read" in result.out
    assert state(world, 8).receipt(world.heads[8]).source == Source.TIMELINE  # type: ignore[union-attr]


def test_an_issue_form_input_keeps_its_author_and_first_version_when_its_log_is_lost(world: World) -> None:
    world.fake.use_git(world.tmp / "origin.git")
    run_issue(world, world.open_issue(form(), at=OPENED), OPENED)
    (number,) = [i.number for i in world.fake.state.pulls()]
    world.fake.set_pull(number, created_at=OPENED)  # GitHub's clock when the run opened it (the fake's is today's)
    seen = verdict(world, number)
    assert "from:state-party" in seen[0]
    run(world, "workflow_dispatch", DISPATCH, NEXT_DAY, "a new key")
    assert verdict(world, number, "a new key")[:2] == seen[:2]  # credited to Austria, on time: not the bot's
    log = state(world, number, "a new key")
    assert log.origin is not None and (log.origin.author_id, log.origin.number) == (AUSTRIA[1], 1)
    assert world.fake.calls("GET", "/repos/*/issues/1")
    assert not world.fake.calls("GET", "/repos/*/actions/*")  # the bot's own pushes start no workflow
    assert all(r.received <= datetime(2020, 4, 20, 10, tzinfo=UTC) for r in log.receipts)


def test_the_client_reads_a_workflows_runs_page_by_page() -> None:
    for fake in serve_checked(check_responses=True):
        fake.add_workflow(".github/workflows/ccmflow-receipts.yml", "ccmflow receipts",
                          pull_request_types=("opened", "synchronize"))
        number = fake.add_pull(title="Input", user_login=AUSTRIA[0], user_id=AUSTRIA[1], head_sha="a" * 40,
                               head_ref="input", created_at=OPENED, fork=True)
        for i in range(150):
            fake.set_pull(number, head_sha=f"{i:040x}", updated_at=PUSHED)
        client = PyGithubClient(fake.base_url, "token", fake.full_name, BOT_LOGIN)
        runs = client.pull_runs("ccmflow-receipts.yml", "input")
        assert len(runs) == 151 and len(fake.calls("GET", "/repos/*/actions/workflows/*/runs")) == 2
        assert runs[-1].head_sha == "a" * 40 and runs[-1].head_repo == f"{AUSTRIA[0]}/{fake.state.name}"
        assert client.pull_runs("ccmflow-receipts.yml", "another-branch") == []
        assert not fake.violations and not fake.response_errors


MISSION = ("ch-mission-geneva", 51730264)  # the Presidency's second account


@pytest.mark.parametrize(("word", "first", "second", "field"), [
    ("accept-late", PRESIDENCY, MISSION, "accepted"),
    ("recheck", ISU, PRESIDENCY, "recheck"),
])
def test_a_command_said_twice_in_one_second_is_rebuilt_as_it_was_obeyed(
        world: World, word: str, first: tuple[str, int], second: tuple[str, int], field: str) -> None:
    """Two accounts say the same command within the same second: the state rebuilt after the key is rotated
    names the same account as the runs that obeyed them."""
    run(world, "pull_request_target", world.open_pr(10, change(world, "111"), at=LATER), LATER)
    for who in (first, second):
        run(world, "issue_comment", world.comment_event(10, f"/ccmflow {word}", who, at=NEXT_DAY), NEXT_DAY)
    obeyed = getattr(state(world, 10), field)
    assert obeyed is not None
    run(world, "workflow_dispatch", DISPATCH, "2020-05-07T09:00:00Z", "a new key")
    rebuilt = getattr(state(world, 10, "a new key"), field)
    assert rebuilt == obeyed


def test_without_the_receipts_workflow_the_run_says_so_and_dates_from_the_timeline(world: World) -> None:
    run(world, "pull_request_target", world.open_pr(11, change(world, "111"), at=OPENED), OPENED)
    world.force_push_pr(11, change(world, "112"), at=PUSHED)  # its triage lost
    world.fake.state.workflows.clear()  # the workflows were rendered before the receipts workflow existed
    result = world.run("issue_comment", world.comment_event(11, "/ccmflow recheck", PRESIDENCY, at=LATER), now=LATER)
    assert result.code == 0, result.err
    assert ("::warning::ccmflow-bot: the workflow ccmflow-receipts.yml is not in this repository: versions whose "
            "own triage was lost are dated from the timeline only") in result.out
    assert state(world, 11).receipt(world.heads[11]).source == Source.TIMELINE  # type: ignore[union-attr]
    assert world.statuses(11)["ccmflow/deadline"][0] == "success"


def test_the_bots_own_pull_request_from_another_branch_is_not_taken_for_a_form(world: World) -> None:
    """A pull request the job's token opened from a consolidation branch: no issue's author speaks for it."""
    sha = world.pr_commit(12, change(world, "111"))
    world.fake.add_pull(12, title="Consolidated version", user_login=BOT_LOGIN, user_id=41898282, user_type="Bot",
                        head_sha=sha, head_ref="consolidate/review-document/consolidated", created_at=OPENED,
                        updated_at=OPENED)
    run(world, "pull_request_target", world.pr_event("synchronize", 12), LATER)  # the bot never commented before
    log = state(world, 12)
    assert log.origin is None and not world.fake.calls("GET", "/repos/*/issues/1")
    assert [(r.sha, r.received, r.source) for r in log.receipts] == [
        (sha, datetime(2020, 4, 20, 10, tzinfo=UTC), Source.PR_CREATED)]


def test_a_warning_is_given_once_however_many_inputs_need_it(world: World) -> None:
    for number in (13, 14):
        run(world, "pull_request_target", world.open_pr(number, change(world, "111"), at=OPENED), OPENED)
    world.fake.state.workflows.clear()
    result = world.run("workflow_dispatch", DISPATCH, now=NEXT_DAY, env={"CCMFLOW_STATE_KEY": "a new key"})
    assert result.code == 0, result.err
    assert "re-triaged 2 open pull requests" in result.out
    assert result.out.count("::warning::ccmflow-bot: the workflow ccmflow-receipts.yml is not in this repository") == 1
