"""Payloads in shapes the bot does not expect, through the entry point: one line saying why, never a traceback.

Every reference payload, and each handled one with every field along the paths the bot reads removed, set to
null and given another type; then event files that are not JSON objects at all. One fake GitHub and one
repository serve the whole module: a run that ignores its payload writes nothing to either.
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import re
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from botkit import PRESIDENCY, REVIEW, REVIEW_OLD, STATE_KEY, WEBHOOKS, Run, World, edit, load_payload
from ccmflow.bot.client import PullInfo
from ccmflow.bot.main import build_router, main
from ccmflow.bot.payload import PayloadError
from fakegithub import serve_checked

NOW = "2020-05-06T08:00:00Z"
ON_TIME = "2020-04-20T10:00:00Z"

# The fields the bot reads of each event it handles; every prefix of each path is mutated too.
PULL = ["number", "state", "head.sha", "head.repo.full_name", "base.ref", "user.id", "user.login",
        "created_at", "updated_at", "merged_at", "merged", "labels.0.name", "html_url", "title", "body"]
READS: dict[str, list[str]] = {
    "pull_request_target": ["action", *(f"pull_request.{p}" for p in PULL)],
    "issue_comment": ["action", "issue.number", "issue.pull_request", "comment.id", "comment.body",
                      "comment.user.id", "comment.user.login", "comment.created_at"],
    "push": ["ref", "before", "after", "deleted", "repository.default_branch", "repository.html_url"],
    "workflow_dispatch": ["ref", "repository.default_branch"],
    "issues": ["action", "issue.number", "issue.body", "issue.user.id", "issue.user.login",
               "issue.created_at", "issue.updated_at", "issue.state", "repository.default_branch",
               "sender.id", "sender.login"],
}
# Fields GitHub may leave out or send as null: the payload is still handled then.
OPTIONAL = {"pull_request.merged_at", "pull_request.merged", "pull_request.labels", "pull_request.labels.0",
            "pull_request.html_url", "pull_request.title", "pull_request.body", "pull_request.head.repo",
            "issue.pull_request", "repository.html_url", "issue.title", "issue.body", "issue.labels",
            "issue.labels.0", "issue.html_url"}


def tolerates(path: str, how: str) -> bool:
    """Whether the mutation leaves a payload the bot handles: an optional field absent or null."""
    if path.endswith(".0"):
        return how == "removed" and path in OPTIONAL  # an empty list; a null item is an error
    return how in ("removed", "null") and path in OPTIONAL


def prefixes(paths: list[str]) -> list[str]:
    found: dict[str, None] = {}
    for path in paths:
        parts = path.split(".")
        for end in range(1, len(parts) + 1):
            found[".".join(parts[:end])] = None
    return list(found)


def others(value: Any) -> list[Any]:
    """Values of other JSON types than `value`, including the ones a careless int() or str() accepts."""
    if isinstance(value, bool):
        return ["true", 1]
    if isinstance(value, int):
        return [str(value), True, 2**70, -value, float(value)]
    if isinstance(value, str):
        return [17, {"value": value}, [value]]
    if isinstance(value, dict):
        return [[value], "object", 3]
    if isinstance(value, list):
        return [{"0": value}, "list"]
    return [{"x": 1}, "x", 5]


def lookup(payload: Any, path: str) -> tuple[Any, str | int]:
    parent = payload
    keys: list[str | int] = [int(k) if k.isdigit() else k for k in path.split(".")]
    for key in keys[:-1]:
        parent = parent[key]
    return parent, keys[-1]


def mutations(payload: dict[str, Any], paths: list[str]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(path, how, mutated payload) for every path present in the payload."""
    for path in prefixes(paths):
        try:
            parent, key = lookup(payload, path)
            value = parent[key]
        except (KeyError, IndexError, TypeError):
            continue
        for how, replacement in [("removed", None), ("null", None), *((f"= {v!r}", v) for v in others(value))]:
            mutated = copy.deepcopy(payload)
            target, key = lookup(mutated, path)
            if how == "removed":
                if isinstance(target, list):
                    target.clear()
                else:
                    del target[key]
            else:
                target[key] = replacement
            yield path, how, mutated


def run_file(w: World, event: str, raw: bytes, phase: str = "all", env: dict[str, str] | None = None) -> Run:
    path = w.tmp / "event.json"
    path.write_bytes(raw)
    settings = {**w.fake.env(), "GITHUB_EVENT_NAME": event, "GITHUB_EVENT_PATH": str(path),
                "GITHUB_WORKSPACE": str(w.tmp / "checkout"), "CCMFLOW_NOW": NOW, "CCMFLOW_STATE_KEY": STATE_KEY,
                **(env or {})}
    for key, value in settings.items():
        w.monkeypatch.setenv(key, value)
    sleeps: list[float] = []
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--phase", phase], sleep=sleeps.append)
    return Run(code, out.getvalue(), err.getvalue(), sleeps)


