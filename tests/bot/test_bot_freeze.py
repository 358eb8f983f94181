"""The maintenance job: ledger synced from the bot's own status comments, windows frozen and pushed to origin."""

from __future__ import annotations

from datetime import UTC, datetime

from botkit import AUSTRIA, BOT_LOGIN, World, change, run

from ccmflow.core.submissions import Receipt, Source, SubmissionLog, encode
from ccmflow.repo.ledger import LEDGER_REF, freeze_ref, manifest_ref, read_ledger, read_manifest
from ccmflow.repo.store import Store

WINDOW = "review-zero-draft-input"
SCHEDULE = {"schedule": "5 * * * *"}


def test_a_late_scheduled_run_freezes_the_on_time_heads_and_pushes_them(world: World) -> None:
    run(world, "pull_request_target", world.open_pr(1, change(world, "111"), at="2020-05-03T10:00:00Z"),
        now="2020-05-03T10:00:00Z")
    on_time = world.heads[1]
    late = world.push_pr(1, change(world, "112"), at="2020-05-05T08:00:00Z")
    run(world, "pull_request_target", late, now="2020-05-05T08:00:00Z")
    # The hourly runs around the deadline were skipped; this one comes a day late.
    out = run(world, "schedule", SCHEDULE, now="2020-05-06T09:05:00Z")
    assert f"froze {WINDOW}" in out
    origin = world.origin
    assert str(origin.references[freeze_ref(WINDOW, 1)].target) == on_time
    manifest = read_manifest(Store(origin.path), WINDOW)
    assert manifest is not None and manifest.get(1).sha == on_time  # type: ignore[union-attr]
    record = read_ledger(Store(origin.path)).get(1)
    assert record is not None and [r.sha for r in record.log.receipts] == [on_time, world.heads[1]]
    pushed = origin.references[LEDGER_REF].target
    world.fake.reset_requests()
    out = run(world, "schedule", SCHEDULE, now="2020-05-06T10:05:00Z")
    assert "0 logs read" in out and "no freeze needed" in out
    assert not world.fake.calls("GET", "/repos/*/issues/*/comments")
    assert origin.references[LEDGER_REF].target == pushed
    assert manifest_ref(WINDOW) in origin.references


def test_only_the_bots_own_comments_are_trusted(world: World) -> None:
    world.open_pr(1, change(world, "111"), at="2020-05-05T08:00:00Z")
    # A delegate's comment that looks like the bot's, claiming the input arrived on 1 May: never believed.
    forged = SubmissionLog(1).record(world.heads[1], datetime(2020, 5, 1, tzinfo=UTC), "pr-created")
    world.fake.add_comment(1, f"<!-- ccmflow:status -->\n{encode(forged)}", AUSTRIA[0], AUSTRIA[1])
    run(world, "schedule", SCHEDULE, now="2020-05-06T09:05:00Z")
    record = read_ledger(Store(world.origin.path)).get(1)
    # What GitHub recorded stands: the run its receipts workflow made when the pull request was opened.
    assert record is not None and record.log.receipts == (
        Receipt(world.heads[1], datetime(2020, 5, 5, 8, tzinfo=UTC), Source.RUN),)
    manifest = read_manifest(Store(world.origin.path), WINDOW)
    assert manifest is None or manifest.get(1) is None
    assert all(c["user"]["login"] != BOT_LOGIN or "ccmflow:status" not in c["body"] for c in world.fake.comments(1))


def test_a_run_dispatched_from_another_branch_does_nothing(world: World) -> None:
    """The timeline, the registry and the documents live on the default branch: a run started from another one (a
    branch whose copy of the workflow predates its branch filter) neither re-triages, freezes nor summarises."""
    run(world, "pull_request_target", world.open_pr(1, change(world, "111"), at="2020-05-03T10:00:00Z"),
        now="2020-05-03T10:00:00Z")
    start, refs = len(world.fake.requests), set(world.origin.references)
    dispatch = {"inputs": {}, "ref": "refs/heads/feature", "repository": {"default_branch": "main"}}
    out = run(world, "workflow_dispatch", dispatch, now="2020-05-06T09:05:00Z")
    lines = out.splitlines()
    assert len(lines) == 3 and all(": ignored: run from 'refs/heads/feature' is not the default branch ('main')" in line
                                   for line in lines), out
    assert [r for r in world.fake.requests[start:] if r.method != "GET"] == []
    assert set(world.origin.references) == refs


def test_without_origins_refs_the_maintenance_job_fails(world: World) -> None:
    world.workspace.remotes.set_url("origin", str(world.tmp / "unreachable.git"))
    result = world.run("schedule", SCHEDULE, now="2020-05-06T09:05:00Z")
    assert result.code == 2 and result.out == ""
    assert result.err.startswith("ccmflow-bot: the maintenance job needs the inputs and ccmflow refs from origin: "
                                 "could not fetch from origin")


def test_an_on_time_version_no_longer_in_the_repository_is_named_not_frozen(world: World) -> None:
    """Its triage lost and pushed over before anything fetched it: GitHub's records date it on time, but the
    commit is gone from every ref, so nothing can be frozen for it, and the run says so."""
    run(world, "pull_request_target", world.open_pr(1, change(world, "111"), at="2020-04-20T10:00:00Z"),
        now="2020-04-20T10:00:00Z")
    world.force_push_pr(1, change(world, "112"), at="2020-05-04T21:00:00Z")  # on time, its triage lost
    on_time = world.heads[1]
    world.force_push_pr(1, change(world, "113"), at="2020-05-05T08:00:00Z")  # late, its triage lost too
    out = run(world, "schedule", SCHEDULE, now="2020-05-06T09:05:00Z")
    assert f"on-time commits not available: {WINDOW}/pr-1" in out
    assert freeze_ref(WINDOW, 1) not in world.origin.references
    manifest = read_manifest(Store(world.origin.path), WINDOW)
    assert manifest is not None and manifest.get(1).sha == on_time  # type: ignore[union-attr]
