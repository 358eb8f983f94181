"""Shared helpers for the bot's tests: a real origin + Actions checkout built with pygit2, and events to replay."""

from __future__ import annotations

import contextlib
import copy
import io
import json
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import gitutil
import pygit2
import pytest
from ccmflow.bot.main import main
from fakegithub import FakeGitHub, serve_checked

from ccmflow.core.submissions import SubmissionLog, decode

TESTS = Path(__file__).resolve().parent
CCM = TESTS.parent / "documents"
WEBHOOKS = TESTS / "reference" / "github-webhooks"
BASE_TIME = 1_577_836_800  # 2020-01-01: commit dates are never used, so any will do

PRESIDENCY = ("ch-presidency-ccm", 48213907)
AUSTRIA = ("at-mission-geneva", 27361048)
ISU = ("ccm-isu", 39084516)
STRANGER = ("someone-else", 99999901)
BOT_LOGIN = "github-actions[bot]"
STATE_KEY = "key-of-the-test-workflows"

# review-document: its zero-draft window closes 4 May 2020 23:59:59 Europe/Zurich = 21:59:59 UTC.
REVIEW = "documents/review-document.yaml"
PLAN = "documents/lausanne-action-plan.yaml"
PROCESS = "documents/process.yaml"
REGISTRY = "documents/stakeholders.yaml"
REVIEW_OLD = "bringing the total number of States Parties to [number]"
PLAN_OLD = "Each action is accompanied by indicators that allow progress to be measured."
FIRST = "Since the First Review Conference, 110 States have joined the Convention."  # paragraph 5, as a form sends it