def quiet_and_green(run: Run) -> list[str]:
    """Exit 0, nothing on stderr, and only one-line 'ccmflow-bot: <where>: handled|ignored: <why>' lines."""
    assert run.code == 0, run.err
    assert run.err == "" and "Traceback" not in run.out
    lines = run.out.splitlines()
    assert lines
    for line in lines:
        assert line.startswith("ccmflow-bot: ") and (": handled: " in line or ": ignored: " in line), line
    return lines


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    """One repository with PR #1 (its head in origin) and one fake GitHub for every run of the module."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        for fake in serve_checked():
            w = World(tmp_path_factory.mktemp("payloads"), fake, monkeypatch)
            w.open_pr(1, {REVIEW: edit(w.text(REVIEW), REVIEW_OLD, "to 110")}, at=ON_TIME)
            yield w


def pr_payload(w: World, name: str) -> dict[str, Any]:
    payload = load_payload("pull_request", name)
    current = w.pr_event(payload["action"], 1)["pull_request"]
    payload["pull_request"].update(number=1, head=current["head"], user=current["user"], base=current["base"])
    return payload


def handled_payloads(w: World) -> list[tuple[str, dict[str, Any]]]:
    """One payload per handled (event, action), pointing at things that exist so the unmutated run does work."""
    comment = w.comment_event(1, "/ccmflow recheck", PRESIDENCY, at=NOW)
    push = w.push_event(w.base_sha, w.base_sha)
    dispatch = load_payload("workflow_dispatch", "event.1.json")
    dispatch["repository"]["default_branch"] = "main"
    # An issue form that cannot be used (no paragraph): answered with what to fix, and nothing else written.
    form = w.fake.add_issue(title="Input: ", body="### Document\n\nLausanne Review Document\n\n### Kind of input"
                            "\n\nDelete a paragraph", user_login=PRESIDENCY[0], user_id=PRESIDENCY[1],
                            labels=("input",), created_at=ON_TIME, updated_at=ON_TIME)
    return [*(("pull_request_target", pr_payload(w, n)) for n in ("opened.1.json", "synchronize.1.json",
                                                                   "closed.1.json")),
            ("issue_comment", comment), ("push", push), ("workflow_dispatch", dispatch),
            ("issues", w.issue_event("opened", form))]


def test_every_reference_payload_is_handled_or_ignored_in_one_line_each(shared: World) -> None:
    router = build_router()
    for path in sorted(WEBHOOKS.glob("*/*.json")):
        run = run_file(shared, path.parent.name, path.read_bytes(), phase="primary")
        action = json.loads(path.read_bytes()).get("action")
        assert len(quiet_and_green(run)) == max(1, len(router.handlers(path.parent.name, action, ("primary",))))


def test_every_field_the_bot_reads_removed_null_or_of_another_type(shared: World) -> None:
    count = 0
    for event, payload in handled_payloads(shared):
        unmutated = quiet_and_green(run_file(shared, event, json.dumps(payload).encode()))
        assert not any("not one the bot can use" in line for line in unmutated), unmutated
        for path, how, mutated in mutations(payload, READS[event]):
            count += 1
            lines = quiet_and_green(run_file(shared, event, json.dumps(mutated).encode()))
            where = f"{event}: {path} {how}"
            tolerated = tolerates(path, how)
            if path == "action":
                assert lines == [lines[0]] and "ignored: the bot has no behaviour" in lines[0], where
            elif not tolerated:
                # One line that names the event, the field and what is wrong with it.
                assert len(lines) == 1 and ": ignored: the payload is not one the bot can use" in lines[0], where
                shown = re.sub(r"[.](\d+)", r"[\1]", path)
                assert f": {event}" in lines[0] and f"{shown}: " in lines[0], where
    assert count > 300


OPENED = (WEBHOOKS / "pull_request" / "opened.1.json").read_bytes()


@pytest.mark.parametrize(("raw", "why"), [
    (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    (b'{"action": "opened", "number": ' + b"9" * 5000 + b"}", "not valid JSON"),
    (OPENED.replace(b'"number": 2,', b'"number": 1e999,'), "pull_request.number: expected a positive integer"),
    (OPENED.replace(b'"number": 2,', b'"number": ' + b"9" * 30 + b","), "pull_request.number: expected a positive"),
    (OPENED.replace(b'"state": "open"', b'"state": "draft"', 1),
     "pull_request.state: expected 'open' or 'closed', got the text 'draft'"),
    (OPENED.replace(b'"login": "Codertocat"', b'"login": "  "', 1),
     "pull_request.user.login: expected a name, got the text '  '"),
    (OPENED.replace(b'"sha": "ec26c3e57ca3a959ca5aad62de7213c562f8c821"', b'"sha": "ec26c3e"', 1),
     "pull_request.head.sha: expected a commit sha, got the text 'ec26c3e'"),
    (b"\xff\xfe{}", "not UTF-8"),
    (b"", "not valid JSON"),
    (b"[1, 2]", "not a JSON object but a list"),
    (b"null", "not a JSON object but null"),
    (b'"text"', "not a JSON object"),
    (b'{"action": "\\ud800\\n"}', "no behaviour"),
    (b'{"action": "opened", "pull_request": "\\ud800\\nline"}', "pull_request: expected an object"),
])
def test_event_files_that_are_no_usable_payload(shared: World, raw: bytes, why: str) -> None:
    lines = quiet_and_green(run_file(shared, "pull_request_target", raw))
    assert len(lines) == 1 and ": ignored: " in lines[0] and why in lines[0]


def test_an_event_file_that_cannot_be_read_stops_the_run(shared: World, tmp_path: Path) -> None:
    run = run_file(shared, "push", b"{}", env={"GITHUB_EVENT_PATH": str(tmp_path / "missing.json")})
    assert run.code == 2 and run.out == "" and "cannot read the event payload" in run.err
    assert len(run.err.splitlines()) == 1


def closed_port() -> int:
    with socket.socket() as sock:  # bound then closed: nothing listens there while the test runs
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


@pytest.mark.parametrize(("event", "phase"), [("pull_request_target", "primary"), ("pull_request_target", "follow-up"),
                                              ("issue_comment", "all"), ("schedule", "all")])
def test_a_run_that_cannot_reach_github_fails_in_one_line(shared: World, event: str, phase: str) -> None:
    payload = {"pull_request_target": lambda: shared.pr_event("synchronize", 1),
               "issue_comment": lambda: shared.comment_event(1, "/ccmflow recheck", PRESIDENCY, at=NOW),
               "schedule": lambda: {"schedule": "5 * * * *"}}[event]()
    run = run_file(shared, event, json.dumps(payload).encode(), phase=phase,
                   env={"GITHUB_API_URL": f"http://127.0.0.1:{closed_port()}"})
    assert run.code == 2 and run.out == ""
    assert run.err.startswith("ccmflow-bot: could not reach GitHub to ") and "ConnectionError" in run.err
    assert len(run.err.splitlines()) == 1 and run.sleeps == [1.0, 2.0, 4.0, 8.0]  # retried, never waited


def test_a_refresh_after_triage_that_keeps_getting_5xx_fails_the_run(shared: World) -> None:
    shared.fake.fail("GET", "/repos/*/issues", status=502, times=5)
    run = run_file(shared, "pull_request_target", json.dumps(shared.pr_event("synchronize", 1)).encode(),
                   phase="follow-up")
    assert run.code == 2 and "could not reach GitHub" in run.err and "502" in run.err
    assert shared.fake.pending_faults == 0


@pytest.mark.parametrize("case", ["issue", "missing", "not a pull request"])
def test_a_command_about_no_pull_request_is_answered_politely(shared: World, case: str) -> None:
    number = {"issue": 40, "missing": 41, "not a pull request": 42}[case]
    shared.fake.add_issue(number, title="A question", user_login=PRESIDENCY[0], user_id=PRESIDENCY[1])
    event = shared.comment_event(number, "/ccmflow accept-late", PRESIDENCY, at=NOW)
    if case == "issue":
        del event["issue"]["pull_request"]  # said on an issue: GitHub's payload says so
    if case == "missing":
        shared.fake.state.issues.pop(number)  # deleted since: nothing to answer on
    for _ in range(2):  # run twice: answered once
        lines = quiet_and_green(run_file(shared, "issue_comment", json.dumps(event).encode(), phase="primary"))
        assert len(lines) == 1 and f"#{number}: '/ccmflow accept-late' is about a pull request" in lines[0]
    if case == "missing":
        assert "nothing to answer on" in lines[0]
        return
    replies = [c["body"] for c in shared.bot_comments(number)]
    assert len(replies) == 1 and f"#{number} is not a pull request of this repository" in replies[0]
    assert "@\u2060ch-presidency-ccm" in replies[0]  # named, but a login from a payload never notifies


def test_a_pull_request_from_the_api_in_another_shape_is_refused_by_field(shared: World) -> None:
    answer = shared.fake.pull(1)  # as GET /pulls/1 answers it
    assert PullInfo.from_json(answer, fresh=True).head_sha == shared.heads[1]
    for path, how, mutated in mutations(answer, PULL):
        if tolerates(f"pull_request.{path}", how):
            PullInfo.from_json(mutated)
            continue
        with pytest.raises(PayloadError) as caught:
            PullInfo.from_json(mutated)
        assert caught.value.path == re.sub(r"[.](\d+)", r"[\1]", path), (path, how)
