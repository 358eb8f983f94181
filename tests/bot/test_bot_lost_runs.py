"""A triage run that never ran (GitHub keeps one pending run per concurrency group and drops the one it replaces)
must not turn an on-time version late: commands no longer displace triage, a later, better-dated record corrects
a backfilled time, and the runs of the receipts workflow and the issue timeline, dated with GitHub's own clock,
are read back."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from botkit import AUSTRIA, PRESIDENCY, World, change, run
from ccmflow.bot.client import PyGithubClient
from fakegithub import serve_checked
from ruamel.yaml import YAML

from ccmflow.core.submissions import decode
from ccmflow.repo.ledger import freeze_ref
from ccmflow.write.workflows import render_workflows

OPENED = "2020-04-20T10:00:00Z"
PUSHED = "2020-05-04T21:00:00Z"  # an hour before the review document's window closed (21:59:59 UTC)
LATER = "2020-05-05T08:00:00Z"
WINDOW = "review-zero-draft-input"


def recheck_after_the_deadline(w: World, number: int) -> None:
    """The Presidency says /ccmflow recheck the next morning; its comment bumps the PR's updated_at."""
    w.fake.set_pull(number, updated_at=LATER)
    run(w, "issue_comment", w.comment_event(number, "/ccmflow recheck", PRESIDENCY, at=LATER), now=LATER)


def received(w: World, number: int, sha: str) -> datetime:
    log = decode(w.status_comment(number))
    assert log is not None
    receipt = log.receipt(sha)
    assert receipt is not None, f"{sha[:7]} is not in the log"
    return receipt.received


def test_commands_and_triage_never_share_a_concurrency_group() -> None:
    groups: dict[str, set[str]] = {}
    for path, text in render_workflows(".").items():
        workflow = YAML(typ="safe", pure=True).load(text)
        for job in workflow["jobs"].values():
            group = (job.get("concurrency") or workflow.get("concurrency") or {}).get("group")
            groups.setdefault(Path(path).name, set()).add(str(group))
    # What is written before ${{ }} is the part that can tell two groups apart whatever the event says.
    triage = {g.split("${{")[0] for g in groups["ccmflow-triage.yml"] if "summary" not in g}
    commands = {g.split("${{")[0] for g in groups["ccmflow-commands.yml"] if "summary" not in g}
    assert triage and commands
    assert not any(a.startswith(b) or b.startswith(a) for a in triage for b in commands), (triage, commands)


def test_a_command_run_before_the_pushs_own_triage_leaves_the_push_on_time(world: World) -> None:
    run(world, "pull_request_target", world.open_pr(1, change(world, "111"), at=OPENED), now=OPENED)
    push = world.push_pr(1, change(world, "112"), at=PUSHED)  # its triage is still queued...
    recheck_after_the_deadline(world, 1)  # ...when the command runs, and logs the head at updated_at
    run(world, "pull_request_target", push, now=LATER)  # then the push's own triage runs, with its time
    assert received(world, 1, world.heads[1]) == datetime.fromisoformat(PUSHED)
    assert world.statuses(1)["ccmflow/deadline"][0] == "success"
    assert "late" not in world.fake.issue_labels(1)
    assert "are late" not in world.status_comment(1)


def test_a_force_push_whose_triage_was_lost_is_dated_from_the_timeline(world: World) -> None:
    run(world, "pull_request_target", world.open_pr(2, change(world, "111"), at=OPENED), now=OPENED)
    world.force_push_pr(2, change(world, "113"), at=PUSHED)  # its triage run is lost...
    world.fake.delete_runs()  # ...and the receipts workflow made no run (GitHub runs none on a merge conflict)
    recheck_after_the_deadline(world, 2)
    assert received(world, 2, world.heads[2]) == datetime.fromisoformat(PUSHED)
    assert world.statuses(2)["ccmflow/deadline"][0] == "success"
    assert world.fake.calls("GET", "/repos/*/issues/2/timeline")


def test_the_freeze_keeps_a_force_pushed_version_whose_triage_was_lost(world: World) -> None:
    run(world, "pull_request_target", world.open_pr(3, change(world, "111"), at=OPENED), now=OPENED)
    world.force_push_pr(3, change(world, "113"), at=PUSHED)  # lost, and nothing else happens before the freeze
    out = run(world, "schedule", {"schedule": "5 * * * *"}, now=LATER)
    assert f"froze {WINDOW}" in out
    assert str(world.origin.references[freeze_ref(WINDOW, 3)].target) == world.heads[3]


def test_a_plain_push_whose_triage_was_lost_is_dated_by_its_receipts_run(world: World) -> None:
    """The receipts workflow's run for the push carries its head and GitHub's time, whatever became of the push's
    triage run; the next run of any kind reads it back."""
    run(world, "pull_request_target", world.open_pr(4, change(world, "111"), at=OPENED), now=OPENED)
    world.push_pr(4, change(world, "112"), at=PUSHED)  # its triage run is lost
    recheck_after_the_deadline(world, 4)
    assert received(world, 4, world.heads[4]) == datetime.fromisoformat(PUSHED)
    assert world.statuses(4)["ccmflow/deadline"][0] == "success"
    assert world.fake.calls("GET", "/repos/*/actions/workflows/ccmflow-receipts.yml/runs")


def test_a_plain_push_no_record_of_github_dates_keeps_the_conservative_rule(world: World) -> None:
    """Without a run of the receipts workflow (GitHub starts none while a pull request has a merge conflict),
    GitHub records no time of its own for a plain push outside its event; commit dates are never believed
    (every commit here is dated 1 January 2020), so the version counts from the PR's updated_at: late."""
    run(world, "pull_request_target", world.open_pr(5, change(world, "111"), at=OPENED), now=OPENED)
    world.push_pr(5, change(world, "112"), at=PUSHED)  # lost
    world.fake.delete_runs()
    recheck_after_the_deadline(world, 5)
    assert received(world, 5, world.heads[5]) == datetime.fromisoformat(LATER)
    assert world.statuses(5)["ccmflow/deadline"][0] == "failure"


def test_the_client_reads_only_force_push_times_from_the_timeline() -> None:
    for fake in serve_checked(check_responses=True):
        number = fake.add_pull(title="Input", user_login=AUSTRIA[0], user_id=AUSTRIA[1], head_sha="a" * 40,
                               head_ref="input")
        fake.add_timeline_event(number, "head_ref_force_pushed", *AUSTRIA, created_at=PUSHED, commit_id="b" * 40)
        fake.add_timeline_event(number, "head_ref_force_pushed", *AUSTRIA, created_at=LATER)  # no commit: no use
        fake.add_timeline_event(number, "labeled", *AUSTRIA, created_at=OPENED, commit_id="c" * 40)
        client = PyGithubClient(fake.base_url, "token", fake.full_name, "github-actions[bot]")
        (event,) = client.head_events(number)
        assert (event.sha, event.at) == ("b" * 40, datetime.fromisoformat(PUSHED))
        assert not fake.violations and not fake.response_errors
