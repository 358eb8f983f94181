"""The entry point itself: `python -m ccmflow.bot`, what the environment must give it, and how a run ends when it
cannot do its work (exit codes, one line on stderr, never a traceback)."""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys

from botkit import PROCESS, STATE_KEY, World, change, edit
from ccmflow.bot.main import main

OPENED = "2020-04-20T10:00:00Z"


def _environment(w: World, event: str, payload: dict[str, object]) -> dict[str, str]:
    """The variables a workflow job gives the bot, for `payload` written to an event file."""
    path = w.tmp / "event.json"
    path.write_text(json.dumps(payload), encoding="utf-8")
    return {**w.fake.env(), "GITHUB_EVENT_NAME": event, "GITHUB_EVENT_PATH": str(path),
            "GITHUB_WORKSPACE": str(w.tmp / "checkout"), "CCMFLOW_NOW": OPENED, "CCMFLOW_STATE_KEY": STATE_KEY}


def _module(w: World, settings: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """`python -m ccmflow.bot` in a process of its own, with only `settings` from GitHub Actions."""
    env = {**{k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "CCMFLOW_"))}, **settings}
    return subprocess.run([sys.executable, "-m", "ccmflow.bot", "--phase", "primary"], env=env, cwd=w.tmp,
                          capture_output=True, text=True, timeout=120, check=False)


def test_python_dash_m_runs_the_bot(world: World) -> None:
    done = _module(world, _environment(world, "pull_request_target", world.open_pr(1, change(world), at=OPENED)))
    assert done.returncode == 0, done.stderr
    assert "ccmflow-bot: pull_request_target/opened: handled: " in done.stdout
    assert "doc:review-document" in world.fake.issue_labels(1)
    assert len(world.bot_comments(1)) == 1


def test_python_dash_m_outside_a_workflow_job_says_what_is_missing(world: World) -> None:
    done = _module(world, {})
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.strip() == ("ccmflow-bot: missing GITHUB_REPOSITORY, GITHUB_TOKEN in the environment (the "
                                   "bot runs in a GitHub Actions job; see the workflows under .github/workflows/)")


def test_a_run_without_its_event_stops_with_one_line(world: World) -> None:
    run = world.run("pull_request_target", world.open_pr(1, change(world), at=OPENED), now=OPENED,
                    env={"GITHUB_EVENT_NAME": ""})
    assert run.code == 2 and run.out == ""
    assert run.err == "ccmflow-bot: missing GITHUB_EVENT_NAME or GITHUB_EVENT_PATH in the environment\n"
    assert world.fake.requests == []


def test_an_invalid_base_branch_triages_nothing_and_names_the_file_and_line(world: World) -> None:
    world.push_base({PROCESS: edit(world.text(PROCESS), "timezone: Europe/Zurich", "timezone: [Europe/Zurich")})
    run = world.run("pull_request_target", world.open_pr(1, change(world), at=OPENED), now=OPENED)
    assert run.code == 1, run.err
    assert run.err.startswith("ccmflow-bot: the base branch's files are not valid, so nothing was triaged:\n")
    assert f"\n{PROCESS}:14:3: not valid YAML: " in run.err and "(fix: check indentation, quotes" in run.err
    assert [r for r in world.fake.requests if r.method != "GET"] == []
    assert world.bot_comments(1) == [] and world.fake.issue_labels(1) == set()


def test_interrupted_while_waiting_out_a_rate_limit_the_run_ends_with_130(world: World) -> None:
    event = world.open_pr(1, change(world), at=OPENED)
    world.fake.rate_limit("GET", "/repos/*/issues/1/comments", kind="secondary", reset_in=30)
    for key, value in _environment(world, "pull_request_target", event).items():
        world.monkeypatch.setenv(key, value)
    waited: list[float] = []

    def interrupted(seconds: float) -> None:  # the operator presses Ctrl-C during the wait
        waited.append(seconds)
        raise KeyboardInterrupt

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([], sleep=interrupted)
    assert (code, waited, out.getvalue(), err.getvalue()) == (130, [30.0], "", "")
    assert world.bot_comments(1) == []
