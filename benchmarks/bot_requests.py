"""GitHub requests and the bot's own CPU time per event, against the local fake of GitHub.

Run: python benchmarks/bot_requests.py   (exit status 1 when a request budget is exceeded)
Budgets: at most 5 requests when the state changes (label colours set once per repository aside), one more
when an existing status comment is rewritten (it is read again first: triage and commands run in separate
concurrency groups and must not overwrite each other's log), at most 1 for a re-run with nothing new. When the
signed log is lost (a key set or rotated, a cut comment) or misses a version (a lost triage run), one more: the
runs of the receipts workflow, read once for that head.
"""

from __future__ import annotations

import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import pytest  # noqa: E402  (for MonkeyPatch only)
from botkit import AUSTRIA, PRESIDENCY, REVIEW, REVIEW_OLD, World, edit  # noqa: E402
from fakegithub import FakeGitHub  # noqa: E402

STATE_CHANGE_BUDGET = 5
GUARDED_CHANGE_BUDGET = STATE_CHANGE_BUDGET + 1
NOTHING_NEW_BUDGET = 1
RECORDS = 1  # GitHub's records of the versions (the receipts workflow's runs), read only when the log is not whole


def summary_budget(open_prs: int) -> int:
    """The issue's budget for the open-PR listing, ceil(N/100) + 2, plus the one write of the issue body."""
    return math.ceil(open_prs / 100) + 2 + 1


def maintenance_budget(open_prs: int) -> int:
    """Re-triage (one listing, one comment page per PR), the ledger sync (reusing both), then the summary."""
    return math.ceil(open_prs / 100) + open_prs * NOTHING_NEW_BUDGET + summary_budget(open_prs)


def measure(world: World, name: str, event: str, payload: dict[str, Any], now: str, budget: int,
            phase: str = "primary", key: str | None = None) -> dict[str, Any]:
    """One job's run: the triage or command job runs the primary phase; the summary job runs the follow-up."""
    world.fake.reset_requests()
    start_thread, start_process = time.thread_time(), time.process_time()
    run = world.run(event, payload, now=now, phase=phase, env={"CCMFLOW_STATE_KEY": key} if key else None)
    bot_cpu = time.thread_time() - start_thread  # the main thread only: the fake serves from its own threads
    process_cpu = time.process_time() - start_process
    assert run.code == 0, run.err
    requests = list(world.fake.requests)
    label_colours = sum(1 for r in requests if r.method == "PATCH" and "/labels/" in r.path)
    counted = len(requests) - label_colours
    return {"event": name, "job": "summary" if phase == "follow-up" else "main", "requests": counted,
            "label colours": label_colours,
            "writes": sum(1 for r in requests if r.method != "GET"), "budget": budget,
            "ok": counted <= budget, "bot cpu ms": round(bot_cpu * 1000, 1),
            "process cpu ms": round(process_cpu * 1000, 1), "cold cpu ms": cold_cpu(world, event, payload, now)}