def load_payload(event: str, name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((WEBHOOKS / event / name).read_text(encoding="utf-8"))
    return data


def sig(offset: int = 0) -> pygit2.Signature:
    return pygit2.Signature("Delegate", "delegate@example.org", BASE_TIME + offset, 0)


@dataclass
class Run:
    code: int
    out: str
    err: str
    sleeps: list[float]


@dataclass
class World:
    """An origin repository with the CCM documents on main, its Actions checkout, and a fake GitHub."""

    tmp: Path
    fake: FakeGitHub
    monkeypatch: pytest.MonkeyPatch
    origin: pygit2.Repository = field(init=False)
    workspace: pygit2.Repository = field(init=False)
    heads: dict[int, str] = field(default_factory=dict)
    counter: int = 0

    def __post_init__(self) -> None:
        self.origin = pygit2.init_repository(str(self.tmp / "origin.git"), bare=True)
        files = {f"documents/{p.name}": p.read_bytes() for p in sorted(CCM.glob("*.yaml"))}
        files["README.md"] = b"# CCM drafts\n"
        self.base_sha = self._commit(files, None, "refs/heads/main", "CCM documents")
        self.origin.set_head("refs/heads/main")
        self.workspace = pygit2.clone_repository(str(self.tmp / "origin.git"), str(self.tmp / "checkout"))
        # The workflows `ccmflow init` writes; GitHub runs the receipts workflow on each version of a pull request.
        self.fake.add_workflow(".github/workflows/ccmflow-receipts.yml", "ccmflow receipts",
                               pull_request_types=("opened", "synchronize", "reopened"))

    # git ----------------------------------------------------------------------------------------------
    def _commit(self, changes: Mapping[str, bytes | None], parent: str | None, ref: str | None,
                message: str) -> str:
        repo = self.origin
        self.counter += 1
        tree = repo[parent].peel(pygit2.Commit).tree if parent else None
        tree_id = gitutil.tree(repo, tree, changes)
        oid = repo.create_commit(ref, sig(self.counter), sig(self.counter), message, tree_id,
                                 [pygit2.Oid(hex=parent)] if parent else [])
        return str(oid)

    def text(self, path: str, rev: str | None = None) -> str:
        commit = self.origin[rev or self.base_sha].peel(pygit2.Commit)
        blob = self.origin[commit.tree[path].id]
        assert isinstance(blob, pygit2.Blob)
        return blob.data.decode("utf-8")

    def push_base(self, changes: Mapping[str, bytes | None]) -> tuple[str, str]:
        """A new commit on main, and the checkout moved to it (what actions/checkout gives the next job)."""
        before = self.base_sha
        self.base_sha = self._commit(changes, before, "refs/heads/main", "Update on main")
        self.workspace.remotes["origin"].fetch(["+refs/heads/main:refs/remotes/origin/main"])
        self.workspace.reset(pygit2.Oid(hex=self.base_sha), pygit2.enums.ResetMode.HARD)
        return before, self.base_sha

    def merge_pr(self, number: int) -> None:
        """Merge PR `number` into main with a merge commit, as GitHub's merge button does."""
        head = self.origin[self.heads[number]].peel(pygit2.Commit)
        self.counter += 1
        oid = self.origin.create_commit("refs/heads/main", sig(self.counter), sig(self.counter), f"Merge #{number}",
                                        head.tree.id, [pygit2.Oid(hex=self.base_sha), head.id])
        self.base_sha = str(oid)
        self.workspace.remotes["origin"].fetch(["+refs/heads/main:refs/remotes/origin/main"])
        self.workspace.reset(oid, pygit2.enums.ResetMode.HARD)
        self.fake.set_pull(number, merged=True)

    def pr_commit(self, number: int, changes: Mapping[str, bytes | None], parent: str | None = None) -> str:
        """A commit for PR `number`, published the way GitHub does it: as refs/pull/<n>/head in origin."""
        start = parent or self.heads.get(number) or self.base_sha
        sha = self._commit(changes, start, None, f"Input for #{number}")
        self.origin.references.create(f"refs/pull/{number}/head", pygit2.Oid(hex=sha), force=True)
        self.heads[number] = sha
        return sha

    # GitHub -------------------------------------------------------------------------------------------
    def open_pr(self, number: int, changes: Mapping[str, bytes | None], *, at: str,
                user: tuple[str, int] = AUSTRIA, fork: bool = False, labels: tuple[str, ...] = ()) -> dict[str, Any]:
        sha = self.pr_commit(number, changes)
        self.fake.add_pull(number, title=f"Input #{number}", user_login=user[0], user_id=user[1], head_sha=sha,
                           head_ref=f"input-{number}", created_at=at, updated_at=at, fork=fork,
                           base_sha=self.base_sha, labels=labels)
        return self.pr_event("opened", number)

    def push_pr(self, number: int, changes: Mapping[str, bytes | None], *, at: str) -> dict[str, Any]:
        before = self.heads[number]
        sha = self.pr_commit(number, changes)
        self.fake.set_pull(number, head_sha=sha, updated_at=at)
        event = self.pr_event("synchronize", number)
        event["before"], event["after"] = before, sha
        return event

    def force_push_pr(self, number: int, changes: Mapping[str, bytes | None], *, at: str) -> dict[str, Any]:
        """A head pushed over the old one, and the head_ref_force_pushed event GitHub records on the timeline."""
        before = self.heads[number]
        sha = self.pr_commit(number, changes, parent=self.base_sha)
        self.fake.set_pull(number, head_sha=sha, updated_at=at)
        author = self.fake.pull(number)["user"]
        self.fake.add_timeline_event(number, "head_ref_force_pushed", author["login"], author["id"], created_at=at,
                                     commit_id=sha)
        event = self.pr_event("synchronize", number)
        event["before"], event["after"] = before, sha
        return event

    def pr_event(self, action: str, number: int) -> dict[str, Any]:
        """A real payload from GitHub's examples, with this repository's PR facts written over it."""
        source = {"synchronize": "synchronize.1.json", "closed": "closed.1.json",
                  "reopened": "reopened.1.json", "ready_for_review": "ready_for_review.1.json"}
        payload = load_payload("pull_request", source.get(action, "opened.1.json"))
        payload["action"] = action
        payload["number"] = number
        current = self.fake.pull(number)
        pull = payload["pull_request"]
        for key in ("number", "state", "title", "created_at", "updated_at", "closed_at", "merged_at", "labels",
                    "draft", "html_url"):
            pull[key] = copy.deepcopy(current[key])
        pull["user"].update(login=current["user"]["login"], id=current["user"]["id"])
        for side in ("head", "base"):
            pull[side].update(sha=current[side]["sha"], ref=current[side]["ref"], label=current[side]["label"])
            pull[side]["repo"].update(full_name=current[side]["repo"]["full_name"], fork=current[side]["repo"]["fork"])
        payload["repository"].update(full_name=self.fake.full_name, default_branch="main")
        return payload

    def comment_event(self, number: int, body: str, user: tuple[str, int], *, at: str) -> dict[str, Any]:
        comment_id = self.fake.add_comment(number, body, user[0], user[1], created_at=at)
        payload = load_payload("issue_comment", "created.1.json")
        payload["issue"]["number"] = number
        payload["issue"]["pull_request"] = {"url": f"{self.fake.base_url}/repos/{self.fake.full_name}/pulls/{number}"}
        payload["comment"].update(id=comment_id, body=body, created_at=at, updated_at=at)
        payload["comment"]["user"].update(login=user[0], id=user[1])
        payload["sender"].update(login=user[0], id=user[1])
        return payload

    def open_issue(self, body: str, *, at: str, user: tuple[str, int] = AUSTRIA) -> dict[str, Any]:
        """An issue filed with the form, and GitHub's `issues.opened` payload for it."""
        number = self.fake.add_issue(title="Input: ", body=body, user_login=user[0], user_id=user[1],
                                     created_at=at, updated_at=at)
        return self.issue_event("opened", number)

    def edit_issue(self, number: int, body: str, *, at: str) -> dict[str, Any]:
        self.fake.set_issue(number, body=body, updated_at=at)
        return self.issue_event("edited", number)

    def issue_event(self, action: str, number: int) -> dict[str, Any]:
        """A real payload from GitHub's examples, with this repository's issue written over it."""
        payload = load_payload("issues", f"{action}.1.json")
        current = self.fake.issue(number)
        for key in ("number", "title", "body", "state", "created_at", "updated_at", "labels", "html_url"):
            payload["issue"][key] = copy.deepcopy(current[key])
        payload["issue"].pop("pull_request", None)
        payload["issue"]["user"].update(login=current["user"]["login"], id=current["user"]["id"])
        payload["sender"].update(login=current["user"]["login"], id=current["user"]["id"])
        payload["repository"].update(full_name=self.fake.full_name, default_branch="main")
        return payload

    def push_event(self, before: str, after: str) -> dict[str, Any]:
        payload = load_payload("push", "event.5.json")
        payload.update(ref="refs/heads/main", before=before, after=after, deleted=False)
        payload["repository"].update(default_branch="main", master_branch="main")
        return payload

    def run(self, event: str, payload: Mapping[str, Any], *, now: str, dry_run: bool = False,
            env: Mapping[str, str] | None = None, phase: str = "all") -> Run:
        """The entry point, as the workflow runs it: everything from the environment and the event file."""
        path = self.tmp / f"event-{self.counter}-{len(self.fake.requests)}.json"
        path.write_text(json.dumps(payload), encoding="utf-8")
        settings = {**self.fake.env(), "GITHUB_EVENT_NAME": event, "GITHUB_EVENT_PATH": str(path),
                    "GITHUB_WORKSPACE": str(self.tmp / "checkout"), "CCMFLOW_NOW": now,
                    # As the workflows run it: with the repository secret that signs the bot's hidden log.
                    "CCMFLOW_STATE_KEY": STATE_KEY, **(env or {})}
        for key, value in settings.items():
            self.monkeypatch.setenv(key, value)
        sleeps: list[float] = []
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main([*(["--dry-run"] if dry_run else []), "--phase", phase], sleep=sleeps.append)
        return Run(code, out.getvalue(), err.getvalue(), sleeps)

    # final state --------------------------------------------------------------------------------------
    def bot_comments(self, number: int) -> list[dict[str, Any]]:
        return [c for c in self.fake.comments(number) if c["user"]["login"] == BOT_LOGIN]

    def status_comment(self, number: int) -> str:
        found = [c for c in self.bot_comments(number) if "<!-- ccmflow:status -->" in c["body"]]
        assert len(found) == 1, f"expected exactly one status comment, found {len(found)}"
        body: str = found[0]["body"]
        return body

    def statuses(self, number: int) -> dict[str, tuple[str, str]]:
        return {k: (v["state"], v["description"]) for k, v in self.fake.statuses(self.heads[number]).items()}

    def snapshot(self, number: int) -> tuple[set[str], list[str], dict[str, tuple[str, str]], str]:
        """The final state a delegate sees: labels, bot comments, statuses on the head, PR state."""
        return (self.fake.issue_labels(number), [c["body"] for c in self.bot_comments(number)],
                self.statuses(number), self.fake.pull(number)["state"])


def serve_world(tmp: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[World]:
    """A World in `tmp` with its fake GitHub served and checked, and no GITHUB_ or CCMFLOW_ variable from the shell
    running the tests."""
    for fake in serve_checked():
        for key in [k for k in os.environ if k.startswith(("GITHUB_", "CCMFLOW_"))]:
            monkeypatch.delenv(key)
        yield World(tmp, fake, monkeypatch)

def edit(text: str, old: str, new: str) -> bytes:
    assert old in text, f"{old!r} not in the text"
    return text.replace(old, new, 1).encode("utf-8")


def change(w: World, words: str = "110", base: str | None = None) -> dict[str, bytes | None]:
    """An input to the review document (at `base`, else main): the number of States Parties set to `words`."""
    return {REVIEW: edit(w.text(REVIEW, base), REVIEW_OLD, f"bringing the total number of States Parties to {words}")}


def form(*, document: str = "Lausanne Review Document", kind: str = "Amend a paragraph", paragraph: str = "5",
         text: str = FIRST, behalf: str = "_No response_") -> str:
    """A body as GitHub writes a submitted form: a heading per field, a blank line, the answer."""
    return (f"### Document\n\n{document}\n\n### Kind of input\n\n{kind}\n\n### Paragraph\n\n{paragraph}\n\n"
            f"### Proposed text or remark\n\n{text}\n\n### Justification\n\n_No response_\n\n"
            f"### On whose behalf\n\n{behalf}")


def run(w: World, event: str, payload: Mapping[str, Any], now: str, key: str = STATE_KEY) -> str:
    """A run of the entry point that must succeed, with `key` as the state key secret; what it printed."""
    result = w.run(event, payload, now=now, env={"CCMFLOW_STATE_KEY": key})
    assert result.code == 0, result.err
    return result.out


def run_issue(w: World, payload: Mapping[str, Any], now: str) -> str:
    return run(w, "issues", payload, now)


def state(w: World, number: int, key: str = STATE_KEY) -> SubmissionLog:
    """The input's state as the bot's status comment holds it, read with `key` (none when empty)."""
    log = decode(w.status_comment(number), key.encode() or None, number)
    assert log is not None
    return log
