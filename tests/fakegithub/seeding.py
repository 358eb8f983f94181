"""Seeding and inspecting the fake's state from Python (no HTTP, no validation, no request log)."""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path
from typing import Any

from .render import JSONDict, Renderer
from .state import Comment, Issue, PullInfo, RepoState, Status, TimelineEvent, User, Workflow, now

_ISSUE_FIELDS = frozenset(
    {
        "title",
        "body",
        "state",
        "state_reason",
        "labels",
        "updated_at",
        "closed_at",
        "locked",
        "author_association",
        "created_at",
    }
)
_PULL_FIELDS = frozenset(
    {
        "head_sha",
        "head_ref",
        "base_ref",
        "base_sha",
        "draft",
        "merged",
        "merged_at",
        "merge_commit_sha",
        "fork",
        "maintainer_can_modify",
    }
)


def fake_sha(seed: str) -> str:
    """A deterministic 40-hex SHA for seeded objects that need one."""
    return hashlib.sha1(seed.encode()).hexdigest()


class Seeding:
    """Mixin of FakeGitHub: arrange a scenario before the client runs, inspect the outcome after."""

    state: RepoState
    actor: User
    render: Renderer
    _lock: threading.RLock

    # seeding ------------------------------------------------------------------------------------------
    def add_issue(
        self,
        number: int | None = None,
        *,
        title: str,
        body: str | None = "",
        user_login: str,
        user_id: int,
        user_type: str = "User",
        state: str = "open",
        state_reason: str | None = None,
        labels: tuple[str, ...] | list[str] = (),
        created_at: str | None = None,
        updated_at: str | None = None,
        author_association: str = "NONE",
    ) -> int:
        """Seed an issue (no HTTP, no validation); returns its number."""
        with self._lock:
            number = self._free_number(number)
            stamp = created_at or now()
            issue = Issue(
                number,
                self.state.new_id("issue"),
                title,
                body,
                User(user_login, user_id, user_type),
                stamp,
                updated_at or stamp,
                author_association=author_association,
                labels=[self.state.ensure_label(name) for name in labels],
            )
            self.state.issues[number] = issue
            if state != "open":
                self.state.set_state(issue, state, state_reason, issue.user)
            return number

    def add_pull(
        self,
        number: int | None = None,
        *,
        title: str,
        body: str | None = "",
        user_login: str,
        user_id: int,
        head_sha: str,
        head_ref: str,
        created_at: str | None = None,
        updated_at: str | None = None,
        fork: bool = False,
        draft: bool = False,
        base_ref: str = "main",
        base_sha: str | None = None,
        user_type: str = "User",
        labels: tuple[str, ...] | list[str] = (),
        author_association: str = "CONTRIBUTOR",
    ) -> int:
        """Seed an open pull request (it is also an issue with the same number); returns its number."""
        with self._lock:
            number = self.add_issue(
                number,
                title=title,
                body=body,
                user_login=user_login,
                user_id=user_id,
                user_type=user_type,
                labels=labels,
                created_at=created_at,
                updated_at=updated_at,
                author_association=author_association,
            )
            base = base_sha or fake_sha(f"base:{base_ref}")
            issue = self.state.issues[number]
            issue.pull = PullInfo(head_sha, head_ref, base_ref, base, fork=fork, draft=draft)
            self.state.pull_request_activity(issue, "opened", issue.created_at)
            return number

    def _free_number(self, number: int | None) -> int:
        if number is None:
            return self.state.next_number()
        if number in self.state.issues:
            raise ValueError(f"issue/pull #{number} already exists")
        return number

    def add_comment(
        self,
        number: int,
        body: str,
        user_login: str,
        user_id: int,
        type: str = "User",
        *,
        created_at: str | None = None,
        updated_at: str | None = None,
        author_association: str = "NONE",
    ) -> int:
        """Seed a comment on issue/PR ``number``; returns the comment id."""
        with self._lock:
            if number not in self.state.issues:
                raise KeyError(f"no issue/pull #{number}")
            stamp = created_at or now()
            comment = Comment(
                self.state.new_id("comment"),
                number,
                body,
                User(user_login, user_id, type),
                stamp,
                updated_at or stamp,
                author_association,
            )
            self.state.comments[comment.id] = comment
            return comment.id

    def set_comment(self, comment_id: int, body: str, updated_at: str | None = None) -> None:
        """Rewrite a comment as its author would (no HTTP, no validation)."""
        with self._lock:
            comment = self.state.comments[comment_id]
            comment.body = body
            comment.updated_at = updated_at or now()

    def add_label(self, name: str, color: str = "ededed", description: str | None = None) -> int:
        """Seed a repository label; returns its id."""
        with self._lock:
            if self.state.find_label(name):
                raise ValueError(f"label {name!r} already exists (names are case-insensitive)")
            return self.state.add_label(name, color, description).id

    def add_status(
        self,
        sha: str,
        state: str,
        context: str = "default",
        description: str | None = None,
        target_url: str | None = None,
    ) -> int:
        """Seed a commit status (created by the token's user); returns its id."""
        with self._lock:
            stamp = now()
            status = Status(
                self.state.new_id("status"), sha, state, context, description, target_url, self.actor, stamp, stamp
            )
            self.state.statuses.append(status)
            return status.id

    def add_timeline_event(
        self,
        number: int,
        event: str,
        user_login: str,
        user_id: int,
        *,
        created_at: str | None = None,
        commit_id: str | None = None,
    ) -> int:
        """Seed an event on the timeline of issue/PR ``number`` (e.g. ``head_ref_force_pushed``); returns its id."""
        with self._lock:
            if number not in self.state.issues:
                raise KeyError(f"no issue/pull #{number}")
            item = TimelineEvent(self.state.new_id("event"), number, event, User(user_login, user_id),
                                 created_at or now(), commit_id)
            self.state.timeline.append(item)
            return item.id

    def add_workflow(self, path: str, name: str, *, pull_request_types: tuple[str, ...] = ()) -> int:
        """A workflow file of the repository; from now on, each such pull request activity creates a run of it."""
        with self._lock:
            workflow = Workflow(self.state.new_id("workflow"), path, name, pull_request_types)
            self.state.workflows[workflow.id] = workflow
            return workflow.id

    def runs(self) -> list[JSONDict]:
        """Every workflow run, newest first, as the API lists them."""
        with self._lock:
            return [self.render.workflow_run(r) for r in sorted(self.state.runs, key=lambda r: -r.id)]

    def delete_runs(self) -> None:
        """Delete every run, as a maintainer can (one by one) on GitHub."""
        with self._lock:
            self.state.runs.clear()

    def grant(self, *permissions: str) -> None:
        """The only optional permissions the job's token has from now on (e.g. none: ``grant()``)."""
        with self._lock:
            self.state.token_permissions = set(permissions)

    def use_git(self, path: str | Path) -> None:
        """Back the repository with the git repository at `path`: its branches, and refs/pull/<n>/head."""
        from .gitrefs import GitRefs

        with self._lock:
            self.state.git = GitRefs(path)

    def set_permission(self, login: str, role: str) -> None:
        """Role for GET /collaborators/{login}/permission: admin, maintain, write, triage, read, none."""
        with self._lock:
            self.state.permissions[login.lower()] = role

    def set_issue(self, number: int, **fields: Any) -> None:
        """Change an issue behind the API's back: title, body, state, state_reason, labels, ..."""
        unknown = set(fields) - _ISSUE_FIELDS
        if unknown:
            raise TypeError(f"unknown issue fields: {sorted(unknown)}")
        with self._lock:
            issue = self.state.issues[number]
            self._set_issue_fields(issue, dict(fields))

    def _set_issue_fields(self, issue: Issue, fields: dict[str, Any]) -> None:
        if "labels" in fields:
            issue.labels = [self.state.ensure_label(name) for name in fields.pop("labels")]
        if "state" in fields:
            self.state.set_state(issue, fields.pop("state"), fields.get("state_reason"), issue.user)
        explicit_update = "updated_at" in fields
        for name, value in fields.items():
            setattr(issue, name, value)
        if not explicit_update:
            issue.updated_at = now()

    def set_pull(self, number: int, **fields: Any) -> None:
        """Change a pull request: new ``head_sha``, ``state="closed"``, ``merged=True``, ``draft``, ..."""
        unknown = set(fields) - _ISSUE_FIELDS - _PULL_FIELDS
        if unknown:
            raise TypeError(f"unknown pull request fields: {sorted(unknown)}")
        with self._lock:
            issue = self.state.issues[number]
            if issue.pull is None:
                raise KeyError(f"#{number} is an issue, not a pull request")
            pull_fields = {k: fields.pop(k) for k in list(fields) if k in _PULL_FIELDS}
            pushed = "head_sha" in pull_fields and pull_fields["head_sha"] != issue.pull.head_sha
            reopened = fields.get("state") == "open" and issue.state == "closed"
            if pull_fields.get("merged"):
                pull_fields.setdefault("merged_at", now())
                pull_fields.setdefault("merge_commit_sha", fake_sha(f"merge:{number}"))
                fields.setdefault("state", "closed")
            for name, value in pull_fields.items():
                setattr(issue.pull, name, value)
            self._set_issue_fields(issue, fields)
            for action, happened in (("synchronize", pushed), ("reopened", reopened)):
                if happened:
                    self.state.pull_request_activity(issue, action, issue.updated_at)

    # inspection ---------------------------------------------------------------------------------------
    def labels(self) -> dict[str, JSONDict]:
        """Repository labels by name: ``{"name", "color", "description"}``."""
        with self._lock:
            return {
                lab.name: {"name": lab.name, "color": lab.color, "description": lab.description}
                for lab in sorted(self.state.labels.values(), key=lambda lab: lab.id)
            }

    def issue_labels(self, number: int) -> set[str]:
        with self._lock:
            return {lab.name for lab in self.state.issues[number].labels}

    def comments(self, number: int) -> list[JSONDict]:
        """Comments on issue/PR ``number``, oldest first, as the API returns them."""
        with self._lock:
            return [self.render.comment(c) for c in self.state.issue_comments(number)]

    def statuses(self, sha: str) -> dict[str, JSONDict]:
        """Newest status per context for ``sha``, keyed by context."""
        with self._lock:
            return {s.context: self.render.status(s) for s in self.state.latest_statuses(sha).values()}

    def issue(self, number: int) -> JSONDict:
        with self._lock:
            return self.render.issue(self.state.issues[number])

    def pull(self, number: int) -> JSONDict:
        with self._lock:
            issue = self.state.issues[number]
            if issue.pull is None:
                raise KeyError(f"#{number} is an issue, not a pull request")
            return self.render.pull(issue)