def cold_cpu(world: World, event: str, payload: dict[str, Any], now: str) -> float:
    """CPU of a fresh `python -m ccmflow.bot --dry-run` process, imports included (what one Actions step costs)."""
    path = world.tmp / "cold-event.json"
    path.write_text(json.dumps(payload), encoding="utf-8")
    env = {**os.environ, **world.fake.env(), "GITHUB_EVENT_NAME": event, "GITHUB_EVENT_PATH": str(path),
           "GITHUB_WORKSPACE": str(world.tmp / "checkout"), "CCMFLOW_NOW": now, "PYTHONPATH": str(ROOT)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([sys.executable, "-m", "ccmflow.bot", "--dry-run", "--phase", "primary"], env=env, check=True,
                   capture_output=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return round((after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000, 1)


def scenarios(world: World) -> list[dict[str, Any]]:
    rows = []
    change = {REVIEW: edit(world.text(REVIEW), REVIEW_OLD, "bringing the total number of States Parties to 110")}
    opened = world.open_pr(1, change, at="2020-05-03T10:00:00Z", user=AUSTRIA)
    rows.append(measure(world, "first triage (opened)", "pull_request_target", opened, "2020-05-03T10:00:00Z",
                        STATE_CHANGE_BUDGET))
    rows.append(measure(world, "re-run, nothing new", "pull_request_target", opened, "2020-05-03T10:00:00Z",
                        NOTHING_NEW_BUDGET))
    push = world.push_pr(1, {REVIEW: edit(world.text(REVIEW, world.heads[1]), "to 110", "to 111")},
                         at="2020-05-05T10:00:00Z")
    rows.append(measure(world, "a push after the deadline (synchronize)", "pull_request_target", push,
                        "2020-05-05T10:00:00Z", GUARDED_CHANGE_BUDGET))
    late = world.open_pr(2, change, at="2020-05-06T10:00:00Z", user=AUSTRIA)
    rows.append(measure(world, "second input, late (labels exist)", "pull_request_target", late,
                        "2020-05-06T10:00:00Z", STATE_CHANGE_BUDGET))
    accept = world.comment_event(2, "/ccmflow accept-late", PRESIDENCY, at="2020-05-07T08:00:00Z")
    rows.append(measure(world, "accept-late by the Presidency", "issue_comment", accept, "2020-05-07T08:00:00Z",
                        GUARDED_CHANGE_BUDGET))
    refuse = world.comment_event(2, "/ccmflow accept-late", AUSTRIA, at="2020-05-07T09:00:00Z")
    rows.append(measure(world, "accept-late by someone else (refused)", "issue_comment", refuse,
                        "2020-05-07T09:00:00Z", STATE_CHANGE_BUDGET))
    dispatch = {"inputs": {}, "ref": "refs/heads/main", "repository": {"default_branch": "main"}}
    rows.append(measure(world, "maintenance: re-triage 2 open PRs, sync, summary", "workflow_dispatch", dispatch,
                        "2020-05-07T10:00:00Z", maintenance_budget(2)))
    again = world.push_pr(2, {REVIEW: edit(world.text(REVIEW, world.heads[2]), "to 110", "to 112")},
                          at="2020-05-07T11:00:00Z")
    rows.append(measure(world, "a push once the tracking issue exists", "pull_request_target", again,
                        "2020-05-07T11:00:00Z", GUARDED_CHANGE_BUDGET))
    rows.append(measure(world, "  then its summary refresh", "pull_request_target", again,
                        "2020-05-07T11:00:00Z", summary_budget(2), phase="follow-up"))
    world.push_pr(2, {REVIEW: edit(world.text(REVIEW, world.heads[2]), "to 112", "to 113")},
                  at="2020-05-07T12:00:00Z")  # its triage run is lost
    lost = world.push_pr(2, {REVIEW: edit(world.text(REVIEW, world.heads[2]), "to 113", "to 114")},
                         at="2020-05-07T13:00:00Z")
    rows.append(measure(world, "a push after a lost triage run", "pull_request_target", lost,
                        "2020-05-07T13:00:00Z", GUARDED_CHANGE_BUDGET + RECORDS))
    rotated = world.push_pr(1, {REVIEW: edit(world.text(REVIEW, world.heads[1]), "to 111", "to 115")},
                            at="2020-05-07T14:00:00Z")
    rows.append(measure(world, "a push after the state key was rotated", "pull_request_target", rotated,
                        "2020-05-07T14:00:00Z", GUARDED_CHANGE_BUDGET + RECORDS, key="the next key"))
    return rows


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp, FakeGitHub() as fake:
        monkeypatch = pytest.MonkeyPatch()
        try:
            rows = scenarios(World(Path(tmp), fake, monkeypatch))
        finally:
            monkeypatch.undo()
        violations = fake.violations
    columns = ["event", "job", "requests", "label colours", "writes", "budget", "ok", "bot cpu ms", "process cpu ms",
               "cold cpu ms"]
    widths = {c: max(len(c), *(len(str(r[c])) for r in rows)) for c in columns}
    print("  ".join(c.ljust(widths[c]) for c in columns))
    for row in rows:
        print("  ".join(str(row[c]).ljust(widths[c]) for c in columns))
    print("\nrequests: GitHub API requests of one run, not counting the one-time PATCH that gives a label GitHub")
    print("created on the fly its colour and description (label colours). bot cpu: the bot's thread in this")
    print("process (imports warm); process cpu adds the fake's own threads; cold cpu: a fresh `python -m ccmflow.bot")
    print("--dry-run` process for the same event, interpreter start and imports included.")
    if violations:
        print("\nrequests GitHub would refuse:\n  " + "\n  ".join(violations))
    return 0 if all(r["ok"] for r in rows) and not violations else 1


if __name__ == "__main__":
    raise SystemExit(main())
